/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-form-dialog.c: a short form that records something in a child's file
 *
 * The dialogs that add one record to a section of the file (what a child was given and told,
 * a complaint and its outcome) are the same form: a few rows (a choice, dates typed as care
 * workers write them, a line of text), paragraphs to write, and Record. This is that form,
 * built in code by whoever opens it. Record reads the dates first and says under a date what
 * is wrong with it; then the opener's submit function starts the store's call on its worker
 * and hands its answer to trellis_form_dialog_finish(). A refusal keeps the dialog and every
 * word typed, and says why: under the date when the store's message is about that day (the
 * store's messages about a day begin with it), below the form otherwise.
 */
#define G_LOG_DOMAIN "trellis-form-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-error-row.h"
#include "trellis-form-dialog.h"

typedef struct
{
  GtkEditable     *field;
  TrellisErrorRow *error_row;
  GDateTime       *day;          /* read at Record */
} DateField;

struct _TrellisFormDialog
{
  AdwMessageDialog       parent_instance;

  GtkBox                *form;
  AdwPreferencesGroup   *group;        /* the rows' group being filled, or NULL */
  GtkLabel              *error_label;
  GArray                *dates;        /* DateField */
  GtkWidget             *first;        /* focused when the dialog opens */

  TrellisFormSubmitFunc  submit;
  gpointer               submit_data;
  GDestroyNotify         submit_destroy;
  gboolean               busy;
};

G_DEFINE_FINAL_TYPE (TrellisFormDialog, trellis_form_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_date_field (gpointer data)
{
  DateField *date = data;

  g_clear_pointer (&date->day, g_date_time_unref);
}

static void
show_error (TrellisFormDialog *self,
            const char        *message)
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
close_dialog (TrellisFormDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Every date typed, read; FALSE (and the reason under the first that is not a date) if one
 * is not. */
static gboolean
read_dates (TrellisFormDialog *self)
{
  GtkWidget *wrong = NULL;

  for (guint i = 0; i < self->dates->len; i++)
    {
      DateField *date = &g_array_index (self->dates, DateField, i);
      g_autoptr(GError) error = NULL;

      g_clear_pointer (&date->day, g_date_time_unref);
      date->day = trellis_date_parse (gtk_editable_get_text (date->field), &error);
      trellis_error_row_set_message (date->error_row, date->day == NULL ? error->message : NULL);
      if (date->day == NULL && wrong == NULL)
        wrong = GTK_WIDGET (date->field);
    }
  if (wrong != NULL)
    gtk_widget_grab_focus (wrong);
  return wrong == NULL;
}

static void
on_response_cb (TrellisFormDialog *self,
                const char        *response)
{
  /* while the store is keeping it, the dialog stays: its answer comes back here */
  if (self->busy)
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  if (!g_str_equal (response, "record"))
    {
      close_dialog (self);
      return;
    }

  /* keep the dialog, and what was typed, whatever happens next */
  gtk_window_present (GTK_WINDOW (self));
  show_error (self, NULL);
  if (!read_dates (self) || self->submit == NULL)
    return;
  self->busy = TRUE;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", FALSE);
  g_object_ref (self);
  self->submit (self, self->submit_data);
  g_object_unref (self);
}

void
trellis_form_dialog_finish (TrellisFormDialog *self,
                            const GError      *error)
{
  g_return_if_fail (TRELLIS_IS_FORM_DIALOG (self));

  self->busy = FALSE;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", TRUE);
  if (error == NULL)
    {
      g_signal_emit (self, signals[RECORDED], 0);
      close_dialog (self);
      return;
    }

  gtk_window_present (GTK_WINDOW (self));
  if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID))
    for (guint i = 0; i < self->dates->len; i++)
      {
        DateField *date = &g_array_index (self->dates, DateField, i);
        g_autofree char *said = date->day != NULL ? trellis_date_format (date->day) : NULL;

        if (said != NULL && g_str_has_prefix (error->message, said))
          {
            trellis_error_row_set_message (date->error_row, error->message);
            gtk_widget_grab_focus (GTK_WIDGET (date->field));
            return;
          }
      }
  show_error (self, error->message);
}

/* Rows go into one group until a paragraph comes between them. */
static void
add_row (TrellisFormDialog *self,
         GtkWidget         *row)
{
  if (self->group == NULL)
    {
      self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      gtk_box_append (self->form, GTK_WIDGET (self->group));
    }
  adw_preferences_group_add (self->group, row);
  if (self->first == NULL)
    {
      self->first = row;
      gtk_window_set_focus (GTK_WINDOW (self), row);
    }
}

