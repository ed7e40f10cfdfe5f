/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-consent-dialog.c: recording what consent the child or those with parental
 * responsibility gave, or why it is going ahead without
 *
 * What for (sharing names the service), the answer, who gave it (the child, or someone in
 * their network with parental responsibility), the day, and notes; going ahead without
 * consent asks for the reason instead of who answered. A refusal by the store keeps the
 * dialog and everything typed.
 */
#define G_LOG_DOMAIN "trellis-consent-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-consent-dialog.h"
#include "trellis-error-row.h"

struct _TrellisConsentDialog
{
  AdwMessageDialog  parent_instance;

  AdwComboRow      *subject_row;
  GtkEditable      *detail_row;
  AdwComboRow      *decision_row;
  AdwComboRow      *by_row;
  GtkEditable      *date_row;
  TrellisErrorRow  *date_error;
  GtkEditable      *reason_row;
  GtkLabel         *error_label;

  TrellisContext   *context;
  gint64            child_id;
  GArray           *givers;   /* gint64: by_row's people, 0 the child */
};

G_DEFINE_FINAL_TYPE (TrellisConsentDialog, trellis_consent_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TrellisConsentSubject subjects[] = {
  TRELLIS_CONSENT_PHOTOGRAPHS, TRELLIS_CONSENT_SHARING, TRELLIS_CONSENT_LEAFLETS,
  TRELLIS_CONSENT_OTHER,
};
static const TrellisConsentDecision decisions[] = {
  TRELLIS_CONSENT_GIVEN, TRELLIS_CONSENT_REFUSED, TRELLIS_CONSENT_WITHOUT,
};

/* The form follows the choices: a service to name for sharing, a thing for other; a reason
 * rather than who answered, going ahead without consent. */
static void
on_choice_cb (TrellisConsentDialog *self)
{
  TrellisConsentSubject subject = subjects[adw_combo_row_get_selected (self->subject_row)];
  gboolean without = decisions[adw_combo_row_get_selected (self->decision_row)] ==
                     TRELLIS_CONSENT_WITHOUT;

  gtk_widget_set_visible (GTK_WIDGET (self->detail_row),
                          subject == TRELLIS_CONSENT_SHARING || subject == TRELLIS_CONSENT_OTHER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->detail_row),
                                 subject == TRELLIS_CONSENT_SHARING
                                   ? _("Service it is shared with") : _("What it is for"));
  gtk_widget_set_visible (GTK_WIDGET (self->by_row), !without);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                 without ? _("Reason for going ahead without consent")
                                         : _("Notes (optional)"));
}

static void
show_error (TrellisConsentDialog *self,
            const char           *message)
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
close_dialog (TrellisConsentDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrellisConsentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_record_consent_finish (TRELLIS_STORE (source), result, &error);

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
on_response_cb (TrellisConsentDialog *self,
                const char           *response)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;
  guint by = adw_combo_row_get_selected (self->by_row);

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
  trellis_store_record_consent_async (trellis_context_get_store (self->context),
                                      trellis_context_get_actor (self->context), self->child_id,
                                      subjects[adw_combo_row_get_selected (self->subject_row)],
                                      gtk_widget_get_visible (GTK_WIDGET (self->detail_row))
                                        ? gtk_editable_get_text (self->detail_row) : NULL,
                                      decisions[adw_combo_row_get_selected (self->decision_row)],
                                      by < self->givers->len
                                        ? g_array_index (self->givers, gint64, by) : 0,
                                      day, gtk_editable_get_text (self->reason_row), NULL,
                                      on_recorded_cb, g_object_ref (self));
}

static void
trellis_consent_dialog_dispose (GObject *object)
{
  TrellisConsentDialog *self = TRELLIS_CONSENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_CONSENT_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->givers, g_array_unref);

  G_OBJECT_CLASS (trellis_consent_dialog_parent_class)->dispose (object);
}

static void
trellis_consent_dialog_class_init (TrellisConsentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_consent_dialog_dispose;

  /**
   * TrellisConsentDialog::recorded:
   *
   * The store has kept the answer; the dialog is about to go.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TRELLIS_TYPE_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-consent-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisConsentDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisConsentDialog, detail_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisConsentDialog, decision_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisConsentDialog, by_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisConsentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisConsentDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, TrellisConsentDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisConsentDialog, error_label);
}

static void
trellis_consent_dialog_init (TrellisConsentDialog *self)
{
  g_autoptr(GtkStringList) subject_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) decision_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->givers = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    gtk_string_list_append (subject_labels, trellis_consent_subject_to_label (subjects[i]));
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    gtk_string_list_append (decision_labels, trellis_consent_decision_to_label (decisions[i]));
  adw_combo_row_set_model (self->subject_row, G_LIST_MODEL (subject_labels));
  adw_combo_row_set_model (self->decision_row, G_LIST_MODEL (decision_labels));
  g_signal_connect_swapped (self->subject_row, "notify::selected", G_CALLBACK (on_choice_cb),
                            self);
  g_signal_connect_swapped (self->decision_row, "notify::selected", G_CALLBACK (on_choice_cb),
                            self);
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
  on_choice_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->subject_row));
}

/**
 * trellis_consent_dialog_new:
 * @people: #TrellisPerson, @child's network: those with parental responsibility who are
 *   still involved may answer
 *
 * The dialog to record an answer about consent for @child, as @context's person.
 */
TrellisConsentDialog *
trellis_consent_dialog_new (GtkWindow      *parent,
                            TrellisContext *context,
                            TrellisChild   *child,
                            GListModel     *people)
{
  TrellisConsentDialog *self;
  g_autoptr(GtkStringList) givers = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *the_child = NULL;
  gint64 none = 0;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  self = g_object_new (TRELLIS_TYPE_CONSENT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->child_id = trellis_child_get_id (child);
  name = trellis_child_dup_display_name (child);

  /* Translators: "Amira (the child)" */
  the_child = g_strdup_printf (_("%s (the child)"), name);
  gtk_string_list_append (givers, the_child);
  g_array_append_val (self->givers, none);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(TrellisPerson) person = g_list_model_get_item (people, i);
      gint64 id = trellis_person_get_id (person);
      g_autofree char *label = NULL;

      if (!trellis_person_get_parental_responsibility (person) ||
          !trellis_person_get_involved (person))
        continue;
      /* Translators: "Amina Rahman (Mother)" */
      label = g_strdup_printf (_("%s (%s)"), trellis_person_get_name (person),
                               trellis_relationship_to_label (trellis_person_get_relationship (person)));
      gtk_string_list_append (givers, label);
      g_array_append_val (self->givers, id);
    }
  adw_combo_row_set_model (self->by_row, G_LIST_MODEL (givers));

  body = g_strdup_printf (_("What %s or those with parental responsibility agreed to or "
                            "refused. It is kept in the file, with your name."), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  today = trellis_context_dup_today (context);
  typed = g_date_time_format (today, "%d/%m/%Y");
  gtk_editable_set_text (self->date_row, typed);
  return self;
}
