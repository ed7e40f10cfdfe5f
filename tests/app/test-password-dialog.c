/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-password-dialog.c: the signed-in person changes their own password
 *
 * The dialog is driven with a context as the window drives it; what the store holds
 * afterwards is read back by checking the passwords themselves.
 */
#include "config.h"

#include <adwaita.h>

#include "trellis-core.h"
#include "trellis-password-dialog.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

#define NEW_PASSWORD "a brand new phrase"

static char *tmpdir;

static void
on_changed_cb (TrellisPasswordDialog *dialog,
               guint                 *n_changed)
{
  (*n_changed)++;
}

static gboolean
password_is (TrellisStore *store,
             const char   *username,
             const char   *password)
{
  g_autoptr(TrellisStaff) staff = trellis_test_lookup_staff (store, username);

  return trellis_store_check_password (store, staff, password, NULL);
}

/* The dialog as the window opens it for @context's person, with the three fields typed in;
 * @n_changed counts what it says it changed. */
static TrellisPasswordDialog *
open_and_type (TrellisContext *context,
               const char     *again,
               guint          *n_changed)
{
  TrellisPasswordDialog *dialog = trellis_password_dialog_new (NULL, context);

  g_signal_connect (dialog, "changed", G_CALLBACK (on_changed_cb), n_changed);
  gtk_window_present (GTK_WINDOW (dialog));
  trellis_test_spin (100);
  trellis_password_dialog_set_text (dialog, "current", TRELLIS_DEMO_PASSWORD);
  trellis_password_dialog_set_text (dialog, "new", NEW_PASSWORD);
  trellis_password_dialog_set_text (dialog, "again", again);
  return dialog;
}

/* Two new passwords that differ: the dialog says so under the second, keeps what was typed
 * and stays open, and the store still holds the old password. */
static void
test_mismatch_changes_nothing (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "mismatch.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  guint n_changed = 0;
  TrellisPasswordDialog *dialog = open_and_type (context, "a brand new phrasf", &n_changed);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_false (trellis_password_dialog_apply (dialog));
  g_assert_cmpstr (trellis_password_dialog_get_error (dialog, "again"), ==,
                   "The two new passwords are not the same");
  g_assert_null (trellis_password_dialog_get_error (dialog, "current"));
  g_assert_null (trellis_password_dialog_get_error (dialog, "new"));
  g_assert_null (trellis_password_dialog_get_error (dialog, NULL));
  trellis_test_save_png (GTK_WIDGET (dialog), "password-dialog-mismatch.png");

  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_nonnull (dialog);
  g_assert_true (password_is (store, "staff1", TRELLIS_DEMO_PASSWORD));
  g_assert_false (password_is (store, "staff1", NEW_PASSWORD));

  /* mending the second field clears its message */
  trellis_password_dialog_set_text (dialog, "again", NEW_PASSWORD);
  g_assert_null (trellis_password_dialog_get_error (dialog, "again"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  trellis_test_spin (50);
  g_assert_null (dialog);
}

/* All well: the store takes the new password, says so once, and the dialog goes. */
static void
test_change (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "change.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  guint n_changed = 0;
  TrellisPasswordDialog *dialog = open_and_type (context, NEW_PASSWORD, &n_changed);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (trellis_password_dialog_apply (dialog));
  /* Argon2 runs on the store's worker; the dialog goes when it is done */
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_null (dialog);
  g_assert_true (password_is (store, "staff1", NEW_PASSWORD));
  g_assert_false (password_is (store, "staff1", TRELLIS_DEMO_PASSWORD));
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "password-dialog");

  g_test_add_func ("/password-dialog/mismatch-changes-nothing", test_mismatch_changes_nothing);
  g_test_add_func ("/password-dialog/change", test_change);

  return g_test_run ();
}
