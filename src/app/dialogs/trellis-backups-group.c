/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-backups-group.c: the backups, in the home's settings
 *
 * Everyone signed in sees where the automatic backups go, when the last good one was made
 * and whether the last one failed; an Administrator also chooses the folder, backs up now
 * and restores. The backup runs on the store's worker, the window drawing on; restoring is
 * the window's (win.restore): it signs everyone out and opens the home again.
 */
#define G_LOG_DOMAIN "trellis-backups-group"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-backups-group.h"

struct _TrellisBackupsGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *folder_row;
  GtkButton           *choose_button;
  AdwActionRow        *last_row;
  GtkSpinner          *spinner;
  GtkButton           *back_up_button;
  AdwActionRow        *failure_row;
  AdwActionRow        *restore_row;
  GtkButton           *restore_button;

  TrellisContext      *context;
  GCancellable        *cancellable;  /* the backup under way */
  gboolean             may_change;   /* an Administrator */
  gboolean             has_folder;
};

G_DEFINE_FINAL_TYPE (TrellisBackupsGroup, trellis_backups_group, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (TrellisBackupsGroup *self,
       const char          *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
      trellis_a11y_tidy (GTK_WIDGET (root));
    }
}

static void
update_buttons (TrellisBackupsGroup *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->choose_button), self->may_change);
  gtk_widget_set_visible (GTK_WIDGET (self->back_up_button), self->may_change);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_row), self->may_change);
  gtk_widget_set_sensitive (GTK_WIDGET (self->choose_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_up_button), !busy && self->has_folder);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/**
 * trellis_backups_group_refresh:
 *
 * Reads the status afresh: after a backup, a change of folder here or anywhere else.
 */
void
trellis_backups_group_refresh (TrellisBackupsGroup *self)
{
  g_autoptr(TrellisBackupStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRELLIS_IS_BACKUPS_GROUP (self));

  if (self->context == NULL)
    return;
  status = trellis_store_get_backup_status (trellis_context_get_store (self->context),
                                            trellis_context_get_actor (self->context), &error);
  if (status == NULL)
    {
      adw_action_row_set_subtitle (self->last_row, error->message);
      return;
    }

  self->has_folder = *status->folder != '\0';
  if (self->has_folder)
    adw_action_row_set_subtitle (self->folder_row, status->folder);
  else if (self->may_change)
    adw_action_row_set_subtitle (self->folder_row, _("None chosen: the home is not backed up "
                                                     "automatically"));
  else
    adw_action_row_set_subtitle (self->folder_row, _("None chosen. Only an Administrator can "
                                                     "choose one."));

  if (status->last_good != 0)
    {
      g_autofree char *when = trellis_date_format_moment (status->last_good);
      g_autofree char *text = g_strdup_printf ("%s\n%s", when, status->last_file);

      adw_action_row_set_subtitle (self->last_row, text);
    }
  else
    adw_action_row_set_subtitle (self->last_row, _("None yet"));

  gtk_widget_set_visible (GTK_WIDGET (self->failure_row), status->last_failed != 0);
  if (status->last_failed != 0)
    {
      g_autofree char *when = trellis_date_format_moment (status->last_failed);
      g_autofree char *text = g_strdup_printf ("%s: %s", when, status->failure);

      adw_action_row_set_subtitle (self->failure_row, text);
    }
  update_buttons (self);
}

static void
on_folder_chosen_cb (GtkNativeDialog     *dialog,
                     int                  response,
                     TrellisBackupsGroup *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->context != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path == NULL)
        toast (self, _("Choose a folder on this computer or on a drive plugged into it"));
      else if (!trellis_store_set_backup_folder (trellis_context_get_store (self->context),
                                                 trellis_context_get_actor (self->context),
                                                 path, &error))
        toast (self, error->message);
      else
        trellis_backups_group_refresh (self);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_choose_clicked_cb (TrellisBackupsGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose the Folder for Backups"), GTK_WINDOW (root),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_folder_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_backed_up_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TrellisBackupsGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = trellis_store_back_up_to_folder_finish (TRELLIS_STORE (source), result,
                                                                  &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (made == NULL)
    toast (self, error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (made);
      g_autofree char *text = g_strdup_printf (_("Backed up and checked: %s"), name);

      toast (self, text);
    }
  trellis_backups_group_refresh (self);
}

static void
on_back_up_clicked_cb (TrellisBackupsGroup *self)
{
  if (self->context == NULL || self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  update_buttons (self);
  trellis_store_back_up_to_folder_async (trellis_context_get_store (self->context),
                                         trellis_context_get_actor (self->context),
                                         self->cancellable, on_backed_up_cb, g_object_ref (self));
}

/* The window restores: it closes this window and every other, and opens the home again. */
static void
on_restore_clicked_cb (TrellisBackupsGroup *self)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkWindow *parent = gtk_window_get_transient_for (window);

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.restore", NULL);
}

static void
on_home_changed_cb (TrellisBackupsGroup *self)
{
  trellis_backups_group_refresh (self);
}

/* Out of its window, the group lets go of the home: libadwaita 1.2 keeps a preferences
 * group alive after its window is gone, and the home must close for a restore. */
static void
trellis_backups_group_unroot (GtkWidget *widget)
{
  TrellisBackupsGroup *self = TRELLIS_BACKUPS_GROUP (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (trellis_context_get_store (self->context), self);
  g_clear_object (&self->context);

  GTK_WIDGET_CLASS (trellis_backups_group_parent_class)->unroot (widget);
}

static void
trellis_backups_group_dispose (GObject *object)
{
  TrellisBackupsGroup *self = TRELLIS_BACKUPS_GROUP (object);

  /* a backup under way finishes on the worker; only its answer goes unheard */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_BACKUPS_GROUP);

  G_OBJECT_CLASS (trellis_backups_group_parent_class)->dispose (object);
}

static void
trellis_backups_group_class_init (TrellisBackupsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_backups_group_dispose;
  widget_class->unroot = trellis_backups_group_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-backups-group.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsGroup, folder_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsGroup, choose_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsGroup, last_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsGroup, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsGroup, failure_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsGroup, restore_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisBackupsGroup, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked_cb);
}

static void
trellis_backups_group_init (TrellisBackupsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trellis_backups_group_set_context:
 *
 * Shows the backups of the home in @context, as its signed-in person may see and change
 * them, and follows changes to them made anywhere.
 */
void
trellis_backups_group_set_context (TrellisBackupsGroup *self,
                                   TrellisContext      *context)
{
  TrellisStore *store;

  g_return_if_fail (TRELLIS_IS_BACKUPS_GROUP (self));
  g_return_if_fail (TRELLIS_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->may_change = trellis_permission_allows (trellis_context_get_actor (context),
                                                TRELLIS_ACTION_BACK_UP, 0);
  store = trellis_context_get_store (context);
  g_signal_connect_object (store, "changed::home", G_CALLBACK (on_home_changed_cb), self,
                           G_CONNECT_SWAPPED);
  trellis_backups_group_refresh (self);
}
