/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-health.h: a child's health checks, and the home's intervals for them
 *
 * Included by trellis-store.h; the calls are in trellis-store-health.c.
 */
#pragma once

#include "trellis-health-record.h"
#include "trellis-health-rules.h"
#include "trellis-registration.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* Notes are kept short: the details go in the health records of the NHS */
#define TRELLIS_HEALTH_NOTES_MAX_CHARS 2000

gint64         trellis_store_record_health_check    (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisHealthCheck     check,
                                                     GDateTime             *done_on,
                                                     const char            *notes,
                                                     GError               **error);
void           trellis_store_record_health_check_async (TrellisStore       *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisHealthCheck     check,
                                                     GDateTime             *done_on,
                                                     const char            *notes,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gint64         trellis_store_record_health_check_finish (TrellisStore      *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
GListModel    *trellis_store_list_health_checks     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GError               **error);
void           trellis_store_list_health_checks_async (TrellisStore        *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GListModel    *trellis_store_list_health_checks_finish (TrellisStore       *self,
                                                     GAsyncResult          *result,
                                                     TrellisHealthIntervals *intervals,
                                                     GListModel           **registrations,
                                                     GListModel           **appointments,
                                                     GError               **error);
gint64         trellis_store_record_registration    (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisRegistrationKind kind,
                                                     const char            *practice,
                                                     GDateTime             *registered_on,
                                                     GError               **error);
void           trellis_store_record_registration_async (TrellisStore       *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisRegistrationKind kind,
                                                     const char            *practice,
                                                     GDateTime             *registered_on,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GListModel    *trellis_store_list_registrations     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GError               **error);
gboolean       trellis_store_get_health_intervals   (TrellisStore          *self,
                                                     TrellisHealthIntervals *intervals,
                                                     GError               **error);
gboolean       trellis_store_set_health_intervals   (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const TrellisHealthIntervals *intervals,
                                                     GError               **error);

G_END_DECLS
