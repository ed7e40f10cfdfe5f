/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-appointments.h: a child's health appointments, and what came of each
 *
 * Included by trellis-store.h; the calls are in trellis-store-appointments.c.
 */
#pragma once

#include "trellis-appointment.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* How far ahead an appointment may be booked: further is taken for a mistyped year */
#define TRELLIS_APPOINTMENT_MAX_YEARS_AHEAD 2

gint64         trellis_store_record_appointment     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GDateTime             *on_date,
                                                     const char            *time,
                                                     const char            *with_whom,
                                                     const char            *purpose,
                                                     GError               **error);
gboolean       trellis_store_record_appointment_outcome (TrellisStore      *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 appointment_id,
                                                     const char            *outcome,
                                                     GError               **error);
void           trellis_store_record_appointment_async (TrellisStore        *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GDateTime             *on_date,
                                                     const char            *time,
                                                     const char            *with_whom,
                                                     const char            *purpose,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
void           trellis_store_record_appointment_outcome_async (TrellisStore *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 appointment_id,
                                                     const char            *outcome,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gint64         trellis_store_record_appointment_finish (TrellisStore       *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
GListModel    *trellis_store_list_appointments      (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GError               **error);
void           trellis_store_list_appointments_async (TrellisStore         *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GListModel    *trellis_store_list_appointments_finish (TrellisStore        *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
GListModel    *trellis_store_list_appointment_versions (TrellisStore       *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 appointment_id,
                                                     GError               **error);
gboolean       trellis_appointment_is_upcoming      (TrellisAppointment    *appointment,
                                                     GDateTime             *today);

G_END_DECLS
