/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-add-staff-dialog.c: a new staff account, with a one-time password
 *
 * Add checks the form from the top down with the rules the store enforces and says under
 * each field what is wrong with it; the store then creates the account, which must choose
 * its own password at the first sign-in. A refusal keeps the dialog and what was typed.
 */
#define G_LOG_DOMAIN "trellis-add-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-add-staff-dialog.h"
#include "trellis-error-row.h"

struct _TrellisAddStaffDialog
{
  AdwMessageDialog  parent_instance;

  GtkEditable      *name_row;
  GtkEditable      *username_row;
  AdwComboRow      *role_row;
  GtkEditable      *password_row;
  TrellisErrorRow  *name_error;
  TrellisErrorRow  *username_error;
  TrellisErrorRow  *password_error;
  GtkLabel         *error_label;

  TrellisStore     *store;
  TrellisStaff     *actor;
};

G_DEFINE_FINAL_TYPE (TrellisAddStaffDialog, trellis_add_staff_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The roles offered, in the order of role_row. */
static const TrellisRole roles[] = {
  TRELLIS_ROLE_STAFF, TRELLIS_ROLE_MANAGER, TRELLIS_ROLE_VISITOR, TRELLIS_ROLE_ADMINISTRATOR,
};

static void
show_error (TrellisAddStaffDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      /* the keyboard and a screen reader go to the message */
      gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
      gtk_label_select_region (self->error_label, 0, 0);
    }
}

/* Checks the form from the top down and marks every field that is wrong, each with its own
 * message; the keyboard goes to the first. Returns: %TRUE when all is well. */
static gboolean
check_form (TrellisAddStaffDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_row)));
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (self->username_row)));
  g_autofree char *taken = NULL;
  g_autoptr(GError) weak = NULL;
  g_autoptr(TrellisStaff) existing = NULL;
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) username_error = NULL;
  const char *name_problem = NULL;
  const char *username_problem = NULL;
  GtkEditable *first = NULL;

  /* the same rules the store enforces, said under each field */
  if (!trellis_staff_check_display_name (name, &name_error))
    name_problem = name_error->message;
  if (!trellis_staff_check_username (username, &username_error))
    username_problem = username_error->message;
  else if ((existing = trellis_store_lookup_staff (self->store, username, NULL)) != NULL)
    username_problem = taken = g_strdup_printf (_("The username “%s” is already taken"),
                                                username);
  trellis_password_check_strength (gtk_editable_get_text (self->password_row), username, &weak);

  trellis_error_row_set_message (self->name_error, name_problem);
  trellis_error_row_set_message (self->username_error, username_problem);
  trellis_error_row_set_message (self->password_error, weak != NULL ? weak->message : NULL);

  if (name_problem != NULL)
    first = self->name_row;
  else if (username_problem != NULL)
    first = self->username_row;
  else if (weak != NULL)
    first = self->password_row;
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));

  return first == NULL;
}

/* The dialog goes. The keyboard leaves the fields first: libadwaita 1.2's password row,
 * disposed with the keyboard still in it, is called back when its text loses the keyboard
 * after it has gone (Escape while typing the password, say). */
static void
close_dialog (TrellisAddStaffDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TrellisAddStaffDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) added = trellis_store_create_account_finish (TRELLIS_STORE (source),
                                                                       result, &error);

  if (self->store == NULL)
    return;   /* closed meanwhile */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", TRUE);
  if (added == NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[ADDED], 0, added);
  close_dialog (self);
}

static void
on_response_cb (TrellisAddStaffDialog *self,
                const char            *response)
{
  if (!g_str_equal (response, "add"))
    {
      close_dialog (self);
      return;
    }

  show_error (self, NULL);
  if (!check_form (self))
    {
      /* keep the dialog, and what was typed, with each problem under its field */
      gtk_window_present (GTK_WINDOW (self));
      return;
    }
  /* Argon2 protects the one-time password on the store's worker (most of a second): the
   * dialog stays, with Add off, until the account is made or refused */
  gtk_window_present (GTK_WINDOW (self));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", FALSE);
  trellis_store_create_account_async (self->store, self->actor,
                                      gtk_editable_get_text (self->username_row),
                                      gtk_editable_get_text (self->name_row),
                                      roles[adw_combo_row_get_selected (self->role_row)],
                                      gtk_editable_get_text (self->password_row), NULL,
                                      on_added_cb, g_object_ref (self));
}

static void
trellis_add_staff_dialog_dispose (GObject *object)
{
  TrellisAddStaffDialog *self = TRELLIS_ADD_STAFF_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_ADD_STAFF_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (trellis_add_staff_dialog_parent_class)->dispose (object);
}

static void
trellis_add_staff_dialog_class_init (TrellisAddStaffDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_add_staff_dialog_dispose;

  /**
   * TrellisAddStaffDialog::added:
   * @staff: the new account
   *
   * The store has created the account; the dialog is about to go.
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, TRELLIS_TYPE_STAFF);

  g_type_ensure (TRELLIS_TYPE_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-add-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisAddStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisAddStaffDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisAddStaffDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisAddStaffDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisAddStaffDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, TrellisAddStaffDialog, username_error);
  gtk_widget_class_bind_template_child (widget_class, TrellisAddStaffDialog, password_error);
  gtk_widget_class_bind_template_child (widget_class, TrellisAddStaffDialog, error_label);
}

static void
trellis_add_staff_dialog_init (TrellisAddStaffDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* the roles' names are the model's, as everywhere else they are shown */
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (labels, trellis_role_to_label (roles[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (labels));

  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
  /* the keyboard starts at the top */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

/**
 * trellis_add_staff_dialog_new:
 * @actor: who adds the account: the store checks that their role may
 *
 * The dialog to add a staff account to @store's home.
 */
TrellisAddStaffDialog *
trellis_add_staff_dialog_new (GtkWindow    *parent,
                              TrellisStore *store,
                              TrellisStaff *actor)
{
  TrellisAddStaffDialog *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_STAFF (actor), NULL);

  self = g_object_new (TRELLIS_TYPE_ADD_STAFF_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);

  return self;
}
