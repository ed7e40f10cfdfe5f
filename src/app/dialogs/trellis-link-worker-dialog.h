/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-link-worker-dialog.h: a Manager changes a child's Link Worker
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_LINK_WORKER_DIALOG (trellis_link_worker_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisLinkWorkerDialog, trellis_link_worker_dialog,
                      TRELLIS, LINK_WORKER_DIALOG, AdwMessageDialog)

TrellisLinkWorkerDialog *trellis_link_worker_dialog_new         (GtkWindow               *parent,
                                                                 TrellisContext          *context,
                                                                 TrellisChild            *child,
                                                                 GError                 **error);
gboolean                 trellis_link_worker_dialog_choose      (TrellisLinkWorkerDialog *self,
                                                                 const char              *display_name);
const char              *trellis_link_worker_dialog_get_problem (TrellisLinkWorkerDialog *self);

G_END_DECLS
