/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-keyring.c: the keyring beside an encrypted home
 *
 * A plain SQLite file (keyring/keyring.sql) the sign-in page reads before anyone has signed
 * in: the home's name, who may sign in, each account's wrapped copy of the data key, the
 * guesses at passwords, and refused sign-ins waiting for the audit trail. Its home and
 * staff rows are copies of the database's, made by trellis_sqlite_keyring_copy(); the
 * wrapped keys and the file's identity are its own.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-sqlite-private.h"

#define KEYRING_SCHEMA "/io/github/trellis/Trellis/store/keyring.sql"

static gboolean
read_version (TrellisSqlite  *self,
              gint64         *version,
              GError        **error)
{
  gboolean found;

  return trellis_sqlite_get_int64 (self, trellis_sqlite_prepare (self, "PRAGMA user_version",
                                                                 error),
                                   version, &found, error);
}

/**
 * trellis_sqlite_open_keyring:
 *
 * Opens the keyring at @path, making its tables when the file is new (the caller made the
 * file, mode 0600).
 */
TrellisSqlite *
trellis_sqlite_open_keyring (const char              *path,
                             TrellisSqliteOpenFlags   flags,
                             GError                 **error)
{
  g_autoptr(TrellisSqlite) self = trellis_sqlite_open (path, flags | TRELLIS_SQLITE_OPEN_KEYRING,
                                                       error);
  gint64 version = 0;

  if (self == NULL || !read_version (self, &version, error))
    return NULL;
  if (version == 0)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (KEYRING_SCHEMA, 0, NULL);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes));

      if (!trellis_sqlite_exec (self, "BEGIN IMMEDIATE", error))
        return NULL;
      if (!read_version (self, &version, error) ||
          (version == 0 && !trellis_sqlite_exec (self, sql, error)) ||
          !trellis_sqlite_exec (self, "COMMIT", error))
        {
          trellis_sqlite_rollback (self, 0);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

static void
read_keyring_row (sqlite3_stmt *stmt,
                  gpointer      user_data)
{
  TrellisKeyringRow *row = user_data;
  const void *file_id = sqlite3_column_blob (stmt, 0);

  if (file_id != NULL && sqlite3_column_bytes (stmt, 0) == TRELLIS_CRYPT_FILE_ID_BYTES)
    memcpy (row->file_id, file_id, TRELLIS_CRYPT_FILE_ID_BYTES);
  if (sqlite3_column_type (stmt, 1) == SQLITE_BLOB)
    row->recovery = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
  row->has_home = sqlite3_column_int (stmt, 2) != 0;
}

gboolean
trellis_sqlite_keyring_read (TrellisSqlite      *self,
                             TrellisKeyringRow  *row,
                             gboolean           *found,
                             GError            **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT file_id, recovery_key, "
                                               "(SELECT count(*) FROM home) FROM keyring "
                                               "WHERE id = 1", error);

  memset (row, 0, sizeof *row);
  return trellis_sqlite_read_first (self, stmt, read_keyring_row, row, found, error);
}

void
trellis_keyring_row_clear (TrellisKeyringRow *row)
{
  g_clear_pointer (&row->recovery, g_bytes_unref);
}

gboolean
trellis_sqlite_keyring_init (TrellisSqlite  *self,
                             const guint8   *file_id,
                             GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO keyring (id, file_id) VALUES (1, ?1)",
                                               error);

  if (stmt != NULL)
    sqlite3_bind_blob (stmt, 1, file_id, TRELLIS_CRYPT_FILE_ID_BYTES, SQLITE_TRANSIENT);
  return trellis_sqlite_step_done (self, stmt, error);
}

static void
bind_bytes (sqlite3_stmt *stmt,
            int           index,
            GBytes       *bytes)
{
  gsize size;
  const void *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (data == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob (stmt, index, data, size, SQLITE_TRANSIENT);
}

gboolean
trellis_sqlite_keyring_set_recovery (TrellisSqlite  *self,
                                     GBytes         *wrapped,
                                     GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "UPDATE keyring SET recovery_key = ?1 WHERE id = 1",
                                               error);

  if (stmt != NULL)
    bind_bytes (stmt, 1, wrapped);
  return trellis_sqlite_step_done (self, stmt, error);
}

