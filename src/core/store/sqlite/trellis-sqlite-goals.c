/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-goals.c: a child's goals and their ratings, risk areas and Stepping Up /
 * Stepping Down decisions
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

static int
column_enum (sqlite3_stmt *stmt, int column, GType type)
{
  int value = trellis_enum_from_nick (type, trellis_sqlite_column_text (stmt, column));

  return MAX (value, 0);
}

static gpointer
goal_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (GDateTime) set_on = trellis_sqlite_column_date (stmt, 6);
  g_autoptr (GDateTime) review_on = trellis_sqlite_column_date (stmt, 7);

  return trellis_goal_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                           column_enum (stmt, 2, TRELLIS_TYPE_GOAL_DOMAIN),
                           trellis_sqlite_column_text (stmt, 3), sqlite3_column_int (stmt, 4),
                           sqlite3_column_int (stmt, 5), set_on, review_on,
                           trellis_sqlite_column_text (stmt, 8));
}

static gpointer
rating_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (GDateTime) rated_on = trellis_sqlite_column_date (stmt, 3);

  return trellis_goal_rating_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                  sqlite3_column_int (stmt, 2), rated_on,
                                  trellis_sqlite_column_text (stmt, 4));
}

/* Oldest goal first, each with its ratings oldest first: by goal_by_child and
 * goal_rating_by_child. */
GListModel *
trellis_sqlite_goal_list (TrellisSqlite *self, gint64 child_id, GError **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT g.id, g.child_id, g.domain, g.what, "
                                               "g.baseline, g.target, g.set_on, g.review_on, "
                                               "s.display_name FROM goal g JOIN staff s ON "
                                               "s.id = g.recorded_by WHERE g.child_id = ?1 "
                                               "ORDER BY g.id",
                                               error);
  g_autoptr (GListModel) goals = NULL;
  g_autoptr (GListModel) ratings = NULL;
  g_autoptr (GHashTable) by_id = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  goals = trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_GOAL, goal_from_row, error);
  if (goals == NULL)
    return NULL;

  stmt = trellis_sqlite_prepare (self,
                                 "SELECT r.id, r.goal_id, r.rating, r.rated_on, s.display_name "
                                 "FROM goal_rating r JOIN staff s ON s.id = r.recorded_by "
                                 "WHERE r.child_id = ?1 ORDER BY r.goal_id, r.rated_on, r.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  ratings = trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_GOAL_RATING, rating_from_row, error);
  if (ratings == NULL)
    return NULL;

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      TrellisGoal *goal = g_list_model_get_item (goals, i);
      gint64       id = trellis_goal_get_id (goal);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), goal);
      g_object_unref (goal); /* the list holds it */
    }
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr (TrellisGoalRating) rating = g_list_model_get_item (ratings, i);
      gint64       goal_id = trellis_goal_rating_get_goal_id (rating);
      TrellisGoal *goal = g_hash_table_lookup (by_id, &goal_id);

      if (goal != NULL)
        trellis_goal_add_rating (goal, G_OBJECT (rating));
    }
  return g_steal_pointer (&goals);
}

/* The goal @goal_id's child, or 0 when there is no such goal */
gboolean
trellis_sqlite_goal_get_child (TrellisSqlite *self,
                               gint64         goal_id,
                               gint64        *child_id,
                               GError       **error)
{
  sqlite3_stmt *stmt
      = trellis_sqlite_prepare (self, "SELECT child_id FROM goal WHERE id = ?1", error);
  gboolean found = FALSE;

  *child_id = 0;
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, goal_id);
  return trellis_sqlite_get_int64 (self, stmt, child_id, &found, error);
}

