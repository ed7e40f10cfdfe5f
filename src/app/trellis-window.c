/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window.c: welcome, creating a home, and the children list with a child's details
 */
#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "trellis-a11y.h"
#include "trellis-audit-window.h"
#include "trellis-child-editor.h"
#include "trellis-staff-window.h"
#include "trellis-child-page.h"
#include "trellis-child-row.h"
#include "trellis-child-summary.h"
#include "trellis-create-home-page.h"
#include "trellis-link-worker-dialog.h"
#include "trellis-password-dialog.h"
#include "trellis-preferences-window.h"
#include "trellis-sign-in-page.h"
#include "trellis-welcome-page.h"
#include "trellis-window-private.h"
#include "trellis-window.h"

#define DEMO_CHILDREN 24
#define DEMO_SEED     2026

struct _TrellisWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  TrellisWelcomePage    *welcome_page;
  TrellisCreateHomePage *create_home_page;
  AdwLeaflet          *leaflet;
  AdwWindowTitle      *sidebar_title;
  GtkRevealer         *demo_banner;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwStatusPage       *list_empty_page;
  AdwWindowTitle      *content_title;
  GtkStack            *detail_stack;
  TrellisChildPage    *child_page;
  TrellisSignInPage   *sign_in_page;
  AdwWindowTitle      *sign_in_title;

  /* owned */
  GSettings           *settings;
  TrellisStore        *store;
  TrellisStaff        *actor;
  TrellisHome         *home;
  TrellisChildList    *children;
  GtkSingleSelection  *selection;
  gint64               current_child_id;
  gulong               store_changed_id;
  TrellisLinkWorkerDialog *link_worker_dialog;   /* weak */
  GHashTable          *drafts;          /* staff id -> GPtrArray of their open editors */
  gint64               last_activity;   /* monotonic µs */
  gboolean             locked;          /* the actor's session waits behind the lock page */
  guint                idle_source;
  guint                idle_lock_minutes; /* the home's setting */
  GHashTable          *enabled;         /* the window actions on offer now */
  AdwToast            *last_toast;      /* weak */
};

G_DEFINE_FINAL_TYPE (TrellisWindow, trellis_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (TrellisWindow *self,
       const char    *text)
{
  AdwToast *toast = adw_toast_new (text);

  /* remembered (weakly) so a lock can take it off the screen */
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  trellis_a11y_tidy (GTK_WIDGET (self->toast_overlay));
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

static void
update_actions (TrellisWindow *self)
{
  gboolean open = self->store != NULL && self->actor != NULL &&
                  g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "children") == 0;
  gboolean has_child = open && self->current_child_id > 0;
  TrellisChild *child = has_child ? trellis_child_page_get_child (self->child_page) : NULL;
  gint64 link_worker = child != NULL ? trellis_child_get_link_worker_id (child) : 0;

#define ALLOWED(action, lw) (open && trellis_permission_allows (self->actor, (action), (lw)))
  set_enabled (self, "win.search", open);
  set_enabled (self, "win.add-child",
                                 ALLOWED (TRELLIS_ACTION_ADD_CHILD, 0));
  set_enabled (self, "win.edit-child",
                                 has_child && ALLOWED (TRELLIS_ACTION_EDIT_CHILD, link_worker));
  set_enabled (self, "win.change-link-worker",
                                 has_child && ALLOWED (TRELLIS_ACTION_ASSIGN_LINK_WORKER, 0));
  set_enabled (self, "win.print", has_child);
  set_enabled (self, "win.export-pdf", has_child);
  set_enabled (self, "win.lock", open);
  set_enabled (self, "win.sign-out", open);
  set_enabled (self, "win.change-password", open);
  set_enabled (self, "win.show-audit",
                                 ALLOWED (TRELLIS_ACTION_READ_AUDIT, 0));
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

static void
update_empty_state (TrellisWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->children));
  const char *search = trellis_child_list_get_search (self->children);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (search != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("No child’s name contains “%s”"), search);
      adw_status_page_set_title (self->list_empty_page, _("No Children Found"));
      adw_status_page_set_description (self->list_empty_page, description);
    }
  else
    {
      adw_status_page_set_title (self->list_empty_page, _("No Children Yet"));
      if (trellis_permission_allows (self->actor, TRELLIS_ACTION_ADD_CHILD, 0))
        adw_status_page_set_description (self->list_empty_page,
                                         _("Add the first child with the + button"));
      else if (trellis_permission_allows (self->actor, TRELLIS_ACTION_MANAGE_STAFF, 0))
        adw_status_page_set_description (self->list_empty_page,
                                         _("A Manager adds the children. Add the Manager’s "
                                           "account from Staff Accounts in the main menu."));
      else
        adw_status_page_set_description (self->list_empty_page,
                                         _("A Manager adds the children of the home"));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void present_child (TrellisWindow *self,
                           TrellisChild  *child,
                           GListModel    *history);

/* Shows a child in the content pane, read afresh from the store. Only a person's deliberate
 * opening (@opened) is a view for the audit trail; a refresh after a change is not. */
static void
show_child (TrellisWindow *self,
            gint64         child_id,
            gboolean       opened)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) history = NULL;

  if (opened)
    child = trellis_store_view_child (self->store, self->actor, child_id, &error);
  else
    child = trellis_store_get_child (self->store, self->actor, child_id, &error);
  if (child != NULL)
    history = trellis_store_list_assignments (self->store, self->actor, child_id, &error);
  if (history == NULL)
    {
      toast (self, error->message);
      return;
    }

  present_child (self, child, history);
}

