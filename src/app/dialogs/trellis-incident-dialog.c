/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-incident-dialog.c: recording an incident in a child's care
 *
 * The kind (behaviour incident, physical intervention, missing from care), the day and time
 * (today's day to start with) and what happened; for a missing episode, the return interview
 * too, if it has been held: the day, who held it and what the child said. A date or a time
 * that does not read is said under its field; the store then keeps the incident (on its
 * worker) or refuses it, and a refusal keeps the dialog and what was typed.
 */
#define G_LOG_DOMAIN "trellis-incident-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-dialog-form.h"
#include "trellis-incident-dialog.h"

struct _TrellisIncidentDialog
{
  AdwMessageDialog     parent_instance;

  AdwPreferencesGroup *form;
  AdwComboRow         *kind_row;
  GtkEditable         *date_row;
  TrellisErrorRow     *date_error;
  GtkEditable         *time_row;
  TrellisErrorRow     *time_error;
  GtkEditable         *what_row;
  AdwPreferencesGroup *interview;
  GtkEditable         *held_on_row;
  TrellisErrorRow     *held_on_error;
  GtkEditable         *held_by_row;
  GtkEditable         *said_row;
  GtkLabel            *error_label;

  TrellisContext      *context;
  gint64               child_id;
};

G_DEFINE_FINAL_TYPE (TrellisIncidentDialog, trellis_incident_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The return interview belongs to a missing episode only */
static void
on_kind_selected_cb (TrellisIncidentDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->interview),
                          adw_combo_row_get_selected (self->kind_row) == TRELLIS_INCIDENT_MISSING);
}

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrellisIncidentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_record_incident_finish (TRELLIS_STORE (source), result, &error);

  if (self->context == NULL)
    return;   /* closed meanwhile */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", TRUE);
  if (id == 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID) &&
          (strstr (error->message, _("once it has happened")) != NULL ||
           strstr (error->message, _("was born")) != NULL))
        {
          trellis_error_row_set_message (self->date_error, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
        }
      else if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID) &&
               strstr (error->message, _("time")) != NULL)
        {
          trellis_error_row_set_message (self->time_error, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->time_row));
        }
      else
        trellis_dialog_form_show_error (self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0);
  trellis_dialog_form_close (GTK_WINDOW (self));
}

static void
on_response_cb (TrellisIncidentDialog *self,
                const char            *response)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) held_on = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *time = NULL;
  gboolean missing = adw_combo_row_get_selected (self->kind_row) == TRELLIS_INCIDENT_MISSING;
  const char *held_text = gtk_editable_get_text (self->held_on_row);
  TrellisIncidentReport report = { 0, };

  if (!g_str_equal (response, "record"))
    {
      trellis_dialog_form_close (GTK_WINDOW (self));
      return;
    }

  /* keep the dialog, and what was typed, whatever happens next */
  gtk_window_present (GTK_WINDOW (self));
  trellis_dialog_form_show_error (self->error_label, NULL);
  day = trellis_date_parse (gtk_editable_get_text (self->date_row), &error);
  trellis_error_row_set_message (self->date_error, day == NULL ? error->message : NULL);
  g_clear_error (&error);
  time = trellis_incident_parse_time (gtk_editable_get_text (self->time_row), &error);
  trellis_error_row_set_message (self->time_error, time == NULL ? error->message : NULL);
  g_clear_error (&error);
  if (missing && *held_text != '\0')
    {
      held_on = trellis_date_parse (held_text, &error);
      trellis_error_row_set_message (self->held_on_error,
                                     held_on == NULL ? error->message : NULL);
    }
  if (day == NULL || time == NULL || (missing && *held_text != '\0' && held_on == NULL))
    {
      gtk_widget_grab_focus (GTK_WIDGET (day == NULL ? self->date_row
                                         : time == NULL ? self->time_row
                                                        : self->held_on_row));
      return;
    }

  report.kind = adw_combo_row_get_selected (self->kind_row);
  report.happened_on = day;
  report.time = time;
  report.what = gtk_editable_get_text (self->what_row);
  if (missing)
    {
      report.interview_on = held_on;
      report.interview_by = gtk_editable_get_text (self->held_by_row);
      report.child_said = gtk_editable_get_text (self->said_row);
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", FALSE);
  trellis_store_record_incident_async (trellis_context_get_store (self->context),
                                       trellis_context_get_actor (self->context), self->child_id,
                                       &report, NULL, on_recorded_cb, g_object_ref (self));
}

static void
trellis_incident_dialog_dispose (GObject *object)
{
  TrellisIncidentDialog *self = TRELLIS_INCIDENT_DIALOG (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (trellis_incident_dialog_parent_class)->dispose (object);
}

static void
trellis_incident_dialog_class_init (TrellisIncidentDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_incident_dialog_dispose;

  /**
   * TrellisIncidentDialog::recorded:
   *
   * The store has kept the incident; the dialog is about to go.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trellis_incident_dialog_init (TrellisIncidentDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->form = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  for (int k = 0; k < TRELLIS_N_INCIDENT_KINDS; k++)
    gtk_string_list_append (kinds, trellis_incident_kind_to_label (k));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_preferences_group_add (self->form, GTK_WIDGET (self->kind_row));
  self->date_row = trellis_dialog_form_add_field (self->form, _("Date (for example 20/11/2026)"),
                                                  &self->date_error);
  self->time_row = trellis_dialog_form_add_field (self->form, _("Time (for example 21:30)"),
                                                  &self->time_error);
  self->what_row = trellis_dialog_form_add_field (self->form, _("What happened"), NULL);

  self->interview = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->interview, _("Return interview"));
  adw_preferences_group_set_description (self->interview,
                                         _("Leave empty until it has been held"));
  self->held_on_row = trellis_dialog_form_add_field (self->interview, _("Held on"),
                                                     &self->held_on_error);
  self->held_by_row = trellis_dialog_form_add_field (self->interview, _("Held by"), NULL);
  self->said_row = trellis_dialog_form_add_field (self->interview, _("What the child said"),
                                                  NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->interview), FALSE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->interview));
  self->error_label = trellis_dialog_form_init (ADW_MESSAGE_DIALOG (self), box);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb),
                            self);
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
}

/**
 * trellis_incident_dialog_new:
 *
 * The dialog to record an incident in @child's care, as @context's person.
 */
TrellisIncidentDialog *
trellis_incident_dialog_new (GtkWindow      *parent,
                             TrellisContext *context,
                             TrellisChild   *child)
{
  TrellisIncidentDialog *self;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *typed = NULL;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  self = g_object_new (TRELLIS_TYPE_INCIDENT_DIALOG, "transient-for", parent,
                       "heading", _("Record Incident"), NULL);
  self->context = g_object_ref (context);
  self->child_id = trellis_child_get_id (child);
  name = trellis_child_dup_display_name (child);
  body = g_strdup_printf (_("An incident in %s’s care. It is kept in the file with your name "
                            "and is never deleted."), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  today = trellis_context_dup_today (context);
  typed = g_date_time_format (today, "%d/%m/%Y");
  gtk_editable_set_text (self->date_row, typed);
  return self;
}
