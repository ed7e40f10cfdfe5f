/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-health-check-dialog.c: recording a child's health check, or a registration
 *
 * Which check, the day it was done (typed as care workers write dates, today's to start
 * with) and a short note; or a registration with a GP, dentist or optician, the practice's
 * name in the note's place. Record checks the date under its field; the store then keeps the
 * check (on its worker) or refuses it, and a refusal keeps the dialog and what was typed.
 */
#define G_LOG_DOMAIN "trellis-health-check-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-error-row.h"
#include "trellis-health-check-dialog.h"

struct _TrellisHealthCheckDialog
{
  AdwMessageDialog  parent_instance;

  AdwComboRow      *check_row;
  GtkEditable      *date_row;
  TrellisErrorRow  *date_error;
  GtkEditable      *notes_row;
  GtkLabel         *error_label;

  TrellisContext   *context;
  gint64            child_id;
};

G_DEFINE_FINAL_TYPE (TrellisHealthCheckDialog, trellis_health_check_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What check_row offers: the checks, then the registrations. */
static const TrellisHealthCheck checks[] = {
  TRELLIS_HEALTH_CHECK_ASSESSMENT, TRELLIS_HEALTH_CHECK_DENTAL, TRELLIS_HEALTH_CHECK_SIGHT,
};
static const TrellisRegistrationKind kinds[] = {
  TRELLIS_REGISTRATION_GP, TRELLIS_REGISTRATION_DENTIST, TRELLIS_REGISTRATION_OPTICIAN,
};

static gboolean
is_registration (TrellisHealthCheckDialog *self)
{
  return adw_combo_row_get_selected (self->check_row) >= G_N_ELEMENTS (checks);
}

/* A registration's practice takes the notes' place, and must be given. */
static void
on_check_selected_cb (TrellisHealthCheckDialog *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes_row),
                                 is_registration (self) ? _("Practice")
                                                        : _("Notes (optional)"));
}

static void
show_error (TrellisHealthCheckDialog *self,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
      gtk_label_select_region (self->error_label, 0, 0);
    }
}

static void
close_dialog (TrellisHealthCheckDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrellisHealthCheckDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_record_health_check_finish (TRELLIS_STORE (source), result, &error);

  if (self->context == NULL)
    return;   /* closed meanwhile */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", TRUE);
  if (id == 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      /* the date's own problems go under the date; the rest below the form */
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID) &&
          (strstr (error->message, _("once it has happened")) != NULL ||
           strstr (error->message, _("was born")) != NULL))
        {
          trellis_error_row_set_message (self->date_error, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
        }
      else
        show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0);
  close_dialog (self);
}

static void
on_response_cb (TrellisHealthCheckDialog *self,
                const char               *response)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "record"))
    {
      close_dialog (self);
      return;
    }

  /* keep the dialog, and what was typed, whatever happens next */
  gtk_window_present (GTK_WINDOW (self));
  show_error (self, NULL);
  day = trellis_date_parse (gtk_editable_get_text (self->date_row), &error);
  trellis_error_row_set_message (self->date_error, day == NULL ? error->message : NULL);
  if (day == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", FALSE);
  if (is_registration (self))
    trellis_store_record_registration_async (trellis_context_get_store (self->context),
                                             trellis_context_get_actor (self->context),
                                             self->child_id,
                                             kinds[adw_combo_row_get_selected (self->check_row) -
                                                   G_N_ELEMENTS (checks)],
                                             gtk_editable_get_text (self->notes_row), day, NULL,
                                             on_recorded_cb, g_object_ref (self));
  else
    trellis_store_record_health_check_async (trellis_context_get_store (self->context),
                                             trellis_context_get_actor (self->context),
                                             self->child_id,
                                             checks[adw_combo_row_get_selected (self->check_row)],
                                             day, gtk_editable_get_text (self->notes_row), NULL,
                                             on_recorded_cb, g_object_ref (self));
}

static void
trellis_health_check_dialog_dispose (GObject *object)
{
  TrellisHealthCheckDialog *self = TRELLIS_HEALTH_CHECK_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_HEALTH_CHECK_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (trellis_health_check_dialog_parent_class)->dispose (object);
}

static void
trellis_health_check_dialog_class_init (TrellisHealthCheckDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_health_check_dialog_dispose;

  /**
   * TrellisHealthCheckDialog::recorded:
   *
   * The store has kept the check; the dialog is about to go.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TRELLIS_TYPE_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-health-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisHealthCheckDialog, check_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisHealthCheckDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisHealthCheckDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, TrellisHealthCheckDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisHealthCheckDialog, error_label);
}

static void
trellis_health_check_dialog_init (TrellisHealthCheckDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    gtk_string_list_append (labels, trellis_health_check_to_label (checks[i]));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      /* Translators: "GP registration", "Dentist registration" */
      g_autofree char *label = g_strdup_printf (_("%s registration"),
                                                trellis_registration_to_label (kinds[i]));
      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->check_row, G_LIST_MODEL (labels));
  g_signal_connect_swapped (self->check_row, "notify::selected",
                            G_CALLBACK (on_check_selected_cb), self);
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->check_row));
}

/**
 * trellis_health_check_dialog_new:
 *
 * The dialog to record one of @child's health checks, as @context's person.
 */
TrellisHealthCheckDialog *
trellis_health_check_dialog_new (GtkWindow      *parent,
                                 TrellisContext *context,
                                 TrellisChild   *child)
{
  TrellisHealthCheckDialog *self;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *typed = NULL;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  self = g_object_new (TRELLIS_TYPE_HEALTH_CHECK_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->child_id = trellis_child_get_id (child);
  name = trellis_child_dup_display_name (child);
  body = g_strdup_printf (_("A check %s has had, or where they are now registered. It is kept "
                            "in the file, with your name."), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  /* most checks are recorded the day they happen */
  today = trellis_context_dup_today (context);
  typed = g_date_time_format (today, "%d/%m/%Y");
  gtk_editable_set_text (self->date_row, typed);
  return self;
}
