/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-backup.c: backing a home up, and restoring it
 *
 * A backup is two files, FILE and FILE.keyring, like the home itself: an encrypted copy of
 * the database made inside one read transaction (SQLite's online backup API, through the
 * encrypting VFS, under a file identity of its own, so a backup's pages cannot be swapped into the home), and
 * a keyring with the same wrapped keys (it opens with any staff password of the home, or the
 * recovery key) and the audit trail's head as the backup holds it. The backup is checked
 * before it is called made: it opens, its pages pass the integrity check, every table holds
 * as many rows as the home did, and its last audit row is the home's at that row.
 *
 * Restoring never writes over the home: its files are first put aside under a name that
 * says when, then the backup's are copied into place and opened as a person signs in, the
 * audit trail verified; anything wrong puts the home's own files back.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-store-private.h"

static const char * const home_suffixes[] = {
  "", "-wal", "-shm", ".keyring", ".keyring-wal", ".keyring-shm",
};

/* A home's (or a backup's) files: the database and the keyring, with their journals */
static void
remove_backup_files (const char *path)
{
  g_autofree char *keyring = trellis_store_dup_keyring_path (path);

  trellis_store_remove_with_journals (path);
  trellis_store_remove_with_journals (keyring);
}

/* The backup's keyring: its own file identity, the home's wrapped keys and recovery key,
 * copies of its accounts and home, and the audit head it holds. */
static gboolean
write_backup_keyring (TrellisStore   *self,
                      TrellisSqlite  *backup,
                      const char     *keyring_path,
                      const guint8   *file_id,
                      gint64          last_id,
                      const char     *last_hash,
                      GError        **error)
{
  g_autoptr(TrellisSqlite) keyring = NULL;
  g_auto(TrellisKeyringRow) row = { 0 };
  g_autoptr(GListModel) staff = NULL;
  gboolean found;

  if (!trellis_store_make_private_file (keyring_path, error) ||
      (keyring = trellis_sqlite_open_keyring (keyring_path, 0, error)) == NULL ||
      !trellis_sqlite_keyring_read (self->keyring, &row, &found, error) ||
      (staff = trellis_sqlite_staff_list (backup, FALSE, error)) == NULL ||
      !trellis_sqlite_begin (keyring, 0, error))
    return FALSE;
  if (!trellis_sqlite_keyring_init (keyring, file_id, error) ||
      !trellis_sqlite_keyring_copy (keyring, backup, 0, TRUE, error) ||
      !trellis_sqlite_keyring_set_recovery (keyring, row.recovery, error) ||
      !trellis_sqlite_keyring_set_head (keyring, last_id, last_hash, error))
    goto failed;
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(TrellisStaff) s = g_list_model_get_item (staff, i);
      g_autoptr(GBytes) wrapped = NULL;

      if (!trellis_sqlite_keyring_get_wrapped (self->keyring, trellis_staff_get_id (s), &wrapped,
                                               error) ||
          (wrapped != NULL &&
           !trellis_sqlite_keyring_set_wrapped (keyring, trellis_staff_get_id (s), wrapped,
                                                error)))
        goto failed;
    }
  return trellis_sqlite_commit (keyring, 0, error);

failed:
  trellis_sqlite_rollback (keyring, 0);
  return FALSE;
}

/**
 * trellis_store_write_backup:
 *
 * Writes a checked, encrypted backup of the home at @path (see the top of this file) and
 * audits it as @actor's. The caller has checked that @actor may.
 */
