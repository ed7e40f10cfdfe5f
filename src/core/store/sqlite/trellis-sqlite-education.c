/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-education.c: a child's education file, every kind in one table
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

static gpointer
education_record_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) on_date = trellis_sqlite_column_date (stmt, 3);
  int kind = trellis_enum_from_nick (TRELLIS_TYPE_EDUCATION_KIND,
                                     trellis_sqlite_column_text (stmt, 2));

  return g_object_new (TRELLIS_TYPE_EDUCATION_RECORD,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "child-id", sqlite3_column_int64 (stmt, 1),
                       "kind", kind < 0 ? TRELLIS_EDUCATION_SCHOOL : kind,
                       "date", on_date,
                       "category", trellis_sqlite_column_text (stmt, 4),
                       "title", trellis_sqlite_column_text (stmt, 5),
                       "detail", trellis_sqlite_column_text (stmt, 6),
                       "year-group", sqlite3_column_type (stmt, 7) == SQLITE_NULL
                                     ? -1 : sqlite3_column_int (stmt, 7),
                       "possible", (guint) sqlite3_column_int (stmt, 8),
                       "attended", (guint) sqlite3_column_int (stmt, 9),
                       "days", (guint) sqlite3_column_int (stmt, 10),
                       "recorded-by", trellis_sqlite_column_text (stmt, 11),
                       NULL);
}

/* Every record of every kind, newest first, by education_record_by_child. */
GListModel *
trellis_sqlite_education_list (TrellisSqlite  *self,
                               gint64          child_id,
                               GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT e.id, e.child_id, e.kind, e.on_date, "
                                               "e.category, e.title, e.detail, e.year_group, "
                                               "e.possible, e.attended, e.days, s.display_name "
                                               "FROM education_record e JOIN staff s ON "
                                               "s.id = e.recorded_by WHERE e.child_id = ?1 "
                                               "ORDER BY e.on_date DESC, e.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_EDUCATION_RECORD,
                                  education_record_from_row, error);
}

/* @entry as checked by the store, on @on_date; the columns its kind does not use are NULL. */
gboolean
trellis_sqlite_education_insert (TrellisSqlite                *self,
                                 gint64                        child_id,
                                 const TrellisEducationEntry  *entry,
                                 GDateTime                    *on_date,
                                 gint64                        recorded_by,
                                 gint64                        audit_id,
                                 gint64                       *id,
                                 GError                      **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO education_record (child_id, kind, "
                                               "on_date, category, title, detail, year_group, "
                                               "possible, attended, days, recorded_by, "
                                               "audit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                               "?8, ?9, ?10, ?11, ?12)", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_EDUCATION_KIND,
                                                               entry->kind));
      trellis_sqlite_bind_date (stmt, 3, on_date);
      trellis_sqlite_bind_text (stmt, 4, entry->category != NULL ? entry->category : "");
      trellis_sqlite_bind_text (stmt, 5, entry->title != NULL ? entry->title : "");
      trellis_sqlite_bind_text (stmt, 6, entry->detail != NULL ? entry->detail : "");
      /* unbound parameters are NULL */
      if (entry->kind == TRELLIS_EDUCATION_SCHOOL)
        sqlite3_bind_int (stmt, 7, entry->year_group);
      if (entry->kind == TRELLIS_EDUCATION_ATTENDANCE)
        {
          sqlite3_bind_int (stmt, 8, entry->possible);
          sqlite3_bind_int (stmt, 9, entry->attended);
        }
      if (entry->kind == TRELLIS_EDUCATION_EXCLUSION)
        sqlite3_bind_int (stmt, 10, entry->days);
      sqlite3_bind_int64 (stmt, 11, recorded_by);
      sqlite3_bind_int64 (stmt, 12, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}
