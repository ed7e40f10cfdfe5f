/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-keyring.c: an encrypted home, sealed until someone signs in
 *
 * A home's database is encrypted with one random data key (sqlite/trellis-sqlite-crypt.c).
 * Beside it, HOME.keyring holds what signing in needs before the database can be read:
 * the home's name, the accounts, and each account's copy of the data key wrapped with a key
 * made from that person's password (core/security/trellis-keys.c), plus one wrapped with the
 * home's recovery key. Signing in unwraps a copy and unseals the database; signing out and
 * locking seal it again, and the key leaves memory.
 *
 *   HOME.keyring, no home in it     the home was never finished: the key died with the
 *                                   program that made it, so both files are started again
 *   HOME.keyring with a home        sealed until trellis_store_unseal()
 *   no keyring, HOME empty          a new home: a new key, a new keyring, unsealed
 *   no keyring, HOME a plain file   a home made before encryption: it works as it did
 *                                   until an Administrator converts it
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/file.h>

#include "trellis-date.h"
#include "trellis-error.h"
#include "trellis-keys.h"
#include "sqlite/trellis-sqlite-crypt.h"
#include "trellis-store-private.h"

#define PAGES_PURPOSE "trellis-pages"
#define AUDIT_PURPOSE "trellis-audit-mac"

char *
trellis_store_dup_keyring_path (const char *path)
{
  return g_strconcat (path, ".keyring", NULL);
}

/* A new, empty file only its owner may read (a keyring, a backup): never one that is there
 * already. */
gboolean
trellis_store_make_private_file (const char  *path,
                                 GError     **error)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TRELLIS_ERROR, saved == EEXIST ? TRELLIS_ERROR_CONFLICT
                                                         : TRELLIS_ERROR_UNAVAILABLE,
                   _("Could not create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

/* The SQLite file at @path and its journals. */
void
trellis_store_remove_with_journals (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static gboolean
file_is_empty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) != 0 || st.st_size == 0;
}

/* Byte 20 of SQLite's plain header: the bytes each page keeps back, which only an
 * encrypted Trellis database sets. */
static gboolean
file_looks_encrypted (const char *path)
{
  guint8 header[21] = { 0 };
  FILE *file = g_fopen (path, "rb");
  gsize length = 0;

  if (file != NULL)
    {
      length = fread (header, 1, sizeof header, file);
      fclose (file);
    }
  return length == sizeof header && memcmp (header, "SQLite format 3", 16) == 0 &&
         header[20] == TRELLIS_CRYPT_RESERVE;
}

/* The program that makes a home holds a lock on its keyring (flock, which SQLite's own
 * fcntl locks never meet) until it closes the store: another program that finds the
 * keyring with no home yet then knows it is being made, not abandoned. */
static int
lock_keyring (const char *keyring_path)
{
  int fd = g_open (keyring_path, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_close (fd, NULL);
      return -1;
    }
  return fd;
}

static gboolean
make_new_home_keys (TrellisStore            *self,
                    const char              *keyring_path,
                    TrellisSqliteOpenFlags   flags,
                    GError                 **error)
{
  g_autoptr(TrellisSecret) data_key = trellis_secret_new_random ();

  if (!trellis_store_make_private_file (keyring_path, error))
    return FALSE;
  self->making_fd = lock_keyring (keyring_path);
  self->keyring = trellis_sqlite_open_keyring (keyring_path, flags, error);
  randombytes_buf (self->file_id, sizeof self->file_id);
  if (self->keyring == NULL ||
      !trellis_sqlite_begin (self->keyring, 0, error))
    return FALSE;
  if (!trellis_sqlite_keyring_init (self->keyring, self->file_id, error) ||
      !trellis_sqlite_commit (self->keyring, 0, error))
    {
      trellis_sqlite_rollback (self->keyring, 0);
      return FALSE;
    }
  self->db = trellis_sqlite_new_sealed (self->path, flags);
  return trellis_store_unseal (self, data_key, error);
}

