/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-security.c: roles enforced in the store, signing in, and the audit trail
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-test-utils.h"

typedef struct
{
  char         *path;
  TrellisStore *store;
  TrellisContext *context;
  TrellisClock *clock;        /* the context's, which the store's "now" comes from */
  TrellisStaff *admin;
  TrellisStaff *manager;
  TrellisStaff *staff1;
  TrellisStaff *staff2;
  TrellisStaff *visitor;
  gint64        child_of_staff1;
  gint64        child_of_staff2;
} Fixture;

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
  f->context = trellis_context_new (f->store, &error);
  g_assert_no_error (error);
  f->clock = trellis_context_get_clock (f->context);
  trellis_clock_set_now (f->clock, G_GINT64_CONSTANT (1800000000) * G_USEC_PER_SEC);

  f->admin = trellis_test_lookup_staff (f->store, "admin");
  f->manager = trellis_test_lookup_staff (f->store, "manager");
  f->staff1 = trellis_test_lookup_staff (f->store, "staff1");
  f->staff2 = trellis_test_lookup_staff (f->store, "staff2");
  f->visitor = trellis_test_lookup_staff (f->store, "visitor");
  f->child_of_staff1 = trellis_test_first_child_of (f->store, f->staff1);
  f->child_of_staff2 = trellis_test_first_child_of (f->store, f->staff2);
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
  g_clear_object (&f->context);
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

/* Problems are named in the order of the form: the name, the username, the password. */
static void
test_add_account_checks_in_order (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) none = NULL;

  none = trellis_store_create_account (f->store, f->admin, "", "  ", TRELLIS_ROLE_STAFF, "short",
                                       &error);
  g_assert_null (none);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Enter the person’s name");
  g_clear_error (&error);

  none = trellis_store_create_account (f->store, f->admin, "two words", "Nia Newbie",
                                       TRELLIS_ROLE_STAFF, "short", &error);
  g_assert_null (none);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Enter a username with no spaces");
  g_clear_error (&error);

  none = trellis_store_create_account (f->store, f->admin, "newbie", "Nia Newbie",
                                       TRELLIS_ROLE_STAFF, "short", &error);
  g_assert_null (none);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at least"));
  g_assert_null (trellis_store_lookup_staff (f->store, "newbie", NULL));
  g_clear_error (&error);

  /* a Cyrillic "а" beside the Latin "admin", and a name with a tab in it: refused, and no
   * account is added */
  {
    g_autoptr(GListModel) before = trellis_store_list_staff (f->store, f->admin, NULL);
    g_autoptr(GListModel) after = NULL;

    none = trellis_store_create_account (f->store, f->admin, "\xd0\xb0" "dmin", "Look Alike",
                                         TRELLIS_ROLE_STAFF, "a long enough password", &error);
    g_assert_null (none);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    g_clear_error (&error);
    none = trellis_store_create_account (f->store, f->admin, "tabby", "Tab\tby",
                                         TRELLIS_ROLE_STAFF, "a long enough password", &error);
    g_assert_null (none);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    after = trellis_store_list_staff (f->store, f->admin, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  }
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

static int raw_guesses (Fixture *f, const char *username);
static guint count_audit (Fixture *f, const char *action, const char *staff_name);

/* Guesses at a password wait longer and longer, at most TRELLIS_SIGN_IN_MAX_GUESSES in
 * TRELLIS_SIGN_IN_WINDOW_SECONDS, and a username nobody has gets exactly the same words and
 * waits as a real one. Nothing locks the account: the wait ends by itself. */
static void
test_delay_then_lock (Fixture       *f,
                      gconstpointer  data)
{
  const char *usernames[] = { "staff1", "nobody-here" };
  g_autoptr(GPtrArray) said_real = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) said_unknown = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *said[] = { said_real, said_unknown };
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) ok = NULL;
  gint64 start = trellis_clock_get_now (f->clock);

  for (guint u = 0; u < G_N_ELEMENTS (usernames); u++)
    {
      trellis_clock_set_now (f->clock, start);
      for (guint i = 1; i <= TRELLIS_SIGN_IN_MAX_GUESSES; i++)
        {
          g_assert_null (trellis_store_sign_in (f->store, usernames[u], "wrong password", NULL,
                                                &error));
          g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
          g_ptr_array_add (said[u], g_strdup (error->message));
          g_clear_error (&error);
          g_assert_cmpint (raw_guesses (f, usernames[u]), ==, i);

          if (trellis_store_get_sign_in_delay (i) > 0 && i < TRELLIS_SIGN_IN_MAX_GUESSES)
            {
              /* too soon: refused without even checking, and not counted */
              g_assert_null (trellis_store_sign_in (f->store, usernames[u], TRELLIS_DEMO_PASSWORD,
                                                    NULL, &error));
              g_assert_nonnull (strstr (error->message, "wait"));
              g_ptr_array_add (said[u], g_strdup (error->message));
              g_clear_error (&error);
              g_assert_cmpint (raw_guesses (f, usernames[u]), ==, i);
              trellis_clock_advance (f->clock, (gint64) trellis_store_get_sign_in_delay (i) * G_USEC_PER_SEC);
            }
        }
      /* the tenth in five minutes: the right password waits for the window to end */
      g_assert_null (trellis_store_sign_in (f->store, usernames[u], TRELLIS_DEMO_PASSWORD, NULL,
                                            &error));
      g_assert_nonnull (strstr (error->message, "wait"));
      g_ptr_array_add (said[u], g_strdup (error->message));
      g_clear_error (&error);
    }
  g_assert_cmpuint (trellis_store_get_sign_in_delay (4), >, trellis_store_get_sign_in_delay (3));

  /* a stranger learns nothing: the same words, in the same order, with the same waits */
  g_assert_cmpuint (said[0]->len, ==, said[1]->len);
  for (guint i = 0; i < said[0]->len; i++)
    g_assert_cmpstr (g_ptr_array_index (said[0], i), ==, g_ptr_array_index (said[1], i));

  /* tries turned away are audited as a count, not a row each */
  g_assert_cmpuint (count_audit (f, "sign-in-waiting", "Sam Carter"), ==, 1);

  /* not locked: once the five minutes are over, the right password works */
  trellis_clock_set_now (f->clock, start + (gint64) TRELLIS_SIGN_IN_WINDOW_SECONDS * G_USEC_PER_SEC);
  {
    g_autoptr(TrellisStaff) s = trellis_test_lookup_staff (f->store, "staff1");
    g_assert_false (trellis_staff_get_locked (s));
  }
  ok = trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);
  g_assert_cmpint (raw_guesses (f, "staff1"), ==, 0);
  g_assert_cmpuint (count_audit (f, "sign-in-waiting", "Sam Carter"), ==, 2);
}

/* A Manager can still lock an account by hand; its right password is then refused (and
 * only the right password hears why) until someone unlocks it. */
