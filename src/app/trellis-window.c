/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window.c: the window's chrome and navigation between its pages, and sessions
 *
 * The pages (welcome, new home, sign-in, the children, the child) are widgets of their own
 * that load what they show from the window's context; the shared PC's
 * lock, the actions and printing live beside this file (see trellis-window-private.h).
 */
#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-child-row.h"
#include "trellis-recovery-key-dialog.h"
#include "trellis-menu-button.h"
#include "trellis-window-private.h"


G_DEFINE_FINAL_TYPE (TrellisWindow, trellis_window, ADW_TYPE_APPLICATION_WINDOW)

/* Every toast is named for screen readers as its widget comes on screen: one shown at once,
 * and one that waited behind another and is built only when that one goes. */
static void
on_toast_children_changed_cb (TrellisWindow *self,
                              guint          position,
                              guint          removed,
                              guint          added)
{
  if (added > 0)
    trellis_a11y_tidy (GTK_WIDGET (self->toast_overlay));
}

void
trellis_window_toast (TrellisWindow *self,
                      const char    *text)
{
  AdwToast *toast = adw_toast_new (text);

  /* remembered (weakly) so a lock can take it off the screen */
  g_set_weak_pointer (&self->last_toast, toast);
  /* its widget, when shown at once, is named by on_toast_children_changed_cb() */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The window offers only what the signed-in person's role allows; the store would refuse
 * the rest anyway. */
static void
set_enabled (TrellisWindow *self,
             const char    *action,
             gboolean       enabled)
{
  if (enabled)
    g_hash_table_add (self->enabled, (gpointer) action);
  else
    g_hash_table_remove (self->enabled, action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

void
trellis_window_update_actions (TrellisWindow *self)
{
  gboolean open = self->store != NULL && self->actor != NULL &&
                  g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "children") == 0;

  /* what is done to the child shown is the child's file's to offer: see its child.* */
#define ALLOWED(action, lw) (open && trellis_permission_allows (self->actor, (action), (lw)))
  set_enabled (self, "win.search", open);
  set_enabled (self, "win.add-child",
                                 ALLOWED (TRELLIS_ACTION_ADD_CHILD, 0));
  set_enabled (self, "win.lock", open);
  set_enabled (self, "win.sign-out", open);
  set_enabled (self, "win.change-password", open);
  set_enabled (self, "win.show-awaiting-approval",
               ALLOWED (TRELLIS_ACTION_APPROVE_CARE_PLAN, 0));
  set_enabled (self, "win.show-audit",
                                 ALLOWED (TRELLIS_ACTION_READ_AUDIT, 0));
  set_enabled (self, "win.restore", ALLOWED (TRELLIS_ACTION_BACK_UP, 0));
  set_enabled (self, "win.show-staff",
                                 ALLOWED (TRELLIS_ACTION_MANAGE_STAFF, 0) ||
                                 ALLOWED (TRELLIS_ACTION_RESET_PASSWORD, 0));
#undef ALLOWED
}

/* Whether an action is on offer now: what the tests check against the role. */
gboolean
trellis_window_action_enabled (TrellisWindow *self,
                               const char    *action)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);
  return g_hash_table_contains (self->enabled, action);
}

/* The child file shows a child now: the window's actions follow it. */
static void
child_shown (TrellisWindow *self)
{
  self->current_child_id = trellis_child_get_id (trellis_child_file_get_child (self->child_file));
  trellis_window_update_actions (self);
}

/* Shows a child in the content pane, read afresh from the store. Only a person's deliberate
 * opening (@opened) is a view for the audit trail; a refresh after a change is not. */
void
trellis_window_show_child (TrellisWindow *self,
                           gint64         child_id,
                           gboolean       opened)
{
  g_autoptr(GError) error = NULL;

  if (!trellis_child_file_load (self->child_file, self->context, child_id, opened, &error))
    {
      trellis_window_toast (self, error->message);
      return;
    }
  child_shown (self);
}


/* The list's highlight follows the child on show, wherever the list has moved. */
void
trellis_window_select_shown_child (TrellisWindow *self)
{
  trellis_children_page_show_chosen (self->children_page, self->current_child_id);
}

/* What trellis_window_show_child() does once the file shows the child, for a child read
 * on the store's worker. */
