/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-health.c: a child's health checks, recorded by whoever may change the child's
 * details, checked before they are kept, audited; and the home's intervals for them
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
  gint64          child;      /* staff1's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = trellis_test_make_dir ("store-health");
  f->store = trellis_test_open_demo (f->dir, "home.db", 6);
  f->context = trellis_context_new (f->store, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
    trellis_clock_set_today (trellis_context_get_clock (f->context), today);
  }
  f->manager = trellis_test_lookup_staff (f->store, "manager");
  f->staff1 = trellis_test_lookup_staff (f->store, "staff1");
  f->staff2 = trellis_test_lookup_staff (f->store, "staff2");
  f->visitor = trellis_test_lookup_staff (f->store, "visitor");
  f->child = trellis_test_first_child_of (f->store, f->staff1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
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
count (Fixture    *f,
       const char *sql)
{
  return store_count_rows (trellis_store_get_path (f->store), sql);
}

static void
test_recorded_and_audited (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = trellis_date_new (2026, 5, 20);
  g_autoptr(GDateTime) second = trellis_date_new (2026, 11, 20);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TrellisHealthRecord) newest = NULL;
  g_autofree char *audit_sql = NULL;
  g_autoptr(GListModel) before = trellis_store_list_health_checks (f->store, f->visitor, f->child,
                                                                   NULL);
  guint n = g_list_model_get_n_items (before);
  gint64 id;

  g_assert_cmpint (trellis_store_record_health_check (f->store, f->staff1, f->child,
                                                      TRELLIS_HEALTH_CHECK_DENTAL, first,
                                                      "  No treatment needed  ", &error), >, 0);
  g_assert_no_error (error);
  /* a Manager records for any child */
  id = trellis_store_record_health_check (f->store, f->manager, f->child,
                                          TRELLIS_HEALTH_CHECK_DENTAL, second, NULL, &error);
  g_assert_no_error (error);

  list = trellis_store_list_health_checks (f->store, f->visitor, f->child, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n + 2);
  newest = g_list_model_get_item (list, 0);
  g_assert_cmpint (trellis_health_record_get_id (newest), ==, id);
  g_assert_true (trellis_date_equal (trellis_health_record_get_done_on (newest), second));
  g_assert_cmpstr (trellis_health_record_get_recorded_by (newest), ==,
                   trellis_staff_get_display_name (f->manager));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisHealthRecord) r = g_list_model_get_item (list, i);
      if (trellis_date_equal (trellis_health_record_get_done_on (r), first))
        g_assert_cmpstr (trellis_health_record_get_notes (r), ==, "No treatment needed");
    }

  /* each tied to its audit row about the child */
  audit_sql = g_strdup_printf ("SELECT count(*) FROM health_check h JOIN audit a ON "
                               "a.id = h.audit_id WHERE a.action = 'record-health-check' AND "
                               "a.child_id = h.child_id AND h.child_id = %" G_GINT64_FORMAT,
                               f->child);
  g_assert_cmpint (count (f, audit_sql), ==, n + 2);
}

