/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-audit.c: the audit trail's rows
 *
 * Rows are appended and never changed; the hash chain that proves it is the store's
 * (trellis-store-audit.c): here rows are only written and read.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <string.h>

#include "trellis-sqlite-private.h"

/* The last row by its primary key, so finding it is one lookup however long the trail; id 0
 * and no hash when the trail is empty. */
gboolean
trellis_sqlite_audit_get_last (TrellisSqlite  *self,
                               gint64         *id,
                               char          **hash,
                               GError        **error)
{
  TrellisSqliteIdText last = { id, hash };

  *id = 0;
  *hash = NULL;
  return trellis_sqlite_read_first (self,
                                    trellis_sqlite_prepare (self, "SELECT id, hash FROM audit "
                                                                  "WHERE id = (SELECT max(id) "
                                                                  "FROM audit)", error),
                                    trellis_sqlite_read_id_text, &last, NULL, error);
}

typedef struct
{
  gint64  *id;
  char   **at;
  char   **detail;
} AtDetail;

static void
read_at_detail (sqlite3_stmt *stmt,
                gpointer      user_data)
{
  AtDetail *row = user_data;

  *row->id = sqlite3_column_int64 (stmt, 0);
  *row->at = g_strdup (trellis_sqlite_column_text (stmt, 1));
  *row->detail = g_strdup (trellis_sqlite_column_text (stmt, 2));
}

/* By audit_by_action: one lookup however long the trail. */
gboolean
trellis_sqlite_audit_get_last_of (TrellisSqlite  *self,
                                  const char     *action,
                                  gint64         *id,
                                  char          **at,
                                  char          **detail,
                                  GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT id, at, detail FROM audit "
                                                     "WHERE action = ?1 ORDER BY id DESC LIMIT 1",
                                               error);
  AtDetail row = { id, at, detail };

  *id = 0;
  *at = NULL;
  *detail = NULL;
  if (stmt != NULL)
    trellis_sqlite_bind_text (stmt, 1, action);
  if (!trellis_sqlite_read_first (self, stmt, read_at_detail, &row, NULL, error))
    return FALSE;
  if (*at == NULL)
    {
      *at = g_strdup ("");
      *detail = g_strdup ("");
    }
  return TRUE;
}

/* The hash of row @id; *@hash is NULL when there is no such row. */
gboolean
trellis_sqlite_audit_get_hash (TrellisSqlite  *self,
                               gint64          id,
                               char          **hash,
                               GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT id, hash FROM audit WHERE id = ?1",
                                               error);
  gint64 found_id = 0;
  TrellisSqliteIdText row = { &found_id, hash };

  *hash = NULL;
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_read_first (self, stmt, trellis_sqlite_read_id_text, &row, NULL, error);
}

