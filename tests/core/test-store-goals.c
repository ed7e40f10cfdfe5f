/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-goals.c: a child's goals and progress ratings, risk areas, Stepping Up /
 * Stepping Down decisions and incidents: written by the child's Link Worker or a Manager,
 * checked before they are kept, never changed, each tied to its audit row
 */
#include "config.h"

#include <string.h>

#include "store-home.h"
#include "trellis-test-utils.h"

typedef struct
{
  char           *dir;
  TrellisStore   *store;
  TrellisContext *context;
  TrellisStaff   *manager;
  TrellisStaff   *staff1;
  TrellisStaff   *staff2;
  TrellisStaff   *visitor;
  gint64          child; /* staff1's */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) today = trellis_date_new (2026, 11, 23);

  f->dir = trellis_test_make_dir ("store-goals");
  f->store = trellis_test_open_demo (f->dir, "home.db", 6);
  f->context = trellis_context_new (f->store, &error);
  g_assert_no_error (error);
  trellis_clock_set_today (trellis_context_get_clock (f->context), today);
  f->manager = trellis_test_lookup_staff (f->store, "manager");
  f->staff1 = trellis_test_lookup_staff (f->store, "staff1");
  f->staff2 = trellis_test_lookup_staff (f->store, "staff2");
  f->visitor = trellis_test_lookup_staff (f->store, "visitor");
  f->child = trellis_test_first_child_of (f->store, f->staff1);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->manager);
  g_clear_object (&f->staff1);
  g_clear_object (&f->staff2);
  g_clear_object (&f->visitor);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_pointer (&f->dir, g_free);
}

static int
count (Fixture *f, const char *sql)
{
  return store_count_rows (trellis_store_get_path (f->store), sql);
}

static TrellisGoal *
find_goal (Fixture *f, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) goals = trellis_store_list_goals (f->store, f->visitor, f->child, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr (TrellisGoal) goal = g_list_model_get_item (goals, i);
      if (trellis_goal_get_id (goal) == id)
        return g_steal_pointer (&goal);
    }
  return NULL;
}

/* A goal set today by the Link Worker, rated three times by them and a Manager: every
 * rating kept with who and when, oldest first, each tied to its audit row. */
static void
test_goal_rated (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) review = trellis_date_new (2027, 2, 23);
  g_autoptr (GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr (TrellisGoal) goal = NULL;
  g_autofree char *sql = NULL;
  const guint      ratings[] = { 3, 5, 4 };
  const int        days[] = { 1, 10, 23 };
  gint64           id;

  id = trellis_store_add_goal (f->store, f->staff1, f->child, TRELLIS_GOAL_DOMAIN_INDEPENDENCE,
                               "  Cook a meal for the house once a week  ", 2, 8, review, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      g_autoptr (GDateTime) day = trellis_date_new (2026, 11, days[i]);

      g_assert_cmpint (trellis_store_rate_goal (f->store, i == 1 ? f->manager : f->staff1, id,
                                                ratings[i], day, &error),
                       >, 0);
      g_assert_no_error (error);
    }

  goal = find_goal (f, id);
  g_assert_nonnull (goal);
  g_assert_cmpint (trellis_goal_get_domain (goal), ==, TRELLIS_GOAL_DOMAIN_INDEPENDENCE);
  g_assert_cmpstr (trellis_goal_get_what (goal), ==, "Cook a meal for the house once a week");
  g_assert_cmpuint (trellis_goal_get_baseline (goal), ==, 2);
  g_assert_cmpuint (trellis_goal_get_target (goal), ==, 8);
  g_assert_true (trellis_date_equal (trellis_goal_get_set_on (goal), today));
  g_assert_true (trellis_date_equal (trellis_goal_get_review_on (goal), review));
  g_assert_cmpstr (trellis_goal_get_recorded_by (goal), ==,
                   trellis_staff_get_display_name (f->staff1));
  g_assert_cmpuint (g_list_model_get_n_items (trellis_goal_get_ratings (goal)), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      g_autoptr (TrellisGoalRating) r = g_list_model_get_item (trellis_goal_get_ratings (goal), i);

      g_assert_cmpuint (trellis_goal_rating_get_rating (r), ==, ratings[i]);
      g_assert_cmpint (g_date_time_get_day_of_month (trellis_goal_rating_get_rated_on (r)), ==,
                       days[i]);
      g_assert_cmpstr (trellis_goal_rating_get_recorded_by (r), ==,
                       trellis_staff_get_display_name (i == 1 ? f->manager : f->staff1));
    }

  /* in the database: three rows, each with its own audit row about the child */
  sql = g_strdup_printf ("SELECT count(*) FROM goal_rating r JOIN audit a ON a.id = r.audit_id "
                         "WHERE a.action = 'rate-goal' AND a.child_id = r.child_id AND "
                         "r.goal_id = %" G_GINT64_FORMAT,
                         id);
  g_assert_cmpint (count (f, sql), ==, 3);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM goal g JOIN audit a ON a.id = g.audit_id "
                         "WHERE a.action = 'add-goal' AND a.child_id = g.child_id AND "
                         "g.id = %" G_GINT64_FORMAT,
                         id);
  g_assert_cmpint (count (f, sql), ==, 1);
}