gboolean
trellis_sqlite_goal_insert (TrellisSqlite    *self,
                            gint64            child_id,
                            TrellisGoalDomain domain,
                            const char       *what,
                            guint             baseline,
                            guint             target,
                            GDateTime        *set_on,
                            GDateTime        *review_on,
                            gint64            recorded_by,
                            gint64            audit_id,
                            gint64           *id,
                            GError          **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO goal (child_id, domain, what, "
                                               "baseline, target, set_on, review_on, "
                                               "recorded_by, audit_id) VALUES (?1, ?2, ?3, ?4, "
                                               "?5, ?6, ?7, ?8, ?9)",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_GOAL_DOMAIN, domain));
      trellis_sqlite_bind_text (stmt, 3, what);
      sqlite3_bind_int (stmt, 4, baseline);
      sqlite3_bind_int (stmt, 5, target);
      trellis_sqlite_bind_date (stmt, 6, set_on);
      trellis_sqlite_bind_date (stmt, 7, review_on);
      sqlite3_bind_int64 (stmt, 8, recorded_by);
      sqlite3_bind_int64 (stmt, 9, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
trellis_sqlite_goal_rating_insert (TrellisSqlite *self,
                                   gint64         goal_id,
                                   gint64         child_id,
                                   guint          rating,
                                   GDateTime     *rated_on,
                                   gint64         recorded_by,
                                   gint64         audit_id,
                                   gint64        *id,
                                   GError       **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO goal_rating (goal_id, child_id, "
                                               "rating, rated_on, recorded_by, audit_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, goal_id);
      sqlite3_bind_int64 (stmt, 2, child_id);
      sqlite3_bind_int (stmt, 3, rating);
      trellis_sqlite_bind_date (stmt, 4, rated_on);
      sqlite3_bind_int64 (stmt, 5, recorded_by);
      sqlite3_bind_int64 (stmt, 6, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gpointer
risk_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (GDateTime) flagged_on = trellis_sqlite_column_date (stmt, 4);

  return trellis_risk_flag_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                column_enum (stmt, 2, TRELLIS_TYPE_RISK_AREA),
                                column_enum (stmt, 3, TRELLIS_TYPE_RISK_LEVEL), flagged_on,
                                trellis_sqlite_column_text (stmt, 5));
}

/* Newest first, by risk_flag_by_child: the first of each area is its level now. */
GListModel *
trellis_sqlite_risk_list (TrellisSqlite *self, gint64 child_id, GError **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT r.id, r.child_id, r.area, r.level, "
                                               "r.flagged_on, s.display_name FROM risk_flag r "
                                               "JOIN staff s ON s.id = r.recorded_by "
                                               "WHERE r.child_id = ?1 "
                                               "ORDER BY r.flagged_on DESC, r.id DESC",
                                               error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_RISK_FLAG, risk_from_row, error);
}

gboolean
trellis_sqlite_risk_insert (TrellisSqlite   *self,
                            gint64           child_id,
                            TrellisRiskArea  area,
                            TrellisRiskLevel level,
                            GDateTime       *flagged_on,
                            gint64           recorded_by,
                            gint64           audit_id,
                            gint64          *id,
                            GError         **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO risk_flag (child_id, area, level, "
                                               "flagged_on, recorded_by, audit_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_RISK_AREA, area));
      trellis_sqlite_bind_text (stmt, 3, trellis_enum_to_nick (TRELLIS_TYPE_RISK_LEVEL, level));
      trellis_sqlite_bind_date (stmt, 4, flagged_on);
      sqlite3_bind_int64 (stmt, 5, recorded_by);
      sqlite3_bind_int64 (stmt, 6, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gpointer
stepping_from_row (sqlite3_stmt *stmt)
{
  g_autoptr (GDateTime) decided_on = trellis_sqlite_column_date (stmt, 3);

  return trellis_stepping_decision_new (
      sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
      column_enum (stmt, 2, TRELLIS_TYPE_STEPPING), decided_on,
      trellis_sqlite_column_text (stmt, 4), trellis_sqlite_column_text (stmt, 5),
      trellis_sqlite_column_text (stmt, 6));
}

/* Newest first, by stepping_decision_by_child. */
GListModel *
trellis_sqlite_stepping_list (TrellisSqlite *self, gint64 child_id, GError **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT d.id, d.child_id, d.direction, "
                                               "d.decided_on, d.decided_by, d.reason, "
                                               "s.display_name FROM stepping_decision d "
                                               "JOIN staff s ON s.id = d.recorded_by "
                                               "WHERE d.child_id = ?1 "
                                               "ORDER BY d.decided_on DESC, d.id DESC",
                                               error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_STEPPING_DECISION, stepping_from_row,
                                  error);
}

gboolean
trellis_sqlite_stepping_insert (TrellisSqlite  *self,
                                gint64          child_id,
                                TrellisStepping direction,
                                GDateTime      *decided_on,
                                const char     *decided_by,
                                const char     *reason,
                                gint64          recorded_by,
                                gint64          audit_id,
                                gint64         *id,
                                GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO stepping_decision (child_id, "
                                               "direction, decided_on, decided_by, reason, "
                                               "recorded_by, audit_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                               error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_STEPPING, direction));
      trellis_sqlite_bind_date (stmt, 3, decided_on);
      trellis_sqlite_bind_text (stmt, 4, decided_by);
      trellis_sqlite_bind_text (stmt, 5, reason);
      sqlite3_bind_int64 (stmt, 6, recorded_by);
      sqlite3_bind_int64 (stmt, 7, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}