static void
on_child_opened_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TrellisChildFile *file = TRELLIS_CHILD_FILE (source);
  TrellisWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  /* cancelled: the window has gone (the file cancels when it goes), or another child is
   * being opened */
  if (!trellis_child_file_load_finish (file, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        trellis_window_toast (self, error->message);
      return;
    }

  child_shown (self);
  trellis_window_select_shown_child (self);
}

/**
 * trellis_window_reload_child:
 *
 * Reads @child_id again on the store's worker, after a change made here or by another
 * program, and shows it; the file shows what it showed until then. Nobody opened the record
 * anew, so nothing is audited.
 */
void
trellis_window_reload_child (TrellisWindow *self,
                             gint64         child_id)
{
  trellis_child_file_load_async (self->child_file, self->context, child_id, FALSE,
                                 on_child_opened_cb, self);
}

/* Enter, a click or a double-click on a row: the one way a child's record opens from the
 * list. Moving the pointer or the keyboard over rows opens nothing. */
static void
on_child_chosen_cb (TrellisWindow *self,
                    gint64         child_id)
{
  /* read on the store's worker; the file shows what it showed until the child arrives */
  if (child_id != self->current_child_id)
    trellis_child_file_load_async (self->child_file, self->context, child_id, TRUE,
                                   on_child_opened_cb, self);
  else
    trellis_window_select_shown_child (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A change committed here or by another program: the home's settings, or children, the one
 * on show perhaps among them (TRELLIS_RECORD_ID_MANY: several, or unknown ones). */
static void
on_store_changed_cb (TrellisWindow     *self,
                     TrellisRecordKind  kind,
                     gint64             id)
{
  if (kind == TRELLIS_RECORD_KIND_HOME)
    {
      trellis_window_read_idle_lock (self);
      trellis_window_update_backup_banner (self);
    }
  else if (kind == TRELLIS_RECORD_KIND_CHILD && self->actor != NULL &&
           self->current_child_id > 0 &&
           (id == self->current_child_id || id == TRELLIS_RECORD_ID_MANY))
    {
      trellis_window_reload_child (self, self->current_child_id);
    }
}

typedef struct
{
  GWeakRef              window;
  TrellisWindowFileFunc chosen;
} FileChoice;

static void
on_file_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   FileChoice      *choice)
{
  g_autoptr(TrellisWindow) self = g_weak_ref_get (&choice->window);

  if (self != NULL && response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        choice->chosen (self, path);
    }
  g_weak_ref_clear (&choice->window);
  g_free (choice);
  g_object_unref (dialog);
}

/* Shows @dialog (taking it) modal over the window; @chosen gets the local path chosen. */
void
trellis_window_choose_file (TrellisWindow        *self,
                            GtkFileChooserNative *dialog,
                            TrellisWindowFileFunc chosen)
{
  FileChoice *choice = g_new0 (FileChoice, 1);

  g_weak_ref_init (&choice->window, self);
  choice->chosen = chosen;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Ends the signed-in person's view of the home: the list and the child shown go, their
 * open editors are kept aside (hidden) until they sign in again. */
void
trellis_window_end_session (TrellisWindow *self)
{
  trellis_window_stop_backups (self);
  trellis_children_page_set_context (self->children_page, NULL);
  g_clear_object (&self->actor);
  if (self->context != NULL)
    trellis_context_set_actor (self->context, NULL);
  self->locked = FALSE;
  self->current_child_id = 0;
  trellis_child_file_clear (self->child_file);
  trellis_window_update_actions (self);
}

/* Callers first make sure no editor holds typing (see may_leave_home()); any editor still
 * open belongs to this home and goes with it. */
static void
close_store (TrellisWindow *self)
{
  g_autoptr(GPtrArray) editors = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer drafts;

  trellis_window_end_session (self);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->store_changed_id, self->store);
      trellis_store_unwatch (self->store);
    }
  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, NULL, &drafts))
    for (guint i = 0; i < ((GPtrArray *) drafts)->len; i++)
      g_ptr_array_add (editors, g_object_ref (g_ptr_array_index ((GPtrArray *) drafts, i)));
  g_hash_table_remove_all (self->drafts);
  for (guint i = 0; i < editors->len; i++)
    gtk_window_destroy (g_ptr_array_index (editors, i));
  g_clear_object (&self->home);
  g_clear_object (&self->context);
  g_clear_object (&self->store);
}

