/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window-backups.c: the automatic backups, their warning, and restoring
 *
 * Once an Administrator has chosen a folder (Preferences), the home is backed up there:
 *
 *   - when someone signs out (or closes Trellis signed in): the window shows the sign-in
 *     page at once, and the session ends in the store once the backup, on the store's
 *     worker, is made; the application is held until then, so quitting waits for it;
 *   - once a day while someone is signed in: at sign-in and every hour, when the last good
 *     backup is more than a day old.
 *
 * A banner over the children warns everyone signed in when the last good backup is more
 * than two days old (or a home two days old has none), with what went wrong last; an
 * Administrator gets a button to back up now, or to choose a folder.
 *
 * Restoring (win.restore, from Preferences): the Administrator picks a backup and gives
 * their password as it was in that backup; the backup is made ready beside the home on a
 * thread (Argon2) while the home stays open. Then everyone is signed out, every window of
 * the home closed, and the home let go of; once nothing holds it open the copy takes its
 * place (the home's own files kept aside) and the sign-in page shows the restored home.
 */
#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-window-private.h"

#define DAILY_CHECK_SECONDS   (60 * 60)
#define RELEASE_TRIES         50       /* 5 s in all, for the home to be let go of */

/* ---- the banner ------------------------------------------------------------------------ */

/**
 * trellis_window_update_backup_banner:
 *
 * Shows or hides the warning, from the home's backup status as it is now.
 */
void
trellis_window_update_backup_banner (TrellisWindow *self)
{
  g_autoptr(TrellisBackupStatus) status = NULL;
  g_autoptr(GString) text = NULL;
  gboolean administrator;

  if (self->store == NULL || self->actor == NULL)
    {
      gtk_info_bar_set_revealed (self->backup_banner, FALSE);
      return;
    }
  status = trellis_store_get_backup_status (self->store, self->actor, NULL);
  if (status == NULL ||
      !trellis_backup_status_is_overdue (status,
                                         trellis_clock_get_now (trellis_context_get_clock (self->context))))
    {
      gtk_info_bar_set_revealed (self->backup_banner, FALSE);
      return;
    }

  text = g_string_new (NULL);
  if (status->last_good != 0)
    {
      g_autofree char *when = trellis_date_format_moment (status->last_good);
      g_string_append_printf (text, _("The home has not been backed up since %s."), when);
    }
  else
    g_string_append (text, _("The home has never been backed up."));
  if (status->failure != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("The last try failed: %s"), status->failure);
    }
  administrator = trellis_permission_allows (self->actor, TRELLIS_ACTION_BACK_UP, 0);
  if (!administrator)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Tell an Administrator."));
    }
  gtk_label_set_text (self->backup_banner_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_banner_button), administrator);
  gtk_button_set_label (self->backup_banner_button,
                        *status->folder != '\0' ? _("_Back Up Now") : _("_Choose a Folder…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_banner_button),
                            self->backup_cancellable == NULL);
  gtk_info_bar_set_revealed (self->backup_banner, TRUE);
}

static void
on_banner_backed_up_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(TrellisWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = trellis_store_back_up_to_folder_finish (TRELLIS_STORE (source), result,
                                                                  &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->backup_cancellable);
  if (made != NULL)
    {
      g_autofree char *name = g_path_get_basename (made);
      g_autofree char *text = g_strdup_printf (_("Backed up and checked: %s"), name);

      trellis_window_toast (self, text);
    }
  else if (error != NULL)
    trellis_window_toast (self, error->message);
  trellis_window_update_backup_banner (self);
}

static void
back_up_now (TrellisWindow *self)
{
  if (self->store == NULL || self->actor == NULL || self->backup_cancellable != NULL)
    return;
  self->backup_cancellable = g_cancellable_new ();
  trellis_store_back_up_to_folder_async (self->store, self->actor, self->backup_cancellable,
                                         on_banner_backed_up_cb, g_object_ref (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_banner_button), FALSE);
}

static void
on_backup_banner_clicked_cb (TrellisWindow *self)
{
  g_autoptr(TrellisBackupStatus) status = NULL;

  if (self->store == NULL || self->actor == NULL)
    return;
  status = trellis_store_get_backup_status (self->store, self->actor, NULL);
  if (status != NULL && *status->folder != '\0')
    back_up_now (self);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.preferences", NULL);
}

/* ---- daily ----------------------------------------------------------------------------- */

