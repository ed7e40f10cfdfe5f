/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-sign-in.h: signing in and out, passwords, and locked accounts
 *
 * Included by trellis-store.h; the calls are in trellis-store-sign-in.c.
 */
#pragma once

#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* Wrong passwords in a row after which an account is locked */
/* At most this many guesses at one username's password in this many seconds */
#define TRELLIS_SIGN_IN_MAX_GUESSES 10
#define TRELLIS_SIGN_IN_WINDOW_SECONDS (5 * 60)

TrellisStaff  *trellis_store_sign_in                (TrellisStore          *self,
                                                     const char            *username,
                                                     const char            *password,
                                                     gboolean              *must_change_password,
                                                     GError               **error);
void           trellis_store_sign_in_async          (TrellisStore          *self,
                                                     const char            *username,
                                                     const char            *password,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
TrellisStaff  *trellis_store_sign_in_finish         (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     gboolean              *must_change_password,
                                                     GError               **error);
gboolean       trellis_store_check_password         (TrellisStore          *self,
                                                     TrellisStaff          *staff,
                                                     const char            *password,
                                                     GError               **error);
void           trellis_store_lock_session           (TrellisStore          *self,
                                                     TrellisStaff          *staff);
void           trellis_store_sign_out               (TrellisStore          *self,
                                                     TrellisStaff          *staff);
gboolean       trellis_store_change_password        (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *old_password,
                                                     const char            *new_password,
                                                     GError               **error);
gboolean       trellis_store_reset_password         (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 staff_id,
                                                     const char            *one_time_password,
                                                     GError               **error);
gboolean       trellis_store_lock_staff             (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 staff_id,
                                                     GError               **error);
gboolean       trellis_store_unlock_staff           (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 staff_id,
                                                     GError               **error);
gboolean       trellis_store_recover_administrator  (TrellisStore          *self,
                                                     const char            *username,
                                                     const char            *one_time_password,
                                                     GError               **error);
guint          trellis_store_get_sign_in_delay      (guint                  guesses);

void           trellis_store_check_password_async   (TrellisStore          *self,
                                                     TrellisStaff          *staff,
                                                     const char            *password,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean       trellis_store_check_password_finish  (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

/* Argon2 on the store's worker (trellis-store-sign-in.c) */
void           trellis_store_change_password_async  (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *old_password,
                                                     const char            *new_password,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean       trellis_store_change_password_finish (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void           trellis_store_reset_password_async   (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 staff_id,
                                                     const char            *one_time_password,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean       trellis_store_reset_password_finish  (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
void           trellis_store_create_account_async   (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *username,
                                                     const char            *display_name,
                                                     TrellisRole            role,
                                                     const char            *one_time_password,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
TrellisStaff  *trellis_store_create_account_finish  (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
