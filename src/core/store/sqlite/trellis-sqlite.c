/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite.c: the SQLite connection under a store
 *
 * Opening (pragmas, the integrity check), the statement cache, transactions and savepoints,
 * the translation of SQLite's errors into Trellis's, and the row helpers every
 * trellis-sqlite-<area>.c uses so none of them writes its own step loop.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "trellis-date.h"
#include "trellis-error.h"
#include "trellis-sqlite-private.h"

static void
stmt_finalize (gpointer data)
{
  sqlite3_finalize (data);
}

/**
 * trellis_sqlite_error_code:
 * @result: an SQLite result code, extended or primary
 *
 * The one place SQLite's results become Trellis's codes, which callers branch on.
 */
TrellisError
trellis_sqlite_error_code (int result)
{
  switch (result & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TRELLIS_ERROR_LOCKED;
    case SQLITE_FULL:
    case SQLITE_TOOBIG:
      return TRELLIS_ERROR_TOO_LARGE;
    case SQLITE_NOTADB:
      return TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE;
    case SQLITE_CORRUPT:
      return TRELLIS_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return TRELLIS_ERROR_UNAVAILABLE;
    case SQLITE_CONSTRAINT:
      /* a record that is there already; any other broken rule of the schema is ours */
      if (result == SQLITE_CONSTRAINT_UNIQUE || result == SQLITE_CONSTRAINT_PRIMARYKEY)
        return TRELLIS_ERROR_CONFLICT;
      return TRELLIS_ERROR_DATABASE;
    default:
      return TRELLIS_ERROR_DATABASE;
    }
}

/* Sets @error from the connection's last result, in words for the person at the PC; the
 * code says what happened for the code that has to decide what to do. Always FALSE. */
gboolean
trellis_sqlite_set_error (TrellisSqlite  *self,
                          GError        **error)
{
  int result;
  TrellisError code;

  if (self->db == NULL)
    return trellis_sqlite_set_sealed_error (error);

  result = sqlite3_extended_errcode (self->db);
  code = trellis_sqlite_error_code (result);
  switch (code)
    {
    case TRELLIS_ERROR_LOCKED:
      g_set_error (error, TRELLIS_ERROR, code,
                   _("The database is busy in another program; try again in a moment"));
      break;
    case TRELLIS_ERROR_TOO_LARGE:
      if ((result & 0xff) == SQLITE_FULL)
        g_set_error (error, TRELLIS_ERROR, code,
                     _("There is no room left for “%s”: the disk is full. Nothing was "
                       "changed."), self->path);
      else
        g_set_error (error, TRELLIS_ERROR, code,
                     _("The change is too large to store. Nothing was changed."));
      break;
    case TRELLIS_ERROR_UNAVAILABLE:
      if (!trellis_sqlite_crypt_is_damage (result))
        {
          g_set_error (error, TRELLIS_ERROR, code, _("Could not read or write “%s”: %s"),
                       self->path, sqlite3_errmsg (self->db));
          break;
        }
      /* a page that does not open: its bytes were changed by something other than SQLite */
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("The database “%s” was damaged or changed outside Trellis. Restore it "
                     "from a backup."), self->path);
      break;
    case TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE:
    case TRELLIS_ERROR_CORRUPT:
      g_set_error (error, TRELLIS_ERROR, code,
                   _("“%s” is not a Trellis database, or it is damaged"), self->path);
      break;
    case TRELLIS_ERROR_CONFLICT:
      g_set_error (error, TRELLIS_ERROR, code,
                   _("The record is there already: %s"), sqlite3_errmsg (self->db));
      break;
    default:
      g_set_error (error, TRELLIS_ERROR, code,
                   _("The database refused the change: %s"), sqlite3_errmsg (self->db));
      break;
    }

  return FALSE;
}

/* A connection whose home is sealed: nobody has signed in since it was made or locked, so
 * the key to its pages is not in memory. */
gboolean
trellis_sqlite_set_sealed_error (GError **error)
{
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                       _("The home’s records are locked: sign in first"));
  return FALSE;
}

gboolean
trellis_sqlite_is_sealed (TrellisSqlite *self)
{
  return self->db == NULL;
}

