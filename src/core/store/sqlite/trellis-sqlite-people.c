/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-people.c: the people around a child, their versions, and consent
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-sqlite-people.h"
#include "trellis-sqlite-private.h"

#define PERSON_COLUMNS                                                                    \
  "v.person_id, v.child_id, v.version, v.name, v.relationship, v.role, "                 \
  "v.parental_responsibility, v.phone, v.email, v.address, v.language, v.interpreter, "   \
  "v.best_time, v.birthday, v.other_date, v.other_date_label, v.restriction, "            \
  "v.restriction_notes, v.child_view, v.involved, s.display_name "

/* Each person's current version, with who recorded it */
#define CURRENT_PEOPLE                                                                    \
  "SELECT " PERSON_COLUMNS "FROM person p "                                               \
  "JOIN person_version v ON v.person_id = p.id AND v.version = p.version "                \
  "JOIN staff s ON s.id = v.recorded_by "

static gpointer
person_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) birthday = trellis_sqlite_column_date (stmt, 13);
  g_autoptr(GDateTime) other_date = trellis_sqlite_column_date (stmt, 14);
  int relationship = trellis_enum_from_nick (TRELLIS_TYPE_RELATIONSHIP,
                                             trellis_sqlite_column_text (stmt, 4));
  int restriction = trellis_enum_from_nick (TRELLIS_TYPE_CONTACT_RESTRICTION,
                                            trellis_sqlite_column_text (stmt, 16));

  return g_object_new (TRELLIS_TYPE_PERSON,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "child-id", sqlite3_column_int64 (stmt, 1),
                       "version", sqlite3_column_int (stmt, 2),
                       "name", trellis_sqlite_column_text (stmt, 3),
                       "relationship", relationship < 0 ? TRELLIS_RELATIONSHIP_OTHER : relationship,
                       "role", trellis_sqlite_column_text (stmt, 5),
                       "parental-responsibility", sqlite3_column_int (stmt, 6) != 0,
                       "phone", trellis_sqlite_column_text (stmt, 7),
                       "email", trellis_sqlite_column_text (stmt, 8),
                       "address", trellis_sqlite_column_text (stmt, 9),
                       "language", trellis_sqlite_column_text (stmt, 10),
                       "interpreter", sqlite3_column_int (stmt, 11) != 0,
                       "best-time", trellis_sqlite_column_text (stmt, 12),
                       "birthday", birthday,
                       "other-date", other_date,
                       "other-date-label", trellis_sqlite_column_text (stmt, 15),
                       "restriction", restriction < 0 ? TRELLIS_CONTACT_NO_RESTRICTION
                                                      : restriction,
                       "restriction-notes", trellis_sqlite_column_text (stmt, 17),
                       "child-view", trellis_sqlite_column_text (stmt, 18),
                       "involved", sqlite3_column_int (stmt, 19) != 0,
                       "recorded-by", trellis_sqlite_column_text (stmt, 20),
                       NULL);
}

/* By person_by_child, then each current version by its unique (person_id, version). */
GListModel *
trellis_sqlite_person_list (TrellisSqlite  *self,
                            gint64          child_id,
                            GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               CURRENT_PEOPLE "WHERE p.child_id = ?1 "
                                               "ORDER BY v.involved DESC, v.name, p.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_PERSON, person_from_row, error);
}

gboolean
trellis_sqlite_person_get (TrellisSqlite  *self,
                           gint64          id,
                           TrellisPerson **person,
                           GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               CURRENT_PEOPLE "WHERE p.id = ?1", error);

  *person = NULL;
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_get_one (self, stmt, person_from_row, person, error);
}

GListModel *
trellis_sqlite_person_versions (TrellisSqlite  *self,
                                gint64          id,
                                GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT " PERSON_COLUMNS "FROM person_version v "
                                               "JOIN staff s ON s.id = v.recorded_by "
                                               "WHERE v.person_id = ?1 "
                                               "ORDER BY v.version DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_PERSON, person_from_row, error);
}

