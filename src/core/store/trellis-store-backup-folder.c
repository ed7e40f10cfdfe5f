/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-backup-folder.c: the automatic backups
 *
 * An Administrator chooses a folder for the home's backups (a USB drive, usually). Trellis
 * then backs the home up there whenever anyone signs out, and once a day while it is in use,
 * and keeps the newest TRELLIS_BACKUPS_KEPT of this home's backups in it, removing older
 * ones it made (files named after the home and the time, never anything else). Anyone
 * signed in may start one: it writes only where the Administrator said.
 *
 * Every backup, made or failed, is a row of the audit trail ("back-up", "back-up-failed"):
 * the status the window shows, and its warning when the last good backup is more than two
 * days old, are read from there.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-store-private.h"

#define BACKUP_SUFFIX ".trellis-backup"

void
trellis_backup_status_free (TrellisBackupStatus *self)
{
  if (self == NULL)
    return;

  g_free (self->folder);
  g_free (self->last_file);
  g_free (self->failure);
  g_free (self);
}

/* A time of the audit trail ("2026-11-23T22:14:46Z") in µs since 1970, or 0. */
static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  time = g_date_time_new_from_iso8601 (text, NULL);
  return time != NULL ? g_date_time_to_unix (time) * G_USEC_PER_SEC : 0;
}

/**
 * trellis_store_get_backup_status:
 *
 * Where the automatic backups go, and when the last good one was made and the last one
 * failed, for anyone signed in.
 *
 * Returns: (transfer full): the status, or %NULL with @error set
 */
TrellisBackupStatus *
trellis_store_get_backup_status (TrellisStore  *self,
                                 TrellisStaff  *actor,
                                 GError       **error)
{
  g_autoptr(TrellisBackupStatus) status = g_new0 (TrellisBackupStatus, 1);
  g_autofree char *created_at = NULL;
  g_autofree char *good_at = NULL;
  g_autofree char *failed_at = NULL;
  g_autofree char *failure = NULL;
  gint64 good_id, failed_id;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_STAFF, 0, error) ||
      !trellis_sqlite_home_get_backup_folder (self->db, &status->folder, &created_at, error) ||
      !trellis_sqlite_audit_get_last_of (self->db, "back-up", &good_id, &good_at,
                                         &status->last_file, error) ||
      !trellis_sqlite_audit_get_last_of (self->db, "back-up-failed", &failed_id, &failed_at,
                                         &failure, error))
    return NULL;

  status->last_good = parse_time (good_at);
  status->since = status->last_good != 0 ? status->last_good : parse_time (created_at);
  if (status->last_good == 0)
    g_clear_pointer (&status->last_file, g_free);
  if (failed_id > good_id)
    {
      status->last_failed = parse_time (failed_at);
      status->failure = g_steal_pointer (&failure);
    }
  return g_steal_pointer (&status);
}

/**
 * trellis_backup_status_is_due:
 * @now: µs since 1970
 *
 * Whether the daily automatic backup is due: a folder is chosen and no good backup was made
 * in the last day.
 */
gboolean
trellis_backup_status_is_due (const TrellisBackupStatus *self,
                              gint64                     now)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->folder != NULL && *self->folder != '\0' &&
         (self->last_good == 0 || now - self->last_good >= G_TIME_SPAN_DAY);
}

/**
 * trellis_backup_status_is_overdue:
 * @now: µs since 1970
 *
 * Whether the window warns: the last good backup (or, before the first, the home's making)
 * is more than TRELLIS_BACKUP_WARN_DAYS days old.
 */
gboolean
trellis_backup_status_is_overdue (const TrellisBackupStatus *self,
                                  gint64                     now)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return now - self->since > TRELLIS_BACKUP_WARN_DAYS * G_TIME_SPAN_DAY;
}

/**
 * trellis_store_set_backup_folder:
 * @folder: an existing folder Trellis may write in, or "" for no automatic backups
 *
 * Administrators only; audited.
 */
gboolean
trellis_store_set_backup_folder (TrellisStore  *self,
                                 TrellisStaff  *actor,
                                 const char    *folder,
                                 GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autofree char *old = NULL;
  g_autofree char *created_at = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_BACK_UP, error);
  if (tx == NULL)
    return FALSE;
  if (*folder != '\0' && !g_path_is_absolute (folder))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The folder for backups must be a whole path, from “/”, not “%s”"),
                   folder);
      return FALSE;
    }
  if (*folder != '\0' && !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("There is no folder “%s”: is the drive plugged in?"), folder);
      return FALSE;
    }
  if (*folder != '\0' && g_access (folder, W_OK) != 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE,
                   _("Trellis cannot write in “%s”: choose a folder it may write in"), folder);
      return FALSE;
    }
  if (!trellis_sqlite_home_get_backup_folder (self->db, &old, &created_at, error))
    return FALSE;
  if (g_strcmp0 (old, folder) == 0)
    return TRUE;
  if (!trellis_sqlite_home_set_backup_folder (self->db, folder, error) ||
      !trellis_store_audit (self, trellis_staff_get_id (actor), "change-backup-folder", 0,
                            folder, error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_HOME, 1);
  return trellis_transaction_commit (tx, error);
}

/* The start of this home's backups' names: its name in plain lower-case letters and
 * digits, as a USB drive's file system will take it. */
