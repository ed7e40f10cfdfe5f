/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-complaints.h: the complaints a child makes, and how each was handled
 *
 * Included by trellis-store.h; the calls are in trellis-store-complaints.c.
 */
#pragma once

#include "trellis-complaint.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gint64      trellis_store_record_complaint        (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   GDateTime             *made_on,
                                                   const char            *about,
                                                   const char            *made_to,
                                                   GError               **error);
gboolean    trellis_store_record_complaint_outcome (TrellisStore         *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 complaint_id,
                                                   GDateTime             *resolved_on,
                                                   const char            *handled,
                                                   const char            *outcome,
                                                   TrellisSatisfied       satisfied,
                                                   GError               **error);
void        trellis_store_record_complaint_async  (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   GDateTime             *made_on,
                                                   const char            *about,
                                                   const char            *made_to,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
void        trellis_store_record_complaint_outcome_async (TrellisStore   *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 complaint_id,
                                                   GDateTime             *resolved_on,
                                                   const char            *handled,
                                                   const char            *outcome,
                                                   TrellisSatisfied       satisfied,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
/* Either call's answer: the complaint's id, or 0 with @error set */
gint64      trellis_store_record_complaint_finish (TrellisStore          *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);
GListModel *trellis_store_list_complaints         (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   GError               **error);
void        trellis_store_list_complaints_async   (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
GListModel *trellis_store_list_complaints_finish  (TrellisStore          *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);
GArray     *trellis_store_count_complaints        (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   guint                  months,
                                                   GError               **error);

G_END_DECLS
