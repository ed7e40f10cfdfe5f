/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-link-workers.c: each child's periods with one Link Worker
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

#define ASSIGNMENT_COLUMNS "a.id, a.child_id, a.staff_id, s.display_name, a.start_date, "

static gpointer
assignment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) start = trellis_sqlite_column_date (stmt, 4);
  g_autoptr(GDateTime) end = trellis_sqlite_column_date (stmt, 5);
  int reason = trellis_enum_from_nick (TRELLIS_TYPE_CHANGE_REASON,
                                       trellis_sqlite_column_text (stmt, 6));

  return trellis_assignment_new (sqlite3_column_int64 (stmt, 0),
                                 sqlite3_column_int64 (stmt, 1),
                                 sqlite3_column_int64 (stmt, 2),
                                 trellis_sqlite_column_text (stmt, 3),
                                 start, end,
                                 reason < 0 ? TRELLIS_CHANGE_REASON_MANAGER_DECISION : reason,
                                 trellis_sqlite_column_text (stmt, 7));
}

/* Oldest first. An assignment still open in a database from before leaving ended it ends on
 * the leaving date, as it would have been saved now. */
GListModel *
trellis_sqlite_assignment_list (TrellisSqlite  *self,
                                gint64          child_id,
                                GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT " ASSIGNMENT_COLUMNS
                                               "coalesce(a.end_date, c.leaving_date), a.reason, "
                                               "a.note FROM link_worker_assignment a "
                                               "JOIN staff s ON s.id = a.staff_id "
                                               "JOIN child c ON c.id = a.child_id "
                                               "WHERE a.child_id = ?1 "
                                               "ORDER BY a.start_date, a.id", error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_ASSIGNMENT, assignment_from_row,
                                  error);
}

/* Open, or ending on the leaving date (see CHILD_FROM in trellis-sqlite-children.c). */
gboolean
trellis_sqlite_assignment_get_running (TrellisSqlite       *self,
                                       gint64               child_id,
                                       TrellisAssignment  **running,
                                       GError             **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT " ASSIGNMENT_COLUMNS
                                               "a.end_date, a.reason, a.note "
                                               "FROM link_worker_assignment a "
                                               "JOIN staff s ON s.id = a.staff_id "
                                               "JOIN child c ON c.id = a.child_id "
                                               "WHERE a.child_id = ?1 AND (a.end_date IS NULL "
                                               "OR a.end_date = c.leaving_date) "
                                               "ORDER BY a.start_date DESC, a.id DESC LIMIT 1",
                                               error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_one (self, stmt, assignment_from_row, running, error);
}

gboolean
trellis_sqlite_assignment_set_end (TrellisSqlite  *self,
                                   gint64          id,
                                   GDateTime      *end_date,
                                   GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "UPDATE link_worker_assignment "
                                                     "SET end_date = ?2 WHERE id = ?1", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      trellis_sqlite_bind_date (stmt, 2, end_date);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

gboolean
trellis_sqlite_assignment_insert (TrellisSqlite        *self,
                                  gint64                child_id,
                                  gint64                staff_id,
                                  GDateTime            *start_date,
                                  GDateTime            *end_date,
                                  TrellisChangeReason   reason,
                                  const char           *note,
                                  gint64                recorded_by,
                                  gint64               *id,
                                  GError              **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO link_worker_assignment (child_id, "
                                               "staff_id, start_date, end_date, reason, note, "
                                               "recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      sqlite3_bind_int64 (stmt, 2, staff_id);
      trellis_sqlite_bind_date (stmt, 3, start_date);
      trellis_sqlite_bind_date (stmt, 4, end_date);
      trellis_sqlite_bind_text (stmt, 5, trellis_enum_to_nick (TRELLIS_TYPE_CHANGE_REASON,
                                                               reason));
      trellis_sqlite_bind_text (stmt, 6, note != NULL ? note : "");
      sqlite3_bind_int64 (stmt, 7, recorded_by);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}