gboolean
trellis_store_write_backup (TrellisStore  *self,
                            TrellisStaff  *actor,
                            const char    *path,
                            GError       **error)
{
  g_autofree char *keyring_path = NULL;
  g_autoptr(TrellisSqlite) backup = NULL;
  g_autofree char *last_hash = NULL;
  g_autofree char *home_hash = NULL;
  g_autofree char *name = NULL;
  g_autoptr(TrellisTransaction) tx = NULL;
  guint8 file_id[sizeof self->file_id];
  gint64 last_id = 0;

  if (self->keyring == NULL || self->page_key == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Only an encrypted home is backed up: sign in as an Administrator in "
                     "Trellis once, which encrypts it"));
      return FALSE;
    }
  keyring_path = trellis_store_dup_keyring_path (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (keyring_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                   _("“%s” is there already: Trellis will not write a backup over it"), path);
      return FALSE;
    }

  randombytes_buf (file_id, sizeof file_id);
  /* made first, so the backup is as private as the home whatever the umask says */
  if (!trellis_store_make_private_file (path, error))
    return FALSE;
  if (!trellis_sqlite_back_up_encrypted (self->db, path, trellis_secret_get_data (self->page_key),
                                         file_id, error))
    goto failed;
  if (!trellis_sqlite_verify_copy (self->db, path, trellis_secret_get_data (self->page_key),
                                   file_id, error) ||
      (backup = trellis_sqlite_open_encrypted (path, trellis_secret_get_data (self->page_key),
                                               file_id, 0, error)) == NULL ||
      !trellis_sqlite_audit_get_last (backup, &last_id, &last_hash, error) ||
      !trellis_sqlite_audit_get_hash (self->db, last_id, &home_hash, error))
    goto failed;
  if (g_strcmp0 (last_hash, home_hash) != 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("The backup’s audit trail does not end where the home’s did: it was not "
                     "kept"));
      goto failed;
    }
  if (!write_backup_keyring (self, backup, keyring_path, file_id, last_id,
                             last_hash != NULL ? last_hash : "", error))
    goto failed;
  g_clear_pointer (&backup, trellis_sqlite_close);

  name = g_path_get_basename (path);
  tx = trellis_transaction_begin (self, error);
  if (tx == NULL ||
      !trellis_store_audit (self, trellis_staff_get_id (actor), "back-up", 0, name, error) ||
      !trellis_transaction_commit (tx, error))
    return FALSE;
  return TRUE;

failed:
  g_clear_pointer (&backup, trellis_sqlite_close);
  remove_backup_files (path);
  return FALSE;
}

/**
 * trellis_store_back_up:
 * @path: the backup's file, which must not exist (nor @path.keyring)
 *
 * Writes a checked, encrypted backup of the home (see the top of this file) wherever an
 * Administrator says. Audited.
 */
gboolean
trellis_store_back_up (TrellisStore  *self,
                       TrellisStaff  *actor,
                       const char    *path,
                       GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return trellis_store_check_actor (self, actor, TRELLIS_ACTION_BACK_UP, 0, error) &&
         trellis_store_write_backup (self, actor, path, error);
}

