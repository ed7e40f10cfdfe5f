/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-children.c: children's rows, their earlier versions, and the children list
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-private.h"

/* Columns of a child row, in the order child_from_row() reads them. */
#define CHILD_COLUMNS                                                                  \
  "c.id, c.version, c.given_name, c.family_name, c.preferred_name, c.date_of_birth, "  \
  "c.gender, c.first_language, c.religion, c.legal_status, c.placing_authority, "      \
  "c.admission_date, c.leaving_date, c.photo, a.staff_id, s.display_name, c.allergies, "  \
  "c.medication "

/* The child's Link Worker: the open assignment, or for a child with a leaving date the one
 * that runs until it. Saving a leaving date ends the open assignment on that day; databases
 * written before that was done still have it open, and read the same. */
#define CHILD_FROM                                                                     \
  "FROM child c "                                                                      \
  "LEFT JOIN link_worker_assignment a ON a.id = (SELECT l.id "                         \
  "FROM link_worker_assignment l WHERE l.child_id = c.id AND (l.end_date IS NULL OR "  \
  "l.end_date = c.leaving_date) ORDER BY l.start_date DESC, l.id DESC LIMIT 1) "       \
  "LEFT JOIN staff s ON s.id = a.staff_id "

/* The fields a person edits, bound as ?1 … ?12 in this order, then the search key (?13)
 * and who wrote them (?14). */
#define CHILD_FIELDS                                                                   \
  "given_name, family_name, preferred_name, date_of_birth, gender, first_language, "   \
  "religion, legal_status, placing_authority, admission_date, leaving_date, photo"

static gpointer
child_from_row (sqlite3_stmt *stmt)
{
  TrellisChild *child = trellis_child_new ();
  g_autoptr(GDateTime) dob = trellis_sqlite_column_date (stmt, 5);
  g_autoptr(GDateTime) admitted = trellis_sqlite_column_date (stmt, 11);
  g_autoptr(GDateTime) left = trellis_sqlite_column_date (stmt, 12);
  int status = trellis_enum_from_nick (TRELLIS_TYPE_LEGAL_STATUS,
                                       trellis_sqlite_column_text (stmt, 9));

  trellis_child_set_id (child, sqlite3_column_int64 (stmt, 0));
  trellis_child_set_version (child, sqlite3_column_int (stmt, 1));
  trellis_child_set_given_name (child, trellis_sqlite_column_text (stmt, 2));
  trellis_child_set_family_name (child, trellis_sqlite_column_text (stmt, 3));
  trellis_child_set_preferred_name (child, trellis_sqlite_column_text (stmt, 4));
  trellis_child_set_date_of_birth (child, dob);
  trellis_child_set_gender (child, trellis_sqlite_column_text (stmt, 6));
  trellis_child_set_first_language (child, trellis_sqlite_column_text (stmt, 7));
  trellis_child_set_religion (child, trellis_sqlite_column_text (stmt, 8));
  trellis_child_set_legal_status (child, status < 0 ? TRELLIS_LEGAL_STATUS_UNKNOWN : status);
  trellis_child_set_placing_authority (child, trellis_sqlite_column_text (stmt, 10));
  trellis_child_set_admission_date (child, admitted);
  trellis_child_set_leaving_date (child, left);
  if (sqlite3_column_type (stmt, 13) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) photo = g_bytes_new (sqlite3_column_blob (stmt, 13),
                                             sqlite3_column_bytes (stmt, 13));
      trellis_child_set_photo (child, photo);
    }
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    trellis_child_set_link_worker (child, sqlite3_column_int64 (stmt, 14),
                                   trellis_sqlite_column_text (stmt, 15));
  trellis_child_set_allergies (child, trellis_sqlite_column_text (stmt, 16));
  trellis_child_set_medication (child, trellis_sqlite_column_text (stmt, 17));

  return child;
}

