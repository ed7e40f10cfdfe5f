/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-staff.h: staff accounts: adding, finding and listing them, and leaving
 *
 * Included by trellis-store.h; the calls are in trellis-store-staff.c.
 */
#pragma once

#include "trellis-keys.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

TrellisStaff  *trellis_store_add_staff              (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *username,
                                                     const char            *display_name,
                                                     TrellisRole            role,
                                                     const char            *password_hash,
                                                     gboolean               must_change_password,
                                                     GError               **error);
TrellisStaff  *trellis_store_create_account         (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *username,
                                                     const char            *display_name,
                                                     TrellisRole            role,
                                                     const char            *one_time_password,
                                                     GError               **error);
TrellisStaff  *trellis_store_add_staff_with_key     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *username,
                                                     const char            *display_name,
                                                     TrellisRole            role,
                                                     TrellisPasswordKey    *key,
                                                     gboolean               must_change_password,
                                                     GError               **error);
TrellisStaff  *trellis_store_get_staff              (TrellisStore          *self,
                                                     gint64                 id,
                                                     GError               **error);
TrellisStaff  *trellis_store_lookup_staff           (TrellisStore          *self,
                                                     const char            *username,
                                                     GError               **error);
GListModel    *trellis_store_list_staff             (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     GError               **error);
GListModel    *trellis_store_list_sign_in_staff     (TrellisStore          *self,
                                                     GError               **error);
GListModel    *trellis_store_find_sign_in_staff     (TrellisStore          *self,
                                                     const char            *text,
                                                     guint                  limit,
                                                     GError               **error);
GListModel    *trellis_store_list_recent_sign_ins   (TrellisStore          *self,
                                                     guint                  limit,
                                                     GError               **error);
gboolean       trellis_store_set_staff_active       (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 staff_id,
                                                     gboolean               active,
                                                     GError               **error);

G_END_DECLS
