/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-test-gtk.c: what the window tests share: the main loop and screenshots
 *
 * A screenshot goes to TRELLIS_PNG_DIR (the build folder under meson test), for a person
 * to look at what the test saw.
 */
#include "config.h"

#include "trellis-test-gtk.h"

void
trellis_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
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