gboolean
trellis_sqlite_audit_insert (TrellisSqlite          *self,
                             const TrellisAuditRow  *row,
                             GError                **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO audit (id, at, staff_id, action, "
                                               "child_id, detail, prev_hash, hash) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, row->id);
      trellis_sqlite_bind_text (stmt, 2, row->at);
      if (row->staff_id > 0)
        sqlite3_bind_int64 (stmt, 3, row->staff_id);
      trellis_sqlite_bind_text (stmt, 4, row->action);
      if (row->child_id > 0)
        sqlite3_bind_int64 (stmt, 5, row->child_id);
      trellis_sqlite_bind_text (stmt, 6, row->detail);
      trellis_sqlite_bind_text (stmt, 7, row->prev_hash);
      trellis_sqlite_bind_text (stmt, 8, row->hash);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

gboolean
trellis_sqlite_audit_foreach (TrellisSqlite        *self,
                              TrellisAuditRowFunc   func,
                              gpointer              user_data,
                              GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = trellis_sqlite_prepare (self,
                                 "SELECT id, at, coalesce(staff_id, 0), action, "
                                 "coalesce(child_id, 0), detail, prev_hash, hash "
                                 "FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TrellisAuditRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .at = trellis_sqlite_column_text (stmt, 1),
        .staff_id = sqlite3_column_int64 (stmt, 2),
        .action = trellis_sqlite_column_text (stmt, 3),
        .child_id = sqlite3_column_int64 (stmt, 4),
        .detail = trellis_sqlite_column_text (stmt, 5),
        .prev_hash = trellis_sqlite_column_text (stmt, 6),
        .hash = trellis_sqlite_column_text (stmt, 7),
      };

      if (!func (&row, user_data))
        break;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return trellis_sqlite_set_error (self, error);
  return TRUE;
}

/* Codes (nicks, field names: [a-z-]) as a JSON array for json_each(). */
static char *
codes_json (GStrv codes)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_assert (strpbrk (codes[i], "\"\\") == NULL);
      g_string_append_printf (s, "%s\"%s\"", i > 0 ? "," : "", codes[i]);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static gpointer
entry_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (trellis_sqlite_column_text (stmt, 1),
                                                          NULL);

  return trellis_audit_entry_new (sqlite3_column_int64 (stmt, 0), at,
                                  trellis_sqlite_column_text (stmt, 2),
                                  trellis_sqlite_column_text (stmt, 3),
                                  sqlite3_column_int64 (stmt, 4),
                                  trellis_sqlite_column_text (stmt, 5),
                                  trellis_sqlite_column_text (stmt, 6),
                                  trellis_sqlite_column_text (stmt, 7));
}

/* The account a row is about is its detail ("username"), or the new Link Worker's in
 * "username (reason)"; ?3 is matched against the child's case-folded search key. */
#define AUDIT_SELECT                                                                   \
  "SELECT a.id, a.at, coalesce(s.display_name, ''), a.action, coalesce(a.child_id, 0), " \
  "coalesce(nullif(c.preferred_name, ''), c.given_name, '') || "                       \
  "coalesce(' ' || c.family_name, ''), a.detail, coalesce(t.display_name, '') "        \
  "FROM audit a LEFT JOIN staff s ON s.id = a.staff_id "                               \
  "LEFT JOIN child c ON c.id = a.child_id "                                            \
  "LEFT JOIN staff t ON t.username = (CASE "                                           \
  "WHEN a.action = 'assign-link-worker' AND instr(a.detail, ' (') > 0 "                \
  "THEN substr(a.detail, 1, instr(a.detail, ' (') - 1) "                               \
  "WHEN a.action IN ('add-staff', 'reset-password', 'unlock-staff', 'staff-left', "    \
  "'restore-staff', 'recover-administrator') THEN a.detail END) "

#define AUDIT_MATCHES                                                                  \
  "(?2 IS NULL OR s.display_name LIKE ?2 ESCAPE '\\' OR s.username LIKE ?2 ESCAPE '\\' " \
  "OR t.display_name LIKE ?2 ESCAPE '\\' OR t.username LIKE ?2 ESCAPE '\\' OR "         \
  "c.search_key LIKE ?3 ESCAPE '\\' OR a.action = ?4 COLLATE NOCASE OR "               \
  "a.action IN (SELECT value FROM json_each(?5)) OR "                                  \
  "(a.action = 'assign-link-worker' AND EXISTS (SELECT 1 FROM json_each(?6) r "        \
  "WHERE a.detail LIKE '% (' || r.value || ')')) OR "                                  \
  "(a.action = 'edit-child' AND EXISTS (SELECT 1 FROM json_each(?7) f "                \
  "WHERE ',' || a.detail || ',' LIKE '%,' || f.value || ',%'))) "

/* The newest @limit rows, newest first: one child's through the audit_by_child index, or
 * the whole home's backwards along the primary key. Two plain queries, not one with
 * "?1 = 0 OR child_id = ?1", which SQLite can only answer by reading every row. */
GListModel *
trellis_sqlite_audit_list (TrellisSqlite             *self,
                           gint64                     child_id,
                           const TrellisAuditSearch  *search,
                           guint                      limit,
                           GError                   **error)
{
  sqlite3_stmt *stmt;

  if (child_id != 0)
    stmt = trellis_sqlite_prepare (self, AUDIT_SELECT "WHERE a.child_id = ?1 AND " AUDIT_MATCHES
                                         "ORDER BY a.id DESC LIMIT ?8", error);
  else
    stmt = trellis_sqlite_prepare (self, AUDIT_SELECT "WHERE " AUDIT_MATCHES
                                         "ORDER BY a.id DESC LIMIT ?8", error);
  if (stmt == NULL)
    return NULL;

  if (child_id != 0)
    sqlite3_bind_int64 (stmt, 1, child_id);
  if (search != NULL)
    {
      g_autofree char *pattern = trellis_sqlite_like_pattern (search->text);
      g_autofree char *folded_pattern = trellis_sqlite_like_pattern (search->folded);
      g_autofree char *actions = codes_json (search->actions);
      g_autofree char *reasons = codes_json (search->reasons);
      g_autofree char *fields = codes_json (search->fields);

      trellis_sqlite_bind_text (stmt, 2, pattern);
      trellis_sqlite_bind_text (stmt, 3, folded_pattern);
      trellis_sqlite_bind_text (stmt, 4, search->text);
      trellis_sqlite_bind_text (stmt, 5, actions);
      trellis_sqlite_bind_text (stmt, 6, reasons);
      trellis_sqlite_bind_text (stmt, 7, fields);
    }
  sqlite3_bind_int64 (stmt, 8, limit);

  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_AUDIT_ENTRY, entry_from_row, error);
}

