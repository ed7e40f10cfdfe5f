/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-complaint-dialogs.h: recording what a child was given and told, their complaints
 * and how each was handled, and attaching a document
 */
#pragma once

#include "trellis-form-dialog.h"

G_BEGIN_DECLS

TrellisFormDialog *trellis_checklist_dialog_new         (GtkWindow        *parent,
                                                         TrellisContext   *context,
                                                         TrellisChild     *child);
TrellisFormDialog *trellis_complaint_dialog_new         (GtkWindow        *parent,
                                                         TrellisContext   *context,
                                                         TrellisChild     *child);
TrellisFormDialog *trellis_complaint_outcome_dialog_new (GtkWindow        *parent,
                                                         TrellisContext   *context,
                                                         TrellisComplaint *complaint);
TrellisFormDialog *trellis_attachment_dialog_new        (GtkWindow        *parent,
                                                         TrellisContext   *context,
                                                         TrellisChild     *child,
                                                         const char       *path,
                                                         GBytes           *content);

G_END_DECLS
