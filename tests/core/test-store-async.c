/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-async.c: the store's _async calls, run on its worker
 *
 * Each gives what its synchronous call gives; what it writes is announced on the main
 * thread, by kind and row, once; a call cancelled before it starts does nothing; and
 * without a worker the calls still work.
 */
#include "config.h"

#include <sqlite3.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-store-private.h"

typedef struct
{
  StoreHome  home;
  GThread   *main_thread;
  GPtrArray *changes;    /* "kind id", in the order announced */
  gint64     child_id;   /* a child added synchronously */
} Fixture;

static void
on_changed_cb (TrellisStore      *store,
               TrellisRecordKind  kind,
               gint64             id,
               Fixture           *f)
{
  const char *nick = trellis_enum_to_nick (TRELLIS_TYPE_RECORD_KIND, kind);

  /* the UI's handlers run here: never on the worker */
  g_assert_true (g_thread_self () == f->main_thread);
  if (id == TRELLIS_RECORD_ID_MANY)
    g_ptr_array_add (f->changes, g_strdup_printf ("%s many", nick));
  else
    g_ptr_array_add (f->changes, g_strdup_printf ("%s %" G_GINT64_FORMAT, nick, id));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = store_make_child ("Ewa", "2012-02-02");

  store_home_set_up (&f->home);
  f->main_thread = g_thread_self ();
  f->changes = g_ptr_array_new_with_free_func (g_free);
  f->child_id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);
  g_assert_no_error (error);
  g_signal_connect (f->home.store, "changed", G_CALLBACK (on_changed_cb), f);
  if (data != NULL)
    trellis_store_set_use_worker (f->home.store, FALSE);
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

/* The keyring beside the database, where guesses are counted before anyone signs in */
static int
count_keyring_rows (Fixture    *f,
                    const char *sql)
{
  g_autofree char *keyring = g_strconcat (f->home.path, ".keyring", NULL);
  return store_count_rows (keyring, sql);
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

/* Spins the main context until the call answers. */
static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
assert_same_child (TrellisChild *a,
                   TrellisChild *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (trellis_child_get_id (a), ==, trellis_child_get_id (b));
  g_assert_cmpint (trellis_child_get_version (a), ==, trellis_child_get_version (b));
  g_assert_cmpstr (trellis_child_get_given_name (a), ==, trellis_child_get_given_name (b));
  g_assert_cmpstr (trellis_child_get_family_name (a), ==, trellis_child_get_family_name (b));
  g_assert_true (trellis_date_equal (trellis_child_get_date_of_birth (a),
                                     trellis_child_get_date_of_birth (b)));
}

static void
test_reads_as_sync (Fixture       *f,
                    gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) sync_child = NULL;
  g_autoptr(TrellisChild) async_child = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GAsyncResult) result3 = NULL;
  g_autoptr(GAsyncResult) result4 = NULL;
  g_autoptr(GPtrArray) sync_page = NULL;
  g_autoptr(GPtrArray) async_page = NULL;
  g_autoptr(TrellisChild) second = store_make_child ("Jan", "2013-03-03");
  gint64 ids[3];
  gint64 sync_broken, async_broken;
  guint sync_rows, async_rows;
  gboolean sync_holds, async_holds;

  sync_child = trellis_store_get_child (store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  trellis_store_get_child_async (store, f->home.manager, f->child_id, NULL, on_done_cb, &result);
  async_child = trellis_store_get_child_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  assert_same_child (sync_child, async_child);

  /* a refusal is the same refusal */
  trellis_store_get_child_async (store, f->home.manager, 99999, NULL, on_done_cb, &result2);
  g_assert_null (trellis_store_get_child_finish (store, wait_for (&result2), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a page of the children's list, missing ones left out */
  ids[1] = f->child_id;
  ids[0] = trellis_store_add_child (store, f->home.manager, second, &error);
  ids[2] = 99999;
  g_assert_no_error (error);
  sync_page = trellis_store_get_children (store, f->home.manager, ids, 3, &error);
  g_assert_no_error (error);
  trellis_store_get_children_async (store, f->home.manager, ids, 3, NULL, on_done_cb, &result3);
  async_page = trellis_store_get_children_finish (store, wait_for (&result3), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sync_page->len, ==, 2);
  g_assert_cmpuint (async_page->len, ==, sync_page->len);
  for (guint i = 0; i < sync_page->len; i++)
    assert_same_child (g_ptr_array_index (sync_page, i), g_ptr_array_index (async_page, i));

  /* the audit check, whole and then broken behind the store's back */
  sync_holds = trellis_store_verify_audit (store, f->home.admin, &sync_broken, &sync_rows, &error);
  g_assert_no_error (error);
  trellis_store_verify_audit_async (store, f->home.admin, NULL, on_done_cb, &result4);
  async_holds = trellis_store_verify_audit_finish (store, wait_for (&result4), &async_broken,
                                                   &async_rows, &error);
  g_assert_no_error (error);
  g_assert_true (sync_holds);
  g_assert_true (async_holds);
  g_assert_cmpint (async_broken, ==, 0);
  g_assert_cmpuint (async_rows, ==, sync_rows);
  g_assert_cmpuint (async_rows, >, 2);
}

static void
test_verify_broken (Fixture       *f,
                    gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  gint64 sync_broken, async_broken;
  guint sync_rows, async_rows;

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit"), >=, 2);
  {
    g_autofree char *sql = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (store_open_raw (f->home.path, &db, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET detail = 'changed' WHERE id = 2",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  g_assert_false (trellis_store_verify_audit (store, f->home.admin, &sync_broken, &sync_rows,
                                              &error));
  g_assert_no_error (error);
  trellis_store_verify_audit_async (store, f->home.admin, NULL, on_done_cb, &result);
  g_assert_false (trellis_store_verify_audit_finish (store, wait_for (&result), &async_broken,
                                                     &async_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sync_broken, ==, 2);
  g_assert_cmpint (async_broken, ==, sync_broken);
  g_assert_cmpuint (async_rows, ==, sync_rows);

  /* who may not read the trail is refused as by the synchronous call */
  {
    g_autoptr(TrellisStaff) staff = trellis_store_add_staff (store, f->home.admin, "sam",
                                                             "Sam Staff", TRELLIS_ROLE_STAFF,
                                                             NULL, FALSE, &error);
    g_assert_no_error (error);
    trellis_store_verify_audit_async (store, staff, NULL, on_done_cb, &refused);
    g_assert_false (trellis_store_verify_audit_finish (store, wait_for (&refused), &async_broken,
                                                       NULL, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  }
}

/* A deliberate opening is one audit row, written by the worker. */
static void
test_view_audited_once (Fixture       *f,
                        gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) sync_child = NULL;
  g_autoptr(TrellisChild) async_child = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'view-child' "
                                          "AND child_id = %" G_GINT64_FORMAT, f->child_id);

  g_assert_cmpint (count_rows (f, sql), ==, 0);
  trellis_store_view_child_async (store, f->home.manager, f->child_id, NULL, on_done_cb, &result);
  async_child = trellis_store_view_child_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, sql), ==, 1);

  sync_child = trellis_store_get_child (store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  assert_same_child (sync_child, async_child);
  g_assert_cmpint (count_rows (f, sql), ==, 1);
  /* the audit row is announced as the synchronous call announces it */
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->changes, 0), "audit "));
}

