/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-care-plans.c: a child's plans and every version of each
 *
 * A version's row and its sections' rows are written once and never changed; care_plan
 * says which version is the plan now, and where it stands.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

/* The columns every read of versions selects, in this order */
#define VERSION_COLUMNS \
  "v.id, v.plan_id, v.child_id, v.version, p.kind, v.status, v.step, v.review_on, " \
  "v.risk_level, v.given_on, v.with_child, v.child_comments, v.comment, s.display_name, " \
  "v.saved_at, c.given_name, c.preferred_name, c.family_name "
#define VERSION_FROM \
  "FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id " \
  "JOIN staff s ON s.id = v.saved_by JOIN child c ON c.id = v.child_id "

static int
nick_or (GType       type,
         const char *nick,
         int         fallback)
{
  int value = trellis_enum_from_nick (type, nick);

  return value < 0 ? fallback : value;
}

/* The sections of version @id into @content */
static gboolean
read_sections (TrellisSqlite           *self,
               gint64                   id,
               TrellisCarePlanContent  *content,
               GError                 **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT position, body FROM care_plan_section "
                                               "WHERE version_id = ?1 ORDER BY position",
                                               error);
  guint n = g_strv_length (content->sections);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int position = sqlite3_column_int (stmt, 0);

      if (position >= 0 && (guint) position < n)
        trellis_care_plan_content_set_section (content, position,
                                               trellis_sqlite_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || trellis_sqlite_set_error (self, error);
}

/* The versions @stmt (bound, selecting VERSION_COLUMNS) finds, in its order */
static GListModel *
read_versions (TrellisSqlite  *self,
               sqlite3_stmt   *stmt,
               GError        **error)
{
  g_autoptr(GListStore) list = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  list = g_list_store_new (TRELLIS_TYPE_CARE_PLAN_VERSION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisCarePlanKind kind = nick_or (TRELLIS_TYPE_CARE_PLAN_KIND,
                                          trellis_sqlite_column_text (stmt, 4),
                                          TRELLIS_CARE_PLAN_PLACEMENT);
      g_autoptr(TrellisCarePlanContent) content = trellis_care_plan_content_new (kind);
      g_autoptr(TrellisCarePlanVersion) version = NULL;
      const char *preferred = trellis_sqlite_column_text (stmt, 16);
      g_autofree char *name = NULL;

      content->review_on = trellis_sqlite_column_date (stmt, 7);
      content->risk_level = nick_or (TRELLIS_TYPE_RISK_LEVEL, trellis_sqlite_column_text (stmt, 8),
                                     TRELLIS_RISK_LEVEL_NONE);
      content->given_on = trellis_sqlite_column_date (stmt, 9);
      content->with_child = sqlite3_column_int (stmt, 10) != 0;
      g_free (content->child_comments);
      content->child_comments = g_strdup (trellis_sqlite_column_text (stmt, 11));
      if (!read_sections (self, sqlite3_column_int64 (stmt, 0), content, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      version = trellis_care_plan_version_new (sqlite3_column_int64 (stmt, 0),
                                               sqlite3_column_int64 (stmt, 1),
                                               sqlite3_column_int64 (stmt, 2),
                                               sqlite3_column_int (stmt, 3),
                                               nick_or (TRELLIS_TYPE_CARE_PLAN_STATUS,
                                                        trellis_sqlite_column_text (stmt, 5),
                                                        TRELLIS_CARE_PLAN_DRAFT),
                                               nick_or (TRELLIS_TYPE_CARE_PLAN_STEP,
                                                        trellis_sqlite_column_text (stmt, 6),
                                                        TRELLIS_CARE_PLAN_STEP_SAVE),
                                               g_steal_pointer (&content),
                                               trellis_sqlite_column_text (stmt, 12),
                                               trellis_sqlite_column_text (stmt, 13),
                                               sqlite3_column_int64 (stmt, 14));
      name = g_strdup_printf ("%s %s", *preferred != '\0' ? preferred
                                                          : trellis_sqlite_column_text (stmt, 15),
                              trellis_sqlite_column_text (stmt, 17));
      trellis_care_plan_version_set_child_name (version, name);
      g_list_store_append (list, version);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Each of the child's plans as it is now, by care_plan_by_child: oldest plan first. */
GListModel *
trellis_sqlite_care_plan_list (TrellisSqlite  *self,
                               gint64          child_id,
                               GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT " VERSION_COLUMNS "FROM care_plan p "
                                               "JOIN care_plan_version v ON v.plan_id = p.id "
                                               "AND v.version = p.version "
                                               "JOIN staff s ON s.id = v.saved_by "
                                               "JOIN child c ON c.id = v.child_id "
                                               "WHERE p.child_id = ?1 ORDER BY p.id", error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, child_id);
  return read_versions (self, stmt, error);
}

/* Every plan of the home awaiting a Manager's approval, by care_plan_by_status: the
 * longest waiting first. */
GListModel *
trellis_sqlite_care_plan_list_awaiting (TrellisSqlite  *self,
                                        GError        **error)
{
  return read_versions (self,
                        trellis_sqlite_prepare (self,
                                                "SELECT " VERSION_COLUMNS "FROM care_plan p "
                                                "JOIN care_plan_version v ON v.plan_id = p.id "
                                                "AND v.version = p.version "
                                                "JOIN staff s ON s.id = v.saved_by "
                                                "JOIN child c ON c.id = v.child_id "
                                                "WHERE p.status = 'awaiting-approval' "
                                                "ORDER BY v.saved_at, p.id", error),
                        error);
}

/* Every version of plan @plan_id, newest first. */
GListModel *
trellis_sqlite_care_plan_list_versions (TrellisSqlite  *self,
                                        gint64          plan_id,
                                        GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT " VERSION_COLUMNS VERSION_FROM
                                               "WHERE v.plan_id = ?1 ORDER BY v.version DESC",
                                               error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, plan_id);
  return read_versions (self, stmt, error);
}

/* Version @number of plan @plan_id (0: the plan as it is now) in *@version, or NULL when
 * there is no such version. */
gboolean
trellis_sqlite_care_plan_get_version (TrellisSqlite            *self,
                                      gint64                    plan_id,
                                      guint                     number,
                                      TrellisCarePlanVersion  **version,
                                      GError                  **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT " VERSION_COLUMNS VERSION_FROM
                                               "WHERE v.plan_id = ?1 AND v.version = "
                                               "(CASE WHEN ?2 > 0 THEN ?2 ELSE p.version END)",
                                               error);
  g_autoptr(GListModel) list = NULL;

  *version = NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, number);
    }
  list = read_versions (self, stmt, error);
  if (list == NULL)
    return FALSE;
  *version = g_list_model_get_item (list, 0);
  return TRUE;
}

