/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-staff-window.c: who may lock, unlock and reset whose account, from the window
 *
 * The window offers the buttons only on the accounts the person's role reaches (the
 * store's rule, trellis_permission_allows_account()), and what a button did is read back
 * from the store.
 */
#include "config.h"

#include <adwaita.h>

#include "trellis-core.h"
#include "trellis-staff-window.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

static GtkWidget *
button_on (TrellisStaffWindow *window,
           const char         *display_name,
           const char         *label)
{
  GtkWidget *row = trellis_test_find_row (GTK_WIDGET (window), display_name);

  g_assert_nonnull (row);
  return trellis_test_find_button (row, label);
}

static gboolean
is_locked (TrellisStore *store,
           const char   *username)
{
  g_autoptr(TrellisStaff) staff = trellis_test_lookup_staff (store, username);

  return trellis_staff_get_locked (staff);
}

/* A Manager locks and unlocks a Visitor by hand, and is offered nothing on the accounts
 * above their own. */
static void
test_manager_locks_by_hand (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "manager.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  TrellisStaffWindow *window = trellis_staff_window_new (NULL, context);

  gtk_window_present (GTK_WINDOW (window));
  trellis_test_spin (100);

  /* nothing to press on the Administrator's account, or on their own */
  g_assert_nonnull (trellis_test_find_row (GTK_WIDGET (window), "Dev Anand"));
  g_assert_null (button_on (window, "Dev Anand", "_Reset Password…"));
  g_assert_null (button_on (window, "Dev Anand", "_Lock"));
  g_assert_null (button_on (window, "Joanne Mensah", "_Lock"));
  g_assert_nonnull (button_on (window, "Pat Reeves", "_Reset Password…"));

  g_assert_false (is_locked (store, "visitor"));
  g_signal_emit_by_name (button_on (window, "Pat Reeves", "_Lock"), "clicked");
  trellis_test_spin (50);
  g_assert_true (is_locked (store, "visitor"));
  trellis_test_save_png (GTK_WIDGET (window), "staff-window-locked.png");

  /* the row now offers the way back */
  g_assert_null (button_on (window, "Pat Reeves", "_Lock"));
  g_signal_emit_by_name (button_on (window, "Pat Reeves", "_Unlock"), "clicked");
  trellis_test_spin (50);
  g_assert_false (is_locked (store, "visitor"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An Administrator reaches every account but their own. */
static void
test_administrator_not_own (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "admin.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "admin");
  TrellisStaffWindow *window = trellis_staff_window_new (NULL, context);

  gtk_window_present (GTK_WINDOW (window));
  trellis_test_spin (100);

  g_assert_null (button_on (window, "Dev Anand", "_Reset Password…"));
  g_assert_null (button_on (window, "Dev Anand", "_Lock"));
  g_assert_nonnull (button_on (window, "Joanne Mensah", "_Lock"));
  g_assert_nonnull (button_on (window, "Joanne Mensah", "_Reset Password…"));

  g_signal_emit_by_name (button_on (window, "Joanne Mensah", "_Lock"), "clicked");
  trellis_test_spin (50);
  g_assert_true (is_locked (store, "manager"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "staff-window");

  g_test_add_func ("/staff-window/manager-locks-by-hand", test_manager_locks_by_hand);
  g_test_add_func ("/staff-window/administrator-not-own", test_administrator_not_own);

  return g_test_run ();
}