static void
read_wrapped (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  GBytes **wrapped = user_data;

  if (sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
    *wrapped = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* *@wrapped is NULL when the account has no copy of the key (or is not there). */
gboolean
trellis_sqlite_keyring_get_wrapped (TrellisSqlite  *self,
                                    gint64          staff_id,
                                    GBytes        **wrapped,
                                    GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT wrapped_key FROM staff WHERE id = ?1",
                                               error);

  *wrapped = NULL;
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, staff_id);
  return trellis_sqlite_read_first (self, stmt, read_wrapped, wrapped, NULL, error);
}

/* The account's row must have been copied in already (trellis_sqlite_keyring_copy()). */
gboolean
trellis_sqlite_keyring_set_wrapped (TrellisSqlite  *self,
                                    gint64          staff_id,
                                    GBytes         *wrapped,
                                    GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "UPDATE staff SET wrapped_key = ?2 WHERE id = ?1",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, staff_id);
      bind_bytes (stmt, 2, wrapped);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("The account is missing from the keyring “%s”"), self->path);
      return FALSE;
    }
  return TRUE;
}

/* The columns the keyring copies, in the database's and the keyring's tables alike. */
#define COPIED_STAFF "id, username, display_name, role, active, password_hash, " \
                     "must_change_password, created_at, locked, last_sign_in"
#define N_COPIED_STAFF 10

static gboolean
copy_rows (TrellisSqlite  *self,
           TrellisSqlite  *db,
           const char     *select_sql,
           const char     *upsert_sql,
           int             n_columns,
           gint64          id,
           GError        **error)
{
  sqlite3_stmt *select = trellis_sqlite_prepare (db, select_sql, error);
  int rc;

  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      sqlite3_stmt *upsert = trellis_sqlite_prepare (self, upsert_sql, error);

      if (upsert == NULL)
        {
          sqlite3_reset (select);
          return FALSE;
        }
      for (int i = 0; i < n_columns; i++)
        sqlite3_bind_value (upsert, i + 1, sqlite3_column_value (select, i));
      if (!trellis_sqlite_step_done (self, upsert, error))
        {
          sqlite3_reset (select);
          return FALSE;
        }
    }
  sqlite3_reset (select);
  if (rc != SQLITE_DONE)
    return trellis_sqlite_set_error (db, error);
  return TRUE;
}

/**
 * trellis_sqlite_keyring_copy:
 * @staff_id: the account to copy, 0 for every one, -1 for none
 * @home: whether to copy the home's row too
 *
 * Copies rows from the database @db into the keyring @self, inside the caller's transaction
 * on @self. Accounts gone from @db (never: staff are marked as left, not deleted) would stay.
 */
gboolean
trellis_sqlite_keyring_copy (TrellisSqlite  *self,
                             TrellisSqlite  *db,
                             gint64          staff_id,
                             gboolean        home,
                             GError        **error)
{
  if (home &&
      !copy_rows (self, db,
                  "SELECT id, name, is_demo, created_at, idle_lock_minutes FROM home "
                  "WHERE ?1 IS NOT NULL",
                  "INSERT INTO home (id, name, is_demo, created_at, idle_lock_minutes) "
                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                  "name = excluded.name, is_demo = excluded.is_demo, "
                  "created_at = excluded.created_at, "
                  "idle_lock_minutes = excluded.idle_lock_minutes "
                  "WHERE (name, is_demo, created_at, idle_lock_minutes) IS NOT "
                  "(excluded.name, excluded.is_demo, excluded.created_at, "
                  "excluded.idle_lock_minutes)", 5, 0, error))
    return FALSE;

  if (staff_id < 0)
    return TRUE;
  /* every account when the home is unsealed (a whole table, and a small one); one by its
   * key after a change */
  return copy_rows (self, db,
                    staff_id == 0 ? "SELECT " COPIED_STAFF " FROM staff WHERE ?1 = 0"
                                  : "SELECT " COPIED_STAFF " FROM staff WHERE id = ?1",
                    "INSERT INTO staff (" COPIED_STAFF ") "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                    "ON CONFLICT (id) DO UPDATE SET username = excluded.username, "
                    "display_name = excluded.display_name, role = excluded.role, "
                    "active = excluded.active, password_hash = excluded.password_hash, "
                    "must_change_password = excluded.must_change_password, "
                    "created_at = excluded.created_at, locked = excluded.locked, "
                    "last_sign_in = excluded.last_sign_in "
                    /* a row as it was is not written again: unsealing, which copies every
                     * account, then commits nothing to the keyring unless one changed */
                    "WHERE (username, display_name, role, active, password_hash, "
                    "must_change_password, created_at, locked, last_sign_in) IS NOT "
                    "(excluded.username, excluded.display_name, excluded.role, "
                    "excluded.active, excluded.password_hash, "
                    "excluded.must_change_password, excluded.created_at, excluded.locked, "
                    "excluded.last_sign_in)",
                    N_COPIED_STAFF, staff_id, error);
}

