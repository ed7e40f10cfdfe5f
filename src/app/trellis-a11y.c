/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-a11y.c: names a screen reader can say, where GTK 4.8 gives none
 *
 * GTK 4.8 names a button with a mnemonic "_Edit Edit" (its raw label, then its label child),
 * an icon-only button or menu button by its class ("GtkImage", "GtkMenuButton"), and puts the
 * peek button of a password row in the Tab order, so Tab then Enter shows the password on a
 * shared screen. One walk over a window mends all three; every window and dialog calls it
 * once its widgets are built.
 */
#define G_LOG_DOMAIN "trellis-a11y"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-a11y.h"

static gboolean
is_icon_only (GtkWidget *button)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (button))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) == NULL;

  if (!GTK_IS_BUTTON (button) || gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    return FALSE;

  child = gtk_button_get_child (GTK_BUTTON (button));
  return child == NULL || GTK_IS_IMAGE (child);
}

static void
tidy_password_row (GtkWidget *row)
{
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_TOGGLE_BUTTON (w))
        {
          /* the pointer can still peek; Tab and Enter never show a password by mistake */
          gtk_widget_set_focusable (w, FALSE);
          gtk_widget_set_focus_on_click (w, FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Show password"), -1);
        }
      tidy_password_row (w);
    }
}

void
trellis_a11y_tidy (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      /* the label child already names it, without the underscore */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else if ((GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root)) && is_icon_only (root))
    {
      const char *tip = gtk_widget_get_tooltip_text (root);

      /* one without a tooltip may be named already (the window controls are); the
       * accessibility walk of the real-input tests finds any that is not */
      if (tip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, tip,
                                        -1);
    }

  if (ADW_IS_PASSWORD_ENTRY_ROW (root))
    {
      tidy_password_row (root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    trellis_a11y_tidy (child);
}
