/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-password-dialog.c: the signed-in person changes their own password
 *
 * Three fields: the current password, the new one, the new one again. Change checks them
 * from the top down and says under each field what is wrong with it; the store then checks
 * the current password, saves the new one and audits the change. Nothing typed here is
 * kept anywhere but in the fields, and they go with the dialog.
 */
#define G_LOG_DOMAIN "trellis-password-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-error-row.h"
#include "trellis-password-dialog.h"

struct _TrellisPasswordDialog
{
  AdwWindow            parent_instance;

  GtkWidget           *current_row;
  GtkWidget           *new_row;
  GtkWidget           *again_row;
  TrellisErrorRow     *current_error;
  TrellisErrorRow     *new_error;
  TrellisErrorRow     *again_error;
  GtkLabel            *error_label;
  AdwPreferencesGroup *group;

  TrellisStore        *store;
  TrellisStaff        *actor;
  GCancellable        *changing;    /* while Argon2 runs on the store's worker */
};

G_DEFINE_FINAL_TYPE (TrellisPasswordDialog, trellis_password_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_error (TrellisPasswordDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
      gtk_label_select_region (self->error_label, 0, 0);
    }
}

/* Returns: the first field in error, or %NULL when the form is fine. */
static GtkWidget *
check_form (TrellisPasswordDialog *self)
{
  const char *current = text_of (self->current_row);
  const char *new_password = text_of (self->new_row);
  const char *again = text_of (self->again_row);
  const char *current_problem = NULL;
  const char *new_problem = NULL;
  const char *again_problem = NULL;
  g_autoptr(GError) weak = NULL;

  if (*current == '\0')
    current_problem = _("Enter the password you sign in with now");

  if (*new_password == '\0')
    new_problem = _("Enter a new password");
  else if (!trellis_password_check_strength (new_password,
                                             trellis_staff_get_username (self->actor), &weak))
    new_problem = weak->message;
  else if (g_str_equal (new_password, current))
    new_problem = _("The new password is the same as the current one: choose another");

  if (*new_password != '\0' && !g_str_equal (new_password, again))
    again_problem = *again == '\0' ? _("Type the new password again")
                                   : _("The two new passwords are not the same");

  trellis_error_row_set_message (self->current_error, current_problem);
  trellis_error_row_set_message (self->new_error, new_problem);
  trellis_error_row_set_message (self->again_error, again_problem);

  if (current_problem != NULL)
    return self->current_row;
  if (new_problem != NULL)
    return self->new_row;
  if (again_problem != NULL)
    return self->again_row;
  return NULL;
}

static void
on_changed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TrellisPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean changed = trellis_store_change_password_finish (TRELLIS_STORE (source), result,
                                                           &error);

  /* closed meanwhile (a lock closes it): nothing left to tell */
  if (self->changing == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "password.change", TRUE);
  if (!changed)
    {
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED))
        {
          trellis_error_row_set_message (self->current_error, error->message);
          gtk_widget_grab_focus (self->current_row);
        }
      else if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID))
        {
          trellis_error_row_set_message (self->new_error, error->message);
          gtk_widget_grab_focus (self->new_row);
        }
      else
        show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * trellis_password_dialog_apply:
 *
 * What Change does. Returns: %FALSE when the form is not right (the dialog says why, under
 * the field concerned, and keeps what was typed); %TRUE when the change has started:
 * Argon2 checks the current password and protects the new one on the store's worker, then
 * the dialog closes, or says why not as above.
 */
gboolean
trellis_password_dialog_apply (TrellisPasswordDialog *self)
{
  GtkWidget *wrong;

  g_return_val_if_fail (TRELLIS_IS_PASSWORD_DIALOG (self), FALSE);

  if (self->changing != NULL)
    return TRUE;
  show_error (self, NULL);
  wrong = check_form (self);
  if (wrong != NULL)
    {
      gtk_widget_grab_focus (wrong);
      return FALSE;
    }

  self->changing = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "password.change", FALSE);
  trellis_store_change_password_async (self->store, self->actor, text_of (self->current_row),
                                       text_of (self->new_row), self->changing, on_changed_cb,
                                       g_object_ref (self));
  return TRUE;
}

