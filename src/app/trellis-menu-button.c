/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-menu-button.c: menu buttons whose closed menu does not take the next click
 *
 * With GTK 4.8 on X11, a menu that has closed can swallow the next click on its window.
 * GTK keeps one pointer focus per window, shared with its popovers. When the window is
 * relaid out, gtk_window_native_layout() asks for a fake motion event on the surface of the
 * widget under the pointer; if that is still in the menu (an item that changes the window,
 * such as Show Children Who Have Left, relays it out just as the menu closes), GDK makes the
 * event for the menu's hidden surface, GTK takes the closed menu for the widget under the
 * pointer, and the next press goes to it. No widget of the window sees that click.
 *
 * A menu unrealized as it closes has no surface to be given such an event; GtkPopover
 * realizes itself again when it next opens. Every menu button in Trellis is set up here
 * (a test walks the window for any that is not).
 */
#define G_LOG_DOMAIN "trellis-menu-button"

#include "config.h"

#include "trellis-menu-button.h"

static void
on_menu_closed_cb (GtkPopover *menu)
{
  gtk_widget_unrealize (GTK_WIDGET (menu));
}

/* The menu the button shows now: a menu model set later comes with a new popover. */
static void
on_popover_changed_cb (GtkMenuButton *button)
{
  GtkPopover *menu = gtk_menu_button_get_popover (button);

  if (menu == NULL)
    return;
  g_signal_handlers_disconnect_by_func (menu, on_menu_closed_cb, NULL);
  g_signal_connect (menu, "closed", G_CALLBACK (on_menu_closed_cb), NULL);
}

/**
 * trellis_menu_button_close_cleanly:
 *
 * Makes @button's menu leave no surface behind when it closes, so that the first click
 * after it reaches the window. Call it once for every menu button.
 */
void
trellis_menu_button_close_cleanly (GtkMenuButton *button)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  g_signal_handlers_disconnect_by_func (button, on_popover_changed_cb, NULL);
  g_signal_connect (button, "notify::popover", G_CALLBACK (on_popover_changed_cb), NULL);
  on_popover_changed_cb (button);
}
