/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-checklist-section.c: what a child has been given and told since they came
 *
 * One row for each thing the Link Working guidance says a child is given or told (the Young
 * Person's Guide, the complaints procedure, the house rules, fire safety, their plans and a
 * copy of the placement plan): when it was last done and by whom, or "Not yet done" beside
 * it for a child placed here. Record… (child.record-checklist) shows to those who may record
 * it: the child's Link Worker and Managers.
 */
#define G_LOG_DOMAIN "trellis-checklist-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-checklist-section.h"

static const TrellisChecklistItem items[] = {
  TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE, TRELLIS_CHECKLIST_COMPLAINTS_PROCEDURE,
  TRELLIS_CHECKLIST_HOUSE_RULES, TRELLIS_CHECKLIST_STAYING_SAFE,
  TRELLIS_CHECKLIST_CARE_PLAN_EXPLAINED, TRELLIS_CHECKLIST_PLAN_COPY_GIVEN,
};

struct _TrellisChecklistSection
{
  TrellisChildSection  parent_instance;

  AdwActionRow        *rows[G_N_ELEMENTS (items)];
  GtkLabel            *badges[G_N_ELEMENTS (items)];
};

G_DEFINE_FINAL_TYPE (TrellisChecklistSection, trellis_checklist_section,
                     TRELLIS_TYPE_CHILD_SECTION)

static void
trellis_checklist_section_clear (TrellisChildSection *section)
{
  TrellisChecklistSection *self = TRELLIS_CHECKLIST_SECTION (section);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      adw_action_row_set_subtitle (self->rows[i], "");
      gtk_widget_set_visible (GTK_WIDGET (self->badges[i]), FALSE);
    }
}

static void
trellis_checklist_section_read_async (TrellisChildSection *section,
                                      TrellisContext      *context,
                                      TrellisChild        *child,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  trellis_store_list_checklist_async (trellis_context_get_store (context),
                                      trellis_context_get_actor (context),
                                      trellis_child_get_id (child), cancellable, callback,
                                      user_data);
}

static gboolean
trellis_checklist_section_show (TrellisChildSection  *section,
                                TrellisContext       *context,
                                TrellisChild         *child,
                                GAsyncResult         *result,
                                GError              **error)
{
  TrellisChecklistSection *self = TRELLIS_CHECKLIST_SECTION (section);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GListModel) entries = NULL;
  gboolean placed = trellis_child_is_placed (child, today);
  guint missing = 0;

  entries = trellis_store_list_checklist_finish (trellis_context_get_store (context), result,
                                                 error);
  if (entries == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(TrellisChecklistEntry) last = trellis_checklist_entry_find (entries, items[i]);
      g_autofree char *subtitle = NULL;

      if (last != NULL)
        {
          g_autofree char *day = trellis_date_format (trellis_checklist_entry_get_done_on (last));
          const char *notes = trellis_checklist_entry_get_notes (last);

          /* Translators: "2 October 2026 · Sam Patel", then the note if there is one */
          subtitle = *notes != '\0'
                     ? g_strdup_printf (_("%s · %s · %s"), day,
                                        trellis_checklist_entry_get_recorded_by (last), notes)
                     : g_strdup_printf (_("%s · %s"), day,
                                        trellis_checklist_entry_get_recorded_by (last));
        }
      else
        missing++;
      adw_action_row_set_subtitle (self->rows[i], subtitle != NULL ? subtitle : _("Not recorded"));
      gtk_widget_set_visible (GTK_WIDGET (self->badges[i]), last == NULL && placed);
    }

  if (missing > 0 && placed)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing not yet done",
                                      "%u things not yet done", missing), missing);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
    }
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
  return TRUE;
}

static const char *
trellis_checklist_section_get_value (TrellisChildSection *section,
                                     const char          *field)
{
  TrellisChecklistSection *self = TRELLIS_CHECKLIST_SECTION (section);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      const char *nick = trellis_enum_to_nick (TRELLIS_TYPE_CHECKLIST_ITEM, items[i]);
      g_autofree char *badge = g_strconcat (nick, "-missing", NULL);

      if (g_str_equal (field, nick))
        return adw_action_row_get_subtitle (self->rows[i]);
      if (g_str_equal (field, badge))
        return gtk_widget_get_visible (GTK_WIDGET (self->badges[i]))
               ? gtk_label_get_text (self->badges[i]) : "";
    }
  return NULL;
}

static void
trellis_checklist_section_class_init (TrellisChecklistSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  section_class->read_async = trellis_checklist_section_read_async;
  section_class->show = trellis_checklist_section_show;
  section_class->clear = trellis_checklist_section_clear;
  section_class->get_value = trellis_checklist_section_get_value;
}

static void
trellis_checklist_section_init (TrellisChecklistSection *self)
{
  GtkWidget *record = gtk_button_new_with_mnemonic (_("Mark d_one…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Given and told"));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (_("Not yet done"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     trellis_checklist_item_to_label (items[i]));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_set_visible (badge, FALSE);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      self->rows[i] = ADW_ACTION_ROW (row);
      self->badges[i] = GTK_LABEL (badge);
    }

  gtk_widget_set_tooltip_text (record, _("Record something the child was given or told"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "child.record-checklist");
  gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (record, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), record);
  g_object_bind_property (record, "sensitive", record, "visible", G_BINDING_SYNC_CREATE);
}

GtkWidget *
trellis_checklist_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_CHECKLIST_SECTION, NULL);
}
