/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-checklist.c: what a child was given and told, and the complaints they made
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <stdio.h>

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

static gpointer
checklist_entry_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) done_on = trellis_sqlite_column_date (stmt, 3);
  int item = trellis_enum_from_nick (TRELLIS_TYPE_CHECKLIST_ITEM,
                                     trellis_sqlite_column_text (stmt, 2));

  return trellis_checklist_entry_new (sqlite3_column_int64 (stmt, 0),
                                      sqlite3_column_int64 (stmt, 1),
                                      item < 0 ? TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE : item,
                                      done_on,
                                      trellis_sqlite_column_text (stmt, 4),
                                      trellis_sqlite_column_text (stmt, 5));
}

/* Newest first, by checklist_entry_by_child. */
GListModel *
trellis_sqlite_checklist_list (TrellisSqlite  *self,
                               gint64          child_id,
                               GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT e.id, e.child_id, e.item, e.done_on, "
                                               "e.notes, s.display_name FROM checklist_entry e "
                                               "JOIN staff s ON s.id = e.recorded_by "
                                               "WHERE e.child_id = ?1 "
                                               "ORDER BY e.done_on DESC, e.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_CHECKLIST_ENTRY,
                                  checklist_entry_from_row, error);
}

gboolean
trellis_sqlite_checklist_insert (TrellisSqlite         *self,
                                 gint64                 child_id,
                                 TrellisChecklistItem   item,
                                 GDateTime             *done_on,
                                 const char            *notes,
                                 gint64                 recorded_by,
                                 gint64                 audit_id,
                                 gint64                *id,
                                 GError               **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO checklist_entry (child_id, item, "
                                               "done_on, notes, recorded_by, audit_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_CHECKLIST_ITEM, item));
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

/* A complaint with its newest outcome, when it has one (columns 6–10). */
static gpointer
complaint_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) made_on = trellis_sqlite_column_date (stmt, 1);
  TrellisComplaint *complaint = trellis_complaint_new (sqlite3_column_int64 (stmt, 0),
                                                       sqlite3_column_int64 (stmt, 11),
                                                       made_on,
                                                       trellis_sqlite_column_text (stmt, 2),
                                                       trellis_sqlite_column_text (stmt, 3),
                                                       trellis_sqlite_column_text (stmt, 4));

  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    {
      g_autoptr(GDateTime) resolved_on = trellis_sqlite_column_date (stmt, 6);
      int satisfied = trellis_enum_from_nick (TRELLIS_TYPE_SATISFIED,
                                              trellis_sqlite_column_text (stmt, 9));

      trellis_complaint_set_outcome (complaint, resolved_on,
                                     trellis_sqlite_column_text (stmt, 7),
                                     trellis_sqlite_column_text (stmt, 8),
                                     satisfied < 0 ? TRELLIS_SATISFIED_NOT_SAID : satisfied,
                                     trellis_sqlite_column_text (stmt, 10));
    }
  return complaint;
}

#define COMPLAINT_COLUMNS \
  "SELECT c.id, c.made_on, c.about, c.made_to, s.display_name, o.id, o.resolved_on, " \
  "o.handled, o.outcome, o.satisfied, os.display_name, c.child_id FROM complaint c " \
  "JOIN staff s ON s.id = c.recorded_by " \
  "LEFT JOIN complaint_outcome o ON o.id = (SELECT max (id) FROM complaint_outcome " \
  "WHERE complaint_id = c.id) LEFT JOIN staff os ON os.id = o.recorded_by "

/* Newest first, by complaint_by_child; each with its newest outcome. */
GListModel *
trellis_sqlite_complaint_list (TrellisSqlite  *self,
                               gint64          child_id,
                               GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               COMPLAINT_COLUMNS "WHERE c.child_id = ?1 "
                                               "ORDER BY c.made_on DESC, c.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_COMPLAINT, complaint_from_row, error);
}

gboolean
trellis_sqlite_complaint_get (TrellisSqlite     *self,
                              gint64             id,
                              TrellisComplaint **complaint,
                              GError           **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, COMPLAINT_COLUMNS "WHERE c.id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_get_one (self, stmt, complaint_from_row, complaint, error);
}

gboolean
trellis_sqlite_complaint_insert (TrellisSqlite  *self,
                                 gint64          child_id,
                                 GDateTime      *made_on,
                                 const char     *about,
                                 const char     *made_to,
                                 gint64          recorded_by,
                                 gint64          audit_id,
                                 gint64         *id,
                                 GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO complaint (child_id, made_on, about, "
                                               "made_to, recorded_by, audit_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_date (stmt, 2, made_on);
      trellis_sqlite_bind_text (stmt, 3, about);
      trellis_sqlite_bind_text (stmt, 4, made_to);
      sqlite3_bind_int64 (stmt, 5, recorded_by);
      sqlite3_bind_int64 (stmt, 6, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
trellis_sqlite_complaint_outcome_insert (TrellisSqlite     *self,
                                         gint64             complaint_id,
                                         gint64             child_id,
                                         GDateTime         *resolved_on,
                                         const char        *handled,
                                         const char        *outcome,
                                         TrellisSatisfied   satisfied,
                                         gint64             recorded_by,
                                         gint64             audit_id,
                                         GError           **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO complaint_outcome (complaint_id, "
                                               "child_id, handled, outcome, satisfied, "
                                               "resolved_on, recorded_by, audit_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, complaint_id);
      sqlite3_bind_int64 (stmt, 2, child_id);
      trellis_sqlite_bind_text (stmt, 3, handled);
      trellis_sqlite_bind_text (stmt, 4, outcome);
      trellis_sqlite_bind_text (stmt, 5, trellis_enum_to_nick (TRELLIS_TYPE_SATISFIED, satisfied));
      trellis_sqlite_bind_date (stmt, 6, resolved_on);
      sqlite3_bind_int64 (stmt, 7, recorded_by);
      sqlite3_bind_int64 (stmt, 8, audit_id);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

/* The home's complaints by the month they were made, newest month first, from @since (the
 * first of a month) on, by complaint_by_day. */
GArray *
trellis_sqlite_complaint_count_by_month (TrellisSqlite  *self,
                                         GDateTime      *since,
                                         GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT substr (c.made_on, 1, 7) AS month, "
                                               "count (*), sum (o.id IS NULL), "
                                               "sum (coalesce (o.satisfied = 'no', 0)) "
                                               "FROM complaint c LEFT JOIN complaint_outcome o "
                                               "ON o.id = (SELECT max (id) FROM "
                                               "complaint_outcome WHERE complaint_id = c.id) "
                                               "WHERE c.made_on >= ?1 "
                                               "GROUP BY month ORDER BY month DESC", error);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (TrellisComplaintCount));
  int rc;

  if (stmt == NULL)
    return NULL;
  trellis_sqlite_bind_date (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisComplaintCount count = { 0 };
      const char *month = trellis_sqlite_column_text (stmt, 0);

      if (sscanf (month, "%4u-%2u", &count.year, &count.month) != 2)
        continue;
      count.made = sqlite3_column_int (stmt, 1);
      count.open = sqlite3_column_int (stmt, 2);
      count.not_satisfied = sqlite3_column_int (stmt, 3);
      g_array_append_val (counts, count);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}
