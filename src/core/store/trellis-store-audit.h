/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-audit.h: the audit trail: reading it, and checking nobody changed it
 *
 * Included by trellis-store.h; the calls are in trellis-store-audit.c.
 */
#pragma once

#include "trellis-audit-entry.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gboolean       trellis_store_verify_audit           (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                *first_broken,
                                                     guint                 *n_rows,
                                                     GError               **error);
GListModel    *trellis_store_list_audit             (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     const char            *search,
                                                     guint                  limit,
                                                     GError               **error);

void           trellis_store_list_audit_async       (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     const char            *search,
                                                     guint                  limit,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GListModel    *trellis_store_list_audit_finish      (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void           trellis_store_verify_audit_async     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean       trellis_store_verify_audit_finish    (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     gint64                *first_broken,
                                                     guint                 *n_rows,
                                                     GError               **error);

G_END_DECLS
