/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-health-section.c: a child's health checks and when each is next due
 *
 * One row for each check a looked-after child has (the review health assessment, dental
 * check, sight test): when it was last done, when it is next due by the home's intervals,
 * and "Due soon" or "Overdue" beside it when so; a check never recorded is due from the day
 * the child was admitted. Then where the child is registered with a GP, a dentist and an
 * optician, and since when; "Not registered" for a child placed who is not. Then the
 * child's appointments, the upcoming first, each with what came of it once recorded
 * (Outcome…, child.record-appointment-outcome). Record… (child.record-health-check) and
 * Appointment… (child.record-appointment) show to those who may record: the child's Link
 * Worker and Managers.
 */
#define G_LOG_DOMAIN "trellis-health-section"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-health-section.h"

static const TrellisHealthCheck checks[] = {
  TRELLIS_HEALTH_CHECK_ASSESSMENT, TRELLIS_HEALTH_CHECK_DENTAL, TRELLIS_HEALTH_CHECK_SIGHT,
};

static const TrellisRegistrationKind kinds[] = {
  TRELLIS_REGISTRATION_GP, TRELLIS_REGISTRATION_DENTIST, TRELLIS_REGISTRATION_OPTICIAN,
};

struct _TrellisHealthSection
{
  TrellisChildSection  parent_instance;

  AdwActionRow        *rows[G_N_ELEMENTS (checks)];
  GtkLabel            *badges[G_N_ELEMENTS (checks)];
  AdwActionRow        *registered[G_N_ELEMENTS (kinds)];
  GtkLabel            *unregistered[G_N_ELEMENTS (kinds)];
  AdwActionRow        *no_appointments;
  GPtrArray           *appointment_rows;
  GListModel          *appointments;
};

G_DEFINE_FINAL_TYPE (TrellisHealthSection, trellis_health_section, TRELLIS_TYPE_CHILD_SECTION)

static void
remove_appointments (TrellisHealthSection *self)
{
  for (guint i = 0; i < self->appointment_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->appointment_rows, i));
  g_ptr_array_set_size (self->appointment_rows, 0);
  g_clear_object (&self->appointments);
}

static void
trellis_health_section_clear (TrellisChildSection *section)
{
  TrellisHealthSection *self = TRELLIS_HEALTH_SECTION (section);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      adw_action_row_set_subtitle (self->rows[i], "");
      gtk_widget_set_visible (GTK_WIDGET (self->badges[i]), FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      adw_action_row_set_subtitle (self->registered[i], "");
      gtk_widget_set_visible (GTK_WIDGET (self->unregistered[i]), FALSE);
    }
  remove_appointments (self);
  gtk_widget_set_visible (GTK_WIDGET (self->no_appointments), FALSE);
}

