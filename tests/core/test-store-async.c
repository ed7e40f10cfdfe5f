/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-async.c: the store's _async calls, run on its worker
 *
 * Each gives what its synchronous call gives; what it writes is announced on the main
 * thread, by kind and row, once; a call cancelled before it starts does nothing; and
 * without a worker the calls still work. The children list, made asynchronous, reads its
 * pages there too: a placeholder at once, the child later, announced for its row.
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-store-private.h"
#include "trellis-test-utils.h"

typedef struct
{
  StoreHome  home;
  GPtrArray *changes;    /* "kind id", in the order announced */
  gint64     child_id;   /* a child added synchronously */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = store_make_child ("Ewa", "2012-02-02");

  store_home_set_up (&f->home);
  f->child_id = trellis_store_add_child (f->home.store, f->home.manager, child, &error);
  g_assert_no_error (error);
  f->changes = trellis_test_record_changes (f->home.store);
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

/* What a child's page shows below the record: the Link Worker history and the child's own
 * trail, the same rows as the synchronous calls give, refused alike. */
static void
test_child_page_reads (Fixture       *f,
                       gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = trellis_date_from_iso ("2024-01-08");
  g_autoptr(GListModel) sync_history = NULL;
  g_autoptr(GListModel) async_history = NULL;
  g_autoptr(GListModel) sync_trail = NULL;
  g_autoptr(GListModel) async_trail = NULL;
  g_autoptr(GListModel) refused_trail = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GAsyncResult) result3 = NULL;
  g_autoptr(TrellisStaff) staff = NULL;

  g_assert_true (trellis_store_assign_link_worker (store, f->home.manager, f->child_id,
                                                   trellis_staff_get_id (f->home.manager), start,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, NULL,
                                                   &error));
  g_assert_no_error (error);

  sync_history = trellis_store_list_assignments (store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  trellis_store_list_assignments_async (store, f->home.manager, f->child_id, NULL, on_done_cb,
                                        &result);
  async_history = trellis_store_list_assignments_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sync_history), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (async_history), ==, 1);
  {
    g_autoptr(TrellisAssignment) a = g_list_model_get_item (sync_history, 0);
    g_autoptr(TrellisAssignment) b = g_list_model_get_item (async_history, 0);

    g_assert_cmpint (trellis_assignment_get_id (b), ==, trellis_assignment_get_id (a));
    g_assert_cmpstr (trellis_assignment_get_staff_name (b), ==,
                     trellis_assignment_get_staff_name (a));
  }

  sync_trail = trellis_store_list_audit (store, f->home.manager, f->child_id, NULL, 1, &error);
  g_assert_no_error (error);
  trellis_store_list_audit_async (store, f->home.manager, f->child_id, NULL, 1, NULL,
                                  on_done_cb, &result2);
  async_trail = trellis_store_list_audit_finish (store, wait_for (&result2), &error);
  g_assert_no_error (error);
  /* the newest row only: the assignment just made */
  g_assert_cmpuint (g_list_model_get_n_items (async_trail), ==, 1);
  {
    g_autoptr(TrellisAuditEntry) a = g_list_model_get_item (sync_trail, 0);
    g_autoptr(TrellisAuditEntry) b = g_list_model_get_item (async_trail, 0);

    g_assert_cmpstr (trellis_audit_entry_get_action (b), ==, "assign-link-worker");
    g_assert_cmpstr (trellis_audit_entry_get_action (b), ==, trellis_audit_entry_get_action (a));
  }

  /* Staff may not read the trail */
  staff = trellis_store_add_staff (store, f->home.admin, "sam", "Sam Staff", TRELLIS_ROLE_STAFF,
                                   NULL, FALSE, &error);
  g_assert_no_error (error);
  trellis_store_list_audit_async (store, staff, f->child_id, NULL, 1, NULL, on_done_cb,
                                  &result3);
  refused_trail = trellis_store_list_audit_finish (store, wait_for (&result3), &error);
  g_assert_null (refused_trail);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
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

/* Passwords are set on the worker, Argon2 and all: an account added there, its one-time
 * password changed there, and reset there, each then opens the sealed home with the
 * password it was given, and the one before no longer does. */
