/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-staff-window.c: the home's accounts; add one with a one-time password, reset a
 * password, lock and unlock an account by hand. Passwords are never shown.
 *
 * A change to one account updates its row where it is: the list is sorted again only when
 * the window is opened again, so nothing moves under the pointer.
 */
#define G_LOG_DOMAIN "trellis-staff-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-error-row.h"
#include "trellis-a11y.h"
#include "trellis-record-list.h"
#include "trellis-permission.h"
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

static const TrellisRole roles[] = {
  TRELLIS_ROLE_STAFF, TRELLIS_ROLE_MANAGER, TRELLIS_ROLE_VISITOR, TRELLIS_ROLE_ADMINISTRATOR,
};

static void reload (TrellisStaffWindow *self);

static void
toast_or_warn (TrellisStaffWindow *self,
               const char         *text)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, text);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows one account afresh in the row where it already is. */
static void
refresh_staff (TrellisStaffWindow *self,
               gint64              staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) fresh = trellis_store_get_staff (self->store, staff_id, &error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff));

  if (fresh == NULL)
    {
      toast_or_warn (self, error->message);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisStaff) shown = g_list_model_get_item (G_LIST_MODEL (self->staff), i);

      if (trellis_staff_get_id (shown) == staff_id)
        {
          g_list_store_splice (self->staff, i, 1, (gpointer *) &fresh, 1);
          return;
        }
    }
}

static void
on_unlock_cb (GtkButton          *button,
              TrellisStaffWindow *self)
{
  TrellisStaff *staff = g_object_get_data (G_OBJECT (button), "staff");
  g_autoptr(GError) error = NULL;

  if (!trellis_store_unlock_staff (self->store, self->actor, trellis_staff_get_id (staff), &error))
    toast_or_warn (self, error->message);
  refresh_staff (self, trellis_staff_get_id (staff));
}

static void
on_lock_cb (GtkButton          *button,
            TrellisStaffWindow *self)
{
  TrellisStaff *staff = g_object_get_data (G_OBJECT (button), "staff");
  g_autoptr(GError) error = NULL;

  if (!trellis_store_lock_staff (self->store, self->actor, trellis_staff_get_id (staff), &error))
    toast_or_warn (self, error->message);
  refresh_staff (self, trellis_staff_get_id (staff));
}

static void
set_active (TrellisStaffWindow *self,
            TrellisStaff       *staff,
            gboolean            active)
{
  g_autoptr(GError) error = NULL;

  if (!trellis_store_set_staff_active (self->store, self->actor, trellis_staff_get_id (staff),
                                       active, &error))
    toast_or_warn (self, error->message);
  refresh_staff (self, trellis_staff_get_id (staff));
}

static void
on_left_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     TrellisStaffWindow *self)
{
  if (g_str_equal (response, "left"))
    set_active (self, g_object_get_data (G_OBJECT (dialog), "staff"), FALSE);
}

/* Someone leaving cannot sign in any more: that is asked, naming them, before it is done. */
static void
on_left_cb (GtkButton          *button,
            TrellisStaffWindow *self)
{
  TrellisStaff *staff = g_object_get_data (G_OBJECT (button), "staff");
  const char *name = trellis_staff_get_display_name (staff);
  g_auto(GStrv) parts = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  GtkWidget *dialog;

  if (!trellis_staff_get_active (staff))
    {
      set_active (self, staff, TRUE);
      return;
    }

  /* the name goes into a button label, where "_" would mark a mnemonic */
  parts = g_strsplit (name, "_", -1);
  escaped = g_strjoinv ("__", parts);
  /* Translators: a question asked before an account is closed, "Has Priya Sharma Left?" */
  heading = g_strdup_printf (_("Has %s Left?"), name);
  body = g_strdup_printf (_("%s will no longer be able to sign in. Their name stays on "
                            "everything they recorded, and the account can be restored."), name);
  /* Translators: the button that closes someone's account, "_Mark Priya Sharma as Left" */
  label = g_strdup_printf (_("_Mark %s as Left"), escaped);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "left", label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "left",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "staff", g_object_ref (staff), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_left_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reset_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      TrellisStaffWindow *self)
{
  TrellisStaff *staff = g_object_get_data (G_OBJECT (dialog), "staff");
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), "password-row");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "reset") &&
      !trellis_store_reset_password (self->store, self->actor, trellis_staff_get_id (staff),
                                     gtk_editable_get_text (row), &error))
    {
      /* keep the dialog, and what was typed, with the reason */
      adw_message_dialog_set_body (dialog, error->message);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  refresh_staff (self, trellis_staff_get_id (staff));
}