static void
bind_child_fields (sqlite3_stmt *stmt,
                   TrellisChild *child,
                   const char   *search_key,
                   gint64        staff_id)
{
  GBytes *photo = trellis_child_get_photo (child);

  trellis_sqlite_bind_text (stmt, 1, trellis_child_get_given_name (child));
  trellis_sqlite_bind_text (stmt, 2, trellis_child_get_family_name (child));
  trellis_sqlite_bind_text (stmt, 3, trellis_child_get_preferred_name (child));
  trellis_sqlite_bind_date (stmt, 4, trellis_child_get_date_of_birth (child));
  trellis_sqlite_bind_text (stmt, 5, trellis_child_get_gender (child));
  trellis_sqlite_bind_text (stmt, 6, trellis_child_get_first_language (child));
  trellis_sqlite_bind_text (stmt, 7, trellis_child_get_religion (child));
  trellis_sqlite_bind_text (stmt, 8, trellis_enum_to_nick (TRELLIS_TYPE_LEGAL_STATUS,
                                                           trellis_child_get_legal_status (child)));
  trellis_sqlite_bind_text (stmt, 9, trellis_child_get_placing_authority (child));
  trellis_sqlite_bind_date (stmt, 10, trellis_child_get_admission_date (child));
  trellis_sqlite_bind_date (stmt, 11, trellis_child_get_leaving_date (child));
  if (photo != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (photo, &size);
      sqlite3_bind_blob64 (stmt, 12, data, size, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 12);
  trellis_sqlite_bind_text (stmt, 13, search_key);
  sqlite3_bind_int64 (stmt, 14, staff_id);
  /* added later (migration 0012): numbered after the update's own ?15 and ?16 */
  trellis_sqlite_bind_text (stmt, 20, trellis_child_get_allergies (child));
  trellis_sqlite_bind_text (stmt, 21, trellis_child_get_medication (child));
}

gboolean
trellis_sqlite_child_get (TrellisSqlite  *self,
                          gint64          id,
                          TrellisChild  **child,
                          GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT " CHILD_COLUMNS CHILD_FROM
                                                     "WHERE c.id = ?1", error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_get_one (self, stmt, child_from_row, child, error);
}

/* The children with these ids, in no particular order, in one query: a page of a list. */
GPtrArray *
trellis_sqlite_child_get_many (TrellisSqlite  *self,
                               const gint64   *ids,
                               guint           n_ids,
                               GError        **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " CHILD_COLUMNS CHILD_FROM "WHERE c.id IN (");
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < n_ids; i++)
    g_string_append (sql, i == 0 ? "?" : ",?");
  g_string_append (sql, ")");

  stmt = trellis_sqlite_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_ids; i++)
    sqlite3_bind_int64 (stmt, i + 1, ids[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (children, child_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&children);
}

/* The ids of the children the list shows, in its order: those still here (or everyone with
 * @include_former) whose search key holds every one of @words, which are case-folded. */
GArray *
trellis_sqlite_child_list_ids (TrellisSqlite       *self,
                               const char * const  *words,
                               TrellisChildSort     sort,
                               gboolean             include_former,
                               GDateTime           *today,
                               GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM child c WHERE (?1 OR c.leaving_date IS "
                                         "NULL OR c.leaving_date > ?2)");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* a word of three letters or more is looked up in the full-text index (any part of the
   * key, as a trigram phrase); a shorter one is matched in the key itself */
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 3)
      g_string_append_printf (sql, " AND c.id IN (SELECT rowid FROM child_search "
                                   "WHERE child_search MATCH ?%u)", i + 3);
    else if (*words[i] != '\0')
      g_string_append_printf (sql, " AND c.search_key LIKE ?%u ESCAPE '\\'", i + 3);

  switch (sort)
    {
    case TRELLIS_CHILD_SORT_FAMILY_NAME:
      g_string_append (sql, " ORDER BY c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE");
      break;
    case TRELLIS_CHILD_SORT_AGE:
      g_string_append (sql, " ORDER BY c.date_of_birth DESC");
      break;
    case TRELLIS_CHILD_SORT_ADMISSION_DATE:
      g_string_append (sql, " ORDER BY c.admission_date DESC NULLS LAST");
      break;
    case TRELLIS_CHILD_SORT_NAME:
    default:
      g_string_append (sql, " ORDER BY coalesce(nullif(c.preferred_name, ''), c.given_name) "
                            "COLLATE NOCASE, c.family_name COLLATE NOCASE");
      break;
    }
  g_string_append (sql, ", c.id");

  stmt = trellis_sqlite_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_former);
  trellis_sqlite_bind_date (stmt, 2, today);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 3)
      {
        /* the word as one quoted phrase: nothing in it is read as query syntax */
        g_autoptr(GString) phrase = g_string_new (words[i]);

        g_string_replace (phrase, "\"", "\"\"", 0);
        g_string_prepend_c (phrase, '"');
        g_string_append_c (phrase, '"');
        trellis_sqlite_bind_text (stmt, i + 3, phrase->str);
      }
    else if (*words[i] != '\0')
      {
        g_autofree char *pattern = trellis_sqlite_like_pattern (words[i]);
        trellis_sqlite_bind_text (stmt, i + 3, pattern);
      }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_sqlite_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Returns: the new child's id, or 0 with @error set. */
