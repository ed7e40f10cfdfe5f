/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-plans.c: every store query on a table that grows uses an index
 *
 * The audit trail, the children and their Link Worker assignments grow for the life of a
 * home: a query that reads all of such a table to answer for one row gets slower every day
 * (opening a child once scanned 130,000 audit rows). Each store call below runs on a store
 * opened for it alone, so the statements it prepared are exactly the ones it ran; SQLite's
 * EXPLAIN QUERY PLAN of each must not SCAN one of those tables without an index, except
 * where scanning is the point (the children list, the audit check), named here with why.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-store-private.h"

#define N_CHILDREN 300

static const char * const growing_tables[] = {
  "audit", "child", "child_version", "link_worker_assignment", "staff", "health_check",
  "health_registration", "care_plan", "care_plan_version", "care_plan_section",
  "checklist_entry", "complaint", "complaint_outcome", "attachment", "goal", "goal_rating",
  "risk_flag", "stepping_decision", "incident", "person", "person_version", "consent",
  "appointment", "appointment_version", "education_record", NULL
};

typedef struct
{
  char         *dir;
  char         *path;
  TrellisStaff *manager;
  TrellisStaff *staff1;
  TrellisStaff *staff2;
  gint64        child_id;
} Fixture;

typedef void (*CallFunc) (TrellisStore *store,
                          Fixture      *f);

/* A scan that is the point of a statement: the statement containing @sql may scan @table. */
typedef struct
{
  const char *table;
  const char *sql;
  const char *why;
} AllowedScan;

/* Which table each name in a statement's FROM and JOIN clauses stands for. */
static GHashTable *
map_aliases (const char *sql)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\b(?:FROM|JOIN)\\s+([a-z_]+)(?:\\s+(?!(?:ON|WHERE|LEFT|"
                                         "JOIN|ORDER|GROUP|LIMIT|INNER|CROSS|USING)\\b)"
                                         "([a-z]+))?", G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_regex_match (regex, sql, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *table = g_match_info_fetch (match, 1);
      g_autofree char *alias = g_match_info_fetch (match, 2);

      g_hash_table_replace (aliases, g_strdup (table), g_strdup (table));
      if (alias != NULL && *alias != '\0')
        g_hash_table_replace (aliases, g_strdup (alias), g_strdup (table));
      g_match_info_next (match, NULL);
    }
  return aliases;
}

/* The plan's "SCAN <name>" lines that read a growing table without an index, as
 * "table: detail". */
static GPtrArray *
find_bare_scans (sqlite3    *db,
                 const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GHashTable) aliases = map_aliases (sql);
  GPtrArray *scans = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Could not explain “%s”: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);
      g_auto(GStrv) words = g_strsplit (detail, " ", 3);
      const char *table;

      if (!g_str_equal (words[0], "SCAN") || words[1] == NULL)
        continue;
      if (strstr (detail, " USING ") != NULL && strstr (detail, "INDEX") != NULL)
        continue;
      table = g_hash_table_lookup (aliases, words[1]);
      if (table != NULL && g_strv_contains (growing_tables, table))
        g_ptr_array_add (scans, g_strdup_printf ("%s: %s", table, detail));
    }
  sqlite3_finalize (stmt);
  return scans;
}

static gboolean
scan_allowed (const char        *sql,
              const char        *scan,
              const AllowedScan *allowed)
{
  g_autofree char *prefix = NULL;
  gboolean checking_one = FALSE;

  /* the keyring's copy of every account, when an encrypted home is unsealed */
  static const AllowedScan keyring_copy = {
    "staff", "FROM staff WHERE ?1 = 0",
    "signing in copies every account into the keyring, mending what a crash kept from it"
  };

  /* the audit check reads every version of every record of every kind, as it reads every
   * audit row: any table ("*") in that one statement */
  static const AllowedScan records_tied = {
    "*", "SELECT audit_id FROM (SELECT id AS child_id",
    "the audit check ties every record's every version to its audit row"
  };
  static const AllowedScan * const always[] = { &keyring_copy, &records_tied };

  /* each of these is allowed in every call, checked here one at a time */
  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    checking_one |= allowed == always[i];
  for (guint i = 0; !checking_one && i < G_N_ELEMENTS (always); i++)
    if (scan_allowed (sql, scan, always[i]))
      return TRUE;

  if (allowed == NULL || allowed->table == NULL)
    return FALSE;
  if (g_str_equal (allowed->table, "*"))
    return strstr (sql, allowed->sql) != NULL;
  prefix = g_strconcat (allowed->table, ": ", NULL);
  return g_str_has_prefix (scan, prefix) && strstr (sql, allowed->sql) != NULL;
}