/* The first version of a record, current or kept, whose audit row is not the one that made
 * it (there is no such row, or it is about another child or another action): the audit id
 * it names, in *@audit_id, 0 when every one holds. Versions from before records named
 * their audit row name none, and are not checked. */
gboolean
trellis_sqlite_audit_check_records (TrellisSqlite  *self,
                                    gint64         *audit_id,
                                    GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
    /* each kind of record with the actions that make its rows (",a,b,"); a kind that has
     * always had its audit row names 0 when it has none, so one without is reported */
    "SELECT audit_id FROM (SELECT id AS child_id, audit_id, ',add-child,edit-child,' AS made "
    "FROM child "
    "UNION ALL SELECT child_id, audit_id, ',add-child,edit-child,' FROM child_version "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-health-check,' "
    "FROM health_check "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-registration,' "
    "FROM health_registration "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-checklist,' "
    "FROM checklist_entry "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-complaint,' FROM complaint "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-complaint-outcome,' "
    "FROM complaint_outcome "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',add-attachment,' FROM attachment "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), "
    "',save-care-plan,submit-care-plan,approve-care-plan,return-care-plan,' "
    "FROM care_plan_version "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',add-goal,' FROM goal "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',rate-goal,' FROM goal_rating "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',flag-risk,' FROM risk_flag "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-stepping,' "
    "FROM stepping_decision "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-incident,' FROM incident "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',add-person,edit-person,' "
    "FROM person_version "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-consent,' FROM consent "
    /* an appointment's first version records it; each later one records its outcome */
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), CASE WHEN version = 1 THEN "
    "',record-appointment,' ELSE ',record-appointment-outcome,' END FROM appointment "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), CASE WHEN version = 1 THEN "
    "',record-appointment,' ELSE ',record-appointment-outcome,' END FROM appointment_version "
    "UNION ALL SELECT child_id, coalesce (audit_id, 0), ',record-' || kind || ',' "
    "FROM education_record) r "
    "WHERE r.audit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.id = r.audit_id "
    "AND a.child_id = r.child_id AND instr (r.made, ',' || a.action || ',') > 0) "
    "ORDER BY audit_id LIMIT 1", error);
  gboolean found;
  gint64 named = 0;

  *audit_id = 0;
  if (!trellis_sqlite_get_int64 (self, stmt, &named, &found, error))
    return FALSE;
  /* a version that names row 0, or one below, is reported at the trail's first row */
  if (found)
    *audit_id = MAX (named, 1);
  return TRUE;
}