gboolean
trellis_sqlite_keyring_add_pending (TrellisSqlite  *self,
                                    const char     *at,
                                    gint64          staff_id,
                                    const char     *action,
                                    const char     *detail,
                                    GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO pending_audit (at, staff_id, action, "
                                               "detail) VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt != NULL)
    {
      trellis_sqlite_bind_text (stmt, 1, at);
      sqlite3_bind_int64 (stmt, 2, staff_id);
      trellis_sqlite_bind_text (stmt, 3, action);
      trellis_sqlite_bind_text (stmt, 4, detail != NULL ? detail : "");
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

/* Every pending row in order, then none: inside the caller's transaction on @self. */
gboolean
trellis_sqlite_keyring_take_pending (TrellisSqlite        *self,
                                     TrellisAuditRowFunc   func,
                                     gpointer              user_data,
                                     GError              **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT id, at, staff_id, action, detail FROM "
                                               "pending_audit ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisAuditRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .at = trellis_sqlite_column_text (stmt, 1),
        .staff_id = sqlite3_column_int64 (stmt, 2),
        .action = trellis_sqlite_column_text (stmt, 3),
        .detail = trellis_sqlite_column_text (stmt, 4),
        .prev_hash = "",
        .hash = "",
      };

      if (!func (&row, user_data))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return trellis_sqlite_set_error (self, error);
  return trellis_sqlite_exec (self, "DELETE FROM pending_audit", error);
}

/* The accounts of the database @self with no password at all, which are then marked as
 * having their password in the keyring: for a demo home, whose accounts share one. */
GArray *
trellis_sqlite_staff_take_passwordless (TrellisSqlite  *self,
                                        const char     *marker,
                                        GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT id FROM staff "
                                                     "WHERE password_hash IS NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }
  stmt = trellis_sqlite_prepare (self, "UPDATE staff SET password_hash = ?1 "
                                       "WHERE password_hash IS NULL", error);
  if (stmt != NULL)
    trellis_sqlite_bind_text (stmt, 1, marker);
  if (!trellis_sqlite_step_done (self, stmt, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* The audit trail's head as last written: its last row's id and MAC (0 and "" for none). */
gboolean
trellis_sqlite_keyring_get_head (TrellisSqlite  *self,
                                 gint64         *rows,
                                 char          **head,
                                 GError        **error)
{
  TrellisSqliteIdText row = { rows, head };

  *rows = 0;
  *head = NULL;
  return trellis_sqlite_read_first (self,
                                    trellis_sqlite_prepare (self, "SELECT audit_rows, audit_head "
                                                                  "FROM keyring WHERE id = 1",
                                                            error),
                                    trellis_sqlite_read_id_text, &row, NULL, error);
}

gboolean
trellis_sqlite_keyring_set_head (TrellisSqlite  *self,
                                 gint64          rows,
                                 const char     *head,
                                 GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "UPDATE keyring SET audit_rows = ?1, "
                                                     "audit_head = ?2 WHERE id = 1", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rows);
  trellis_sqlite_bind_text (stmt, 2, head);
  /* Without waiting for the disk: a head that a power cut takes back is only behind the
   * trail, which the check accepts while the row it names is unchanged. Every audited
   * commit would otherwise pay a second fsync. Everything else in the keyring waits. */
  if (sqlite3_get_autocommit (self->db))
    trellis_sqlite_exec (self, "PRAGMA synchronous = NORMAL", NULL);
  ok = trellis_sqlite_step_done (self, stmt, error);
  trellis_sqlite_exec (self, "PRAGMA synchronous = FULL", NULL);
  return ok;
}
