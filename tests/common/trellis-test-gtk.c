/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-test-gtk.c: what the window tests share: start-up, the main loop, screenshots, and
 * finding widgets the way a person does, by what they read
 *
 * A screenshot goes to TRELLIS_PNG_DIR (the build folder under meson test), for a person
 * to look at what the test saw. Each window test used to carry its own copy of the rest.
 */
#include "config.h"

#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

/**
 * trellis_test_init_gtk:
 * @purpose: (nullable): names the test's temporary folder; NULL for none
 *
 * Starts GTK and libadwaita for a window test: settings in memory, and GTK's test
 * accessibility backend, which keeps what a screen reader would be told (names, states,
 * descriptions) for the tests to check and needs no session bus.
 *
 * Returns: (transfer full) (nullable): a new empty folder for the test's files
 */
char *
trellis_test_init_gtk (int          *argc,
                       char       ***argv,
                       const char   *purpose)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return purpose != NULL ? trellis_test_make_dir (purpose) : NULL;
}

void
trellis_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* @widget (a page, a file) in a window of its own, @width by @height, shown and drawn as a
 * person would see it. */
GtkWindow *
trellis_test_show_in_window (gpointer widget,
                             int      width,
                             int      height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  trellis_test_spin (100);
  return window;
}

void
trellis_test_save_png (GtkWidget  *widget,
                       const char *name)
{
  const char *dir = g_getenv ("TRELLIS_PNG_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", name, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  trellis_test_spin (400);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}


/* The first widget under @root, @root included, that @match accepts, or NULL. */
GtkWidget *
trellis_test_find_widget (gpointer               root,
                          TrellisTestWidgetMatch match,
                          gconstpointer          data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = trellis_test_find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The row (an entry, a list row) titled @title under @root, or NULL. */
GtkWidget *
trellis_test_find_row (gpointer    root,
                       const char *title)
{
  return trellis_test_find_widget (root, is_row_titled, title);
}

/* The row titled @title under @root, which must be there. */
GtkWidget *
trellis_test_get_row (gpointer    root,
                      const char *title)
{
  GtkWidget *row = trellis_test_find_row (root, title);

  g_assert_nonnull (row);
  return row;
}

/* The button labelled @label (with its mnemonic) under @root, or NULL. */
GtkWidget *
trellis_test_find_button (gpointer    root,
                          const char *label)
{
  return trellis_test_find_widget (root, is_button_labelled, label);
}

/* The button labelled @label under @root, which must be there. */
GtkWidget *
trellis_test_get_button (gpointer    root,
                         const char *label)
{
  GtkWidget *button = trellis_test_find_button (root, label);

  g_assert_nonnull (button);
  return button;
}

/* Types @text into the entry row titled @title, replacing what it held. */
void
trellis_test_type_into (gpointer    root,
                        const char *title,
                        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (trellis_test_get_row (root, title)), text);
}

/* The shown window of @type transient for @parent, or NULL. */
gpointer
trellis_test_find_dialog (GType      type,
                          GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_window_get_transient_for (w) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static void
collect_rows (GtkWidget *widget,
              GString   *text)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      g_string_append (text, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)))
        g_string_append_printf (text, " | %s",
                                adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, text);
}

/* The titles and subtitles of every row under @root, "title | subtitle", one row a line,
 * top to bottom: what a person reads. */
char *
trellis_test_dup_rows_text (gpointer root)
{
  GString *text = g_string_new (NULL);

  collect_rows (root, text);
  return g_string_free (text, FALSE);
}