gboolean
trellis_sqlite_exec (TrellisSqlite  *self,
                     const char     *sql,
                     GError        **error)
{
  if (self->db == NULL || sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return trellis_sqlite_set_error (self, error);
  return TRUE;
}

/* A prepared statement, cached for the connection's life, reset and ready to bind. */
sqlite3_stmt *
trellis_sqlite_prepare (TrellisSqlite  *self,
                        const char     *sql,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  if (self->db == NULL)
    {
      trellis_sqlite_set_sealed_error (error);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Runs a statement that returns no rows and leaves it ready for next time. */
gboolean
trellis_sqlite_step_done (TrellisSqlite  *self,
                          sqlite3_stmt   *stmt,
                          GError        **error)
{
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return trellis_sqlite_set_error (self, error);
  return TRUE;
}

/* Steps @stmt (bound already, or NULL when preparing it failed) to its first row and hands
 * that row to @func; with no row, *@found is FALSE and @func is not called. FALSE only when
 * the database failed. */
gboolean
trellis_sqlite_read_first (TrellisSqlite          *self,
                           sqlite3_stmt           *stmt,
                           TrellisSqliteReadFunc   func,
                           gpointer                user_data,
                           gboolean               *found,
                           GError                **error)
{
  int rc;

  if (found != NULL)
    *found = FALSE;
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      func (stmt, user_data);
      if (found != NULL)
        *found = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return trellis_sqlite_set_error (self, error);
  return TRUE;
}

typedef struct
{
  TrellisSqliteRowFunc  func;
  gpointer             *out;
} OneRow;

static void
read_object (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  OneRow *one = user_data;
  *one->out = one->func (stmt);
}

/* Sets *@result to what @func makes of the first row, or to NULL when there is none. */
gboolean
trellis_sqlite_get_one (TrellisSqlite         *self,
                        sqlite3_stmt          *stmt,
                        TrellisSqliteRowFunc   func,
                        gpointer               result,
                        GError               **error)
{
  OneRow one = { func, result };

  *one.out = NULL;
  return trellis_sqlite_read_first (self, stmt, read_object, &one, NULL, error);
}

/* A row of a number and a text: an audit row's id and hash, say. */
void
trellis_sqlite_read_id_text (sqlite3_stmt *stmt,
                             gpointer      user_data)
{
  TrellisSqliteIdText *row = user_data;

  *row->id = sqlite3_column_int64 (stmt, 0);
  *row->text = g_strdup (trellis_sqlite_column_text (stmt, 1));
}

static void
read_int64 (sqlite3_stmt *stmt,
            gpointer      user_data)
{
  *(gint64 *) user_data = sqlite3_column_int64 (stmt, 0);
}

/* The first column of the first row; *@found says whether there was a row. */
gboolean
trellis_sqlite_get_int64 (TrellisSqlite  *self,
                          sqlite3_stmt   *stmt,
                          gint64         *value,
                          gboolean       *found,
                          GError        **error)
{
  return trellis_sqlite_read_first (self, stmt, read_int64, value, found, error);
}

/* Every row of @stmt as a list of @item_type. */
GListModel *
trellis_sqlite_get_list (TrellisSqlite         *self,
                         sqlite3_stmt          *stmt,
                         GType                  item_type,
                         TrellisSqliteRowFunc   func,
                         GError               **error)
{
  g_autoptr(GListStore) list = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (item_type);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = func (stmt);
      g_list_store_append (list, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

void
trellis_sqlite_bind_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
trellis_sqlite_bind_date (sqlite3_stmt *stmt,
                          int           index,
                          GDateTime    *date)
{
  g_autofree char *iso = trellis_date_to_iso (date);
  trellis_sqlite_bind_text (stmt, index, iso);
}

const char *
trellis_sqlite_column_text (sqlite3_stmt *stmt,
                            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

GDateTime *
trellis_sqlite_column_date (sqlite3_stmt *stmt,
                            int           column)
{
  return trellis_date_from_iso ((const char *) sqlite3_column_text (stmt, column));
}

/* "%text%" for LIKE … ESCAPE '\', with the wildcards a person might type matched as
 * themselves. */
char *
trellis_sqlite_like_pattern (const char *text)
{
  GString *s = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* PRAGMA quick_check: 30 ms at 10,000 children, so a window pays it once when it opens and
 * a trellisctl call does not pay it at all unless it asks. */
static gboolean
check_integrity (TrellisSqlite  *self,
                 GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *check = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return trellis_sqlite_set_error (self, error);
    }
  check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (check, "ok") != 0 && self->key != NULL)
    {
      g_autofree char *tag_failed = g_strdup_printf ("error code=%d", SQLITE_IOERR_DATA);

      /* a page whose tag did not match: its bytes were changed by something else */
      if (check != NULL && strstr (check, tag_failed) != NULL)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                       _("The database “%s” was damaged or changed outside Trellis. Restore "
                         "it from a backup."), self->path);
          return FALSE;
        }
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("“%s” is damaged (the integrity check found: %s). Restore it from a "
                     "backup."), self->path, check);
      return FALSE;
    }
  return TRUE;
}

/* One number from a PRAGMA or query that changes nothing; FALSE when the file could not be
 * read (not a database at all: NOTADB). */
static gboolean
read_number (TrellisSqlite  *self,
             const char     *sql,
             gint64         *value,
             GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return trellis_sqlite_set_error (self, error);
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return trellis_sqlite_set_error (self, error);
  return TRUE;
}

/* Whose file this is, asked before anything is written to it: Trellis's (its
 * application_id), one Trellis made before it set that (user_version and Trellis's tables),
 * or a new, empty one. Anything else belongs to another program and is left exactly as it
 * was: no tables added, no WAL, no change of mode. */
static gboolean
check_identity (TrellisSqlite  *self,
                GError        **error)
{
  gint64 application_id, user_version, n_objects, n_trellis_tables;

  if (!read_number (self, "PRAGMA application_id", &application_id, error) ||
      !read_number (self, "PRAGMA user_version", &user_version, error) ||
      !read_number (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !read_number (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                    "name IN ('home', 'staff', 'child')", &n_trellis_tables, error))
    return FALSE;

  if (application_id == 0 && n_objects == 0)
    return TRUE;
  if (self->flags & TRELLIS_SQLITE_OPEN_KEYRING)
    {
      if (application_id == TRELLIS_SQLITE_KEYRING_ID)
        return TRUE;
    }
  else
    {
      if (application_id == TRELLIS_SQLITE_APPLICATION_ID)
        return TRUE;
      if (application_id == 0 && user_version >= 1 && n_trellis_tables == 3)
        return TRUE;
    }

  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE,
               _("“%s” is not a Trellis database: it belongs to another program. Trellis has "
                 "left it as it was; choose a Trellis home’s database, or a new file."),
               self->path);
  return FALSE;
}

/* Whether the file may not be written: its owner took the write bit away (0400), which root
 * would write past, or this user may not write it. */
static gboolean
is_read_only (TrellisSqlite *self)
{
  GStatBuf st;

  if (sqlite3_db_readonly (self->db, "main") == 1)
    return TRUE;
  if (g_stat (self->path, &st) != 0)
    return FALSE;  /* a file that is not there is no read-only one */
  return (st.st_mode & S_IWUSR) == 0 || g_access (self->path, W_OK) != 0;
}

/* Trellis writes whenever it is used (every look at a child's record is audited), so a
 * read-only database is refused, as it was and saying why, rather than failing half-way
 * through a command or, as root, written to all the same. */
static void
refuse_read_only (TrellisSqlite  *self,
                  GError        **error)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE,
               _("The database “%s” is read-only. Trellis records every look at a child’s "
                 "record in it, so it must be able to write to it: make the file writable "
                 "for its owner, or work on a copy"), self->path);
}