/* Reads the child on screen again after a change made here or by another program. Nobody
 * opened the record anew, so nothing is audited. */
static void
refresh_child (TrellisWindow *self)
{
  show_child (self, self->current_child_id, FALSE);
}

static void
present_child (TrellisWindow *self,
               TrellisChild  *child,
               GListModel    *history)
{
  gint64 child_id = trellis_child_get_id (child);
  g_autofree char *name = NULL;

  self->current_child_id = child_id;
  name = trellis_child_dup_ui_name (child);
  trellis_child_page_set_child (self->child_page, child, history);
  if (trellis_permission_allows (self->actor, TRELLIS_ACTION_READ_AUDIT, 0))
    {
      g_autoptr(GListModel) trail = trellis_store_list_audit (self->store, self->actor, child_id,
                                                              NULL, 12, NULL);
      trellis_child_page_set_audit (self->child_page, trail);
    }
  else
    trellis_child_page_set_audit (self->child_page, NULL);
  adw_window_title_set_title (self->content_title, name);
  gtk_stack_set_visible_child_name (self->detail_stack, "child");
  update_actions (self);
}

/* The list's highlight follows the child on show, wherever the list has moved. */
static void
select_shown_child (TrellisWindow *self)
{
  guint position;

  if (self->children == NULL || self->current_child_id <= 0)
    return;

  position = trellis_child_list_find (self->children, self->current_child_id);
  if (position != G_MAXUINT &&
      gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

/* Enter, a click or a double-click on a row: the one way a child's record opens from the
 * list. Moving the pointer or the keyboard over rows opens nothing. */
static void
on_list_activate_cb (TrellisWindow *self,
                     guint          position)
{
  g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (self->children), position);

  if (child == NULL || trellis_child_get_id (child) <= 0)
    return;

  if (trellis_child_get_id (child) != self->current_child_id)
    show_child (self, trellis_child_get_id (child), TRUE);
  select_shown_child (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void read_idle_lock (TrellisWindow *self);

/* A change committed here or by another program (id 0: several rows, or unknown ones). */
static void
on_store_changed_cb (TrellisWindow *self,
                     const char    *table,
                     gint64         id)
{
  if (g_str_equal (table, "home"))
    read_idle_lock (self);
  else if (g_str_equal (table, "child") && self->actor != NULL && self->current_child_id > 0 &&
           (id == self->current_child_id || id == 0))
    {
      refresh_child (self);
      select_shown_child (self);
    }
}

static void
on_children_changed_cb (TrellisWindow *self)
{
  update_empty_state (self);
}

/* The list is one Tab stop: the arrows move between its rows, Tab and Shift+Tab leave it
 * (GTK 4.8's list view takes Tab to mean the next row). The list stops taking the focus
 * for a moment so the move goes past it. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *keys,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        TrellisWindow         *self)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkDirectionType direction;
  gboolean moved;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return GDK_EVENT_PROPAGATE;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (list, TRUE);
  if (!moved)
    gtk_widget_child_focus (GTK_WIDGET (self), direction);   /* wrap round */
  return GDK_EVENT_STOP;
}

/* A single click (press and release on the same row) opens it, as in a GNOME sidebar. The
 * list itself only selects on a click; it is not set to activate on a single click, because
 * then merely hovering a row selects it. */
static void
on_row_released_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (item);

  if (n_press == 1 && position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (row, "list.activate-item", "u", position);
}

/* A reloaded row drops the selection: the child on screen stays the one selected. */
static void
on_children_reloaded_cb (TrellisWindow *self)
{
  if (self->selection != NULL &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    select_shown_child (self);
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *row = trellis_child_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_row_released_cb), item, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  trellis_child_row_set_child (TRELLIS_CHILD_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
on_search_changed_cb (TrellisWindow *self)
{
  if (self->children != NULL)
    trellis_child_list_set_search (self->children,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
apply_list_settings (TrellisWindow *self)
{
  g_autofree char *sort = g_settings_get_string (self->settings, "sort-order");
  int value = trellis_enum_from_nick (TRELLIS_TYPE_CHILD_SORT, sort);

  if (self->children == NULL)
    return;

  trellis_child_list_set_sort (self->children, value < 0 ? TRELLIS_CHILD_SORT_NAME : value);
  trellis_child_list_set_include_former (self->children,
                                         g_settings_get_boolean (self->settings, "show-former"));
}

/* Ends the signed-in person's view of the home: the list and the child shown go, their
 * open editors are kept aside (hidden) until they sign in again. */
static void
end_session (TrellisWindow *self)
{
  if (self->children != NULL)
    g_signal_handlers_disconnect_by_data (self->children, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->children);
  g_clear_object (&self->actor);
  self->locked = FALSE;
  self->current_child_id = 0;
  gtk_stack_set_visible_child_name (self->detail_stack, "empty");
  adw_window_title_set_title (self->content_title, "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  update_actions (self);
}

/* Callers first make sure no editor holds typing (see may_leave_home()); any editor still
 * open belongs to this home and goes with it. */
static void
close_store (TrellisWindow *self)
{
  g_autoptr(GPtrArray) editors = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer drafts;

  end_session (self);
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
  g_clear_object (&self->store);
}

static GPtrArray *
drafts_of (TrellisWindow *self,
           TrellisStaff  *staff)
{
  gint64 id = trellis_staff_get_id (staff);
  GPtrArray *drafts = g_hash_table_lookup (self->drafts, &id);

  if (drafts == NULL)
    {
      drafts = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->drafts, g_memdup2 (&id, sizeof id), drafts);
    }
  return drafts;
}

/* Shows again the editors the person left with unsaved typing. */
static void
show_drafts (TrellisWindow *self,
             TrellisStaff  *staff)
{
  GPtrArray *drafts = drafts_of (self, staff);

  for (guint i = 0; i < drafts->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (drafts, i), TRUE);
}

/* When the person steps away: an editor holding unsaved typing is hidden, out of sight of
 * whoever uses the PC next, until they return; any other editor simply closes. */
static void
put_drafts_away (TrellisWindow *self,
                 TrellisStaff  *staff)
{
  GPtrArray *drafts = drafts_of (self, staff);

  for (guint i = drafts->len; i > 0; i--)
    {
      TrellisChildEditor *editor = g_ptr_array_index (drafts, i - 1);

      if (trellis_child_editor_is_dirty (editor))
        gtk_widget_set_visible (GTK_WIDGET (editor), FALSE);
      else
        gtk_window_close (GTK_WINDOW (editor));   /* finishes, and leaves the drafts */
    }
}

/* On a shared PC the header always says whose session this is, long after the toast. */
static void
show_who_is_signed_in (TrellisWindow *self)
{
  /* Translators: under the home's name in the list's header, "Signed in: Joanne Mensah" */
  g_autofree char *who = g_strdup_printf (_("Signed in: %s"),
                                          trellis_staff_get_display_name (self->actor));

  adw_window_title_set_title (self->sidebar_title, trellis_home_get_name (self->home));
  adw_window_title_set_subtitle (self->sidebar_title, who);
}

static void
start_session (TrellisWindow *self,
               TrellisStaff  *staff)
{
  self->actor = g_object_ref (staff);
  self->children = trellis_store_list_children (self->store, self->actor);
  apply_list_settings (self);
  g_signal_connect_object (self->children, "items-changed", G_CALLBACK (on_children_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->children)));
  /* after the selection has taken the change in */
  g_signal_connect_object (self->children, "items-changed", G_CALLBACK (on_children_reloaded_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  show_who_is_signed_in (self);
  update_empty_state (self);
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

      end_session (self);
      start_session (self, staff);
      message = g_strdup_printf (_("Signed in as %s"), trellis_staff_get_display_name (staff));
      toast (self, message);
    }

  self->locked = FALSE;
  self->last_activity = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->main_stack, "children");
  show_drafts (self, staff);
  update_actions (self);
}

static gboolean
is_draft (TrellisWindow *self,
          GtkWindow     *window)
{
  GHashTableIter iter;
  gpointer drafts;
  guint index;

  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, NULL, &drafts))
    if (g_ptr_array_find (drafts, window, &index))
      return TRUE;
  return FALSE;
}

/* Closes the audit trail, staff accounts, preferences and any dialog that belongs to this
 * window, so a lock leaves nothing about the children on screen. Editors are put away, not
 * closed: they hold someone's typing. */
static void
close_other_windows (TrellisWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) to_close = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      for (GtkWindow *up = gtk_window_get_transient_for (window); up != NULL;
           up = gtk_window_get_transient_for (up))
        if (up == GTK_WINDOW (self))
          {
            if (!is_draft (self, window))
              g_ptr_array_add (to_close, g_object_ref (window));
            break;
          }
    }
  for (guint i = 0; i < to_close->len; i++)
    gtk_window_close (g_ptr_array_index (to_close, i));
}

/**
 * trellis_window_lock:
 *
 * Hides everything about the children and asks for a password: the same person's carries
 * on where they were; anyone else starts afresh, and the first person's unsaved editing is
 * kept, unseen, for when they return.
 */
void
trellis_window_lock (TrellisWindow *self)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  if (self->actor == NULL)
    return;

  self->locked = TRUE;
  put_drafts_away (self, self->actor);
  close_other_windows (self);
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);
  trellis_sign_in_page_lock (self->sign_in_page, self->store, self->actor);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  update_actions (self);
}