/* One appointment: when and with whom, what for, and what came of it */
static GtkWidget *
appointment_row_new (TrellisAppointment *appointment,
                     GDateTime          *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = trellis_appointment_dup_when (appointment);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *outcome = trellis_appointment_get_outcome (appointment);
  gboolean upcoming = trellis_date_compare (trellis_appointment_get_date (appointment), today) > 0;

  /* Translators: "3 December 2026 at 09:30 · Dr Okafor, CAMHS" */
  title = g_strdup_printf (_("%s · %s"), when, trellis_appointment_get_with_whom (appointment));
  if (outcome[0] != '\0')
    /* Translators: "Review of sleep · Outcome: melatonin to continue" */
    subtitle = g_strdup_printf (_("%s · Outcome: %s"), trellis_appointment_get_purpose (appointment),
                                outcome);
  else if (upcoming)
    subtitle = g_strdup_printf (_("%s · Upcoming"), trellis_appointment_get_purpose (appointment));
  else
    subtitle = g_strdup_printf (_("%s · No outcome recorded"),
                                trellis_appointment_get_purpose (appointment));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* what came of it is recorded once it has happened */
  if (!upcoming)
    {
      GtkWidget *button = gtk_button_new_with_label (outcome[0] != '\0' ? _("Change outcome…")
                                                                     : _("Outcome…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Record what came of the appointment"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "child.record-appointment-outcome");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                        trellis_appointment_get_id (appointment));
      g_object_bind_property (button, "sensitive", button, "visible", G_BINDING_SYNC_CREATE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

/* The upcoming appointments, and the latest of those past: the rest are in trellisctl and
 * the printed file */
#define SHOWN_PAST_APPOINTMENTS 5

static void
show_appointments (TrellisHealthSection *self,
                   GListModel           *appointments,
                   GDateTime            *today)
{
  guint past = 0;

  remove_appointments (self);
  g_set_object (&self->appointments, appointments);
  for (guint i = 0; i < g_list_model_get_n_items (appointments); i++)
    {
      g_autoptr(TrellisAppointment) a = g_list_model_get_item (appointments, i);
      GtkWidget *row;

      if (trellis_date_compare (trellis_appointment_get_date (a), today) <= 0 &&
          past++ >= SHOWN_PAST_APPOINTMENTS)
        break;
      row = appointment_row_new (a, today);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->appointment_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_appointments),
                          self->appointment_rows->len == 0);
}

/* The appointment with @id the section shows, or NULL: for the Outcome… dialog. */
TrellisAppointment *
trellis_health_section_find_appointment (TrellisHealthSection *self,
                                         gint64                id)
{
  g_return_val_if_fail (TRELLIS_IS_HEALTH_SECTION (self), NULL);

  for (guint i = 0; self->appointments != NULL &&
                    i < g_list_model_get_n_items (self->appointments); i++)
    {
      g_autoptr(TrellisAppointment) a = g_list_model_get_item (self->appointments, i);
      if (trellis_appointment_get_id (a) == id)
        return g_steal_pointer (&a);
    }
  return NULL;
}

/* Where the child is registered for @kind now, and since when */
static void
show_registrations (TrellisHealthSection *self,
                    GListModel           *registrations,
                    gboolean              placed)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(TrellisRegistration) current = NULL;
      g_autofree char *subtitle = NULL;

      for (guint j = 0; current == NULL && j < g_list_model_get_n_items (registrations); j++)
        {
          g_autoptr(TrellisRegistration) r = g_list_model_get_item (registrations, j);
          if (trellis_registration_get_kind (r) == kinds[i])
            current = g_steal_pointer (&r);
        }
      if (current != NULL)
        {
          g_autofree char *since = trellis_date_format (trellis_registration_get_registered_on (current));
          /* Translators: "Parkside Surgery · since 3 January 2025" */
          subtitle = g_strdup_printf (_("%s · since %s"),
                                      trellis_registration_get_practice (current), since);
        }
      adw_action_row_set_subtitle (self->registered[i],
                                   subtitle != NULL ? subtitle : _("Not recorded"));
      gtk_widget_set_visible (GTK_WIDGET (self->unregistered[i]), current == NULL && placed);
    }
}

static void
trellis_health_section_read_async (TrellisChildSection *section,
                                   TrellisContext      *context,
                                   TrellisChild        *child,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  trellis_store_list_health_checks_async (trellis_context_get_store (context),
                                          trellis_context_get_actor (context),
                                          trellis_child_get_id (child), cancellable, callback,
                                          user_data);
}

/* The newest record of @check in @records (newest first), or NULL. */
static TrellisHealthRecord *
find_last (GListModel         *records,
           TrellisHealthCheck  check)
{
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(TrellisHealthRecord) record = g_list_model_get_item (records, i);

      if (trellis_health_record_get_check (record) == check)
        return g_steal_pointer (&record);
    }
  return NULL;
}

static void
show_badge (GtkLabel        *badge,
            TrellisDueState  state)
{
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (badge), "error");
  gtk_widget_set_visible (GTK_WIDGET (badge), state != TRELLIS_DUE_LATER);
  if (state == TRELLIS_DUE_OVERDUE)
    {
      gtk_label_set_text (badge, _("Overdue"));
      gtk_widget_add_css_class (GTK_WIDGET (badge), "error");
    }
  else if (state == TRELLIS_DUE_SOON)
    {
      gtk_label_set_text (badge, _("Due soon"));
      gtk_widget_add_css_class (GTK_WIDGET (badge), "warning");
    }
}

static gboolean
trellis_health_section_show (TrellisChildSection  *section,
                             TrellisContext       *context,
                             TrellisChild         *child,
                             GAsyncResult         *result,
                             GError              **error)
{
  TrellisHealthSection *self = TRELLIS_HEALTH_SECTION (section);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GListModel) registrations = NULL;
  g_autoptr(GListModel) appointments = NULL;
  TrellisHealthIntervals intervals = TRELLIS_HEALTH_INTERVALS_INIT;

  records = trellis_store_list_health_checks_finish (trellis_context_get_store (context), result,
                                                     &intervals, &registrations, &appointments,
                                                     error);
  if (records == NULL)
    return FALSE;
  show_registrations (self, registrations, trellis_child_is_placed (child, today));
  show_appointments (self, appointments, today);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(TrellisHealthRecord) last = find_last (records, checks[i]);
      GDateTime *last_on = last != NULL ? trellis_health_record_get_done_on (last) : NULL;
      g_autoptr(GDateTime) due = trellis_health_next_due (&intervals, checks[i],
                                                          trellis_child_get_date_of_birth (child),
                                                          trellis_child_get_admission_date (child),
                                                          last_on);
      g_autofree char *last_text = last_on != NULL ? trellis_date_format (last_on) : NULL;
      g_autofree char *due_text = due != NULL ? trellis_date_format (due) : NULL;
      g_autofree char *subtitle = NULL;
      /* a child who has left has nothing due */
      gboolean placed = trellis_child_is_placed (child, today);

      if (last_text != NULL && due_text != NULL && placed)
        /* Translators: "Last: 20 May 2026 · Next due: 20 November 2026" */
        subtitle = g_strdup_printf (_("Last: %s · Next due: %s"), last_text, due_text);
      else if (last_text != NULL)
        subtitle = g_strdup_printf (_("Last: %s"), last_text);
      else if (due_text != NULL && placed)
        subtitle = g_strdup_printf (_("None recorded · Due since %s"), due_text);
      else
        subtitle = g_strdup (_("None recorded"));
      adw_action_row_set_subtitle (self->rows[i], subtitle);
      show_badge (self->badges[i], due != NULL && placed ? trellis_due_state (due, today)
                                                         : TRELLIS_DUE_LATER);
    }
  return TRUE;
}

