/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store.c: opening, migrations, records and the lazy children list
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-test-utils.h"
#include "trellis-store-private.h"

typedef struct
{
  StoreHome     home;      /* Ada, the Administrator; Mo, a Manager */
  TrellisStaff *visitor;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_home_set_up (&f->home);
  f->visitor = trellis_store_add_staff (f->home.store, f->home.admin, "vi", "Vi Visitor",
                                        TRELLIS_ROLE_VISITOR, NULL, FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->visitor);
  store_home_tear_down (&f->home);
}

static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  struct stat st;
  g_autoptr(TrellisHome) home = trellis_store_get_home (f->home.store, NULL);

  g_assert_cmpuint (trellis_store_get_schema_version (f->home.store), ==,
                    trellis_store_get_latest_version ());
  g_assert_cmpuint (trellis_store_get_latest_version (), >=, 2);
  g_assert_cmpint (g_stat (f->home.path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpstr (trellis_home_get_name (home), ==, "Test House");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open ("/nonexistent/trellis/x.db", 0, &error);

  g_assert_null (store);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
}

static void
test_corrupt_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-corrupt-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "junk.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;
  g_autofree char *junk = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  store = trellis_store_open (path, 0, &error);
  g_assert_null (store);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE);
  g_assert_nonnull (strstr (error->message, "junk.db"));
}