/**
 * trellis_store_open_keyring:
 * @flags: the backend's flags for the database's connection
 * @plain: make a new home without encryption (the migration tests' old schemas)
 *
 * Opens the home at @self->path as the table at the top of the file says, setting
 * @self->db (sealed or not) and @self->keyring (or NULL for an unencrypted home).
 * Returns: %TRUE when @self->db is set; %FALSE with @error, or with neither set and no
 *   error when the home is an unencrypted one the caller opens as before.
 */
gboolean
trellis_store_open_keyring (TrellisStore            *self,
                            TrellisSqliteOpenFlags   flags,
                            gboolean                 plain,
                            GError                 **error)
{
  g_autofree char *keyring_path = trellis_store_dup_keyring_path (self->path);
  g_auto(TrellisKeyringRow) row = { 0 };
  gboolean found = FALSE;

  /* a conversion that stopped between putting the encrypted file in place and its keyring */
  if (!g_file_test (keyring_path, G_FILE_TEST_EXISTS) && file_looks_encrypted (self->path))
    {
      g_autofree char *made = g_strconcat (keyring_path, ".new", NULL);

      if (g_file_test (made, G_FILE_TEST_EXISTS))
        g_rename (made, keyring_path);
    }

  if (!g_file_test (keyring_path, G_FILE_TEST_EXISTS))
    {
      if (!file_is_empty (self->path) || plain)
        {
          if (file_looks_encrypted (self->path))
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE,
                           _("The keyring “%s” is missing, and without it nobody can open "
                             "the home’s encrypted records. Put it back beside the database, "
                             "or restore both from a backup."), keyring_path);
              return FALSE;
            }
          return FALSE;  /* an unencrypted home, opened as before */
        }
      return make_new_home_keys (self, keyring_path, flags, error);
    }

  self->keyring = trellis_sqlite_open_keyring (keyring_path, flags & ~TRELLIS_SQLITE_OPEN_CHECK,
                                               error);
  if (self->keyring == NULL ||
      !trellis_sqlite_keyring_read (self->keyring, &row, &found, error))
    return FALSE;

  if (!found || !row.has_home)
    {
      /* being made right now, by another program (a demo of many children takes minutes):
       * left alone */
      int fd = lock_keyring (keyring_path);

      if (fd < 0)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_LOCKED,
                       _("The home in “%s” is being made by another program. Try again when it "
                         "has finished."), self->path);
          return FALSE;
        }
      g_close (fd, NULL);
      /* started and never finished: nobody has the key to what was written, and there is
       * no home in it yet to lose */
      g_clear_pointer (&self->keyring, trellis_sqlite_close);
      trellis_store_remove_with_journals (keyring_path);
      trellis_store_remove_with_journals (self->path);
      if (!trellis_store_make_private_file (self->path, error))
        return FALSE;
      return make_new_home_keys (self, keyring_path, flags, error);
    }

  memcpy (self->file_id, row.file_id, sizeof self->file_id);
  self->db = trellis_sqlite_new_sealed (self->path, flags);
  return TRUE;
}

TrellisSqlite *
trellis_store_read_db (TrellisStore *self)
{
  if (self->keyring != NULL && trellis_sqlite_is_sealed (self->db))
    return self->keyring;
  return self->db;
}

gboolean
trellis_store_is_encrypted (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  return self->keyring != NULL;
}

gboolean
trellis_store_is_sealed (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  return trellis_sqlite_is_sealed (self->db);
}

static gboolean
move_pending_row (const TrellisAuditRow *row,
                  gpointer               user_data)
{
  TrellisStore *self = user_data;
  g_autofree char *detail = *row->detail != '\0'
    ? g_strdup_printf ("%s (%s)", row->detail, row->at) : g_strdup (row->at);

  return trellis_store_audit (self, row->staff_id, row->action, 0, detail, NULL);
}

/**
 * trellis_store_keyring_flush:
 *
 * Moves the refused sign-ins the keyring kept while the database was sealed into the audit
 * trail, with the time each happened: both transactions commit, or neither.
 */
