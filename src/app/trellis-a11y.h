/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-a11y.h: names a screen reader can say, where GTK 4.8 gives none
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void trellis_a11y_tidy            (GtkWidget  *root);
void trellis_a11y_name_list_item  (GtkWidget  *widget,
                                   const char *label);
void trellis_a11y_name            (GtkWidget  *widget,
                                   const char *label);

G_END_DECLS
