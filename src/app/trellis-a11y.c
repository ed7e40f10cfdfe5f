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

/**
 * trellis_a11y_name_list_item:
 *
 * Names the row of a list view that holds @widget: the row, not what is in it, takes the
 * keyboard focus and is what a screen reader says (GTK 4.8 has no
 * gtk_list_item_set_accessible_label).
 */
void
trellis_a11y_name_list_item (GtkWidget  *widget,
                             const char *label)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_equal (G_OBJECT_TYPE_NAME (w), "GtkListItemWidget"))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
        return;
      }
}

static void
on_map_choice_cb (GtkWidget *label)
{
  trellis_a11y_name_list_item (label, gtk_label_get_text (GTK_LABEL (label)));
}

static void
on_bind_choice_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  trellis_a11y_name_list_item (label, text);
}

static void
on_setup_choice_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  in_popover)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (in_popover)
    {
      /* the choice made now, ticked as libadwaita's own list does */
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      g_object_bind_property (item, "selected", check, "visible", G_BINDING_SYNC_CREATE);
      gtk_box_append (GTK_BOX (box), check);
    }
  /* the row is parented after binding in some lists: name it once shown too */
  g_signal_connect (label, "map", G_CALLBACK (on_map_choice_cb), NULL);
  gtk_list_item_set_child (item, box);
}

static GtkListItemFactory *
choice_factory (gboolean in_popover)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_choice_cb),
                    GINT_TO_POINTER (in_popover));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_choice_cb), NULL);
  return factory;
}

/* The list that shows a combo row's current value, outside its popover. */
static void
unfocus_list_views (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_POPOVER (w))
        continue;
      if (GTK_IS_LIST_VIEW (w))
        gtk_widget_set_can_focus (w, FALSE);
      else
        unfocus_list_views (w);
    }
}

/* A combo row of strings whose choices a screen reader can say (libadwaita 1.2's own
 * leave the list items in its popover without names), and whose current value is not a
 * Tab stop of its own. */
static void
tidy_combo_row (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  unfocus_list_views (GTK_WIDGET (row));

  if (g_object_get_data (G_OBJECT (row), "trellis-a11y-factory") != NULL ||
      !GTK_IS_STRING_LIST (model))
    return;

  factory = choice_factory (FALSE);
  list_factory = choice_factory (TRUE);
  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_list_factory (row, list_factory);
  g_object_set_data (G_OBJECT (row), "trellis-a11y-factory", GINT_TO_POINTER (TRUE));
}

static void
tidy_password_row (GtkWidget *row)
{
  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_BUTTON (w) && is_icon_only (w))
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

/* A list in a titled group is named by the group's title, one in a dialog by its heading,
 * and one in a group with no title by its first row (the sign-in page's "Password"). A list
 * named in code (trellis_a11y_name) keeps its name. */
static void
name_list (GtkWidget *list)
{
  for (GtkWidget *up = gtk_widget_get_parent (list); up != NULL; up = gtk_widget_get_parent (up))
    {
      const char *title = NULL;

      if (ADW_IS_PREFERENCES_GROUP (up))
        title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (up));
      else if (ADW_IS_MESSAGE_DIALOG (up))
        title = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (up));
      else if (GTK_IS_POPOVER (up) || GTK_IS_LIST_VIEW (up))
        return;
      if (title != NULL && *title != '\0')
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          title, -1);
          return;
        }
    }

  if (GTK_IS_LIST_BOX (list))
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

      if (ADW_IS_PREFERENCES_ROW (first))
        gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)),
                                        -1);
    }
}

/* Names every icon-only button below @root that has no tooltip to name it. */
static void
name_icon_buttons (GtkWidget  *root,
                   const char *label)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_BUTTON (w) && is_icon_only (w) && gtk_widget_get_tooltip_text (w) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        -1);
      name_icon_buttons (w, label);
    }
}

/**
 * trellis_a11y_name:
 *
 * Names @widget for screen readers, for good: trellis_a11y_tidy() leaves it as it is.
 */
void
trellis_a11y_name (GtkWidget  *widget,
                   const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (widget), "trellis-a11y-named", GINT_TO_POINTER (TRUE));
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

  /* GTK 4.8's shortcuts window has an unnamed search button */
  if (GTK_IS_SHORTCUTS_WINDOW (root))
    name_icon_buttons (root, _("Search shortcuts"));

  /* libadwaita 1.2's toast has an unnamed close button */
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget"))
    name_icon_buttons (root, _("Dismiss"));

  if (ADW_IS_COMBO_ROW (root))
    tidy_combo_row (ADW_COMBO_ROW (root));

  /* a status page's scroller is no Tab stop of its own: there is nothing to do in it */
  if (GTK_IS_SCROLLED_WINDOW (root) && ADW_IS_STATUS_PAGE (gtk_widget_get_parent (root)))
    gtk_widget_set_focusable (root, FALSE);

  if ((GTK_IS_LIST_BOX (root) || GTK_IS_LIST_VIEW (root)) &&
      g_object_get_data (G_OBJECT (root), "trellis-a11y-named") == NULL)
    name_list (root);

  /* a search field says what it searches, as its placeholder does */
  if (GTK_IS_SEARCH_ENTRY (root) &&
      g_object_get_data (G_OBJECT (root), "trellis-a11y-named") == NULL)
    {
      g_autofree char *placeholder = NULL;

      g_object_get (root, "placeholder-text", &placeholder, NULL);
      if (placeholder != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        placeholder, -1);
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
