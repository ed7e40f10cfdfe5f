/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-home.c: the home's row
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-sqlite-private.h"

static gpointer
home_from_row (sqlite3_stmt *stmt)
{
  return trellis_home_new (trellis_sqlite_column_text (stmt, 0), sqlite3_column_int (stmt, 1));
}

gboolean
trellis_sqlite_home_get (TrellisSqlite  *self,
                         TrellisHome   **home,
                         GError        **error)
{
  return trellis_sqlite_get_one (self,
                                 trellis_sqlite_prepare (self, "SELECT name, is_demo FROM home "
                                                               "WHERE id = 1", error),
                                 home_from_row, home, error);
}

gboolean
trellis_sqlite_home_insert (TrellisSqlite  *self,
                            const char     *name,
                            gboolean        is_demo,
                            GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "INSERT INTO home (id, name, is_demo) "
                                                     "VALUES (1, ?1, ?2)", error);

  if (stmt != NULL)
    {
      trellis_sqlite_bind_text (stmt, 1, name);
      sqlite3_bind_int (stmt, 2, is_demo);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

gboolean
trellis_sqlite_home_get_idle_lock (TrellisSqlite  *self,
                                   guint          *minutes,
                                   gboolean       *found,
                                   GError        **error)
{
  gint64 value = 0;

  if (!trellis_sqlite_get_int64 (self,
                                 trellis_sqlite_prepare (self, "SELECT idle_lock_minutes FROM home "
                                                               "WHERE id = 1", error),
                                 &value, found, error))
    return FALSE;
  *minutes = CLAMP (value, 0, G_MAXUINT);
  return TRUE;
}

gboolean
trellis_sqlite_home_set_idle_lock (TrellisSqlite  *self,
                                   guint           minutes,
                                   GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "UPDATE home SET idle_lock_minutes = ?1 "
                                                     "WHERE id = 1", error);

  if (stmt != NULL)
    sqlite3_bind_int (stmt, 1, minutes);
  return trellis_sqlite_step_done (self, stmt, error);
}
