/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-test-gtk.h: what the window tests share: the main loop and screenshots
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void trellis_test_spin     (guint       ms);
void trellis_test_save_png (GtkWidget  *widget,
                            const char *name);

G_END_DECLS
