/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-backups.c: the automatic backups: the folder an Administrator chooses, backups
 * made into it by anyone, the newest 30 kept, and the status the window warns from
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "store-home.h"
#include "trellis-test-utils.h"

typedef struct
{
  StoreHome       home;
  TrellisContext *context;
  TrellisClock   *clock;
  TrellisStaff   *staff;
  char           *folder;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  store_home_set_up (&f->home);
  f->context = trellis_context_new (f->home.store, &error);
  g_assert_no_error (error);
  f->clock = trellis_context_get_clock (f->context);
  trellis_clock_set_now (f->clock, g_get_real_time ());
  f->staff = trellis_store_add_staff (f->home.store, f->home.admin, "sam", "Sam Staff",
                                      TRELLIS_ROLE_STAFF, NULL, FALSE, &error);
  g_assert_no_error (error);
  f->folder = g_build_filename (f->home.dir, "usb", NULL);
  g_assert_cmpint (g_mkdir (f->folder, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->staff);
  g_clear_object (&f->context);
  g_clear_pointer (&f->folder, g_free);
  store_home_tear_down (&f->home);
}

static TrellisBackupStatus *
get_status (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TrellisBackupStatus *status = trellis_store_get_backup_status (f->home.store, f->staff,
                                                                 &error);

  g_assert_no_error (error);
  g_assert_nonnull (status);
  return status;
}

/* This home's backups in @folder, in the order of their names. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
list_backups (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "test-house-") && g_str_has_suffix (name, ".trellis-backup"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
test_folder_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisBackupStatus) status = NULL;
  g_autofree char *missing = g_build_filename (f->home.dir, "no-such-drive", NULL);

  g_assert_false (trellis_store_set_backup_folder (f->home.store, f->home.admin, "usb",
                                                   &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“usb”"));
  g_clear_error (&error);

  g_assert_false (trellis_store_set_backup_folder (f->home.store, f->home.admin, missing,
                                                   &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_false (trellis_store_set_backup_folder (f->home.store, f->home.manager, f->folder,
                                                   &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* nothing changed in the store, and nobody can back up into no folder */
  status = get_status (f);
  g_assert_cmpstr (status->folder, ==, "");
  g_assert_null (trellis_store_back_up_to_folder (f->home.store, f->staff, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_cmpint (store_count_rows (f->home.path, "SELECT count(*) FROM audit WHERE action "
                                                   "IN ('change-backup-folder', 'back-up')"),
                   ==, 0);
}

static void
test_backup_by_anyone (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisBackupStatus) status = NULL;
  GStatBuf st;
  g_autofree char *made = NULL;
  g_autofree char *keyring = NULL;
  g_autofree char *name = NULL;

  g_assert_true (trellis_store_set_backup_folder (f->home.store, f->home.admin, f->folder,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_count_rows (f->home.path, "SELECT count(*) FROM audit WHERE action = "
                                                   "'change-backup-folder'"), ==, 1);

  /* a member of staff signing out backs up as well as an Administrator */
  made = trellis_store_back_up_to_folder (f->home.store, f->staff, &error);
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (g_str_has_prefix (made, f->folder));
  keyring = g_strconcat (made, ".keyring", NULL);
  g_assert_true (g_file_test (keyring, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (made, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  status = get_status (f);
  name = g_path_get_basename (made);
  g_assert_cmpstr (status->folder, ==, f->folder);
  g_assert_cmpstr (status->last_file, ==, name);
  g_assert_cmpint (status->last_good, >, 0);
  g_assert_cmpint (status->last_failed, ==, 0);
  g_assert_cmpint (store_count_rows (f->home.path,
                                     "SELECT count(*) FROM audit a JOIN staff s ON s.id = "
                                     "a.staff_id WHERE a.action = 'back-up' AND s.username = "
                                     "'sam'"), ==, 1);
}

static void
test_keeps_newest (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kept = NULL;
  static const char * const others[] = {
    "notes.txt", "other-home-2026-01-01-000000.trellis-backup",
    "test-house-copied-by-hand.trellis-backup",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (f->folder, others[i], NULL);
      g_assert_true (g_file_set_contents (path, "not ours", -1, NULL));
    }
  g_assert_true (trellis_store_set_backup_folder (f->home.store, f->home.admin, f->folder,
                                                  &error));
  for (guint i = 0; i < TRELLIS_BACKUPS_KEPT + 3; i++)
    {
      char *path = trellis_store_back_up_to_folder (f->home.store, f->staff, &error);

      g_assert_no_error (error);
      g_ptr_array_add (made, g_path_get_basename (path));
      g_free (path);
      trellis_clock_advance (f->clock, G_TIME_SPAN_HOUR);
    }

  kept = list_backups (f->folder);
  g_assert_cmpuint (kept->len, ==, TRELLIS_BACKUPS_KEPT + 1);  /* and the one by hand */
  g_assert_cmpstr (g_ptr_array_index (kept, TRELLIS_BACKUPS_KEPT), ==,
                   "test-house-copied-by-hand.trellis-backup");
  for (guint i = 0; i < TRELLIS_BACKUPS_KEPT; i++)
    {
      g_autofree char *keyring = NULL;
      g_autofree char *path = NULL;

      g_assert_cmpstr (g_ptr_array_index (kept, i), ==, g_ptr_array_index (made, i + 3));
      path = g_build_filename (f->folder, g_ptr_array_index (kept, i), NULL);
      keyring = g_strconcat (path, ".keyring", NULL);
      g_assert_true (g_file_test (keyring, G_FILE_TEST_IS_REGULAR));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_build_filename (f->folder, g_ptr_array_index (made, i), NULL);
      g_autofree char *keyring = g_strconcat (path, ".keyring", NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (keyring, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *path = g_build_filename (f->folder, others[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_due_and_overdue (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  TrellisBackupStatus *status;

  /* a new home: nothing due without a folder, and no warning for two days */
  status = get_status (f);
  g_assert_false (trellis_backup_status_is_due (status, trellis_clock_get_now (f->clock)));
  g_assert_false (trellis_backup_status_is_overdue (status, trellis_clock_get_now (f->clock)));
  trellis_clock_advance (f->clock, 2 * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);
  g_assert_true (trellis_backup_status_is_overdue (status, trellis_clock_get_now (f->clock)));
  trellis_backup_status_free (status);

  g_assert_true (trellis_store_set_backup_folder (f->home.store, f->home.admin, f->folder,
                                                  &error));
  status = get_status (f);
  g_assert_true (trellis_backup_status_is_due (status, trellis_clock_get_now (f->clock)));
  trellis_backup_status_free (status);

  made = trellis_store_back_up_to_folder (f->home.store, f->staff, &error);
  g_assert_no_error (error);
  status = get_status (f);
  g_assert_false (trellis_backup_status_is_due (status, trellis_clock_get_now (f->clock)));
  g_assert_false (trellis_backup_status_is_overdue (status, trellis_clock_get_now (f->clock)));

  /* a day on, the daily backup is due; two days on, the window warns */
  trellis_clock_advance (f->clock, G_TIME_SPAN_DAY + G_TIME_SPAN_MINUTE);
  g_assert_true (trellis_backup_status_is_due (status, trellis_clock_get_now (f->clock)));
  g_assert_false (trellis_backup_status_is_overdue (status, trellis_clock_get_now (f->clock)));
  trellis_clock_advance (f->clock, G_TIME_SPAN_DAY);
  g_assert_true (trellis_backup_status_is_overdue (status, trellis_clock_get_now (f->clock)));
  trellis_backup_status_free (status);
}

static void
test_failure_recorded (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *unplugged = g_strconcat (f->folder, "-unplugged", NULL);
  TrellisBackupStatus *status;

  g_assert_true (trellis_store_set_backup_folder (f->home.store, f->home.admin, f->folder,
                                                  &error));
  made = trellis_store_back_up_to_folder (f->home.store, f->staff, &error);
  g_assert_no_error (error);
  g_clear_pointer (&made, g_free);

  /* the drive taken away */
  g_assert_cmpint (g_rename (f->folder, unplugged), ==, 0);
  made = trellis_store_back_up_to_folder (f->home.store, f->staff, &error);
  g_assert_null (made);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "plugged in"));
  g_clear_error (&error);

  status = get_status (f);
  g_assert_cmpint (status->last_good, >, 0);
  g_assert_cmpint (status->last_failed, >, 0);
  g_assert_nonnull (strstr (status->failure, f->folder));
  trellis_backup_status_free (status);

  /* back again: the next backup is good, and the failure is behind it */
  g_assert_cmpint (g_mkdir (f->folder, 0700), ==, 0);
  made = trellis_store_back_up_to_folder (f->home.store, f->staff, &error);
  g_assert_no_error (error);
  status = get_status (f);
  g_assert_cmpint (status->last_failed, ==, 0);
  g_assert_null (status->failure);
  trellis_backup_status_free (status);
}

/* The window's way: the backup made ready beside the home while the home is open and in
 * use, then put in its place once the window has closed it. */
static void
test_restore_prepared_while_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = trellis_test_make_dir ("restore");
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *backup = g_build_filename (dir, "by-hand.trellis-backup", NULL);
  g_autoptr(TrellisStore) home = trellis_test_open_demo (dir, "demo.db", 3);
  g_autoptr(TrellisStaff) admin = trellis_test_lookup_staff (home, "admin");
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (home, "manager");
  g_autoptr(TrellisChild) child = store_make_child ("Ola", "2015-04-01");
  g_autofree char *prepared = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_keyring = NULL;
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisStaff) signed_in = NULL;
  const char *count = "SELECT count(*) FROM child";

  g_assert_true (trellis_store_back_up (home, admin, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_add_child (home, manager, child, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (store_count_rows (path, count), ==, 4);

  /* a wrong password makes nothing ready and leaves nothing behind */
  g_assert_false (trellis_store_prepare_restore (backup, path, "admin", "not it", &prepared,
                                                 &error));
  g_assert_nonnull (error);
  g_assert_null (prepared);
  g_clear_error (&error);

  g_assert_true (trellis_store_prepare_restore (backup, path, "admin", "trellis-demo",
                                                &prepared, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (prepared, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (store_count_rows (path, count), ==, 4);

  /* not over an open home: the copy goes, the home stays */
  g_assert_false (trellis_store_finish_restore (prepared, path, &aside, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (g_file_test (prepared, G_FILE_TEST_EXISTS));
  g_assert_null (aside);
  g_clear_pointer (&prepared, g_free);

  g_assert_true (trellis_store_prepare_restore (backup, path, "admin", "trellis-demo",
                                                &prepared, &error));
  g_assert_no_error (error);
  g_clear_object (&home);
  g_assert_true (trellis_store_finish_restore (prepared, path, &aside, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (prepared, G_FILE_TEST_EXISTS));
  aside_keyring = g_strconcat (aside, ".keyring", NULL);
  g_assert_true (g_file_test (aside_keyring, G_FILE_TEST_IS_REGULAR));

  /* the home is the backup's again, and says it was restored */
  store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  signed_in = trellis_store_sign_in (store, "admin", "trellis-demo", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (store_count_rows (path, count), ==, 3);
  g_assert_cmpint (store_count_rows (path, "SELECT count(*) FROM audit WHERE action = "
                                           "'restore'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-backups/folder-refused", Fixture, NULL, fixture_set_up,
              test_folder_refused, fixture_tear_down);
  g_test_add ("/store-backups/by-anyone-into-the-folder", Fixture, NULL, fixture_set_up,
              test_backup_by_anyone, fixture_tear_down);
  g_test_add ("/store-backups/keeps-newest-30", Fixture, NULL, fixture_set_up,
              test_keeps_newest, fixture_tear_down);
  g_test_add ("/store-backups/due-and-overdue", Fixture, NULL, fixture_set_up,
              test_due_and_overdue, fixture_tear_down);
  g_test_add ("/store-backups/failure-recorded", Fixture, NULL, fixture_set_up,
              test_failure_recorded, fixture_tear_down);

  g_test_add_func ("/store-backups/restore-prepared-while-open",
                   test_restore_prepared_while_open);

  return g_test_run ();
}