static void
test_passwords_on_worker (Fixture       *f,
                          gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) sam = NULL;
  g_autoptr(TrellisStaff) again = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) changed = NULL;
  g_autoptr(GAsyncResult) reset = NULL;

  trellis_store_create_account_async (store, f->home.admin, "sam", "Sam Staff",
                                      TRELLIS_ROLE_STAFF, "a first one-time phrase", NULL,
                                      on_done_cb, &added);
  sam = trellis_store_create_account_finish (store, wait_for (&added), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_staff_get_username (sam), ==, "sam");

  trellis_store_change_password_async (store, sam, "a first one-time phrase",
                                       "sam chose this phrase", NULL, on_done_cb, &changed);
  g_assert_true (trellis_store_change_password_finish (store, wait_for (&changed), &error));
  g_assert_no_error (error);

  /* the home sealed: only the new password opens it */
  trellis_store_seal (store);
  g_assert_true (trellis_store_is_sealed (store));
  g_assert_null (trellis_store_sign_in (store, "sam", "a first one-time phrase", NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  again = trellis_store_sign_in (store, "sam", "sam chose this phrase", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (trellis_store_is_sealed (store));
  g_clear_object (&again);

  trellis_store_reset_password_async (store, f->home.admin, trellis_staff_get_id (sam),
                                      "a second one-time phrase", NULL, on_done_cb, &reset);
  g_assert_true (trellis_store_reset_password_finish (store, wait_for (&reset), &error));
  g_assert_no_error (error);
  trellis_store_seal (store);
  again = trellis_store_sign_in (store, "sam", "a second one-time phrase", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
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

/* The children list, asynchronous: a home of more than one page of children. */

#define N_LIST_CHILDREN (TRELLIS_CHILD_LIST_PAGE_SIZE + 12)

/* "position removed added", in the order announced */
static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GPtrArray  *changes)
{
  g_ptr_array_add (changes, g_strdup_printf ("%u %u %u", position, removed, added));
}

static void
add_list_children (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (f->home.store, &error);

  g_assert_no_error (error);
  /* one already: the fixture's */
  for (guint i = 1; i < N_LIST_CHILDREN; i++)
    {
      g_autofree char *given = g_strdup_printf ("Ala%c%c", 'a' + i / 26, 'a' + i % 26);
      g_autoptr(TrellisChild) child = store_make_child (given, "2012-05-05");

      trellis_store_add_child (f->home.store, f->home.manager, child, &error);
      g_assert_no_error (error);
    }
  g_assert_true (trellis_transaction_commit (tx, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM child"), ==, N_LIST_CHILDREN);
}

static TrellisChildList *
new_async_list (Fixture   *f,
                GPtrArray *changes)
{
  TrellisChildList *list = trellis_store_list_children (f->home.store, f->home.manager);

  g_assert_false (trellis_child_list_get_asynchronous (list));
  trellis_child_list_set_asynchronous (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_LIST_CHILDREN);
  if (changes != NULL)
    g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), changes);
  return list;
}

/* Until every job asked of the store has come back to the main thread. */
static void
wait_for_store (TrellisStore *store)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (store->n_in_flight > 0 || g_main_context_pending (NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The row at @position is the child the database holds: read with the synchronous call. */
static void
assert_row_is_stored (Fixture          *f,
                      TrellisChildList *list,
                      guint             position)
{
  g_autoptr(TrellisChild) row = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_autoptr(TrellisChild) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (trellis_child_is_placeholder (row));
  stored = trellis_store_get_child (f->home.store, f->home.manager, trellis_child_get_id (row),
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_child_list_find (list, trellis_child_get_id (row)), ==, position);
  assert_same_child (row, stored);
  g_assert_cmpstr (trellis_child_get_given_name (row), !=, "");
}

static gboolean
has_page_query (GStrv statements)
{
  for (guint i = 0; statements != NULL && statements[i] != NULL; i++)
    if (strstr (statements[i], "c.id IN (") != NULL)
      return TRUE;
  return FALSE;
}

/* The first time a row is asked for it is a placeholder, given without a query on the
 * caller's connection: the page is read on the worker's. The synchronous list, asked the
 * same, reads it on the caller's connection, which the check sees. */
static void
test_list_placeholder_first (Fixture       *f,
                             gconstpointer  data)
{
  TrellisStore *store = f->home.store;
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(TrellisChildList) sync_list = NULL;
  g_autoptr(TrellisChild) first = NULL;
  g_autoptr(TrellisChild) arrived = NULL;
  g_autoptr(TrellisChild) sync_first = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_auto(GStrv) after_arrival = NULL;
  g_auto(GStrv) worker = NULL;
  g_auto(GStrv) sync_read = NULL;

  add_list_children (f);
  list = new_async_list (f, changes);
  before = trellis_store_dup_statements (store);
  g_assert_false (has_page_query (before));

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  after = trellis_store_dup_statements (store);
  g_assert_true (trellis_child_is_placeholder (first));
  g_assert_cmpuint (trellis_child_list_find (list, trellis_child_get_id (first)), ==, 0);
  g_assert_cmpstr (trellis_child_get_given_name (first), ==, "");
  g_assert_cmpuint (trellis_child_list_get_n_loaded (list), ==, 0);
  g_assert_cmpuint (trellis_child_list_get_n_loading (list), ==, 1);
  /* nothing prepared, so nothing read, on the caller's connection */
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before));
  g_assert_false (has_page_query (after));
  g_assert_cmpuint (changes->len, ==, 0);

  trellis_test_wait_for_pages (list);
  assert_row_is_stored (f, list, 0);
  after_arrival = trellis_store_dup_statements (store);
  g_assert_false (has_page_query (after_arrival));
  worker = trellis_sqlite_dup_statements (store->worker->db);
  g_assert_true (has_page_query (worker));

  sync_list = trellis_store_list_children (store, f->home.manager);
  sync_first = g_list_model_get_item (G_LIST_MODEL (sync_list), 0);
  arrived = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_false (trellis_child_is_placeholder (sync_first));
  assert_same_child (sync_first, arrived);
  sync_read = trellis_store_dup_statements (store);
  g_assert_true (has_page_query (sync_read));
}

/* The placeholders given out are replaced when their page arrives, each page announcing
 * exactly the rows it had given placeholders for, neighbours together. */
static void
test_list_page_arrives (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(TrellisChildList) sync_list = NULL;
  guint asked[] = { 0, 3, 4, 5, 9, TRELLIS_CHILD_LIST_PAGE_SIZE + 1 };
  g_autofree char *second_page = g_strdup_printf ("%u 1 1", TRELLIS_CHILD_LIST_PAGE_SIZE + 1);

  add_list_children (f);
  list = new_async_list (f, changes);
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      g_autoptr(TrellisChild) row = g_list_model_get_item (G_LIST_MODEL (list), asked[i]);
      g_assert_true (trellis_child_is_placeholder (row));
    }
  g_assert_cmpuint (trellis_child_list_get_n_loading (list), ==, 2);

  trellis_test_wait_for_pages (list);
  /* the worker runs jobs in the order asked: the first page first */
  g_assert_cmpuint (changes->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "0 1 1");
  g_assert_cmpstr (g_ptr_array_index (changes, 1), ==, "3 3 3");
  g_assert_cmpstr (g_ptr_array_index (changes, 2), ==, "9 1 1");
  g_assert_cmpstr (g_ptr_array_index (changes, 3), ==, second_page);

  /* every row is now the child stored, in the order the synchronous list has them */
  sync_list = trellis_store_list_children (f->home.store, f->home.manager);
  for (guint i = 0; i < N_LIST_CHILDREN; i++)
    {
      g_autoptr(TrellisChild) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(TrellisChild) stored = g_list_model_get_item (G_LIST_MODEL (sync_list), i);

      g_assert_false (trellis_child_is_placeholder (row));
      assert_same_child (row, stored);
    }
  assert_row_is_stored (f, list, TRELLIS_CHILD_LIST_PAGE_SIZE + 1);
  g_assert_cmpuint (trellis_child_list_get_n_loaded (list), ==, N_LIST_CHILDREN);
  g_assert_cmpuint (changes->len, ==, 4);
}

/* However often a view asks for a page's rows, the page is read once. */
static void
test_list_one_read_per_page (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TrellisChildList) list = NULL;
  g_autofree char *whole_page = g_strdup_printf ("0 %u %u", TRELLIS_CHILD_LIST_PAGE_SIZE,
                                                 TRELLIS_CHILD_LIST_PAGE_SIZE);

  add_list_children (f);
  list = new_async_list (f, changes);
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < TRELLIS_CHILD_LIST_PAGE_SIZE; i++)
      {
        g_autoptr(TrellisChild) row = g_list_model_get_item (G_LIST_MODEL (list), i);
        g_assert_true (trellis_child_is_placeholder (row));
      }
  g_assert_cmpuint (trellis_child_list_get_n_page_loads (list), ==, 1);
  g_assert_cmpuint (trellis_child_list_get_n_loading (list), ==, 1);

  trellis_test_wait_for_pages (list);
  wait_for_store (f->home.store);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, whole_page);
  for (guint i = 0; i < TRELLIS_CHILD_LIST_PAGE_SIZE; i += 7)
    assert_row_is_stored (f, list, i);
  g_assert_cmpuint (trellis_child_list_get_n_page_loads (list), ==, 1);
  g_assert_cmpuint (trellis_child_list_get_n_loading (list), ==, 0);

  /* the next page is a read of its own, once too */
  for (guint round = 0; round < 3; round++)
    for (guint i = TRELLIS_CHILD_LIST_PAGE_SIZE; i < N_LIST_CHILDREN; i++)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (trellis_child_list_get_n_page_loads (list), ==, 2);
  trellis_test_wait_for_pages (list);
  assert_row_is_stored (f, list, N_LIST_CHILDREN - 1);
  g_assert_cmpuint (trellis_child_list_get_n_page_loads (list), ==, 2);
}

