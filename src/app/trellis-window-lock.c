/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window-lock.c: the shared PC — lock, sign-out, time left alone, unsaved editors
 *
 * An office PC is used by many people in a shift. When someone steps away (Ctrl+L, or the
 * home's idle time passes) nothing about the children stays on screen; an editor holding
 * their typing is hidden, not closed, until they sign in again, and nobody else's actions
 * (quitting, going to another home) may throw it away. Every window that belongs to this one
 * counts as use of the PC: dialogs are watched as they appear, so none can forget.
 */
#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-window-private.h"

static gboolean on_idle_check_cb (gpointer data);

GPtrArray *
trellis_window_drafts_of (TrellisWindow *self,
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
void
trellis_window_show_drafts (TrellisWindow *self,
                            TrellisStaff  *staff)
{
  GPtrArray *drafts = trellis_window_drafts_of (self, staff);

  for (guint i = 0; i < drafts->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (drafts, i), TRUE);
}

/* When the person steps away: an editor holding unsaved typing is hidden, out of sight of
 * whoever uses the PC next, until they return; any other editor simply closes. */
static void
put_drafts_away (TrellisWindow *self,
                 TrellisStaff  *staff)
{
  GPtrArray *drafts = trellis_window_drafts_of (self, staff);

  for (guint i = drafts->len; i > 0; i--)
    {
      TrellisChildEditor *editor = g_ptr_array_index (drafts, i - 1);

      if (trellis_child_editor_is_dirty (editor))
        gtk_widget_set_visible (GTK_WIDGET (editor), FALSE);
      else
        gtk_window_close (GTK_WINDOW (editor));   /* finishes, and leaves the drafts */
    }
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
void
trellis_window_close_other_windows (TrellisWindow *self)
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
  trellis_window_close_other_windows (self);
  if (self->last_toast != NULL)
    adw_toast_dismiss (self->last_toast);
  trellis_sign_in_page_lock (self->sign_in_page, self->context, self->actor);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  trellis_window_update_actions (self);
  /* nobody else here signed in: an encrypted home's key leaves memory until a password
   * brings it back */
  trellis_store_lock_session (self->store, self->actor);
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

static void
sign_out (TrellisWindow *self,
          gboolean       back_up)
{
  if (self->actor != NULL)
    {
      put_drafts_away (self, self->actor);
      trellis_window_close_other_windows (self);
      trellis_window_sign_out_of_store (self, self->actor, back_up);
    }
  trellis_window_end_session (self);
  trellis_sign_in_page_choose (self->sign_in_page, self->context);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
}

/**
 * trellis_window_sign_out:
 *
 * Ends the session: the sign-in page shows at once, and the home is backed up into its
 * folder on the way out (see trellis-window-backups.c).
 */
void
trellis_window_sign_out (TrellisWindow *self)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  sign_out (self, TRUE);
}

/* Signing everyone out for a restore: the home is about to be put back as the backup
 * has it, so it is not backed up on the way. */
void
trellis_window_sign_out_for_restore (TrellisWindow *self)
{
  sign_out (self, FALSE);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  trellis_window_sign_out (TRELLIS_WINDOW (widget));
}

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

/* The controllers are named, so a test can tell a watched window from one that is not. */
static void
watch_activity (TrellisWindow *self,
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
  gtk_event_controller_set_name (keys, "trellis-activity");
  gtk_event_controller_set_name (motion, "trellis-activity");
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "trellis-activity");
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
void
trellis_window_read_idle_lock (TrellisWindow *self)
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
gboolean
trellis_window_typing_keeps_home_open (TrellisWindow *self,
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
gboolean
trellis_window_may_leave_home (TrellisWindow *self)
{
  if (trellis_window_typing_keeps_home_open (self, FALSE))
    return FALSE;
  if (self->actor != NULL)
    trellis_window_sign_out (self);
  return TRUE;
}

/* Watches @window once for use of the PC, if it belongs to this window (directly or through
 * another dialog): a dialog opened anywhere keeps the PC unlocked while someone types in it. */
static void
watch_if_ours (TrellisWindow *self,
               GtkWindow     *window)
{
  static GQuark watched;

  if (watched == 0)
    watched = g_quark_from_static_string ("trellis-watched-for-activity");
  if (g_object_get_qdata (G_OBJECT (window), watched) != NULL)
    return;

  for (GtkWindow *up = window; up != NULL; up = gtk_window_get_transient_for (up))
    if (up == GTK_WINDOW (self))
      {
        g_object_set_qdata (G_OBJECT (window), watched, GINT_TO_POINTER (TRUE));
        watch_activity (self, GTK_WIDGET (window));
        return;
      }
}

/* A dialog is usually told whose it is just after it joins the toplevels. */
static void
on_transient_for_cb (TrellisWindow *self,
                     GParamSpec    *pspec,
                     GtkWindow     *window)
{
  watch_if_ours (self, window);
}

static void
on_toplevels_changed_cb (GListModel    *toplevels,
                         guint          position,
                         guint          removed,
                         guint          added,
                         TrellisWindow *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      watch_if_ours (self, window);
      g_signal_connect_object (window, "notify::transient-for", G_CALLBACK (on_transient_for_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

void
trellis_window_init_lock (TrellisWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  self->last_activity = g_get_monotonic_time ();
  self->idle_lock_minutes = TRELLIS_IDLE_LOCK_DEFAULT_MINUTES;
  self->idle_source = g_timeout_add_seconds (5, on_idle_check_cb, self);
  watch_if_ours (self, GTK_WINDOW (self));
  g_signal_connect_object (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed_cb),
                           self, 0);
}

void
trellis_window_class_init_lock (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
}
