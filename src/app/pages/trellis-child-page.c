/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-page.c: header with photo and name, then the child's details in groups
 */
#define G_LOG_DOMAIN "trellis-child-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-child-page.h"
#include "trellis-audit-window.h"
#include "trellis-child-row.h"

struct _TrellisChildPage
{
  AdwBin               parent_instance;

  AdwPreferencesPage  *page;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *age_label;
  GtkLabel            *worker_label;
  AdwPreferencesGroup *history_group;
  GPtrArray           *history_rows;
  GHashTable          *values;        /* field name -> GtkLabel showing its value */
  AdwPreferencesGroup *audit_group;
  GtkListBox          *audit_list;
  GListModel          *audit;

  TrellisChild        *child;
};

G_DEFINE_FINAL_TYPE (TrellisChildPage, trellis_child_page, ADW_TYPE_BIN)

static void
add_field (TrellisChildPage    *self,
           AdwPreferencesGroup *group,
           const char          *field,
           const char          *title)
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
  adw_preferences_group_add (group, row);

  g_hash_table_insert (self->values, (gpointer) field, value);
}

static void
set_value (TrellisChildPage *self,
           const char       *field,
           const char       *text)
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
set_date_value (TrellisChildPage *self,
                const char       *field,
                GDateTime        *date,
                const char       *otherwise)
{
  g_autofree char *text = trellis_date_format (date);
  set_value (self, field, text != NULL ? text : otherwise);
}

static GtkWidget *
build_header (TrellisChildPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  self->avatar = ADW_AVATAR (adw_avatar_new (96, NULL, TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->avatar));

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->name_label, TRUE);
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_selectable (self->name_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "title-1");
  self->age_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->age_label, TRUE);
  gtk_label_set_xalign (self->age_label, 0);
  self->worker_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->worker_label, TRUE);
  gtk_label_set_xalign (self->worker_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->worker_label), "dim-label");

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->age_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->worker_label));
  gtk_box_append (GTK_BOX (box), labels);

  return box;
}

static void
trellis_child_page_dispose (GObject *object)
{
  TrellisChildPage *self = (TrellisChildPage *)object;

  g_clear_object (&self->child);
  g_clear_object (&self->audit);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (trellis_child_page_parent_class)->dispose (object);
}

static void
trellis_child_page_class_init (TrellisChildPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_child_page_dispose;
}

static void
trellis_child_page_init (TrellisChildPage *self)
{
  AdwPreferencesGroup *header, *personal, *placement;
  GtkWidget *change;

  self->values = g_hash_table_new (g_str_hash, g_str_equal);
  self->history_rows = g_ptr_array_new ();
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));

  header = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_add (header, build_header (self));
  adw_preferences_page_add (self->page, header);

  personal = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (personal, _("Personal details"));
  add_field (self, personal, "legal-name", _("Legal name"));
  add_field (self, personal, "preferred-name", _("Preferred name"));
  add_field (self, personal, "date-of-birth", _("Date of birth"));
  add_field (self, personal, "gender", _("Gender"));
  add_field (self, personal, "first-language", _("First language"));
  add_field (self, personal, "religion", _("Religion"));
  adw_preferences_page_add (self->page, personal);

  placement = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (placement, _("Placement"));
  add_field (self, placement, "legal-status", _("Legal status"));
  add_field (self, placement, "placing-authority", _("Placing authority"));
  add_field (self, placement, "admission-date", _("Admission date"));
  add_field (self, placement, "leaving-date", _("Leaving date"));
  adw_preferences_page_add (self->page, placement);

  self->history_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->history_group, _("Link Worker history"));
  /* where a manager looks for it: beside the history it adds to (the window disables it
   * for everyone else) */
  change = gtk_button_new_with_mnemonic (_("C_hange…"));
  gtk_widget_set_tooltip_text (change, _("Change the Link Worker"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (change), "win.change-link-worker");
  gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (change, "flat");
  adw_preferences_group_set_header_suffix (self->history_group, change);
  g_object_bind_property (change, "sensitive", change, "visible", G_BINDING_SYNC_CREATE);
  adw_preferences_page_add (self->page, self->history_group);

  self->audit_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->audit_group, _("Who opened or changed this record"));
  self->audit_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->audit_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->audit_list), "boxed-list");
  adw_preferences_group_add (self->audit_group, GTK_WIDGET (self->audit_list));
  gtk_widget_set_visible (GTK_WIDGET (self->audit_group), FALSE);
  adw_preferences_page_add (self->page, self->audit_group);
}

static GtkWidget *
create_audit_row (gpointer item,
                  gpointer user_data)
{
  return trellis_audit_row_new (item, FALSE);
}

/* The newest entries of the child's audit trail, for those allowed to read it; %NULL hides
 * the group. */
void
trellis_child_page_set_audit (TrellisChildPage *self,
                              GListModel       *entries)
{
  g_return_if_fail (TRELLIS_IS_CHILD_PAGE (self));

  g_set_object (&self->audit, entries);
  gtk_list_box_bind_model (self->audit_list, entries, create_audit_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->audit_group), entries != NULL);
}

