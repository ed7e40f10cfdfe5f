/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-staff-window.c: the home's accounts; add one with a one-time password, reset a
 * password, lock and unlock an account by hand. Passwords are never shown.
 *
 * A change to one account updates its row where it is: the list is sorted again only when
 * the window is opened again, so nothing moves under the pointer. The buttons on a row name
 * its account to the window's staff.* actions; the dialogs they open are widgets of their
 * own (Add Account, Reset Password, Has Left).
 */
#define G_LOG_DOMAIN "trellis-staff-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-add-staff-dialog.h"
#include "trellis-permission.h"
#include "trellis-record-list.h"
#include "trellis-reset-password-dialog.h"
#include "trellis-staff-left-dialog.h"
#include "trellis-staff-window.h"

struct _TrellisStaffWindow
{
  AdwWindow     parent_instance;

  GtkListBox   *list;
  GtkWidget    *add_button;

  TrellisStore *store;
  TrellisStaff *actor;
  GListStore   *staff;
};

G_DEFINE_FINAL_TYPE (TrellisStaffWindow, trellis_staff_window, ADW_TYPE_WINDOW)

static void reload (TrellisStaffWindow *self);

static void
toast_or_warn (TrellisStaffWindow *self,
               const char         *text)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, text);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The account numbered @staff_id as the list shows it, and where, or %NULL. */
static TrellisStaff *
find_shown (TrellisStaffWindow *self,
            gint64              staff_id,
            guint              *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisStaff) shown = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

      if (trellis_staff_get_id (shown) == staff_id)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&shown);
        }
    }
  return NULL;
}

/* Shows one account afresh in the row where it already is. */
static void
refresh_staff (TrellisStaffWindow *self,
               gint64              staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) fresh = trellis_store_get_staff (self->store, staff_id, &error);
  g_autoptr(TrellisStaff) shown = NULL;
  guint position;

  if (fresh == NULL)
    {
      toast_or_warn (self, error->message);
      return;
    }
  shown = find_shown (self, staff_id, &position);
  if (shown != NULL)
    g_list_store_splice (self->staff, position, 1, (gpointer *) &fresh, 1);
}

/* staff.unlock(id) on an account's row */
static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisStaffWindow *self = TRELLIS_STAFF_WINDOW (widget);
  gint64 staff_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (!trellis_store_unlock_staff (self->store, self->actor, staff_id, &error))
    toast_or_warn (self, error->message);
  refresh_staff (self, staff_id);
}

/* staff.lock(id) on an account's row */
static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisStaffWindow *self = TRELLIS_STAFF_WINDOW (widget);
  gint64 staff_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (!trellis_store_lock_staff (self->store, self->actor, staff_id, &error))
    toast_or_warn (self, error->message);
  refresh_staff (self, staff_id);
}

static void
set_active (TrellisStaffWindow *self,
            gint64              staff_id,
            gboolean            active)
{
  g_autoptr(GError) error = NULL;

  if (!trellis_store_set_staff_active (self->store, self->actor, staff_id, active, &error))
    toast_or_warn (self, error->message);
  refresh_staff (self, staff_id);
}

static void
on_left_cb (TrellisStaffLeftDialog *dialog,
            const char             *response,
            TrellisStaffWindow     *self)
{
  set_active (self, trellis_staff_get_id (trellis_staff_left_dialog_get_staff (dialog)), FALSE);
}

/* staff.mark-left(id): someone leaving cannot sign in any more, so that is asked, naming
 * them, before it is done. */
