/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-preferences-window.c: the home's settings
 *
 * How soon the shared PC locks itself is a setting of the home, kept in its database: a
 * Manager or an Administrator changes it (the store checks and audits), everyone else sees
 * it with a line saying who can change it. A change made anywhere, here, in another window
 * or with trellisctl, shows at once.
 */
#define G_LOG_DOMAIN "trellis-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-backups-group.h"
#include "trellis-preferences-window.h"

struct _TrellisPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow         *lock_choice_row;  /* shown when the person may change it */
  AdwActionRow        *lock_value_row;   /* shown when they may not */
  GtkLabel            *lock_value;
  AdwActionRow        *lock_row;         /* whichever of the two shows */
  TrellisBackupsGroup *backups_group;

  TrellisStore        *store;
  TrellisStaff        *actor;
  GtkStringList       *labels;
  GArray              *choices;       /* guint minutes, in the order of labels */
  guint                minutes;       /* what the home has now */
  gboolean             can_change;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (TrellisPreferencesWindow, trellis_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static const guint usual_choices[] = { 1, 2, 3, 5, 10, 15, 20, 30, 45, 60 };

static char *
minutes_label (guint minutes)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                          minutes);
}

/* Shows the home's value; the list of choices always holds it, even one set with
 * trellisctl that is not among the usual ones. */
static void
show_idle_lock (TrellisPreferencesWindow *self)
{
  g_autofree char *label = minutes_label (self->minutes);
  guint selected = 0;

  if (!self->can_change)
    {
      gtk_label_set_text (self->lock_value, label);
      return;
    }

  self->updating = TRUE;
  for (selected = 0; selected < self->choices->len; selected++)
    if (g_array_index (self->choices, guint, selected) == self->minutes)
      break;

  if (selected == self->choices->len)
    {
      g_array_set_size (self->choices, 0);
      for (guint i = 0; i < G_N_ELEMENTS (usual_choices); i++)
        {
          if (self->minutes > (i > 0 ? usual_choices[i - 1] : 0) &&
              self->minutes < usual_choices[i])
            g_array_append_val (self->choices, self->minutes);
          g_array_append_val (self->choices, usual_choices[i]);
        }

      gtk_string_list_splice (self->labels, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->labels)), NULL);
      for (guint i = 0; i < self->choices->len; i++)
        {
          guint value = g_array_index (self->choices, guint, i);
          g_autofree char *text = minutes_label (value);

          gtk_string_list_append (self->labels, text);
          if (value == self->minutes)
            selected = i;
        }
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->lock_row), selected);
  self->updating = FALSE;
}

static void
read_idle_lock (TrellisPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->minutes = trellis_store_get_idle_lock_minutes (self->store, &error);
  if (error != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  show_idle_lock (self);
}

static void
on_lock_selected_cb (TrellisPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  if (self->updating || self->store == NULL)
    return;
  selected = adw_combo_row_get_selected (self->lock_choice_row);
  if (selected >= self->choices->len)
    return;

  if (!trellis_preferences_window_set_idle_lock (self, g_array_index (self->choices, guint,
                                                                      selected), &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      show_idle_lock (self);
    }
}

/* The home's settings changed, here or in another window or program. */
static void
on_home_changed_cb (TrellisPreferencesWindow *self,
                    TrellisRecordKind         kind,
                    gint64                    id)
{
  read_idle_lock (self);
}

static void
trellis_preferences_window_dispose (GObject *object)
{
  TrellisPreferencesWindow *self = (TrellisPreferencesWindow *)object;

  /* the combo row, going, announces a selection: it is nobody's choice */
  self->updating = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (trellis_preferences_window_parent_class)->dispose (object);
}

static void
trellis_preferences_window_finalize (GObject *object)
{
  TrellisPreferencesWindow *self = (TrellisPreferencesWindow *)object;

  g_clear_object (&self->labels);
  g_clear_pointer (&self->choices, g_array_unref);

  G_OBJECT_CLASS (trellis_preferences_window_parent_class)->finalize (object);
}

static void
trellis_preferences_window_class_init (TrellisPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_preferences_window_dispose;
  object_class->finalize = trellis_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, lock_choice_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, lock_value_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, lock_value);
  gtk_widget_class_bind_template_child (widget_class, TrellisPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_callback (widget_class, on_lock_selected_cb);
}

static void
trellis_preferences_window_init (TrellisPreferencesWindow *self)
{
  self->labels = gtk_string_list_new (NULL);
  self->choices = g_array_new (FALSE, FALSE, sizeof (guint));

  g_type_ensure (TRELLIS_TYPE_BACKUPS_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->lock_choice_row, G_LIST_MODEL (self->labels));
}

/* Shows the row that suits what the person may do. */
static void
show_lock_row (TrellisPreferencesWindow *self)
{
  self->lock_row = self->can_change ? ADW_ACTION_ROW (self->lock_choice_row) : self->lock_value_row;
  gtk_widget_set_visible (GTK_WIDGET (self->lock_choice_row), self->can_change);
  gtk_widget_set_visible (GTK_WIDGET (self->lock_value_row), !self->can_change);
}

TrellisPreferencesWindow *
trellis_preferences_window_new (GtkWindow    *parent,
                                TrellisContext *context)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  TrellisPreferencesWindow *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  self = g_object_new (TRELLIS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "search-enabled", FALSE,
                       NULL);
  self->store = g_object_ref (store);
  self->actor = actor != NULL ? g_object_ref (actor) : NULL;
  self->can_change = trellis_permission_allows (actor, TRELLIS_ACTION_CHANGE_HOME_SETTINGS, 0);
  show_lock_row (self);
  read_idle_lock (self);
  if (actor != NULL)
    trellis_backups_group_set_context (self->backups_group, context);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->backups_group), FALSE);
  g_signal_connect_object (store, "changed::home", G_CALLBACK (on_home_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/* Whether the signed-in person may change the home's settings here. */
gboolean
trellis_preferences_window_can_change (TrellisPreferencesWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_PREFERENCES_WINDOW (self), FALSE);
  return self->can_change;
}

/* The lock time shown. */
guint
trellis_preferences_window_get_idle_lock (TrellisPreferencesWindow *self)
{
  guint selected;

  g_return_val_if_fail (TRELLIS_IS_PREFERENCES_WINDOW (self), 0);

  if (!self->can_change)
    return (guint) g_ascii_strtoull (gtk_label_get_text (self->lock_value), NULL, 10);
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->lock_row));
  return selected < self->choices->len ? g_array_index (self->choices, guint, selected) : 0;
}

/**
 * trellis_preferences_window_set_idle_lock:
 *
 * What choosing a lock time does: the store checks who is asking and the range, audits the
 * change, and every window of the home follows it.
 */
gboolean
trellis_preferences_window_set_idle_lock (TrellisPreferencesWindow  *self,
                                          guint                      minutes,
                                          GError                   **error)
{
  g_return_val_if_fail (TRELLIS_IS_PREFERENCES_WINDOW (self), FALSE);

  if (!trellis_store_set_idle_lock_minutes (self->store, self->actor, minutes, error))
    return FALSE;
  /* the store's ::changed has shown the new value already */
  return TRUE;
}

/* The line under the setting: who can change it, for those who cannot. */
const char *
trellis_preferences_window_get_note (TrellisPreferencesWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_PREFERENCES_WINDOW (self), NULL);
  return self->can_change ? NULL : adw_action_row_get_subtitle (self->lock_row);
}
