/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-menu-button.h: menu buttons whose closed menu does not take the next click
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void trellis_menu_button_close_cleanly (GtkMenuButton *button);

G_END_DECLS