static gboolean
home_exists (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (home_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, home_suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

/* Renames every file of the home at @path to @aside (and its own suffixes). */
static gboolean
move_home (const char  *path,
           const char  *aside,
           GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (home_suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, home_suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, home_suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved = errno;
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE,
                       _("Could not move “%s” aside: %s"), from, g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  if (!trellis_store_make_private_file (to, error))
    return FALSE;
  return g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* A name beside @path that no file of a home has: @path, @what, the time, a number. */
static char *
unused_home_name (const char *path,
                  const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  char *name = NULL;

  for (guint i = 1; name == NULL || home_exists (name); i++)
    {
      g_free (name);
      name = i == 1 ? g_strconcat (path, what, stamp, NULL)
                    : g_strdup_printf ("%s%s%s-%u", path, what, stamp, i);
    }
  return name;
}

/* The damage is the backup's, not that of the copy opened beside the home, which the
 * message would name. */
static void
name_damaged_backup (GError     **error,
                     const char  *copy)
{
  if (*error != NULL && g_error_matches (*error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT) &&
      strstr ((*error)->message, copy) != NULL)
    {
      g_clear_error (error);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("The backup is damaged or was changed outside Trellis: try an older one."));
    }
}

/**
 * trellis_store_prepare_restore:
 * @backup: a backup's file (FILE, with FILE.keyring beside it)
 * @path: the home's database, which may be missing, damaged or open: it is not touched
 * @prepared: (out): the copy made ready beside @path, for trellis_store_finish_restore()
 *
 * Copies the backup beside the home and opens the copy as an Administrator of the backup's
 * home signing in with their password: the audit trail is verified, and the restore audited
 * in it. Anything wrong removes the copy. Runs Argon2: not on a UI thread.
 */
gboolean
trellis_store_prepare_restore (const char  *backup,
                               const char  *path,
                               const char  *username,
                               const char  *password,
                               char       **prepared,
                               GError     **error)
{
  g_autofree char *backup_keyring = trellis_store_dup_keyring_path (backup);
  g_autofree char *copy = unused_home_name (path, ".restoring-");
  g_autofree char *copy_keyring = trellis_store_dup_keyring_path (copy);
  g_autofree char *name = g_path_get_basename (backup);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (backup != NULL && path != NULL && prepared != NULL, FALSE);

  *prepared = NULL;
  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR) ||
      !g_file_test (backup_keyring, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("“%s” is not a whole Trellis backup: it and “%s” must be side by side"),
                   backup, backup_keyring);
      return FALSE;
    }

  if (copy_file (backup, copy, &local_error) &&
      copy_file (backup_keyring, copy_keyring, &local_error))
    {
      g_autoptr(TrellisStore) store = trellis_store_open (copy, TRELLIS_STORE_OPEN_DEFAULT,
                                                          &local_error);
      g_autoptr(TrellisStaff) admin = NULL;
      gint64 broken = 0;

      if (store != NULL &&
          (admin = trellis_store_sign_in (store, username, password, NULL, &local_error)) != NULL &&
          trellis_store_check_actor (store, admin, TRELLIS_ACTION_BACK_UP, 0, &local_error))
        {
          g_autoptr(TrellisTransaction) tx = NULL;

          if (!trellis_store_verify_audit (store, admin, &broken, NULL, &local_error) &&
              local_error == NULL)
            {
              /* the row number outside the translatable text, never localised */
              g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, broken);

              g_set_error (&local_error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                           _("The backup’s audit trail is broken at row %s"), row);
            }
          else if (local_error == NULL &&
                   (tx = trellis_transaction_begin (store, &local_error)) != NULL &&
                   trellis_store_audit (store, trellis_staff_get_id (admin), "restore", 0, name,
                                        &local_error) &&
                   trellis_transaction_commit (tx, &local_error))
            {
              trellis_store_sign_out (store, admin);
              *prepared = g_strdup (copy);
              return TRUE;
            }
        }
    }

  name_damaged_backup (&local_error, copy);
  remove_backup_files (copy);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Nothing was restored from “%s”. "), name);
  return FALSE;
}

/* Removes a copy trellis_store_prepare_restore() made, when it is not to be used. */
void
trellis_store_discard_restore (const char *prepared)
{
  if (prepared != NULL)
    remove_backup_files (prepared);
}

/**
 * trellis_store_finish_restore:
 * @prepared: what trellis_store_prepare_restore() made ready; gone whatever happens
 * @path: the home's database, which must not be open
 * @aside: (out) (optional): where the home's own files were put, or %NULL when there were
 *   none
 *
 * Puts the prepared copy in the home's place. The home's own files are first moved aside
 * under a name that says when, never written over; anything wrong puts them back.
 */
gboolean
trellis_store_finish_restore (const char  *prepared,
                              const char  *path,
                              char       **aside,
                              GError     **error)
{
  g_autofree char *aside_path = NULL;
  g_autoptr(TrellisStore) open = NULL;
  gboolean had_home;

  g_return_val_if_fail (prepared != NULL && path != NULL, FALSE);

  if (aside != NULL)
    *aside = NULL;
  open = trellis_store_lookup_open (path);
  if (open != NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_LOCKED,
                   _("“%s” is open: close it before restoring"), path);
      trellis_store_discard_restore (prepared);
      return FALSE;
    }
  had_home = home_exists (path);
  aside_path = unused_home_name (path, ".before-restore-");
  if (had_home && !move_home (path, aside_path, error))
    {
      move_home (aside_path, path, NULL);
      trellis_store_discard_restore (prepared);
      return FALSE;
    }
  if (!move_home (prepared, path, error))
    {
      remove_backup_files (path);
      if (had_home)
        move_home (aside_path, path, NULL);
      trellis_store_discard_restore (prepared);
      return FALSE;
    }
  if (aside != NULL && had_home)
    *aside = g_steal_pointer (&aside_path);
  return TRUE;
}

