/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-preferences-window.c: the home's settings, driven with a context
 *
 * The idle-lock time is the home's, kept in its database: the window shows what the store
 * holds (even a value only trellisctl would set), and a change made in it is what the store
 * then holds. The backups show to everyone; an Administrator backs up from here, and what
 * the store made is what the group then says.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-core.h"
#include "trellis-preferences-window.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

static void
set_minutes (TrellisStore *store,
             guint         minutes)
{
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_store_set_idle_lock_minutes (store, manager, minutes, &error));
  g_assert_no_error (error);
}

/* The window as @context's person opens it, once the home's lock time is @minutes. */
static TrellisPreferencesWindow *
open_window (TrellisContext *context,
             guint           minutes)
{
  TrellisPreferencesWindow *window;

  set_minutes (trellis_context_get_store (context), minutes);
  window = trellis_preferences_window_new (NULL, context);
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_spin (100);
  return window;
}

/* A Manager sees the stored value among the choices, 7 minutes being none of the usual
 * ones, and what they choose is what the store holds; a change made elsewhere shows. */
static void
test_manager_sees_and_changes (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "manager.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(GError) error = NULL;
  TrellisPreferencesWindow *window = open_window (context, 7);

  g_assert_true (trellis_preferences_window_can_change (window));
  g_assert_null (trellis_preferences_window_get_note (window));
  g_assert_cmpuint (trellis_preferences_window_get_idle_lock (window), ==, 7);
  trellis_test_save_png (GTK_WIDGET (window), "preferences-manager.png");

  g_assert_true (trellis_preferences_window_set_idle_lock (window, 15, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_store_get_idle_lock_minutes (store, NULL), ==, 15);
  g_assert_cmpuint (trellis_preferences_window_get_idle_lock (window), ==, 15);

  set_minutes (store, 3);
  trellis_test_spin (50);
  g_assert_cmpuint (trellis_preferences_window_get_idle_lock (window), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Staff see the home's value and who can change it, and cannot change it from here. */
static void
test_staff_see_only (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "staff.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  g_autoptr(GError) error = NULL;
  TrellisPreferencesWindow *window = open_window (context, 12);

  g_assert_false (trellis_preferences_window_can_change (window));
  g_assert_cmpuint (trellis_preferences_window_get_idle_lock (window), ==, 12);
  g_assert_cmpstr (trellis_preferences_window_get_note (window), ==,
                   "Only a Manager or an Administrator can change this");
  trellis_test_save_png (GTK_WIDGET (window), "preferences-staff.png");

  /* the store refuses them anyway */
  g_assert_false (trellis_preferences_window_set_idle_lock (window, 30, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_assert_cmpuint (trellis_store_get_idle_lock_minutes (store, NULL), ==, 12);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first widget under @root of @type whose title or label is @text. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *own = GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child))
                                                  : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          if (g_strcmp0 (own, text) == 0)
            return child;
        }
      if ((found = find_widget (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

static const char *
row_subtitle (GtkWidget  *window,
              const char *title)
{
  GtkWidget *row = find_widget (window, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* An Administrator sees where the backups go and backs up now; the group says what the
 * store made. */
static void
test_administrator_backs_up (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "admin.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "admin");
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (tmpdir, "usb", NULL);
  g_autoptr(GDir) dir = NULL;
  TrellisPreferencesWindow *window = open_window (context, 5);
  GtkWidget *back_up = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Back Up Now");
  const char *name = NULL;

  g_assert_nonnull (back_up);
  g_assert_true (gtk_widget_get_visible (back_up));
  g_assert_false (gtk_widget_get_sensitive (back_up));   /* no folder yet */
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (window), "Last good backup"), ==, "None yet");
  g_assert_nonnull (strstr (row_subtitle (GTK_WIDGET (window), "Folder for backups"),
                            "None chosen"));

  /* chosen elsewhere (the file chooser is the real-input test's): the group follows */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (trellis_store_set_backup_folder (store, trellis_context_get_actor (context),
                                                  folder, &error));
  g_assert_no_error (error);
  trellis_test_spin (50);
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (window), "Folder for backups"), ==, folder);
  g_assert_true (gtk_widget_get_sensitive (back_up));

  g_signal_emit_by_name (back_up, "clicked");
  for (guint i = 0; i < 100 && strstr (row_subtitle (GTK_WIDGET (window), "Last good backup"),
                                        ".trellis-backup") == NULL; i++)
    trellis_test_spin (50);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL &&
         !g_str_has_suffix (name, ".trellis-backup"))
    ;
  g_assert_nonnull (name);
  g_assert_nonnull (strstr (row_subtitle (GTK_WIDGET (window), "Last good backup"), name));
  trellis_test_save_png (GTK_WIDGET (window), "preferences-backups.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A Manager sees the backups but has nothing to press. */
static void
test_manager_sees_backups_only (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "manager-backups.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  TrellisPreferencesWindow *window = open_window (context, 5);
  GtkWidget *back_up = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Back Up Now");
  GtkWidget *restore = find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW,
                                    "Restore from a backup");

  g_assert_nonnull (back_up);
  g_assert_false (gtk_widget_get_visible (back_up));
  g_assert_false (gtk_widget_get_visible (restore));
  g_assert_nonnull (strstr (row_subtitle (GTK_WIDGET (window), "Folder for backups"),
                            "Only an Administrator"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "preferences-window");

  g_test_add_func ("/preferences-window/manager-sees-and-changes", test_manager_sees_and_changes);
  g_test_add_func ("/preferences-window/staff-see-only", test_staff_see_only);
  g_test_add_func ("/preferences-window/administrator-backs-up", test_administrator_backs_up);
  g_test_add_func ("/preferences-window/manager-sees-backups-only",
                   test_manager_sees_backups_only);

  return g_test_run ();
}