/* Locked: someone's session waits behind the lock page, whichever page is showing now (the
 * lock page's menu leads to the new-home form, for one). */
gboolean
trellis_window_is_locked (TrellisWindow *self)
{
  return self->locked;
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  trellis_window_lock (TRELLIS_WINDOW (widget));
}

void
trellis_window_sign_out (TrellisWindow *self)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  if (self->actor != NULL)
    {
      put_drafts_away (self, self->actor);
      close_other_windows (self);
      trellis_store_sign_out (self->store, self->actor);
    }
  end_session (self);
  trellis_sign_in_page_choose (self->sign_in_page, self->store);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  trellis_window_sign_out (TRELLIS_WINDOW (widget));
}

static gboolean on_idle_check_cb (gpointer data);

/* Anything typed or clicked, in the window or its dialogs, keeps it unlocked. */
static void
on_activity_cb (TrellisWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

/* A key press only counts as activity: it must go on to the focused widget, so this
 * returns FALSE (a handler without a return value lets GTK read garbage as "handled"). */
static gboolean
on_key_activity_cb (TrellisWindow   *self,
                    guint            keyval,
                    guint            keycode,
                    GdkModifierType  state)
{
  on_activity_cb (self);
  return GDK_EVENT_PROPAGATE;
}

void
trellis_window_watch_activity (TrellisWindow *self,
                               GtkWidget     *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_activity_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_activity_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, keys);
  gtk_widget_add_controller (widget, motion);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
}