gboolean
trellis_password_dialog_is_changing (TrellisPasswordDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_PASSWORD_DIALOG (self), FALSE);
  return self->changing != NULL;
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  trellis_password_dialog_apply (TRELLIS_PASSWORD_DIALOG (widget));
}

/* Return in a field moves on to the next; in the last it changes the password. */
static void
on_entry_activated_cb (GtkWidget             *row,
                       TrellisPasswordDialog *self)
{
  if (row == self->current_row)
    gtk_widget_grab_focus (self->new_row);
  else if (row == self->new_row)
    gtk_widget_grab_focus (self->again_row);
  else
    trellis_password_dialog_apply (self);
}

static void
trellis_password_dialog_dispose (GObject *object)
{
  TrellisPasswordDialog *self = (TrellisPasswordDialog *)object;

  g_cancellable_cancel (self->changing);
  g_clear_object (&self->changing);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PASSWORD_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (trellis_password_dialog_parent_class)->dispose (object);
}

static void
trellis_password_dialog_class_init (TrellisPasswordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_password_dialog_dispose;

  /**
   * TrellisPasswordDialog::changed:
   *
   * The password has been changed and the dialog is closing.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "password.change", NULL, change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (TRELLIS_TYPE_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPasswordDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPasswordDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPasswordDialog, again_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPasswordDialog, current_error);
  gtk_widget_class_bind_template_child (widget_class, TrellisPasswordDialog, new_error);
  gtk_widget_class_bind_template_child (widget_class, TrellisPasswordDialog, again_error);
  gtk_widget_class_bind_template_child (widget_class, TrellisPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisPasswordDialog, group);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
}

static void
trellis_password_dialog_init (TrellisPasswordDialog *self)
{
  /* the minimum length is the security rules', not the template's */
  g_autofree char *description =
    g_strdup_printf (_("Choose a password of at least %d characters that nobody else knows. "
                       "Use it from the next time you sign in or unlock Trellis."),
                     TRELLIS_PASSWORD_MIN_LENGTH);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_group_set_description (self->group, description);
  gtk_window_set_focus (GTK_WINDOW (self), self->current_row);
}

TrellisPasswordDialog *
trellis_password_dialog_new (GtkWindow    *parent,
                             TrellisContext *context)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  TrellisPasswordDialog *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_STAFF (actor), NULL);

  self = g_object_new (TRELLIS_TYPE_PASSWORD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);

  return self;
}

/* The field called @field ("current", "new" or "again") and the row for its problems. */
static GtkWidget *
field_row (TrellisPasswordDialog  *self,
           const char             *field,
           TrellisErrorRow       **error_row)
{
  struct { const char *name; GtkWidget *row; TrellisErrorRow *error; } fields[] = {
    { "current", self->current_row, self->current_error },
    { "new", self->new_row, self->new_error },
    { "again", self->again_row, self->again_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (field, fields[i].name))
      {
        *error_row = fields[i].error;
        return fields[i].row;
      }
  g_return_val_if_reached (NULL);
}

/* For the tests: types into "current", "new" or "again". */
void
trellis_password_dialog_set_text (TrellisPasswordDialog *self,
                                  const char            *field,
                                  const char            *text)
{
  TrellisErrorRow *error_row;
  GtkWidget *row;

  g_return_if_fail (TRELLIS_IS_PASSWORD_DIALOG (self));

  row = field_row (self, field, &error_row);
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* What the dialog says is wrong with @field ("current", "new", "again"; %NULL for the
 * message not about one field), or %NULL. */
const char *
trellis_password_dialog_get_error (TrellisPasswordDialog *self,
                                   const char            *field)
{
  TrellisErrorRow *error_row = NULL;

  g_return_val_if_fail (TRELLIS_IS_PASSWORD_DIALOG (self), NULL);

  if (field == NULL)
    return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
             ? gtk_label_get_text (self->error_label) : NULL;
  if (field_row (self, field, &error_row) == NULL)
    return NULL;
  return trellis_error_row_get_message (error_row);
}