/* Runs @func on a store of its own and checks the plan of every statement it prepared. */
static void
check_call (Fixture           *f,
            const char        *what,
            CallFunc           func,
            const AllowedScan *allowed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open (f->path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_auto(GStrv) statements = NULL;
  sqlite3 *db = NULL;
  guint n_checked = 0;

  g_assert_no_error (error);
  /* an encrypted home opens when someone signs in */
  if (trellis_store_is_sealed (store))
    {
      g_autoptr(TrellisStaff) manager = trellis_store_sign_in (store, "manager",
                                                               TRELLIS_DEMO_PASSWORD, NULL,
                                                               &error);
      g_assert_no_error (error);
    }
  func (store, f);
  statements = trellis_store_dup_statements (store);

  g_assert_cmpint (store_open_raw (f->path, &db, SQLITE_OPEN_READONLY), ==, SQLITE_OK);
  for (guint i = 0; statements[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) scans = find_bare_scans (db, statements[i]);

      for (guint j = 0; j < scans->len; j++)
        {
          const char *scan = g_ptr_array_index (scans, j);

          if (scan_allowed (statements[i], scan, allowed))
            g_test_message ("%s scans, as it must (%s): %s", what,
                            allowed != NULL ? allowed->why : "the keyring", scan);
          else
            g_test_fail_printf ("%s reads a whole table that grows (%s) in:\n%s", what, scan,
                                statements[i]);
        }
      if (strstr (statements[i], "PRAGMA") == NULL)
        n_checked++;
    }
  sqlite3_close (db);

  /* the call ran queries of its own, or there was nothing to check */
  g_assert_cmpuint (n_checked, >, 0);
}

static void
make_home (TrellisStore *store,
           Fixture      *f)
{
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_demo_generate (store, N_CHILDREN, 7, today, &error));
  g_assert_no_error (error);
  f->manager = trellis_store_lookup_staff (store, "manager", &error);
  f->staff1 = trellis_store_lookup_staff (store, "staff1", &error);
  f->staff2 = trellis_store_lookup_staff (store, "staff2", &error);
  g_assert_no_error (error);
}

/* A child still in the home, whose Link Worker the calls below change. */
static void
find_child (TrellisStore *store,
            Fixture      *f)
{
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, f->manager);
  g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), 0);

  g_assert_nonnull (child);
  g_assert_null (trellis_child_get_leaving_date (child));
  f->child_id = trellis_child_get_id (child);
}

static void
search_children (TrellisStore *store,
                 Fixture      *f)
{
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, f->manager);

  trellis_child_list_set_sort (list, TRELLIS_CHILD_SORT_AGE);
  trellis_child_list_set_search (list, "a");
  trellis_child_list_set_include_former (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
}