gboolean
trellis_store_keyring_flush (TrellisStore  *self,
                             GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;

  if (self->keyring == NULL || trellis_sqlite_is_sealed (self->db))
    return TRUE;
  tx = trellis_transaction_begin (self, error);
  if (tx == NULL || !trellis_sqlite_begin (self->keyring, 0, error))
    return FALSE;
  if (!trellis_sqlite_keyring_take_pending (self->keyring, move_pending_row, self, error) ||
      !trellis_transaction_commit (tx, error))
    {
      trellis_sqlite_rollback (self->keyring, 0);
      return FALSE;
    }
  return trellis_sqlite_commit (self->keyring, 0, error);
}

/* Copies the database's rows into the keyring's: @staff_id as for
 * trellis_sqlite_keyring_copy(). */
gboolean
trellis_store_keyring_copy (TrellisStore  *self,
                            gint64         staff_id,
                            gboolean       home,
                            GError       **error)
{
  if (self->keyring == NULL || trellis_sqlite_is_sealed (self->db))
    return TRUE;
  if (!trellis_sqlite_begin (self->keyring, 0, error))
    return FALSE;
  if (!trellis_sqlite_keyring_copy (self->keyring, self->db, staff_id, home, error) ||
      !trellis_sqlite_commit (self->keyring, 0, error))
    {
      trellis_sqlite_rollback (self->keyring, 0);
      return FALSE;
    }
  return TRUE;
}

/* The audit trail's head, kept outside the database: the last row's id and MAC. */
static gboolean
keep_audit_head (TrellisStore  *self,
                 GError       **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *head = NULL;
  g_autofree char *at_head = NULL;
  gint64 last = 0, rows = 0;

  if (trellis_sqlite_is_sealed (self->db))
    return TRUE;
  if (!trellis_sqlite_keyring_get_head (self->keyring, &rows, &head, error) ||
      !trellis_sqlite_audit_get_last (self->db, &last, &hash, error) ||
      (rows > 0 && !trellis_sqlite_audit_get_hash (self->db, rows, &at_head, error)))
    return FALSE;
  /* the trail no longer reaches the head (rows deleted, an older copy put back): the head
   * stays as evidence for the check, rather than moving on to the trail as it is now */
  if (rows > 0 && g_strcmp0 (at_head, head) != 0)
    return TRUE;
  return trellis_sqlite_keyring_set_head (self->keyring, last, hash != NULL ? hash : "", error);
}

/**
 * trellis_store_keyring_check_head:
 * @last_id: the last row of a chain that holds, 0 for none
 * @last_hash: its hash
 * @first_broken: (out): set when the trail does not reach the head the keyring keeps
 *
 * A chain that holds may still have lost its last rows, or be an older copy of the whole
 * database: the keyring's head says how far it went. More rows than the head is a commit
 * whose head a crash kept from the keyring, so the row at the head must still be the one
 * it names.
 */
gboolean
trellis_store_keyring_check_head (TrellisStore  *self,
                                  gint64         last_id,
                                  const char    *last_hash,
                                  gint64        *first_broken,
                                  GError       **error)
{
  g_autofree char *head = NULL;
  g_autofree char *at_head = NULL;
  gint64 rows;

  if (self->keyring == NULL)
    return TRUE;
  if (!trellis_sqlite_keyring_get_head (self->keyring, &rows, &head, error))
    return FALSE;
  if (rows == 0)
    return TRUE;
  if (last_id < rows)
    {
      *first_broken = last_id + 1;
      return TRUE;
    }
  if (last_id == rows)
    at_head = g_strdup (last_hash);
  else if (!trellis_sqlite_audit_get_hash (self->db, rows, &at_head, error))
    return FALSE;
  if (g_strcmp0 (at_head, head) != 0)
    *first_broken = rows;
  return TRUE;
}

