/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-appointment-dialog.h: adding a child's appointment, or recording what came of it
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_APPOINTMENT_DIALOG (trellis_appointment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAppointmentDialog, trellis_appointment_dialog, TRELLIS,
                      APPOINTMENT_DIALOG, AdwMessageDialog)

TrellisAppointmentDialog *trellis_appointment_dialog_new (GtkWindow          *parent,
                                                          TrellisContext     *context,
                                                          TrellisChild       *child,
                                                          TrellisAppointment *appointment);

G_END_DECLS