static void
test_lock_by_hand (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) ok = NULL;
  g_autofree char *wrong_words = NULL;

  g_assert_false (trellis_store_lock_staff (f->store, f->staff2, trellis_staff_get_id (f->staff1),
                                            &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (trellis_store_lock_staff (f->store, f->manager, trellis_staff_get_id (f->staff1),
                                           &error));
  g_assert_no_error (error);

  g_assert_null (trellis_store_sign_in (f->store, "staff1", "wrong password", NULL, &error));
  wrong_words = g_strdup (error->message);
  g_assert_cmpstr (wrong_words, ==, "The username or password is not right");
  g_clear_error (&error);
  g_assert_null (trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD, NULL, &error));
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);
  g_assert_cmpuint (count_audit (f, "lock-staff", "Joanne Mensah"), ==, 1);

  g_assert_true (trellis_store_unlock_staff (f->store, f->manager,
                                             trellis_staff_get_id (f->staff1), &error));
  ok = trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);
}

static const char *self_path;

/* --guess DB NOW: one wrong password for staff1 at the moment NOW, from a process of its
 * own. Prints "c" when the password was checked, "w" when told to wait. */
static int
guess_once (char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open (argv[2], TRELLIS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(TrellisContext) context = NULL;

  if (store != NULL)
    context = trellis_context_new (store, &error);
  if (context == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  trellis_clock_set_now (trellis_context_get_clock (context), g_ascii_strtoll (argv[3], NULL, 10));
  if (trellis_store_sign_in (store, "staff1", "wrong password", NULL, &error) != NULL)
    return 1;
  if (strstr (error->message, "wait") != NULL)
    g_print ("w");
  else if (strstr (error->message, "not right") != NULL)
    g_print ("c");
  else
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* Twenty attempts at once, from twenty processes, all at the same moment by their clocks:
 * each guess is counted before its password is checked, so only the first three (which
 * need no wait) are checked at all. */
static void
test_parallel_guesses (Fixture       *f,
                       gconstpointer  data)
{
  enum { TRIES = 20 };
  GSubprocess *guessers[TRIES];
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, trellis_clock_get_now (f->clock));
  guint checked = 0, waited = 0;

  /* the fixture's store lets go of the file's write lock between calls, as a window does */
  for (guint i = 0; i < TRIES; i++)
    {
      g_autoptr(GError) error = NULL;

      guessers[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path,
                                      "--guess", f->path, now, NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < TRIES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (guessers[i], NULL, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_successful (guessers[i]));
      if (g_str_equal (out, "c"))
        checked++;
      else if (g_str_equal (out, "w"))
        waited++;
      g_object_unref (guessers[i]);
    }

  g_assert_cmpuint (checked + waited, ==, TRIES);
  g_assert_cmpuint (checked, ==, 3);
  g_assert_cmpint (raw_guesses (f, "staff1"), ==, 3);
}

/* Each role tries to reset, lock and unlock every other role, and to give each role to a
 * new account: only the cells allowed succeed, and a refusal changes nothing. */
static void
test_escalation (Fixture       *f,
                 gconstpointer  data)
{
  TrellisStaff *people[] = { f->admin, f->manager, f->staff1, f->visitor };
  g_autoptr(TrellisStaff) admin2 = NULL;
  g_autoptr(GError) error = NULL;

  admin2 = trellis_store_create_account (f->store, f->admin, "admin2", "Ada Second",
                                         TRELLIS_ROLE_ADMINISTRATOR, "another admin phrase",
                                         &error);
  g_assert_no_error (error);

  for (guint a = 0; a < G_N_ELEMENTS (people); a++)
    for (guint t = 0; t < G_N_ELEMENTS (people) + 1; t++)
      {
        TrellisStaff *actor = people[a];
        TrellisStaff *target = t < G_N_ELEMENTS (people) ? people[t] : admin2;
        TrellisRole actor_role = trellis_staff_get_role (actor);
        TrellisRole target_role = trellis_staff_get_role (target);
        gboolean allowed =
          (actor_role == TRELLIS_ROLE_ADMINISTRATOR && target != actor) ||
          (actor_role == TRELLIS_ROLE_MANAGER &&
           (target_role == TRELLIS_ROLE_STAFF || target_role == TRELLIS_ROLE_VISITOR));
        g_autofree char *phrase = g_strdup_printf ("reset phrase number %u %u", a, t);
        gboolean done;

        done = trellis_store_reset_password (f->store, actor, trellis_staff_get_id (target),
                                             phrase, &error);
        g_assert_cmpint (done, ==, allowed);
        if (!allowed)
          {
            g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
            g_clear_error (&error);
            /* the one-time password does not open the account */
            trellis_clock_advance (f->clock, (gint64) TRELLIS_SIGN_IN_WINDOW_SECONDS * G_USEC_PER_SEC);
            g_assert_null (trellis_store_sign_in (f->store, trellis_staff_get_username (target),
                                                  phrase, NULL, &error));
            g_clear_error (&error);
          }
        g_assert_no_error (error);

        done = trellis_store_lock_staff (f->store, actor, trellis_staff_get_id (target), &error);
        g_assert_cmpint (done, ==, allowed);
        g_clear_error (&error);
        done = trellis_store_unlock_staff (f->store, actor, trellis_staff_get_id (target),
                                           &error);
        g_assert_cmpint (done, ==, allowed);
        g_clear_error (&error);
      }

  for (guint a = 0; a < G_N_ELEMENTS (people); a++)
    for (TrellisRole role = TRELLIS_ROLE_ADMINISTRATOR; role <= TRELLIS_ROLE_VISITOR; role++)
      {
        g_autofree char *username = g_strdup_printf ("new%u%u", a, role);
        g_autoptr(TrellisStaff) added = NULL;
        gboolean allowed = trellis_staff_get_role (people[a]) == TRELLIS_ROLE_ADMINISTRATOR;

        g_autoptr(TrellisStaff) found = NULL;

        added = trellis_store_create_account (f->store, people[a], username, "New Person", role,
                                              "a long new phrase", &error);
        g_assert_cmpint (added != NULL, ==, allowed);
        g_clear_error (&error);
        found = trellis_store_lookup_staff (f->store, username, NULL);
        g_assert_cmpint (found != NULL, ==, allowed);
      }
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
  back = trellis_test_lookup_staff (f->store, "staff2");
  g_assert_false (trellis_staff_get_active (back));
}

/* The names of the people in @list, in order, joined by spaces. */
static char *
usernames_of (GListModel *list)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisStaff) staff = g_list_model_get_item (list, i);
      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", trellis_staff_get_username (staff));
    }
  return g_string_free (names, FALSE);
}

/* The sign-in page offers the people who signed in last, newest first; a wrong password,
 * someone who never signed in and someone who has left are not among them. */