static void
open_child (TrellisStore *store,
            Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = trellis_store_view_child (store, f->manager, f->child_id,
                                                            &error);
  g_autoptr(GListModel) assignments = trellis_store_list_assignments (store, f->manager,
                                                                      f->child_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (trellis_store_count_child_versions (store, f->manager, f->child_id, &error),
                    ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (assignments), >, 0);
}

static void
child_audit (TrellisStore *store,
             Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = trellis_store_list_audit (store, f->manager, f->child_id, NULL, 50,
                                                        &error);
  g_autoptr(GListModel) found = trellis_store_list_audit (store, f->manager, f->child_id,
                                                          "Opened the record", 50, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
}

static void
home_audit (TrellisStore *store,
            Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = trellis_store_list_audit (store, f->manager, 0, NULL, 50, &error);
  g_autoptr(GListModel) found = trellis_store_list_audit (store, f->manager, 0, "staff1", 50,
                                                          &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (found), >, 0);
}

static void
verify_audit (TrellisStore *store,
              Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;

  g_assert_true (trellis_store_verify_audit (store, f->manager, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
}

static void
edit_child (TrellisStore *store,
            Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = trellis_store_get_child (store, f->manager, f->child_id,
                                                           &error);
  g_autoptr(GDateTime) today = trellis_date_today ();

  trellis_child_set_religion (child, "Quaker");
  g_assert_true (trellis_store_update_child (store, f->manager, child, &error));
  g_assert_no_error (error);
  /* leaving ends the Link Worker's assignment */
  trellis_child_set_leaving_date (child, today);
  g_assert_true (trellis_store_update_child (store, f->manager, child, &error));
  g_assert_no_error (error);
  trellis_child_set_leaving_date (child, NULL);
  g_assert_true (trellis_store_update_child (store, f->manager, child, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_store_count_child_versions (store, f->manager, f->child_id, NULL),
                    ==, 3);
}

static void
change_link_worker (TrellisStore *store,
                    Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(TrellisChild) child = trellis_store_get_child (store, f->manager, f->child_id,
                                                           &error);
  TrellisStaff *next = trellis_child_get_link_worker_id (child) == trellis_staff_get_id (f->staff1)
                         ? f->staff2 : f->staff1;

  g_assert_true (trellis_store_assign_link_worker (store, f->manager, f->child_id,
                                                   trellis_staff_get_id (next), today,
                                                   TRELLIS_CHANGE_REASON_MANAGER_DECISION, "",
                                                   &error));
  g_assert_no_error (error);
}

static void
sign_in_and_out (TrellisStore *store,
                 Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) staff = trellis_store_sign_in (store, "staff1", TRELLIS_DEMO_PASSWORD,
                                                         NULL, &error);

  g_assert_no_error (error);
  trellis_store_sign_out (store, staff);
  g_assert_null (trellis_store_sign_in (store, "staff1", "not the password", NULL, NULL));
}

static void
recent_sign_ins (TrellisStore *store,
                 Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) recent = trellis_store_list_recent_sign_ins (store, 8, &error);
  g_autoptr(GListModel) first = trellis_store_find_sign_in_staff (store, NULL, 21, &error);
  g_autoptr(GListModel) found = trellis_store_find_sign_in_staff (store, "mens", 21, &error);

  g_assert_no_error (error);
  g_assert_nonnull (recent);
  g_assert_nonnull (first);
  g_assert_nonnull (found);
}

/* A child's health: a check and a registration recorded, both read back with the home's
 * intervals; the backups' status, read from the audit trail by action. */
static void
health (TrellisStore *store,
        Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GListModel) checks = NULL;
  g_autoptr(GListModel) registrations = NULL;
  g_autoptr(TrellisBackupStatus) status = NULL;
  TrellisHealthIntervals intervals;

  g_assert_cmpint (trellis_store_record_health_check (store, f->manager, f->child_id,
                                                      TRELLIS_HEALTH_CHECK_SIGHT, today, NULL,
                                                      &error), >, 0);
  g_assert_cmpint (trellis_store_record_registration (store, f->manager, f->child_id,
                                                      TRELLIS_REGISTRATION_OPTICIAN,
                                                      "Clear View Opticians", today, &error), >, 0);
  checks = trellis_store_list_health_checks (store, f->manager, f->child_id, &error);
  registrations = trellis_store_list_registrations (store, f->manager, f->child_id, &error);
  g_assert_true (trellis_store_get_health_intervals (store, &intervals, &error));
  status = trellis_store_get_backup_status (store, f->manager, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (checks), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (registrations), >, 0);

  /* before a child is added: one with the same names and date of birth */
  {
    g_autoptr(TrellisChild) child = trellis_store_get_child (store, f->manager, f->child_id,
                                                             &error);
    g_assert_cmpint (trellis_store_find_same_child (store, f->manager, child, &error), ==,
                     f->child_id);
  }
}

/* A child's plans (the care plans, not these query plans): one saved, submitted and
 * approved, read back as a list, its versions, one version, and what awaits approval. */
static void
care_plans (TrellisStore *store,
            Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisCarePlanContent) content =
    trellis_care_plan_content_new (TRELLIS_CARE_PLAN_PLACEMENT);
  g_autoptr(GListModel) plans = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GListModel) awaiting = NULL;
  g_autoptr(TrellisCarePlanVersion) first = NULL;
  gint64 plan;

  trellis_care_plan_content_set_section (content, 0, "A calm start to the day");
  content->review_on = trellis_date_today ();
  plan = trellis_store_save_care_plan (store, f->manager, f->child_id, 0, content, TRUE, &error);
  g_assert_no_error (error);
  awaiting = trellis_store_list_care_plans_awaiting (store, f->manager, &error);
  g_assert_true (trellis_store_approve_care_plan (store, f->manager, plan, &error));
  plans = trellis_store_list_care_plans (store, f->manager, f->child_id, &error);
  versions = trellis_store_list_care_plan_versions (store, f->manager, plan, &error);
  first = trellis_store_get_care_plan (store, f->manager, plan, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (awaiting), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (plans), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
}

/* What a child was given and told, their complaints and an outcome, read back; the home's
 * counts by month. */
static void
given_and_told (TrellisStore *store,
                Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListModel) complaints = NULL;
  g_autoptr(GArray) counts = NULL;
  gint64 id;

  g_assert_cmpint (trellis_store_record_checklist (store, f->manager, f->child_id,
                                                   TRELLIS_CHECKLIST_HOUSE_RULES, today, NULL,
                                                   &error), >, 0);
  id = trellis_store_record_complaint (store, f->manager, f->child_id, today, "Bedtime",
                                       "Manager", &error);
  g_assert_true (trellis_store_record_complaint_outcome (store, f->manager, id, today, "Talked",
                                                         "Later at weekends",
                                                         TRELLIS_SATISFIED_YES, &error));
  entries = trellis_store_list_checklist (store, f->manager, f->child_id, &error);
  complaints = trellis_store_list_complaints (store, f->manager, f->child_id, &error);
  counts = trellis_store_count_complaints (store, f->manager, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (complaints), >, 0);
  g_assert_cmpuint (counts->len, >, 0);

  /* a document attached, listed and opened */
  {
    static const char pdf[] = "%PDF-1.4\n";
    g_autoptr(GBytes) content = g_bytes_new_static (pdf, sizeof pdf - 1);
    g_autoptr(GListModel) attachments = NULL;
    g_autoptr(GBytes) back = NULL;

    id = trellis_store_add_attachment (store, f->manager, f->child_id, "Care plan", NULL, today,
                                       "plan.pdf", content, NULL, &error);
    attachments = trellis_store_list_attachments (store, f->manager, f->child_id, &error);
    back = trellis_store_read_attachment (store, f->manager, id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (back);
  }
}

/* A child's goals (rated), risks, Stepping decisions and incidents: written and read back */
static void
goals_and_incidents (TrellisStore *store,
                     Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GDateTime) review = g_date_time_add_months (today, 3);
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) risks = NULL;
  g_autoptr(GListModel) stepping = NULL;
  g_autoptr(GListModel) incidents = NULL;
  TrellisIncidentReport report = {
    TRELLIS_INCIDENT_BEHAVIOUR, today, "10:00", "Shouted at tea time", NULL, NULL, NULL,
  };
  gint64 goal;

  goal = trellis_store_add_goal (store, f->manager, f->child_id, TRELLIS_GOAL_DOMAIN_HEALTH,
                                 "Walk to school", 2, 6, review, &error);
  g_assert_cmpint (trellis_store_rate_goal (store, f->manager, goal, 3, today, &error), >, 0);
  g_assert_cmpint (trellis_store_flag_risk (store, f->manager, f->child_id,
                                            TRELLIS_RISK_AREA_ATTENDANCE, TRELLIS_RISK_LEVEL_LOW,
                                            today, &error), >, 0);
  g_assert_cmpint (trellis_store_record_stepping (store, f->manager, f->child_id,
                                                  TRELLIS_STEPPING_DOWN, today, "Review",
                                                  "Settled", &error), >, 0);
  g_assert_cmpint (trellis_store_record_incident (store, f->manager, f->child_id, &report,
                                                  &error), >, 0);
  goals = trellis_store_list_goals (store, f->manager, f->child_id, &error);
  risks = trellis_store_list_risks (store, f->manager, f->child_id, &error);
  stepping = trellis_store_list_stepping (store, f->manager, f->child_id, &error);
  incidents = trellis_store_list_incidents (store, f->manager, f->child_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), >, 0);
}