static void
on_reset_cb (GtkButton          *button,
             TrellisStaffWindow *self)
{
  TrellisStaff *staff = g_object_get_data (G_OBJECT (button), "staff");
  g_autofree char *heading = g_strdup_printf (_("Reset %s’s Password"),
                                              trellis_staff_get_display_name (staff));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("Type a one-time password and tell it to them "
                                                "in person. They choose their own when they "
                                                "next sign in."));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("One-time password"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reset", _("_Reset"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_SUGGESTED);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "staff", g_object_ref (staff), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "password-row", row);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reset_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
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
      GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Reset Password…"));
      GtkWidget *lock = gtk_button_new_with_mnemonic (locked ? _("_Unlock") : _("_Lock"));

      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (reset), "staff", g_object_ref (staff), g_object_unref);
      g_signal_connect (reset, "clicked", G_CALLBACK (on_reset_cb), self);

      gtk_widget_set_valign (lock, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (lock, locked ? _("Let them sign in again")
                                                : _("Even their right password is refused "
                                                    "until the account is unlocked"));
      if (locked)
        gtk_widget_add_css_class (lock, "suggested-action");
      g_object_set_data_full (G_OBJECT (lock), "staff", g_object_ref (staff), g_object_unref);
      g_signal_connect (lock, "clicked", G_CALLBACK (locked ? on_unlock_cb : on_lock_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
    }
  if (trellis_permission_allows (self->actor, TRELLIS_ACTION_MANAGE_STAFF, 0) &&
      trellis_staff_get_id (staff) != trellis_staff_get_id (self->actor))
    {
      GtkWidget *left = gtk_button_new_with_mnemonic (trellis_staff_get_active (staff)
                                                        ? _("Has _Left") : _("_Restore"));
      gtk_widget_set_valign (left, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (left, trellis_staff_get_active (staff)
                                           ? _("They can no longer sign in; their name stays on "
                                               "what they recorded")
                                           : _("Let them sign in again"));
      g_object_set_data_full (G_OBJECT (left), "staff", g_object_ref (staff), g_object_unref);
      g_signal_connect (left, "clicked", G_CALLBACK (on_left_cb), self);
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

/* Adds an account the way the Add Account dialog does. */
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

/* Checks the Add Account form from the top down and marks every field that is wrong, each
 * with its own message; the keyboard goes to the first. Returns: %TRUE when all is well. */
static gboolean
check_add_form (TrellisStaffWindow *self,
                AdwMessageDialog   *dialog)
{
  GObject *data = G_OBJECT (dialog);
  GtkWidget *name = g_object_get_data (data, "name");
  GtkWidget *username = g_object_get_data (data, "username");
  GtkWidget *password = g_object_get_data (data, "password");
  g_autofree char *name_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name))));
  g_autofree char *user_text =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (username))));
  g_autofree char *taken = NULL;
  g_autoptr(GError) weak = NULL;
  g_autoptr(TrellisStaff) existing = NULL;
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) user_error = NULL;
  const char *name_problem = NULL;
  const char *user_problem = NULL;
  GtkWidget *first = NULL;

  /* the same rules the store enforces, said under each field */
  if (!trellis_staff_check_display_name (name_text, &name_error))
    name_problem = name_error->message;
  if (!trellis_staff_check_username (user_text, &user_error))
    user_problem = user_error->message;
  else if ((existing = trellis_store_lookup_staff (self->store, user_text, NULL)) != NULL)
    user_problem = taken = g_strdup_printf (_("The username “%s” is already taken"), user_text);
  trellis_password_check_strength (gtk_editable_get_text (GTK_EDITABLE (password)), user_text,
                                   &weak);

  trellis_error_row_set_message (g_object_get_data (data, "name-error"), name_problem);
  trellis_error_row_set_message (g_object_get_data (data, "username-error"), user_problem);
  trellis_error_row_set_message (g_object_get_data (data, "password-error"),
                                 weak != NULL ? weak->message : NULL);

  if (name_problem != NULL)
    first = name;
  else if (user_problem != NULL)
    first = username;
  else if (weak != NULL)
    first = password;
  if (first != NULL)
    gtk_widget_grab_focus (first);

  return first == NULL;
}

