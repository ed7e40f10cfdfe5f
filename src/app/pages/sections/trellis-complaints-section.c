/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-complaints-section.c: the complaints a child has made, and how each was handled
 *
 * Newest first, each a row that opens to show whom the child told, how it was handled, the
 * outcome and who recorded them; "Open" beside one not yet settled. The header says how many
 * there have been and how many are open. "Add complaint…" (child.record-complaint) and each
 * row's "Outcome…" (::record-outcome, which the file passes to the window) show to those who
 * may record them: the child's Link Worker and Managers.
 */
#define G_LOG_DOMAIN "trellis-complaints-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-complaints-section.h"

struct _TrellisComplaintsSection
{
  TrellisChildSection  parent_instance;

  GPtrArray           *rows;        /* the rows shown, to take away */
  GListModel          *complaints;
  AdwActionRow        *empty_row;
};

G_DEFINE_FINAL_TYPE (TrellisComplaintsSection, trellis_complaints_section,
                     TRELLIS_TYPE_CHILD_SECTION)

enum {
  RECORD_OUTCOME,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
trellis_complaints_section_clear (TrellisChildSection *section)
{
  TrellisComplaintsSection *self = TRELLIS_COMPLAINTS_SECTION (section);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->complaints);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), FALSE);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
}

static void
trellis_complaints_section_read_async (TrellisChildSection *section,
                                       TrellisContext      *context,
                                       TrellisChild        *child,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  trellis_store_list_complaints_async (trellis_context_get_store (context),
                                       trellis_context_get_actor (context),
                                       trellis_child_get_id (child), cancellable, callback,
                                       user_data);
}

static void
on_outcome_clicked_cb (GtkButton                *button,
                       TrellisComplaintsSection *self)
{
  TrellisComplaint *complaint = g_object_get_data (G_OBJECT (button), "complaint");

  g_signal_emit (self, signals[RECORD_OUTCOME], 0, complaint);
}

static void
add_detail (AdwExpanderRow *row,
            const char     *title,
            const char     *text)
{
  GtkWidget *detail = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (detail), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (detail), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (detail), 0);
  gtk_widget_add_css_class (detail, "property");
  adw_expander_row_add_row (row, detail);
}

/* GTK 4.8 gives an expander row, and the lists inside it, no name a screen reader can say:
 * the row is the complaint, its lists its details. */
static void
name_expander (GtkWidget  *widget,
               const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        {
          /* Translators: what a screen reader says for the list of a complaint's details */
          g_autofree char *label = g_strdup_printf (_("%s: details"), title);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
        }
      else if (GTK_IS_LIST_BOX_ROW (child) && !ADW_IS_PREFERENCES_ROW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        title, -1);
      name_expander (child, title);
    }
}

/* One complaint: what about as the title, when and its state below, the rest inside. */
static GtkWidget *
complaint_row (TrellisComplaintsSection *self,
               TrellisComplaint         *complaint,
               gboolean                  may_record)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *made = trellis_date_format (trellis_complaint_get_made_on (complaint));
  g_autofree char *subtitle = NULL;
  g_autofree char *told = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_complaint_get_about (complaint));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (trellis_complaint_is_open (complaint))
    {
      GtkWidget *badge = gtk_label_new (_("Open"));

      /* Translators: "Made 2 November 2026 · Open" */
      subtitle = g_strdup_printf (_("Made %s · Open"), made);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, "warning");
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), badge);
    }
  else
    {
      g_autofree char *settled = trellis_date_format (trellis_complaint_get_resolved_on (complaint));

      /* Translators: "Made 2 November 2026 · Settled 9 November 2026 · Satisfied" */
      subtitle = g_strdup_printf (_("Made %s · Settled %s · %s"), made, settled,
                                  trellis_satisfied_to_label (trellis_complaint_get_satisfied (complaint)));
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  /* Translators: whom the child told, and who wrote it down */
  told = g_strdup_printf (_("%s (recorded by %s)"), trellis_complaint_get_made_to (complaint),
                          trellis_complaint_get_recorded_by (complaint));
  add_detail (ADW_EXPANDER_ROW (row), _("Made to"), told);
  if (!trellis_complaint_is_open (complaint))
    {
      g_autofree char *outcome = g_strdup_printf (_("%s (recorded by %s)"),
                                                  trellis_complaint_get_outcome (complaint),
                                                  trellis_complaint_get_outcome_recorded_by (complaint));

      add_detail (ADW_EXPANDER_ROW (row), _("How it was handled"),
                  trellis_complaint_get_handled (complaint));
      add_detail (ADW_EXPANDER_ROW (row), _("Outcome"), outcome);
    }

  if (may_record)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Outcome…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Record how the complaint was handled"));
      g_object_set_data_full (G_OBJECT (button), "complaint", g_object_ref (complaint),
                              g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_outcome_clicked_cb), self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  trellis_complaint_get_about (complaint), -1);
  name_expander (row, trellis_complaint_get_about (complaint));
  return row;
}