/* A new plan of @kind for child @child_id, with no version yet: its id in *@id. */
gboolean
trellis_sqlite_care_plan_insert (TrellisSqlite        *self,
                                 gint64                child_id,
                                 TrellisCarePlanKind   kind,
                                 gint64               *id,
                                 GError              **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO care_plan (child_id, kind, version, "
                                               "status) VALUES (?1, ?2, 0, 'draft')", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_CARE_PLAN_KIND, kind));
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Version @number of plan @plan_id, which becomes the plan as it is now: its row, then its
 * sections'. */
gboolean
trellis_sqlite_care_plan_add_version (TrellisSqlite                 *self,
                                      gint64                         plan_id,
                                      gint64                         child_id,
                                      guint                          number,
                                      TrellisCarePlanStatus          status,
                                      TrellisCarePlanStep            step,
                                      const TrellisCarePlanContent  *content,
                                      const char                    *comment,
                                      gint64                         saved_by,
                                      gint64                         saved_at,
                                      gint64                         audit_id,
                                      GError                       **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO care_plan_version (plan_id, "
                                               "version, child_id, step, status, review_on, "
                                               "risk_level, given_on, with_child, "
                                               "child_comments, comment, saved_by, saved_at, "
                                               "audit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                               "?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  const char *status_nick = trellis_enum_to_nick (TRELLIS_TYPE_CARE_PLAN_STATUS, status);
  guint n = 0;
  const TrellisCarePlanSection *sections = trellis_care_plan_kind_sections (content->kind, &n);
  gint64 version_id;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, number);
      sqlite3_bind_int64 (stmt, 3, child_id);
      trellis_sqlite_bind_text (stmt, 4, trellis_enum_to_nick (TRELLIS_TYPE_CARE_PLAN_STEP, step));
      trellis_sqlite_bind_text (stmt, 5, status_nick);
      trellis_sqlite_bind_date (stmt, 6, content->review_on);
      trellis_sqlite_bind_text (stmt, 7, trellis_enum_to_nick (TRELLIS_TYPE_RISK_LEVEL,
                                                               content->risk_level));
      trellis_sqlite_bind_date (stmt, 8, content->given_on);
      sqlite3_bind_int (stmt, 9, content->with_child ? 1 : 0);
      trellis_sqlite_bind_text (stmt, 10, content->child_comments != NULL
                                            ? content->child_comments : "");
      trellis_sqlite_bind_text (stmt, 11, comment != NULL ? comment : "");
      sqlite3_bind_int64 (stmt, 12, saved_by);
      sqlite3_bind_int64 (stmt, 13, saved_at);
      sqlite3_bind_int64 (stmt, 14, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  version_id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < n && content->sections[i] != NULL; i++)
    {
      stmt = trellis_sqlite_prepare (self,
                                     "INSERT INTO care_plan_section (version_id, position, key, "
                                     "body) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, version_id);
          sqlite3_bind_int (stmt, 2, i);
          trellis_sqlite_bind_text (stmt, 3, sections[i].key);
          trellis_sqlite_bind_text (stmt, 4, content->sections[i]);
        }
      if (!trellis_sqlite_step_done (self, stmt, error))
        return FALSE;
    }

  stmt = trellis_sqlite_prepare (self,
                                 "UPDATE care_plan SET version = ?2, status = ?3 WHERE id = ?1",
                                 error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, number);
      trellis_sqlite_bind_text (stmt, 3, status_nick);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}