/* After a commit: the keyring follows the accounts and the home it mirrors. */
void
trellis_store_keyring_follow (TrellisStore *self,
                              GArray       *pending)
{
  g_autoptr(GError) error = NULL;
  gint64 staff_id = -1;
  gboolean home = FALSE;
  gboolean audit = FALSE;

  if (self->keyring == NULL || self->is_worker)
    return;
  for (guint i = 0; i < pending->len; i++)
    {
      TrellisPendingChange *c = &g_array_index (pending, TrellisPendingChange, i);

      if (c->kind == TRELLIS_RECORD_KIND_AUDIT)
        audit = TRUE;
      else if (c->kind == TRELLIS_RECORD_KIND_HOME)
        home = TRUE;
      else if (c->kind == TRELLIS_RECORD_KIND_STAFF)
        staff_id = staff_id == -1 && c->id != TRELLIS_RECORD_ID_MANY ? c->id : 0;
    }
  if ((staff_id >= 0 || home) && !trellis_store_keyring_copy (self, staff_id, home, &error))
    g_warning ("The keyring did not follow the change (it will at the next sign-in): %s",
               error->message);
  g_clear_error (&error);
  if (audit && !keep_audit_head (self, &error))
    g_warning ("The keyring did not follow the audit trail (it will with its next row): %s",
               error->message);
}

/**
 * trellis_store_unseal:
 * @data_key: the home's data key, unwrapped by signing in
 *
 * Opens the encrypted database with @data_key, brings its schema up to date, copies its
 * accounts into the keyring again (mending any change a crash kept from it) and moves
 * refused sign-ins into the audit trail. Nothing when it is open already.
 */
gboolean
trellis_store_unseal (TrellisStore   *self,
                      TrellisSecret  *data_key,
                      GError        **error)
{
  g_autoptr(TrellisSecret) page_key = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self->keyring != NULL, FALSE);

  if (!trellis_sqlite_is_sealed (self->db))
    return TRUE;

  /* the worker opens its connection again, with the key */
  trellis_store_worker_free (self);
  page_key = trellis_secret_derive (data_key, PAGES_PURPOSE);
  if (!trellis_sqlite_unseal (self->db, trellis_secret_get_data (page_key), self->file_id,
                              error))
    return FALSE;
  if (!trellis_sqlite_migrate (self->db, self->target_version, error))
    {
      trellis_sqlite_seal (self->db);
      return FALSE;
    }
  g_clear_pointer (&self->data_key, trellis_secret_free);
  g_clear_pointer (&self->page_key, trellis_secret_free);
  g_clear_pointer (&self->audit_key, trellis_secret_free);
  self->data_key = trellis_secret_copy (data_key);
  self->page_key = g_steal_pointer (&page_key);
  self->audit_key = trellis_secret_derive (data_key, AUDIT_PURPOSE);
  self->data_version = trellis_sqlite_get_data_version (self->db);

  self->audit_pending = FALSE;
  if (!trellis_store_keyring_copy (self, 0, TRUE, &local_error) ||
      !trellis_store_keyring_flush (self, &local_error))
    g_warning ("The keyring could not be brought up to date: %s", local_error->message);
  return TRUE;
}

/**
 * trellis_store_seal:
 *
 * Closes the encrypted database and wipes its key from memory: what locking the window and
 * signing out do. Every call that reads records then says "sign in first" until someone
 * does. Jobs already given to the worker finish first. An unencrypted home has nothing to
 * seal.
 */
void
trellis_store_seal (TrellisStore *self)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  if (self->keyring == NULL || self->depth > 0)
    return;
  trellis_store_worker_free (self);
  trellis_sqlite_seal (self->db);
  g_clear_pointer (&self->data_key, trellis_secret_free);
  g_clear_pointer (&self->page_key, trellis_secret_free);
  g_clear_pointer (&self->audit_key, trellis_secret_free);
}

/* @staff_id is signed in and unlocked in this process: the home stays unsealed until every
 * such session has locked or signed out (trellis_store_lock_session()). */
void
trellis_store_begin_session (TrellisStore *self,
                             gint64        staff_id)
{
  if (self->sessions == NULL)
    self->sessions = g_hash_table_new (NULL, NULL);
  g_hash_table_add (self->sessions, GINT_TO_POINTER (staff_id));
}

