/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-demo.c: the demo generator makes the same home from the same seed
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "store-home.h"
#include "trellis-core.h"

/* Every child's details and Link Worker history, as one string to compare. */
static char *
describe_home (guint    n,
               guint32  seed)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_autoptr(GDateTime) today = trellis_date_new (2026, 3, 1);
  g_autoptr(TrellisStaff) manager = NULL;
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(TrellisHome) home = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (trellis_demo_generate (store, n, seed, today, &error));
  g_assert_no_error (error);

  home = trellis_store_get_home (store, NULL);
  g_assert_true (trellis_home_get_is_demo (home));
  manager = trellis_store_lookup_staff (store, "manager", &error);
  g_assert_no_error (error);
  list = trellis_store_list_children (store, manager);
  trellis_child_list_set_include_former (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisChild) c = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(GListModel) history = trellis_store_list_assignments (store, manager,
                                                                     trellis_child_get_id (c), NULL);
      g_autofree char *dob = trellis_date_to_iso (trellis_child_get_date_of_birth (c));
      g_autoptr(GDateTime) check_day = trellis_date_new (2026, 3, 1);

      g_assert_true (trellis_child_validate (c, check_day, NULL));
      g_assert_cmpuint (g_list_model_get_n_items (history), >=, 1);
      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%u\n", trellis_child_get_given_name (c),
                              trellis_child_get_family_name (c),
                              trellis_child_get_preferred_name (c), dob,
                              trellis_child_get_first_language (c),
                              trellis_child_get_link_worker_name (c),
                              g_list_model_get_n_items (history));
    }

  /* the demo accounts exist */
  for (guint i = 0; i < 5; i++)
    {
      const char *names[] = { "admin", "manager", "staff1", "staff2", "visitor" };
      g_autoptr(TrellisStaff) s = trellis_store_lookup_staff (store, names[i], &error);
      g_assert_no_error (error);
    }

  return g_string_free (out, FALSE);
}

static void
test_deterministic (void)
{
  g_autofree char *a = describe_home (40, 11);
  g_autofree char *b = describe_home (40, 11);
  g_autofree char *c = describe_home (40, 12);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

static void
test_cultures (void)
{
  g_autofree char *home = describe_home (120, 5);
  const char *languages[] = { "English", "Arabic", "Somali", "Polish", "Bengali" };
  gboolean arabic_script = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_assert_nonnull (strstr (home, languages[i]));
  for (const char *p = home; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      arabic_script = TRUE;
  g_assert_true (arabic_script);
}

/* Children who have left had their Link Worker until the day they left: no assignment of
 * theirs is still open in the database, and the last one ends on the leaving date. */
static void
test_left_children_have_no_open_assignment (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_autoptr(GDateTime) today = trellis_date_new (2026, 3, 1);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n_left = 0, n_open = 0, n_ending_elsewhere = 0;

  g_assert_true (trellis_demo_generate (store, 120, 5, today, &error));
  g_assert_no_error (error);

  g_assert_cmpint (store_open_raw (path, &db, SQLITE_OPEN_READONLY), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*), "
                                       "sum((SELECT count(*) FROM link_worker_assignment a "
                                       "WHERE a.child_id = c.id AND a.end_date IS NULL)), "
                                       "sum((SELECT a.end_date FROM link_worker_assignment a "
                                       "WHERE a.child_id = c.id ORDER BY a.start_date DESC, "
                                       "a.id DESC LIMIT 1) IS NOT c.leaving_date) "
                                       "FROM child c WHERE c.leaving_date IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n_left = sqlite3_column_int (stmt, 0);
  n_open = sqlite3_column_int (stmt, 1);
  n_ending_elsewhere = sqlite3_column_int (stmt, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_cmpint (n_left, >, 0);
  g_assert_cmpint (n_open, ==, 0);
  g_assert_cmpint (n_ending_elsewhere, ==, 0);
}

/* Every child has a network: a social worker and an IRO each, families in several languages
 * with interpreters for some, the contact arrangements a home works with, and consent. */
static void
test_people (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_autoptr(GDateTime) today = trellis_date_new (2026, 3, 1);
  const char *languages[] = { "Arabic", "Somali", "Polish", "Bengali", "Urdu", "Portuguese" };

  g_assert_true (trellis_demo_generate (store, 60, 5, today, &error));
  g_assert_no_error (error);
#define COUNT(sql) store_count_rows (path, sql)
  g_assert_cmpint (COUNT ("SELECT count(*) FROM child c WHERE (SELECT count(*) FROM person_version "
                          "v WHERE v.child_id = c.id AND v.relationship = 'social-worker') != 1 "
                          "OR (SELECT count(*) FROM person_version v WHERE v.child_id = c.id "
                          "AND v.relationship = 'iro') != 1"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM person_version WHERE "
                                              "language = '%s' AND interpreter = 1",
                                              languages[i]);
      g_test_message ("%s", languages[i]);
      g_assert_cmpint (COUNT (sql), >, 0);
    }
  g_assert_cmpint (COUNT ("SELECT count(*) FROM person_version WHERE restriction = "
                          "'supervised'"), >, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM person_version WHERE restriction = "
                          "'no-contact'"), >, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM person_version WHERE restriction = "
                          "'address-withheld'"), >, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM consent WHERE decision = 'given'"), >, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM consent WHERE decision = 'refused'"), >, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM consent WHERE decision = 'without' AND "
                          "reason != ''"), >, 0);
#undef COUNT
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/cultures", test_cultures);
  g_test_add_func ("/demo/people", test_people);
  g_test_add_func ("/demo/left-children-have-no-open-assignment",
                   test_left_children_have_no_open_assignment);

  return g_test_run ();
}