static void
test_recent_sign_ins (Fixture       *f,
                      gconstpointer  data)
{
  const char *order[] = { "staff1", "manager", "visitor", "staff1" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) recent = NULL;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) after_leaving = NULL;
  g_autofree char *names = NULL;
  g_autofree char *first_names = NULL;
  g_autofree char *left_names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(TrellisStaff) staff = trellis_store_sign_in (f->store, order[i],
                                                             TRELLIS_DEMO_PASSWORD, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (staff);
    }
  g_assert_null (trellis_store_sign_in (f->store, "staff2", "not the password", NULL, NULL));

  recent = trellis_store_list_recent_sign_ins (f->store, 8, &error);
  g_assert_no_error (error);
  names = usernames_of (recent);
  g_assert_cmpstr (names, ==, "staff1 visitor manager");

  first = trellis_store_list_recent_sign_ins (f->store, 1, &error);
  first_names = usernames_of (first);
  g_assert_cmpstr (first_names, ==, "staff1");

  /* a name typed in part, in any case, and nothing read as a pattern */
  {
    g_autoptr(GListModel) found = trellis_store_find_sign_in_staff (f->store, "MENS", 5, &error);
    g_autoptr(GListModel) none = trellis_store_find_sign_in_staff (f->store, "%", 5, &error);
    g_autoptr(GListModel) two = trellis_store_find_sign_in_staff (f->store, NULL, 2, &error);
    g_autofree char *found_names = usernames_of (found);

    g_assert_cmpstr (found_names, ==, "manager");
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (two), ==, 2);
  }

  g_assert_true (trellis_store_set_staff_active (f->store, f->admin,
                                                 trellis_staff_get_id (f->staff1), FALSE, &error));
  after_leaving = trellis_store_list_recent_sign_ins (f->store, 8, &error);
  left_names = usernames_of (after_leaving);
  g_assert_cmpstr (left_names, ==, "visitor manager");
}

static void
on_signed_in_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Waits on the main loop for trellis_store_sign_in_async(), as the window does. */
static TrellisStaff *
sign_in_async (Fixture     *f,
               const char  *username,
               const char  *password,
               gboolean    *must_change,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trellis_store_sign_in_async (f->store, username, password, NULL, on_signed_in_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return trellis_store_sign_in_finish (f->store, result, must_change, error);
}

/* The window's sign-in checks the password on a worker: the same answers, counting and
 * audit as the synchronous one. */
static void
test_sign_in_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) sam = NULL;
  g_autoptr(TrellisStaff) wrong = NULL;
  g_autoptr(TrellisStaff) unknown = NULL;
  g_autoptr(GListModel) trail = NULL;
  g_autoptr(TrellisAuditEntry) newest = NULL;
  gboolean must_change = TRUE;

  sam = sign_in_async (f, "staff1", TRELLIS_DEMO_PASSWORD, &must_change, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_staff_get_username (sam), ==, "staff1");
  g_assert_false (must_change);

  wrong = sign_in_async (f, "staff1", "not the password", NULL, &error);
  g_assert_null (wrong);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  trail = trellis_store_list_audit (f->store, f->manager, 0, NULL, 1, &error);
  newest = g_list_model_get_item (trail, 0);
  g_assert_cmpstr (trellis_audit_entry_get_action (newest), ==, "sign-in-failed");

  unknown = sign_in_async (f, "nobody", "not the password", NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
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

  g_assert_cmpint (store_open_raw (f->path, &db, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
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
    store_open_raw (f->path, &db, SQLITE_OPEN_READWRITE);
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

/* What someone with sqlite3 and no staff password would do to hide an edit: recompute the
 * unkeyed hash of the row they changed and of every row after it. */
static void
rehash_from (Fixture *f,
             gint64   first)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autofree char *prev = NULL;
  g_autoptr(GPtrArray) updates = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (store_open_raw (f->path, &db, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, prev_hash, at, coalesce(staff_id, 0), "
                                       "action, coalesce(child_id, 0), detail, hash FROM audit "
                                       "ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *content = NULL;
      g_autofree char *hash = NULL;

      if (id < first)
        {
          g_free (prev);
          prev = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
          continue;
        }
      content = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%" G_GINT64_FORMAT "|%s|%"
                                 G_GINT64_FORMAT "|%s", id, prev,
                                 sqlite3_column_text (stmt, 2),
                                 (gint64) sqlite3_column_int64 (stmt, 3),
                                 sqlite3_column_text (stmt, 4),
                                 (gint64) sqlite3_column_int64 (stmt, 5),
                                 sqlite3_column_text (stmt, 6));
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
      g_ptr_array_add (updates, g_strdup_printf ("UPDATE audit SET prev_hash = '%s', hash = '%s' "
                                                 "WHERE id = %" G_GINT64_FORMAT, prev, hash, id));
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  sqlite3_finalize (stmt);
  for (guint i = 0; i < updates->len; i++)
    g_assert_cmpint (sqlite3_exec (db, g_ptr_array_index (updates, i), NULL, NULL, NULL), ==,
                     SQLITE_OK);
  sqlite3_close (db);
}

static gint64
last_audit_id (Fixture *f)
{
  return store_count_rows (f->path, "SELECT max(id) FROM audit");
}

/* An edit hidden by recomputing the hashes after it: the chain is keyed, so the recomputed
 * rows do not verify. */
static void
test_audit_chain_catches_rehash (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;

  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  tamper (f, "UPDATE audit SET detail = 'nothing to see' WHERE id = 4");
  rehash_from (f, 4);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 4);
}

/* The last rows deleted: what is left is a chain that holds, but it stops short of the head
 * the keyring keeps; and new rows after the deletion do not hide it. */
static void
test_audit_head_catches_lost_rows (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) seen = NULL;
  gint64 broken = -1;
  gint64 last = last_audit_id (f);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM audit WHERE id > %" G_GINT64_FORMAT,
                                          last - 2);

  g_assert_cmpint (last, >, 3);
  tamper (f, sql);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, last - 1);

  seen = trellis_store_view_child (f->store, f->manager, f->child_of_staff1, &error);
  g_assert_no_error (error);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, last);
}

/* An older copy of the whole database put back: its trail holds, and is shorter, or goes
 * elsewhere, than the head the keyring kept. */