/* An encrypted file keeps TRELLIS_CRYPT_RESERVE bytes of each page for the nonce and tag:
 * asked for before a new file's first page is written, and checked on an old one (byte 20
 * of the plain header), so an unencrypted file is never read as an encrypted one. */
static gboolean
check_encryption (TrellisSqlite  *self,
                  GError        **error)
{
  guint8 header[100];
  gsize length = 0;
  int reserve = TRELLIS_CRYPT_RESERVE;
  FILE *file = g_fopen (self->path, "rb");

  if (file != NULL)
    {
      length = fread (header, 1, sizeof header, file);
      fclose (file);
    }
  if (length == 0)
    {
      if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve)
          != SQLITE_OK)
        return trellis_sqlite_set_error (self, error);
      return TRUE;
    }
  if (length < sizeof header || header[20] != TRELLIS_CRYPT_RESERVE)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE,
                   _("“%s” is not an encrypted Trellis database"), self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
disconnect_with_error (TrellisSqlite  *self,
                       GError         *local_error,
                       GError        **error)
{
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else
    trellis_sqlite_set_error (self, error);
  g_hash_table_remove_all (self->statements);
  sqlite3_close (self->db);
  self->db = NULL;
  g_clear_pointer (&self->key, trellis_crypt_key_unref);
  return FALSE;
}

/* Opens the SQLite connection of @self: at first, and again when a sealed home is
 * unsealed. On failure, @self is left sealed. */