AdwComboRow *
trellis_form_dialog_add_choice (TrellisFormDialog *self,
                                const char        *title,
                                GListModel        *labels)
{
  GtkWidget *row = adw_combo_row_new ();

  g_return_val_if_fail (TRELLIS_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), labels);
  add_row (self, row);
  return ADW_COMBO_ROW (row);
}

GtkEditable *
trellis_form_dialog_add_line (TrellisFormDialog *self,
                              const char        *title)
{
  GtkWidget *row = adw_entry_row_new ();

  g_return_val_if_fail (TRELLIS_IS_FORM_DIALOG (self), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Enter in a line records, as the suggested button would */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  add_row (self, row);
  return GTK_EDITABLE (row);
}

/**
 * trellis_form_dialog_add_date:
 * @initial: (nullable): the day to start with, typed as a person would
 */
GtkEditable *
trellis_form_dialog_add_date (TrellisFormDialog *self,
                              const char        *title,
                              GDateTime         *initial)
{
  GtkEditable *field = trellis_form_dialog_add_line (self, title);
  DateField date = { field, NULL, NULL };

  if (initial != NULL)
    {
      g_autofree char *typed = g_date_time_format (initial, "%d/%m/%Y");
      gtk_editable_set_text (field, typed);
    }
  date.error_row = TRELLIS_ERROR_ROW (trellis_error_row_new (GTK_WIDGET (field)));
  adw_preferences_group_add (self->group, GTK_WIDGET (date.error_row));
  g_array_append_val (self->dates, date);
  return field;
}

/* Paragraphs: a heading that names the text for screen readers, and a text view that wraps
 * and grows to a few lines, then scrolls. */
GtkTextBuffer *
trellis_form_dialog_add_text (TrellisFormDialog *self,
                              const char        *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  g_return_val_if_fail (TRELLIS_IS_FORM_DIALOG (self), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (self->form, box);
  self->group = NULL;
  if (self->first == NULL)
    {
      self->first = view;
      gtk_window_set_focus (GTK_WINDOW (self), view);
    }
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

void
trellis_form_dialog_set_submit (TrellisFormDialog     *self,
                                TrellisFormSubmitFunc  func,
                                gpointer               user_data,
                                GDestroyNotify         destroy)
{
  g_return_if_fail (TRELLIS_IS_FORM_DIALOG (self));

  if (self->submit_destroy != NULL)
    self->submit_destroy (self->submit_data);
  self->submit = func;
  self->submit_data = user_data;
  self->submit_destroy = destroy;
}

GDateTime *
trellis_form_dialog_get_date (TrellisFormDialog *self,
                              GtkEditable       *field)
{
  g_return_val_if_fail (TRELLIS_IS_FORM_DIALOG (self), NULL);

  for (guint i = 0; i < self->dates->len; i++)
    if (g_array_index (self->dates, DateField, i).field == field)
      return g_array_index (self->dates, DateField, i).day;
  return NULL;
}

char *
trellis_form_dialog_dup_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
trellis_form_dialog_dispose (GObject *object)
{
  TrellisFormDialog *self = TRELLIS_FORM_DIALOG (object);

  trellis_form_dialog_set_submit (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (trellis_form_dialog_parent_class)->dispose (object);
}

static void
trellis_form_dialog_finalize (GObject *object)
{
  TrellisFormDialog *self = TRELLIS_FORM_DIALOG (object);

  g_clear_pointer (&self->dates, g_array_unref);

  G_OBJECT_CLASS (trellis_form_dialog_parent_class)->finalize (object);
}

static void
trellis_form_dialog_class_init (TrellisFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_form_dialog_dispose;
  object_class->finalize = trellis_form_dialog_finalize;

  /**
   * TrellisFormDialog::recorded:
   *
   * The store has kept the record; the dialog is about to go.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trellis_form_dialog_init (TrellisFormDialog *self)
{
  self->dates = g_array_new (FALSE, TRUE, sizeof (DateField));
  g_array_set_clear_func (self->dates, clear_date_field);
  self->form = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form));
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  /* a refused Record keeps the dialog, and what was typed, with the reasons */
  gtk_window_set_hide_on_close (GTK_WINDOW (self), TRUE);
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

TrellisFormDialog *
trellis_form_dialog_new (GtkWindow  *parent,
                         const char *heading,
                         const char *body,
                         const char *submit_label)
{
  TrellisFormDialog *self = g_object_new (TRELLIS_TYPE_FORM_DIALOG,
                                          "transient-for", parent,
                                          "heading", heading,
                                          "body", body,
                                          NULL);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "record", submit_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "record",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "record");
  return self;
}