/* For the tests: pretend the last use was @seconds ago, then run the idle check. */
void
trellis_window_check_idle (TrellisWindow *self,
                           int            seconds_since_use)
{
  self->last_activity = g_get_monotonic_time () - (gint64) seconds_since_use * G_USEC_PER_SEC;
  on_idle_check_cb (self);
}

/* How soon the window locks is the home's setting, not the person's: read when the home
 * opens and again whenever it changes, here or in another program. */
static void
read_idle_lock (TrellisWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  self->idle_lock_minutes = trellis_store_get_idle_lock_minutes (self->store, &error);
  if (error != NULL)
    g_warning ("Locking after %u minutes: %s", self->idle_lock_minutes, error->message);
}

static gboolean
on_idle_check_cb (gpointer data)
{
  TrellisWindow *self = data;
  guint minutes = MAX (self->idle_lock_minutes, TRELLIS_IDLE_LOCK_MIN_MINUTES);
  gboolean idle = g_get_monotonic_time () - self->last_activity >=
                  (gint64) minutes * 60 * G_USEC_PER_SEC;

  if (!idle)
    return G_SOURCE_CONTINUE;
  if (self->actor != NULL && !self->locked)
    trellis_window_lock (self);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "sign-in") == 0)
    trellis_sign_in_page_walk_away (self->sign_in_page);

  return G_SOURCE_CONTINUE;
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
  g_autoptr(TrellisHome) home = NULL;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (TRELLIS_IS_STORE (store));

  home = trellis_store_get_home (store, &error);
  if (home == NULL)
    {
      trellis_welcome_page_show_error (self->welcome_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      return;
    }

  close_store (self);
  self->store = g_object_ref (store);
  self->home = g_steal_pointer (&home);
  self->store_changed_id = g_signal_connect_object (store, "changed",
                                                    G_CALLBACK (on_store_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  /* trellisctl and other windows write to the same file: show their changes too */
  trellis_store_watch (store);
  read_idle_lock (self);

  gtk_revealer_set_reveal_child (self->demo_banner, trellis_home_get_is_demo (self->home));
  gtk_window_set_title (GTK_WINDOW (self), trellis_home_get_name (self->home));
  adw_window_title_set_subtitle (self->sign_in_title, trellis_home_get_name (self->home));
  trellis_welcome_page_show_error (self->welcome_page, NULL);
  g_settings_set_string (self->settings, "last-database", trellis_store_get_path (store));

  trellis_sign_in_page_set_hint (self->sign_in_page,
                                 trellis_home_get_is_demo (self->home)
                                   ? _("Demo home: every account’s password is “trellis-demo”.")
                                   : NULL);
  trellis_sign_in_page_choose (self->sign_in_page, store);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  update_actions (self);
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
  g_return_if_fail (self->children != NULL);

  show_child (self, child_id, TRUE);
  select_shown_child (self);
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
  toast (self, _("Home created. Add your colleagues’ accounts from Staff Accounts in the main "
                 "menu."));
}

static gboolean may_leave_home (TrellisWindow *self);

static void
show_create_home_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (!may_leave_home (self))
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "create-home");
  trellis_create_home_page_start (self->create_home_page);
}