static void
test_too_new (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-new-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (store_open_raw (path, &db, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = trellis_store_open (path, 0, &error);
  g_assert_null (store);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_DATABASE_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
}

/* A database made by every earlier schema, with a record in it, upgrades and keeps it. */
static void
test_migrate_from_each_version (void)
{
  guint latest = trellis_store_get_latest_version ();

  for (guint version = 0; version < latest; version++)
    {
      g_autofree char *dir = g_dir_make_tmp ("trellis-migrate-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisStore) old = trellis_store_open_at_version (path, version, &error);
      g_autoptr(TrellisStore) store = NULL;
      g_autoptr(TrellisStaff) actor = NULL;
      g_autoptr(TrellisChild) child = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (trellis_store_get_schema_version (old), ==, version);
      if (version >= 1)
        {
          /* written with plain SQL, as that version's Trellis would have */
          sqlite3 *db;
          g_assert_cmpint (store_open_raw (path, &db, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db,
                                         "INSERT INTO home (id, name) VALUES (1, 'Old House');"
                                         "INSERT INTO staff (username, display_name, role) "
                                         "VALUES ('boss', 'Bo Boss', 'manager');"
                                         "INSERT INTO child (given_name, family_name, date_of_birth)"
                                         " VALUES ('Zofia', 'Nowak', '2011-02-03');",
                                         NULL, NULL, NULL), ==, SQLITE_OK);
          sqlite3_close (db);
        }
      g_clear_object (&old);

      store = trellis_store_open (path, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trellis_store_get_schema_version (store), ==, latest);
      if (version == 0)
        continue;

      actor = trellis_store_lookup_staff (store, "boss", &error);
      g_assert_no_error (error);
      child = trellis_store_get_child (store, actor, 1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (trellis_child_get_given_name (child), ==, "Zofia");
      g_assert_cmpint (trellis_child_get_version (child), ==, 1);
      /* and the upgraded database takes an edit that keeps a version */
      trellis_child_set_religion (child, "Roman Catholic");
      g_assert_true (trellis_store_update_child (store, actor, child, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (trellis_store_count_child_versions (store, actor, 1, NULL), ==, 1);

      /* the home gets the usual lock time, and a Manager can change it */
      g_assert_cmpuint (trellis_store_get_idle_lock_minutes (store, &error), ==,
                        TRELLIS_IDLE_LOCK_DEFAULT_MINUTES);
      g_assert_no_error (error);
      g_assert_true (trellis_store_set_idle_lock_minutes (store, actor, 15, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (trellis_store_get_idle_lock_minutes (store, NULL), ==, 15);
    }
}

/* One connection per file in a process: the same file, however it is named, is the same
 * store; once nobody holds it, it opens afresh. */
static void
test_one_store_per_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *other_name = g_build_filename (f->home.dir, ".", "home.db", NULL);
  g_autofree char *other_path = g_build_filename (f->home.dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) again = trellis_store_open (other_name, 0, &error);
  g_autoptr(TrellisStore) other = trellis_store_open (other_path, TRELLIS_STORE_OPEN_CREATE,
                                                      &error);
  TrellisStore *weak = NULL;

  g_assert_no_error (error);
  g_assert_true (again == f->home.store);
  g_assert_true (other != f->home.store);
  g_assert_true (trellis_sqlite_has_ofd_locks ());

  g_set_weak_pointer (&weak, other);
  g_clear_object (&other);
  g_assert_null (weak);
  other = trellis_store_open (other_path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_true (other != f->home.store);
}

static int
count_rows (const char *path,
            const char *sql)
{
  return store_count_rows (path, sql);
}

static void
count_home_change (TrellisStore      *store,
                   TrellisRecordKind  kind,
                   gint64             id,
                   guint             *count)
{
  g_assert_cmpint (kind, ==, TRELLIS_RECORD_KIND_HOME);
  (*count)++;
}

/* The lock time is the home's: Managers and Administrators change it, audited; nobody else
 * can, and nobody can turn it off. */
static void
test_idle_lock (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) staff = trellis_store_add_staff (f->home.store, f->home.admin, "sam", "Sam Carter",
                                                           TRELLIS_ROLE_STAFF, NULL, FALSE, NULL);
  const char *value = "SELECT idle_lock_minutes FROM home";
  const char *audited = "SELECT count(*) FROM audit WHERE action = 'change-idle-lock'";
  guint changes = 0;
  TrellisStaff *refused[] = { staff, f->visitor, NULL };

  g_assert_cmpuint (trellis_store_get_idle_lock_minutes (f->home.store, &error), ==, 5);
  g_assert_no_error (error);
  g_signal_connect (f->home.store, "changed::home", G_CALLBACK (count_home_change), &changes);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (trellis_store_set_idle_lock_minutes (f->home.store, refused[i], 60, &error));
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (f->home.path, value), ==, 5);
  g_assert_cmpint (count_rows (f->home.path, audited), ==, 0);

  for (guint minutes = 0; minutes <= 61; minutes += 61)
    {
      g_assert_false (trellis_store_set_idle_lock_minutes (f->home.store, f->home.manager, minutes, &error));
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "1 to 60"));
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (f->home.path, value), ==, 5);
  g_assert_cmpint (count_rows (f->home.path, audited), ==, 0);
  g_assert_cmpuint (changes, ==, 0);

  g_assert_true (trellis_store_set_idle_lock_minutes (f->home.store, f->home.manager, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->home.path, value), ==, 10);
  g_assert_cmpint (count_rows (f->home.path, "SELECT count(*) FROM audit WHERE action = "
                                        "'change-idle-lock' AND detail = '5 → 10' AND staff_id = "
                                        "(SELECT id FROM staff WHERE username = 'mo')"), ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  /* an Administrator owns the home's settings too; the same value again is no change */
  g_assert_true (trellis_store_set_idle_lock_minutes (f->home.store, f->home.admin, 60, &error));
  g_assert_true (trellis_store_set_idle_lock_minutes (f->home.store, f->home.admin, 60, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->home.path, value), ==, 60);
  g_assert_cmpint (count_rows (f->home.path, audited), ==, 2);
  g_assert_cmpuint (trellis_store_get_idle_lock_minutes (f->home.store, NULL), ==, 60);
}

static void
test_add_and_validate (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Amira", "Hassan", "2012-05-03");
  g_autoptr(TrellisChild) bad = trellis_test_make_child ("", "Hassan", "2012-05-03");
  g_autoptr(TrellisChild) future = trellis_test_make_child ("Leo", "Taylor", "2999-01-01");
  g_autoptr(TrellisChild) early = trellis_test_make_child ("Leo", "Taylor", "2012-01-01");
  g_autoptr(TrellisChild) back = NULL;
  g_autoptr(GDateTime) before_birth = trellis_date_from_iso ("2011-12-31");
  gint64 id;

  trellis_child_set_preferred_name (child, "أميرة");
  trellis_child_set_first_language (child, "Arabic");
  trellis_child_set_legal_status (child, TRELLIS_LEGAL_STATUS_CARE_ORDER);
  id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  back = trellis_store_get_child (f->home.store, f->home.manager, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_child_get_preferred_name (back), ==, "أميرة");
  g_assert_cmpstr (trellis_child_get_first_language (back), ==, "Arabic");
  g_assert_cmpint (trellis_child_get_legal_status (back), ==, TRELLIS_LEGAL_STATUS_CARE_ORDER);

  /* refusals change nothing */
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->home.manager, bad, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->home.manager, future, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  trellis_child_set_admission_date (early, before_birth);
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->home.manager, early, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->visitor, child, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_add_child (f->home.store, NULL, child, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  {
    g_autoptr(TrellisChildList) list = trellis_store_list_children (f->home.store, f->home.manager);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  }
}

static void
test_update_keeps_versions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Jakub", "Nowak", "2010-10-10");
  g_autoptr(TrellisChild) stale = NULL;
  g_autoptr(TrellisChild) back = NULL;
  g_autoptr(GDateTime) future = trellis_date_from_iso ("2999-01-01");
  gint64 id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);

  g_assert_no_error (error);
  stale = trellis_child_copy (child);

  trellis_child_set_religion (child, "Roman Catholic");
  g_assert_true (trellis_store_update_child (f->home.store, f->home.manager, child, &error));
  g_assert_cmpint (trellis_child_get_version (child), ==, 2);
  g_assert_cmpuint (trellis_store_count_child_versions (f->home.store, f->home.manager, id, NULL), ==, 1);

  /* saving the same details again makes no new version */
  g_assert_true (trellis_store_update_child (f->home.store, f->home.manager, child, &error));
  g_assert_cmpuint (trellis_store_count_child_versions (f->home.store, f->home.manager, id, NULL), ==, 1);

  /* an editor holding the old version cannot overwrite the newer one */
  trellis_child_set_gender (stale, "Male");
  g_assert_false (trellis_store_update_child (f->home.store, f->home.manager, stale, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
  g_clear_error (&error);

  /* invalid edits are refused whole */
  trellis_child_set_gender (child, "Male");
  trellis_child_set_date_of_birth (child, future);
  g_assert_false (trellis_store_update_child (f->home.store, f->home.manager, child, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  back = trellis_store_get_child (f->home.store, f->home.manager, id, &error);
  g_assert_cmpstr (trellis_child_get_gender (back), ==, "");
  g_assert_cmpstr (trellis_child_get_religion (back), ==, "Roman Catholic");
  g_assert_cmpuint (trellis_store_count_child_versions (f->home.store, f->home.manager, id, NULL), ==, 1);
}

static void
test_link_workers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Hodan", "Ali", "2011-06-01");
  g_autoptr(TrellisStaff) sam = trellis_store_add_staff (f->home.store, f->home.admin, "sam", "Sam Carter",
                                                         TRELLIS_ROLE_STAFF, NULL, FALSE, NULL);
  g_autoptr(TrellisStaff) priya = trellis_store_add_staff (f->home.store, f->home.admin, "priya",
                                                           "Priya Sharma", TRELLIS_ROLE_STAFF,
                                                           NULL, FALSE, NULL);
  g_autoptr(GDateTime) d1 = trellis_date_from_iso ("2025-01-06");
  g_autoptr(GDateTime) d0 = trellis_date_from_iso ("2024-12-01");
  g_autoptr(GDateTime) d2 = trellis_date_from_iso ("2025-09-01");
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TrellisAssignment) first = NULL;
  g_autoptr(TrellisAssignment) second = NULL;
  g_autoptr(TrellisChild) back = NULL;
  gint64 id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);

  g_assert_true (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                   trellis_staff_get_id (sam), d1,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  g_assert_no_error (error);

  /* a change needs a reason and cannot start before the current assignment */
  g_assert_false (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                    trellis_staff_get_id (priya), d2,
                                                    TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                    &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                    trellis_staff_get_id (priya), d0,
                                                    TRELLIS_CHANGE_REASON_STAFF_LEFT, "", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                    trellis_staff_get_id (f->visitor), d2,
                                                    TRELLIS_CHANGE_REASON_STAFF_LEFT, "", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                   trellis_staff_get_id (priya), d2,
                                                   TRELLIS_CHANGE_REASON_STAFF_LEFT,
                                                   "Sam moved to another home", &error));
  g_assert_no_error (error);

  history = trellis_store_list_assignments (f->home.store, f->home.manager, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  first = g_list_model_get_item (history, 0);
  second = g_list_model_get_item (history, 1);
  g_assert_cmpstr (trellis_assignment_get_staff_name (first), ==, "Sam Carter");
  g_assert_true (trellis_date_equal (trellis_assignment_get_end_date (first), d2));
  g_assert_cmpint (trellis_assignment_get_reason (first), ==, TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT);
  g_assert_null (trellis_assignment_get_end_date (second));
  g_assert_cmpint (trellis_assignment_get_reason (second), ==, TRELLIS_CHANGE_REASON_STAFF_LEFT);
  g_assert_cmpstr (trellis_assignment_get_note (second), ==, "Sam moved to another home");

  back = trellis_store_get_child (f->home.store, f->home.manager, id, &error);
  g_assert_cmpstr (trellis_child_get_link_worker_name (back), ==, "Priya Sharma");
}

static void
count_change (TrellisStore      *store,
              TrellisRecordKind  kind,
              gint64             id,
              guint             *count)
{
  if (kind == TRELLIS_RECORD_KIND_CHILD)
    (*count)++;
}

static void
test_lazy_list (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-list-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(TrellisStaff) manager = NULL;
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(TrellisChild) last = NULL;
  g_autoptr(TrellisChild) prev = NULL;
  guint n, changes = 0;

  g_assert_true (trellis_demo_generate (store, 400, 3, today, &error));
  g_assert_no_error (error);
  manager = trellis_store_lookup_staff (store, "manager", &error);
  list = trellis_store_list_children (store, manager);
  trellis_child_list_set_include_former (list, TRUE);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 400);

  /* nothing is read until asked for, then one page at a time */
  g_assert_cmpuint (trellis_child_list_get_n_loaded (list), ==, 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  g_assert_nonnull (last);
  g_assert_cmpuint (trellis_child_list_get_n_loaded (list), ==, n % TRELLIS_CHILD_LIST_PAGE_SIZE ?: TRELLIS_CHILD_LIST_PAGE_SIZE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  /* sorted by name */
  for (guint i = 0; i < n; i += 37)
    {
      g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      if (prev != NULL)
        {
          const char *pa = *trellis_child_get_preferred_name (prev) ? trellis_child_get_preferred_name (prev) : trellis_child_get_given_name (prev);
          const char *pb = *trellis_child_get_preferred_name (child) ? trellis_child_get_preferred_name (child) : trellis_child_get_given_name (child);
          a = g_ascii_strdown (pa, -1);
          b = g_ascii_strdown (pb, -1);
          g_assert_cmpint (strcmp (a, b), <=, 0);
        }
      g_set_object (&prev, child);
    }

  /* search runs in SQL, case and accents folded */
  trellis_child_list_set_search (list, trellis_child_get_family_name (last));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, n);
  trellis_child_list_set_search (list, "definitely-nobody");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  trellis_child_list_set_search (list, NULL);

  /* a change is announced after commit and the list refreshes that row */
  g_signal_connect (store, "changed", G_CALLBACK (count_change), &changes);
  {
    /* two rows in one transaction: one "several rows" signal for the table, after commit */
    g_autoptr(TrellisChild) a = trellis_test_make_child ("Ewa", "Nowak", "2012-02-02");
    g_autoptr(TrellisChild) b = trellis_test_make_child ("Jan", "Nowak", "2012-03-03");
    guint before = g_list_model_get_n_items (G_LIST_MODEL (list));

    g_assert_true (trellis_store_begin (store, &error));
    trellis_store_add_child (store, manager, a, &error);
    trellis_store_add_child (store, manager, b, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (changes, ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before);
    g_assert_true (trellis_store_commit (store, &error));
    g_assert_cmpuint (changes, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 2);
    changes = 0;
  }
  {
    g_autoptr(TrellisChild) edit = trellis_child_copy (last);
    guint position = trellis_child_list_find (list, trellis_child_get_id (last));
    g_autoptr(TrellisChild) again = NULL;

    trellis_child_set_religion (edit, "Changed religion");
    g_assert_true (trellis_store_update_child (store, manager, edit, &error));
    g_assert_cmpuint (changes, ==, 1);
    again = g_list_model_get_item (G_LIST_MODEL (list), position);
    g_assert_cmpstr (trellis_child_get_religion (again), ==, "Changed religion");
  }
}

static void
test_search_folding (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TrellisChild) lucja = trellis_test_make_child ("Łucja", "Wiśniewska", "2013-04-04");
  g_autoptr(TrellisChildList) list = NULL;

  trellis_store_add_child (f->home.store, f->home.manager, lucja, NULL);
  list = trellis_store_list_children (f->home.store, f->home.manager);

  trellis_child_list_set_search (list, "lucja wisniewska");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  trellis_child_list_set_search (list, "ŁUCJA");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  trellis_child_list_set_search (list, "50%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  /* what is typed is never read as full-text query syntax */
  trellis_child_list_set_search (list, "wis\" OR \"");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  trellis_child_list_set_search (list, "niew");   /* the middle of a word */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* The full-text index follows the child table: a renamed child is found by the new name
 * and no longer by the old one. */
static void
test_search_follows_changes (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Zofia", "Brzezinska", "2012-02-02");
  g_autoptr(TrellisChild) stored = NULL;
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_add_child (f->home.store, f->home.manager, child, NULL);

  list = trellis_store_list_children (f->home.store, f->home.manager);
  trellis_child_list_set_search (list, "brzez");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  stored = trellis_store_get_child (f->home.store, f->home.manager, id, &error);
  g_assert_no_error (error);
  trellis_child_set_family_name (stored, "Kowalczyk");
  g_assert_true (trellis_store_update_child (f->home.store, f->home.manager, stored, &error));
  g_assert_no_error (error);

  trellis_child_list_set_search (list, NULL);
  trellis_child_list_set_search (list, "brzez");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  trellis_child_list_set_search (list, "kowalc");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_visitor_reads (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Omar", "Haddad", "2010-01-01");
  g_autoptr(TrellisChild) seen = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_add_child (f->home.store, f->home.manager, child, NULL);

  seen = trellis_store_get_child (f->home.store, f->visitor, id, &error);
  g_assert_no_error (error);
  trellis_child_set_gender (seen, "Male");
  g_assert_false (trellis_store_update_child (f->home.store, f->visitor, seen, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
}

/* Wrong records are refused in the store, not just hidden in the dialog: a Link Worker who
 * is an Administrator, a start in the future or before the child came, and nothing changes. */
static void
test_link_worker_refusals (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Hodan", "Ali", "2011-06-01");
  g_autoptr(TrellisStaff) sam = trellis_store_add_staff (f->home.store, f->home.admin, "sam", "Sam Carter",
                                                         TRELLIS_ROLE_STAFF, NULL, FALSE, NULL);
  g_autoptr(GDateTime) admitted = trellis_date_from_iso ("2025-01-06");
  g_autoptr(GDateTime) before = trellis_date_from_iso ("2025-01-05");
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  g_autoptr(GListModel) history = NULL;
  gint64 id;

  trellis_child_set_admission_date (child, admitted);
  id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);
  g_assert_no_error (error);

  g_assert_false (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                    trellis_staff_get_id (f->home.admin), admitted,
                                                    TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                    &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                    trellis_staff_get_id (sam), tomorrow,
                                                    TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                    &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);
  g_assert_false (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                    trellis_staff_get_id (sam), before,
                                                    TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                    &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  history = trellis_store_list_assignments (f->home.store, f->home.manager, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 0);

  g_assert_true (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                   trellis_staff_get_id (sam), admitted,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  g_assert_no_error (error);
}

/* Refreshing what is on screen reads without auditing; a deliberate opening is one view. */
static void
test_view_is_audited_once (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Omar", "Haddad", "2010-01-01");
  g_autoptr(TrellisChild) read = NULL;
  g_autoptr(TrellisChild) viewed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_add_child (f->home.store, f->home.manager, child, NULL);

  read = trellis_store_get_child (f->home.store, f->visitor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_test_count_views (f->home.store, f->home.manager, id), ==, 0);

  viewed = trellis_store_view_child (f->home.store, f->visitor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_child_get_given_name (viewed), ==, "Omar");
  g_assert_cmpuint (trellis_test_count_views (f->home.store, f->home.manager, id), ==, 1);
}

/* What the database holds for a child's assignments, oldest first: "staff:start:end|…", with
 * "open" for an end that is not recorded. Read with sqlite3, not through the store. */
static char *
raw_assignments (Fixture *f,
                 gint64   child_id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (store_open_raw (f->home.path, &db, SQLITE_OPEN_READONLY), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT s.username, a.start_date, "
                                           "coalesce(a.end_date, 'open') "
                                           "FROM link_worker_assignment a "
                                           "JOIN staff s ON s.id = a.staff_id "
                                           "WHERE a.child_id = ?1 ORDER BY a.start_date, a.id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, child_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s:%s:%s", out->len > 0 ? "|" : "",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
raw_exec (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (store_open_raw (f->home.path, &db, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The detail of the newest audit row about the child. */
static char *
newest_detail (Fixture    *f,
               gint64      child_id,
               const char *action)
{
  g_autoptr(GListModel) trail = trellis_store_list_audit (f->home.store, f->home.manager, child_id, NULL,
                                                          1000, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (trail); i++)
    {
      g_autoptr(TrellisAuditEntry) entry = g_list_model_get_item (trail, i);
      if (g_str_equal (trellis_audit_entry_get_action (entry), action))
        return g_strdup (trellis_audit_entry_get_detail (entry));
    }
  return NULL;
}

static gboolean
set_leaving_date (Fixture     *f,
                  gint64       child_id,
                  const char  *iso,
                  GError     **error)
{
  g_autoptr(TrellisChild) child = trellis_store_get_child (f->home.store, f->home.manager, child_id, NULL);
  g_autoptr(GDateTime) date = iso != NULL ? trellis_date_from_iso (iso) : NULL;

  g_assert_nonnull (child);
  trellis_child_set_leaving_date (child, date);
  return trellis_store_update_child (f->home.store, f->home.manager, child, error);
}

/* A child admitted on 6 January 2025 with Sam, then Priya from 3 March 2025. */
static gint64
add_child_with_two_link_workers (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Hodan", "Ali", "2011-06-01");
  g_autoptr(TrellisStaff) sam = trellis_store_add_staff (f->home.store, f->home.admin, "sam", "Sam Carter",
                                                         TRELLIS_ROLE_STAFF, NULL, FALSE, NULL);
  g_autoptr(TrellisStaff) priya = trellis_store_add_staff (f->home.store, f->home.admin, "priya",
                                                           "Priya Sharma", TRELLIS_ROLE_STAFF,
                                                           NULL, FALSE, NULL);
  g_autoptr(GDateTime) admitted = trellis_date_from_iso ("2025-01-06");
  g_autoptr(GDateTime) changed = trellis_date_from_iso ("2025-03-03");
  gint64 id;

  trellis_child_set_admission_date (child, admitted);
  id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                   trellis_staff_get_id (sam), admitted,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                   trellis_staff_get_id (priya), changed,
                                                   TRELLIS_CHANGE_REASON_CHILD_REQUEST, "",
                                                   &error));
  g_assert_no_error (error);
  return id;
}

/* Saving a leaving date ends the open assignment on that day, in the same transaction as
 * the edit and named in its audit row; moving the date moves the end; a date before the
 * Link Worker started is refused and changes nothing; removing it gives the child their
 * Link Worker back. */
static void
test_leaving_ends_link_worker (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) back = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TrellisAssignment) latest = NULL;
  g_autoptr(GDateTime) july = trellis_date_from_iso ("2025-07-15");
  g_autoptr(GDateTime) may = trellis_date_from_iso ("2025-05-01");
  g_autoptr(GDateTime) after = trellis_date_from_iso ("2025-07-16");
  g_autoptr(TrellisStaff) nia = trellis_store_add_staff (f->home.store, f->home.admin, "nia", "Nia Brown",
                                                         TRELLIS_ROLE_STAFF, NULL, FALSE, NULL);
  g_autofree char *raw = NULL;
  g_autofree char *detail = NULL;
  gint64 id = add_child_with_two_link_workers (f);
  guint versions;
  int version;

  g_assert_true (set_leaving_date (f, id, "2025-06-30", &error));
  g_assert_no_error (error);
  raw = raw_assignments (f, id);
  g_assert_cmpstr (raw, ==, "sam:2025-01-06:2025-03-03|priya:2025-03-03:2025-06-30");
  detail = newest_detail (f, id, "edit-child");
  g_assert_cmpstr (detail, ==, "leaving-date,link-worker-ended");
  {
    /* in words, and found by them */
    g_autoptr(GListModel) found = trellis_store_list_audit (f->home.store, f->home.manager, id,
                                                            "until the leaving date", 10, NULL);
    g_autoptr(TrellisAuditEntry) entry = NULL;
    g_autofree char *words = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    entry = g_list_model_get_item (found, 0);
    words = trellis_audit_entry_dup_detail_label (entry);
    g_assert_cmpstr (words, ==, "Leaving date, Link Worker until the leaving date");
  }
  back = trellis_store_get_child (f->home.store, f->home.manager, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_child_get_link_worker_name (back), ==, "Priya Sharma");

  /* a corrected leaving date moves the end with it */
  g_assert_true (set_leaving_date (f, id, "2025-07-15", &error));
  g_assert_no_error (error);
  g_clear_pointer (&raw, g_free);
  raw = raw_assignments (f, id);
  g_assert_cmpstr (raw, ==, "sam:2025-01-06:2025-03-03|priya:2025-03-03:2025-07-15");

  /* before Priya started: refused, saying so, and nothing is written */
  g_clear_object (&back);
  back = trellis_store_get_child (f->home.store, f->home.manager, id, NULL);
  version = trellis_child_get_version (back);
  versions = trellis_store_count_child_versions (f->home.store, f->home.manager, id, NULL);
  g_assert_false (set_leaving_date (f, id, "2025-02-01", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "leaving date"));
  g_assert_nonnull (strstr (error->message, "Priya Sharma"));
  g_assert_nonnull (strstr (error->message, "3 March 2025"));
  g_clear_error (&error);
  g_clear_pointer (&raw, g_free);
  raw = raw_assignments (f, id);
  g_assert_cmpstr (raw, ==, "sam:2025-01-06:2025-03-03|priya:2025-03-03:2025-07-15");
  g_clear_object (&back);
  back = trellis_store_get_child (f->home.store, f->home.manager, id, NULL);
  g_assert_cmpint (trellis_child_get_version (back), ==, version);
  g_assert_true (trellis_date_equal (trellis_child_get_leaving_date (back), july));
  g_assert_cmpuint (trellis_store_count_child_versions (f->home.store, f->home.manager, id, NULL), ==,
                    versions);

  /* a Link Worker recorded afterwards for the time the child still lived here runs until the
   * leaving date too; one after it is refused */
  g_assert_false (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                    trellis_staff_get_id (nia), after,
                                                    TRELLIS_CHANGE_REASON_MANAGER_DECISION, "",
                                                    &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                   trellis_staff_get_id (nia), may,
                                                   TRELLIS_CHANGE_REASON_MANAGER_DECISION, "",
                                                   &error));
  g_assert_no_error (error);
  g_clear_pointer (&raw, g_free);
  raw = raw_assignments (f, id);
  g_assert_cmpstr (raw, ==, "sam:2025-01-06:2025-03-03|priya:2025-03-03:2025-05-01|"
                            "nia:2025-05-01:2025-07-15");
  history = trellis_store_list_assignments (f->home.store, f->home.manager, id, &error);
  latest = g_list_model_get_item (history, 2);
  g_assert_cmpstr (trellis_assignment_get_staff_name (latest), ==, "Nia Brown");
  g_assert_true (trellis_date_equal (trellis_assignment_get_end_date (latest), july));

  /* the leaving date removed (entered by mistake): the last Link Worker is the child's again */
  g_assert_true (set_leaving_date (f, id, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&raw, g_free);
  raw = raw_assignments (f, id);
  g_assert_cmpstr (raw, ==, "sam:2025-01-06:2025-03-03|priya:2025-03-03:2025-05-01|"
                            "nia:2025-05-01:open");
  g_clear_pointer (&detail, g_free);
  detail = newest_detail (f, id, "edit-child");
  g_assert_cmpstr (detail, ==, "leaving-date,link-worker-resumed");
  g_clear_object (&back);
  back = trellis_store_get_child (f->home.store, f->home.manager, id, NULL);
  g_assert_cmpstr (trellis_child_get_link_worker_name (back), ==, "Nia Brown");
}

/* A database written before the store ended assignments at leaving still has them open:
 * every reader sees them ended on the leaving date, and the next change closes them. */
static void
test_left_child_from_older_database (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TrellisAssignment) latest = NULL;
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(GDateTime) left = trellis_date_from_iso ("2025-06-30");
  g_autoptr(GDateTime) may = trellis_date_from_iso ("2025-05-01");
  g_autoptr(TrellisStaff) nia = trellis_store_add_staff (f->home.store, f->home.admin, "nia", "Nia Brown",
                                                         TRELLIS_ROLE_STAFF, NULL, FALSE, NULL);
  g_autofree char *raw = NULL;
  g_autofree char *sql = NULL;
  gint64 id = add_child_with_two_link_workers (f);

  /* what an older Trellis left behind: a leaving date and the assignment still open */
  sql = g_strdup_printf ("UPDATE child SET leaving_date = '2025-06-30' WHERE id = %"
                         G_GINT64_FORMAT, id);
  raw_exec (f, sql);
  raw = raw_assignments (f, id);
  g_assert_cmpstr (raw, ==, "sam:2025-01-06:2025-03-03|priya:2025-03-03:open");

  child = trellis_store_get_child (f->home.store, f->home.manager, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_child_get_link_worker_name (child), ==, "Priya Sharma");
  history = trellis_store_list_assignments (f->home.store, f->home.manager, id, &error);
  g_assert_no_error (error);
  latest = g_list_model_get_item (history, 1);
  g_assert_true (trellis_date_equal (trellis_assignment_get_end_date (latest), left));
  list = trellis_store_list_children (f->home.store, f->home.manager);
  trellis_child_list_set_include_former (list, TRUE);
  {
    g_autoptr(TrellisChild) listed =
      g_list_model_get_item (G_LIST_MODEL (list), trellis_child_list_find (list, id));
    g_assert_cmpstr (trellis_child_get_link_worker_name (listed), ==, "Priya Sharma");
  }

  /* recording a Link Worker for before the child left closes the open one, and the new one
   * ends at the leaving date: no database error, nothing left open */
  g_assert_true (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                   trellis_staff_get_id (nia), may,
                                                   TRELLIS_CHANGE_REASON_STAFF_LEFT, "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&raw, g_free);
  raw = raw_assignments (f, id);
  g_assert_cmpstr (raw, ==, "sam:2025-01-06:2025-03-03|priya:2025-03-03:2025-05-01|"
                            "nia:2025-05-01:2025-06-30");

  /* and an open one left from before is closed when the leaving date is next saved */
  raw_exec (f, "UPDATE link_worker_assignment SET end_date = NULL WHERE staff_id = (SELECT id "
               "FROM staff WHERE username = 'nia')");
  g_assert_true (set_leaving_date (f, id, "2025-07-01", &error));
  g_assert_no_error (error);
  g_clear_pointer (&raw, g_free);
  raw = raw_assignments (f, id);
  g_assert_cmpstr (raw, ==, "sam:2025-01-06:2025-03-03|priya:2025-03-03:2025-05-01|"
                            "nia:2025-05-01:2025-07-01");
}

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  g_assert_cmpint (trellis_store_add_child_finish (TRELLIS_STORE (source), result, error), ==, 0);
  g_assert_nonnull (*error);
}

/* The store's checks count from the context's "today", on the caller's thread and on the
 * worker's alike: a test that moves the day moves it for the whole program. */
static void
test_today_is_the_contexts (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisContext) context = trellis_context_new (f->home.store, &error);
  g_autoptr(GDateTime) back_then = trellis_date_from_iso ("2020-06-01");
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Leo", "Taylor", "2021-01-01");

  g_assert_no_error (error);
  trellis_context_set_today (context, back_then);

  /* born after the context's today: in the future, however long ago that is now */
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->home.manager, child, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  trellis_store_add_child_async (f->home.store, f->home.manager, child, NULL, on_added_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  /* the real day again */
  trellis_context_set_today (context, NULL);
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->home.manager, child, &error), >, 0);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open-new", test_open_new);
  g_test_add_func ("/store/missing-file", test_missing_file);
  g_test_add_func ("/store/corrupt-file", test_corrupt_file);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/migrate-from-each-version", test_migrate_from_each_version);
  ADD ("/store/add-and-validate", test_add_and_validate);
  ADD ("/store/update-keeps-versions", test_update_keeps_versions);
  ADD ("/store/link-workers", test_link_workers);
  g_test_add_func ("/store/lazy-list", test_lazy_list);
  ADD ("/store/search-folding", test_search_folding);
  ADD ("/store/search-follows-changes", test_search_follows_changes);
  ADD ("/store/visitor-reads", test_visitor_reads);
  ADD ("/store/view-is-audited-once", test_view_is_audited_once);
  ADD ("/store/link-worker-refusals", test_link_worker_refusals);
  ADD ("/store/one-store-per-file", test_one_store_per_file);
  ADD ("/store/idle-lock", test_idle_lock);
  ADD ("/store/leaving-ends-link-worker", test_leaving_ends_link_worker);
  ADD ("/store/left-child-from-older-database", test_left_child_from_older_database);
  ADD ("/store/today-is-the-contexts", test_today_is_the_contexts);

  return g_test_run ();
}
