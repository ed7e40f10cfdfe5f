/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-row.c: photo or initials, the name the child goes by, age and Link Worker
 *
 * A row the list is still reading (a placeholder, trellis_child_is_placeholder()) says
 * "Loading…", dimmed, with a blank avatar, until the list replaces it with the child.
 */
#define G_LOG_DOMAIN "trellis-child-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-a11y.h"
#include "trellis-child-row.h"

struct _TrellisChildRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *detail_label;
};

G_DEFINE_FINAL_TYPE (TrellisChildRow, trellis_child_row, GTK_TYPE_WIDGET)

/* U+200F in a right-to-left window, U+200E otherwise: a strong character of the window's
 * direction that shows nothing. */
static const char *
ui_direction_mark (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "\u200F" : "\u200E";
}

/* The name the child goes by, laid out in the window's direction: "أميرة Hassan" reads
 * name-then-family in an English window instead of flipping because it starts in Arabic. */
char *
trellis_child_dup_ui_name (TrellisChild *child)
{
  g_autofree char *name = trellis_child_dup_display_name (child);

  return g_strconcat (ui_direction_mark (), name, NULL);
}

/* A child's name inside a line of other words (a row of the audit trail), marked on both
 * sides the way trellis_child_dup_ui_name() marks it: the name keeps its order and so do
 * the words and numbers after it. */
char *
trellis_dup_ui_name_in_line (const char *name)
{
  return g_strconcat (ui_direction_mark (), name, ui_direction_mark (), NULL);
}

/* Shows the photo when there is one and it can be read; initials otherwise. */
void
trellis_avatar_set_photo (AdwAvatar *avatar,
                          GBytes    *photo)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (photo != NULL)
    texture = gdk_texture_new_from_bytes (photo, NULL);
  adw_avatar_set_custom_image (avatar, texture != NULL ? GDK_PAINTABLE (texture) : NULL);
}

static void
trellis_child_row_dispose (GObject *object)
{
  TrellisChildRow *self = (TrellisChildRow *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (trellis_child_row_parent_class)->dispose (object);
}

static void
trellis_child_row_class_init (TrellisChildRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_child_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trellis-child-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
trellis_child_row_init (TrellisChildRow *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->avatar = ADW_AVATAR (adw_avatar_new (40, NULL, TRUE));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->avatar));

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_label_set_ellipsize (self->detail_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "caption");

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->detail_label));
  gtk_box_append (GTK_BOX (self->box), labels);
}

/* A screen reader says the row as one thing: "Beatriz Santos, Aged 17 · Hannah Adeyemi".
 * The list view's own item widget is what takes the focus, so the name goes on it too. */
static void
update_accessible_name (TrellisChildRow *self,
                        const char      *name,
                        const char      *detail)
{
  /* Translators: how a screen reader says a row of the children list: name, then details */
  g_autofree char *label = g_strdup_printf (_("%s, %s"), name, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  trellis_a11y_name_list_item (GTK_WIDGET (self), label);
}

GtkWidget *
trellis_child_row_new (void)
{
  return g_object_new (TRELLIS_TYPE_CHILD_ROW, NULL);
}

void
trellis_child_row_set_child (TrellisChildRow *self,
                             TrellisChild    *child)
{
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *age = NULL;
  const char *worker;

  g_return_if_fail (TRELLIS_IS_CHILD_ROW (self));

  if (child == NULL)
    return;

  if (trellis_child_is_placeholder (child))
    {
      /* Translators: a row of the children list while the child's details are read */
      const char *loading = _("Loading…");

      gtk_label_set_text (self->name_label, loading);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");
      gtk_label_set_text (self->detail_label, "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      loading, -1);
      trellis_a11y_name_list_item (GTK_WIDGET (self), loading);
      adw_avatar_set_text (self->avatar, NULL);
      trellis_avatar_set_photo (self->avatar, NULL);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "dim-label");
  name = trellis_child_dup_ui_name (child);
  worker = trellis_child_get_link_worker_name (child);
  age = g_strdup_printf (_("Aged %d"), trellis_child_get_age (child, today));
  if (!trellis_child_is_placed (child, today))
    /* Translators: list subtitle for a child who no longer lives in the home */
    detail = g_strdup_printf (_("%s · Left"), age);
  else if (worker != NULL)
    /* Translators: "Aged 14 · Sam Carter", the child's age and their Link Worker */
    detail = g_strdup_printf (_("%s · %s"), age, worker);
  else
    detail = g_strdup_printf (_("%s · No Link Worker"), age);

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->detail_label, detail);
  update_accessible_name (self, name, detail);
  adw_avatar_set_text (self->avatar, name + strlen ("\u200E"));
  trellis_avatar_set_photo (self->avatar, trellis_child_get_photo (child));
}
