/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-incidents-section.c: a child's incidents, and how many each month
 *
 * First how many incidents of each kind the child had in each of the last six months (the
 * months with none say so), then the most recent incidents, newest first: the kind, the day
 * and time, what happened, and for a missing episode the return interview. "Record…"
 * (child.record-incident) shows to the child's Link Worker and Managers.
 */
#define G_LOG_DOMAIN "trellis-incidents-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-incidents-section.h"

#define MONTHS_SHOWN    6
#define INCIDENTS_SHOWN 5

struct _TrellisIncidentsSection
{
  TrellisChildSection  parent_instance;

  AdwActionRow        *counts;
  GtkWidget           *empty;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (TrellisIncidentsSection, trellis_incidents_section,
                     TRELLIS_TYPE_CHILD_SECTION)

static void
remove_rows (TrellisIncidentsSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
trellis_incidents_section_clear (TrellisChildSection *section)
{
  TrellisIncidentsSection *self = TRELLIS_INCIDENTS_SECTION (section);

  remove_rows (self);
  adw_action_row_set_subtitle (self->counts, "");
  gtk_widget_set_visible (self->empty, FALSE);
}

static void
trellis_incidents_section_read_async (TrellisChildSection *section,
                                      TrellisContext      *context,
                                      TrellisChild        *child,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  trellis_store_list_incidents_async (trellis_context_get_store (context),
                                      trellis_context_get_actor (context),
                                      trellis_child_get_id (child), cancellable, callback,
                                      user_data);
}

/* "November 2026: 1 missing from care, 2 behaviour" — one line a month, newest first */
static char *
describe_months (GArray *months)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = months->len; i > 0; i--)
    {
      TrellisIncidentMonth *m = &g_array_index (months, TrellisIncidentMonth, i - 1);
      g_autoptr(GDateTime) first = trellis_date_new (m->year, m->month, 1);
      g_autofree char *month = g_date_time_format (first, "%B %Y");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: ", month);
      if (m->total == 0)
        {
          g_string_append (text, _("none"));
          continue;
        }
      for (guint k = 0, n = 0; k < TRELLIS_N_INCIDENT_KINDS; k++)
        if (m->count[k] > 0)
          {
            g_autofree char *label = g_utf8_strdown (trellis_incident_kind_to_label (k), -1);

            g_string_append_printf (text, "%s%u %s", n++ > 0 ? ", " : "", m->count[k], label);
          }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
incident_row (TrellisIncident *incident)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = trellis_date_format (trellis_incident_get_happened_on (incident));
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (trellis_incident_get_what (incident));
  static const char * const icons[] = {
    [TRELLIS_INCIDENT_BEHAVIOUR] = "dialog-warning-symbolic",
    [TRELLIS_INCIDENT_PHYSICAL_INTERVENTION] = "dialog-error-symbolic",
    [TRELLIS_INCIDENT_MISSING] = "find-location-symbolic",
  };
  TrellisIncidentKind kind = trellis_incident_get_kind (incident);

  /* Translators: "Missing from care · 14 November 2026, 21:05" */
  title = g_strdup_printf (_("%s · %s, %s"), trellis_incident_kind_to_label (kind), day,
                           trellis_incident_get_time (incident));
  if (trellis_incident_get_interview_on (incident) != NULL)
    {
      g_autofree char *held = trellis_date_format (trellis_incident_get_interview_on (incident));

      g_string_append_c (subtitle, '\n');
      /* Translators: "Return interview on 15 November 2026 by Amira Haddad: “…”" */
      g_string_append_printf (subtitle, _("Return interview on %s by %s: “%s”"), held,
                              trellis_incident_get_interview_by (incident),
                              trellis_incident_get_child_said (incident));
    }
  else if (kind == TRELLIS_INCIDENT_MISSING)
    g_string_append_printf (subtitle, "\n%s", _("No return interview recorded yet"));
  g_string_append_c (subtitle, '\n');
  g_string_append_printf (subtitle, _("Recorded by %s"),
                          trellis_incident_get_recorded_by (incident));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icons[kind]));
  return row;
}

static gboolean
trellis_incidents_section_show (TrellisChildSection  *section,
                                TrellisContext       *context,
                                TrellisChild         *child,
                                GAsyncResult         *result,
                                GError              **error)
{
  TrellisIncidentsSection *self = TRELLIS_INCIDENTS_SECTION (section);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GArray) months = NULL;
  g_autofree char *counts = NULL;
  guint n;

  incidents = trellis_store_list_incidents_finish (trellis_context_get_store (context), result,
                                                   error);
  if (incidents == NULL)
    return FALSE;
  remove_rows (self);
  months = trellis_store_count_incidents (incidents, today, MONTHS_SHOWN);
  counts = describe_months (months);
  adw_action_row_set_subtitle (self->counts, counts);

  n = g_list_model_get_n_items (incidents);
  for (guint i = 0; i < MIN (n, INCIDENTS_SHOWN); i++)
    {
      g_autoptr(TrellisIncident) incident = g_list_model_get_item (incidents, i);
      GtkWidget *row = incident_row (incident);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
      /* made after the window was tidied: named for screen readers now */
      trellis_a11y_tidy (row);
    }
  gtk_widget_set_visible (self->empty, n == 0);
  return TRUE;
}

/* For the tests: "counts", the months' line; "newest" and "newest-detail", the newest
 * incident's title and subtitle */
static const char *
trellis_incidents_section_get_value (TrellisChildSection *section,
                                     const char          *field)
{
  TrellisIncidentsSection *self = TRELLIS_INCIDENTS_SECTION (section);
  AdwPreferencesRow *newest = self->rows->len > 0 ? g_ptr_array_index (self->rows, 0) : NULL;

  if (g_str_equal (field, "counts"))
    return adw_action_row_get_subtitle (self->counts);
  if (g_str_equal (field, "newest"))
    return newest != NULL ? adw_preferences_row_get_title (newest) : "";
  if (g_str_equal (field, "newest-detail"))
    return newest != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (newest)) : "";
  return NULL;
}

static void
trellis_incidents_section_dispose (GObject *object)
{
  TrellisIncidentsSection *self = TRELLIS_INCIDENTS_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_incidents_section_parent_class)->dispose (object);
}

static void
trellis_incidents_section_class_init (TrellisIncidentsSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_incidents_section_dispose;
  section_class->read_async = trellis_incidents_section_read_async;
  section_class->show = trellis_incidents_section_show;
  section_class->clear = trellis_incidents_section_clear;
  section_class->get_value = trellis_incidents_section_get_value;
}

static void
trellis_incidents_section_init (TrellisIncidentsSection *self)
{
  GtkWidget *record = gtk_button_new_with_mnemonic (_("Record _incident…"));

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Incidents"));

  self->counts = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->counts), _("Each month"));
  adw_action_row_set_subtitle_lines (self->counts, MONTHS_SHOWN);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->counts));

  self->empty = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty), _("No incidents recorded"));
  gtk_widget_set_visible (self->empty, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty);

  gtk_widget_set_tooltip_text (record, _("Record a behaviour incident, physical intervention or "
                                         "missing episode"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "child.record-incident");
  gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (record, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), record);
  g_object_bind_property (record, "sensitive", record, "visible", G_BINDING_SYNC_CREATE);
}

GtkWidget *
trellis_incidents_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_INCIDENTS_SECTION, NULL);
}
