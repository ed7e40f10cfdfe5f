/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-education-rules.c: attendance as a percentage and persistent absence (below 90 %),
 * school terms, and the year group for a child's age
 */
#include "config.h"

#include "trellis-core.h"

static void
test_attendance_percent (void)
{
  g_assert_cmpfloat_with_epsilon (trellis_attendance_percent (150, 150), 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (trellis_attendance_percent (150, 135), 90.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (trellis_attendance_percent (120, 107), 89.1666666, 1e-6);
  g_assert_cmpfloat_with_epsilon (trellis_attendance_percent (0, 0), 0.0, 1e-9);
}

/* Below 90 % is persistent absence; exactly 90 % is not. Counted in sessions, so a share a
 * hair under 90 % is still below it, and it never prints as 90.0 %. */
static void
test_persistent_absence (void)
{
  g_autofree char *hair = NULL;
  g_autofree char *exact = NULL;

  g_assert_false (trellis_attendance_is_persistent_absence (150, 135));   /* 90 % */
  g_assert_true (trellis_attendance_is_persistent_absence (150, 134));    /* 89.3 % */
  g_assert_true (trellis_attendance_is_persistent_absence (2001, 1800));  /* 89.955 % */
  g_assert_false (trellis_attendance_is_persistent_absence (150, 150));
  g_assert_true (trellis_attendance_is_persistent_absence (10, 0));
  g_assert_false (trellis_attendance_is_persistent_absence (0, 0));       /* nothing to count */
  hair = trellis_attendance_format (2001, 1800);
  g_assert_cmpstr (hair, ==, "89.9 % (1800 of 2001 sessions)");
  exact = trellis_attendance_format (150, 135);
  g_assert_cmpstr (exact, ==, "90.0 % (135 of 150 sessions)");
}

static void
test_attendance_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_attendance_check (150, 150, NULL));
  g_assert_true (trellis_attendance_check (150, 0, NULL));
  g_assert_false (trellis_attendance_check (150, 151, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_attendance_check (0, 0, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_attendance_check (TRELLIS_ATTENDANCE_MAX_SESSIONS + 1, 1, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
}

static void
test_term (void)
{
  const char *good[][2] = {
    { "Autumn 2026", "Autumn 2026" }, { "  spring   2027 ", "Spring 2027" },
    { "SUMMER 2025", "Summer 2025" },
  };
  const char *bad[] = { "", "Winter 2026", "Autumn", "Autumn 26", "Autumn 2026 2", "2026 Autumn" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *term = trellis_school_term_parse (good[i][0], NULL);
      g_assert_cmpstr (term, ==, good[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *term = trellis_school_term_parse (bad[i], &error);
      g_assert_null (term);
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    }
}

static int
year_group (int by, int bm, int bd, int y, int m, int d)
{
  g_autoptr(GDateTime) born = trellis_date_new (by, bm, bd);
  g_autoptr(GDateTime) on = trellis_date_new (y, m, d);

  return trellis_year_group_for_age (born, on);
}

/* The English school year: Reception in the September after the fourth birthday; the year
 * turns on 1 September, and 31 August and 1 September births are a year apart. */
static void
test_year_group (void)
{
  g_assert_cmpint (year_group (2012, 3, 14, 2026, 11, 24), ==, 10);
  g_assert_cmpint (year_group (2012, 3, 14, 2026, 8, 31), ==, 9);
  g_assert_cmpint (year_group (2012, 3, 14, 2026, 9, 1), ==, 10);
  g_assert_cmpint (year_group (2012, 8, 31, 2016, 9, 5), ==, TRELLIS_YEAR_GROUP_RECEPTION);
  g_assert_cmpint (year_group (2012, 9, 1, 2016, 9, 5), ==, -1);
  g_assert_cmpint (year_group (2012, 9, 1, 2017, 9, 5), ==, TRELLIS_YEAR_GROUP_RECEPTION);
  g_assert_cmpint (year_group (2008, 7, 1, 2026, 10, 1), ==, 14);   /* left school */
  {
    g_autofree char *r = trellis_year_group_format (0);
    g_autofree char *y9 = trellis_year_group_format (9);
    g_assert_cmpstr (r, ==, "Reception");
    g_assert_cmpstr (y9, ==, "Year 9");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/education-rules/attendance-percent", test_attendance_percent);
  g_test_add_func ("/education-rules/persistent-absence", test_persistent_absence);
  g_test_add_func ("/education-rules/attendance-check", test_attendance_check);
  g_test_add_func ("/education-rules/term", test_term);
  g_test_add_func ("/education-rules/year-group", test_year_group);

  return g_test_run ();
}