static void
show_welcome_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_stack_set_visible_child_name (TRELLIS_WINDOW (widget)->main_stack, "welcome");
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autofree char *path = trellis_application_dup_data_path ("demo.db");
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();

  if (!may_leave_home (self))
    return;
  store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  if (store != NULL && !trellis_store_has_home (store))
    trellis_demo_generate (store, DEMO_CHILDREN, DEMO_SEED, today, &error);

  if (error != NULL)
    {
      trellis_welcome_page_show_error (self->welcome_page, error->message);
      return;
    }

  trellis_window_open_store (self, store);
}

static void
on_open_home_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        trellis_window_open_path (self, path, FALSE);
    }
  g_object_unref (dialog);
}

/* Another home's database: a way out of the demo, or to a home kept elsewhere. */
static void
open_home_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *folder_path = trellis_application_dup_data_path (NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  GtkFileChooserNative *dialog;

  if (!may_leave_home (self))
    return;
  dialog = gtk_file_chooser_native_new (_("Open a Home"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Trellis homes"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_home_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- children actions ---------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (TRELLIS_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_child_saved_cb (TrellisWindow *self,
                   gint64         child_id)
{
  /* what was saved is on show again, read afresh: no new view in the audit trail */
  show_child (self, child_id, FALSE);
  select_shown_child (self);
  toast (self, _("Saved"));
}

/* An editor that closed for good is nobody's draft any more. */
static void
on_editor_finished_cb (TrellisWindow *self,
                       GtkWidget     *editor)
{
  GHashTableIter iter;
  gpointer drafts;

  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, NULL, &drafts))
    g_ptr_array_remove (drafts, editor);
}

