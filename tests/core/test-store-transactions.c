/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-transactions.c: TrellisTransaction, all or nothing
 *
 * What a transaction wrote is gone unless it was committed, nobody is told of it, and a
 * store call that fails inside a caller's transaction takes back only its own part.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-test-utils.h"

typedef struct
{
  StoreHome  home;
  GPtrArray *changes;    /* "kind id", in the order announced */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_home_set_up (&f->home);
  f->changes = trellis_test_record_changes (f->home.store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_home_tear_down (&f->home);
  g_clear_pointer (&f->changes, g_ptr_array_unref);
}

static int
count_rows (Fixture    *f,
            const char *sql)
{
  return store_count_rows (f->home.path, sql);
}

static void
test_rolls_back_unless_committed (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = store_make_child ("Ewa", "2012-02-02");
  int audit_rows = count_rows (f, "SELECT count(*) FROM audit");
  gint64 id;

  {
    g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (f->home.store, &error);

    g_assert_no_error (error);
    id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    /* no commit: leaving the scope takes it back */
  }

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM child"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit"), ==, audit_rows);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_null (trellis_store_get_child (f->home.store, f->home.manager, id, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* and the store is not left inside a transaction: the next call commits on its own */
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->home.manager, child, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM child"), ==, 1);
}

static void
test_commit_announces_once (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) a = store_make_child ("Ewa", "2012-02-02");
  g_autoptr(TrellisChild) b = store_make_child ("Jan", "2012-03-03");
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (f->home.store, &error);

  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->home.manager, a, &error), >, 0);
  g_assert_cmpint (trellis_store_add_child (f->home.store, f->home.manager, b, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 0);

  g_assert_true (trellis_transaction_commit (tx, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM child"), ==, 2);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit WHERE action = 'add-child'"), ==, 2);
  /* one signal a kind of record, "several rows" for each */
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->changes, 0), ==, "audit many");
  g_assert_cmpstr (g_ptr_array_index (f->changes, 1), ==, "child many");
}

static void
count_child_change (TrellisStore      *store,
                    TrellisRecordKind  kind,
                    gint64             id,
                    GArray            *ids)
{
  g_assert_cmpint (kind, ==, TRELLIS_RECORD_KIND_CHILD);
  g_array_append_val (ids, id);
}

/* A view that follows children connects to changed::child and hears of nothing else; one
 * child's change names that child, never 0 or "several". */
static void
test_changed_detail (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = store_make_child ("Ewa", "2012-02-02");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) start = trellis_date_new (2024, 9, 2);
  g_autofree char *expected = NULL;
  gint64 id;

  g_signal_connect (f->home.store, "changed::child", G_CALLBACK (count_child_change), ids);
  id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("child %" G_GINT64_FORMAT, id);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->changes, 1), ==, expected);

  /* a new Link Worker: an assignment row, and the child's record as it reads now */
  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (trellis_store_assign_link_worker (f->home.store, f->home.manager, id,
                                                   trellis_staff_get_id (f->home.manager), start,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, id);
  g_assert_cmpuint (f->changes->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (f->changes, 0), !=, "audit many");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->changes, 1), "assignment "));
  g_assert_cmpstr (g_ptr_array_index (f->changes, 1), !=, "assignment many");
  g_assert_cmpstr (g_ptr_array_index (f->changes, 2), ==, expected);

  /* the home's settings are the home's */
  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (trellis_store_set_idle_lock_minutes (f->home.store, f->home.manager, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->changes, 0), "audit "));
  g_assert_cmpstr (g_ptr_array_index (f->changes, 1), ==, "home 1");
}

/* A call that fails inside a caller's transaction after writing takes back its own rows and
 * leaves the caller's transaction to go on: a home whose first account is refused leaves no
 * home behind, so the next try in the same transaction makes it. */
static void
test_failed_call_inside_keeps_the_rest (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-tx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisStaff) refused = NULL;
  g_autoptr(TrellisStaff) admin = NULL;
  g_autoptr(TrellisHome) home = NULL;

  g_assert_no_error (error);
  tx = trellis_transaction_begin (store, &error);
  g_assert_no_error (error);

  /* the home's row is written, then the username is refused */
  refused = trellis_store_create_home (store, "First Try", FALSE, "Ada Admin", "two words", NULL,
                                       &error);
  g_assert_null (refused);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_store_has_home (store));

  admin = trellis_store_create_home (store, "Second Try", FALSE, "Ada Admin", "ada", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_transaction_commit (tx, &error));
  g_assert_no_error (error);

  g_assert_cmpint (store_count_rows (path, "SELECT count(*) FROM home"), ==, 1);
  g_assert_cmpint (store_count_rows (path, "SELECT count(*) FROM staff"), ==, 1);
  home = trellis_store_get_home (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_home_get_name (home), ==, "Second Try");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-transactions/rolls-back-unless-committed", test_rolls_back_unless_committed);
  ADD ("/store-transactions/commit-announces-once", test_commit_announces_once);
  ADD ("/store-transactions/changed-detail", test_changed_detail);
  g_test_add_func ("/store-transactions/failed-call-inside-keeps-the-rest",
                   test_failed_call_inside_keeps_the_rest);

#undef ADD

  return g_test_run ();
}