static void
show_add_error (AdwMessageDialog *dialog,
                const char       *message)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (dialog), "error");

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    {
      /* the keyboard and a screen reader go to the message */
      gtk_widget_grab_focus (GTK_WIDGET (label));
      gtk_label_select_region (label, 0, 0);
    }
}

static void
on_add_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    TrellisStaffWindow *self)
{
  GObject *data = G_OBJECT (dialog);
  g_autoptr(GError) error = NULL;
  TrellisRole role;

  if (!g_str_equal (response, "add"))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  show_add_error (dialog, NULL);
  if (!check_add_form (self, dialog))
    {
      /* keep the dialog, and what was typed, with each problem under its field */
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  role = roles[adw_combo_row_get_selected (g_object_get_data (data, "role"))];
  if (!trellis_staff_window_add (self,
                                 gtk_editable_get_text (g_object_get_data (data, "username")),
                                 gtk_editable_get_text (g_object_get_data (data, "name")),
                                 role,
                                 gtk_editable_get_text (g_object_get_data (data, "password")),
                                 &error))
    {
      gtk_window_present (GTK_WINDOW (dialog));
      show_add_error (dialog, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Adds @field to the form with the row, just under it, that says what is wrong with it. */
static void
add_field (AdwMessageDialog    *dialog,
           AdwPreferencesGroup *group,
           GtkWidget           *field,
           const char          *error_key)
{
  GtkWidget *error_row = trellis_error_row_new (field);

  adw_preferences_group_add (group, field);
  adw_preferences_group_add (group, error_row);
  g_object_set_data (G_OBJECT (dialog), error_key, error_row);
}

/* Opens the Add Account dialog: what the Add Account… button does. */
AdwMessageDialog *
trellis_staff_window_open_add (TrellisStaffWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add a Staff Account"),
                                              _("Give them the one-time password in person; "
                                                "they choose their own when they first sign in."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *username = adw_entry_row_new ();
  GtkWidget *role = adw_combo_row_new ();
  GtkWidget *password = adw_password_entry_row_new ();
  GtkWidget *error = gtk_label_new (NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (TRELLIS_IS_STAFF_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    gtk_string_list_append (labels, trellis_role_to_label (roles[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Full name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (username), _("Username"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (role), G_LIST_MODEL (labels));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (password), _("One-time password"));
  add_field (ADW_MESSAGE_DIALOG (dialog), ADW_PREFERENCES_GROUP (group), name, "name-error");
  add_field (ADW_MESSAGE_DIALOG (dialog), ADW_PREFERENCES_GROUP (group), username,
             "username-error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), role);
  add_field (ADW_MESSAGE_DIALOG (dialog), ADW_PREFERENCES_GROUP (group), password,
             "password-error");
  gtk_box_append (GTK_BOX (box), group);

  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_selectable (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), error);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "username", username);
  g_object_set_data (G_OBJECT (dialog), "role", role);
  g_object_set_data (G_OBJECT (dialog), "password", password);
  g_object_set_data (G_OBJECT (dialog), "error", error);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_response_cb), self, 0);
  gtk_window_set_focus (GTK_WINDOW (dialog), name);
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
