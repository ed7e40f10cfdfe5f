/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-dates.c: reading dates as care workers write them, ages, and the child's rules
 */
#include "config.h"

#include "trellis-core.h"

static void
assert_parses (const char *text,
               const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = trellis_date_parse (text, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = trellis_date_to_iso (date);
  g_assert_cmpstr (got, ==, iso);
}

static void
assert_refused (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = trellis_date_parse (text, &error);

  g_assert_null (date);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
}

static void
test_parse (void)
{
  assert_parses ("2012-03-14", "2012-03-14");
  assert_parses ("14/03/2012", "2012-03-14");
  assert_parses (" 14.3.2012 ", "2012-03-14");
  assert_parses ("14-03-2012", "2012-03-14");
  assert_parses ("14 March 2012", "2012-03-14");
  assert_parses ("14 mar 2012", "2012-03-14");
  assert_parses ("1 September 2022", "2022-09-01");
  assert_parses ("29/02/2024", "2024-02-29");
  assert_refused ("");
  assert_refused ("31/02/2012");
  assert_refused ("29/02/2023");
  assert_refused ("14/03/12");
  assert_refused ("yesterday");
  assert_refused ("14 Marchember 2012");
  assert_refused ("2012-13-01");
}

static void
test_format_and_age (void)
{
  g_autoptr(GDateTime) dob = trellis_date_new (2012, 3, 14);
  g_autoptr(GDateTime) before = trellis_date_new (2026, 3, 13);
  g_autoptr(GDateTime) on = trellis_date_new (2026, 3, 14);
  g_autoptr(GDateTime) leap = trellis_date_new (2008, 2, 29);
  g_autoptr(GDateTime) feb28 = trellis_date_new (2026, 2, 28);
  g_autofree char *text = trellis_date_format (dob);

  g_assert_cmpstr (text, ==, "14 March 2012");
  g_assert_cmpint (trellis_date_age (dob, before), ==, 13);
  g_assert_cmpint (trellis_date_age (dob, on), ==, 14);
  g_assert_cmpint (trellis_date_age (leap, feb28), ==, 17);
  g_assert_null (trellis_date_new (2023, 2, 29));
  g_assert_cmpint (trellis_date_compare (dob, NULL), <, 0);
}

static void
test_child_rules (void)
{
  g_autoptr(TrellisChild) child = trellis_child_new ();
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GDateTime) dob = trellis_date_new (2012, 3, 14);
  g_autoptr(GDateTime) admitted = trellis_date_new (2025, 1, 6);
  g_autoptr(GDateTime) early = trellis_date_new (2024, 1, 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *display = NULL;

  problems = trellis_child_check (child, today);
  g_assert_cmpuint (problems->len, ==, 3); /* given name, family name, date of birth */
  g_clear_pointer (&problems, g_ptr_array_unref);

  trellis_child_set_given_name (child, "  Charlotte ");
  trellis_child_set_family_name (child, "Smith");
  trellis_child_set_preferred_name (child, "Lottie");
  trellis_child_set_date_of_birth (child, dob);
  trellis_child_set_admission_date (child, admitted);
  g_assert_cmpstr (trellis_child_get_given_name (child), ==, "Charlotte");
  display = trellis_child_dup_display_name (child);
  g_assert_cmpstr (display, ==, "Lottie Smith");
  g_assert_true (trellis_child_validate (child, today, NULL));
  g_assert_true (trellis_child_is_placed (child, today));

  trellis_child_set_leaving_date (child, early);
  problems = trellis_child_check (child, today);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((TrellisProblem *) problems->pdata[0])->field, ==, "leaving-date");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/parse", test_parse);
  g_test_add_func ("/dates/format-and-age", test_format_and_age);
  g_test_add_func ("/dates/child-rules", test_child_rules);

  return g_test_run ();
}
