/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-children.h: children's records and their earlier versions
 *
 * Included by trellis-store.h; the calls are in trellis-store-children.c.
 */
#pragma once

#include "trellis-child.h"
#include "trellis-store.h"

G_BEGIN_DECLS

TrellisChild  *trellis_store_view_child             (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 id,
                                                     GError               **error);
TrellisChild  *trellis_store_get_child              (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 id,
                                                     GError               **error);
gint64         trellis_store_add_child              (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     TrellisChild          *child,
                                                     GError               **error);
gboolean       trellis_store_update_child           (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     TrellisChild          *child,
                                                     GError               **error);
guint          trellis_store_count_child_versions   (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GError               **error);
TrellisChildList *trellis_store_list_children       (TrellisStore          *self,
                                                     TrellisStaff          *actor);

GPtrArray     *trellis_store_get_children           (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const gint64          *ids,
                                                     guint                  n_ids,
                                                     GError               **error);

/* The same calls off the caller's thread, for the UI (trellis-store-worker.c): each runs
 * the call above on the store's worker and answers on the caller's main context, after
 * ::changed. Cancelled before it starts, a call does nothing and finishes with
 * G_IO_ERROR_CANCELLED; a write that has started is finished. */
void           trellis_store_view_child_async       (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
TrellisChild  *trellis_store_view_child_finish      (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void           trellis_store_get_child_async        (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
TrellisChild  *trellis_store_get_child_finish       (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void           trellis_store_add_child_async        (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     TrellisChild          *child,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gint64         trellis_store_add_child_finish       (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void           trellis_store_update_child_async     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     TrellisChild          *child,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean       trellis_store_update_child_finish    (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void           trellis_store_get_children_async     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const gint64          *ids,
                                                     guint                  n_ids,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GPtrArray     *trellis_store_get_children_finish    (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

gint64         trellis_store_find_same_child        (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     TrellisChild          *child,
                                                     GError               **error);
void           trellis_store_find_same_child_async  (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     TrellisChild          *child,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gint64         trellis_store_find_same_child_finish (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
