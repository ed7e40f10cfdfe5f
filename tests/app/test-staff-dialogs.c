/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-staff-dialogs.c: Add Account, Reset Password and Has Left, opened from Staff Accounts
 *
 * Each dialog is opened by the button a person presses in Staff Accounts and answered by
 * activating its own buttons (the path a click or the keyboard takes, which hides the dialog
 * before it answers); what it did is read back from the store.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-add-staff-dialog.h"
#include "trellis-core.h"
#include "trellis-error-row.h"
#include "trellis-reset-password-dialog.h"
#include "trellis-staff-left-dialog.h"
#include "trellis-staff-window.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

/* Activates the button labelled @label under @root, as Enter or a click on it would. */
static void
press (gpointer    root,
       const char *label)
{
  GtkWidget *button = trellis_test_find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  trellis_test_spin (400); /* an activated button shows itself pressed for a moment, then clicks */
}

/* What the form says under the field titled @title, or NULL. */
static const char *
field_error (gpointer    root,
             const char *title)
{
  GtkWidget *next = gtk_widget_get_next_sibling (trellis_test_get_row (root, title));

  g_assert_true (TRELLIS_IS_ERROR_ROW (next));
  return trellis_error_row_get_message (TRELLIS_ERROR_ROW (next));
}

static TrellisStaffWindow *
open_staff_window (TrellisContext *context)
{
  TrellisStaffWindow *window = trellis_staff_window_new (NULL, context);

  gtk_window_present (GTK_WINDOW (window));
  trellis_test_spin (100);
  return window;
}