static gboolean
check_daily_cb (gpointer user_data)
{
  TrellisWindow *self = user_data;
  g_autoptr(TrellisBackupStatus) status = NULL;

  if (self->store == NULL || self->actor == NULL || self->locked)
    return G_SOURCE_CONTINUE;
  status = trellis_store_get_backup_status (self->store, self->actor, NULL);
  if (status != NULL &&
      trellis_backup_status_is_due (status,
                                    trellis_clock_get_now (trellis_context_get_clock (self->context))))
    back_up_now (self);
  return G_SOURCE_CONTINUE;
}

/* Someone has signed in: the daily backup if it is due, and a look every hour. */
void
trellis_window_start_backups (TrellisWindow *self)
{
  if (self->backup_timer == 0)
    self->backup_timer = g_timeout_add_seconds (DAILY_CHECK_SECONDS, check_daily_cb, self);
  check_daily_cb (self);
  trellis_window_update_backup_banner (self);
}

void
trellis_window_stop_backups (TrellisWindow *self)
{
  g_clear_handle_id (&self->backup_timer, g_source_remove);
  /* a backup under way is made all the same; its answer is nobody's now */
  g_cancellable_cancel (self->backup_cancellable);
  g_clear_object (&self->backup_cancellable);
  if (self->backup_banner != NULL)
    gtk_info_bar_set_revealed (self->backup_banner, FALSE);
}

/* ---- at sign-out ----------------------------------------------------------------------- */

typedef struct
{
  TrellisStore *store;
  TrellisStaff *actor;
  GApplication *application;   /* held until the backup is made, or NULL */
} SigningOut;

static void
on_signed_out_backed_up_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  SigningOut *out = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = trellis_store_back_up_to_folder_finish (out->store, result, &error);

  /* a failure is in the audit trail, and the banner says so at the next sign-in */
  if (made == NULL)
    g_debug ("No backup at sign-out: %s", error->message);
  trellis_store_sign_out (out->store, out->actor);
  g_object_unref (out->store);
  g_object_unref (out->actor);
  if (out->application != NULL)
    {
      g_application_release (out->application);
      g_object_unref (out->application);
    }
  g_free (out);
}

/**
 * trellis_window_sign_out_of_store:
 * @back_up: whether to back up first, when a folder is chosen
 *
 * Ends @actor's session in the store; with @back_up, after a backup into the home's folder
 * made on the store's worker (the window need not wait for it).
 */
void
trellis_window_sign_out_of_store (TrellisWindow *self,
                                  TrellisStaff  *actor,
                                  gboolean       back_up)
{
  g_autoptr(TrellisBackupStatus) status = NULL;
  SigningOut *out;

  if (back_up)
    status = trellis_store_get_backup_status (self->store, actor, NULL);
  if (status == NULL || *status->folder == '\0')
    {
      trellis_store_sign_out (self->store, actor);
      return;
    }

  out = g_new0 (SigningOut, 1);
  out->store = g_object_ref (self->store);
  out->actor = g_object_ref (actor);
  if (g_application_get_default () != NULL)
    {
      out->application = g_object_ref (g_application_get_default ());
      g_application_hold (out->application);
    }
  trellis_store_back_up_to_folder_async (self->store, actor, NULL, on_signed_out_backed_up_cb,
                                         out);
}

/* ---- restoring ------------------------------------------------------------------------- */

typedef struct
{
  GWeakRef   window;
  char      *path;       /* the home's */
  char      *backup;
  char      *prepared;   /* the backup's copy, ready beside the home */
  guint      tries;
} Restoring;

static void
restoring_free (Restoring *restoring)
{
  g_weak_ref_clear (&restoring->window);
  trellis_store_discard_restore (restoring->prepared);
  g_free (restoring->prepared);
  g_free (restoring->path);
  g_free (restoring->backup);
  g_free (restoring);
}

static void
show_not_restored (TrellisWindow *self,
                   const char    *message)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Restored"),
                                                message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once nothing holds the home open: the copy takes its place, and the sign-in page shows
 * the home restored (or, when that failed, the home as it was). */
static gboolean
finish_restore_cb (gpointer user_data)
{
  Restoring *restoring = user_data;
  g_autoptr(TrellisWindow) self = g_weak_ref_get (&restoring->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *name = NULL;
  g_autofree char *prepared = NULL;

  if (trellis_store_path_is_open (restoring->path) && ++restoring->tries < RELEASE_TRIES)
    return G_SOURCE_CONTINUE;

  prepared = g_steal_pointer (&restoring->prepared);
  name = g_path_get_basename (restoring->backup);
  if (!trellis_store_finish_restore (prepared, restoring->path, &aside, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was restored from “%s”, and the "
                                                    "home is as it was. %s"), name,
                                                  error->message);
      if (self != NULL)
        {
          trellis_window_open_path (self, restoring->path, FALSE);
          show_not_restored (self, message);
        }
      return G_SOURCE_REMOVE;
    }
  if (self != NULL && trellis_window_open_path (self, restoring->path, FALSE))
    {
      g_autofree char *text = aside != NULL
        ? g_strdup_printf (_("Restored from “%s”. Sign in to go on; the home as it was is "
                             "kept beside it."), name)
        : g_strdup_printf (_("Restored from “%s”. Sign in to go on."), name);

      trellis_window_toast (self, text);
    }
  return G_SOURCE_REMOVE;
}