static void
mark_left_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisStaffWindow *self = TRELLIS_STAFF_WINDOW (widget);
  g_autoptr(TrellisStaff) staff = find_shown (self, g_variant_get_int64 (parameter), NULL);
  TrellisStaffLeftDialog *dialog;

  g_return_if_fail (staff != NULL);

  dialog = trellis_staff_left_dialog_new (GTK_WINDOW (self), staff);
  g_signal_connect_object (dialog, "response::left", G_CALLBACK (on_left_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* staff.restore(id): the way back for an account marked as left */
static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_active (TRELLIS_STAFF_WINDOW (widget), g_variant_get_int64 (parameter), TRUE);
}

static void
on_password_reset_cb (TrellisResetPasswordDialog *dialog,
                      TrellisStaffWindow         *self)
{
  refresh_staff (self, trellis_staff_get_id (trellis_reset_password_dialog_get_staff (dialog)));
}

/* staff.reset-password(id) on an account's row */
static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisStaffWindow *self = TRELLIS_STAFF_WINDOW (widget);
  g_autoptr(TrellisStaff) staff = find_shown (self, g_variant_get_int64 (parameter), NULL);
  TrellisResetPasswordDialog *dialog;

  g_return_if_fail (staff != NULL);

  dialog = trellis_reset_password_dialog_new (GTK_WINDOW (self), self->store, self->actor, staff);
  g_signal_connect_object (dialog, "password-reset", G_CALLBACK (on_password_reset_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A button on an account's row: it names the account by its number, for the action. */
static GtkWidget *
row_button (const char   *label,
            const char   *action_name,
            TrellisStaff *staff)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", trellis_staff_get_id (staff));
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TrellisStaffWindow *self = user_data;
  TrellisStaff *staff = item;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (trellis_staff_get_username (staff));

  g_string_append_printf (subtitle, " · %s", trellis_role_to_label (trellis_staff_get_role (staff)));
  if (trellis_staff_get_locked (staff))
    g_string_append_printf (subtitle, " · %s", _("Locked"));
  else if (!trellis_staff_get_active (staff))
    g_string_append_printf (subtitle, " · %s", _("Left"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_staff_get_display_name (staff));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             adw_avatar_new (32, trellis_staff_get_display_name (staff), TRUE));

  /* only the accounts this person's role reaches: a Manager's Staff and Visitors, an
   * Administrator's everyone but their own */
  if (trellis_permission_allows_account (self->actor, staff))
    {
      gboolean locked = trellis_staff_get_locked (staff);
      GtkWidget *reset = row_button (_("_Reset Password…"), "staff.reset-password", staff);
      GtkWidget *lock = row_button (locked ? _("_Unlock") : _("_Lock"),
                                    locked ? "staff.unlock" : "staff.lock", staff);

      gtk_widget_set_tooltip_text (lock, locked ? _("Let them sign in again")
                                                : _("Even their right password is refused "
                                                    "until the account is unlocked"));
      if (locked)
        gtk_widget_add_css_class (lock, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
    }
  if (trellis_permission_allows (self->actor, TRELLIS_ACTION_MANAGE_STAFF, 0) &&
      trellis_staff_get_id (staff) != trellis_staff_get_id (self->actor))
    {
      gboolean active = trellis_staff_get_active (staff);
      GtkWidget *left = row_button (active ? _("Has _Left") : _("_Restore"),
                                    active ? "staff.mark-left" : "staff.restore", staff);

      gtk_widget_set_tooltip_text (left, active ? _("They can no longer sign in; their name "
                                                    "stays on what they recorded")
                                                : _("Let them sign in again"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), left);
    }
  trellis_a11y_tidy (row);
  return row;
}

static void
reload (TrellisStaffWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = trellis_store_list_staff (self->store, self->actor, &error);

  if (listed == NULL)
    toast_or_warn (self, error->message);
  g_clear_object (&self->staff);
  self->staff = trellis_record_list_show (self->list, _("Staff accounts"), TRELLIS_TYPE_STAFF,
                                          listed, create_row, self);
}

/* Adds an account as the Add Account dialog does, without the dialog. */
gboolean
trellis_staff_window_add (TrellisStaffWindow  *self,
                          const char          *username,
                          const char          *display_name,
                          TrellisRole          role,
                          const char          *one_time_password,
                          GError             **error)
{
  g_autoptr(TrellisStaff) added = trellis_store_create_account (self->store, self->actor, username,
                                                                display_name, role,
                                                                one_time_password, error);
  if (added == NULL)
    return FALSE;
  reload (self);
  return TRUE;
}

/* Opens the Add Account dialog: what the Add Account… button does. */
AdwMessageDialog *
trellis_staff_window_open_add (TrellisStaffWindow *self)
{
  TrellisAddStaffDialog *dialog;

  g_return_val_if_fail (TRELLIS_IS_STAFF_WINDOW (self), NULL);

  dialog = trellis_add_staff_dialog_new (GTK_WINDOW (self), self->store, self->actor);
  /* the new account takes its place in the list, sorted with the others */
  g_signal_connect_object (dialog, "added", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_add_cb (TrellisStaffWindow *self)
{
  trellis_staff_window_open_add (self);
}

static void
trellis_staff_window_dispose (GObject *object)
{
  TrellisStaffWindow *self = (TrellisStaffWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_STAFF_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (trellis_staff_window_parent_class)->dispose (object);
}

static void
trellis_staff_window_class_init (TrellisStaffWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_staff_window_dispose;

  /* the buttons on each account's row, which name the account by its number */
  gtk_widget_class_install_action (widget_class, "staff.reset-password", "x",
                                   reset_password_action);
  gtk_widget_class_install_action (widget_class, "staff.lock", "x", lock_action);
  gtk_widget_class_install_action (widget_class, "staff.unlock", "x", unlock_action);
  gtk_widget_class_install_action (widget_class, "staff.mark-left", "x", mark_left_action);
  gtk_widget_class_install_action (widget_class, "staff.restore", "x", restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-staff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisStaffWindow, list);
  gtk_widget_class_bind_template_child (widget_class, TrellisStaffWindow, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_cb);
}

static void
trellis_staff_window_init (TrellisStaffWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TrellisStaffWindow *
trellis_staff_window_new (GtkWindow    *parent,
                          TrellisContext *context)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  TrellisStaffWindow *self = g_object_new (TRELLIS_TYPE_STAFF_WINDOW,
                                           "transient-for", parent,
                                           NULL);

  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  gtk_widget_set_visible (self->add_button,
                          trellis_permission_allows (actor, TRELLIS_ACTION_MANAGE_STAFF, 0));
  reload (self);
  return self;
}

guint
trellis_staff_window_get_n_staff (TrellisStaffWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->staff));
}
