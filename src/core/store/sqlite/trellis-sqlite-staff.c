/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-staff.c: staff accounts as people see them (names, roles, whether active)
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

#define STAFF_COLUMNS "id, username, display_name, role, active, locked"

static gpointer
staff_from_row (sqlite3_stmt *stmt)
{
  int role = trellis_enum_from_nick (TRELLIS_TYPE_ROLE, trellis_sqlite_column_text (stmt, 3));
  TrellisStaff *staff = trellis_staff_new (sqlite3_column_int64 (stmt, 0),
                                          trellis_sqlite_column_text (stmt, 1),
                                          trellis_sqlite_column_text (stmt, 2),
                                          role < 0 ? TRELLIS_ROLE_VISITOR : role,
                                          sqlite3_column_int (stmt, 4));

  trellis_staff_set_locked (staff, sqlite3_column_int (stmt, 5));
  return staff;
}

gboolean
trellis_sqlite_staff_get (TrellisSqlite  *self,
                          gint64          id,
                          TrellisStaff  **staff,
                          GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT " STAFF_COLUMNS " FROM staff "
                                                     "WHERE id = ?1", error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_get_one (self, stmt, staff_from_row, staff, error);
}

/* Usernames compare without case: the column is COLLATE NOCASE. */
gboolean
trellis_sqlite_staff_lookup (TrellisSqlite  *self,
                             const char     *username,
                             TrellisStaff  **staff,
                             GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT " STAFF_COLUMNS " FROM staff "
                                                     "WHERE username = ?1", error);

  if (stmt != NULL)
    trellis_sqlite_bind_text (stmt, 1, username);
  return trellis_sqlite_get_one (self, stmt, staff_from_row, staff, error);
}

gboolean
trellis_sqlite_staff_insert (TrellisSqlite  *self,
                             const char     *username,
                             const char     *display_name,
                             TrellisRole     role,
                             const char     *password_hash,
                             gboolean        must_change_password,
                             gint64         *id,
                             GError        **error)
{
  sqlite3_stmt *stmt;

  *id = 0;
  stmt = trellis_sqlite_prepare (self,
                                 "INSERT INTO staff (username, display_name, role, password_hash, "
                                 "must_change_password) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  trellis_sqlite_bind_text (stmt, 1, username);
  trellis_sqlite_bind_text (stmt, 2, display_name);
  trellis_sqlite_bind_text (stmt, 3, trellis_enum_to_nick (TRELLIS_TYPE_ROLE, role));
  trellis_sqlite_bind_text (stmt, 4, password_hash);
  sqlite3_bind_int (stmt, 5, must_change_password);
  /* a username that is taken breaks its unique key: TRELLIS_ERROR_CONFLICT */
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;

  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

GListModel *
trellis_sqlite_staff_list (TrellisSqlite  *self,
                           gboolean        sign_in_only,
                           GError        **error)
{
  /* the sign-in screen: the people who can sign in; the accounts window: everyone, those
   * who have left last */
  const char *sql = sign_in_only
    ? "SELECT " STAFF_COLUMNS " FROM staff WHERE active = 1 AND password_hash IS NOT NULL "
      "ORDER BY display_name COLLATE NOCASE, id"
    : "SELECT " STAFF_COLUMNS " FROM staff ORDER BY active DESC, display_name COLLATE NOCASE, id";

  return trellis_sqlite_get_list (self, trellis_sqlite_prepare (self, sql, error),
                                  TRELLIS_TYPE_STAFF, staff_from_row, error);
}

/* People who can sign in, in name order, whose name or username holds @text (any case), at
 * most @limit of them: the name index is walked in order and stops at the limit. */
GListModel *
trellis_sqlite_staff_find (TrellisSqlite  *self,
                           const char     *text,
                           guint           limit,
                           GError        **error)
{
  gboolean all = text == NULL || *text == '\0';
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, all
    ? "SELECT " STAFF_COLUMNS " FROM staff INDEXED BY staff_by_name "
      "WHERE active = 1 AND password_hash IS NOT NULL "
      "ORDER BY display_name COLLATE NOCASE, id LIMIT ?2"
    : "SELECT " STAFF_COLUMNS " FROM staff INDEXED BY staff_by_name "
      "WHERE active = 1 AND password_hash IS NOT NULL "
      "AND (display_name LIKE ?1 ESCAPE '\\' OR username LIKE ?1 ESCAPE '\\') "
      "ORDER BY display_name COLLATE NOCASE, id LIMIT ?2", error);

  if (stmt != NULL)
    {
      if (!all)
        {
          g_autoptr(GString) pattern = g_string_new ("%");

          /* what was typed is matched as it is, not as a pattern */
          for (const char *p = text; *p != '\0'; p++)
            {
              if (*p == '%' || *p == '_' || *p == '\\')
                g_string_append_c (pattern, '\\');
              g_string_append_c (pattern, *p);
            }
          g_string_append_c (pattern, '%');
          sqlite3_bind_text (stmt, 1, pattern->str, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_int64 (stmt, 2, limit);
    }
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_STAFF, staff_from_row, error);
}

/* The people who signed in most recently, newest first: a few rows read by index, however
 * many accounts the home has. */
GListModel *
trellis_sqlite_staff_list_recent (TrellisSqlite  *self,
                                  guint           limit,
                                  GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT " STAFF_COLUMNS " FROM staff "
                                                     "WHERE last_sign_in > 0 AND active = 1 "
                                                     "AND password_hash IS NOT NULL "
                                                     "ORDER BY last_sign_in DESC LIMIT ?1",
                                               error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, limit);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_STAFF, staff_from_row, error);
}

/* Called just after the sign-in's audit row is written, in the same transaction. */
gboolean
trellis_sqlite_staff_mark_signed_in (TrellisSqlite  *self,
                                     gint64          id,
                                     GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "UPDATE staff SET last_sign_in = "
                                                     "(SELECT MAX (id) FROM audit) WHERE id = ?1",
                                               error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_step_done (self, stmt, error);
}

gboolean
trellis_sqlite_staff_set_active (TrellisSqlite  *self,
                                 gint64          id,
                                 gboolean        active,
                                 GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "UPDATE staff SET active = ?2 WHERE id = ?1",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, active);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}