/* A list let go of while its pages are read: the answers come to nobody, and nothing is
 * announced. Read again (a new search) while reading: the old reads are dropped. */
static void
test_list_dispose_while_loading (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) requeried = g_ptr_array_new_with_free_func (g_free);
  TrellisChildList *list;
  g_autoptr(TrellisChildList) searched = NULL;
  g_autoptr(TrellisChild) ewa = NULL;
  g_autoptr(GError) error = NULL;

  add_list_children (f);
  list = new_async_list (f, changes);
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &list);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), TRELLIS_CHILD_LIST_PAGE_SIZE));
  g_assert_cmpuint (trellis_child_list_get_n_loading (list), ==, 2);
  g_object_unref (list);
  g_assert_null (list);
  wait_for_store (f->home.store);
  g_assert_cmpuint (changes->len, ==, 0);

  /* a list disposed while someone still holds it */
  list = new_async_list (f, changes);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 1));
  g_object_run_dispose (G_OBJECT (list));
  g_assert_cmpuint (trellis_child_list_get_n_loading (list), ==, 0);
  wait_for_store (f->home.store);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_object (&list);

  /* searched while a page is read: that read is dropped, the list says all changed once */
  ewa = trellis_store_get_child (f->home.store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  searched = new_async_list (f, requeried);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (searched), 0));
  trellis_child_list_set_search (searched, trellis_child_get_given_name (ewa));
  g_assert_cmpuint (trellis_child_list_get_n_loading (searched), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (searched)), ==, 1);
  wait_for_store (f->home.store);
  g_assert_cmpuint (requeried->len, ==, 1);
  {
    g_autofree char *all = g_strdup_printf ("0 %u 1", N_LIST_CHILDREN);
    g_assert_cmpstr (g_ptr_array_index (requeried, 0), ==, all);
  }
  g_assert_cmpuint (trellis_child_list_get_n_loaded (searched), ==, 0);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (searched), 0));
  trellis_test_wait_for_pages (searched);
  assert_row_is_stored (f, searched, 0);
}