static void
test_audit_head_catches_older_copy (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *copy = g_strconcat (f->path, ".old", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) manager = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 broken = -1;
  guint n = 0;

  /* a copy of the files as they are now (the last connection closed: all in one file) */
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));

  /* more happens, audited */
  f->store = trellis_store_open (f->path, TRELLIS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  manager = trellis_store_sign_in (f->store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TrellisChild) seen = trellis_store_view_child (f->store, manager,
                                                             f->child_of_staff1, &error);
    g_assert_no_error (error);
  }
  g_assert_true (trellis_store_verify_audit (f->store, manager, &broken, &n, &error));
  g_clear_object (&manager);
  g_clear_object (&f->store);

  /* the older copy goes back over it; the keyring stays */
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));
  f->store = trellis_store_open (f->path, TRELLIS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  manager = trellis_store_sign_in (f->store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (trellis_store_verify_audit (f->store, manager, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, >, 0);
}

/* Each version of a record names the audit row that made it: a record that claims another
 * row (a sign-in, another child's, one that is not there) is found by the check. */
static void
test_audit_ties_records (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) seen = NULL;
  g_autofree char *claim = NULL;
  gint64 broken = -1, made;

  /* an edit keeps the version before it, with the audit row that made that one */
  seen = trellis_store_view_child (f->store, f->manager, f->child_of_staff1, &error);
  g_assert_no_error (error);
  trellis_child_set_religion (seen, "Quaker");
  g_assert_true (trellis_store_update_child (f->store, f->manager, seen, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM child WHERE audit_id IS NULL"),
                   ==, 0);
  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM child_version "
                                              "WHERE audit_id IS NULL"), ==, 0);

  /* a record that claims a look at it made it */
  made = store_count_rows (f->path, "SELECT min(id) FROM audit WHERE action = 'view-child'");
  g_assert_cmpint (made, >, 0);
  claim = g_strdup_printf ("UPDATE child SET audit_id = %" G_GINT64_FORMAT
                           " WHERE id = %" G_GINT64_FORMAT, made, f->child_of_staff2);
  tamper (f, claim);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, made);

  /* a kept version that claims a row that is not there */
  tamper (f, "UPDATE child_version SET audit_id = 999999");
  tamper (f, "UPDATE child SET audit_id = (SELECT max(a.id) FROM audit a WHERE a.child_id = "
             "child.id AND a.action IN ('add-child', 'edit-child'))");
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, 999999);
}

/* A health check recorded by hand in the database, without its audit row, or claiming
 * another row, is found by the check. */
static void
test_audit_ties_health_checks (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *claim = NULL;
  gint64 broken = -1, added;

  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM health_check"), >, 0);
  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);

  forged = g_strdup_printf ("INSERT INTO health_check (child_id, kind, done_on, recorded_by) "
                            "VALUES (%" G_GINT64_FORMAT ", 'dental', '2026-01-05', 1)",
                            f->child_of_staff1);
  tamper (f, forged);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 1);

  /* one that claims the row that added the child */
  added = store_count_rows (f->path, "SELECT min(id) FROM audit WHERE action = 'add-child'");
  claim = g_strdup_printf ("UPDATE health_check SET audit_id = %" G_GINT64_FORMAT
                           " WHERE audit_id IS NULL", added);
  tamper (f, claim);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, added);
}

/* A version of a plan written by hand in the database, without its audit row, or claiming
 * a row about something else, is found by the check. */
static void
test_audit_ties_care_plans (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisCarePlanContent) content =
    trellis_care_plan_content_new (TRELLIS_CARE_PLAN_BEHAVIOUR);
  g_autofree char *forged = NULL;
  g_autofree char *claim = NULL;
  gint64 broken = -1, added, plan;

  trellis_care_plan_content_set_section (content, 0, "Shouting when plans change");
  plan = trellis_store_save_care_plan (f->store, f->manager, f->child_of_staff1, 0, content,
                                       FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);

  forged = g_strdup_printf ("INSERT INTO care_plan_version (plan_id, version, child_id, step, "
                            "status, saved_by, saved_at) VALUES (%" G_GINT64_FORMAT ", 9, %"
                            G_GINT64_FORMAT ", 'approve', 'approved', 1, 0)", plan,
                            f->child_of_staff1);
  tamper (f, forged);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 1);

  /* one that claims the row that added the child */
  added = store_count_rows (f->path, "SELECT min(id) FROM audit WHERE action = 'add-child'");
  claim = g_strdup_printf ("UPDATE care_plan_version SET audit_id = %" G_GINT64_FORMAT
                           " WHERE audit_id IS NULL", added);
  tamper (f, claim);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, added);
}

/* A complaint's outcome added behind the store's back names no audit row: found. */
static void
test_audit_ties_complaints (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) made = trellis_date_new (2026, 1, 5);
  g_autofree char *forged = NULL;
  gint64 broken = -1, id;

  id = trellis_store_record_complaint (f->store, f->manager, f->child_of_staff1, made,
                                       "The Wi-Fi", "Manager", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, 0);

  forged = g_strdup_printf ("INSERT INTO complaint_outcome (complaint_id, child_id, handled, "
                            "outcome, satisfied, resolved_on, recorded_by) VALUES (%"
                            G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'x', 'y', 'yes', "
                            "'2026-01-06', 1)", id, f->child_of_staff1);
  tamper (f, forged);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 1);
}

/* A goal rating, risk flag or incident written by hand in the database, without its audit
 * row or claiming another's, is found by the check. */
static void
test_audit_ties_goals_and_incidents (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = trellis_date_new (2026, 2, 20);
  g_autoptr(GDateTime) now = trellis_date_today ();
  g_autoptr(GDateTime) review = g_date_time_add_months (now, 3);   /* the store's today */
  TrellisIncidentReport report = {
    TRELLIS_INCIDENT_BEHAVIOUR, day, "10:00", "Threw a chair in the lounge", NULL, NULL, NULL,
  };
  const char *forgeries[] = {
    "INSERT INTO goal_rating (goal_id, child_id, rating, rated_on, recorded_by, audit_id) "
    "SELECT id, child_id, 9, '2026-02-21', recorded_by, audit_id FROM goal",
    "INSERT INTO risk_flag (child_id, area, level, flagged_on, recorded_by) "
    "SELECT child_id, 'exploitation', 'high', '2026-02-21', recorded_by FROM goal",
    "INSERT INTO incident (child_id, kind, happened_on, time, what, recorded_by, audit_id) "
    "SELECT child_id, 'missing', '2026-02-21', '23:00', 'x', recorded_by, audit_id FROM goal",
  };
  gint64 broken = -1, goal;

  goal = trellis_store_add_goal (f->store, f->staff1, f->child_of_staff1,
                                 TRELLIS_GOAL_DOMAIN_SOCIAL, "Join a club", 2, 7, review, &error);
  g_assert_cmpint (goal, >, 0);
  g_assert_cmpint (trellis_store_rate_goal (f->store, f->staff1, goal, 4, day, &error), >, 0);
  g_assert_cmpint (trellis_store_flag_risk (f->store, f->staff1, f->child_of_staff1,
                                            TRELLIS_RISK_AREA_BEHAVIOUR, TRELLIS_RISK_LEVEL_LOW,
                                            day, &error), >, 0);
  g_assert_cmpint (trellis_store_record_stepping (f->store, f->staff1, f->child_of_staff1,
                                                  TRELLIS_STEPPING_UP, day, "Manager",
                                                  "More support at school", &error), >, 0);
  g_assert_cmpint (trellis_store_record_incident (f->store, f->staff1, f->child_of_staff1,
                                                  &report, &error), >, 0);
  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (forgeries); i++)
    {
      tamper (f, forgeries[i]);
      g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (broken, >, 0);
      /* undone, so the next is found on its own */
      tamper (f, "DELETE FROM goal_rating WHERE rating = 9; "
                 "DELETE FROM risk_flag WHERE area = 'exploitation'; "
                 "DELETE FROM incident WHERE what = 'x'");
      g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
    }
}