/* The context a copy of the data key is bound to: the account's number, which never
 * changes, so a copy moved to another account's row does not open. */
static char *
wrap_context (gint64 staff_id)
{
  return g_strdup_printf ("staff/%" G_GINT64_FORMAT, staff_id);
}

/**
 * trellis_store_keyring_wrap:
 * @password_key: made from the person's password before any transaction began
 *
 * Gives the account its own copy of the data key. The home must be unsealed (someone is
 * signed in): nobody else has the key to give.
 */
gboolean
trellis_store_keyring_wrap (TrellisStore        *self,
                            gint64               staff_id,
                            TrellisPasswordKey  *password_key,
                            GError             **error)
{
  g_autofree char *context = wrap_context (staff_id);
  g_autoptr(GBytes) wrapped = NULL;

  if (self->data_key == NULL)
    return trellis_sqlite_set_sealed_error (error);
  if (!trellis_store_keyring_copy (self, staff_id, FALSE, error))
    return FALSE;
  wrapped = trellis_password_key_wrap (password_key, self->data_key, context);
  return trellis_sqlite_keyring_set_wrapped (self->keyring, staff_id, wrapped, error);
}

/* Argon2 (a good part of a second, on the caller's thread): the account's copy of the data
 * key, or %NULL with %TRELLIS_ERROR_PERMISSION_DENIED for a wrong password. */
TrellisSecret *
trellis_store_keyring_unwrap (GBytes      *wrapped,
                              gint64       staff_id,
                              const char  *password,
                              GError     **error)
{
  g_autofree char *context = wrap_context (staff_id);

  return trellis_key_unwrap_with_password (wrapped, password, context, error);
}

/**
 * trellis_store_set_demo_passwords:
 * @password_key: made from the demo home's one, public, password
 *
 * Gives every account of a demo home that has no password the demo's: its own copy of the
 * data key, all in one transaction of the keyring (a demo home may have thousands of Link
 * Workers). Administrators only, and demo homes only.
 */
gboolean
trellis_store_set_demo_passwords (TrellisStore        *self,
                                  TrellisStaff        *actor,
                                  TrellisPasswordKey  *password_key,
                                  GError             **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisHome) home = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (password_key != NULL, FALSE);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_MANAGE_STAFF, error);
  if (tx == NULL || (home = trellis_store_get_home (self, error)) == NULL)
    return FALSE;
  if (self->keyring == NULL || !trellis_home_get_is_demo (home))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Only an encrypted demo home’s accounts share a password"));
      return FALSE;
    }
  ids = trellis_sqlite_staff_take_passwordless (self->db, TRELLIS_STORE_HASH_IN_KEYRING, error);
  if (ids == NULL || !trellis_sqlite_begin (self->keyring, 0, error))
    return FALSE;
  if (!trellis_sqlite_keyring_copy (self->keyring, self->db, 0, FALSE, error))
    goto failed;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *context = wrap_context (id);
      g_autoptr(GBytes) wrapped = trellis_password_key_wrap (password_key, self->data_key,
                                                              context);

      if (!trellis_sqlite_keyring_set_wrapped (self->keyring, id, wrapped, error))
        goto failed;
    }
  if (!trellis_sqlite_commit (self->keyring, 0, error))
    goto failed;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_STAFF, TRELLIS_RECORD_ID_MANY);
  return trellis_transaction_commit (tx, error);

failed:
  trellis_sqlite_rollback (self->keyring, 0);
  return FALSE;
}

/**
 * trellis_store_take_recovery_key:
 *
 * The recovery key of a home this store has just made, as a person reads it: given once,
 * to be printed or written down and kept in the safe, then forgotten.
 *
 * Returns: (transfer full) (nullable): the key's text; free it with
 *   trellis_store_free_recovery_key()
 */
char *
trellis_store_take_recovery_key (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return g_steal_pointer (&self->recovery_text);
}

void
trellis_store_free_recovery_key (char *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}