gint64
trellis_sqlite_child_insert (TrellisSqlite  *self,
                             TrellisChild   *child,
                             const char     *search_key,
                             gint64          staff_id,
                             GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO child (" CHILD_FIELDS ", search_key, "
                                               "created_by, updated_by, allergies, medication) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                               "?11, ?12, ?13, ?14, ?14, ?20, ?21)",
                                               error);

  if (stmt != NULL)
    bind_child_fields (stmt, child, search_key, staff_id);
  if (!trellis_sqlite_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/* Keeps the child's details as they are now in child_version, before they are changed: the
 * snapshot made from the child's versioned properties, and the row's own record of when and
 * by whom it was written. json_set() stores it compact, as versions always have been. */
gboolean
trellis_sqlite_child_keep_version (TrellisSqlite  *self,
                                   gint64          id,
                                   const char     *snapshot,
                                   gint64          staff_id,
                                   GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO child_version (child_id, version, "
                                               "data, replaced_by, audit_id) SELECT id, version, "
                                               "json_set(?3, '$.updated_at', updated_at, "
                                               "'$.updated_by', updated_by), ?2, audit_id "
                                               "FROM child WHERE id = ?1", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, staff_id);
      trellis_sqlite_bind_text (stmt, 3, snapshot);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

gboolean
trellis_sqlite_child_update (TrellisSqlite  *self,
                             TrellisChild   *child,
                             const char     *search_key,
                             gint64          staff_id,
                             GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "UPDATE child SET given_name = ?1, "
                                               "family_name = ?2, preferred_name = ?3, "
                                               "date_of_birth = ?4, gender = ?5, "
                                               "first_language = ?6, religion = ?7, "
                                               "legal_status = ?8, placing_authority = ?9, "
                                               "admission_date = ?10, leaving_date = ?11, "
                                               "photo = ?12, search_key = ?13, updated_by = ?14, "
                                               "allergies = ?20, medication = ?21, "
                                               "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
                                               "'now'), version = version + 1 "
                                               "WHERE id = ?15 AND version = ?16", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_child_fields (stmt, child, search_key, staff_id);
  sqlite3_bind_int64 (stmt, 15, trellis_child_get_id (child));
  sqlite3_bind_int (stmt, 16, trellis_child_get_version (child));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  /* the caller read the row at this version in the same transaction: one row changes */
  if (rc != SQLITE_DONE || sqlite3_changes (self->db) != 1)
    return trellis_sqlite_set_error (self, error);
  return TRUE;
}

gboolean
trellis_sqlite_child_count_versions (TrellisSqlite  *self,
                                     gint64          id,
                                     guint          *count,
                                     GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT count(*) FROM child_version "
                                                     "WHERE child_id = ?1", error);
  gint64 value = 0;
  gboolean found;

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  if (!trellis_sqlite_get_int64 (self, stmt, &value, &found, error))
    return FALSE;
  *count = value;
  return TRUE;
}

/* The audit row that made the child's current version. */
gboolean
trellis_sqlite_child_set_audit (TrellisSqlite  *self,
                                gint64          id,
                                gint64          audit_id,
                                GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "UPDATE child SET audit_id = ?2 "
                                                     "WHERE id = ?1", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, audit_id);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

/* A child with these names (ignoring case) and date of birth, by child_by_date_of_birth:
 * its id, or 0. */
gboolean
trellis_sqlite_child_find_same (TrellisSqlite  *self,
                                const char     *given_name,
                                const char     *family_name,
                                GDateTime      *date_of_birth,
                                gint64         *id,
                                GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT id FROM child WHERE date_of_birth = ?1 "
                                               "AND given_name = ?2 COLLATE NOCASE "
                                               "AND family_name = ?3 COLLATE NOCASE "
                                               "ORDER BY id LIMIT 1", error);
  gboolean found;

  *id = 0;
  if (stmt != NULL)
    {
      trellis_sqlite_bind_date (stmt, 1, date_of_birth);
      trellis_sqlite_bind_text (stmt, 2, given_name);
      trellis_sqlite_bind_text (stmt, 3, family_name);
    }
  return trellis_sqlite_get_int64 (self, stmt, id, &found, error);
}
