/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-checklist.h: what a child placed here has been given and told
 *
 * Included by trellis-store.h; the calls are in trellis-store-checklist.c.
 */
#pragma once

#include "trellis-checklist-entry.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gint64      trellis_store_record_checklist        (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   TrellisChecklistItem   item,
                                                   GDateTime             *done_on,
                                                   const char            *notes,
                                                   GError               **error);
void        trellis_store_record_checklist_async  (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   TrellisChecklistItem   item,
                                                   GDateTime             *done_on,
                                                   const char            *notes,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gint64      trellis_store_record_checklist_finish (TrellisStore          *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);
GListModel *trellis_store_list_checklist          (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   GError               **error);
void        trellis_store_list_checklist_async    (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
GListModel *trellis_store_list_checklist_finish   (TrellisStore          *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);

G_END_DECLS