/**
 * trellis_store_restore:
 * @backup: a backup's file (FILE, with FILE.keyring beside it)
 * @path: the home's database, which may be missing or damaged, and must not be open
 * @aside: (out) (optional): where the home's own files were put, or %NULL when there were
 *   none
 *
 * Puts the backup in place of the home, as an Administrator of the backup's home signing in
 * with their password (see the top of this file and trellis_store_prepare_restore()).
 */
gboolean
trellis_store_restore (const char  *backup,
                       const char  *path,
                       const char  *username,
                       const char  *password,
                       char       **aside,
                       GError     **error)
{
  g_autofree char *prepared = NULL;
  g_autofree char *name = NULL;
  g_autoptr(TrellisStore) open = NULL;

  g_return_val_if_fail (backup != NULL && path != NULL, FALSE);

  if (aside != NULL)
    *aside = NULL;
  open = trellis_store_lookup_open (path);
  if (open != NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_LOCKED,
                   _("“%s” is open: close it before restoring"), path);
      return FALSE;
    }
  if (!trellis_store_prepare_restore (backup, path, username, password, &prepared, error))
    return FALSE;
  if (trellis_store_finish_restore (prepared, path, aside, error))
    return TRUE;
  name = g_path_get_basename (backup);
  g_prefix_error (error, _("Nothing was restored from “%s”, and the home is as it was. "), name);
  return FALSE;
}

typedef struct
{
  char *backup;
  char *path;
  char *username;
  char *password;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  if (job->password != NULL)
    sodium_memzero (job->password, strlen (job->password));
  g_free (job->password);
  g_free (job->backup);
  g_free (job->path);
  g_free (job->username);
  g_free (job);
}

/* A copy made ready that nobody took (the caller stopped waiting) goes. */
static void
discard_prepared (char *prepared)
{
  trellis_store_discard_restore (prepared);
  g_free (prepared);
}

static void
prepare_restore_thread (GTask        *task,
                        gpointer      source,
                        gpointer      data,
                        GCancellable *cancellable)
{
  RestoreJob *job = data;
  char *prepared = NULL;
  GError *error = NULL;

  if (trellis_store_prepare_restore (job->backup, job->path, job->username, job->password,
                                     &prepared, &error))
    g_task_return_pointer (task, prepared, (GDestroyNotify) discard_prepared);
  else
    g_task_return_error (task, error);
}

/**
 * trellis_store_prepare_restore_async:
 *
 * trellis_store_prepare_restore() on a thread of its own: it runs Argon2. The home at @path
 * may stay open meanwhile.
 */
void
trellis_store_prepare_restore_async (const char          *backup,
                                     const char          *path,
                                     const char          *username,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RestoreJob *job = g_new0 (RestoreJob, 1);

  job->backup = g_strdup (backup);
  job->path = g_strdup (path);
  job->username = g_strdup (username);
  job->password = g_strdup (password);
  g_task_set_source_tag (task, trellis_store_prepare_restore_async);
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);
  g_task_run_in_thread (task, prepare_restore_thread);
}

/* Returns: (transfer full): the copy made ready, for trellis_store_finish_restore() */
char *
trellis_store_prepare_restore_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether this process still has the home at @path open: a restore waits until it has not. */
gboolean
trellis_store_path_is_open (const char *path)
{
  g_autoptr(TrellisStore) open = trellis_store_lookup_open (path);

  return open != NULL;
}