/* A save on the worker: the row read back, ::changed on the main thread with the child's
 * id, once, and not again by the watch of other programs' commits. */
static void
test_save_announced_once (Fixture       *f,
                          gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) edited = NULL;
  g_autoptr(TrellisChild) added = store_make_child ("Ola", "2014-04-04");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autofree char *expected = g_strdup_printf ("child %" G_GINT64_FORMAT, f->child_id);
  g_autofree char *added_change = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM child WHERE id = %" G_GINT64_FORMAT
                                          " AND religion = 'Quaker'", f->child_id);
  gint64 new_id;

  trellis_store_watch (store);
  edited = trellis_store_get_child (store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  trellis_child_set_religion (edited, "Quaker");
  trellis_store_update_child_async (store, f->home.manager, edited, NULL, on_done_cb, &result);
  g_assert_true (trellis_store_update_child_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);
  /* the caller's copy moves on to the version saved, as with the synchronous call */
  g_assert_cmpint (trellis_child_get_version (edited), ==, 2);
  g_assert_cmpint (count_rows (f, sql), ==, 1);

  spin (1500);   /* longer than the watch's poll */
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->changes, 0), "audit "));
  g_assert_cmpstr (g_ptr_array_index (f->changes, 1), ==, expected);

  /* a new child: its id given back on the caller's object */
  g_ptr_array_set_size (f->changes, 0);
  trellis_store_add_child_async (store, f->home.manager, added, NULL, on_done_cb, &result2);
  new_id = trellis_store_add_child_finish (store, wait_for (&result2), &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, f->child_id);
  g_assert_cmpint (trellis_child_get_id (added), ==, new_id);
  g_assert_cmpint (trellis_child_get_version (added), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM child WHERE given_name = 'Ola'"), ==, 1);
  spin (1500);
  added_change = g_strdup_printf ("child %" G_GINT64_FORMAT, new_id);
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->changes, 1), ==, added_change);

  /* another program's commit is still announced */
  g_ptr_array_set_size (f->changes, 0);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (store_open_raw (f->home.path, &db, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE home SET name = 'Elsewhere'", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }
  spin (1500);
  g_assert_true (g_ptr_array_find_with_equal_func (f->changes, "child many", g_str_equal, NULL));
  trellis_store_unwatch (store);
}

/* A save refused on the worker is refused as by the synchronous call, nothing written. */
static void
test_save_refused (Fixture       *f,
                   gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) stale = NULL;
  g_autoptr(TrellisChild) fresh = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  stale = trellis_store_get_child (store, f->home.manager, f->child_id, &error);
  fresh = trellis_store_get_child (store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  trellis_child_set_religion (fresh, "Quaker");
  g_assert_true (trellis_store_update_child (store, f->home.manager, fresh, &error));
  g_assert_no_error (error);
  g_ptr_array_set_size (f->changes, 0);

  trellis_child_set_religion (stale, "Jain");
  trellis_store_update_child_async (store, f->home.manager, stale, NULL, on_done_cb, &result);
  g_assert_false (trellis_store_update_child_finish (store, wait_for (&result), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
  g_assert_cmpint (trellis_child_get_version (stale), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM child WHERE religion = 'Jain'"), ==, 0);
  g_assert_cmpuint (f->changes->len, ==, 0);
}

/* Cancelled before it starts: nothing done, G_IO_ERROR_CANCELLED. */
static void
test_cancelled_before_start (Fixture       *f,
                             gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TrellisChild) edited = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  int audit_rows = count_rows (f, "SELECT count(*) FROM audit");

  edited = trellis_store_get_child (store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  trellis_child_set_religion (edited, "Quaker");

  g_cancellable_cancel (cancellable);
  trellis_store_update_child_async (store, f->home.manager, edited, cancellable, on_done_cb,
                                    &result);
  g_assert_false (trellis_store_update_child_finish (store, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  trellis_store_view_child_async (store, f->home.manager, f->child_id, cancellable, on_done_cb,
                                  &result2);
  g_assert_null (trellis_store_view_child_finish (store, wait_for (&result2), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM child WHERE religion = 'Quaker'"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit"), ==, audit_rows);
  g_assert_cmpint (trellis_child_get_version (edited), ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 0);
}

static void
test_check_password (Fixture       *f,
                     gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) sam = NULL;
  g_autoptr(TrellisStaff) signed_in = NULL;
  g_autoptr(GAsyncResult) right = NULL;
  g_autoptr(GAsyncResult) wrong = NULL;
  g_autoptr(GAsyncResult) sign_in = NULL;
  gboolean must_change = FALSE;

  sam = trellis_store_create_account (store, f->home.admin, "sam", "Sam Staff",
                                      TRELLIS_ROLE_STAFF, "correct horse battery", &error);
  g_assert_no_error (error);

  trellis_store_check_password_async (store, sam, "correct horse battery", NULL, on_done_cb,
                                      &right);
  g_assert_true (trellis_store_check_password_finish (store, wait_for (&right), &error));
  g_assert_no_error (error);

  trellis_store_check_password_async (store, sam, "not the password", NULL, on_done_cb, &wrong);
  g_assert_false (trellis_store_check_password_finish (store, wait_for (&wrong), &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* counted against the username, as a wrong password at sign-in is */
  g_assert_cmpint (count_keyring_rows (f, "SELECT guesses FROM sign_in_guesses "
                                  "WHERE username_key = 'sam'"), ==, 1);

  trellis_store_sign_in_async (store, "sam", "correct horse battery", NULL, on_done_cb, &sign_in);
  signed_in = trellis_store_sign_in_finish (store, wait_for (&sign_in), &must_change, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_staff_get_id (signed_in), ==, trellis_staff_get_id (sam));
  g_assert_true (must_change);
}

/* Jobs run one at a time, in the order asked for. */
static void
test_in_order (Fixture       *f,
               gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) edited = NULL;
  g_autoptr(TrellisChild) read = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  edited = trellis_store_get_child (store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  trellis_child_set_religion (edited, "Quaker");
  trellis_store_update_child_async (store, f->home.manager, edited, NULL, on_done_cb, &saved);
  trellis_store_get_child_async (store, f->home.manager, f->child_id, NULL, on_done_cb, &result);
  read = trellis_store_get_child_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_true (trellis_store_update_child_finish (store, saved, &error));
  g_assert_cmpstr (trellis_child_get_religion (read), ==, "Quaker");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-async/reads-as-sync", test_reads_as_sync, NULL);
  ADD ("/store-async/verify-broken", test_verify_broken, NULL);
  ADD ("/store-async/view-audited-once", test_view_audited_once, NULL);
  ADD ("/store-async/save-announced-once", test_save_announced_once, NULL);
  ADD ("/store-async/save-refused", test_save_refused, NULL);
  ADD ("/store-async/cancelled-before-start", test_cancelled_before_start, NULL);
  ADD ("/store-async/check-password", test_check_password, NULL);
  ADD ("/store-async/in-order", test_in_order, NULL);
  /* the same without a worker: on the main connection, in an idle */
  ADD ("/store-async/no-worker/reads-as-sync", test_reads_as_sync, "no-worker");
  ADD ("/store-async/no-worker/view-audited-once", test_view_audited_once, "no-worker");
  ADD ("/store-async/no-worker/save-announced-once", test_save_announced_once, "no-worker");
  ADD ("/store-async/no-worker/cancelled-before-start", test_cancelled_before_start,
       "no-worker");
  ADD ("/store-async/no-worker/in-order", test_in_order, "no-worker");
#undef ADD

  return g_test_run ();
}
