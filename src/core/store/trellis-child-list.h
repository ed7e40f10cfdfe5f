/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-list.h: the children of a home as a lazy GListModel
 */
#pragma once

#include <gio/gio.h>

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILD_LIST (trellis_child_list_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChildList, trellis_child_list, TRELLIS, CHILD_LIST, GObject)

#define TRELLIS_CHILD_LIST_PAGE_SIZE 50

TrellisChildList *trellis_child_list_new                (TrellisStore     *store,
                                                         TrellisStaff     *actor);
const char       *trellis_child_list_get_search         (TrellisChildList *self);
void              trellis_child_list_set_search         (TrellisChildList *self,
                                                         const char       *search);
TrellisChildSort  trellis_child_list_get_sort           (TrellisChildList *self);
void              trellis_child_list_set_sort           (TrellisChildList *self,
                                                         TrellisChildSort  sort);
gboolean          trellis_child_list_get_include_former (TrellisChildList *self);
void              trellis_child_list_set_include_former (TrellisChildList *self,
                                                         gboolean          include_former);
guint             trellis_child_list_find               (TrellisChildList *self,
                                                         gint64            child_id);
guint             trellis_child_list_get_n_loaded       (TrellisChildList *self);
gboolean          trellis_child_list_get_asynchronous   (TrellisChildList *self);
void              trellis_child_list_set_asynchronous   (TrellisChildList *self,
                                                         gboolean          asynchronous);
guint             trellis_child_list_get_n_loading      (TrellisChildList *self);
void              trellis_child_list_load_first_async   (TrellisChildList    *self,
                                                         guint                n_rows,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          trellis_child_list_load_first_finish  (TrellisChildList  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
const GError     *trellis_child_list_get_error          (TrellisChildList *self);

G_END_DECLS
