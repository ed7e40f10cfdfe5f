/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-appointments.c: a child's health appointments, and the versions before
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-sqlite-private.h"

/* The columns every query below reads, in this order */
#define APPOINTMENT_COLUMNS "a.id, a.child_id, a.on_date, a.at_time, a.with_whom, a.purpose, " \
                            "a.outcome, a.version, s.display_name"

static gpointer
appointment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) on_date = trellis_sqlite_column_date (stmt, 2);

  return trellis_appointment_new (sqlite3_column_int64 (stmt, 0),
                                  sqlite3_column_int64 (stmt, 1), on_date,
                                  trellis_sqlite_column_text (stmt, 3),
                                  trellis_sqlite_column_text (stmt, 4),
                                  trellis_sqlite_column_text (stmt, 5),
                                  trellis_sqlite_column_text (stmt, 6),
                                  sqlite3_column_int (stmt, 7),
                                  trellis_sqlite_column_text (stmt, 8));
}

/* The current version of each, latest first, by appointment_by_child. */
GListModel *
trellis_sqlite_appointment_list (TrellisSqlite  *self,
                                 gint64          child_id,
                                 GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT " APPOINTMENT_COLUMNS " FROM "
                                               "appointment a JOIN staff s ON "
                                               "s.id = a.recorded_by WHERE a.child_id = ?1 "
                                               "ORDER BY a.on_date DESC, a.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_APPOINTMENT, appointment_from_row,
                                  error);
}

/* The versions an appointment had before its current one, the first first. */
GListModel *
trellis_sqlite_appointment_versions (TrellisSqlite  *self,
                                     gint64          appointment_id,
                                     GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT a.appointment_id, a.child_id, a.on_date, "
                                               "a.at_time, a.with_whom, a.purpose, a.outcome, "
                                               "a.version, s.display_name FROM "
                                               "appointment_version a JOIN staff s ON "
                                               "s.id = a.recorded_by WHERE "
                                               "a.appointment_id = ?1 ORDER BY a.version",
                                               error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, appointment_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_APPOINTMENT, appointment_from_row,
                                  error);
}

/* *@appointment: the current version, or NULL when there is none with @id */
gboolean
trellis_sqlite_appointment_get (TrellisSqlite       *self,
                                gint64               id,
                                TrellisAppointment **appointment,
                                GError             **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT " APPOINTMENT_COLUMNS " FROM "
                                               "appointment a JOIN staff s ON "
                                               "s.id = a.recorded_by WHERE a.id = ?1", error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_get_one (self, stmt, appointment_from_row, appointment, error);
}

gboolean
trellis_sqlite_appointment_insert (TrellisSqlite  *self,
                                   gint64          child_id,
                                   GDateTime      *on_date,
                                   const char     *time,
                                   const char     *with_whom,
                                   const char     *purpose,
                                   gint64          recorded_by,
                                   gint64          audit_id,
                                   gint64         *id,
                                   GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO appointment (child_id, on_date, "
                                               "at_time, with_whom, purpose, recorded_by, "
                                               "audit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_date (stmt, 2, on_date);
      trellis_sqlite_bind_text (stmt, 3, time != NULL ? time : "");
      trellis_sqlite_bind_text (stmt, 4, with_whom);
      trellis_sqlite_bind_text (stmt, 5, purpose);
      sqlite3_bind_int64 (stmt, 6, recorded_by);
      sqlite3_bind_int64 (stmt, 7, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Keeps the current version in appointment_version, then makes the next one with
 * @outcome, recorded by @recorded_by with @audit_id. The caller's transaction holds both. */
gboolean
trellis_sqlite_appointment_set_outcome (TrellisSqlite  *self,
                                        gint64          id,
                                        const char     *outcome,
                                        gint64          recorded_by,
                                        gint64          audit_id,
                                        GError        **error)
{
  sqlite3_stmt *keep = trellis_sqlite_prepare (self,
                                               "INSERT INTO appointment_version "
                                               "(appointment_id, child_id, version, on_date, "
                                               "at_time, with_whom, purpose, outcome, "
                                               "recorded_by, audit_id) SELECT id, child_id, "
                                               "version, on_date, at_time, with_whom, purpose, "
                                               "outcome, recorded_by, audit_id FROM "
                                               "appointment WHERE id = ?1", error);
  sqlite3_stmt *update = NULL;

  if (keep != NULL)
    sqlite3_bind_int64 (keep, 1, id);
  if (!trellis_sqlite_step_done (self, keep, error))
    return FALSE;
  update = trellis_sqlite_prepare (self,
                                   "UPDATE appointment SET outcome = ?2, version = version + 1, "
                                   "recorded_by = ?3, audit_id = ?4 WHERE id = ?1", error);
  if (update != NULL)
    {
      sqlite3_bind_int64 (update, 1, id);
      trellis_sqlite_bind_text (update, 2, outcome);
      sqlite3_bind_int64 (update, 3, recorded_by);
      sqlite3_bind_int64 (update, 4, audit_id);
    }
  return trellis_sqlite_step_done (self, update, error);
}