static const char *
trellis_health_section_get_value (TrellisChildSection *section,
                                  const char          *field)
{
  TrellisHealthSection *self = TRELLIS_HEALTH_SECTION (section);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *badge = g_strconcat (trellis_enum_to_nick (TRELLIS_TYPE_HEALTH_CHECK,
                                                                  checks[i]), "-due", NULL);

      if (g_str_equal (field, trellis_enum_to_nick (TRELLIS_TYPE_HEALTH_CHECK, checks[i])))
        return adw_action_row_get_subtitle (self->rows[i]);
      if (g_str_equal (field, badge))
        return gtk_widget_get_visible (GTK_WIDGET (self->badges[i]))
               ? gtk_label_get_text (self->badges[i]) : "";
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (field, trellis_enum_to_nick (TRELLIS_TYPE_REGISTRATION_KIND, kinds[i])))
      return adw_action_row_get_subtitle (self->registered[i]);
  /* "appointment-0" …: the title of each appointment row, top to bottom; "…-subtitle" its
   * subtitle */
  if (g_str_has_prefix (field, "appointment-"))
    {
      guint64 n = 0;
      g_auto(GStrv) parts = g_strsplit (field + strlen ("appointment-"), "-", 2);

      if (!g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT, &n, NULL) ||
          n >= self->appointment_rows->len)
        return NULL;
      return parts[1] != NULL
             ? adw_action_row_get_subtitle (g_ptr_array_index (self->appointment_rows, n))
             : adw_preferences_row_get_title (g_ptr_array_index (self->appointment_rows, n));
    }
  return NULL;
}

static void
trellis_health_section_finalize (GObject *object)
{
  TrellisHealthSection *self = TRELLIS_HEALTH_SECTION (object);

  g_clear_pointer (&self->appointment_rows, g_ptr_array_unref);
  g_clear_object (&self->appointments);

  G_OBJECT_CLASS (trellis_health_section_parent_class)->finalize (object);
}

static void
trellis_health_section_class_init (TrellisHealthSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = trellis_health_section_finalize;

  section_class->read_async = trellis_health_section_read_async;
  section_class->show = trellis_health_section_show;
  section_class->clear = trellis_health_section_clear;
  section_class->get_value = trellis_health_section_get_value;
}

static GtkWidget *
header_button_new (const char *mnemonic,
                   const char *tooltip,
                   const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_bind_property (button, "sensitive", button, "visible", G_BINDING_SYNC_CREATE);
  return button;
}

static void
trellis_health_section_init (TrellisHealthSection *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Health"));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     trellis_health_check_to_label (checks[i]));
      gtk_widget_set_visible (badge, FALSE);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      self->rows[i] = ADW_ACTION_ROW (row);
      self->badges[i] = GTK_LABEL (badge);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (_("Not registered"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     trellis_registration_to_label (kinds[i]));
      gtk_widget_set_visible (badge, FALSE);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_add_css_class (badge, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      self->registered[i] = ADW_ACTION_ROW (row);
      self->unregistered[i] = GTK_LABEL (badge);
    }

  self->no_appointments = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_appointments),
                                 _("Appointments"));
  adw_action_row_set_subtitle (self->no_appointments, _("None recorded"));
  gtk_widget_set_visible (GTK_WIDGET (self->no_appointments), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->no_appointments));
  self->appointment_rows = g_ptr_array_new ();

  gtk_box_append (GTK_BOX (buttons),
                  header_button_new (_("_Record…"), _("Record a health check or registration"),
                                     "child.record-health-check"));
  gtk_box_append (GTK_BOX (buttons),
                  header_button_new (_("_Appointment…"), _("Add an appointment"),
                                     "child.record-appointment"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), buttons);
}

GtkWidget *
trellis_health_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_HEALTH_SECTION, NULL);
}