/* Refused, saying why, with nothing written: only the child's Link Worker or a Manager;
 * not a day to come, nor before the child was born; notes of a sensible length. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) tomorrow = trellis_date_new (2026, 11, 24);
  g_autoptr(GDateTime) long_ago = trellis_date_new (1990, 1, 1);
  g_autoptr(GDateTime) fine = trellis_date_new (2026, 11, 1);
  g_autofree char *too_long = g_strnfill (TRELLIS_HEALTH_NOTES_MAX_CHARS + 1, 'x');
  int rows = count (f, "SELECT count(*) FROM health_check");
  int audited = count (f, "SELECT count(*) FROM audit WHERE action = 'record-health-check'");
  struct {
    TrellisStaff *actor;
    GDateTime    *day;
    const char   *notes;
    int           code;
    const char   *says;
  } cases[] = {
    { f->staff2, fine, NULL, TRELLIS_ERROR_PERMISSION_DENIED, "Link Worker" },
    { f->visitor, fine, NULL, TRELLIS_ERROR_PERMISSION_DENIED, "Visitors" },
    { f->staff1, NULL, NULL, TRELLIS_ERROR_INVALID, "Enter the date" },
    { f->staff1, tomorrow, NULL, TRELLIS_ERROR_INVALID, "24 November 2026 is in the future" },
    { f->staff1, long_ago, NULL, TRELLIS_ERROR_INVALID, "before" },
    { f->staff1, fine, too_long, TRELLIS_ERROR_INVALID, "too long" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (trellis_store_record_health_check (f->store, cases[i].actor, f->child,
                                                          TRELLIS_HEALTH_CHECK_SIGHT,
                                                          cases[i].day, cases[i].notes,
                                                          &error), ==, 0);
      g_assert_error (error, TRELLIS_ERROR, cases[i].code);
      g_test_message ("%u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM health_check"), ==, rows);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'record-health-check'"),
                   ==, audited);
}

static void
test_intervals (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TrellisHealthIntervals intervals = { 0 };
  TrellisHealthIntervals home = TRELLIS_HEALTH_INTERVALS_INIT;

  g_assert_true (trellis_store_get_health_intervals (f->store, &intervals, &error));
  g_assert_cmpuint (intervals.assessment_under_5, ==, 6);
  g_assert_cmpuint (intervals.assessment_from_5, ==, 12);
  g_assert_cmpuint (intervals.dental, ==, 6);
  g_assert_cmpuint (intervals.sight, ==, 12);

  home.dental = 3;
  g_assert_false (trellis_store_set_health_intervals (f->store, f->staff1, &home, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (trellis_store_set_health_intervals (f->store, f->manager, &home, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT dental_months FROM home"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = "
                             "'change-health-intervals'"), ==, 1);

  home.sight = 99;
  g_assert_false (trellis_store_set_health_intervals (f->store, f->manager, &home, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpint (count (f, "SELECT sight_months FROM home"), ==, 12);
}

/* Where the child is registered: the practice must be named; the newest is the current. */
static void
test_registrations (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = trellis_date_new (2025, 1, 3);
  g_autoptr(GDateTime) moved = trellis_date_new (2026, 9, 1);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TrellisRegistration) current = NULL;
  int rows = count (f, "SELECT count(*) FROM health_registration");

  g_assert_cmpint (trellis_store_record_registration (f->store, f->staff1, f->child,
                                                      TRELLIS_REGISTRATION_GP, "   ", first,
                                                      &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "practice"));
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_record_registration (f->store, f->staff2, f->child,
                                                      TRELLIS_REGISTRATION_GP, "Parkside Surgery",
                                                      first, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM health_registration"), ==, rows);

  g_assert_cmpint (trellis_store_record_registration (f->store, f->staff1, f->child,
                                                      TRELLIS_REGISTRATION_GP, "Parkside Surgery",
                                                      first, &error), >, 0);
  g_assert_cmpint (trellis_store_record_registration (f->store, f->manager, f->child,
                                                      TRELLIS_REGISTRATION_GP,
                                                      " Riverside Health Centre ", moved, &error),
                   >, 0);
  g_assert_no_error (error);
  list = trellis_store_list_registrations (f->store, f->visitor, f->child, &error);
  g_assert_no_error (error);
  current = g_list_model_get_item (list, 0);
  g_assert_cmpint (trellis_registration_get_kind (current), ==, TRELLIS_REGISTRATION_GP);
  g_assert_cmpstr (trellis_registration_get_practice (current), ==, "Riverside Health Centre");
  g_assert_true (trellis_date_equal (trellis_registration_get_registered_on (current), moved));
  g_assert_cmpint (count (f, "SELECT count(*) FROM health_registration r JOIN audit a ON "
                             "a.id = r.audit_id AND a.action = 'record-registration' AND "
                             "a.child_id = r.child_id"), ==, rows + 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-health/recorded-and-audited", test_recorded_and_audited);
  ADD ("/store-health/refused", test_refused);
  ADD ("/store-health/intervals", test_intervals);
  ADD ("/store-health/registrations", test_registrations);

  return g_test_run ();
}