guint
trellis_child_page_get_n_audit (TrellisChildPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_PAGE (self), 0);
  return self->audit != NULL ? g_list_model_get_n_items (self->audit) : 0;
}

void
trellis_child_page_set_child (TrellisChildPage *self,
                              TrellisChild     *child,
                              GListModel       *assignments)
{
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autofree char *name = NULL;
  g_autofree char *full = NULL;
  g_autofree char *age = NULL;
  g_autofree char *dob = NULL;
  g_autofree char *admitted = NULL;
  g_autofree char *worker = NULL;
  const char *worker_name;
  GDateTime *left_on = NULL;   /* set for a child who has left */
  guint n;

  g_return_if_fail (TRELLIS_IS_CHILD_PAGE (self));
  g_return_if_fail (TRELLIS_IS_CHILD (child));

  g_set_object (&self->child, child);

  name = trellis_child_dup_ui_name (child);
  full = trellis_child_dup_full_name (child);
  dob = trellis_date_format (trellis_child_get_date_of_birth (child));
  admitted = trellis_date_format (trellis_child_get_admission_date (child));
  if (!trellis_child_is_placed (child, today))
    {
      g_autofree char *left = NULL;

      left_on = trellis_child_get_leaving_date (child);
      left = trellis_date_format (left_on);
      /* Translators: "Aged 14 · left on 6 June 2024" */
      age = g_strdup_printf (_("Aged %d · left on %s"), trellis_child_get_age (child, today), left);
    }
  else if (admitted != NULL)
    /* Translators: "Aged 14 · living here since 17 March 2024" */
    age = g_strdup_printf (_("Aged %d · living here since %s"),
                           trellis_child_get_age (child, today), admitted);
  else
    age = g_strdup_printf (_("Aged %d"), trellis_child_get_age (child, today));

  worker_name = trellis_child_get_link_worker_name (child);
  if (left_on != NULL)
    {
      /* a child who has left has no Link Worker now: say who it was until they left */
      g_autofree char *until = trellis_date_format (left_on);
      /* Translators: "Link Worker until 6 June 2024: Priya Sharma" */
      worker = worker_name != NULL ? g_strdup_printf (_("Link Worker until %s: %s"), until,
                                                      worker_name)
                                   : g_strdup (_("No Link Worker when they left"));
    }
  else
    worker = worker_name != NULL ? g_strdup_printf (_("Link Worker: %s"), worker_name)
                                 : g_strdup (_("No Link Worker assigned"));

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->age_label, age);
  gtk_label_set_text (self->worker_label, worker);
  adw_avatar_set_text (self->avatar, name + strlen ("\u200E"));
  trellis_avatar_set_photo (self->avatar, trellis_child_get_photo (child));

  set_value (self, "legal-name", full);
  set_value (self, "preferred-name", trellis_child_get_preferred_name (child));
  set_date_value (self, "date-of-birth", trellis_child_get_date_of_birth (child), NULL);
  set_value (self, "gender", trellis_child_get_gender (child));
  set_value (self, "first-language", trellis_child_get_first_language (child));
  set_value (self, "religion", trellis_child_get_religion (child));
  set_value (self, "legal-status",
             trellis_legal_status_to_label (trellis_child_get_legal_status (child)));
  set_value (self, "placing-authority", trellis_child_get_placing_authority (child));
  set_date_value (self, "admission-date", trellis_child_get_admission_date (child), NULL);
  set_date_value (self, "leaving-date", trellis_child_get_leaving_date (child),
                  _("Still living here"));

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  n = assignments != NULL ? g_list_model_get_n_items (assignments) : 0;
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No Link Worker yet"));
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
  /* newest first: the current Link Worker at the top */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TrellisAssignment) a = g_list_model_get_item (assignments, i - 1);
      g_autofree char *from = trellis_date_format (trellis_assignment_get_start_date (a));
      GDateTime *end = trellis_assignment_get_end_date (a);
      /* an assignment still open when the child left ended with their leaving */
      g_autofree char *to = trellis_date_format (end != NULL ? end : left_on);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: "17 March 2024 to now · First Link Worker" */
      subtitle = g_strdup_printf (_("%s to %s · %s"), from, to != NULL ? to : _("now"),
                                  trellis_change_reason_to_label (trellis_assignment_get_reason (a)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     trellis_assignment_get_staff_name (a));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

TrellisChild *
trellis_child_page_get_child (TrellisChildPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_PAGE (self), NULL);
  return self->child;
}

/* What the page shows for a field ("date-of-birth", "legal-name", …): for the tests. */
const char *
trellis_child_page_get_value (TrellisChildPage *self,
                              const char       *field)
{
  GtkLabel *label;

  g_return_val_if_fail (TRELLIS_IS_CHILD_PAGE (self), NULL);

  if (g_str_equal (field, "name"))
    return gtk_label_get_text (self->name_label);
  if (g_str_equal (field, "link-worker"))
    return gtk_label_get_text (self->worker_label);
  if (g_str_equal (field, "latest-link-worker"))
    return self->history_rows->len > 0
             ? adw_action_row_get_subtitle (g_ptr_array_index (self->history_rows, 0)) : NULL;

  label = g_hash_table_lookup (self->values, field);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}