/* For a new home: a recovery key, wrapping the data key, its text kept until taken. */
gboolean
trellis_store_keyring_make_recovery (TrellisStore  *self,
                                     GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(TrellisSecret) recovery = NULL;
  g_autoptr(GBytes) wrapped = NULL;

  if (self->data_key == NULL)
    return trellis_sqlite_set_sealed_error (error);
  recovery = trellis_recovery_key_new (&text);
  wrapped = trellis_key_wrap_with_recovery (self->data_key, recovery);
  if (!trellis_sqlite_keyring_set_recovery (self->keyring, wrapped, error))
    {
      trellis_store_free_recovery_key (g_steal_pointer (&text));
      return FALSE;
    }
  trellis_store_free_recovery_key (self->recovery_text);
  self->recovery_text = g_steal_pointer (&text);
  return TRUE;
}

/**
 * trellis_store_unseal_with_recovery:
 *
 * Opens the home with its recovery key (trellisctl recover): nothing else is unlocked by it
 * but what the caller then does, an Administrator's password reset, audited.
 */
gboolean
trellis_store_unseal_with_recovery (TrellisStore  *self,
                                    const char    *recovery_text,
                                    GError       **error)
{
  g_auto(TrellisKeyringRow) row = { 0 };
  g_autoptr(TrellisSecret) recovery = NULL;
  g_autoptr(TrellisSecret) data_key = NULL;
  gboolean found;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (self->keyring == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is not encrypted and has no recovery key"), self->path);
      return FALSE;
    }
  if ((recovery = trellis_recovery_key_parse (recovery_text, error)) == NULL ||
      !trellis_sqlite_keyring_read (self->keyring, &row, &found, error))
    return FALSE;
  if (row.recovery == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("This home has no recovery key"));
      return FALSE;
    }
  data_key = trellis_key_unwrap_with_recovery (row.recovery, recovery, error);
  return data_key != NULL && trellis_store_unseal (self, data_key, error);
}

char *
trellis_store_dup_raw_uri_for_tests (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return trellis_sqlite_dup_uri (self->db);
}

/**
 * trellis_store_encrypt_home:
 * @admin_key: made from the Administrator's password as they signed in
 *
 * Encrypts a home made before Trellis encrypted its records, as its first Administrator
 * signs in: a new data key and recovery key; an encrypted copy (VACUUM INTO), checked page
 * by page and table by table against the original before anything is replaced; a keyring
 * with the Administrator's copy of the key; then the copy renamed over the original and
 * the keyring put beside it, in that order (an open that finds the copy without its
 * keyring finishes the job). Everyone else's account keeps its password's hash, and gets
 * its own copy of the key the first time they sign in while the home is open; while it is
 * sealed, an Administrator resets their password. The recovery key waits for
 * trellis_store_take_recovery_key().
 */