/* Each version of a person and each consent answer is held to the audit row that recorded
 * it, for that child and that kind of change. */
static void
test_audit_ties_people (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) asked = trellis_date_new (2026, 2, 1);
  g_autoptr(TrellisPerson) sister = g_object_new (TRELLIS_TYPE_PERSON, "name", "Sister",
                                                  "relationship", TRELLIS_RELATIONSHIP_SIBLING,
                                                  NULL);
  g_autofree char *forged = NULL;
  g_autofree char *claim = NULL;
  gint64 broken = -1, person, consent_audit;

  person = trellis_store_add_person (f->store, f->staff1, f->child_of_staff1, sister, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_record_consent (f->store, f->staff1, f->child_of_staff1,
                                                 TRELLIS_CONSENT_PHOTOGRAPHS, NULL,
                                                 TRELLIS_CONSENT_GIVEN, 0, asked, NULL,
                                                 &error), >, 0);
  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);

  /* a version slipped in with no audit row */
  forged = g_strdup_printf ("INSERT INTO person_version (person_id, child_id, version, name, "
                            "relationship, recorded_by) VALUES (%" G_GINT64_FORMAT ", %"
                            G_GINT64_FORMAT ", 9, 'Forged', 'sibling', 1)", person,
                            f->child_of_staff1);
  tamper (f, forged);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 1);
  tamper (f, "DELETE FROM person_version WHERE name = 'Forged'");
  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));

  /* a consent answer that claims the row of another kind of change */
  consent_audit = store_count_rows (f->path, "SELECT min(id) FROM audit WHERE action = "
                                             "'add-person'");
  claim = g_strdup_printf ("UPDATE consent SET audit_id = %" G_GINT64_FORMAT
                           " WHERE id = (SELECT max(id) FROM consent)", consent_audit);
  tamper (f, claim);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, consent_audit);
}

/* An appointment or an education record put in by hand, without its audit row, or one
 * that claims a row of another action (an appointment's outcome claiming the row that
 * recorded the appointment), is found by the check. */
static void
test_audit_ties_appointments_and_education (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = trellis_date_new (2026, 1, 5);
  g_autofree char *claim = NULL;
  gint64 broken = -1, appointment, first_row;

  appointment = trellis_store_record_appointment (f->store, f->manager, f->child_of_staff1, day,
                                                  NULL, "Dr Okafor", "Review", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_record_appointment_outcome (f->store, f->manager, appointment,
                                                           "Seen", &error));
  g_assert_true (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);

  /* the outcome's version claims the row that recorded the appointment itself */
  first_row = store_count_rows (f->path, "SELECT max(id) FROM audit WHERE action = "
                                         "'record-appointment'");
  claim = g_strdup_printf ("UPDATE appointment SET audit_id = %" G_GINT64_FORMAT
                           " WHERE id = %" G_GINT64_FORMAT, first_row, appointment);
  tamper (f, claim);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, first_row);

  /* an attendance record with no audit row at all */
  g_free (claim);
  claim = g_strdup_printf ("UPDATE appointment SET audit_id = (SELECT max(id) FROM audit WHERE "
                           "action = 'record-appointment-outcome') WHERE id = %" G_GINT64_FORMAT
                           "; INSERT INTO education_record (child_id, kind, on_date, title, "
                           "possible, attended, recorded_by) VALUES (%" G_GINT64_FORMAT
                           ", 'attendance', '2026-01-05', 'Spring 2026', 100, 100, 1)",
                           appointment, f->child_of_staff1);
  tamper (f, claim);
  g_assert_false (trellis_store_verify_audit (f->store, f->admin, &broken, NULL, &error));
  g_assert_cmpint (broken, ==, 1);
}

/* Every row of @entries has the action @action. */
static gboolean
audit_all (GListModel *entries,
           const char *action)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(TrellisAuditEntry) e = g_list_model_get_item (entries, i);
      if (!g_str_equal (trellis_audit_entry_get_action (e), action))
        return FALSE;
    }
  return TRUE;
}

static GListModel *
search_audit (Fixture    *f,
              const char *text,
              guint       limit)
{
  g_autoptr(GError) error = NULL;
  GListModel *found = trellis_store_list_audit (f->store, f->manager, 0, text, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

/* The trail is searched for the words a person reads on screen, in SQL, and its codes
 * stay as stored for scripts. */
static void
test_audit_search_by_words (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) signed_in = NULL;
  g_autoptr(TrellisChild) seen = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GListModel) opened = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(TrellisAuditEntry) assigned = NULL;
  g_autofree char *detail = NULL;
  guint n_opened;

  seen = trellis_store_view_child (f->store, f->staff1, f->child_of_staff2, &error);
  g_assert_no_error (error);
  signed_in = trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (try_edit (f, f->staff2, f->child_of_staff2, "Quaker"));
  g_assert_true (trellis_store_assign_link_worker (f->store, f->manager, f->child_of_staff2,
                                                   trellis_staff_get_id (f->staff1), today,
                                                   TRELLIS_CHANGE_REASON_STAFF_LEFT, "", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_store_reset_password (f->store, f->admin, trellis_staff_get_id (f->staff2),
                                               "a fresh one-time phrase", &error));
  g_assert_no_error (error);

  /* what was done, in the words on screen, whatever the case */
  opened = search_audit (f, "Opened", 100);
  n_opened = g_list_model_get_n_items (opened);
  g_assert_cmpuint (n_opened, >, 0);
  g_assert_true (audit_all (opened, "view-child"));
  g_clear_object (&found);
  found = search_audit (f, "OPENED THE record", 100);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, n_opened);
  g_clear_object (&found);
  found = search_audit (f, "signed in", 100);
  g_assert_true (audit_has (found, "sign-in", "Sam Carter"));
  g_assert_true (audit_all (found, "sign-in"));
  g_clear_object (&found);
  found = search_audit (f, "Assigned", 100);
  g_assert_true (audit_has (found, "assign-link-worker", "Joanne Mensah"));
  g_assert_true (audit_all (found, "assign-link-worker"));

  /* the search runs before the LIMIT, in SQL: the newest opening, though newer rows exist */
  g_clear_object (&found);
  found = search_audit (f, "opened", 1);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_assert_true (audit_all (found, "view-child"));

  /* why a Link Worker changed, and who it is now */
  g_clear_object (&found);
  found = search_audit (f, "long-term absence", 100);
  g_assert_true (audit_all (found, "assign-link-worker"));
  assigned = g_list_model_get_item (found, 0);
  g_assert_cmpstr (trellis_audit_entry_get_action (assigned), ==, "assign-link-worker");
  g_assert_cmpstr (trellis_audit_entry_get_detail (assigned), ==, "staff1 (staff-left)");
  g_assert_cmpstr (trellis_audit_entry_get_action_label (assigned), ==, "Assigned a Link Worker");
  detail = trellis_audit_entry_dup_detail_label (assigned);
  g_assert_cmpstr (detail, ==, "Sam Carter (The Link Worker left or is on long-term absence)");
  g_clear_object (&found);
  found = search_audit (f, "first link worker", 100);
  g_assert_true (audit_has (found, "assign-link-worker", NULL));
  g_assert_true (audit_all (found, "assign-link-worker"));

  /* the account a row is about, by name, though the row stores the username */
  g_clear_object (&found);
  found = search_audit (f, "priya", 100);
  g_assert_true (audit_has (found, "reset-password", "Dev Anand"));
  g_clear_object (&found);
  found = search_audit (f, "Reset a password", 100);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  {
    g_autoptr(TrellisAuditEntry) reset = g_list_model_get_item (found, 0);
    g_autofree char *whom = trellis_audit_entry_dup_detail_label (reset);

    g_assert_cmpstr (trellis_audit_entry_get_detail (reset), ==, "staff2");
    g_assert_cmpstr (whom, ==, "Priya Sharma");
  }

  /* the fields that changed, as the child's page names them */
  g_clear_object (&found);
  found = search_audit (f, "religion", 100);
  g_assert_true (audit_has (found, "edit-child", "Priya Sharma"));
  {
    g_autoptr(TrellisAuditEntry) edit = g_list_model_get_item (found, 0);
    g_autofree char *fields = trellis_audit_entry_dup_detail_label (edit);

    g_assert_cmpstr (trellis_audit_entry_get_detail (edit), ==, "religion");
    g_assert_cmpstr (fields, ==, "Religion");
  }

  /* codes still find their rows for scripts; wildcards are only themselves */
  g_clear_object (&found);
  found = search_audit (f, "view-child", 100);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, n_opened);
  g_clear_object (&found);
  found = search_audit (f, "%", 100);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);
  found = search_audit (f, "no such words anywhere", 100);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
}