static gboolean
trellis_complaints_section_show (TrellisChildSection  *section,
                                 TrellisContext       *context,
                                 TrellisChild         *child,
                                 GAsyncResult         *result,
                                 GError              **error)
{
  TrellisComplaintsSection *self = TRELLIS_COMPLAINTS_SECTION (section);
  g_autoptr(GListModel) complaints = NULL;
  gboolean may_record;
  guint n, open = 0;

  complaints = trellis_store_list_complaints_finish (trellis_context_get_store (context), result,
                                                     error);
  if (complaints == NULL)
    return FALSE;
  trellis_complaints_section_clear (section);
  self->complaints = g_object_ref (complaints);
  may_record = trellis_permission_allows (trellis_context_get_actor (context),
                                          TRELLIS_ACTION_EDIT_CHILD,
                                          trellis_child_get_link_worker_id (child));
  n = g_list_model_get_n_items (complaints);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisComplaint) complaint = g_list_model_get_item (complaints, i);
      GtkWidget *row = complaint_row (self, complaint, may_record);

      open += trellis_complaint_is_open (complaint);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), n == 0);
  if (n > 0)
    {
      g_autofree char *made = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u complaint",
                                                            "%u complaints", n), n);
      g_autofree char *description = NULL;

      /* Translators: "3 complaints, 1 open" */
      description = open > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u open",
                                                             "%s, %u open", open), made, open)
                             : g_strdup (made);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
    }
  return TRUE;
}

static const char *
trellis_complaints_section_get_value (TrellisChildSection *section,
                                      const char          *field)
{
  TrellisComplaintsSection *self = TRELLIS_COMPLAINTS_SECTION (section);

  if (g_str_equal (field, "complaints-summary"))
    {
      const char *description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (self));
      return description != NULL ? description : "";
    }
  if (g_str_equal (field, "newest-complaint") && self->rows->len > 0)
    return adw_expander_row_get_subtitle (g_ptr_array_index (self->rows, 0));
  return NULL;
}

static void
trellis_complaints_section_dispose (GObject *object)
{
  TrellisComplaintsSection *self = TRELLIS_COMPLAINTS_SECTION (object);

  g_clear_object (&self->complaints);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_complaints_section_parent_class)->dispose (object);
}

static void
trellis_complaints_section_class_init (TrellisComplaintsSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_complaints_section_dispose;
  section_class->read_async = trellis_complaints_section_read_async;
  section_class->show = trellis_complaints_section_show;
  section_class->clear = trellis_complaints_section_clear;
  section_class->get_value = trellis_complaints_section_get_value;

  /**
   * TrellisComplaintsSection::record-outcome:
   * @complaint: the complaint whose outcome to record
   *
   * The person asked to record how @complaint was handled.
   */
  signals[RECORD_OUTCOME] = g_signal_new ("record-outcome", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          TRELLIS_TYPE_COMPLAINT);
}

static void
trellis_complaints_section_init (TrellisComplaintsSection *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add co_mplaint…"));

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Complaints"));
  self->empty_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No complaints recorded"));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_row), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->empty_row));

  gtk_widget_set_tooltip_text (add, _("Record a complaint the child has made"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "child.record-complaint");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  g_object_bind_property (add, "sensitive", add, "visible", G_BINDING_SYNC_CREATE);
}

GtkWidget *
trellis_complaints_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_COMPLAINTS_SECTION, NULL);
}
