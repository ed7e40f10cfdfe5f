/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-appointment-dialog.c: adding a child's appointment, or recording what came of it
 *
 * A new appointment: the day (typed as care workers write dates), perhaps the time, with whom
 * and what for. Or, for one that has happened, what came of it: the store keeps the version
 * before. Record checks what it can under each field; the store then keeps it (on its
 * worker) or refuses, and a refusal goes under the field it is about, keeping the dialog and
 * what was typed.
 */
#define G_LOG_DOMAIN "trellis-appointment-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-appointment-dialog.h"
#include "trellis-error-row.h"

struct _TrellisAppointmentDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *details_group;
  GtkEditable      *date_row;
  TrellisErrorRow  *date_error;
  GtkEditable      *time_row;
  TrellisErrorRow  *time_error;
  GtkEditable      *with_row;
  TrellisErrorRow  *with_error;
  GtkEditable      *purpose_row;
  TrellisErrorRow  *purpose_error;
  GtkWidget        *outcome_group;
  GtkEditable      *outcome_row;
  TrellisErrorRow  *outcome_error;
  GtkLabel         *error_label;

  TrellisContext   *context;
  gint64            child_id;
  gint64            appointment_id;   /* 0 for a new one */
};

G_DEFINE_FINAL_TYPE (TrellisAppointmentDialog, trellis_appointment_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_errors (TrellisAppointmentDialog *self)
{
  TrellisErrorRow *rows[] = { self->date_error, self->time_error, self->with_error,
                              self->purpose_error, self->outcome_error };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    trellis_error_row_set_message (rows[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Shows @message under the field it is about (by the words the store uses), or below the
 * form */
static void
show_error (TrellisAppointmentDialog *self,
            const char               *message)
{
  const TrellisFieldWords fields[] = {
    { _("not a time"), self->time_error, self->time_row },
    { _("who the appointment"), self->with_error, self->with_row },
    { _("With whom"), self->with_error, self->with_row },
    { _("what the appointment"), self->purpose_error, self->purpose_row },
    { _("Purpose"), self->purpose_error, self->purpose_row },
    { _("Enter the date"), self->date_error, self->date_row },
    { _("in the future"), self->date_error, self->date_row },
    { _("was born"), self->date_error, self->date_row },
    { _("came of"), self->outcome_error, self->outcome_row },
    { _("outcome"), self->outcome_error, self->outcome_row },
    { _("Outcome"), self->outcome_error, self->outcome_row },
  };

  trellis_error_row_show_refusal (fields, G_N_ELEMENTS (fields), self->error_label, message);
}

static void
close_dialog (TrellisAppointmentDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrellisAppointmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_record_appointment_finish (TRELLIS_STORE (source), result, &error);

  if (self->context == NULL)
    return;   /* closed meanwhile */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", TRUE);
  if (id == 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0);
  close_dialog (self);
}

static void
on_response_cb (TrellisAppointmentDialog *self,
                const char               *response)
{
  TrellisStore *store = trellis_context_get_store (self->context);
  TrellisStaff *actor = trellis_context_get_actor (self->context);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "record"))
    {
      close_dialog (self);
      return;
    }

  /* keep the dialog, and what was typed, whatever happens next */
  gtk_window_present (GTK_WINDOW (self));
  clear_errors (self);
  if (self->appointment_id != 0)
    {
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", FALSE);
      trellis_store_record_appointment_outcome_async (store, actor, self->appointment_id,
                                                      gtk_editable_get_text (self->outcome_row),
                                                      NULL, on_recorded_cb, g_object_ref (self));
      return;
    }
  day = trellis_date_parse (gtk_editable_get_text (self->date_row), &error);
  if (day == NULL)
    {
      trellis_error_row_set_message (self->date_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", FALSE);
  trellis_store_record_appointment_async (store, actor, self->child_id, day,
                                          gtk_editable_get_text (self->time_row),
                                          gtk_editable_get_text (self->with_row),
                                          gtk_editable_get_text (self->purpose_row), NULL,
                                          on_recorded_cb, g_object_ref (self));
}

static void
trellis_appointment_dialog_dispose (GObject *object)
{
  TrellisAppointmentDialog *self = TRELLIS_APPOINTMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_APPOINTMENT_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (trellis_appointment_dialog_parent_class)->dispose (object);
}

static void
trellis_appointment_dialog_class_init (TrellisAppointmentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_appointment_dialog_dispose;

  /**
   * TrellisAppointmentDialog::recorded:
   *
   * The store has kept the appointment or its outcome; the dialog is about to go.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TRELLIS_TYPE_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-appointment-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TrellisAppointmentDialog, name)
  BIND (details_group);
  BIND (date_row);
  BIND (date_error);
  BIND (time_row);
  BIND (time_error);
  BIND (with_row);
  BIND (with_error);
  BIND (purpose_row);
  BIND (purpose_error);
  BIND (outcome_group);
  BIND (outcome_row);
  BIND (outcome_error);
  BIND (error_label);
#undef BIND
}

static void
trellis_appointment_dialog_init (TrellisAppointmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/**
 * trellis_appointment_dialog_new:
 * @appointment: (nullable): one that has happened, to record what came of it; %NULL to
 *   add a new one
 *
 * The dialog for one of @child's appointments, as @context's person.
 */
TrellisAppointmentDialog *
trellis_appointment_dialog_new (GtkWindow          *parent,
                                TrellisContext     *context,
                                TrellisChild       *child,
                                TrellisAppointment *appointment)
{
  TrellisAppointmentDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  self = g_object_new (TRELLIS_TYPE_APPOINTMENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->child_id = trellis_child_get_id (child);
  name = trellis_child_dup_display_name (child);
  if (appointment != NULL)
    {
      g_autofree char *when = trellis_appointment_dup_when (appointment);

      self->appointment_id = trellis_appointment_get_id (appointment);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Appointment Outcome"));
      /* Translators: "Review of sleep with Dr Okafor, CAMHS, on 3 December 2026. What came
       * of it is kept in Amira's file, with your name; an earlier outcome is kept too." */
      body = g_strdup_printf (_("%s with %s, on %s. What came of it is kept in %s’s file, with "
                                "your name; an outcome recorded before is kept too."),
                              trellis_appointment_get_purpose (appointment),
                              trellis_appointment_get_with_whom (appointment), when, name);
      gtk_editable_set_text (self->outcome_row, trellis_appointment_get_outcome (appointment));
      gtk_widget_set_visible (self->details_group, FALSE);
      gtk_widget_set_visible (self->outcome_group, TRUE);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->outcome_row));
    }
  else
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Add Appointment"));
      body = g_strdup_printf (_("An appointment %s has had or will have. It is kept in the "
                                "file, with your name."), name);
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->date_row));
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  return self;
}