/* The people around a child: one added and edited, the list, versions and consent read */
static void
people (TrellisStore *store,
        Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(TrellisPerson) mother = g_object_new (TRELLIS_TYPE_PERSON, "name", "Mother",
                                                  "relationship", TRELLIS_RELATIONSHIP_MOTHER,
                                                  "parental-responsibility", TRUE, NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GListModel) consents = NULL;
  gint64 id = trellis_store_add_person (store, f->manager, f->child_id, mother, &error);

  g_assert_no_error (error);
  g_object_set (mother, "id", id, "version", 1, "phone", "07700 900111", NULL);
  g_assert_true (trellis_store_update_person (store, f->manager, mother, &error));
  g_assert_cmpint (trellis_store_record_consent (store, f->manager, f->child_id,
                                                 TRELLIS_CONSENT_PHOTOGRAPHS, NULL,
                                                 TRELLIS_CONSENT_GIVEN, id, today, NULL,
                                                 &error), >, 0);
  list = trellis_store_list_people (store, f->manager, f->child_id, &error);
  versions = trellis_store_list_person_versions (store, f->manager, id, &error);
  consents = trellis_store_list_consents (store, f->manager, f->child_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (consents), >, 0);
}

/* A child's appointments (one recorded, its outcome after) and education file (a term's
 * attendance), read back as the page reads them */