/* Refused, saying why, with nothing written */
static void
test_goal_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) review = trellis_date_new (2027, 1, 1);
  g_autoptr (GDateTime) yesterday = trellis_date_new (2026, 11, 22);
  g_autoptr (GDateTime) tomorrow = trellis_date_new (2026, 11, 24);
  g_autoptr (GError) error = NULL;
  int goals = count (f, "SELECT count(*) FROM goal");
  int ratings = count (f, "SELECT count(*) FROM goal_rating");
  int audited = count (f, "SELECT count(*) FROM audit WHERE action IN ('add-goal', 'rate-goal')");
  struct
  {
    TrellisStaff *actor;
    const char   *what;
    guint         baseline, target;
    GDateTime    *review;
    int           code;
    const char   *says;
  } cases[] = {
    { f->staff2, "Make a friend at school", 2, 6, review, TRELLIS_ERROR_PERMISSION_DENIED,
      "Link Worker" },
    { f->visitor, "Make a friend at school", 2, 6, review, TRELLIS_ERROR_PERMISSION_DENIED,
      "Visitors" },
    { f->staff1, "   ", 2, 6, review, TRELLIS_ERROR_INVALID, "Say what the goal is" },
    { f->staff1, "Make a friend", 0, 6, review, TRELLIS_ERROR_INVALID, "from 1 to 10, not 0" },
    { f->staff1, "Make a friend", 2, 11, review, TRELLIS_ERROR_INVALID, "from 1 to 10, not 11" },
    { f->staff1, "Make a friend", 6, 6, review, TRELLIS_ERROR_INVALID, "above the baseline" },
    { f->staff1, "Make a friend", 2, 6, NULL, TRELLIS_ERROR_INVALID, "reviewed" },
    { f->staff1, "Make a friend", 2, 6, yesterday, TRELLIS_ERROR_INVALID, "has passed" },
  };
  g_autoptr (GDateTime) today = trellis_date_new (2026, 11, 23);
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_clear_error (&error);
      g_assert_cmpint (trellis_store_add_goal (f->store, cases[i].actor, f->child,
                                               TRELLIS_GOAL_DOMAIN_SOCIAL, cases[i].what,
                                               cases[i].baseline, cases[i].target, cases[i].review,
                                               &error),
                       ==, 0);
      g_assert_error (error, TRELLIS_ERROR, cases[i].code);
      g_test_message ("%u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM goal"), ==, goals);

  /* a rating: the goal's child's Link Worker or a Manager, 1–10, on a day that has come */
  id = trellis_store_add_goal (f->store, f->manager, f->child, TRELLIS_GOAL_DOMAIN_SOCIAL,
                               "Make a friend at school", 2, 6, review, NULL);
  g_assert_cmpint (id, >, 0);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_rate_goal (f->store, f->staff2, id, 4, today, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_rate_goal (f->store, f->visitor, id, 4, today, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_rate_goal (f->store, f->staff1, id, 11, today, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_rate_goal (f->store, f->staff1, id, 4, tomorrow, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_rate_goal (f->store, f->staff1, id + 1000, 4, today, &error), ==,
                   0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f, "SELECT count(*) FROM goal_rating"), ==, ratings);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action IN ('add-goal', "
                             "'rate-goal')"),
                   ==, audited + 1);
}

