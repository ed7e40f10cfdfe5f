/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-health-rules.c: when a looked-after child's health checks fall due, to the day
 */
#include "config.h"

#include <string.h>

#include "trellis-core.h"

static const TrellisHealthIntervals usual = TRELLIS_HEALTH_INTERVALS_INIT;

/* YYYY-MM-DD, or NULL */
static GDateTime *
day (const char *iso)
{
  return iso != NULL ? trellis_date_from_iso (iso) : NULL;
}

static void
assert_due (const TrellisHealthIntervals *intervals,
            TrellisHealthCheck            check,
            const char                   *born,
            const char                   *admitted,
            const char                   *last,
            const char                   *expected)
{
  g_autoptr(GDateTime) dob = day (born);
  g_autoptr(GDateTime) in = day (admitted);
  g_autoptr(GDateTime) on = day (last);
  g_autoptr(GDateTime) due = trellis_health_next_due (intervals, check, dob, in, on);
  g_autofree char *got = due != NULL ? trellis_date_to_iso (due) : NULL;

  g_assert_cmpstr (got, ==, expected);
}

/* Six months before the fifth birthday, twelve from it: by the age on the day of the last
 * assessment. */
static void
test_assessment (void)
{
  /* born 10 March 2022: five on 10 March 2027 */
  assert_due (&usual, TRELLIS_HEALTH_CHECK_ASSESSMENT, "2022-03-10", "2024-01-15",
              "2026-09-09", "2027-03-09");
  assert_due (&usual, TRELLIS_HEALTH_CHECK_ASSESSMENT, "2022-03-10", "2024-01-15",
              "2027-03-09", "2027-09-09");   /* the day before the birthday: still four */
  assert_due (&usual, TRELLIS_HEALTH_CHECK_ASSESSMENT, "2022-03-10", "2024-01-15",
              "2027-03-10", "2028-03-10");   /* on the birthday: five */
  assert_due (&usual, TRELLIS_HEALTH_CHECK_ASSESSMENT, "2012-05-03", "2024-09-02",
              "2025-11-30", "2026-11-30");
  /* born on 29 February: five on 1 March 2025, as the law of England reads it */
  assert_due (&usual, TRELLIS_HEALTH_CHECK_ASSESSMENT, "2020-02-29", NULL,
              "2025-02-28", "2025-08-28");
  assert_due (&usual, TRELLIS_HEALTH_CHECK_ASSESSMENT, "2020-02-29", NULL,
              "2025-03-01", "2026-03-01");
}

/* Calendar months; a day past the month's end falls on its last day. */
static void
test_dental_and_sight (void)
{
  assert_due (&usual, TRELLIS_HEALTH_CHECK_DENTAL, "2012-05-03", NULL, "2026-08-31",
              "2027-02-28");
  assert_due (&usual, TRELLIS_HEALTH_CHECK_DENTAL, "2012-05-03", NULL, "2027-08-31",
              "2028-02-29");                   /* a leap year */
  assert_due (&usual, TRELLIS_HEALTH_CHECK_DENTAL, "2012-05-03", NULL, "2026-01-15",
              "2026-07-15");
  assert_due (&usual, TRELLIS_HEALTH_CHECK_SIGHT, "2012-05-03", NULL, "2026-01-15",
              "2027-01-15");
  assert_due (&usual, TRELLIS_HEALTH_CHECK_SIGHT, "2012-05-03", NULL, "2024-02-29",
              "2025-02-28");
}

/* Never recorded: due on admission (at once, for a child placed already), or from birth
 * when the admission date is not known; nothing known, nothing due. */
static void
test_never_recorded (void)
{
  assert_due (&usual, TRELLIS_HEALTH_CHECK_ASSESSMENT, "2012-05-03", "2024-09-02", NULL,
              "2024-09-02");
  assert_due (&usual, TRELLIS_HEALTH_CHECK_SIGHT, "2012-05-03", NULL, NULL, "2012-05-03");
  assert_due (&usual, TRELLIS_HEALTH_CHECK_DENTAL, NULL, NULL, NULL, NULL);
}

/* A home's own intervals, checked before they are kept. */
static void
test_home_intervals (void)
{
  TrellisHealthIntervals home = usual;
  g_autoptr(GError) error = NULL;

  home.dental = 3;
  home.assessment_from_5 = 6;
  g_assert_true (trellis_health_intervals_check (&home, &error));
  assert_due (&home, TRELLIS_HEALTH_CHECK_DENTAL, "2012-05-03", NULL, "2026-11-30",
              "2027-02-28");
  assert_due (&home, TRELLIS_HEALTH_CHECK_ASSESSMENT, "2012-05-03", NULL, "2026-11-30",
              "2027-05-30");

  home.sight = 0;
  g_assert_false (trellis_health_intervals_check (&home, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sight test"));
  g_clear_error (&error);
  home.sight = 37;
  g_assert_false (trellis_health_intervals_check (&home, &error));
  g_assert_nonnull (strstr (error->message, "not 37"));
}

/* Overdue the day after; soon from 28 days before to the day itself. */
static void
test_due_state (void)
{
  g_autoptr(GDateTime) due = day ("2026-12-21");
  static const struct { const char *today; TrellisDueState state; } cases[] = {
    { "2026-11-22", TRELLIS_DUE_LATER },
    { "2026-11-23", TRELLIS_DUE_SOON },      /* 28 days before */
    { "2026-12-21", TRELLIS_DUE_SOON },      /* the day itself */
    { "2026-12-22", TRELLIS_DUE_OVERDUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) today = day (cases[i].today);
      g_assert_cmpint (trellis_due_state (due, today), ==, cases[i].state);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/health-rules/assessment", test_assessment);
  g_test_add_func ("/health-rules/dental-and-sight", test_dental_and_sight);
  g_test_add_func ("/health-rules/never-recorded", test_never_recorded);
  g_test_add_func ("/health-rules/home-intervals", test_home_intervals);
  g_test_add_func ("/health-rules/due-state", test_due_state);

  return g_test_run ();
}
