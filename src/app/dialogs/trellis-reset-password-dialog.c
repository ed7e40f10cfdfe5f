/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-reset-password-dialog.c: a one-time password for someone else's account
 *
 * The person resetting types the one-time password and tells it to its owner in person;
 * the store checks that their role reaches the account, saves the password (to be changed
 * at the next sign-in) and audits the reset. A refusal keeps the dialog, and what was typed,
 * with the reason in place of the guidance.
 */
#define G_LOG_DOMAIN "trellis-reset-password-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-reset-password-dialog.h"

struct _TrellisResetPasswordDialog
{
  AdwMessageDialog  parent_instance;

  GtkEditable      *password_row;

  TrellisStore     *store;
  TrellisStaff     *actor;
  TrellisStaff     *staff;
};

G_DEFINE_FINAL_TYPE (TrellisResetPasswordDialog, trellis_reset_password_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

enum {
  PASSWORD_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The dialog goes. The keyboard leaves the fields first: libadwaita 1.2's password row,
 * disposed with the keyboard still in it, is called back when its text loses the keyboard
 * after it has gone (Escape while typing the password, say). */
static void
close_dialog (TrellisResetPasswordDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_reset_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TrellisResetPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean reset = trellis_store_reset_password_finish (TRELLIS_STORE (source), result, &error);

  if (self->store == NULL)
    return;   /* closed meanwhile */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "reset", TRUE);
  if (!reset)
    {
      /* keep the dialog, and what was typed, with the reason */
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), error->message);
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  g_signal_emit (self, signals[PASSWORD_RESET], 0);
  close_dialog (self);
}

static void
on_response_cb (TrellisResetPasswordDialog *self,
                const char                 *response)
{
  if (!g_str_equal (response, "reset"))
    {
      close_dialog (self);
      return;
    }

  /* Argon2 on the store's worker: the dialog stays, Reset off, until it is done */
  gtk_window_present (GTK_WINDOW (self));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "reset", FALSE);
  trellis_store_reset_password_async (self->store, self->actor,
                                      trellis_staff_get_id (self->staff),
                                      gtk_editable_get_text (self->password_row), NULL,
                                      on_reset_cb, g_object_ref (self));
}

static void
trellis_reset_password_dialog_dispose (GObject *object)
{
  TrellisResetPasswordDialog *self = TRELLIS_RESET_PASSWORD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_RESET_PASSWORD_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (trellis_reset_password_dialog_parent_class)->dispose (object);
}

static void
trellis_reset_password_dialog_class_init (TrellisResetPasswordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_reset_password_dialog_dispose;

  /**
   * TrellisResetPasswordDialog::password-reset:
   *
   * The store has taken the one-time password; the dialog is about to go.
   */
  signals[PASSWORD_RESET] = g_signal_new ("password-reset", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-reset-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisResetPasswordDialog, password_row);
}

static void
trellis_reset_password_dialog_init (TrellisResetPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

/**
 * trellis_reset_password_dialog_new:
 * @actor: who resets it: the store checks that their role reaches @staff's account
 * @staff: whose password is reset
 */
TrellisResetPasswordDialog *
trellis_reset_password_dialog_new (GtkWindow    *parent,
                                   TrellisStore *store,
                                   TrellisStaff *actor,
                                   TrellisStaff *staff)
{
  TrellisResetPasswordDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_STAFF (actor), NULL);
  g_return_val_if_fail (TRELLIS_IS_STAFF (staff), NULL);

  self = g_object_new (TRELLIS_TYPE_RESET_PASSWORD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->staff = g_object_ref (staff);

  /* Translators: "Reset Priya Sharma’s Password" */
  heading = g_strdup_printf (_("Reset %s’s Password"), trellis_staff_get_display_name (staff));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  return self;
}

/* Whose password the dialog resets. */
TrellisStaff *
trellis_reset_password_dialog_get_staff (TrellisResetPasswordDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_RESET_PASSWORD_DIALOG (self), NULL);
  return self->staff;
}
