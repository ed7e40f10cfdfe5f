/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-text.c: the text a care record holds, and what it never holds: bytes that are not
 * UTF-8, invisible and text-direction controls in names, a name of megabytes, a username
 * that looks like another
 */
#include "config.h"

#include "trellis-core.h"

/* The text properties of a child, with the label a message names each by. */
static const struct {
  const char *property;
  const char *label;
} child_text_fields[] = {
  { "given-name", "First name" },
  { "family-name", "Family name" },
  { "preferred-name", "Preferred name" },
  { "gender", "Gender" },
  { "first-language", "First language" },
  { "religion", "Religion" },
  { "placing-authority", "Placing authority" },
};

/* Names from the homes Trellis serves, in the scripts and spellings they are written in. */
static const char *good_names[] = {
  "أميرة",                   /* Arabic */
  "Zoë",                     /* precomposed */
  "Zoe\xcc\x88",             /* e and a combining diaeresis */
  "O'Brien",
  "O’Brien",
  "Nguyễn",
  "Smith-Jones",
  "রহিম",                    /* Bengali */
  "عائشہ",                   /* Urdu */
  "नीलम",                    /* Hindi: vowel signs are combining marks */
  "ਗੁਰਪ੍ਰੀਤ",                /* Punjabi */
  "نرگس‌زاده",               /* Persian, with a zero-width non-joiner */
  "王小明",
  "Łukasz Wójcik",
  "Mary Ann de la Cruz",
};

static TrellisChild *
new_valid_child (void)
{
  TrellisChild *child = trellis_child_new ();
  g_autoptr(GDateTime) dob = trellis_date_new (2012, 3, 14);

  trellis_child_set_given_name (child, "Charlotte");
  trellis_child_set_family_name (child, "Smith");
  trellis_child_set_date_of_birth (child, dob);
  return child;
}

/* The child's problems as "field: message" lines, so a failure shows them all. */
static char *
problems_of (TrellisChild *child)
{
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GPtrArray) problems = trellis_child_check (child, today);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      TrellisProblem *problem = g_ptr_array_index (problems, i);
      g_string_append_printf (text, "%s%s: %s", i > 0 ? "\n" : "", problem->field,
                              problem->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sets one text property of a valid child to @value and returns the one problem it makes,
 * "" for none. */
static char *
problem_with (const char *property,
              const char *value)
{
  g_autoptr(TrellisChild) child = new_valid_child ();

  g_object_set (child, property, value, NULL);
  return problems_of (child);
}

static void
test_child_good_names (void)
{
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);

  for (guint i = 0; i < G_N_ELEMENTS (child_text_fields); i++)
    for (guint j = 0; j < G_N_ELEMENTS (good_names); j++)
      {
        g_autofree char *problems = problem_with (child_text_fields[i].property, good_names[j]);
        g_assert_cmpstr (problems, ==, "");
      }

  /* the longest a name may be, in a script of several bytes a character */
  {
    g_autoptr(GString) long_name = g_string_new (NULL);
    g_autofree char *problems = NULL;

    for (int i = 0; i < 200; i++)
      g_string_append (long_name, "ক");
    problems = problem_with ("family-name", long_name->str);
    g_assert_cmpstr (problems, ==, "");
  }
}

static void
test_child_not_utf8 (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (child_text_fields); i++)
    {
      g_autofree char *problems = problem_with (child_text_fields[i].property, "Char\xfflotte");
      g_autofree char *expected =
        g_strdup_printf ("%s: %s: this is not readable text (it is not UTF-8); type it again",
                         child_text_fields[i].property, child_text_fields[i].label);

      g_assert_cmpstr (problems, ==, expected);
    }

  /* an overlong NUL and a UTF-16 surrogate are not UTF-8 either */
  {
    g_autofree char *nul = problem_with ("given-name", "Ann\xc0\x80");
    g_autofree char *surrogate = problem_with ("given-name", "Ann\xed\xa0\x80");
    g_assert_nonnull (strstr (nul, "not UTF-8"));
    g_assert_nonnull (strstr (surrogate, "not UTF-8"));
  }
}

