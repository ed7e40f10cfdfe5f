/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-backup.h: backing a home up, and restoring it
 *
 * Included by trellis-store.h; the calls are in trellis-store-backup.c (a backup, a
 * restore) and trellis-store-backup-folder.c (the automatic backups and their status).
 */
#pragma once

#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* How many of a home's automatic backups its folder keeps, and after how many days with no
 * good backup the window warns. */
#define TRELLIS_BACKUPS_KEPT      30
#define TRELLIS_BACKUP_WARN_DAYS  2

/* Where the automatic backups go and how they have gone; times in µs since 1970. */
typedef struct
{
  char    *folder;       /* "" while none is chosen */
  gint64   last_good;    /* the last good backup, or 0 */
  char    *last_file;    /* its file's name, or NULL */
  gint64   last_failed;  /* the last failure, when it came after the last good backup, or 0 */
  char    *failure;      /* what went wrong then, or NULL */
  gint64   since;        /* the last good backup or, before the first, when the home was made */
} TrellisBackupStatus;

void           trellis_backup_status_free           (TrellisBackupStatus   *self);
gboolean       trellis_backup_status_is_due         (const TrellisBackupStatus *self,
                                                     gint64                 now);
gboolean       trellis_backup_status_is_overdue     (const TrellisBackupStatus *self,
                                                     gint64                 now);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisBackupStatus, trellis_backup_status_free)

gboolean       trellis_store_back_up                (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *path,
                                                     GError               **error);
gboolean       trellis_store_restore                (const char            *backup,
                                                     const char            *path,
                                                     const char            *username,
                                                     const char            *password,
                                                     char                 **aside,
                                                     GError               **error);
gboolean       trellis_store_prepare_restore        (const char            *backup,
                                                     const char            *path,
                                                     const char            *username,
                                                     const char            *password,
                                                     char                 **prepared,
                                                     GError               **error);
gboolean       trellis_store_finish_restore         (const char            *prepared,
                                                     const char            *path,
                                                     char                 **aside,
                                                     GError               **error);
void           trellis_store_discard_restore        (const char            *prepared);
void           trellis_store_prepare_restore_async  (const char            *backup,
                                                     const char            *path,
                                                     const char            *username,
                                                     const char            *password,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
char          *trellis_store_prepare_restore_finish (GAsyncResult          *result,
                                                     GError               **error);
gboolean       trellis_store_path_is_open           (const char            *path);

TrellisBackupStatus *
               trellis_store_get_backup_status      (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     GError               **error);
gboolean       trellis_store_set_backup_folder      (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *folder,
                                                     GError               **error);
char          *trellis_store_back_up_to_folder      (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     GError               **error);
void           trellis_store_back_up_to_folder_async (TrellisStore         *self,
                                                     TrellisStaff          *actor,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
char          *trellis_store_back_up_to_folder_finish (TrellisStore        *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