static char *
backup_prefix (TrellisStore  *self,
               GError       **error)
{
  g_autoptr(TrellisHome) home = trellis_store_get_home (self, error);
  g_autofree char *ascii = NULL;
  GString *prefix;

  if (home == NULL)
    return NULL;
  ascii = g_str_to_ascii (trellis_home_get_name (home), "C");
  prefix = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0' && prefix->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (prefix, g_ascii_tolower (*p));
      else if (prefix->len > 0 && prefix->str[prefix->len - 1] != '-')
        g_string_append_c (prefix, '-');
    }
  while (prefix->len > 0 && prefix->str[prefix->len - 1] == '-')
    g_string_truncate (prefix, prefix->len - 1);
  if (prefix->len == 0)
    g_string_append (prefix, "trellis-home");
  g_string_append_c (prefix, '-');
  return g_string_free (prefix, FALSE);
}

/* Whether @name is one of ours: PREFIX + "YYYY-MM-DD-HHMMSS" [+ "-N"] + BACKUP_SUFFIX */
static gboolean
is_backup_name (const char *name,
                const char *prefix)
{
  static const char pattern[] = "dddd-dd-dd-dddddd";
  const char *p;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return FALSE;
  p = name + strlen (prefix);
  for (guint i = 0; i < sizeof pattern - 1; i++, p++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (*p) : *p != pattern[i])
      return FALSE;
  if (*p == '-')
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  return strcmp (p, BACKUP_SUFFIX) == 0;
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Removes this home's backups in @folder beyond the newest TRELLIS_BACKUPS_KEPT. A backup
 * that cannot be removed stays: keeping one too many loses nothing. */
static void
remove_old_backups (const char *folder,
                    const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_backup_name (name, prefix))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names_newest_first);
  for (guint i = TRELLIS_BACKUPS_KEPT; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autofree char *keyring = trellis_store_dup_keyring_path (path);

      if (g_unlink (keyring) == 0 || !g_file_test (keyring, G_FILE_TEST_EXISTS))
        g_unlink (path);
    }
}

static void
audit_failure (TrellisStore *self,
               TrellisStaff *actor,
               const char   *message)
{
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, NULL);

  if (tx != NULL &&
      trellis_store_audit (self, trellis_staff_get_id (actor), "back-up-failed", 0, message,
                           NULL))
    {
      trellis_store_queue_change (self, TRELLIS_RECORD_KIND_HOME, 1);
      trellis_transaction_commit (tx, NULL);
    }
}

/* A name in @folder that no backup has: the time, and a number after it when two are made
 * within a second. */
static char *
new_backup_path (TrellisStore *self,
                 const char   *folder,
                 const char   *prefix)
{
  g_autoptr(GDateTime) now =
    g_date_time_new_from_unix_local (trellis_clock_get_now (self->clock) / G_USEC_PER_SEC);
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = i == 1 ? g_strconcat (prefix, stamp, BACKUP_SUFFIX, NULL)
                                     : g_strdup_printf ("%s%s-%u%s", prefix, stamp, i,
                                                        BACKUP_SUFFIX);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *keyring = trellis_store_dup_keyring_path (path);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (keyring, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

/**
 * trellis_store_back_up_to_folder:
 *
 * Backs the home up into the folder an Administrator chose, as signing out and the daily
 * backup do, then removes this home's backups there beyond the newest
 * TRELLIS_BACKUPS_KEPT. Anyone signed in; audited, a failure too.
 *
 * Returns: (transfer full): the backup's file, or %NULL with @error set
 */
char *
trellis_store_back_up_to_folder (TrellisStore  *self,
                                 TrellisStaff  *actor,
                                 GError       **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_AUTOMATIC_BACK_UP, 0, error) ||
      !trellis_sqlite_home_get_backup_folder (self->db, &folder, &created_at, error) ||
      (prefix = backup_prefix (self, error)) == NULL)
    return NULL;
  if (*folder == '\0')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("No folder is chosen for backups: an Administrator chooses one in "
                     "Preferences, or with “trellisctl backup --set-folder”"));
      return NULL;
    }

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    g_set_error (&local_error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                 _("The folder for backups, “%s”, is not there: is the drive plugged in?"),
                 folder);
  else
    {
      path = new_backup_path (self, folder, prefix);
      trellis_store_write_backup (self, actor, path, &local_error);
    }
  if (local_error != NULL)
    {
      audit_failure (self, actor, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  remove_old_backups (folder, prefix);
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_HOME, 1);
  return g_steal_pointer (&path);
}

static gpointer
back_up_to_folder_job (TrellisStore  *store,
                       gpointer       data,
                       GError       **error)
{
  return trellis_store_back_up_to_folder (store, data, error);
}

void
trellis_store_back_up_to_folder_async (TrellisStore        *self,
                                       TrellisStaff        *actor,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (TRELLIS_IS_STAFF (actor));

  trellis_store_run_async (self, back_up_to_folder_job, g_object_ref (actor), g_object_unref,
                           g_free, cancellable, trellis_store_back_up_to_folder_async,
                           callback, user_data);
}

/* Returns: (transfer full): the backup's file, or %NULL with @error set */
char *
trellis_store_back_up_to_folder_finish (TrellisStore  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_back_up_to_folder_async, error);
}
