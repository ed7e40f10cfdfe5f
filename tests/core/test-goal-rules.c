/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-goal-rules.c: goal ratings and reviews, to the day; incidents counted per month; the
 * time of an incident as people write it
 */
#include "config.h"

#include <string.h>

#include "trellis-core.h"

static GDateTime *
day (int y, int m, int d)
{
  return trellis_date_new (y, m, d);
}

static void
test_review_state (void)
{
  g_autoptr (GDateTime) review = day (2026, 12, 1);
  struct
  {
    int             y, m, d;
    TrellisDueState state;
  } cases[] = {
    { 2026, 11, 16, TRELLIS_DUE_LATER },  /* 15 days before */
    { 2026, 11, 17, TRELLIS_DUE_SOON },   /* 14 days before */
    { 2026, 12, 1, TRELLIS_DUE_SOON },    /* the day itself */
    { 2026, 12, 2, TRELLIS_DUE_OVERDUE }, /* the day after */
    { 2027, 3, 1, TRELLIS_DUE_OVERDUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) today = day (cases[i].y, cases[i].m, cases[i].d);

      g_assert_cmpint (trellis_goal_review_state (review, today), ==, cases[i].state);
    }
}

static void
test_default_review (void)
{
  g_autoptr (GDateTime) set = day (2026, 11, 30);
  g_autoptr (GDateTime) review = trellis_goal_default_review (set);
  g_autoptr (GDateTime) expected = day (2027, 2, 28); /* no 30 February: its last day */

  g_assert_true (trellis_date_equal (review, expected));
}

static void
test_ratings_checked (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (trellis_goal_check_range (1, 10, &error));
  g_assert_true (trellis_goal_check_range (3, 4, &error));
  g_assert_false (trellis_goal_check_range (0, 5, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "baseline must be from 1 to 10, not 0"));
  g_clear_error (&error);
  g_assert_false (trellis_goal_check_range (5, 11, &error));
  g_assert_nonnull (strstr (error->message, "target must be from 1 to 10, not 11"));
  g_clear_error (&error);
  g_assert_false (trellis_goal_check_range (6, 5, &error));
  g_assert_nonnull (strstr (error->message, "above the baseline (6)"));
  g_clear_error (&error);
  g_assert_true (trellis_goal_check_rating (10, "The rating", &error));
  g_assert_false (trellis_goal_check_rating (11, "The rating", &error));
}

static void
test_describe_progress (void)
{
  const guint      ratings[] = { 3, 5, 6 };
  g_autofree char *none = trellis_goal_describe_progress (ratings, 0, 8);
  g_autofree char *one = trellis_goal_describe_progress (ratings, 1, 8);
  g_autofree char *three = trellis_goal_describe_progress (ratings, 3, 8);

  g_assert_cmpstr (none, ==, "No ratings yet, target 8");
  g_assert_cmpstr (one, ==, "1 rating of 3, target 8");
  g_assert_cmpstr (three, ==, "3 ratings from 3 to 6, target 8");
}

/* Twelve months to November 2026, oldest first; an incident in the month before the first,
 * or after today's month, is not counted; a month with none is there with zeros. */