/* A goal agreed before it was written up: set on that day, its review may have passed; not
 * reviewed before it was set, nor set on a day to come */
static void
test_goal_set_before (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) set_on = trellis_date_new (2026, 6, 1);
  g_autoptr(GDateTime) review = trellis_date_new (2026, 9, 1);
  g_autoptr(GDateTime) before = trellis_date_new (2026, 5, 31);
  g_autoptr(GDateTime) tomorrow = trellis_date_new (2026, 11, 24);
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(TrellisGoal) goal = NULL;
  int goals = count (f, "SELECT count(*) FROM goal");
  gint64 id;

  g_assert_cmpint (trellis_store_add_goal_full (f->store, f->staff1, f->child,
                                                TRELLIS_GOAL_DOMAIN_ACADEMIC, "Read each night",
                                                2, 7, set_on, before, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the goal was set"));
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_add_goal_full (f->store, f->staff1, f->child,
                                                TRELLIS_GOAL_DOMAIN_ACADEMIC, "Read each night",
                                                2, 7, tomorrow, review, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM goal"), ==, goals);

  id = trellis_store_add_goal_full (f->store, f->staff1, f->child, TRELLIS_GOAL_DOMAIN_ACADEMIC,
                                    "Read each night", 2, 7, set_on, review, &error);
  g_assert_no_error (error);
  goal = find_goal (f, id);
  g_assert_true (trellis_date_equal (trellis_goal_get_set_on (goal), set_on));
  g_assert_cmpint (trellis_goal_review_state (trellis_goal_get_review_on (goal), today), ==,
                   TRELLIS_DUE_OVERDUE);
}

/* A risk area's new level is a new row, the newest first; a Stepping decision says who and
 * why; both refused to a Visitor and another child's Link Worker. */
static void
test_risks_and_stepping (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) first = trellis_date_new (2026, 10, 2);
  g_autoptr (GDateTime) later = trellis_date_new (2026, 11, 20);
  g_autoptr (GListModel) risks = NULL;
  g_autoptr (GListModel) stepping = NULL;
  g_autoptr (TrellisRiskFlag) newest = NULL;
  g_autoptr (TrellisSteppingDecision) decision = NULL;
  int flags = count (f, "SELECT count(*) FROM risk_flag");
  int decisions = count (f, "SELECT count(*) FROM stepping_decision");

  g_assert_cmpint (trellis_store_flag_risk (f->store, f->visitor, f->child,
                                            TRELLIS_RISK_AREA_GOING_MISSING,
                                            TRELLIS_RISK_LEVEL_HIGH, first, &error),
                   ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_record_stepping (f->store, f->staff2, f->child,
                                                  TRELLIS_STEPPING_UP, first, "Team meeting",
                                                  "Missing twice", &error),
                   ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_record_stepping (f->store, f->staff1, f->child,
                                                  TRELLIS_STEPPING_UP, first, "Team meeting", "  ",
                                                  &error),
                   ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Say why"));
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM risk_flag"), ==, flags);
  g_assert_cmpint (count (f, "SELECT count(*) FROM stepping_decision"), ==, decisions);

  g_assert_cmpint (trellis_store_flag_risk (f->store, f->staff1, f->child,
                                            TRELLIS_RISK_AREA_GOING_MISSING,
                                            TRELLIS_RISK_LEVEL_HIGH, first, &error),
                   >, 0);
  g_assert_cmpint (trellis_store_flag_risk (f->store, f->manager, f->child,
                                            TRELLIS_RISK_AREA_GOING_MISSING,
                                            TRELLIS_RISK_LEVEL_MEDIUM, later, &error),
                   >, 0);
  g_assert_cmpint (trellis_store_record_stepping (f->store, f->manager, f->child,
                                                  TRELLIS_STEPPING_DOWN, later,
                                                  " Team around the child ",
                                                  "Settled at school, no missing episodes "
                                                  "since October",
                                                  &error),
                   >, 0);
  g_assert_no_error (error);

  risks = trellis_store_list_risks (f->store, f->visitor, f->child, &error);
  g_assert_no_error (error);
  newest = g_list_model_get_item (risks, 0);
  g_assert_cmpint (trellis_risk_flag_get_area (newest), ==, TRELLIS_RISK_AREA_GOING_MISSING);
  g_assert_cmpint (trellis_risk_flag_get_level (newest), ==, TRELLIS_RISK_LEVEL_MEDIUM);
  g_assert_true (trellis_date_equal (trellis_risk_flag_get_flagged_on (newest), later));
  /* the earlier level is kept */
  g_assert_cmpint (count (f, "SELECT count(*) FROM risk_flag r JOIN audit a ON "
                             "a.id = r.audit_id AND a.action = 'flag-risk' AND "
                             "a.child_id = r.child_id WHERE r.area = 'going-missing' AND "
                             "r.level = 'high' AND r.flagged_on = '2026-10-02'"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM risk_flag"), ==, flags + 2);

  stepping = trellis_store_list_stepping (f->store, f->visitor, f->child, &error);
  decision = g_list_model_get_item (stepping, 0);
  g_assert_cmpint (trellis_stepping_decision_get_direction (decision), ==, TRELLIS_STEPPING_DOWN);
  g_assert_cmpstr (trellis_stepping_decision_get_decided_by (decision), ==,
                   "Team around the child");
  g_assert_cmpstr (trellis_stepping_decision_get_recorded_by (decision), ==,
                   trellis_staff_get_display_name (f->manager));
  g_assert_cmpint (count (f, "SELECT count(*) FROM stepping_decision d JOIN audit a ON "
                             "a.id = d.audit_id AND a.action = 'record-stepping' AND "
                             "a.child_id = d.child_id"),
                   ==, decisions + 1);
}

/* Incidents: each kind kept with its day and time; a return interview for a missing episode
 * only, whole; counted per month. */
static void
test_incidents (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) day = trellis_date_new (2026, 11, 14);
  g_autoptr (GDateTime) back = trellis_date_new (2026, 11, 15);
  g_autoptr (GDateTime) tomorrow = trellis_date_new (2026, 11, 24);
  g_autoptr (GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr (GListModel) list = NULL;
  g_autoptr (TrellisIncident) newest = NULL;
  g_autoptr (GArray) months = NULL;
  TrellisIncidentMonth *november;
  int                   rows = count (f, "SELECT count(*) FROM incident");
  int   audited = count (f, "SELECT count(*) FROM audit WHERE action = 'record-incident'");
  guint before_missing;
  TrellisIncidentReport missing = {
    TRELLIS_INCIDENT_MISSING,
    day,
    "21.5",
    "Did not come back from school; reported to police",
    back,
    "Amira Haddad (return interview worker)",
    "Went to see friends in town",
  };
  TrellisIncidentReport refused[] = {
    { TRELLIS_INCIDENT_BEHAVIOUR, tomorrow, "10:00", "Shouting", NULL, NULL, NULL },
    { TRELLIS_INCIDENT_BEHAVIOUR, day, "", "Shouting", NULL, NULL, NULL },
    { TRELLIS_INCIDENT_BEHAVIOUR, day, "10:00", "  ", NULL, NULL, NULL },
    { TRELLIS_INCIDENT_BEHAVIOUR, day, "10:00", "Shouting", back, "Amira", "Sorry" },
    { TRELLIS_INCIDENT_MISSING, day, "21:00", "Missing", NULL, "Amira", "" },
    { TRELLIS_INCIDENT_MISSING, day, "21:00", "Missing", back, "", "Fine" },
    { TRELLIS_INCIDENT_MISSING, back, "21:00", "Missing", day, "Amira", "Fine" },
  };
  const char *says[] = {
    "in the future",
    "Enter the time",
    "Say what happened",
    "missing episode only",
    "Enter the day the return interview",
    "who held",
    "between the episode and today",
  };

  list = trellis_store_list_incidents (f->store, f->visitor, f->child, &error);
  months = trellis_store_count_incidents (list, today, 12);
  before_missing = g_array_index (months, TrellisIncidentMonth, 11).count[TRELLIS_INCIDENT_MISSING];
  g_clear_object (&list);
  g_clear_pointer (&months, g_array_unref);

  /* the time as people write it is refused ("21.5"), then taken ("21.05") */
  g_assert_cmpint (trellis_store_record_incident (f->store, f->staff1, f->child, &missing, &error),
                   ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_cmpint (
          trellis_store_record_incident (f->store, f->staff1, f->child, &refused[i], &error), ==,
          0);
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
      g_test_message ("%u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, says[i]));
      g_clear_error (&error);
    }
  missing.time = "21.05";
  g_assert_cmpint (trellis_store_record_incident (f->store, f->staff2, f->child, &missing, &error),
                   ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_record_incident (f->store, f->visitor, f->child, &missing, &error),
                   ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident"), ==, rows);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'record-incident'"), ==,
                   audited);

  g_assert_cmpint (trellis_store_record_incident (f->store, f->staff1, f->child, &missing, &error),
                   >, 0);
  g_assert_no_error (error);
  list = trellis_store_list_incidents (f->store, f->visitor, f->child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==,
                    rows == 0 ? 1 : g_list_model_get_n_items (list));
  for (guint i = 0; i < g_list_model_get_n_items (list) && newest == NULL; i++)
    {
      g_autoptr (TrellisIncident) incident = g_list_model_get_item (list, i);
      if (g_str_equal (trellis_incident_get_child_said (incident), "Went to see friends in town"))
        newest = g_steal_pointer (&incident);
    }
  g_assert_nonnull (newest);
  g_assert_cmpint (trellis_incident_get_kind (newest), ==, TRELLIS_INCIDENT_MISSING);
  g_assert_cmpstr (trellis_incident_get_time (newest), ==, "21:05");
  g_assert_true (trellis_date_equal (trellis_incident_get_happened_on (newest), day));
  g_assert_true (trellis_date_equal (trellis_incident_get_interview_on (newest), back));
  g_assert_cmpstr (trellis_incident_get_interview_by (newest), ==,
                   "Amira Haddad (return interview worker)");
  g_assert_cmpstr (trellis_incident_get_recorded_by (newest), ==,
                   trellis_staff_get_display_name (f->staff1));
  g_assert_cmpint (count (f, "SELECT count(*) FROM incident i JOIN audit a ON a.id = i.audit_id "
                             "AND a.action = 'record-incident' AND a.child_id = i.child_id "
                             "WHERE i.time = '21:05' AND i.interview_on = '2026-11-15'"),
                   ==, 1);

  /* counted in November */
  months = trellis_store_count_incidents (list, today, 12);
  november = &g_array_index (months, TrellisIncidentMonth, 11);
  g_assert_cmpint (november->year, ==, 2026);
  g_assert_cmpint (november->month, ==, 11);
  g_assert_cmpuint (november->count[TRELLIS_INCIDENT_MISSING], ==, before_missing + 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-goals/goal-rated", test_goal_rated);
  ADD ("/store-goals/goal-refused", test_goal_refused);
  ADD ("/store-goals/goal-set-before", test_goal_set_before);
  ADD ("/store-goals/risks-and-stepping", test_risks_and_stepping);
  ADD ("/store-goals/incidents", test_incidents);

  return g_test_run ();
}
