/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-dialog-form.c: the form of a dialog that records something in a child's file
 *
 * What the goal and incident dialogs share: Cancel and Record (the suggested response, which
 * Enter in any field gives too), the form above a label for what the store refused that is
 * about no one field, and closing without the focus left on a field being destroyed. A
 * refused Record keeps the dialog, and what was typed.
 */
#define G_LOG_DOMAIN "trellis-dialog-form"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-dialog-form.h"

/**
 * trellis_dialog_form_init:
 * @form: what the dialog asks (a box of preference groups)
 *
 * Returns: (transfer none): the label for what the store refused, under @form
 */
GtkLabel *
trellis_dialog_form_init (AdwMessageDialog *dialog,
                          GtkWidget        *form)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *error_label = gtk_label_new (NULL);

  gtk_widget_set_visible (error_label, FALSE);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_selectable (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "error");
  gtk_box_append (GTK_BOX (box), form);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_default_response (dialog, "record");
  /* a refused Record keeps the dialog, and what was typed, with the reasons */
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  return GTK_LABEL (error_label);
}

/* An entry row titled @title in @group, with the row for its problems under it when
 * @error_row is given */
GtkEditable *
trellis_dialog_form_add_field (AdwPreferencesGroup  *group,
                               const char           *title,
                               TrellisErrorRow     **error_row)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Enter in a field records, as the suggested button does */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (group, row);
  if (error_row != NULL)
    {
      *error_row = TRELLIS_ERROR_ROW (trellis_error_row_new (row));
      adw_preferences_group_add (group, GTK_WIDGET (*error_row));
    }
  return GTK_EDITABLE (row);
}

void
trellis_dialog_form_show_error (GtkLabel   *error_label,
                                const char *message)
{
  gtk_label_set_text (error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (error_label), message != NULL);
}

void
trellis_dialog_form_close (GtkWindow *dialog)
{
  gtk_window_set_focus (dialog, NULL);
  gtk_window_destroy (dialog);
}
