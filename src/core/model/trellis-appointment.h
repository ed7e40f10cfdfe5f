/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-appointment.h: a child's health appointment, and what came of it
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_APPOINTMENT (trellis_appointment_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAppointment, trellis_appointment, TRELLIS, APPOINTMENT, GObject)

TrellisAppointment *trellis_appointment_new             (gint64       id,
                                                        gint64       child_id,
                                                        GDateTime   *on_date,
                                                        const char  *time,
                                                        const char  *with_whom,
                                                        const char  *purpose,
                                                        const char  *outcome,
                                                        int          version,
                                                        const char  *recorded_by);
gint64              trellis_appointment_get_id          (TrellisAppointment *self);
gint64              trellis_appointment_get_child_id    (TrellisAppointment *self);
GDateTime          *trellis_appointment_get_date        (TrellisAppointment *self);
const char         *trellis_appointment_get_time        (TrellisAppointment *self);
const char         *trellis_appointment_get_with_whom   (TrellisAppointment *self);
const char         *trellis_appointment_get_purpose     (TrellisAppointment *self);
const char         *trellis_appointment_get_outcome     (TrellisAppointment *self);
int                 trellis_appointment_get_version     (TrellisAppointment *self);
const char         *trellis_appointment_get_recorded_by (TrellisAppointment *self);
char               *trellis_appointment_dup_when        (TrellisAppointment *self);

G_END_DECLS