/* One place names every action: each one the store wrote here has words, not its code. */
static void
test_audit_labels (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GEnumClass) actions = g_type_class_ref (TRELLIS_TYPE_AUDIT_ACTION);
  g_auto(GStrv) signed_codes = trellis_audit_actions_matching ("SIGNED");
  g_auto(GStrv) reason_codes = trellis_change_reasons_matching ("relationship");
  g_auto(GStrv) field_codes = trellis_audit_fields_matching ("date of birth");
  g_auto(GStrv) none = trellis_audit_actions_matching ("");

  g_assert_cmpstr (trellis_audit_action_to_label (TRELLIS_AUDIT_ACTION_VIEW_CHILD), ==,
                   "Opened the record");
  for (guint i = 0; i < actions->n_values; i++)
    g_assert_cmpstr (trellis_audit_action_to_label (actions->values[i].value), !=, "Unknown");
  g_assert_true (g_strv_contains ((const char * const *) signed_codes, "sign-in"));
  g_assert_true (g_strv_contains ((const char * const *) signed_codes, "sign-out"));
  g_assert_cmpuint (g_strv_length (signed_codes), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) reason_codes, "child-request"));
  g_assert_true (g_strv_contains ((const char * const *) reason_codes, "no-relationship"));
  g_assert_cmpuint (g_strv_length (reason_codes), ==, 2);
  g_assert_cmpuint (g_strv_length (field_codes), ==, 1);
  g_assert_cmpstr (field_codes[0], ==, "date-of-birth");
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  /* a sample of everything the store writes */
  {
    g_autoptr(TrellisChild) seen = trellis_store_get_child (f->store, f->manager,
                                                            f->child_of_staff1, NULL);
    g_autoptr(TrellisStaff) added = NULL;

    g_assert_null (trellis_store_sign_in (f->store, "staff1", "wrong password", NULL, NULL));
    added = trellis_store_create_account (f->store, f->admin, "newbie", "Nia Newbie",
                                          TRELLIS_ROLE_STAFF, "a one-time phrase", &error);
    g_assert_no_error (error);
    g_assert_true (trellis_store_unlock_staff (f->store, f->admin, trellis_staff_get_id (added),
                                               &error));
    g_assert_true (trellis_store_set_staff_active (f->store, f->admin,
                                                   trellis_staff_get_id (added), FALSE, &error));
    g_assert_true (trellis_store_set_staff_active (f->store, f->admin,
                                                   trellis_staff_get_id (added), TRUE, &error));
    trellis_store_sign_out (f->store, f->staff1);
  }
  all = trellis_store_list_audit (f->store, f->admin, 0, NULL, 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(TrellisAuditEntry) e = g_list_model_get_item (all, i);
      g_autofree char *detail = trellis_audit_entry_dup_detail_label (e);

      g_assert_cmpint (trellis_enum_from_nick (TRELLIS_TYPE_AUDIT_ACTION,
                                               trellis_audit_entry_get_action (e)), >=, 0);
      g_assert_cmpstr (trellis_audit_entry_get_action_label (e), !=,
                       trellis_audit_entry_get_action (e));
      /* no reason codes in what a person reads */
      g_assert_null (strstr (detail, "first-assignment"));
      g_assert_null (strstr (detail, "staff-left"));
      if (g_str_equal (trellis_audit_entry_get_action (e), "unlock-staff"))
        g_assert_cmpstr (detail, ==, "Nia Newbie");
    }
}

/* The guesses counted at @username in this window, read behind the store's back from the
 * keyring, where they are counted before anyone has signed in (0 when none are). */
