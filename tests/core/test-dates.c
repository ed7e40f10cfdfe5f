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

/* Refused with exactly this message: an impossible date says what is wrong with it. */
static void
assert_refused_with (const char *text,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = trellis_date_parse (text, &error);

  g_assert_null (date);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
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

/* Written in other orders and with other separators, a real date still reads. */
static void
test_parse_forms (void)
{
  assert_parses ("2012-3-4", "2012-03-04");
  assert_parses ("2012/03/14", "2012-03-14");
  assert_parses ("14 / 03 / 2012", "2012-03-14");
  assert_parses ("14-Mar-2012", "2012-03-14");
  assert_parses ("14 March, 2012", "2012-03-14");
  assert_parses ("14\xc2\xa0March\xc2\xa0" "2012", "2012-03-14"); /* no-break spaces */
  assert_parses ("14 SEPT 2012", "2012-09-14");
  assert_parses ("31/12/1900", "1900-12-31");
  assert_parses ("1/1/2199", "2199-01-01");
}

/* A date that does not exist says which part is wrong, never "write the year in full" about
 * a year written in full. */
static void
test_parse_impossible (void)
{
  assert_refused_with ("2023-02-29", "29 February 2023 does not exist: February 2023 has 28 days");
  assert_refused_with ("29/02/2023", "29 February 2023 does not exist: February 2023 has 28 days");
  assert_refused_with ("29 Feb 1900", "29 February 1900 does not exist: February 1900 has 28 days");
  assert_refused_with ("31/04/2012", "31 April 2012 does not exist: April 2012 has 30 days");
  assert_refused_with ("0/03/2012", "0 March 2012 does not exist: March 2012 has 31 days");
  assert_refused_with ("2012-03-00", "0 March 2012 does not exist: March 2012 has 31 days");
  assert_refused_with ("32 March 2012", "32 March 2012 does not exist: March 2012 has 31 days");
  assert_refused_with ("2012-13-01", "There is no month 13: months go from 1 to 12");
  assert_refused_with ("14/00/2012", "There is no month 0: months go from 1 to 12");
  assert_refused_with ("14 Marchember 2012",
                       "“Marchember” is not a month: write it as March or Mar");
  assert_refused_with ("14/03/12", "Write the year in full, for example 14/03/2012");
  assert_refused_with ("1 1 1", "Write the year in full, for example 14/03/2001");
  assert_refused_with ("14/03/201", "Check the year: write a year from 1900 to 2199");
  assert_refused_with ("0122-03-14", "Check the year: write a year from 1900 to 2199");
  assert_refused_with ("14/03/1899", "Check the year: write a year from 1900 to 2199");
  assert_refused_with ("14/03/2200", "Check the year: write a year from 1900 to 2199");
}

/* Text that is not shaped like a date is refused whole, never read in part. */
static void
test_parse_malformed (void)
{
  const char *malformed[] = {
    "-1/01/2020",       /* was 1 January 2020 */
    "+14/03/2012",
    "14//03/2012",      /* was 14 March 2012 */
    "14/03/2012/",
    "14/03/-2012",
    "14.03.2012.",
    "/14/03/2012",
    "14 - - 03 - 2012",
    ",14,03,2012",
    "14 03 2012 10",
    "14/03/2012 10:00",
    "014/03/2012",
    "14/003/2012",
    "14/03/02012",
    "99999/99/99",
    "2012-03-140",
    "2012 March 14",
    "March 14 2012",
    "14March2012",
    "14 mar",
    "14th March 2012",
    "14 Marchmarchmarchmarchmarch 2012",   /* too long a word to show back as a month */
    "14/03/２０１２",   /* full-width digits */
    " . - , ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) date = trellis_date_parse (malformed[i], &error);
      g_autofree char *expected = g_strdup_printf ("“%s” is not a date: write it as 14/03/2012 "
                                                   "or 14 March 2012", malformed[i]);

      g_test_message ("%s", malformed[i]);
      g_assert_null (date);
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }

  assert_refused_with ("  ", "Enter a date");
}

/* What cannot be shown back is not: bytes that are not text, invisible characters, a
 * screenful of text. */
static void
test_parse_unprintable (void)
{
  g_autofree char *huge = g_strnfill (16 * 1024 * 1024, '1');
  const char *generic = "This is not a date: write it as 14/03/2012 or 14 March 2012";

  assert_refused_with ("14/03/\xff" "2012", generic);
  assert_refused_with ("14\t03\t2012", generic);
  assert_refused_with ("14/03/2012\u202e", generic);
  assert_refused_with ("14 March 2012 and then a great deal more that is not a date", generic);
  assert_refused_with (huge, generic);
}

/* The database's own form is read exactly: no sign, space or short field slips through. */
static void
test_from_iso (void)
{
  const char *not_iso[] = { "+012-03-14", "2012-+3-14", "2012- 3-14", " 2012-3-14", "2012-03-1x",
                            "2012/03/14", "2012-03-14 ", "2023-02-29", "2012-00-10" };
  g_autoptr(GDateTime) date = trellis_date_from_iso ("0122-03-14");
  g_autofree char *iso = trellis_date_to_iso (date);

  g_assert_cmpstr (iso, ==, "0122-03-14");
  for (guint i = 0; i < G_N_ELEMENTS (not_iso); i++)
    {
      g_autoptr(GDateTime) wrong = trellis_date_from_iso (not_iso[i]);
      g_test_message ("%s", not_iso[i]);
      g_assert_null (wrong);
    }
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
  g_test_add_func ("/dates/parse-forms", test_parse_forms);
  g_test_add_func ("/dates/parse-impossible", test_parse_impossible);
  g_test_add_func ("/dates/parse-malformed", test_parse_malformed);
  g_test_add_func ("/dates/parse-unprintable", test_parse_unprintable);
  g_test_add_func ("/dates/from-iso", test_from_iso);
  g_test_add_func ("/dates/format-and-age", test_format_and_age);
  g_test_add_func ("/dates/child-rules", test_child_rules);

  return g_test_run ();
}
