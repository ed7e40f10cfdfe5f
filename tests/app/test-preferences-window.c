/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-preferences-window.c: the home's settings, driven with a context
 *
 * The idle-lock time is the home's, kept in its database: the window shows what the store
 * holds (even a value only trellisctl would set), and a change made in it is what the store
 * then holds.
 */
#include "config.h"

#include <adwaita.h>

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

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "preferences-window");

  g_test_add_func ("/preferences-window/manager-sees-and-changes", test_manager_sees_and_changes);
  g_test_add_func ("/preferences-window/staff-see-only", test_staff_see_only);

  return g_test_run ();
}