static void
test_child_too_long (void)
{
  g_autofree char *name_201 = g_strnfill (201, 'a');
  g_autofree char *name_16m = g_strnfill (16 * 1024 * 1024, 'a');
  gint64 start;

  for (guint i = 0; i < G_N_ELEMENTS (child_text_fields); i++)
    {
      g_autofree char *problems = problem_with (child_text_fields[i].property, name_201);
      g_autofree char *expected =
        g_strdup_printf ("%s: %s: use at most 200 characters (this has 201)",
                         child_text_fields[i].property, child_text_fields[i].label);

      g_assert_cmpstr (problems, ==, expected);
    }

  /* a name of 16 MiB is refused, and quickly */
  start = g_get_monotonic_time ();
  {
    g_autoptr(TrellisChild) child = new_valid_child ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);

    trellis_child_set_given_name (child, name_16m);
    g_assert_false (trellis_child_validate (child, today, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "First name: use at most 200 characters (this has 16777216) (given-name)");
  }
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_child_invisible (void)
{
  static const struct {
    const char *value;
    const char *expected;
  } cases[] = {
    { "Ann\tMarie", "First name: remove the tab at character 4" },
    { "Ann\nMarie", "First name: remove the line break at character 4" },
    { "Ann\r\nMarie", "First name: remove the line break at character 4" },
    { "Ann\xe2\x80\xa8Marie", "First name: remove the line break at character 4" },
    { "Ann\x7fMarie", "First name: remove the control character (U+007F) at character 4" },
    { "Ann\xc2\x85Marie", "First name: remove the control character (U+0085) at character 4" },
    { "Ann\x1b[31m", "First name: remove the control character (U+001B) at character 4" },
    /* right-to-left override: "Ann" would show as "nnA" */
    { "\xe2\x80\xae" "Ann",
      "First name: remove the text-direction control (U+202E) at character 1" },
    { "Ann\xe2\x81\xa6", "First name: remove the text-direction control (U+2066) at character 4" },
    { "Ann\xe2\x80\x8f", "First name: remove the text-direction control (U+200F) at character 4" },
    { "An\xe2\x80\x8bn", "First name: remove the invisible character (U+200B) at character 3" },
    { "\xef\xbb\xbf" "Ann", "First name: remove the invisible character (U+FEFF) at character 1" },
    { "An\xc2\xadn", "First name: remove the invisible character (U+00AD) at character 3" },
    { "Ann\xee\x80\x80", "First name: remove the private-use character (U+E000) at character 4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problems = problem_with ("given-name", cases[i].value);
      g_autofree char *expected = g_strdup_printf ("given-name: %s", cases[i].expected);

      g_test_message ("case %u", i);
      g_assert_cmpstr (problems, ==, expected);
    }

  /* every text field, not only names: a religion is printed as a name is */
  for (guint i = 0; i < G_N_ELEMENTS (child_text_fields); i++)
    {
      g_autofree char *problems = problem_with (child_text_fields[i].property, "Church\nof Wales");
      g_autofree char *expected =
        g_strdup_printf ("%s: %s: remove the line break at character 7",
                         child_text_fields[i].property, child_text_fields[i].label);

      g_assert_cmpstr (problems, ==, expected);
    }
}

/* Problems come in the order of the form, each field once, so an editor marks them all. */
static void
test_child_order (void)
{
  g_autoptr(TrellisChild) child = new_valid_child ();
  g_autofree char *problems = NULL;

  trellis_child_set_given_name (child, "Ann\tMarie");
  trellis_child_set_preferred_name (child, "\xff");
  trellis_child_set_religion (child, "Quaker\n");   /* trailing white space is trimmed */
  trellis_child_set_placing_authority (child, "Leeds\x01");
  problems = problems_of (child);
  g_assert_cmpstr (problems, ==,
                   "given-name: First name: remove the tab at character 4\n"
                   "preferred-name: Preferred name: this is not readable text (it is not UTF-8); "
                   "type it again\n"
                   "placing-authority: Placing authority: remove the control character (U+0001) "
                   "at character 6");
}

static void
assert_refused_with (gboolean    ok,
                     GError     *error,
                     const char *message)
{
  g_assert_false (ok);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* Notes are paragraphs: tabs, line breaks and the marks of mixed-direction text are theirs,
 * but not controls that reorder what is shown, and not a novel. */
static void
test_notes (void)
{
  g_autofree char *longest = g_strnfill (TRELLIS_TEXT_NOTES_MAX_CHARS, 'x');
  g_autofree char *too_long = g_strnfill (TRELLIS_TEXT_NOTES_MAX_CHARS + 1, 'x');
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_true (trellis_text_check ("Met at school.\r\n\tTalked about football.\n"
                                     "Said \xe2\x81\xa7أميرة\xe2\x81\xa9 is her friend.",
                                     TRELLIS_TEXT_NOTES, "Notes", NULL));
  g_assert_true (trellis_text_check (longest, TRELLIS_TEXT_NOTES, "Notes", NULL));
  g_assert_true (trellis_text_check (NULL, TRELLIS_TEXT_NOTES, "Notes", NULL));
  g_assert_true (trellis_text_check ("", TRELLIS_TEXT_LINE, "Name", NULL));

  ok = trellis_text_check (too_long, TRELLIS_TEXT_NOTES, "Notes", &error);
  assert_refused_with (ok, error, "Notes: use at most 20000 characters (this has 20001)");
  g_clear_error (&error);

  ok = trellis_text_check ("Paid \xe2\x80\xae" "05£", TRELLIS_TEXT_NOTES, "Notes", &error);
  assert_refused_with (ok, error,
                       "Notes: remove the text-direction control (U+202E) at character 6");
  g_clear_error (&error);

  ok = trellis_text_check ("Bell\a", TRELLIS_TEXT_NOTES, "Notes", &error);
  assert_refused_with (ok, error, "Notes: remove the control character (U+0007) at character 5");
  g_clear_error (&error);

  ok = trellis_text_check ("\xfe", TRELLIS_TEXT_NOTES, "Notes", &error);
  assert_refused_with (ok, error,
                       "Notes: this is not readable text (it is not UTF-8); type it again");
  g_clear_error (&error);

  /* a noncharacter is no text, in notes or anywhere */
  ok = trellis_text_check ("x\xef\xbf\xbe", TRELLIS_TEXT_NOTES, "Notes", &error);
  assert_refused_with (ok, error, "Notes: remove the invisible character (U+FFFE) at character 2");
}

static void
test_usernames (void)
{
  const char *good[] = { "admin", "sam.jones", "sam-jones", "sam_jones", "rkhan2", "7up",
                         "  ann  " /* trimmed, as the store trims it */ };
  static const struct {
    const char *username;
    const char *message;
  } bad[] = {
    { "", "Enter a username with no spaces" },
    { "   ", "Enter a username with no spaces" },
    { "sam jones", "Enter a username with no spaces" },
    { "sam\tjones", "Enter a username with no spaces" },
    /* Cyrillic а beside a Latin "admin" */
    { "\xd0\xb0" "dmin", "Username: character 1, “а” (U+0430), is not allowed: use only "
                          "lower-case letters a to z, digits, “.”, “-” and “_”" },
    { "adm\xc4\xb1n", "Username: character 4, “ı” (U+0131), is not allowed: use only "
                       "lower-case letters a to z, digits, “.”, “-” and “_”" },
    { "zoë", "Username: character 3, “ë” (U+00EB), is not allowed: use only "
            "lower-case letters a to z, digits, “.”, “-” and “_”" },
    { "ad\xe2\x80\x8bmin", "Username: character 3 (U+200B) is not allowed: use only "
                           "lower-case letters a to z, digits, “.”, “-” and “_”" },
    { "\xe2\x80\xae" "nimda", "Username: character 1 (U+202E) is not allowed: use only "
                             "lower-case letters a to z, digits, “.”, “-” and “_”" },
    { "ad\x01min", "Username: character 3 (U+0001) is not allowed: use only "
                   "lower-case letters a to z, digits, “.”, “-” and “_”" },
    { "sam@home", "Username: character 4, “@” (U+0040), is not allowed: use only "
                 "lower-case letters a to z, digits, “.”, “-” and “_”" },
    { "adm\xffin",
      "Username: use only lower-case letters a to z, digits, “.”, “-” and “_”" },
    { "Sam.Jones", "Username: write it in lower case, as “sam.jones”" },
    { "ADMIN", "Username: write it in lower case, as “admin”" },
    { "-rf", "Username: start with a letter or a digit" },
    { ".hidden", "Username: start with a letter or a digit" },
    { "abcdefghijklmnopqrstuvwxyz1234567", "Username: use at most 32 characters (this has 33)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (trellis_staff_check_username (good[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (trellis_staff_check_username ("abcdefghijklmnopqrstuvwxyz123456", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = trellis_staff_check_username (bad[i].username, &error);

      g_test_message ("case %u", i);
      assert_refused_with (ok, error, bad[i].message);
    }
}

static void
test_staff_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (201, 'n');
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (good_names); i++)
    g_assert_true (trellis_staff_check_names ("newbie", good_names[i], NULL));

  /* the name first, then the username: the order of the form */
  ok = trellis_staff_check_names ("Bad User", "  ", &error);
  assert_refused_with (ok, error, "Enter the person’s name");
  g_clear_error (&error);

  ok = trellis_staff_check_names ("bad user", "Nia\nBrown", &error);
  assert_refused_with (ok, error, "Name: remove the line break at character 4");
  g_clear_error (&error);

  ok = trellis_staff_check_names ("newbie", long_name, &error);
  assert_refused_with (ok, error, "Name: use at most 200 characters (this has 201)");
  g_clear_error (&error);

  ok = trellis_staff_check_names ("newbie", "Nia \xc0\xaf", &error);
  assert_refused_with (ok, error,
                       "Name: this is not readable text (it is not UTF-8); type it again");
  g_clear_error (&error);

  ok = trellis_staff_check_names ("\xd0\xb0" "dmin", "Nia Brown", &error);
  g_assert_false (ok);
  g_assert_nonnull (strstr (error->message, "U+0430"));
}

static void
test_home_name (void)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_true (trellis_home_check_name ("Rowan House", NULL));
  g_assert_true (trellis_home_check_name ("دار الأمل", NULL));

  ok = trellis_home_check_name (" ", &error);
  assert_refused_with (ok, error, "Enter the name of the home");
  g_clear_error (&error);

  ok = trellis_home_check_name ("Rowan\tHouse", &error);
  assert_refused_with (ok, error, "Name of the home: remove the tab at character 6");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/child/good-names", test_child_good_names);
  g_test_add_func ("/text/child/not-utf8", test_child_not_utf8);
  g_test_add_func ("/text/child/too-long", test_child_too_long);
  g_test_add_func ("/text/child/invisible", test_child_invisible);
  g_test_add_func ("/text/child/order", test_child_order);
  g_test_add_func ("/text/notes", test_notes);
  g_test_add_func ("/text/usernames", test_usernames);
  g_test_add_func ("/text/staff-names", test_staff_names);
  g_test_add_func ("/text/home-name", test_home_name);

  return g_test_run ();
}