static void
on_restore_prepared_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Restoring *restoring = user_data;
  g_autoptr(TrellisWindow) self = g_weak_ref_get (&restoring->window);
  g_autoptr(GError) error = NULL;

  restoring->prepared = trellis_store_prepare_restore_finish (result, &error);
  if (self == NULL)
    {
      restoring_free (restoring);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (restoring->prepared == NULL)
    {
      show_not_restored (self, error->message);
      restoring_free (restoring);
      return;
    }
  /* typing opened since stays open, and so does the home */
  if (self->store == NULL ||
      g_strcmp0 (trellis_store_get_path (self->store), restoring->path) != 0 ||
      trellis_window_typing_keeps_home_open (self, FALSE))
    {
      restoring_free (restoring);
      return;
    }

  if (self->actor != NULL)
    trellis_window_sign_out_for_restore (self);
  trellis_window_close_home (self);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 100, finish_restore_cb, restoring,
                      (GDestroyNotify) restoring_free);
}

static gboolean
keep_until_idle_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Restoring        *restoring)
{
  g_autoptr(TrellisWindow) self = g_weak_ref_get (&restoring->window);
  GtkEditable *password = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *given = g_strdup (gtk_editable_get_text (password));

  gtk_editable_set_text (password, "");
  /* Enter in the entry brought us here, and the dialog goes as this returns: the entry
   * lives until its key press is over */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, keep_until_idle_cb, g_object_ref (password),
                   g_object_unref);
  if (self == NULL || strcmp (response, "restore") != 0 || self->actor == NULL)
    {
      memset (given, 0, strlen (given));
      restoring_free (restoring);
      return;
    }
  trellis_window_toast (self, _("Checking the backup…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  trellis_store_prepare_restore_async (restoring->backup, restoring->path,
                                       trellis_staff_get_username (self->actor), given, NULL,
                                       on_restore_prepared_cb, restoring);
  memset (given, 0, strlen (given));
}

static void
ask_to_restore (TrellisWindow *self,
                const char    *backup)
{
  g_autofree char *name = g_path_get_basename (backup);
  g_autofree char *body = NULL;
  Restoring *restoring;
  AdwMessageDialog *dialog;
  GtkWidget *password;

  body = g_strdup_printf (_("The home will be put back as it was in “%s”. Everyone is signed "
                            "out; the home as it is now is kept beside it, never written over. "
                            "Enter your password as it was when the backup was made."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore From This Backup?"), body));
  password = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (password), TRUE);
  /* Enter in the password goes on: the password is what makes this deliberate */
  g_object_set (password, "activates-default", TRUE, "placeholder-text", _("Your password"),
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (password), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your password when the backup was made"), -1);
  adw_message_dialog_set_extra_child (dialog, password);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "cancel");

  restoring = g_new0 (Restoring, 1);
  g_weak_ref_init (&restoring->window, self);
  restoring->path = g_strdup (trellis_store_get_path (self->store));
  restoring->backup = g_strdup (backup);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), restoring);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (password);
}

static void
on_backup_chosen_cb (TrellisWindow *self,
                     const char    *path)
{
  if (self->actor != NULL)
    ask_to_restore (self, path);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(TrellisBackupStatus) status = NULL;
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  if (self->store == NULL || self->actor == NULL ||
      trellis_window_typing_keeps_home_open (self, FALSE))
    return;

  /* Preferences, where this comes from, closes: the window carries on */
  trellis_window_close_other_windows (self);
  dialog = gtk_file_chooser_native_new (_("Choose a Backup to Restore"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (backups, _("Trellis backups"));
  gtk_file_filter_add_pattern (backups, "*.trellis-backup");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), backups);
  status = trellis_store_get_backup_status (self->store, self->actor, NULL);
  if (status != NULL && *status->folder != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_path (status->folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  trellis_window_choose_file (self, dialog, on_backup_chosen_cb);
}

void
trellis_window_class_init_backups (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, backup_banner);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, backup_banner_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, backup_banner_button);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_banner_clicked_cb);
}
