/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-incident-dialog.h: recording an incident in a child's care
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_INCIDENT_DIALOG (trellis_incident_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisIncidentDialog, trellis_incident_dialog, TRELLIS, INCIDENT_DIALOG,
                      AdwMessageDialog)

TrellisIncidentDialog *trellis_incident_dialog_new (GtkWindow      *parent,
                                                    TrellisContext *context,
                                                    TrellisChild   *child);

G_END_DECLS