static int
raw_guesses (Fixture    *f,
             const char *username)
{
  g_autofree char *keyring = g_strconcat (f->path, ".keyring", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = 0;

  g_assert_cmpint (sqlite3_open_v2 (keyring, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT guesses FROM sign_in_guesses "
                                       "WHERE username_key = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static guint
count_audit (Fixture    *f,
             const char *action,
             const char *staff_name)
{
  g_autoptr(GListModel) trail = trellis_store_list_audit (f->store, f->manager, 0, NULL, 100000,
                                                          NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (trail); i++)
    {
      g_autoptr(TrellisAuditEntry) e = g_list_model_get_item (trail, i);
      if (g_str_equal (trellis_audit_entry_get_action (e), action) &&
          g_str_equal (trellis_audit_entry_get_staff_name (e), staff_name))
        n++;
    }
  return n;
}

/* Someone at a PC left signed in cannot guess the password through Change Password: a
 * wrong current password is counted and waits exactly as a wrong sign-in does, with the
 * same audit row, and the two count together. */
static void
test_change_password_counts_wrong (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) sam = trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD,
                                                       NULL, &error);
  g_autoptr(TrellisStaff) again = NULL;
  guint failed_before = count_audit (f, "sign-in-failed", "Sam Carter");
  gint64 start;

  g_assert_no_error (error);

  /* a new password the same as the current one: said for a chosen password too */
  g_assert_false (trellis_store_change_password (f->store, sam, TRELLIS_DEMO_PASSWORD,
                                                 TRELLIS_DEMO_PASSWORD, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Choose a password different from your current one");
  g_clear_error (&error);
  /* the right current password: the guesses start again */
  g_assert_cmpint (raw_guesses (f, "staff1"), ==, 0);

  /* a new window; one wrong sign-in, then wrong current passwords: one count */
  trellis_clock_advance (f->clock, (gint64) TRELLIS_SIGN_IN_WINDOW_SECONDS * G_USEC_PER_SEC);
  start = trellis_clock_get_now (f->clock);
  g_assert_null (trellis_store_sign_in (f->store, "staff1", "wrong password", NULL, &error));
  g_clear_error (&error);
  for (guint i = 2; i <= TRELLIS_SIGN_IN_MAX_GUESSES; i++)
    {
      g_assert_false (trellis_store_change_password (f->store, sam, "wrong password",
                                                     "a brand new phrase", &error));
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
      g_assert_cmpstr (error->message, ==, "The current password is not right");
      g_clear_error (&error);
      g_assert_cmpint (raw_guesses (f, "staff1"), ==, i);
      g_assert_cmpuint (count_audit (f, "sign-in-failed", "Sam Carter"), ==, failed_before + i);

      if (trellis_store_get_sign_in_delay (i) > 0)
        {
          /* too soon: refused unchecked, even the right one, and not counted */
          g_assert_false (trellis_store_change_password (f->store, sam, TRELLIS_DEMO_PASSWORD,
                                                         "a brand new phrase", &error));
          g_assert_nonnull (strstr (error->message, "wait"));
          g_clear_error (&error);
          g_assert_cmpint (raw_guesses (f, "staff1"), ==, i);
          trellis_clock_advance (f->clock, (gint64) trellis_store_get_sign_in_delay (i) * G_USEC_PER_SEC);
        }
    }

  /* ten in the window: the right one waits for the window to close, then works */
  g_assert_false (trellis_store_change_password (f->store, sam, TRELLIS_DEMO_PASSWORD,
                                                 "a brand new phrase", &error));
  g_assert_nonnull (strstr (error->message, "wait"));
  g_clear_error (&error);
  trellis_clock_set_now (f->clock, start + (gint64) TRELLIS_SIGN_IN_WINDOW_SECONDS * G_USEC_PER_SEC);
  g_assert_true (trellis_store_change_password (f->store, sam, TRELLIS_DEMO_PASSWORD,
                                                "a brand new phrase", &error));
  g_assert_no_error (error);
  again = trellis_store_sign_in (f->store, "staff1", "a brand new phrase", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

/* The store writes its audit rows at the context's "now": one clock, which a test moves */
static void
test_store_uses_context_clock (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) staff1 = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(TrellisAuditEntry) newest = NULL;
  g_autoptr(GDateTime) expected = NULL;

  trellis_clock_advance (f->clock, G_GINT64_CONSTANT (90) * G_USEC_PER_SEC);
  staff1 = trellis_store_sign_in (f->store, "staff1", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);

  rows = trellis_store_list_audit (f->store, f->manager, 0, NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  newest = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (trellis_audit_entry_get_action (newest), ==, "sign-in");
  expected = g_date_time_new_from_unix_utc (G_GINT64_CONSTANT (1800000090));
  g_assert_cmpint (g_date_time_to_unix (trellis_audit_entry_get_at (newest)), ==,
                   g_date_time_to_unix (expected));
}

/* Whether @needle is anywhere in the file at @path (a missing file holds nothing). */
static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0, n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  /* byte by byte: the files are binary, with NULs everywhere */
  for (gsize i = 0; i + n <= length; i++)
    if (contents[i] == needle[0] && memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Unique strings written into a child's record, a new version of it, the search index and
 * the audit trail appear in no file of the home: not the database, its -wal or -shm, nor
 * the keyring and its own. (Drafts and backups will join the list as they are built.) */
static void
test_canary_in_no_file (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const canaries[] = {
    "Zyqcanarygiven", "zyqcanarygiven", "Xwvcanaryfamily", "Kpcanarypreferred",
    "Qqcanaryreligion", "Jjcanaryauthority", "Vvcanaryreligiontwo", "Hhcanaryhealthnote",
    "Aacanaryoutcome", "Eecanaryexclusion",
    "Ppcanarypersonview", "Ppcanaryconsentreason",
    "Ggcanarygoal", "Iicanaryincident", "Cccanarychildsaid", "Sscanarysteppingreason",
    "Ppcanaryplansection", "Ccanarychildwords", "Ggcanarycomplaint", "Ddcanarydocument",
  };
  const char * const suffixes[] = { "", "-wal", "-shm", ".keyring", ".keyring-wal",
                                    ".keyring-shm" };
  g_autoptr(TrellisChild) child = store_make_child ("Zyqcanarygiven", "2015-04-02");
  g_autoptr(TrellisChild) seen = NULL;
  g_autoptr(TrellisChildList) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  trellis_child_set_family_name (child, "Xwvcanaryfamily");
  trellis_child_set_preferred_name (child, "Kpcanarypreferred");
  trellis_child_set_religion (child, "Qqcanaryreligion");
  trellis_child_set_placing_authority (child, "Jjcanaryauthority");
  id = trellis_store_add_child (f->store, f->manager, child, &error);
  g_assert_no_error (error);
  seen = trellis_store_view_child (f->store, f->manager, id, &error);
  g_assert_no_error (error);
  trellis_child_set_religion (seen, "Vvcanaryreligiontwo");
  g_assert_true (trellis_store_update_child (f->store, f->manager, seen, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) checked = trellis_date_new (2026, 2, 20);

    g_assert_cmpint (trellis_store_record_health_check (f->store, f->manager, id,
                                                        TRELLIS_HEALTH_CHECK_DENTAL, checked,
                                                        "Hhcanaryhealthnote", &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (trellis_store_record_complaint (f->store, f->manager, id, checked,
                                                     "Ggcanarycomplaint", "Manager", &error),
                     >, 0);
    g_assert_no_error (error);
    {
      static const char letter[] = "%PDF-1.4\n% Ddcanarydocument: a letter about the child\n";
      g_autoptr(GBytes) content = g_bytes_new_static (letter, sizeof letter - 1);

      g_assert_cmpint (trellis_store_add_attachment (f->store, f->manager, id, "Letter", NULL,
                                                     checked, "letter.pdf", content, NULL,
                                                     &error), >, 0);
      g_assert_no_error (error);
    }
  }
  {
    g_autoptr(TrellisCarePlanContent) plan =
      trellis_care_plan_content_new (TRELLIS_CARE_PLAN_PLACEMENT);

    trellis_care_plan_content_set_section (plan, 0, "Ppcanaryplansection");
    plan->child_comments = (g_free (plan->child_comments), g_strdup ("Ccanarychildwords"));
    g_assert_cmpint (trellis_store_save_care_plan (f->store, f->manager, id, 0, plan, FALSE,
                                                   &error), >, 0);
    g_assert_no_error (error);
  }
  {
    g_autoptr(GDateTime) day = trellis_date_new (2026, 2, 20);
    g_autoptr(GDateTime) now = trellis_date_today ();
    g_autoptr(GDateTime) review = g_date_time_add_months (now, 3);   /* the store's today */
    TrellisIncidentReport report = {
      TRELLIS_INCIDENT_MISSING, day, "22:10", "Iicanaryincident", day, "Amira Haddad",
      "Cccanarychildsaid",
    };

    trellis_store_add_goal (f->store, f->manager, id, TRELLIS_GOAL_DOMAIN_SOCIAL,
                            "Ggcanarygoal", 2, 7, review, &error);
    g_assert_no_error (error);
    g_assert_cmpint (trellis_store_record_incident (f->store, f->manager, id, &report, &error),
                     >, 0);
    g_assert_cmpint (trellis_store_record_stepping (f->store, f->manager, id, TRELLIS_STEPPING_UP,
                                                    day, "Team around the child",
                                                    "Sscanarysteppingreason", &error), >, 0);
    g_assert_no_error (error);
  }
  {
    g_autoptr(GDateTime) asked = trellis_date_new (2026, 2, 21);
    g_autoptr(TrellisPerson) aunt = g_object_new (TRELLIS_TYPE_PERSON, "name", "Aunt",
                                                  "relationship",
                                                  TRELLIS_RELATIONSHIP_AUNT_UNCLE,
                                                  "child-view", "Ppcanarypersonview", NULL);

    g_assert_cmpint (trellis_store_add_person (f->store, f->manager, id, aunt, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (trellis_store_record_consent (f->store, f->manager, id,
                                                   TRELLIS_CONSENT_SHARING, "Police",
                                                   TRELLIS_CONSENT_WITHOUT, 0, asked,
                                                   "Ppcanaryconsentreason", &error), >, 0);
    g_assert_no_error (error);
  }
  {
    g_autoptr(GDateTime) seen_on = trellis_date_new (2026, 2, 20);
    TrellisEducationEntry exclusion = { .kind = TRELLIS_EDUCATION_EXCLUSION, .on_date = seen_on,
                                        .category = "suspension", .days = 1,
                                        .detail = "Eecanaryexclusion" };
    gint64 appointment = trellis_store_record_appointment (f->store, f->manager, id, seen_on,
                                                           NULL, "Dr Okafor", "Review", &error);

    g_assert_no_error (error);
    g_assert_true (trellis_store_record_appointment_outcome (f->store, f->manager, appointment,
                                                             "Aacanaryoutcome", &error));
    g_assert_cmpint (trellis_store_record_education (f->store, f->manager, id, &exclusion,
                                                     &error), >, 0);
    g_assert_no_error (error);
  }
  found = trellis_store_list_children (f->store, f->manager);
  trellis_child_list_set_search (found, "zyqcanary");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);

  /* the canaries are really there, and the store reads them */
  g_clear_object (&seen);
  seen = trellis_store_view_child (f->store, f->manager, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_child_get_religion (seen), ==, "Vvcanaryreligiontwo");

  for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[s], NULL);

      for (guint c = 0; c < G_N_ELEMENTS (canaries); c++)
        if (file_holds (file, canaries[c]))
          g_test_fail_printf ("“%s” is in %s in plain text", canaries[c], file);
    }
  /* the test looks where it should: the keyring is there, and holds the staff's names */
  {
    g_autofree char *keyring = g_strconcat (f->path, ".keyring", NULL);
    g_autofree char *keyring_wal = g_strconcat (f->path, ".keyring-wal", NULL);

    g_assert_true (file_holds (keyring, "Joanne Mensah") ||
                   file_holds (keyring_wal, "Joanne Mensah"));
  }
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--guess"))
    return guess_once (argv);
  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/security/visitor-writes-nothing", test_visitor_writes_nothing);
  ADD ("/security/staff-edit-own-key-child-only", test_staff_edit_own_key_child_only);
  ADD ("/security/only-managers-assign", test_only_managers_assign);
  ADD ("/security/only-administrators-add-accounts", test_only_administrators_add_accounts);
  ADD ("/security/add-account-checks-in-order", test_add_account_checks_in_order);
  ADD ("/security/first-sign-in-must-change", test_first_sign_in_must_change);
  ADD ("/security/unknown-user-same-answer", test_unknown_user_same_answer);
  ADD ("/security/guesses-wait-never-lock", test_delay_then_lock);
  ADD ("/security/lock-by-hand", test_lock_by_hand);
  ADD ("/security/parallel-guesses-each-count", test_parallel_guesses);
  ADD ("/security/escalation", test_escalation);
  ADD ("/security/change-password-counts-wrong", test_change_password_counts_wrong);
  ADD ("/security/reset-password", test_reset_password);
  ADD ("/security/recent-sign-ins", test_recent_sign_ins);
  ADD ("/security/store-uses-context-clock", test_store_uses_context_clock);
  ADD ("/security/sign-in-async", test_sign_in_async);
  ADD ("/security/staff-who-left-cannot-sign-in", test_staff_who_left_cannot_sign_in);
  ADD ("/security/audit-records-views-and-changes", test_audit_records_views_and_changes);
  ADD ("/security/audit-chain-catches-tampering", test_audit_chain_catches_tampering);
  ADD ("/security/audit-chain-catches-deletion", test_audit_chain_catches_deletion);
  ADD ("/security/audit-search-by-words", test_audit_search_by_words);
  ADD ("/security/audit-labels", test_audit_labels);
  ADD ("/security/canary-in-no-file", test_canary_in_no_file);
  ADD ("/security/audit-ties-health-checks", test_audit_ties_health_checks);
  ADD ("/security/audit-ties-appointments-and-education",
       test_audit_ties_appointments_and_education);
  ADD ("/security/audit-ties-people", test_audit_ties_people);
  ADD ("/security/audit-ties-goals-and-incidents", test_audit_ties_goals_and_incidents);
  ADD ("/security/audit-ties-complaints", test_audit_ties_complaints);
  ADD ("/security/audit-ties-care-plans", test_audit_ties_care_plans);
  ADD ("/security/audit-chain-catches-rehash", test_audit_chain_catches_rehash);
  ADD ("/security/audit-head-catches-lost-rows", test_audit_head_catches_lost_rows);
  ADD ("/security/audit-head-catches-older-copy", test_audit_head_catches_older_copy);
  ADD ("/security/audit-ties-records", test_audit_ties_records);

  return g_test_run ();
}
