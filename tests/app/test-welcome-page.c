/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-welcome-page.c: the first page, before any home is open
 *
 * It says what Trellis does today and promises nothing more; each of its buttons asks the
 * window for one thing (a new home, the demo, another home's database); and it says why a
 * home could not be opened until the next try succeeds.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-test-gtk.h"
#include "trellis-welcome-page.h"

static gboolean
is_status_page (GtkWidget *widget)
{
  return ADW_IS_STATUS_PAGE (widget);
}

static gboolean
is_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL;
}

static void
collect (GtkWidget  *widget,
         gboolean  (*match) (GtkWidget *),
         GPtrArray  *found)
{
  if (match (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, match, found);
}

static void
on_activate_cb (GSimpleAction *action,
                GVariant      *parameter,
                GString       *asked)
{
  g_string_append_printf (asked, "%s;", g_action_get_name (G_ACTION (action)));
}

/* What it says, and what each button asks the window for. */
static void
test_says_and_offers (void)
{
  g_autoptr(GString) asked = g_string_new (NULL);
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GPtrArray) status = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const char *names[] = { "show-create-home", "open-demo", "open-home" };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = g_object_new (TRELLIS_TYPE_WELCOME_PAGE, NULL);
  const char *description;

  /* the window's actions, as a stand-in that records what was asked */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);
      g_signal_connect (action, "activate", G_CALLBACK (on_activate_cb), asked);
      g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (action));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (win));
  gtk_window_set_default_size (window, 900, 640);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  trellis_test_spin (100);

  collect (page, is_status_page, status);
  g_assert_cmpuint (status->len, ==, 1);
  description = adw_status_page_get_description (g_ptr_array_index (status, 0));
  g_assert_nonnull (strstr (description, "Link Worker"));
  g_assert_nonnull (strstr (description, "child summary"));
  g_assert_null (strstr (description, "session"));
  g_assert_null (strstr (description, "plan"));
  g_assert_null (strstr (description, "review"));

  collect (page, is_button, buttons);
  g_assert_cmpuint (buttons->len, ==, 3);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_assert_true (gtk_widget_is_sensitive (g_ptr_array_index (buttons, i)));
      g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
    }
  trellis_test_spin (50);
  g_assert_cmpstr (asked->str, ==, "show-create-home;open-demo;open-home;");

  gtk_window_destroy (window);
}

/* A home that could not be opened: the page says why, and says nothing once one opens. */
static void
test_error (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  TrellisWelcomePage *page = g_object_new (TRELLIS_TYPE_WELCOME_PAGE, NULL);

  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_null (trellis_welcome_page_get_error (page));
  trellis_welcome_page_show_error (page, "“/nowhere/missing.db” is not there");
  g_assert_cmpstr (trellis_welcome_page_get_error (page), ==, "“/nowhere/missing.db” is not there");
  trellis_test_save_png (GTK_WIDGET (window), "page-welcome-error.png");
  trellis_welcome_page_show_error (page, NULL);
  g_assert_null (trellis_welcome_page_get_error (page));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  trellis_test_init_gtk (&argc, &argv, NULL);

  g_test_add_func ("/welcome-page/says-and-offers", test_says_and_offers);
  g_test_add_func ("/welcome-page/error", test_error);

  return g_test_run ();
}
