/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-link-workers.h: a child's Link Workers, past and present
 *
 * Included by trellis-store.h; the calls are in trellis-store-link-workers.c.
 */
#pragma once

#include "trellis-assignment.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gboolean       trellis_store_assign_link_worker     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     gint64                 staff_id,
                                                     GDateTime             *start_date,
                                                     TrellisChangeReason    reason,
                                                     const char            *note,
                                                     GError               **error);
GListModel    *trellis_store_list_assignments       (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GError               **error);

void           trellis_store_list_assignments_async (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GListModel    *trellis_store_list_assignments_finish (TrellisStore         *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