static TrellisChildEditor *
open_editor (TrellisWindow *self,
             TrellisChild  *child)
{
  TrellisChildEditor *editor = trellis_child_editor_new (GTK_WINDOW (self), self->store,
                                                         self->actor, child);

  GPtrArray *drafts = drafts_of (self, self->actor);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_child_saved_cb), self,
                           G_CONNECT_SWAPPED);
  /* kept with its author while open, so a lock hides it and their return brings it back */
  g_ptr_array_add (drafts, g_object_ref (editor));
  g_signal_connect_object (editor, "finished", G_CALLBACK (on_editor_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (on_editor_finished_cb), self,
                           G_CONNECT_SWAPPED);
  trellis_window_watch_activity (self, GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

TrellisChildEditor *
trellis_window_edit_child (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->current_child_id > 0, NULL);

  return open_editor (self, trellis_child_page_get_child (self->child_page));
}

static void
edit_child_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  trellis_window_edit_child (TRELLIS_WINDOW (widget));
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (TRELLIS_WINDOW (widget), NULL);
}

/* ---- changing the Link Worker -------------------------------------------------------- */

static void
on_link_worker_changed_cb (TrellisWindow *self)
{
  toast (self, _("Link Worker changed"));
}

static void
change_link_worker_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisChild *child = trellis_child_page_get_child (self->child_page);
  g_autoptr(GError) error = NULL;
  TrellisLinkWorkerDialog *dialog;

  dialog = trellis_link_worker_dialog_new (GTK_WINDOW (self), self->store, self->actor, child,
                                           &error);
  if (dialog == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_link_worker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->link_worker_dialog, dialog);
  trellis_window_watch_activity (self, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- printing and PDF ---------------------------------------------------------------- */

static TrellisDocument *
build_summary (TrellisWindow *self,
               GError       **error)
{
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  TrellisChild *child = trellis_child_page_get_child (self->child_page);

  history = trellis_store_list_assignments (self->store, self->actor,
                                            trellis_child_get_id (child), error);
  if (history == NULL)
    return NULL;

  return trellis_child_summary_new (self->home, child, history, today);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   TrellisDocument   *doc)
{
  trellis_document_set_page_size (doc, gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, trellis_document_paginate (doc));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 TrellisDocument   *doc)
{
  trellis_document_draw_page (doc, gtk_print_context_get_cairo_context (context), page);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  TrellisWindow           *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      if (settings != NULL)
        g_settings_set_value (self->settings, "print-settings",
                              gtk_print_settings_to_gvariant (settings));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      toast (self, error != NULL ? error->message : _("Could not print"));
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "print-settings");
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = build_summary (self, &error);

  if (doc == NULL)
    {
      toast (self, error->message);
      return;
    }

  if (g_variant_n_children (saved) > 0)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_gvariant (saved);
      gtk_print_operation_set_print_settings (operation, settings);
    }
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, trellis_document_get_title (doc));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print_cb), doc,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), doc);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), self);
  gtk_print_operation_set_allow_async (operation, TRUE);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

typedef struct
{
  TrellisHome  *home;
  TrellisChild *child;
  GListModel   *history;
  char         *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->home);
  g_clear_object (&job->child);
  g_clear_object (&job->history);
  g_free (job->path);
  g_free (job);
}

/* Pango font maps are per thread: the document is made and drawn in the worker. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(TrellisDocument) doc = trellis_child_summary_new (job->home, job->child,
                                                              job->history, today);
  GError *error = NULL;

  if (trellis_document_write_pdf (doc, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (job->path);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Saved “%s”"), basename);
  toast (self, message);
}

static void
export_to (TrellisWindow *self,
           const char    *path)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_export_done_cb, NULL);
  g_autoptr(GError) error = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->home = g_object_ref (self->home);
  job->child = trellis_child_copy (trellis_child_page_get_child (self->child_page));
  job->history = trellis_store_list_assignments (self->store, self->actor,
                                                 trellis_child_get_id (job->child), &error);
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  if (job->history == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        export_to (self, path);
    }
  g_object_unref (dialog);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autofree char *name = trellis_child_dup_display_name (trellis_child_page_get_child (self->child_page));
  /* Translators: the suggested file name when exporting, "Child summary – Amira Hassan.pdf" */
  g_autofree char *file_name = g_strdup_printf (_("Child summary – %s.pdf"), name);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Child Summary"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  /* in the person's documents, never beside the home's database (whatever folder the
   * chooser would otherwise remember) */
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) folder = g_file_new_for_path (documents != NULL &&
                                                   g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                     ? documents : g_get_home_dir ());

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- audit, accounts, preferences ---------------------------------------------------- */