gboolean
trellis_sqlite_person_insert (TrellisSqlite  *self,
                              gint64          child_id,
                              gint64         *id,
                              GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO person (child_id, version) "
                                               "VALUES (?1, 0)", error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, child_id);
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
trellis_sqlite_person_add_version (TrellisSqlite  *self,
                                   TrellisPerson  *person,
                                   gint64          recorded_by,
                                   gint64          audit_id,
                                   GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
    "INSERT INTO person_version (person_id, child_id, version, name, relationship, role, "
    "parental_responsibility, phone, email, address, language, interpreter, best_time, "
    "birthday, other_date, other_date_label, restriction, restriction_notes, child_view, "
    "involved, recorded_by, audit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)", error);
  gint64 id = trellis_person_get_id (person);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, trellis_person_get_child_id (person));
      sqlite3_bind_int (stmt, 3, trellis_person_get_version (person));
      trellis_sqlite_bind_text (stmt, 4, trellis_person_get_name (person));
      trellis_sqlite_bind_text (stmt, 5, trellis_enum_to_nick (TRELLIS_TYPE_RELATIONSHIP,
                                                               trellis_person_get_relationship (person)));
      trellis_sqlite_bind_text (stmt, 6, trellis_person_get_role (person));
      sqlite3_bind_int (stmt, 7, trellis_person_get_parental_responsibility (person) ? 1 : 0);
      trellis_sqlite_bind_text (stmt, 8, trellis_person_get_phone (person));
      trellis_sqlite_bind_text (stmt, 9, trellis_person_get_email (person));
      trellis_sqlite_bind_text (stmt, 10, trellis_person_get_address (person));
      trellis_sqlite_bind_text (stmt, 11, trellis_person_get_language (person));
      sqlite3_bind_int (stmt, 12, trellis_person_get_interpreter (person) ? 1 : 0);
      trellis_sqlite_bind_text (stmt, 13, trellis_person_get_best_time (person));
      trellis_sqlite_bind_date (stmt, 14, trellis_person_get_birthday (person));
      trellis_sqlite_bind_date (stmt, 15, trellis_person_get_other_date (person));
      trellis_sqlite_bind_text (stmt, 16, trellis_person_get_other_date_label (person));
      trellis_sqlite_bind_text (stmt, 17,
                                trellis_enum_to_nick (TRELLIS_TYPE_CONTACT_RESTRICTION,
                                                      trellis_person_get_restriction (person)));
      trellis_sqlite_bind_text (stmt, 18, trellis_person_get_restriction_notes (person));
      trellis_sqlite_bind_text (stmt, 19, trellis_person_get_child_view (person));
      sqlite3_bind_int (stmt, 20, trellis_person_get_involved (person) ? 1 : 0);
      sqlite3_bind_int64 (stmt, 21, recorded_by);
      sqlite3_bind_int64 (stmt, 22, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;

  stmt = trellis_sqlite_prepare (self, "UPDATE person SET version = ?2 WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, trellis_person_get_version (person));
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

static gpointer
consent_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) decided_on = trellis_sqlite_column_date (stmt, 7);
  int subject = trellis_enum_from_nick (TRELLIS_TYPE_CONSENT_SUBJECT,
                                        trellis_sqlite_column_text (stmt, 2));
  int decision = trellis_enum_from_nick (TRELLIS_TYPE_CONSENT_DECISION,
                                         trellis_sqlite_column_text (stmt, 4));

  return trellis_consent_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                              subject < 0 ? TRELLIS_CONSENT_OTHER : subject,
                              trellis_sqlite_column_text (stmt, 3),
                              /* an answer that cannot be read is never taken for a yes */
                              decision < 0 ? TRELLIS_CONSENT_REFUSED : decision,
                              sqlite3_column_int64 (stmt, 5),
                              trellis_sqlite_column_text (stmt, 6), decided_on,
                              trellis_sqlite_column_text (stmt, 8),
                              trellis_sqlite_column_text (stmt, 9));
}

/* Newest first, by consent_by_child. The one who answered: the person's current name, or
 * the child's own. */
GListModel *
trellis_sqlite_consent_list (TrellisSqlite  *self,
                             gint64          child_id,
                             GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
    "SELECT k.id, k.child_id, k.subject, k.detail, k.decision, "
    "coalesce (k.given_by_person, 0), CASE WHEN k.given_by_person IS NULL THEN "
    "coalesce (nullif (c.preferred_name, ''), c.given_name) ELSE v.name END, "
    "k.decided_on, k.reason, s.display_name FROM consent k "
    "JOIN child c ON c.id = k.child_id JOIN staff s ON s.id = k.recorded_by "
    "LEFT JOIN person p ON p.id = k.given_by_person "
    "LEFT JOIN person_version v ON v.person_id = p.id AND v.version = p.version "
    "WHERE k.child_id = ?1 ORDER BY k.decided_on DESC, k.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_CONSENT, consent_from_row, error);
}

gboolean
trellis_sqlite_consent_insert (TrellisSqlite           *self,
                               gint64                   child_id,
                               TrellisConsentSubject    subject,
                               const char              *detail,
                               TrellisConsentDecision   decision,
                               gint64                   given_by_person,
                               GDateTime               *decided_on,
                               const char              *reason,
                               gint64                   recorded_by,
                               gint64                   audit_id,
                               gint64                  *id,
                               GError                 **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
    "INSERT INTO consent (child_id, subject, detail, decision, given_by_person, decided_on, "
    "reason, recorded_by, audit_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, trellis_enum_to_nick (TRELLIS_TYPE_CONSENT_SUBJECT,
                                                               subject));
      trellis_sqlite_bind_text (stmt, 3, detail != NULL ? detail : "");
      trellis_sqlite_bind_text (stmt, 4, trellis_enum_to_nick (TRELLIS_TYPE_CONSENT_DECISION,
                                                               decision));
      if (given_by_person > 0)
        sqlite3_bind_int64 (stmt, 5, given_by_person);
      trellis_sqlite_bind_date (stmt, 6, decided_on);
      trellis_sqlite_bind_text (stmt, 7, reason != NULL ? reason : "");
      sqlite3_bind_int64 (stmt, 8, recorded_by);
      sqlite3_bind_int64 (stmt, 9, audit_id);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}