/* Lets go of the home altogether, so that nothing in this window holds it open: before a
 * backup takes its place. trellis_window_open_path() opens it again. */
void
trellis_window_close_home (TrellisWindow *self)
{
  close_store (self);
  if (self->link_worker_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->link_worker_dialog));
  trellis_sign_in_page_forget_home (self->sign_in_page);
}

static void
start_session (TrellisWindow *self,
               TrellisStaff  *staff)
{
  self->actor = g_object_ref (staff);
  trellis_context_set_actor (self->context, staff);
  trellis_children_page_set_context (self->children_page, self->context);
  trellis_window_start_backups (self);
}

static void
on_signed_in_cb (TrellisWindow *self,
                 TrellisStaff  *staff)
{
  gboolean same = self->actor != NULL &&
                  trellis_staff_get_id (self->actor) == trellis_staff_get_id (staff);

  if (!same)
    {
      g_autofree char *message = NULL;

      trellis_window_end_session (self);
      start_session (self, staff);
      message = g_strdup_printf (_("Signed in as %s"), trellis_staff_get_display_name (staff));
      trellis_window_toast (self, message);
    }

  self->locked = FALSE;
  self->last_activity = g_get_monotonic_time ();
  /* at once, as GNOME's apps show what signing in opens: a cross-fade would draw the
   * sign-in page under the list for its first frames, and the list's first frame later */
  gtk_stack_set_visible_child_full (self->main_stack, "children", GTK_STACK_TRANSITION_TYPE_NONE);
  trellis_window_show_drafts (self, staff);
  trellis_window_update_actions (self);
  /* an Administrator's sign-in encrypted a home made before Trellis did: its new key */
  trellis_recovery_key_dialog_present (GTK_WIDGET (self),
                                       trellis_store_take_recovery_key (self->store));
}

/**
 * trellis_window_open_store:
 *
 * Shows the sign-in page of the home in @store; nothing about any child is visible until
 * someone signs in.
 */
void
trellis_window_open_store (TrellisWindow *self,
                           TrellisStore  *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisContext) context = NULL;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (TRELLIS_IS_STORE (store));

  context = trellis_context_new (store, &error);
  if (context == NULL)
    {
      trellis_welcome_page_show_error (self->welcome_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      return;
    }

  close_store (self);
  self->context = g_steal_pointer (&context);
  self->store = g_object_ref (store);
  self->home = g_object_ref (trellis_context_get_home (self->context));
  self->store_changed_id = g_signal_connect_object (store, "changed",
                                                    G_CALLBACK (on_store_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  /* trellisctl and other windows write to the same file: show their changes too */
  trellis_store_watch (store);
  trellis_window_read_idle_lock (self);

  gtk_window_set_title (GTK_WINDOW (self), trellis_home_get_name (self->home));
  adw_window_title_set_subtitle (self->sign_in_title, trellis_home_get_name (self->home));
  trellis_welcome_page_show_error (self->welcome_page, NULL);
  g_settings_set_string (self->settings, "last-database", trellis_store_get_path (store));

  trellis_sign_in_page_set_hint (self->sign_in_page,
                                 trellis_home_get_is_demo (self->home)
                                   ? _("Demo home: every account’s password is “trellis-demo”.")
                                   : NULL);
  trellis_sign_in_page_choose (self->sign_in_page, self->context);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  trellis_window_update_actions (self);
}

/**
 * trellis_window_open_path:
 *
 * Opens the database at @path; on failure the welcome page says why, and offers to create a
 * home or explore the demo instead.
 */
gboolean
trellis_window_open_path (TrellisWindow *self,
                          const char    *path,
                          gboolean       create)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);

  store = trellis_store_open (path, create ? TRELLIS_STORE_OPEN_CREATE : 0, &error);
  if (store == NULL || !trellis_store_has_home (store))
    {
      g_autofree char *message =
        store == NULL ? g_strdup (error->message)
                      : g_strdup_printf (_("“%s” has no home in it yet. Create a new home, or "
                                           "explore the demo."), path);
      trellis_welcome_page_show_error (self->welcome_page, message);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      return FALSE;
    }

  trellis_window_open_store (self, store);
  return TRUE;
}

void
trellis_window_select_child (TrellisWindow *self,
                             gint64         child_id)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (self->actor != NULL);

  trellis_window_show_child (self, child_id, TRUE);
  trellis_window_select_shown_child (self);
}
/* ---- welcome and creating a home ----------------------------------------------------- */