static gboolean
connect_file (TrellisSqlite  *self,
              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = self->key != NULL ? trellis_sqlite_crypt_uri (self->path, self->key)
                                           : NULL;

  if (sqlite3_open_v2 (uri != NULL ? uri : self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
                       (uri != NULL ? SQLITE_OPEN_URI : 0), NULL) != SQLITE_OK)
    return disconnect_with_error (self, NULL, error);
  sqlite3_extended_result_codes (self->db, 1);
  /* before anything is read or written: the pages stay out of any temporary file */
  if (self->key != NULL &&
      (!trellis_sqlite_exec (self, "PRAGMA temp_store = MEMORY", &local_error) ||
       !check_encryption (self, &local_error)))
    return disconnect_with_error (self, g_steal_pointer (&local_error), error);
  sqlite3_busy_timeout (self->db, 5000);
  if (self->flags & TRELLIS_SQLITE_OPEN_BRIEF)
    {
      /* never the one that checkpoints on close and removes the -wal and -shm */
      self->brief = TRUE;
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    }

  /* The first statements only read: a file that is not a database, or is another
   * program's, is refused here, unchanged (and not checkpointed on close either). */
  if (!check_identity (self, &local_error))
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      /* a Trellis database SQLite could not even read, as it may not write its -shm */
      if (g_error_matches (local_error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE) &&
          is_read_only (self))
        {
          g_clear_error (&local_error);
          refuse_read_only (self, &local_error);
        }
      return disconnect_with_error (self, g_steal_pointer (&local_error), error);
    }
  if (is_read_only (self))
    {
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      refuse_read_only (self, &local_error);
      return disconnect_with_error (self, g_steal_pointer (&local_error), error);
    }

  /* temp_store: a large transaction's savepoint journal stays in memory rather than
   * spilling gigabytes into a temporary file (the 50,000-child demo wrote 1.9 GB). */
  if (!trellis_sqlite_exec (self, "PRAGMA journal_mode = WAL", &local_error) ||
      !trellis_sqlite_exec (self, "PRAGMA foreign_keys = ON", &local_error) ||
      !trellis_sqlite_exec (self, "PRAGMA synchronous = FULL", &local_error) ||
      !trellis_sqlite_exec (self, "PRAGMA temp_store = MEMORY", &local_error))
    return disconnect_with_error (self, g_steal_pointer (&local_error), error);

  if ((self->flags & TRELLIS_SQLITE_OPEN_CHECK) && !check_integrity (self, &local_error))
    return disconnect_with_error (self, g_steal_pointer (&local_error), error);

  return TRUE;
}

static TrellisSqlite *
sqlite_new (const char             *path,
            TrellisCryptKey        *key,
            TrellisSqliteOpenFlags  flags)
{
  TrellisSqlite *self = g_new0 (TrellisSqlite, 1);

  self->path = g_strdup (path);
  self->flags = flags;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_finalize);
  self->key = key != NULL ? trellis_crypt_key_ref (key) : NULL;
  return self;
}

