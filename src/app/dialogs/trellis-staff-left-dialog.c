/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-staff-left-dialog.c: asks, naming them, before someone who has left is signed off
 *
 * Someone who has left can no longer sign in, so that is asked before it is done, with the
 * person's name on the question and on the button that does it; Cancel is the default and
 * what closing the dialog means. The dialog only asks: its "left" response is the answer,
 * and whoever opened it marks the account.
 */
#define G_LOG_DOMAIN "trellis-staff-left-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-staff-left-dialog.h"

struct _TrellisStaffLeftDialog
{
  AdwMessageDialog  parent_instance;

  TrellisStaff     *staff;
};

G_DEFINE_FINAL_TYPE (TrellisStaffLeftDialog, trellis_staff_left_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
trellis_staff_left_dialog_dispose (GObject *object)
{
  TrellisStaffLeftDialog *self = TRELLIS_STAFF_LEFT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_STAFF_LEFT_DIALOG);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (trellis_staff_left_dialog_parent_class)->dispose (object);
}

static void
trellis_staff_left_dialog_class_init (TrellisStaffLeftDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_staff_left_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-staff-left-dialog.ui");
}

static void
trellis_staff_left_dialog_init (TrellisStaffLeftDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trellis_staff_left_dialog_new:
 * @staff: the account to be marked as left
 *
 * The question before @staff's account is closed; its "left" response means yes.
 */
TrellisStaffLeftDialog *
trellis_staff_left_dialog_new (GtkWindow    *parent,
                               TrellisStaff *staff)
{
  const char *name;
  g_auto(GStrv) parts = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  TrellisStaffLeftDialog *self;

  g_return_val_if_fail (TRELLIS_IS_STAFF (staff), NULL);

  self = g_object_new (TRELLIS_TYPE_STAFF_LEFT_DIALOG, "transient-for", parent, NULL);
  self->staff = g_object_ref (staff);

  name = trellis_staff_get_display_name (staff);
  /* the name goes into a button label, where "_" would mark a mnemonic */
  parts = g_strsplit (name, "_", -1);
  escaped = g_strjoinv ("__", parts);
  /* Translators: a question asked before an account is closed, "Has Priya Sharma Left?" */
  heading = g_strdup_printf (_("Has %s Left?"), name);
  body = g_strdup_printf (_("%s will no longer be able to sign in. Their name stays on "
                            "everything they recorded, and the account can be restored."), name);
  /* Translators: the button that closes someone's account, "_Mark Priya Sharma as Left" */
  label = g_strdup_printf (_("_Mark %s as Left"), escaped);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "left", label);

  return self;
}

/* Whose account the question is about. */
TrellisStaff *
trellis_staff_left_dialog_get_staff (TrellisStaffLeftDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_STAFF_LEFT_DIALOG (self), NULL);
  return self->staff;
}