/* The new home's first Administrator is signed in: they made it. */
static void
on_home_created_cb (TrellisWindow *self,
                    TrellisStore  *store,
                    TrellisStaff  *admin)
{
  trellis_window_open_store (self, store);
  on_signed_in_cb (self, admin);
  trellis_window_toast (self, _("Home created. Add your colleagues’ accounts from Staff Accounts in the main "
                 "menu."));
}

static gboolean
trellis_window_close_request (GtkWindow *window)
{
  TrellisWindow *self = TRELLIS_WINDOW (window);
  int width, height;

  if (trellis_window_typing_keeps_home_open (self, TRUE))
    return TRUE;
  /* closing Trellis signed in is signing out: audited, and backed up */
  if (self->actor != NULL)
    trellis_window_sign_out (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (trellis_window_parent_class)->close_request (window);
}

static void
trellis_window_dispose (GObject *object)
{
  TrellisWindow *self = (TrellisWindow *)object;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->toast_children != NULL)
    g_signal_handlers_disconnect_by_data (self->toast_children, self);
  g_clear_object (&self->toast_children);
  if (self->drafts != NULL)
    close_store (self);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->enabled, g_hash_table_unref);
  g_clear_weak_pointer (&self->last_toast);
  if (self->link_worker_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->link_worker_dialog));
  g_clear_weak_pointer (&self->link_worker_dialog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (trellis_window_parent_class)->dispose (object);
}

static void
trellis_window_class_init (TrellisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trellis_window_dispose;
  window_class->close_request = trellis_window_close_request;

  g_type_ensure (TRELLIS_TYPE_CHILD_FILE);
  g_type_ensure (TRELLIS_TYPE_CHILDREN_PAGE);
  g_type_ensure (TRELLIS_TYPE_SIGN_IN_PAGE);
  g_type_ensure (TRELLIS_TYPE_WELCOME_PAGE);
  g_type_ensure (TRELLIS_TYPE_CREATE_HOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/trellis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, create_home_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, children_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, child_file);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sign_in_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sign_in_menu_button);

  trellis_window_class_init_lock (widget_class);
  trellis_window_class_init_actions (widget_class);
  trellis_window_class_init_backups (widget_class);
}

static void
trellis_window_init (TrellisWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  trellis_menu_button_close_cleanly (self->sign_in_menu_button);
  self->enabled = g_hash_table_new (g_str_hash, g_str_equal);

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->children_page, "child-chosen", G_CALLBACK (on_child_chosen_cb),
                           self, G_CONNECT_SWAPPED);

  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (self->sign_in_page, "signed-in", G_CALLBACK (on_signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  /* pages built or filled after the window was shown are named for screen readers too */
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (trellis_a11y_tidy), self, G_CONNECT_SWAPPED);
  /* and every toast as it comes on screen */
  self->toast_children = gtk_widget_observe_children (GTK_WIDGET (self->toast_overlay));
  g_signal_connect_object (self->toast_children, "items-changed",
                           G_CALLBACK (on_toast_children_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->create_home_page, "created", G_CALLBACK (on_home_created_cb),
                           self, G_CONNECT_SWAPPED);
  trellis_window_init_lock (self);
  trellis_window_init_actions (self);
  trellis_window_init_print (self);

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  trellis_window_update_actions (self);
}

TrellisWindow *
trellis_window_new (TrellisApplication *application)
{
  return g_object_new (TRELLIS_TYPE_WINDOW, "application", application, NULL);
}

const char *
trellis_window_get_visible_page (TrellisWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

TrellisChildFile *
trellis_window_get_child_file (TrellisWindow *self)
{
  return trellis_child_file_get_child (self->child_file) != NULL ? self->child_file : NULL;
}

GListModel *
trellis_window_get_children (TrellisWindow *self)
{
  return trellis_children_page_get_children (self->children_page);
}

TrellisStore *
trellis_window_get_store (TrellisWindow *self)
{
  return self->store;
}

TrellisStaff *
trellis_window_get_actor (TrellisWindow *self)
{
  return self->actor;
}

TrellisSignInPage *
trellis_window_get_sign_in_page (TrellisWindow *self)
{
  return self->sign_in_page;
}

void
trellis_window_dismiss_toast (TrellisWindow *self)
{
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);
}
