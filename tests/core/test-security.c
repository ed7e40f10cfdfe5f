/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-security.c: roles enforced in the store, signing in, and the audit trail
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "trellis-core.h"
#include "trellis-store-private.h"

typedef struct
{
  char         *path;
  TrellisStore *store;
  TrellisStaff *admin;
  TrellisStaff *manager;
  TrellisStaff *staff1;
  TrellisStaff *staff2;
  TrellisStaff *visitor;
  gint64        child_of_staff1;
  gint64        child_of_staff2;
} Fixture;

static gint64 fake_now;

static gint64
fake_clock (void)
{
  return fake_now;
}

static TrellisStaff *
lookup (Fixture    *f,
        const char *username)
{
  g_autoptr(GError) error = NULL;
  TrellisStaff *staff = trellis_store_lookup_staff (f->store, username, &error);

  g_assert_no_error (error);
  return staff;
}

static gint64
first_child_of (Fixture      *f,
                TrellisStaff *worker)
{
  g_autoptr(TrellisChildList) list = trellis_store_list_children (f->store, f->manager);

  trellis_child_list_set_include_former (list, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (trellis_child_get_link_worker_id (child) == trellis_staff_get_id (worker))
        return trellis_child_get_id (child);
    }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-security-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_new (2026, 3, 1);

  f->path = g_build_filename (dir, "home.db", NULL);
  f->store = trellis_store_open (f->path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_demo_generate (f->store, 9, 1, today, &error));
  fake_now = G_GINT64_CONSTANT (1800000000) * G_USEC_PER_SEC;
  trellis_store_set_clock (f->store, fake_clock);

  f->admin = lookup (f, "admin");
  f->manager = lookup (f, "manager");
  f->staff1 = lookup (f, "staff1");
  f->staff2 = lookup (f, "staff2");
  f->visitor = lookup (f, "visitor");
  f->child_of_staff1 = first_child_of (f, f->staff1);
  f->child_of_staff2 = first_child_of (f, f->staff2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->admin);
  g_clear_object (&f->manager);
  g_clear_object (&f->staff1);
  g_clear_object (&f->staff2);
  g_clear_object (&f->visitor);
  g_clear_object (&f->store);
  g_free (f->path);
}

static gboolean
try_edit (Fixture      *f,
          TrellisStaff *who,
          gint64        child_id,
          const char   *religion)
{
  g_autoptr(TrellisChild) child = trellis_store_get_child (f->store, who, child_id, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_nonnull (child);
  trellis_child_set_religion (child, religion);
  ok = trellis_store_update_child (f->store, who, child, &error);
  if (!ok)
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  return ok;
}

static gboolean
try_add_child (Fixture      *f,
               TrellisStaff *who)
{
  g_autoptr(TrellisChild) child = trellis_child_new ();
  g_autoptr(GDateTime) dob = trellis_date_new (2013, 1, 1);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  trellis_child_set_given_name (child, "New");
  trellis_child_set_family_name (child, "Child");
  trellis_child_set_date_of_birth (child, dob);
  ok = trellis_store_add_child (f->store, who, child, &error) != 0;
  if (!ok)
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  return ok;
}

static gboolean
try_assign (Fixture      *f,
            TrellisStaff *who,
            gint64        child_id,
            TrellisStaff *worker)
{
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GError) error = NULL;
  gboolean ok = trellis_store_assign_link_worker (f->store, who, child_id,
                                                  trellis_staff_get_id (worker), today,
                                                  TRELLIS_CHANGE_REASON_MANAGER_DECISION, "",
                                                  &error);
  if (!ok)
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  return ok;
}

static gboolean
try_add_account (Fixture      *f,
                 TrellisStaff *who,
                 const char   *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) staff = trellis_store_create_account (f->store, who, username, "New Person",
                                                                TRELLIS_ROLE_STAFF,
                                                                "a one-time passphrase", &error);
  if (staff == NULL)
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  return staff != NULL;
}