/* A row a view holds stays on screen while it is read again after a change, and is
 * replaced, announced for its row alone, with what the database now holds. */
static void
test_list_row_changed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(TrellisChild) held = NULL;
  g_autoptr(TrellisChild) during = NULL;
  g_autoptr(TrellisChild) after = NULL;
  g_autoptr(TrellisChild) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *sql = NULL;
  guint position;

  add_list_children (f);
  list = new_async_list (f, changes);
  position = trellis_child_list_find (list, f->child_id);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), position));
  trellis_test_wait_for_pages (list);
  held = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_false (trellis_child_is_placeholder (held));
  g_ptr_array_set_size (changes, 0);

  edited = trellis_store_get_child (f->home.store, f->home.manager, f->child_id, &error);
  g_assert_no_error (error);
  trellis_child_set_religion (edited, "Quaker");
  g_assert_true (trellis_store_update_child (f->home.store, f->home.manager, edited, &error));
  g_assert_no_error (error);

  during = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_true (during == held);
  g_assert_cmpuint (trellis_child_list_get_n_loading (list), ==, 1);
  trellis_test_wait_for_pages (list);
  expected = g_strdup_printf ("%u 1 1", position);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, expected);
  after = g_list_model_get_item (G_LIST_MODEL (list), position);
  sql = g_strdup_printf ("SELECT version FROM child WHERE id = %" G_GINT64_FORMAT, f->child_id);
  g_assert_cmpint (trellis_child_get_version (after), ==, count_rows (f, sql));
  g_assert_cmpint (trellis_child_get_version (after), >, trellis_child_get_version (held));
  g_assert_cmpstr (trellis_child_get_religion (after), ==, "Quaker");
  assert_row_is_stored (f, list, position);
}

