/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-create-home-page.c: the form that makes a new home and its first Administrator
 *
 * The form holds the names to the model's rules, the ones the store holds them to: a name
 * the store would refuse is explained on the page, with the keyboard in that field, and
 * nothing is made. The tests read back the database to be sure.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-core.h"
#include "trellis-create-home-page.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

#define GOOD_PASSWORD "correct horse battery"

static char *tmpdir;

static TrellisCreateHomePage *
show_page (GtkWindow **window)
{
  TrellisCreateHomePage *page = g_object_new (TRELLIS_TYPE_CREATE_HOME_PAGE, NULL);

  *window = trellis_test_show_in_window (page, 700, 760);
  return page;
}

/* The title of the form's row that has the keyboard. */
static const char *
focused_title (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW)
                                 : NULL;

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

typedef struct
{
  const char *home;
  const char *name;
  const char *username;
  const char *field;     /* the row the keyboard goes to */
  const char *says;      /* part of what the page says */
} BadName;

/* Names a care record never holds, each refused on the page with the model's reason. */
static const BadName bad_names[] = {
  { "Willow\nLodge", "Ann Baker", "ann", "Name of the home", "Name of the home" },
  { "Willow Lodge", "Ann\tBaker", "ann", "Your name", "Name" },
  { "Willow Lodge", "Ann Baker", "\xd0\xb0nn", "Username", "U+0430" },   /* Cyrillic а */
  { "Willow Lodge", "Ann Baker", "Ann Baker", "Username", "no spaces" },
  { "Willow Lodge", "Ann Baker", "-ann", "Username", "Username" },
};

/* A bad name is explained, the keyboard goes to its field, and nothing is made: no file
 * where there was none, and no home in a database that was there already. */
static void
test_refuses_bad_names (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "refused.db", NULL);
  g_autofree char *existing = g_build_filename (tmpdir, "existing.db", NULL);
  GtkWindow *window;
  TrellisCreateHomePage *page = show_page (&window);

  /* a database that exists and has no home yet */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TrellisStore) store = trellis_store_open (existing, TRELLIS_STORE_OPEN_CREATE,
                                                        &error);
    g_assert_no_error (error);
    g_assert_false (trellis_store_has_home (store));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      const BadName *bad = &bad_names[i];

      for (guint j = 0; j < 2; j++)
        {
          const char *where = j == 0 ? path : existing;
          g_autoptr(GError) error = NULL;

          trellis_create_home_page_set_fields (page, bad->home, bad->name, bad->username,
                                               GOOD_PASSWORD, GOOD_PASSWORD);
          g_assert_false (trellis_create_home_page_create (page, where, &error));
          g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
          g_test_message ("%s: %s", bad->field, error->message);
          g_assert_cmpstr (trellis_create_home_page_get_error (page), ==, error->message);
          g_assert_nonnull (strstr (error->message, bad->says));
          g_assert_cmpstr (focused_title (window), ==, bad->field);
        }
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      {
        g_autoptr(TrellisStore) store = trellis_store_open (existing, TRELLIS_STORE_OPEN_DEFAULT,
                                                            NULL);
        g_assert_nonnull (store);
        g_assert_false (trellis_store_has_home (store));
      }
    }
  trellis_test_save_png (GTK_WIDGET (window), "page-create-home-refused.png");

  gtk_window_destroy (window);
}

/* Passwords that differ or are too short are refused too, and the form keeps what was
 * typed in the names. */
static void
test_refuses_bad_passwords (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "passwords.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  TrellisCreateHomePage *page = show_page (&window);

  trellis_create_home_page_set_fields (page, "Willow Lodge", "Ann Baker", "ann",
                                       GOOD_PASSWORD, "correct horse batterz");
  g_assert_false (trellis_create_home_page_create (page, path, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_cmpstr (focused_title (window), ==, "Password again");
  g_clear_error (&error);

  trellis_create_home_page_set_fields (page, "Willow Lodge", "Ann Baker", "ann", "short",
                                       "short");
  g_assert_false (trellis_create_home_page_create (page, path, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (trellis_create_home_page_get_error (page));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (window);
}

static void
on_created_cb (TrellisCreateHomePage  *page,
               TrellisStore           *store,
               TrellisStaff           *admin,
               TrellisStaff          **created)
{
  *created = g_object_ref (admin);
}

/* Good names make the home: the store holds it, its Administrator is who the page says,
 * and the passwords are gone from the form. */
static void
test_creates_the_home (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) created = NULL;
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisHome) home = NULL;
  g_autoptr(TrellisStaff) ann = NULL;
  GtkWindow *window;
  TrellisCreateHomePage *page = show_page (&window);

  g_signal_connect (page, "created", G_CALLBACK (on_created_cb), &created);
  trellis_create_home_page_set_fields (page, "  Willow Lodge ", "Ann Baker", "ann",
                                       GOOD_PASSWORD, GOOD_PASSWORD);
  g_assert_true (trellis_create_home_page_create (page, path, &error));
  g_assert_no_error (error);
  /* Argon2 runs on a thread of its own: the window keeps drawing meanwhile */
  g_assert_null (created);
  while (created == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (trellis_create_home_page_get_error (page));

  store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  home = trellis_store_get_home (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_home_get_name (home), ==, "Willow Lodge");
  g_assert_false (trellis_home_get_is_demo (home));
  ann = trellis_store_sign_in (store, "ann", GOOD_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_staff_get_id (ann), ==, trellis_staff_get_id (created));
  g_assert_cmpint (trellis_staff_get_role (ann), ==, TRELLIS_ROLE_ADMINISTRATOR);
  g_assert_cmpstr (trellis_staff_get_display_name (ann), ==, "Ann Baker");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "create-home-page");

  g_test_add_func ("/create-home-page/refuses-bad-names", test_refuses_bad_names);
  g_test_add_func ("/create-home-page/refuses-bad-passwords", test_refuses_bad_passwords);
  g_test_add_func ("/create-home-page/creates-the-home", test_creates_the_home);

  return g_test_run ();
}