gboolean
trellis_store_encrypt_home (TrellisStore        *self,
                            gint64               admin_id,
                            TrellisPasswordKey  *admin_key,
                            GError             **error)
{
  g_autoptr(TrellisSecret) data_key = trellis_secret_new_random ();
  g_autoptr(TrellisSecret) page_key = trellis_secret_derive (data_key, PAGES_PURPOSE);
  g_autofree char *copy = g_strconcat (self->path, ".encrypting", NULL);
  g_autofree char *keyring_path = trellis_store_dup_keyring_path (self->path);
  g_autofree char *made = g_strconcat (keyring_path, ".new", NULL);
  g_autoptr(TrellisSqlite) encrypted = NULL;
  guint8 file_id[sizeof self->file_id];

  g_return_val_if_fail (self->keyring == NULL, FALSE);

  if (self->depth > 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("The home cannot be encrypted inside a transaction"));
      return FALSE;
    }
  randombytes_buf (file_id, sizeof file_id);
  trellis_store_remove_with_journals (copy);
  trellis_store_remove_with_journals (made);
  trellis_store_worker_free (self);

  if (!trellis_sqlite_copy_encrypted (self->db, copy, trellis_secret_get_data (page_key),
                                      file_id, error) ||
      g_chmod (copy, 0600) != 0 ||
      !trellis_sqlite_verify_copy (self->db, copy, trellis_secret_get_data (page_key), file_id,
                                   error) ||
      !trellis_store_make_private_file (made, error))
    goto failed;

  /* the keyring, made beside the copy, from the copy */
  encrypted = trellis_sqlite_open_encrypted (copy, trellis_secret_get_data (page_key), file_id,
                                             0, error);
  self->keyring = encrypted != NULL ? trellis_sqlite_open_keyring (made, 0, error) : NULL;
  if (self->keyring == NULL || !trellis_sqlite_begin (self->keyring, 0, error))
    goto failed;
  {
    g_autofree char *context = wrap_context (admin_id);
    g_autofree char *text = NULL;
    g_autoptr(TrellisSecret) recovery = trellis_recovery_key_new (&text);
    g_autoptr(GBytes) recovery_wrapped = trellis_key_wrap_with_recovery (data_key, recovery);
    g_autoptr(GBytes) wrapped = trellis_password_key_wrap (admin_key, data_key, context);

    if (!trellis_sqlite_keyring_init (self->keyring, file_id, error) ||
        !trellis_sqlite_keyring_copy (self->keyring, encrypted, 0, TRUE, error) ||
        !trellis_sqlite_keyring_set_wrapped (self->keyring, admin_id, wrapped, error) ||
        !trellis_sqlite_keyring_set_recovery (self->keyring, recovery_wrapped, error) ||
        !trellis_sqlite_commit (self->keyring, 0, error))
      {
        trellis_sqlite_rollback (self->keyring, 0);
        trellis_store_free_recovery_key (g_steal_pointer (&text));
        goto failed;
      }
    trellis_store_free_recovery_key (self->recovery_text);
    self->recovery_text = g_steal_pointer (&text);
  }
  g_clear_pointer (&encrypted, trellis_sqlite_close);
  g_clear_pointer (&self->keyring, trellis_sqlite_close);

  /* the plain files go: the copy takes the database's name, then the keyring its own */
  trellis_sqlite_close (g_steal_pointer (&self->db));
  trellis_store_remove_with_journals (self->path);
  if (g_rename (copy, self->path) != 0 || g_rename (made, keyring_path) != 0)
    {
      int saved = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE,
                   _("Could not put the encrypted home in place of “%s”: %s"), self->path,
                   g_strerror (saved));
      /* never without a connection: the plain one again, or a sealed one that the next
       * open finishes (it renames the keyring it finds made) */
      self->db = trellis_sqlite_open (self->path, self->backend_flags, NULL);
      if (self->db == NULL)
        self->db = trellis_sqlite_new_sealed (self->path, self->backend_flags);
      return FALSE;
    }
  memcpy (self->file_id, file_id, sizeof file_id);
  self->keyring = trellis_sqlite_open_keyring (keyring_path, self->backend_flags & ~TRELLIS_SQLITE_OPEN_CHECK,
                                               error);
  self->db = trellis_sqlite_new_sealed (self->path, self->backend_flags);
  if (self->keyring == NULL || !trellis_store_unseal (self, data_key, error))
    return FALSE;
  {
    g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, error);

    if (tx == NULL ||
        !trellis_sqlite_account_update (self->db, admin_id, TRELLIS_STORE_HASH_IN_KEYRING, -1, 0, 0,
                                        FALSE, error) ||
        !trellis_store_audit (self, admin_id, "encrypt-home", 0, "", error))
      return FALSE;
    trellis_store_queue_change (self, TRELLIS_RECORD_KIND_STAFF, admin_id);
    return trellis_transaction_commit (tx, error);
  }

failed:
  g_clear_pointer (&encrypted, trellis_sqlite_close);
  g_clear_pointer (&self->keyring, trellis_sqlite_close);
  trellis_store_remove_with_journals (copy);
  trellis_store_remove_with_journals (made);
  return FALSE;
}
