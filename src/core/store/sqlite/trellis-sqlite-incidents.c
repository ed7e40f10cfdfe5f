/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-incidents.c: incidents in a child's care, with the return interview after a
 * missing episode
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

static gpointer
incident_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (GDateTime) happened_on = trellis_sqlite_column_date (stmt, 3);
  g_autoptr (GDateTime) interview_on = trellis_sqlite_column_date (stmt, 6);
  int kind
      = trellis_enum_from_nick (TRELLIS_TYPE_INCIDENT_KIND, trellis_sqlite_column_text (stmt, 2));

  return trellis_incident_new (
      sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), MAX (kind, 0), happened_on,
      trellis_sqlite_column_text (stmt, 4), trellis_sqlite_column_text (stmt, 5), interview_on,
      trellis_sqlite_column_text (stmt, 7), trellis_sqlite_column_text (stmt, 8),
      trellis_sqlite_column_text (stmt, 9));
}

/* Newest first, by incident_by_child. */
GListModel *
trellis_sqlite_incident_list (TrellisSqlite *self, gint64 child_id, GError **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT i.id, i.child_id, i.kind, "
                                               "i.happened_on, i.time, i.what, i.interview_on, "
                                               "i.interview_by, i.child_said, s.display_name "
                                               "FROM incident i JOIN staff s ON "
                                               "s.id = i.recorded_by WHERE i.child_id = ?1 "
                                               "ORDER BY i.happened_on DESC, i.time DESC, "
                                               "i.id DESC",
                                               error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_INCIDENT, incident_from_row, error);
}

gboolean
trellis_sqlite_incident_insert (TrellisSqlite   *self,
                                TrellisIncident *incident,
                                gint64           recorded_by,
                                gint64           audit_id,
                                gint64          *id,
                                GError         **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO incident (child_id, kind, "
                                               "happened_on, time, what, interview_on, "
                                               "interview_by, child_said, recorded_by, "
                                               "audit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                               "?8, ?9, ?10)",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, trellis_incident_get_child_id (incident));
      trellis_sqlite_bind_text (
          stmt, 2,
          trellis_enum_to_nick (TRELLIS_TYPE_INCIDENT_KIND, trellis_incident_get_kind (incident)));
      trellis_sqlite_bind_date (stmt, 3, trellis_incident_get_happened_on (incident));
      trellis_sqlite_bind_text (stmt, 4, trellis_incident_get_time (incident));
      trellis_sqlite_bind_text (stmt, 5, trellis_incident_get_what (incident));
      trellis_sqlite_bind_date (stmt, 6, trellis_incident_get_interview_on (incident));
      trellis_sqlite_bind_text (stmt, 7, trellis_incident_get_interview_by (incident));
      trellis_sqlite_bind_text (stmt, 8, trellis_incident_get_child_said (incident));
      sqlite3_bind_int64 (stmt, 9, recorded_by);
      sqlite3_bind_int64 (stmt, 10, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}