/* Made synchronous again while a page is read: the read is dropped, and the rows it was
 * for are announced so that a view asks for them again and has them read there and then. */
static void
test_list_back_to_synchronous (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(TrellisChild) loading = NULL;

  add_list_children (f);
  list = new_async_list (f, changes);
  loading = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_true (trellis_child_is_placeholder (loading));

  trellis_child_list_set_asynchronous (list, FALSE);
  g_assert_cmpuint (trellis_child_list_get_n_loading (list), ==, 0);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "2 1 1");
  assert_row_is_stored (f, list, 2);
  wait_for_store (f->home.store);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (trellis_child_list_get_n_page_loads (list), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-async/reads-as-sync", test_reads_as_sync, NULL);
  ADD ("/store-async/child-page-reads", test_child_page_reads, NULL);
  ADD ("/store-async/verify-broken", test_verify_broken, NULL);
  ADD ("/store-async/view-audited-once", test_view_audited_once, NULL);
  ADD ("/store-async/save-announced-once", test_save_announced_once, NULL);
  ADD ("/store-async/save-refused", test_save_refused, NULL);
  ADD ("/store-async/cancelled-before-start", test_cancelled_before_start, NULL);
  ADD ("/store-async/check-password", test_check_password, NULL);
  ADD ("/store-async/passwords-on-worker", test_passwords_on_worker, NULL);
  ADD ("/store-async/in-order", test_in_order, NULL);
  /* the same without a worker: on the main connection, in an idle */
  ADD ("/store-async/no-worker/reads-as-sync", test_reads_as_sync, "no-worker");
  ADD ("/store-async/no-worker/child-page-reads", test_child_page_reads, "no-worker");
  ADD ("/store-async/no-worker/view-audited-once", test_view_audited_once, "no-worker");
  ADD ("/store-async/no-worker/save-announced-once", test_save_announced_once, "no-worker");
  ADD ("/store-async/no-worker/cancelled-before-start", test_cancelled_before_start,
       "no-worker");
  ADD ("/store-async/no-worker/in-order", test_in_order, "no-worker");
  ADD ("/store-async/list/placeholder-first", test_list_placeholder_first, NULL);
  ADD ("/store-async/list/page-arrives", test_list_page_arrives, NULL);
  ADD ("/store-async/list/one-read-per-page", test_list_one_read_per_page, NULL);
  ADD ("/store-async/list/dispose-while-loading", test_list_dispose_while_loading, NULL);
  ADD ("/store-async/list/row-changed", test_list_row_changed, NULL);
  ADD ("/store-async/list/back-to-synchronous", test_list_back_to_synchronous, NULL);
  ADD ("/store-async/no-worker/list/page-arrives", test_list_page_arrives, "no-worker");
  ADD ("/store-async/no-worker/list/dispose-while-loading", test_list_dispose_while_loading,
       "no-worker");
#undef ADD

  return g_test_run ();
}
