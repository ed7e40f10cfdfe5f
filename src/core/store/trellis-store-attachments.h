/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-attachments.h: documents attached to a child's file
 *
 * Included by trellis-store.h; the calls are in trellis-store-attachments.c.
 */
#pragma once

#include "trellis-attachment.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gint64      trellis_store_add_attachment          (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   const char            *title,
                                                   const char            *source,
                                                   GDateTime             *dated_on,
                                                   const char            *file_name,
                                                   GBytes                *content,
                                                   GBytes                *thumbnail,
                                                   GError               **error);
void        trellis_store_add_attachment_async    (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   const char            *title,
                                                   const char            *source,
                                                   GDateTime             *dated_on,
                                                   const char            *file_name,
                                                   GBytes                *content,
                                                   GBytes                *thumbnail,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
gint64      trellis_store_add_attachment_finish   (TrellisStore          *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);
GListModel *trellis_store_list_attachments        (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   GError               **error);
void        trellis_store_list_attachments_async  (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 child_id,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
GListModel *trellis_store_list_attachments_finish (TrellisStore          *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);
GBytes     *trellis_store_read_attachment         (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 id,
                                                   GError               **error);
void        trellis_store_read_attachment_async   (TrellisStore          *self,
                                                   TrellisStaff          *actor,
                                                   gint64                 id,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
GBytes     *trellis_store_read_attachment_finish  (TrellisStore          *self,
                                                   GAsyncResult          *result,
                                                   GError               **error);

G_END_DECLS