static void
show_audit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisAuditWindow *audit = trellis_audit_window_new (GTK_WINDOW (self), self->store, self->actor);

  trellis_window_watch_activity (self, GTK_WIDGET (audit));
  gtk_window_present (GTK_WINDOW (audit));
}

static void
show_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisStaffWindow *staff = trellis_staff_window_new (GTK_WINDOW (self), self->store, self->actor);

  trellis_window_watch_activity (self, GTK_WIDGET (staff));
  gtk_window_present (GTK_WINDOW (staff));
}

static void
on_password_changed_cb (TrellisWindow *self)
{
  toast (self, _("Your password has been changed"));
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisPasswordDialog *dialog = trellis_password_dialog_new (GTK_WINDOW (self), self->store,
                                                               self->actor);

  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_password_changed_cb), self,
                           G_CONNECT_SWAPPED);
  trellis_window_watch_activity (self, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisPreferencesWindow *prefs;

  if (self->store == NULL)
    return;

  prefs = trellis_preferences_window_new (GTK_WINDOW (self), self->store, self->actor);
  trellis_window_watch_activity (self, GTK_WIDGET (prefs));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* ---- window ------------------------------------------------------------------------- */

/* The names of the people, other than @except, with unsaved editing kept aside, or NULL. */
static char *
dup_draft_owners (TrellisWindow *self,
                  TrellisStaff  *except)
{
  g_autoptr(GString) names = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, drafts;

  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, &drafts))
    if (((GPtrArray *) drafts)->len > 0 &&
        (except == NULL || *(gint64 *) key != trellis_staff_get_id (except)))
      {
        g_autoptr(TrellisStaff) owner = trellis_store_get_staff (self->store, *(gint64 *) key, NULL);
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, owner != NULL ? trellis_staff_get_display_name (owner) : "?");
      }
  return names->len > 0 ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

/* Closes every editor without unsaved typing; returns the signed-in person's first editor
 * that has some, if any. */
static TrellisChildEditor *
tidy_drafts (TrellisWindow *self)
{
  TrellisChildEditor *mine = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *drafts = value;
      gboolean own = self->actor != NULL && !trellis_window_is_locked (self) &&
                     *(gint64 *) key == trellis_staff_get_id (self->actor);

      for (guint i = drafts->len; i > 0; i--)
        {
          TrellisChildEditor *editor = g_ptr_array_index (drafts, i - 1);

          if (!trellis_child_editor_is_dirty (editor))
            gtk_window_close (GTK_WINDOW (editor));
          else if (own && mine == NULL)
            mine = editor;
        }
    }
  return mine;
}

/* Whether someone's unsaved typing stops the window closing (@quitting) or going to
 * another home; if so, it says what to do. */
static gboolean
typing_keeps_home_open (TrellisWindow *self,
                        gboolean       quitting)
{
  TrellisChildEditor *mine;
  g_autofree char *owners = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->drafts == NULL)
    return FALSE;

  /* the person at the PC answers for their own typing: their editor asks whether to
   * discard it */
  mine = tidy_drafts (self);
  if (mine != NULL)
    {
      gtk_window_present (GTK_WINDOW (mine));
      gtk_window_close (GTK_WINDOW (mine));
      return TRUE;
    }

  /* what someone else typed is theirs: they must sign in and save or discard it */
  owners = dup_draft_owners (self, self->locked ? NULL : self->actor);
  if (owners == NULL)
    return FALSE;

  if (quitting)
    body = g_strdup_printf (_("Unsaved changes by %s are still open. Sign in as them and save "
                              "or discard the changes, then close Trellis."), owners);
  else
    body = g_strdup_printf (_("Unsaved changes by %s are still open. Sign in as them and save "
                              "or discard the changes, then open the other home."), owners);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Changes"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Before this window goes to another home: nobody's typing may be lost, and a session left
 * behind the lock page ends (signed out, in the audit) instead of lingering unseen. */
