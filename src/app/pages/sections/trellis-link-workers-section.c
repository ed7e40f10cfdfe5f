/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-link-workers-section.c: every Link Worker a child has had
 *
 * Newest first, each with its dates and the reason it began. The Change… button sits where
 * a Manager looks for it, beside the history it adds to; it shows only while the window
 * offers win.change-link-worker (to Managers).
 */
#define G_LOG_DOMAIN "trellis-link-workers-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-link-workers-section.h"

struct _TrellisLinkWorkersSection
{
  TrellisChildSection  parent_instance;

  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (TrellisLinkWorkersSection, trellis_link_workers_section,
                     TRELLIS_TYPE_CHILD_SECTION)

static void
add_row (TrellisLinkWorkersSection *self,
         const char                *title,
         const char                *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
trellis_link_workers_section_clear (TrellisChildSection *section)
{
  TrellisLinkWorkersSection *self = TRELLIS_LINK_WORKERS_SECTION (section);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
trellis_link_workers_section_read_async (TrellisChildSection *section,
                                         TrellisContext      *context,
                                         TrellisChild        *child,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  trellis_store_list_assignments_async (trellis_context_get_store (context),
                                        trellis_context_get_actor (context),
                                        trellis_child_get_id (child), cancellable, callback,
                                        user_data);
}

static gboolean
trellis_link_workers_section_show (TrellisChildSection  *section,
                                   TrellisContext       *context,
                                   TrellisChild         *child,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  TrellisLinkWorkersSection *self = TRELLIS_LINK_WORKERS_SECTION (section);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GListModel) history = NULL;
  GDateTime *left_on = trellis_child_is_placed (child, today)
                         ? NULL : trellis_child_get_leaving_date (child);
  guint n;

  history = trellis_store_list_assignments_finish (trellis_context_get_store (context), result,
                                                   error);
  if (history == NULL)
    return FALSE;

  trellis_link_workers_section_clear (section);
  n = g_list_model_get_n_items (history);
  if (n == 0)
    add_row (self, _("No Link Worker yet"), NULL);
  /* newest first: the current Link Worker at the top */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TrellisAssignment) a = g_list_model_get_item (history, i - 1);
      g_autofree char *from = trellis_date_format (trellis_assignment_get_start_date (a));
      GDateTime *end = trellis_assignment_get_end_date (a);
      /* an assignment still open when the child left ended with their leaving */
      g_autofree char *to = trellis_date_format (end != NULL ? end : left_on);
      g_autofree char *subtitle = NULL;

      /* Translators: "17 March 2024 to now · First Link Worker" */
      subtitle = g_strdup_printf (_("%s to %s · %s"), from, to != NULL ? to : _("now"),
                                  trellis_change_reason_to_label (trellis_assignment_get_reason (a)));
      add_row (self, trellis_assignment_get_staff_name (a), subtitle);
    }
  return TRUE;
}

static const char *
trellis_link_workers_section_get_value (TrellisChildSection *section,
                                        const char          *field)
{
  TrellisLinkWorkersSection *self = TRELLIS_LINK_WORKERS_SECTION (section);

  if (g_str_equal (field, "latest-link-worker") && self->rows->len > 0)
    return adw_action_row_get_subtitle (g_ptr_array_index (self->rows, 0));
  return NULL;
}

static void
trellis_link_workers_section_finalize (GObject *object)
{
  TrellisLinkWorkersSection *self = TRELLIS_LINK_WORKERS_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (trellis_link_workers_section_parent_class)->finalize (object);
}

static void
trellis_link_workers_section_class_init (TrellisLinkWorkersSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = trellis_link_workers_section_finalize;
  section_class->read_async = trellis_link_workers_section_read_async;
  section_class->show = trellis_link_workers_section_show;
  section_class->clear = trellis_link_workers_section_clear;
  section_class->get_value = trellis_link_workers_section_get_value;
}

static void
trellis_link_workers_section_init (TrellisLinkWorkersSection *self)
{
  GtkWidget *change = gtk_button_new_with_mnemonic (_("C_hange…"));

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Link Worker history"));
  gtk_widget_set_tooltip_text (change, _("Change the Link Worker"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (change), "child.change-link-worker");
  gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (change, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), change);
  g_object_bind_property (change, "sensitive", change, "visible", G_BINDING_SYNC_CREATE);
}

GtkWidget *
trellis_link_workers_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_LINK_WORKERS_SECTION, NULL);
}