static TrellisSqlite *
open_file (const char              *path,
           TrellisCryptKey         *key,
           TrellisSqliteOpenFlags   flags,
           GError                 **error)
{
  g_autoptr(TrellisSqlite) self = sqlite_new (path, key, flags);

  if (!connect_file (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * trellis_sqlite_new_sealed:
 *
 * A connection to an encrypted file whose key nobody has given yet: every call on it fails
 * with "sign in first" until trellis_sqlite_unseal().
 */
TrellisSqlite *
trellis_sqlite_new_sealed (const char             *path,
                           TrellisSqliteOpenFlags  flags)
{
  return sqlite_new (path, NULL, flags);
}

/**
 * trellis_sqlite_unseal:
 *
 * Opens the encrypted file with @key: what signing in does. The pages' key is kept by the
 * VFS for as long as the connection is open, and wiped by trellis_sqlite_seal().
 */
gboolean
trellis_sqlite_unseal (TrellisSqlite  *self,
                       const guint8   *key,
                       const guint8   *file_id,
                       GError        **error)
{
  if (self->db != NULL)
    return TRUE;
  self->key = trellis_crypt_key_new (key, file_id);
  return connect_file (self, error);
}

/**
 * trellis_sqlite_seal:
 *
 * Closes the connection and forgets its key (locking, signing out): the pages SQLite had
 * in memory go with it. Reopened by trellis_sqlite_unseal().
 */
void
trellis_sqlite_seal (TrellisSqlite *self)
{
  if (self->db == NULL)
    return;
  g_hash_table_remove_all (self->statements);
  if (self->brief)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  sqlite3_close (self->db);
  self->db = NULL;
  g_clear_pointer (&self->key, trellis_crypt_key_unref);
}

/**
 * trellis_sqlite_open:
 *
 * Opens an existing file: the store has made it, with the right mode, when it was missing.
 */
TrellisSqlite *
trellis_sqlite_open (const char              *path,
                     TrellisSqliteOpenFlags   flags,
                     GError                 **error)
{
  return open_file (path, NULL, flags, error);
}

/**
 * trellis_sqlite_open_encrypted:
 *
 * Opens (or, when it is empty, makes) a file whose pages are sealed with @key.
 */
TrellisSqlite *
trellis_sqlite_open_encrypted (const char              *path,
                               const guint8            *key,
                               const guint8            *file_id,
                               TrellisSqliteOpenFlags   flags,
                               GError                 **error)
{
  g_autoptr(TrellisCryptKey) crypt_key = trellis_crypt_key_new (key, file_id);

  return open_file (path, crypt_key, flags, error);
}

/* For the tests, which read back what the store wrote through a connection of their own:
 * the URI that opens the file as this connection does, key and all. */
char *
trellis_sqlite_dup_uri (TrellisSqlite *self)
{
  g_autofree char *escaped = NULL;

  if (self->key != NULL)
    return trellis_sqlite_crypt_uri (self->path, self->key);
  escaped = g_uri_escape_string (self->path, "/", FALSE);
  return g_strconcat ("file:", escaped, NULL);
}

gboolean
trellis_sqlite_is_encrypted (TrellisSqlite *self)
{
  return self->key != NULL;
}

/**
 * trellis_sqlite_copy_encrypted:
 *
 * VACUUM INTO an encrypted file: how an unencrypted home becomes encrypted (its old files
 * are then removed by the caller, once the copy is verified). The reserved bytes the pages need are asked for on
 * @self first, which changes nothing in @self's own file until its next VACUUM.
 */
gboolean
trellis_sqlite_copy_encrypted (TrellisSqlite  *self,
                               const char     *path,
                               const guint8   *key,
                               const guint8   *file_id,
                               GError        **error)
{
  g_autoptr(TrellisCryptKey) crypt_key = trellis_crypt_key_new (key, file_id);
  g_autofree char *uri = trellis_sqlite_crypt_uri (path, crypt_key);
  sqlite3_stmt *stmt = NULL;
  int reserve = TRELLIS_CRYPT_RESERVE;
  int rc;

  if (self->db == NULL)
    return trellis_sqlite_set_sealed_error (error);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                   _("“%s” is there already: Trellis will not write over it"), path);
      return FALSE;
    }
  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "VACUUM INTO ?1", -1, &stmt, NULL) != SQLITE_OK)
    return trellis_sqlite_set_error (self, error);
  sqlite3_bind_text (stmt, 1, uri, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_sqlite_set_error (self, error);
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_sqlite_back_up_encrypted:
 *
 * Copies @self, an encrypted database, page by page into @path (an empty file the caller
 * made, so it has the mode the caller chose) sealed with
 * @key under @file_id, with SQLite's online backup API: one read transaction, so the copy is
 * the database as it was at one moment while others go on reading and writing. The pages
 * come with their reserved bytes, which is why @self must be encrypted already (a plain
 * home becomes encrypted with trellis_sqlite_copy_encrypted()).
 */
gboolean
trellis_sqlite_back_up_encrypted (TrellisSqlite  *self,
                                  const char     *path,
                                  const guint8   *key,
                                  const guint8   *file_id,
                                  GError        **error)
{
  g_autoptr(TrellisCryptKey) crypt_key = trellis_crypt_key_new (key, file_id);
  g_autofree char *uri = trellis_sqlite_crypt_uri (path, crypt_key);
  TrellisSqlite target = { .path = (char *) path };
  sqlite3_backup *backup;
  int rc;

  if (self->db == NULL)
    return trellis_sqlite_set_sealed_error (error);
  g_return_val_if_fail (self->key != NULL, FALSE);

  rc = sqlite3_open_v2 (uri, &target.db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI |
                        SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target.db, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_extended_errcode (target.db);
    }
  if (rc != SQLITE_OK)
    trellis_sqlite_set_error (&target, error);
  sqlite3_close (target.db);
  if (rc != SQLITE_OK)
    {
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);

      g_unlink (path);
      g_unlink (journal);
      return FALSE;
    }
  return TRUE;
}

