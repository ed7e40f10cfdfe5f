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

typedef struct
{
  char **folder;
  char **created_at;
} BackupFolder;

static void
read_backup_folder (sqlite3_stmt *stmt,
                    gpointer      user_data)
{
  BackupFolder *row = user_data;

  *row->folder = g_strdup (trellis_sqlite_column_text (stmt, 0));
  *row->created_at = g_strdup (trellis_sqlite_column_text (stmt, 1));
}

/* The folder for automatic backups ("" while none is chosen), and when the home was made
 * (how long it has gone without one, before its first). */
gboolean
trellis_sqlite_home_get_backup_folder (TrellisSqlite  *self,
                                       char          **folder,
                                       char          **created_at,
                                       GError        **error)
{
  BackupFolder row = { folder, created_at };

  *folder = NULL;
  *created_at = NULL;
  if (!trellis_sqlite_read_first (self,
                                  trellis_sqlite_prepare (self, "SELECT backup_folder, created_at "
                                                                "FROM home WHERE id = 1", error),
                                  read_backup_folder, &row, NULL, error))
    return FALSE;
  if (*folder == NULL)
    {
      *folder = g_strdup ("");
      *created_at = g_strdup ("");
    }
  return TRUE;
}

gboolean
trellis_sqlite_home_set_backup_folder (TrellisSqlite  *self,
                                       const char     *folder,
                                       GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "UPDATE home SET backup_folder = ?1 "
                                                     "WHERE id = 1", error);

  if (stmt != NULL)
    trellis_sqlite_bind_text (stmt, 1, folder);
  return trellis_sqlite_step_done (self, stmt, error);
}
