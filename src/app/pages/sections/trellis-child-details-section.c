/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-details-section.c: a child's personal details, or their placement
 *
 * One row for each field, its value on the right, selectable so it can be copied into an
 * email; a field with nothing recorded says so, dimmed, rather than leaving a gap.
 */
#define G_LOG_DOMAIN "trellis-child-details-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-child-details-section.h"

struct _TrellisChildDetailsSection
{
  TrellisChildSection  parent_instance;

  TrellisChildDetails  which;
  GHashTable          *values;   /* field name -> GtkLabel showing its value */
};

G_DEFINE_FINAL_TYPE (TrellisChildDetailsSection, trellis_child_details_section,
                     TRELLIS_TYPE_CHILD_SECTION)

static void
add_field (TrellisChildDetailsSection *self,
           const char                 *field,
           const char                 *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_xalign (GTK_LABEL (value), 1);
  /* ask for the width of the whole value; wrap only when the row is too narrow */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (value), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_set_halign (value, GTK_ALIGN_END);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  g_hash_table_insert (self->values, (gpointer) field, value);
}

static void
set_value (TrellisChildDetailsSection *self,
           const char                 *field,
           const char                 *text)
{
  GtkLabel *label = g_hash_table_lookup (self->values, field);

  g_assert (label != NULL);
  if (text == NULL || *text == '\0')
    {
      gtk_label_set_text (label, _("Not recorded"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_label_set_text (label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
set_date_value (TrellisChildDetailsSection *self,
                const char                 *field,
                GDateTime                  *date,
                const char                 *otherwise)
{
  g_autofree char *text = trellis_date_format (date);
  set_value (self, field, text != NULL ? text : otherwise);
}

/* The details are the child's record itself, read already: nothing to wait for. */
static gboolean
trellis_child_details_section_show (TrellisChildSection  *section,
                                    TrellisContext       *context,
                                    TrellisChild         *child,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  TrellisChildDetailsSection *self = TRELLIS_CHILD_DETAILS_SECTION (section);

  if (self->which == TRELLIS_CHILD_DETAILS_PERSONAL)
    {
      g_autofree char *full = trellis_child_dup_full_name (child);

      set_value (self, "legal-name", full);
      set_value (self, "preferred-name", trellis_child_get_preferred_name (child));
      set_date_value (self, "date-of-birth", trellis_child_get_date_of_birth (child), NULL);
      set_value (self, "gender", trellis_child_get_gender (child));
      set_value (self, "first-language", trellis_child_get_first_language (child));
      set_value (self, "religion", trellis_child_get_religion (child));
    }
  else
    {
      set_value (self, "legal-status",
                 trellis_legal_status_to_label (trellis_child_get_legal_status (child)));
      set_value (self, "placing-authority", trellis_child_get_placing_authority (child));
      set_date_value (self, "admission-date", trellis_child_get_admission_date (child), NULL);
      set_date_value (self, "leaving-date", trellis_child_get_leaving_date (child),
                      _("Still living here"));
    }
  return TRUE;
}

static const char *
trellis_child_details_section_get_value (TrellisChildSection *section,
                                         const char          *field)
{
  TrellisChildDetailsSection *self = TRELLIS_CHILD_DETAILS_SECTION (section);
  GtkLabel *label = g_hash_table_lookup (self->values, field);

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

static void
trellis_child_details_section_finalize (GObject *object)
{
  TrellisChildDetailsSection *self = TRELLIS_CHILD_DETAILS_SECTION (object);

  g_clear_pointer (&self->values, g_hash_table_unref);
  G_OBJECT_CLASS (trellis_child_details_section_parent_class)->finalize (object);
}

static void
trellis_child_details_section_class_init (TrellisChildDetailsSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = trellis_child_details_section_finalize;
  section_class->show = trellis_child_details_section_show;
  section_class->get_value = trellis_child_details_section_get_value;
}

static void
trellis_child_details_section_init (TrellisChildDetailsSection *self)
{
  self->values = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
trellis_child_details_section_new (TrellisChildDetails which)
{
  TrellisChildDetailsSection *self = g_object_new (TRELLIS_TYPE_CHILD_DETAILS_SECTION, NULL);

  self->which = which;
  if (which == TRELLIS_CHILD_DETAILS_PERSONAL)
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Personal details"));
      add_field (self, "legal-name", _("Legal name"));
      add_field (self, "preferred-name", _("Preferred name"));
      add_field (self, "date-of-birth", _("Date of birth"));
      add_field (self, "gender", _("Gender"));
      add_field (self, "first-language", _("First language"));
      add_field (self, "religion", _("Religion"));
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Placement"));
      add_field (self, "legal-status", _("Legal status"));
      add_field (self, "placing-authority", _("Placing authority"));
      add_field (self, "admission-date", _("Admission date"));
      add_field (self, "leaving-date", _("Leaving date"));
    }
  return GTK_WIDGET (self);
}