/* The row count of every table of @self, by name (for comparing a copy with its original). */
static GHashTable *
count_every_table (TrellisSqlite  *self,
                   GError        **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                          "name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL) != SQLITE_OK)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *escaped = g_strdelimit (g_strdup (name), "\"", '_');
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", escaped);
      gint64 n = 0;

      if (!read_number (self, sql, &n, error))
        return NULL;
      g_hash_table_insert (counts, g_strdup (name), GSIZE_TO_POINTER ((gsize) n + 1));
    }
  return g_steal_pointer (&counts);
}

/**
 * trellis_sqlite_verify_copy:
 *
 * Opens the encrypted copy at @path with @key, checks its integrity and that every table
 * holds as many rows as in @self: what converting a home checks before its plain files go.
 */
gboolean
trellis_sqlite_verify_copy (TrellisSqlite  *self,
                            const char     *path,
                            const guint8   *key,
                            const guint8   *file_id,
                            GError        **error)
{
  /* not brief: closing it leaves no -wal or -shm beside a backup */
  g_autoptr(TrellisSqlite) copy = trellis_sqlite_open_encrypted (path, key, file_id,
                                                                 TRELLIS_SQLITE_OPEN_CHECK,
                                                                 error);
  g_autoptr(GHashTable) theirs = NULL;
  g_autoptr(GHashTable) ours = NULL;
  GHashTableIter iter;
  gpointer name, n;

  if (copy == NULL ||
      (ours = count_every_table (self, error)) == NULL ||
      (theirs = count_every_table (copy, error)) == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, ours);
  while (g_hash_table_iter_next (&iter, &name, &n))
    if (g_hash_table_lookup (theirs, name) != n)
      {
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                     _("The encrypted copy of “%s” does not hold what the home holds (%s)"),
                     self->path, (const char *) name);
        return FALSE;
      }
  if (g_hash_table_size (theirs) != g_hash_table_size (ours))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("The encrypted copy of “%s” does not hold what the home holds"), self->path);
      return FALSE;
    }
  return TRUE;
}

void
trellis_sqlite_close (TrellisSqlite *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* a brief connection copies what it wrote into the database file, so a copy of home.db
   * alone is whole, but leaves the -wal and -shm for whoever else may be reading them */
  if (self->db != NULL && self->brief)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->key, trellis_crypt_key_unref);
  g_free (self->path);
  g_free (self);
}

/* The outermost level is BEGIN IMMEDIATE, so a writer waits for the write lock before it
 * reads rather than failing half-way; the inner ones are savepoints. */
gboolean
trellis_sqlite_begin (TrellisSqlite  *self,
                      guint           level,
                      GError        **error)
{
  g_autofree char *sql = level == 0 ? g_strdup ("BEGIN IMMEDIATE")
                                    : g_strdup_printf ("SAVEPOINT level%u", level);
  return trellis_sqlite_exec (self, sql, error);
}

gboolean
trellis_sqlite_commit (TrellisSqlite  *self,
                       guint           level,
                       GError        **error)
{
  g_autofree char *sql = level == 0 ? g_strdup ("COMMIT")
                                    : g_strdup_printf ("RELEASE level%u", level);
  return trellis_sqlite_exec (self, sql, error);
}

void
trellis_sqlite_rollback (TrellisSqlite *self,
                         guint          level)
{
  g_autofree char *sql = level == 0 ? g_strdup ("ROLLBACK")
                                    : g_strdup_printf ("ROLLBACK TO level%u; RELEASE level%u",
                                                       level, level);

  /* SQLite has rolled the whole transaction back itself (a full disk, an I/O error) */
  if (self->db == NULL || sqlite3_get_autocommit (self->db))
    return;
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));
}

/* Changes only when another connection commits; -1 when it cannot be read. */
gint64
trellis_sqlite_get_data_version (TrellisSqlite *self)
{
  gint64 version = -1;
  gboolean found;

  if (!trellis_sqlite_get_int64 (self, trellis_sqlite_prepare (self, "PRAGMA data_version", NULL),
                                 &version, &found, NULL) || !found)
    return -1;
  return version;
}

/* For the query-plan test: the SQL of every statement prepared so far. */
GStrv
trellis_sqlite_dup_statements (TrellisSqlite *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer sql;

  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, &sql, NULL))
    g_strv_builder_add (builder, sql);
  return g_strv_builder_end (builder);
}
