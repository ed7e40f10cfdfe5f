/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-test-gtk.h: what the window tests share: start-up, the main loop, screenshots, and
 * finding widgets the way a person does, by what they read
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char      *trellis_test_init_gtk      (int          *argc,
                                       char       ***argv,
                                       const char   *purpose);

void       trellis_test_spin          (guint         ms);
GtkWindow *trellis_test_show_in_window (gpointer     widget,
                                       int          width,
                                       int          height);
void       trellis_test_save_png      (GtkWidget    *widget,
                                       const char   *name);

typedef gboolean (*TrellisTestWidgetMatch) (GtkWidget     *widget,
                                            gconstpointer  data);

GtkWidget *trellis_test_find_widget   (gpointer               root,
                                       TrellisTestWidgetMatch match,
                                       gconstpointer          data);
GtkWidget *trellis_test_find_row      (gpointer      root,
                                       const char   *title);
GtkWidget *trellis_test_get_row       (gpointer      root,
                                       const char   *title);
GtkWidget *trellis_test_find_button   (gpointer      root,
                                       const char   *label);
GtkWidget *trellis_test_get_button   (gpointer      root,
                                       const char   *label);
void       trellis_test_type_into     (gpointer      root,
                                       const char   *title,
                                       const char   *text);
gpointer   trellis_test_find_dialog   (GType         type,
                                       GtkWindow    *parent);
char      *trellis_test_dup_rows_text (gpointer      root);

G_END_DECLS
