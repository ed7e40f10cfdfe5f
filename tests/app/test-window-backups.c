/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-window-backups.c: the window's automatic backups and their warning
 *
 * The warning shows when the home's last good backup is more than two days old (the clock
 * moved on), says what an Administrator can do and what everyone else should; its button
 * backs up; signing out backs up into the chosen folder, then ends the session in the store.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-core.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"
#include "trellis-window-private.h"

static char *tmpdir;

static TrellisWindow *
open_window (TrellisStore *store,
             const char   *username)
{
  TrellisWindow *window = trellis_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  trellis_window_open_store (window, store);
  trellis_test_spin (200);
  g_assert_true (trellis_sign_in_page_sign_in (trellis_window_get_sign_in_page (window),
                                               username, TRELLIS_DEMO_PASSWORD));
  trellis_test_spin (100);
  return window;
}

static guint
count_backups (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".trellis-backup");
  return n;
}

static void
wait_for_backups (const char *folder,
                  guint       n)
{
  for (guint i = 0; i < 200 && count_backups (folder) < n; i++)
    trellis_test_spin (25);
  g_assert_cmpuint (count_backups (folder), ==, n);
}

static void
test_banner (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "banner.db", 3);
  g_autofree char *folder = g_build_filename (tmpdir, "banner-usb", NULL);
  g_autoptr(GError) error = NULL;
  TrellisWindow *window = open_window (store, "admin");
  TrellisClock *clock = trellis_context_get_clock (window->context);

  trellis_clock_set_now (clock, g_get_real_time ());
  /* a home made today: no warning */
  g_assert_false (gtk_info_bar_get_revealed (window->backup_banner));

  /* two days on with no backup: the warning, and for an Administrator, the way out */
  trellis_clock_advance (clock, 2 * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);
  trellis_window_update_backup_banner (window);
  g_assert_true (gtk_info_bar_get_revealed (window->backup_banner));
  g_assert_nonnull (strstr (gtk_label_get_text (window->backup_banner_label),
                            "never been backed up"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->backup_banner_button)));
  g_assert_cmpstr (gtk_button_get_label (window->backup_banner_button), ==,
                   "_Choose a Folder…");
  trellis_test_spin (300);
  trellis_test_save_png (GTK_WIDGET (window), "window-backup-banner.png");

  /* a folder chosen (in Preferences, or with trellisctl): the button backs up */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (trellis_store_set_backup_folder (store, window->actor, folder, &error));
  g_assert_no_error (error);
  trellis_test_spin (50);
  g_assert_cmpstr (gtk_button_get_label (window->backup_banner_button), ==, "_Back Up Now");
  g_signal_emit_by_name (window->backup_banner_button, "clicked");
  wait_for_backups (folder, 1);
  for (guint i = 0; i < 100 && gtk_info_bar_get_revealed (window->backup_banner); i++)
    trellis_test_spin (25);
  g_assert_false (gtk_info_bar_get_revealed (window->backup_banner));

  /* two more days: a member of staff is told whom to tell, with nothing to press */
  trellis_window_sign_out (window);
  wait_for_backups (folder, 2);
  trellis_test_spin (100);
  g_assert_true (trellis_sign_in_page_sign_in (trellis_window_get_sign_in_page (window),
                                               "staff1", TRELLIS_DEMO_PASSWORD));
  trellis_clock_advance (clock, 2 * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);
  trellis_window_update_backup_banner (window);
  g_assert_true (gtk_info_bar_get_revealed (window->backup_banner));
  g_assert_nonnull (strstr (gtk_label_get_text (window->backup_banner_label),
                            "Tell an Administrator"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->backup_banner_button)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Signing in makes the daily backup when it is due; signing out shows the sign-in page at
 * once, the backup is made, then the session ends in the store, after it in the trail. */
static void
test_sign_out_backs_up (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "sign-out.db", 3);
  g_autoptr(TrellisStaff) admin = trellis_test_lookup_staff (store, "admin");
  g_autofree char *folder = g_build_filename (tmpdir, "sign-out-usb", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trail = NULL;
  g_autoptr(TrellisAuditEntry) newest = NULL;
  g_autoptr(TrellisAuditEntry) before = NULL;
  TrellisWindow *window;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (trellis_store_set_backup_folder (store, admin, folder, &error));
  g_assert_no_error (error);
  /* the first sign-in since the folder was chosen: the daily backup is due */
  window = open_window (store, "staff1");
  wait_for_backups (folder, 1);
  trellis_test_spin (100);

  trellis_window_sign_out (window);
  g_assert_cmpstr (trellis_window_get_visible_page (window), ==, "sign-in");
  wait_for_backups (folder, 2);
  trellis_test_spin (100);

  g_assert_true (trellis_sign_in_page_sign_in (trellis_window_get_sign_in_page (window),
                                               "admin", TRELLIS_DEMO_PASSWORD));
  trail = trellis_store_list_audit (store, window->actor, 0, NULL, 10, &error);
  g_assert_no_error (error);
  /* newest first: admin's sign-in, staff1's sign-out, the backup staff1's signing out made */
  before = g_list_model_get_item (trail, 2);
  newest = g_list_model_get_item (trail, 1);
  g_assert_cmpstr (trellis_audit_entry_get_action (newest), ==, "sign-out");
  g_assert_cmpstr (trellis_audit_entry_get_action (before), ==, "back-up");
  g_assert_cmpstr (trellis_audit_entry_get_staff_name (before), ==,
                   trellis_audit_entry_get_staff_name (newest));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Before a backup takes the home's place, the window lets go of it altogether: after
 * Preferences has been open too (libadwaita 1.2 keeps its groups alive). */
static void
test_home_let_go (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "let-go.db", 3);
  g_autofree char *path = g_strdup (trellis_store_get_path (store));
  TrellisWindow *window = open_window (store, "admin");

  g_clear_object (&store);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  trellis_test_spin (300);
  trellis_window_close_other_windows (window);
  trellis_window_sign_out_for_restore (window);
  trellis_window_close_home (window);
  trellis_test_spin (300);
  g_assert_false (trellis_store_path_is_open (path));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmpdir = trellis_test_make_dir ("window-backups");

  g_test_add_func ("/window-backups/banner", test_banner);
  g_test_add_func ("/window-backups/sign-out-backs-up", test_sign_out_backs_up);
  g_test_add_func ("/window-backups/home-let-go", test_home_let_go);

  return g_test_run ();
}