static gboolean
may_leave_home (TrellisWindow *self)
{
  if (typing_keeps_home_open (self, FALSE))
    return FALSE;
  if (self->actor != NULL)
    trellis_window_sign_out (self);
  return TRUE;
}

static gboolean
trellis_window_close_request (GtkWindow *window)
{
  TrellisWindow *self = TRELLIS_WINDOW (window);
  int width, height;

  if (typing_keeps_home_open (self, TRUE))
    return TRUE;

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

  g_type_ensure (TRELLIS_TYPE_CHILD_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, list_empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, child_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sign_in_title);

  gtk_widget_class_install_action (widget_class, "win.show-create-home", NULL,
                                   show_create_home_action);
  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL, show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-home", NULL, open_home_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "win.edit-child", NULL, edit_child_action);
  gtk_widget_class_install_action (widget_class, "win.change-link-worker", NULL,
                                   change_link_worker_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.show-audit", NULL, show_audit_action);
  gtk_widget_class_install_action (widget_class, "win.show-staff", NULL, show_staff_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL,
                                   change_password_action);
}

static void
trellis_window_init (TrellisWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GAction) sort_action = NULL;
  g_autoptr(GAction) former_action = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->enabled = g_hash_table_new (g_str_hash, g_str_equal);

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  sort_action = g_settings_create_action (self->settings, "sort-order");
  former_action = g_settings_create_action (self->settings, "show-former");
  g_action_map_add_action (G_ACTION_MAP (self), sort_action);
  g_action_map_add_action (G_ACTION_MAP (self), former_action);
  g_signal_connect_object (self->settings, "changed::sort-order",
                           G_CALLBACK (apply_list_settings), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-former",
                           G_CALLBACK (apply_list_settings), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  trellis_a11y_name (GTK_WIDGET (self->list_view), _("Children"));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  }
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (self->sign_in_page, "signed-in", G_CALLBACK (on_signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  /* pages built or filled after the window was shown are named for screen readers too */
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (trellis_a11y_tidy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail_stack, "notify::visible-child",
                           G_CALLBACK (trellis_a11y_tidy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->create_home_page, "created", G_CALLBACK (on_home_created_cb),
                           self, G_CONNECT_SWAPPED);
  trellis_window_watch_activity (self, GTK_WIDGET (self));
  self->last_activity = g_get_monotonic_time ();
  self->idle_lock_minutes = TRELLIS_IDLE_LOCK_DEFAULT_MINUTES;
  self->idle_source = g_timeout_add_seconds (5, on_idle_check_cb, self);

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_actions (self);
}

TrellisWindow *
trellis_window_new (TrellisApplication *application)
{
  return g_object_new (TRELLIS_TYPE_WINDOW, "application", application, NULL);
}

/* ---- for the tests ------------------------------------------------------------------- */

const char *
trellis_window_get_visible_page (TrellisWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

TrellisChildPage *
trellis_window_get_child_page (TrellisWindow *self)
{
  return gtk_stack_get_visible_child_name (self->detail_stack) != NULL &&
         g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack), "child")
           ? self->child_page : NULL;
}

GListModel *
trellis_window_get_children (TrellisWindow *self)
{
  return G_LIST_MODEL (self->children);
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

void
trellis_window_set_search (TrellisWindow *self,
                           const char    *text)
{
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* search-changed is delayed for typing; a test wants the result now */
  on_search_changed_cb (self);
}

/* What Export as PDF does once a file is chosen. */
void
trellis_window_export_pdf (TrellisWindow *self,
                           const char    *path)
{
  g_return_if_fail (self->current_child_id > 0);
  export_to (self, path);
}

const char *
trellis_window_get_welcome_error (TrellisWindow *self)
{
  return trellis_welcome_page_get_error (self->welcome_page);
}

gboolean
trellis_window_create_home (TrellisWindow  *self,
                            const char     *path,
                            GError        **error)
{
  return trellis_create_home_page_create (self->create_home_page, path, error);
}

void
trellis_window_set_create_fields (TrellisWindow *self,
                                  const char    *home_name,
                                  const char    *admin_name,
                                  const char    *username,
                                  const char    *password,
                                  const char    *confirm)
{
  trellis_create_home_page_set_fields (self->create_home_page, home_name, admin_name, username,
                                       password, confirm);
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
