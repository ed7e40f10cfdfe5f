/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-sign-in-page.c: who is signing in, among many, driven with a home as the window does
 *
 * The page does not grow with the number of accounts: it offers the people who signed in
 * lately, at most twenty, and finds anyone else by a name typed. The tests compare with
 * what the database holds and sign people in through the page.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-core.h"
#include "trellis-sign-in-page.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

static TrellisSignInPage *
show_page (GtkWindow **window)
{
  TrellisSignInPage *page = TRELLIS_SIGN_IN_PAGE (trellis_sign_in_page_new ());

  *window = trellis_test_show_in_window (page, 900, 700);
  return page;
}

static void
on_signed_in_cb (TrellisSignInPage  *page,
                 TrellisStaff       *staff,
                 TrellisStaff      **who)
{
  g_set_object (who, staff);
}

/* Many accounts: at most twenty offered, anyone found by name, and those who signed in
 * lately offered first, most recent at the top. */
static void
test_among_many (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "many.db", 90);
  g_autoptr(TrellisContext) context = trellis_context_new (store, NULL);
  g_autoptr(GListModel) everyone = trellis_store_list_sign_in_staff (store, NULL);
  g_autoptr(TrellisStaff) who = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) found = NULL;
  g_auto(GStrv) nobody = NULL;
  g_auto(GStrv) recent = NULL;
  GtkWindow *window;
  TrellisSignInPage *page = show_page (&window);

  g_signal_connect (page, "signed-in", G_CALLBACK (on_signed_in_cb), &who);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), >, 20);
  trellis_sign_in_page_choose (page, context);
  first = trellis_sign_in_page_dup_people (page);
  g_assert_cmpuint (g_strv_length (first), >, 0);
  g_assert_cmpuint (g_strv_length (first), <=, 20);
  trellis_test_save_png (GTK_WIDGET (window), "page-sign-in-many.png");

  g_assert_true (trellis_sign_in_page_find (page, "joanne MENS"));
  found = trellis_sign_in_page_dup_people (page);
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, "Joanne Mensah");
  g_assert_true (trellis_sign_in_page_find (page, "nobody is called this"));
  nobody = trellis_sign_in_page_dup_people (page);
  g_assert_cmpuint (g_strv_length (nobody), ==, 0);

  /* Sam, then Joanne, sign in through the page */
  trellis_sign_in_page_choose (page, context);
  g_assert_true (trellis_sign_in_page_sign_in (page, "staff1", TRELLIS_DEMO_PASSWORD));
  g_assert_cmpstr (trellis_staff_get_username (who), ==, "staff1");
  trellis_sign_in_page_choose (page, context);
  g_assert_true (trellis_sign_in_page_sign_in (page, "manager", TRELLIS_DEMO_PASSWORD));
  g_assert_cmpstr (trellis_staff_get_username (who), ==, "manager");

  trellis_sign_in_page_choose (page, context);
  recent = trellis_sign_in_page_dup_people (page);
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, "Joanne Mensah");
  g_assert_cmpstr (recent[1], ==, "Sam Carter");

  gtk_window_destroy (window);
}

/* A wrong password is refused with a reason, and nobody is signed in. */
static void
test_wrong_password (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "wrong.db", 3);
  g_autoptr(TrellisContext) context = trellis_context_new (store, NULL);
  g_autoptr(TrellisStaff) who = NULL;
  GtkWindow *window;
  TrellisSignInPage *page = show_page (&window);

  g_signal_connect (page, "signed-in", G_CALLBACK (on_signed_in_cb), &who);
  trellis_sign_in_page_choose (page, context);
  g_assert_false (trellis_sign_in_page_sign_in (page, "manager", "not the password"));
  g_assert_null (who);
  g_assert_nonnull (trellis_sign_in_page_get_error (page));
  g_assert_nonnull (strstr (trellis_sign_in_page_get_error (page), "not right"));
  trellis_test_save_png (GTK_WIDGET (window), "page-sign-in-refused.png");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "sign-in-page");

  g_test_add_func ("/sign-in-page/among-many", test_among_many);
  g_test_add_func ("/sign-in-page/wrong-password", test_wrong_password);

  return g_test_run ();
}