/* The Add Account button on @window, then the dialog it opens. */
static TrellisAddStaffDialog *
open_add (TrellisStaffWindow *window)
{
  TrellisAddStaffDialog *dialog;

  press (window, "_Add Account…");
  dialog = trellis_test_find_dialog (TRELLIS_TYPE_ADD_STAFF_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  return dialog;
}

/* A button on the row of the account named @display_name in @window, pressed. */
static void
press_on_row (TrellisStaffWindow *window,
              const char         *display_name,
              const char         *label)
{
  press (trellis_test_get_row (window, display_name), label);
}

/* Add Account: a form with a taken username is refused under the field, stays open with
 * what was typed, and writes nothing; mended, the account is created with the role chosen
 * and the one-time password, to be changed at the first sign-in. */
static void
test_add_account (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "add.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "admin");
  TrellisStaffWindow *window = open_staff_window (context);
  guint n_staff = trellis_staff_window_get_n_staff (window);
  g_autoptr(TrellisStaff) added = NULL;
  g_autoptr(TrellisStaff) signed_in = NULL;
  g_autoptr(GError) error = NULL;
  gboolean must_change = FALSE;
  TrellisAddStaffDialog *dialog = open_add (window);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  trellis_test_type_into (dialog, "Full name", "Nadia Begum");
  trellis_test_type_into (dialog, "Username", "manager");
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_get_row (dialog, "Role")), 1);
  trellis_test_type_into (dialog, "One-time password", "given on her first day");
  press (dialog, "_Add");

  /* hidden by the click, shown again with the reason */
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (field_error (dialog, "Username"), "already taken"));
  g_assert_null (field_error (dialog, "Full name"));
  g_assert_null (field_error (dialog, "One-time password"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (trellis_test_get_row (dialog, "Full name"))), ==,
                   "Nadia Begum");
  g_assert_cmpuint (trellis_staff_window_get_n_staff (window), ==, n_staff);
  g_assert_null (trellis_store_lookup_staff (store, "nbegum", NULL));

  trellis_test_type_into (dialog, "Username", "nbegum");
  g_assert_null (field_error (dialog, "Username"));
  press (dialog, "_Add");
  g_assert_null (dialog);

  added = trellis_store_lookup_staff (store, "nbegum", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_staff_get_display_name (added), ==, "Nadia Begum");
  g_assert_cmpint (trellis_staff_get_role (added), ==, TRELLIS_ROLE_MANAGER);
  signed_in = trellis_store_sign_in (store, "nbegum", "given on her first day", &must_change,
                                     &error);
  g_assert_no_error (error);
  g_assert_nonnull (signed_in);
  g_assert_true (must_change);
  g_assert_cmpuint (trellis_staff_window_get_n_staff (window), ==, n_staff + 1);
  g_assert_nonnull (trellis_test_get_row (window, "Nadia Begum"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel adds nothing, whatever was typed. */
static void
test_add_cancelled (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "add-cancel.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "admin");
  TrellisStaffWindow *window = open_staff_window (context);
  guint n_staff = trellis_staff_window_get_n_staff (window);
  TrellisAddStaffDialog *dialog = open_add (window);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  trellis_test_type_into (dialog, "Full name", "Nadia Begum");
  trellis_test_type_into (dialog, "Username", "nbegum");
  trellis_test_type_into (dialog, "One-time password", "given on her first day");
  press (dialog, "_Cancel");

  g_assert_null (dialog);
  g_assert_null (trellis_store_lookup_staff (store, "nbegum", NULL));
  g_assert_cmpuint (trellis_staff_window_get_n_staff (window), ==, n_staff);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
signs_in_with (TrellisStore *store,
               const char   *username,
               const char   *password,
               gboolean     *must_change)
{
  g_autoptr(TrellisStaff) staff = trellis_store_sign_in (store, username, password, must_change,
                                                         NULL);
  return staff != NULL;
}

/* Reset Password, from a Manager's row button for a Visitor: a password too short is
 * refused in the dialog, which stays with the reason and changes nothing; a good one
 * replaces the old, to be changed at the next sign-in. */
static void
test_reset_password (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "reset.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  TrellisStaffWindow *window = open_staff_window (context);
  g_autoptr(TrellisStaff) visitor = trellis_test_lookup_staff (store, "visitor");
  TrellisResetPasswordDialog *dialog;
  gboolean must_change = FALSE;

  press_on_row (window, "Pat Reeves", "_Reset Password…");
  dialog = trellis_test_find_dialog (TRELLIS_TYPE_RESET_PASSWORD_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (trellis_staff_get_id (trellis_reset_password_dialog_get_staff (dialog)), ==,
                   trellis_staff_get_id (visitor));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Reset Pat Reeves’s Password");

  trellis_test_type_into (dialog, "One-time password", "short");
  press (dialog, "_Reset");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "10"));
  g_assert_true (signs_in_with (store, "visitor", TRELLIS_DEMO_PASSWORD, &must_change));
  g_assert_false (must_change);
  g_assert_false (signs_in_with (store, "visitor", "short", NULL));

  trellis_test_type_into (dialog, "One-time password", "tell pat in person");
  press (dialog, "_Reset");
  g_assert_null (dialog);
  g_assert_false (signs_in_with (store, "visitor", TRELLIS_DEMO_PASSWORD, NULL));
  g_assert_true (signs_in_with (store, "visitor", "tell pat in person", &must_change));
  g_assert_true (must_change);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Escape while typing the one-time password closes the dialog and changes nothing (and the
 * password row, gone with the keyboard in it, is not called back afterwards). */
static void
test_reset_escape (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "reset-escape.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  TrellisStaffWindow *window = open_staff_window (context);
  TrellisResetPasswordDialog *dialog;
  GtkWidget *field;

  press_on_row (window, "Pat Reeves", "_Reset Password…");
  dialog = trellis_test_find_dialog (TRELLIS_TYPE_RESET_PASSWORD_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  field = trellis_test_get_row (dialog, "One-time password");
  trellis_test_type_into (dialog, "One-time password", "tell pat in person");
  gtk_widget_grab_focus (field);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), field));

  gtk_window_close (GTK_WINDOW (dialog));     /* what Escape does */
  trellis_test_spin (200);
  g_assert_null (dialog);
  g_assert_true (signs_in_with (store, "visitor", TRELLIS_DEMO_PASSWORD, NULL));
  g_assert_false (signs_in_with (store, "visitor", "tell pat in person", NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_active (TrellisStore *store,
           const char   *username)
{
  g_autoptr(TrellisStaff) staff = trellis_test_lookup_staff (store, username);

  return trellis_staff_get_active (staff);
}

/* Has Left asks, naming the person; Cancel changes nothing, the named button closes the
 * account, and Restore on the row opens it again. */
static void
test_has_left (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "left.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "admin");
  TrellisStaffWindow *window = open_staff_window (context);
  TrellisStaffLeftDialog *dialog;

  press_on_row (window, "Priya Sharma", "Has _Left");
  dialog = trellis_test_find_dialog (TRELLIS_TYPE_STAFF_LEFT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Has Priya Sharma Left?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "cancel");
  press (dialog, "_Cancel");
  g_assert_null (dialog);
  g_assert_true (is_active (store, "staff2"));

  press_on_row (window, "Priya Sharma", "Has _Left");
  dialog = trellis_test_find_dialog (TRELLIS_TYPE_STAFF_LEFT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  press (dialog, "_Mark Priya Sharma as Left");
  g_assert_null (dialog);
  g_assert_false (is_active (store, "staff2"));
  g_assert_true (is_active (store, "staff1"));

  /* the row says so where it is, and offers the way back */
  g_assert_null (trellis_test_find_button (trellis_test_get_row (window, "Priya Sharma"), "Has _Left"));
  press_on_row (window, "Priya Sharma", "_Restore");
  g_assert_true (is_active (store, "staff2"));
  g_assert_nonnull (trellis_test_find_button (trellis_test_get_row (window, "Priya Sharma"), "Has _Left"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A name with an underscore is shown as it is on the button, not taken for a mnemonic. */
static void
test_left_underscore (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "underscore.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "admin");
  g_autoptr(TrellisStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  TrellisStaffWindow *window = open_staff_window (context);
  TrellisStaffLeftDialog *dialog;
  GtkWidget *button;

  g_assert_true (trellis_staff_window_add (window, "jdoe", "Jo_Doe", TRELLIS_ROLE_STAFF,
                                           "a long enough one", &error));
  g_assert_no_error (error);
  press_on_row (window, "Jo_Doe", "Has _Left");
  dialog = trellis_test_find_dialog (TRELLIS_TYPE_STAFF_LEFT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  button = trellis_test_find_button (dialog, "_Mark Jo__Doe as Left");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)))), ==,
                   "Mark Jo_Doe as Left");
  press (dialog, "_Mark Jo__Doe as Left");
  staff = trellis_test_lookup_staff (store, "jdoe");
  g_assert_false (trellis_staff_get_active (staff));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "staff-dialogs");

  g_test_add_func ("/staff-dialogs/add-account", test_add_account);
  g_test_add_func ("/staff-dialogs/add-cancelled", test_add_cancelled);
  g_test_add_func ("/staff-dialogs/reset-password", test_reset_password);
  g_test_add_func ("/staff-dialogs/reset-escape", test_reset_escape);
  g_test_add_func ("/staff-dialogs/has-left", test_has_left);
  g_test_add_func ("/staff-dialogs/left-underscore", test_left_underscore);

  return g_test_run ();
}
