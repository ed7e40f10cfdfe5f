/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-recovery-key-dialog.c: a home's recovery key, shown once
 *
 * When a home is made, or a home made before encryption is encrypted, its recovery key is
 * shown once, to be written down or printed and kept in the office safe. Nothing keeps it
 * after this: the text is wiped as soon as the label has it, and the label goes with the
 * dialog.
 */
#define G_LOG_DOMAIN "trellis-recovery-key-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-core.h"
#include "trellis-recovery-key-dialog.h"

/**
 * trellis_recovery_key_dialog_present:
 * @parent: a widget of the window the dialog belongs to
 * @text: (transfer full) (nullable): the key, as trellis_store_take_recovery_key() gave it;
 *   nothing is shown when %NULL
 */
void
trellis_recovery_key_dialog_present (GtkWidget *parent,
                                     char      *text)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;
  GtkWidget *label;

  if (text == NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL,
                                                       _("Keep the Recovery Key Safe"), NULL));
  adw_message_dialog_set_body (dialog,
                               _("The home’s records are encrypted. If every Administrator "
                                 "forgets their password, this key is the only way back in. "
                                 "Write it down or print it now and keep it in the office "
                                 "safe: Trellis shows it only this once."));
  label = gtk_label_new (text);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery key"), -1);
  adw_message_dialog_set_extra_child (dialog, label);
  adw_message_dialog_add_response (dialog, "done", _("I Have _Kept It Safe"));
  adw_message_dialog_set_response_appearance (dialog, "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "done");
  adw_message_dialog_set_close_response (dialog, "done");
  trellis_store_free_recovery_key (text);
  gtk_window_present (GTK_WINDOW (dialog));
}