static void
test_visitor_writes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) seen = trellis_store_get_child (f->store, f->visitor,
                                                         f->child_of_staff1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (seen);
  g_assert_false (try_edit (f, f->visitor, f->child_of_staff1, "Changed"));
  g_assert_false (try_add_child (f, f->visitor));
  g_assert_false (try_assign (f, f->visitor, f->child_of_staff1, f->staff2));
  g_assert_false (try_add_account (f, f->visitor, "v2"));
  g_assert_false (trellis_store_reset_password (f->store, f->visitor, trellis_staff_get_id (f->staff1),
                                                "another long passphrase", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_null (trellis_store_list_audit (f->store, f->visitor, 0, NULL, 10, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
}

static void
test_staff_edit_own_key_child_only (Fixture       *f,
                                    gconstpointer  data)
{
  g_assert_true (try_edit (f, f->staff1, f->child_of_staff1, "Quaker"));
  g_assert_false (try_edit (f, f->staff1, f->child_of_staff2, "Quaker"));
  g_assert_true (try_edit (f, f->manager, f->child_of_staff2, "Quaker"));
  g_assert_false (try_add_child (f, f->staff1));
  g_assert_true (try_add_child (f, f->manager));
}

static void
test_only_managers_assign (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_false (try_assign (f, f->staff1, f->child_of_staff1, f->staff2));
  g_assert_false (try_assign (f, f->admin, f->child_of_staff1, f->staff2));
  g_assert_true (try_assign (f, f->manager, f->child_of_staff1, f->staff2));
}

static void
test_only_administrators_add_accounts (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) weak = NULL;

  g_assert_false (try_add_account (f, f->manager, "m2"));
  g_assert_false (try_add_account (f, f->staff1, "s3"));
  g_assert_true (try_add_account (f, f->admin, "newperson"));

  /* a weak one-time password is refused even for an Administrator */
  weak = trellis_store_create_account (f->store, f->admin, "weak", "Weak Password",
                                       TRELLIS_ROLE_STAFF, "password123", &error);
  g_assert_null (weak);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
}

static void
test_first_sign_in_must_change (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) created = trellis_store_create_account (f->store, f->admin, "newbie",
                                                                  "Nia Newbie", TRELLIS_ROLE_STAFF,
                                                                  "given by the admin", &error);
  g_autoptr(TrellisStaff) signed_in = NULL;
  g_autoptr(TrellisStaff) again = NULL;
  gboolean must_change = FALSE;

  g_assert_no_error (error);
  signed_in = trellis_store_sign_in (f->store, "newbie", "given by the admin", &must_change, &error);
  g_assert_no_error (error);
  g_assert_true (must_change);

  /* the new password must differ, be long enough and not be common */
  g_assert_false (trellis_store_change_password (f->store, signed_in, "given by the admin",
                                                 "given by the admin", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_store_change_password (f->store, signed_in, "given by the admin",
                                                 "short", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_store_change_password (f->store, signed_in, "given by the admin",
                                                 "Welcome2026", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (trellis_store_change_password (f->store, signed_in, "given by the admin",
                                                "my own long secret", &error));
  g_assert_no_error (error);

  again = trellis_store_sign_in (f->store, "newbie", "my own long secret", &must_change, &error);
  g_assert_no_error (error);
  g_assert_false (must_change);
}

static void
test_unknown_user_same_answer (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) wrong = NULL;
  g_autoptr(GError) unknown = NULL;

  g_assert_null (trellis_store_sign_in (f->store, "staff1", "not the password", NULL, &wrong));
  g_assert_null (trellis_store_sign_in (f->store, "nobody-here", "not the password", NULL,
                                        &unknown));
  g_assert_error (wrong, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_assert_error (unknown, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (wrong->message, ==, unknown->message);
}

static void
test_delay_then_lock (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) ok = NULL;

  for (guint i = 1; i <= TRELLIS_MAX_FAILED_SIGN_INS; i++)
    {
      g_assert_null (trellis_store_sign_in (f->store, "staff1", "wrong password", NULL, &error));
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);

      if (trellis_store_get_sign_in_delay (i) > 0 && i < TRELLIS_MAX_FAILED_SIGN_INS)
        {
          /* too soon: refused without even checking, and not counted */
          g_assert_null (trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD, NULL,
                                                &error));
          g_assert_nonnull (strstr (error->message, "wait"));
          g_clear_error (&error);
          fake_now += (gint64) trellis_store_get_sign_in_delay (i) * G_USEC_PER_SEC;
        }
    }
  g_assert_cmpuint (trellis_store_get_sign_in_delay (4), >, trellis_store_get_sign_in_delay (3));

  /* locked now, even with the right password, until a manager unlocks it */
  fake_now += G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC;
  g_assert_null (trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD, NULL, &error));
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);
  {
    g_autoptr(TrellisStaff) s = lookup (f, "staff1");
    g_assert_true (trellis_staff_get_locked (s));
  }

  g_assert_false (trellis_store_unlock_staff (f->store, f->staff2, trellis_staff_get_id (f->staff1),
                                              &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (trellis_store_unlock_staff (f->store, f->manager,
                                             trellis_staff_get_id (f->staff1), &error));
  ok = trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);
}

static void
test_staff_who_left_cannot_sign_in (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) back = NULL;

  g_assert_false (trellis_store_set_staff_active (f->store, f->manager,
                                                  trellis_staff_get_id (f->staff2), FALSE, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (trellis_store_set_staff_active (f->store, f->admin,
                                                 trellis_staff_get_id (f->staff2), FALSE, &error));
  g_assert_null (trellis_store_sign_in (f->store, "staff2", TRELLIS_DEMO_PASSWORD, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* a window still signed in as them can do nothing more */
  g_assert_null (trellis_store_get_child (f->store, f->staff2, f->child_of_staff2, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  back = lookup (f, "staff2");
  g_assert_false (trellis_staff_get_active (back));
}

static void
test_reset_password (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) s = NULL;
  gboolean must_change = FALSE;

  g_assert_true (trellis_store_reset_password (f->store, f->manager, trellis_staff_get_id (f->staff2),
                                               "a fresh one-time phrase", &error));
  g_assert_no_error (error);
  g_assert_null (trellis_store_sign_in (f->store, "staff2", TRELLIS_DEMO_PASSWORD, NULL, &error));
  g_clear_error (&error);
  s = trellis_store_sign_in (f->store, "staff2", "a fresh one-time phrase", &must_change, &error);
  g_assert_no_error (error);
  g_assert_true (must_change);
}

static gboolean
audit_has (GListModel *entries,
           const char *action,
           const char *staff_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(TrellisAuditEntry) e = g_list_model_get_item (entries, i);
      if (g_str_equal (trellis_audit_entry_get_action (e), action) &&
          (staff_name == NULL || g_str_equal (trellis_audit_entry_get_staff_name (e), staff_name)))
        return TRUE;
    }
  return FALSE;
}

static void
test_audit_records_views_and_changes (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trail = NULL;
  g_autoptr(GListModel) searched = NULL;
  g_autoptr(TrellisChild) seen = NULL;
  g_autoptr(TrellisAuditEntry) newest = NULL;

  seen = trellis_store_view_child (f->store, f->visitor, f->child_of_staff2, &error);
  g_assert_true (try_edit (f, f->staff2, f->child_of_staff2, "Sikh"));
  g_assert_null (trellis_store_sign_in (f->store, "staff1", "wrong password", NULL, &error));
  g_clear_error (&error);

  trail = trellis_store_list_audit (f->store, f->manager, f->child_of_staff2, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_true (audit_has (trail, "view-child", "Pat Reeves"));
  g_assert_true (audit_has (trail, "edit-child", "Priya Sharma"));
  newest = g_list_model_get_item (trail, 0);
  g_assert_cmpstr (trellis_audit_entry_get_action (newest), ==, "edit-child");
  g_assert_cmpstr (trellis_audit_entry_get_detail (newest), ==, "religion");
  g_assert_false (audit_has (trail, "sign-in-failed", NULL));

  searched = trellis_store_list_audit (f->store, f->manager, 0, "Pat", 100, &error);
  g_assert_true (audit_has (searched, "view-child", "Pat Reeves"));
  g_assert_false (audit_has (searched, "edit-child", NULL));
  g_clear_object (&searched);
  searched = trellis_store_list_audit (f->store, f->manager, 0, "sign-in-failed", 100, &error);
  g_assert_true (audit_has (searched, "sign-in-failed", "Sam Carter"));
}

static void
tamper (Fixture    *f,
        const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_audit_chain_catches_tampering (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) seen = NULL;
  gint64 broken = -1;
  guint n = 0;

  for (guint i = 0; i < 5; i++)
    {
      g_clear_object (&seen);
      seen = trellis_store_view_child (f->store, f->staff1, f->child_of_staff1, NULL);
    }
  g_assert_true (trellis_store_verify_audit (f->store, f->manager, &broken, &n, &error));
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpuint (n, >=, 5);

  /* someone with sqlite3 changes who looked at the record */
  tamper (f, "UPDATE audit SET staff_id = (SELECT id FROM staff WHERE username = 'manager') "
             "WHERE id = (SELECT max(id) - 2 FROM audit)");
  g_assert_false (trellis_store_verify_audit (f->store, f->manager, &broken, &n, &error));
  g_assert_no_error (error);
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    gint64 expected;
    sqlite3_open (f->path, &db);
    sqlite3_prepare_v2 (db, "SELECT max(id) - 2 FROM audit", -1, &stmt, NULL);
    sqlite3_step (stmt);
    expected = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_assert_cmpint (broken, ==, expected);
  }
}

static void
test_audit_chain_catches_deletion (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;

  tamper (f, "DELETE FROM audit WHERE id = 3");
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, 3);
  g_assert_false (trellis_store_verify_audit (f->store, f->staff1, &broken, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/security/visitor-writes-nothing", test_visitor_writes_nothing);
  ADD ("/security/staff-edit-own-key-child-only", test_staff_edit_own_key_child_only);
  ADD ("/security/only-managers-assign", test_only_managers_assign);
  ADD ("/security/only-administrators-add-accounts", test_only_administrators_add_accounts);
  ADD ("/security/first-sign-in-must-change", test_first_sign_in_must_change);
  ADD ("/security/unknown-user-same-answer", test_unknown_user_same_answer);
  ADD ("/security/delay-then-lock", test_delay_then_lock);
  ADD ("/security/reset-password", test_reset_password);
  ADD ("/security/staff-who-left-cannot-sign-in", test_staff_who_left_cannot_sign_in);
  ADD ("/security/audit-records-views-and-changes", test_audit_records_views_and_changes);
  ADD ("/security/audit-chain-catches-tampering", test_audit_chain_catches_tampering);
  ADD ("/security/audit-chain-catches-deletion", test_audit_chain_catches_deletion);

  return g_test_run ();
}
