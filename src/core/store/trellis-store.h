/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store.h: the only door to the database
 */
#pragma once

#include <gio/gio.h>

#include "trellis-assignment.h"
#include "trellis-audit-entry.h"
#include "trellis-child.h"
#include "trellis-home.h"
#include "trellis-staff.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STORE (trellis_store_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStore, trellis_store, TRELLIS, STORE, GObject)

typedef enum
{
  TRELLIS_STORE_OPEN_DEFAULT = 0,
  TRELLIS_STORE_OPEN_CREATE  = 1 << 0, /* make the file when it is missing */
  TRELLIS_STORE_OPEN_BRIEF   = 1 << 1, /* a short-lived connection (trellisctl): it never
                                        * removes the -wal and -shm a window may be using,
                                        * and skips the integrity check */
  TRELLIS_STORE_OPEN_CHECK   = 1 << 2, /* check integrity (PRAGMA quick_check) even on a
                                        * brief connection; others always do */
} TrellisStoreOpenFlags;

/* How long the shared PC may be left before the window locks itself: a setting of the home. */
#define TRELLIS_IDLE_LOCK_MIN_MINUTES     1
#define TRELLIS_IDLE_LOCK_MAX_MINUTES     60
#define TRELLIS_IDLE_LOCK_DEFAULT_MINUTES 5

typedef struct _TrellisChildList TrellisChildList;

TrellisStore  *trellis_store_open                   (const char            *path,
                                                     TrellisStoreOpenFlags  flags,
                                                     GError               **error);
const char    *trellis_store_get_path               (TrellisStore          *self);
guint          trellis_store_get_schema_version     (TrellisStore          *self);
guint          trellis_store_get_latest_version     (void);

gboolean       trellis_store_begin                  (TrellisStore          *self,
                                                     GError               **error);
gboolean       trellis_store_commit                 (TrellisStore          *self,
                                                     GError               **error);
void           trellis_store_rollback               (TrellisStore          *self);

/* Commits by other programs (trellisctl, another Trellis) */
void           trellis_store_watch                  (TrellisStore          *self);
void           trellis_store_unwatch                (TrellisStore          *self);
gboolean       trellis_store_check_for_changes      (TrellisStore          *self);

/* The home and its accounts */
gboolean       trellis_store_has_home               (TrellisStore          *self);
TrellisHome   *trellis_store_get_home               (TrellisStore          *self,
                                                     GError               **error);
guint          trellis_store_get_idle_lock_minutes  (TrellisStore          *self,
                                                     GError               **error);
gboolean       trellis_store_set_idle_lock_minutes  (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     guint                  minutes,
                                                     GError               **error);
TrellisStaff  *trellis_store_create_home            (TrellisStore          *self,
                                                     const char            *home_name,
                                                     gboolean               is_demo,
                                                     const char            *admin_display_name,
                                                     const char            *admin_username,
                                                     const char            *admin_password,
                                                     GError               **error);
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

/* Children */
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

/* Link Workers */
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

/* Signing in and accounts */
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
void           trellis_store_check_password_async   (TrellisStore          *self,
                                                     TrellisStaff          *staff,
                                                     const char            *password,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean       trellis_store_check_password_finish  (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
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
gboolean       trellis_store_unlock_staff           (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 staff_id,
                                                     GError               **error);
gboolean       trellis_store_set_staff_active       (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 staff_id,
                                                     gboolean               active,
                                                     GError               **error);
guint          trellis_store_get_sign_in_delay      (guint                  failed_attempts);

/* The audit trail */
gboolean       trellis_store_verify_audit           (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                *first_broken,
                                                     guint                 *n_rows,
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
GListModel    *trellis_store_list_audit             (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     const char            *search,
                                                     guint                  limit,
                                                     GError               **error);

#define TRELLIS_MAX_FAILED_SIGN_INS 10

G_END_DECLS