static void
appointments_and_education (TrellisStore *store,
                            Fixture      *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GListModel) appointments = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GListModel) education = NULL;
  TrellisEducationEntry entry = { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "Autumn 2026",
                                  .possible = 120, .attended = 110 };
  gint64 id = trellis_store_record_appointment (store, f->manager, f->child_id, today, NULL,
                                                "Dr Okafor, CAMHS", "Review", &error);

  g_assert_no_error (error);
  g_assert_true (trellis_store_record_appointment_outcome (store, f->manager, id, "Seen",
                                                           &error));
  g_assert_cmpint (trellis_store_record_education (store, f->manager, f->child_id, &entry,
                                                   &error), >, 0);
  appointments = trellis_store_list_appointments (store, f->manager, f->child_id, &error);
  versions = trellis_store_list_appointment_versions (store, f->manager, id, &error);
  education = trellis_store_list_education (store, f->manager, f->child_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (appointments), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (education), >, 0);
}

static void
test_queries_use_indexes (void)
{
  static const AllowedScan children_list = {
    "child", "SELECT c.id FROM child c WHERE",
    "the list holds every child's id, in order; it reads each child only when shown"
  };
  static const AllowedScan whole_trail = {
    "audit", "WHERE (?2 IS NULL",
    "the whole home's newest rows, backwards along the primary key, stopping at the limit"
  };
  static const AllowedScan audit_check = {
    "audit", "FROM audit ORDER BY id", "the check recomputes every row's hash"
  };
  static const AllowedScan demo_passwords = {
    "staff", "WHERE password_hash IS NULL",
    "a demo home's accounts get their shared password once, as it is made"
  };
  Fixture f = { 0 };

  f.dir = g_dir_make_tmp ("trellis-plans-XXXXXX", NULL);
  f.path = g_build_filename (f.dir, "home.db", NULL);

  check_call (&f, "making a demo home", make_home, &demo_passwords);
  check_call (&f, "the children list", find_child, &children_list);
  check_call (&f, "searching the children list", search_children, &children_list);
  check_call (&f, "opening a child", open_child, NULL);
  check_call (&f, "a child's audit trail", child_audit, NULL);
  check_call (&f, "editing a child", edit_child, NULL);
  check_call (&f, "changing a Link Worker", change_link_worker, NULL);
  check_call (&f, "signing in and out", sign_in_and_out, NULL);
  check_call (&f, "the sign-in page's people", recent_sign_ins, NULL);
  check_call (&f, "a child's health and the backups' status", health, NULL);
  check_call (&f, "a child's appointments and education", appointments_and_education, NULL);
  check_call (&f, "the people around a child, and consent", people, NULL);
  check_call (&f, "a child's goals, risks and incidents", goals_and_incidents, NULL);
  check_call (&f, "given and told, complaints and documents", given_and_told, NULL);
  check_call (&f, "a child's care plans", care_plans, NULL);
  check_call (&f, "the whole audit trail", home_audit, &whole_trail);
  check_call (&f, "checking the audit trail", verify_audit, &audit_check);

  g_clear_object (&f.manager);
  g_clear_object (&f.staff1);
  g_clear_object (&f.staff2);
  g_free (f.path);
  g_free (f.dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-plans/queries-use-indexes", test_queries_use_indexes);

  return g_test_run ();
}