static void
test_per_month (void)
{
  g_autoptr (GDateTime) today = day (2026, 11, 23);
  g_autoptr (GDateTime) a = day (2025, 11, 30); /* before the twelve months */
  g_autoptr (GDateTime) b = day (2025, 12, 1);  /* the first day of the first */
  g_autoptr (GDateTime) c = day (2026, 11, 1);
  g_autoptr (GDateTime) d = day (2026, 11, 30); /* later in this month: still this month */
  g_autoptr (GDateTime) e = day (2026, 12, 1);  /* next month: not counted */
  g_autoptr (GDateTime) g = day (2026, 2, 28);
  GDateTime                *days[] = { a, b, c, d, e, g, g };
  const TrellisIncidentKind kinds[] = {
    TRELLIS_INCIDENT_MISSING,   TRELLIS_INCIDENT_MISSING, TRELLIS_INCIDENT_BEHAVIOUR,
    TRELLIS_INCIDENT_MISSING,   TRELLIS_INCIDENT_MISSING, TRELLIS_INCIDENT_PHYSICAL_INTERVENTION,
    TRELLIS_INCIDENT_BEHAVIOUR,
  };
  g_autoptr (GArray) months
      = trellis_incidents_per_month (kinds, days, G_N_ELEMENTS (days), today, 12);
  TrellisIncidentMonth *first, *feb, *last;
  guint                 total = 0;

  g_assert_cmpuint (months->len, ==, 12);
  first = &g_array_index (months, TrellisIncidentMonth, 0);
  feb = &g_array_index (months, TrellisIncidentMonth, 2);
  last = &g_array_index (months, TrellisIncidentMonth, 11);
  g_assert_cmpint (first->year, ==, 2025);
  g_assert_cmpint (first->month, ==, 12);
  g_assert_cmpuint (first->count[TRELLIS_INCIDENT_MISSING], ==, 1);
  g_assert_cmpuint (first->total, ==, 1);
  g_assert_cmpint (feb->year, ==, 2026);
  g_assert_cmpint (feb->month, ==, 2);
  g_assert_cmpuint (feb->count[TRELLIS_INCIDENT_PHYSICAL_INTERVENTION], ==, 1);
  g_assert_cmpuint (feb->count[TRELLIS_INCIDENT_BEHAVIOUR], ==, 1);
  g_assert_cmpint (last->year, ==, 2026);
  g_assert_cmpint (last->month, ==, 11);
  g_assert_cmpuint (last->count[TRELLIS_INCIDENT_BEHAVIOUR], ==, 1);
  g_assert_cmpuint (last->count[TRELLIS_INCIDENT_MISSING], ==, 1);
  for (guint i = 0; i < months->len; i++)
    total += g_array_index (months, TrellisIncidentMonth, i).total;
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpuint (g_array_index (months, TrellisIncidentMonth, 5).total, ==, 0);
}

/* A year's turn: January's twelve months start in February of the year before */
static void
test_per_month_year_turn (void)
{
  g_autoptr (GDateTime) today = day (2027, 1, 2);
  g_autoptr (GArray) months = trellis_incidents_per_month (NULL, NULL, 0, today, 12);

  g_assert_cmpint (g_array_index (months, TrellisIncidentMonth, 0).year, ==, 2026);
  g_assert_cmpint (g_array_index (months, TrellisIncidentMonth, 0).month, ==, 2);
  g_assert_cmpint (g_array_index (months, TrellisIncidentMonth, 10).month, ==, 12);
  g_assert_cmpint (g_array_index (months, TrellisIncidentMonth, 11).year, ==, 2027);
  g_assert_cmpint (g_array_index (months, TrellisIncidentMonth, 11).month, ==, 1);
}

static void
test_parse_time (void)
{
  struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "21:30", "21:30" }, { "9:05", "09:05" }, { " 21.05 ", "21:05" }, { "00:00", "00:00" },
    { "23:59", "23:59" }, { "24:00", NULL },   { "12:60", NULL },      { "21.5", NULL },
    { "", NULL },         { "noon", NULL },    { "123:00", NULL },     { "12:000", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *time = trellis_incident_parse_time (cases[i].text, &error);

      g_assert_cmpstr (time, ==, cases[i].expected);
      if (cases[i].expected == NULL)
        g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/goal-rules/review-state", test_review_state);
  g_test_add_func ("/goal-rules/default-review", test_default_review);
  g_test_add_func ("/goal-rules/ratings-checked", test_ratings_checked);
  g_test_add_func ("/goal-rules/describe-progress", test_describe_progress);
  g_test_add_func ("/incident-rules/per-month", test_per_month);
  g_test_add_func ("/incident-rules/per-month-year-turn", test_per_month_year_turn);
  g_test_add_func ("/incident-rules/parse-time", test_parse_time);

  return g_test_run ();
}
