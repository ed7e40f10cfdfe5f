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

G_END_DECLS
