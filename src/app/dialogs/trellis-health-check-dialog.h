/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-health-check-dialog.h: recording a child's health check
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_HEALTH_CHECK_DIALOG (trellis_health_check_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHealthCheckDialog, trellis_health_check_dialog, TRELLIS,
                      HEALTH_CHECK_DIALOG, AdwMessageDialog)

TrellisHealthCheckDialog *trellis_health_check_dialog_new (GtkWindow      *parent,
                                                           TrellisContext *context,
                                                           TrellisChild   *child);

G_END_DECLS
