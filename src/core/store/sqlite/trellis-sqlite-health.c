/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-health.c: a child's health checks, and the home's intervals for them
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

static gpointer
health_record_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) done_on = trellis_sqlite_column_date (stmt, 3);
  int check = trellis_enum_from_nick (TRELLIS_TYPE_HEALTH_CHECK,
                                      trellis_sqlite_column_text (stmt, 2));

  return trellis_health_record_new (sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1),
                                    check < 0 ? TRELLIS_HEALTH_CHECK_ASSESSMENT : check,
                                    done_on,
                                    trellis_sqlite_column_text (stmt, 4),
                                    trellis_sqlite_column_text (stmt, 5));
}

/* Newest first, by health_check_by_child. */
GListModel *
trellis_sqlite_health_list (TrellisSqlite  *self,
                            gint64          child_id,
                            GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT h.id, h.child_id, h.kind, h.done_on, "
                                               "h.notes, s.display_name FROM health_check h "
                                               "JOIN staff s ON s.id = h.recorded_by "
                                               "WHERE h.child_id = ?1 "
                                               "ORDER BY h.done_on DESC, h.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_HEALTH_RECORD, health_record_from_row,
                                  error);
}

gboolean
trellis_sqlite_health_insert (TrellisSqlite       *self,
                              gint64               child_id,
                              TrellisHealthCheck   check,
                              GDateTime           *done_on,
                              const char          *notes,
                              gint64               recorded_by,
                              gint64               audit_id,
                              gint64              *id,
                              GError             **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO health_check (child_id, kind, "
                                               "done_on, notes, recorded_by, audit_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_HEALTH_CHECK, check));
      trellis_sqlite_bind_date (stmt, 3, done_on);
      trellis_sqlite_bind_text (stmt, 4, notes != NULL ? notes : "");
      sqlite3_bind_int64 (stmt, 5, recorded_by);
      sqlite3_bind_int64 (stmt, 6, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static void
read_intervals (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  TrellisHealthIntervals *intervals = user_data;

  intervals->assessment_under_5 = sqlite3_column_int (stmt, 0);
  intervals->assessment_from_5 = sqlite3_column_int (stmt, 1);
  intervals->dental = sqlite3_column_int (stmt, 2);
  intervals->sight = sqlite3_column_int (stmt, 3);
}

gboolean
trellis_sqlite_health_get_intervals (TrellisSqlite           *self,
                                     TrellisHealthIntervals  *intervals,
                                     GError                 **error)
{
  return trellis_sqlite_read_first (self,
                                    trellis_sqlite_prepare (self,
                                                            "SELECT assessment_under_5_months, "
                                                            "assessment_from_5_months, "
                                                            "dental_months, sight_months "
                                                            "FROM home WHERE id = 1", error),
                                    read_intervals, intervals, NULL, error);
}

gboolean
trellis_sqlite_health_set_intervals (TrellisSqlite                 *self,
                                     const TrellisHealthIntervals  *intervals,
                                     GError                       **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "UPDATE home SET assessment_under_5_months = ?1, "
                                               "assessment_from_5_months = ?2, "
                                               "dental_months = ?3, sight_months = ?4 "
                                               "WHERE id = 1", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, intervals->assessment_under_5);
      sqlite3_bind_int (stmt, 2, intervals->assessment_from_5);
      sqlite3_bind_int (stmt, 3, intervals->dental);
      sqlite3_bind_int (stmt, 4, intervals->sight);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

static gpointer
registration_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) since = trellis_sqlite_column_date (stmt, 3);
  int kind = trellis_enum_from_nick (TRELLIS_TYPE_REGISTRATION_KIND,
                                     trellis_sqlite_column_text (stmt, 2));

  return trellis_registration_new (sqlite3_column_int64 (stmt, 0),
                                   sqlite3_column_int64 (stmt, 1),
                                   kind < 0 ? TRELLIS_REGISTRATION_GP : kind, since,
                                   trellis_sqlite_column_text (stmt, 4),
                                   trellis_sqlite_column_text (stmt, 5));
}

/* Newest first, by health_registration_by_child. */
GListModel *
trellis_sqlite_registration_list (TrellisSqlite  *self,
                                  gint64          child_id,
                                  GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT r.id, r.child_id, r.kind, "
                                               "r.registered_on, r.practice, s.display_name "
                                               "FROM health_registration r JOIN staff s ON "
                                               "s.id = r.recorded_by WHERE r.child_id = ?1 "
                                               "ORDER BY r.registered_on DESC, r.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_REGISTRATION, registration_from_row,
                                  error);
}

gboolean
trellis_sqlite_registration_insert (TrellisSqlite           *self,
                                    gint64                   child_id,
                                    TrellisRegistrationKind  kind,
                                    const char              *practice,
                                    GDateTime               *registered_on,
                                    gint64                   recorded_by,
                                    gint64                   audit_id,
                                    gint64                  *id,
                                    GError                 **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO health_registration (child_id, "
                                               "kind, practice, registered_on, recorded_by, "
                                               "audit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_REGISTRATION_KIND,
                                                               kind));
      trellis_sqlite_bind_text (stmt, 3, practice);
      trellis_sqlite_bind_date (stmt, 4, registered_on);
      sqlite3_bind_int64 (stmt, 5, recorded_by);
      sqlite3_bind_int64 (stmt, 6, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}
