/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-editor.c: the form for a child's core details
 *
 * The editor works on a copy. Save checks everything first and marks each field that is
 * wrong, with the reasons at the top; nothing reaches the store until all is well, and the
 * store saves all or nothing. What was typed stays in the form until it is saved or the
 * person chooses to discard it.
 */
#define G_LOG_DOMAIN "trellis-child-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-child-editor.h"
#include "trellis-error-row.h"

struct _TrellisChildEditor
{
  AdwWindow           parent_instance;

  GtkLabel           *error_label;
  GtkRevealer        *error_revealer;
  AdwComboRow        *legal_status_row;
  GHashTable         *entries;         /* field -> AdwEntryRow */
  GHashTable         *initial;         /* field -> the text first shown */
  TrellisLegalStatus  initial_status;

  TrellisStore       *store;
  TrellisStaff       *actor;
  TrellisChild       *child;           /* the copy being edited */
  gboolean            is_new;
  gboolean            closing;
  gboolean            finished;
  gboolean            saving;          /* a save is on the store's worker */
  gboolean            same_confirmed;  /* adding a child like one already here, knowingly */
  GCancellable       *cancellable;     /* that save's: the editor stops waiting when it goes */
};

G_DEFINE_FINAL_TYPE (TrellisChildEditor, trellis_child_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TrellisLegalStatus legal_statuses[] = {
  TRELLIS_LEGAL_STATUS_UNKNOWN, TRELLIS_LEGAL_STATUS_CARE_ORDER,
  TRELLIS_LEGAL_STATUS_INTERIM_CARE_ORDER, TRELLIS_LEGAL_STATUS_ACCOMMODATED,
  TRELLIS_LEGAL_STATUS_PLACEMENT_ORDER, TRELLIS_LEGAL_STATUS_REMAND, TRELLIS_LEGAL_STATUS_OTHER,
};

static const char * const date_fields[] = { "date-of-birth", "admission-date", "leaving-date" };

/* The form's text fields: each is the id of its row in the template. */
static const char * const text_fields[] = {
  "given-name", "family-name", "preferred-name", "date-of-birth", "gender", "first-language",
  "religion", "allergies", "medication", "placing-authority", "admission-date", "leaving-date",
};

static gboolean
is_dirty (TrellisChildEditor *self)
{
  GHashTableIter iter;
  gpointer field, row;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &field, &row))
    if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)),
                   g_hash_table_lookup (self->initial, field)) != 0)
      return TRUE;

  return legal_statuses[adw_combo_row_get_selected (self->legal_status_row)]
         != self->initial_status;
}

/* Save is on offer only once something has changed: an unchanged form has nothing to save. */
static void
update_save_enabled (TrellisChildEditor *self)
{
  if (self->legal_status_row == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 !self->saving && is_dirty (self));
}

static void
show_errors (TrellisChildEditor *self,
             GPtrArray          *problems,
             const char         *store_error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer row;
  GtkWidget *first = NULL;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    trellis_mark_field (row, NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      TrellisProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *field_row = g_hash_table_lookup (self->entries, problem->field);

      if (field_row != NULL)
        {
          trellis_mark_field (field_row, problem->message);
          if (first == NULL)
            first = field_row;
        }
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
    }
  if (store_error != NULL)
    g_string_append (text, store_error);

  gtk_label_set_text (self->error_label, text->str);
  gtk_revealer_set_reveal_child (self->error_revealer, text->len > 0);
  /* the keyboard and a screen reader go where the problem is: the first field in error, or
   * the message itself when no field is to blame */
  if (first != NULL)
    gtk_widget_grab_focus (first);
  else if (text->len > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
      gtk_label_select_region (self->error_label, 0, 0);
    }
}

/* Copies the form into the child; date fields that cannot be read become problems. */
static GPtrArray *
read_form (TrellisChildEditor *self)
{
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GPtrArray) parse_problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_problem_free);
  GPtrArray *problems;
  GDateTime *dates[G_N_ELEMENTS (date_fields)] = { NULL };

  trellis_child_set_given_name (self->child, trellis_child_editor_get_text (self, "given-name"));
  trellis_child_set_family_name (self->child, trellis_child_editor_get_text (self, "family-name"));
  trellis_child_set_preferred_name (self->child,
                                    trellis_child_editor_get_text (self, "preferred-name"));
  trellis_child_set_gender (self->child, trellis_child_editor_get_text (self, "gender"));
  trellis_child_set_first_language (self->child,
                                    trellis_child_editor_get_text (self, "first-language"));
  trellis_child_set_religion (self->child, trellis_child_editor_get_text (self, "religion"));
  trellis_child_set_allergies (self->child, trellis_child_editor_get_text (self, "allergies"));
  trellis_child_set_medication (self->child, trellis_child_editor_get_text (self, "medication"));
  trellis_child_set_placing_authority (self->child,
                                       trellis_child_editor_get_text (self, "placing-authority"));
  trellis_child_set_legal_status (self->child,
                                  legal_statuses[adw_combo_row_get_selected (self->legal_status_row)]);

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (trellis_child_editor_get_text (self,
                                                                                  date_fields[i])));
      g_autoptr(GError) error = NULL;

      if (*text == '\0')
        continue;
      dates[i] = trellis_date_parse (text, &error);
      if (dates[i] == NULL)
        g_ptr_array_add (parse_problems, trellis_problem_new (date_fields[i], error->message));
    }

  trellis_child_set_date_of_birth (self->child, dates[0]);
  trellis_child_set_admission_date (self->child, dates[1]);
  trellis_child_set_leaving_date (self->child, dates[2]);

  problems = trellis_child_check (self->child, today);
  /* a date that could not be read says so, rather than "enter the date" */
  for (guint i = 0; i < parse_problems->len; i++)
    {
      TrellisProblem *p = g_ptr_array_index (parse_problems, i);
      for (guint j = problems->len; j > 0; j--)
        if (g_str_equal (((TrellisProblem *) g_ptr_array_index (problems, j - 1))->field, p->field))
          g_ptr_array_remove_index (problems, j - 1);
      g_ptr_array_add (problems, trellis_problem_new (p->field, p->message));
    }

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_clear_pointer (&dates[i], g_date_time_unref);

  return problems;
}

/* The form checked: FALSE, with the reasons shown, when it cannot be saved as it is. */
static gboolean
check_form (TrellisChildEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (!is_dirty (self))
    return FALSE;

  problems = read_form (self);
  if (problems->len > 0)
    {
      show_errors (self, problems, NULL);
      return FALSE;
    }
  return TRUE;
}

/* After the store answered: closed when saved; otherwise the form, as typed, says why. */
static gboolean
finish_save (TrellisChildEditor *self,
             gboolean            saved,
             const GError       *error)
{
  if (!saved)
    {
      /* without an error: the question about the same child is being asked */
      if (error != NULL)
        show_errors (self, NULL, error->message);
      return FALSE;
    }

  show_errors (self, NULL, NULL);
  g_signal_emit (self, signals[SAVED], 0, trellis_child_get_id (self->child));
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_same_answered_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     TrellisChildEditor *self)
{
  if (!g_str_equal (response, "add"))
    return;   /* the editor stays, with what was typed */
  self->same_confirmed = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* A child with the same names and date of birth is here already: adding this one is asked
 * first, never done silently. */
static void
ask_about_same_child (TrellisChildEditor *self,
                      gint64              same_id)
{
  g_autofree char *name = trellis_child_dup_display_name (self->child);
  g_autofree char *born = trellis_date_format (trellis_child_get_date_of_birth (self->child));
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, same_id);
  g_autofree char *body = g_strdup_printf (_("%s, born on %s, is already in the home (child "
                                             "number %s). Add this child too only if they are "
                                             "someone else; otherwise cancel, and find them in "
                                             "the list."), name, born, number);
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                _("Add Another Child With These Details?"),
                                                body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add",
                                    _("_Add Another Child"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_same_answered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * trellis_child_editor_save:
 *
 * Checks and saves the form, waiting for the store: for the tests. Save (the button,
 * Ctrl+S) saves on the store's worker instead. Returns: %TRUE when saved; otherwise the
 * form shows why. An unchanged form saves nothing and says nothing: Save is not on offer
 * then.
 */
gboolean
trellis_child_editor_save (TrellisChildEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_return_val_if_fail (TRELLIS_IS_CHILD_EDITOR (self), FALSE);

  if (self->saving || !check_form (self))
    return FALSE;

  if (self->is_new && !self->same_confirmed)
    {
      gint64 same = trellis_store_find_same_child (self->store, self->actor, self->child, &error);

      if (same != 0)
        {
          if (same > 0)
            ask_about_same_child (self, same);
          return finish_save (self, FALSE, error);
        }
    }
  if (self->is_new)
    saved = trellis_store_add_child (self->store, self->actor, self->child, &error) != 0;
  else
    saved = trellis_store_update_child (self->store, self->actor, self->child, &error);
  return finish_save (self, saved, error);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TrellisChildEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  saved = g_async_result_is_tagged (result, trellis_store_add_child_async)
            ? trellis_store_add_child_finish (TRELLIS_STORE (source), result, &error) != 0
            : trellis_store_update_child_finish (TRELLIS_STORE (source), result, &error);
  /* the editor has gone: the save, once started, was finished all the same */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;
  update_save_enabled (self);
  finish_save (self, saved, error);
}

static void
on_same_found_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TrellisChildEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 same = trellis_store_find_same_child_finish (TRELLIS_STORE (source), result, &error);


  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (same == 0)
    {
      trellis_store_add_child_async (self->store, self->actor, self->child, self->cancellable,
                                     on_saved_cb, self);
      return;
    }
  self->saving = FALSE;
  update_save_enabled (self);
  if (same > 0)
    ask_about_same_child (self, same);
  else
    finish_save (self, FALSE, error);
}


/* Save from the button or Ctrl+S: the store writes (and fsyncs) on its worker while the
 * window keeps drawing; Save is not on offer meanwhile, and what was typed stays. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisChildEditor *self = TRELLIS_CHILD_EDITOR (widget);

  if (self->saving || !check_form (self))
    return;

  self->saving = TRUE;
  update_save_enabled (self);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->is_new && !self->same_confirmed)
    trellis_store_find_same_child_async (self->store, self->actor, self->child,
                                         self->cancellable, on_same_found_cb, self);
  else if (self->is_new)
    trellis_store_add_child_async (self->store, self->actor, self->child, self->cancellable,
                                   on_saved_cb, self);
  else
    trellis_store_update_child_async (self->store, self->actor, self->child, self->cancellable,
                                      on_saved_cb, self);
}

static void
on_discard_response_cb (AdwMessageDialog   *dialog,
                        const char         *response,
                        TrellisChildEditor *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Says, once, that the editor is going for good: whoever keeps it (the window's drafts)
 * lets it go on this alone. A second close, or the destruction that follows, says nothing. */
static void
finish (TrellisChildEditor *self)
{
  if (self->finished)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0);
}

static gboolean
trellis_child_editor_close_request (GtkWindow *window)
{
  TrellisChildEditor *self = TRELLIS_CHILD_EDITOR (window);
  GtkWidget *dialog;

  if (self->closing || !is_dirty (self))
    {
      /* saved, discarded or never changed: nobody needs this editor kept any more */
      finish (self);
      return GTK_WINDOW_CLASS (trellis_child_editor_parent_class)->close_request (window);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("What you typed in this form has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
trellis_child_editor_dispose (GObject *object)
{
  TrellisChildEditor *self = (TrellisChildEditor *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_CHILD_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->child);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->initial, g_hash_table_unref);

  G_OBJECT_CLASS (trellis_child_editor_parent_class)->dispose (object);
}

static void
trellis_child_editor_class_init (TrellisChildEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_child_editor_dispose;
  window_class->close_request = trellis_child_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * TrellisChildEditor::finished:
   *
   * The editor closes for good: saved, discarded, or closed with nothing typed. Emitted
   * once, and only then: an editor its owner destroys outright (a home that closes) does
   * not finish, its owner already knows.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-child-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisChildEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildEditor, legal_status_row);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, text_fields[i], FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, update_save_enabled);
}

static void
trellis_child_editor_init (TrellisChildEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->initial = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_hash_table_insert (self->entries, (gpointer) text_fields[i],
                         gtk_widget_get_template_child (GTK_WIDGET (self),
                                                        TRELLIS_TYPE_CHILD_EDITOR,
                                                        text_fields[i]));
  for (guint i = 0; i < G_N_ELEMENTS (legal_statuses); i++)
    gtk_string_list_append (statuses, trellis_legal_status_to_label (legal_statuses[i]));
  adw_combo_row_set_model (self->legal_status_row, G_LIST_MODEL (statuses));
}

static void
fill_form (TrellisChildEditor *self)
{
  struct { const char *field; const char *text; } strings[] = {
    { "given-name", trellis_child_get_given_name (self->child) },
    { "family-name", trellis_child_get_family_name (self->child) },
    { "preferred-name", trellis_child_get_preferred_name (self->child) },
    { "gender", trellis_child_get_gender (self->child) },
    { "first-language", trellis_child_get_first_language (self->child) },
    { "religion", trellis_child_get_religion (self->child) },
    { "allergies", trellis_child_get_allergies (self->child) },
    { "medication", trellis_child_get_medication (self->child) },
    { "placing-authority", trellis_child_get_placing_authority (self->child) },
  };
  GDateTime *dates[] = {
    trellis_child_get_date_of_birth (self->child),
    trellis_child_get_admission_date (self->child),
    trellis_child_get_leaving_date (self->child),
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      trellis_child_editor_set_text (self, strings[i].field, strings[i].text);
      g_hash_table_insert (self->initial, (gpointer) strings[i].field, g_strdup (strings[i].text));
    }
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      g_autofree char *text = trellis_date_format (dates[i]);
      trellis_child_editor_set_text (self, date_fields[i], text != NULL ? text : "");
      g_hash_table_insert (self->initial, (gpointer) date_fields[i],
                           g_strdup (text != NULL ? text : ""));
    }
  self->initial_status = trellis_child_get_legal_status (self->child);
  for (guint i = 0; i < G_N_ELEMENTS (legal_statuses); i++)
    if (legal_statuses[i] == self->initial_status)
      adw_combo_row_set_selected (self->legal_status_row, i);
  update_save_enabled (self);
}

/* Opens no larger than the screen or the window it belongs to: on a phone-sized screen the
 * form fits and scrolls, rather than hanging over the edge. */
static void
set_default_size (TrellisChildEditor *self,
                  GtkWindow          *parent)
{
  int width = 560;
  int height = 720;

  if (parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent)))
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
      GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                                surface);
      GdkRectangle area;

      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &area);
          width = MIN (width, area.width);
          height = MIN (height, area.height);
        }
      if (gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
        width = MIN (width, gtk_widget_get_width (GTK_WIDGET (parent)));
      if (gtk_widget_get_height (GTK_WIDGET (parent)) > 0)
        height = MIN (height, gtk_widget_get_height (GTK_WIDGET (parent)));
    }
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
}

/**
 * trellis_child_editor_new:
 * @child: (nullable): the child to edit, or %NULL to add a new one
 */
TrellisChildEditor *
trellis_child_editor_new (GtkWindow    *parent,
                          TrellisContext *context,
                          TrellisChild *child)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  TrellisChildEditor *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  self = g_object_new (TRELLIS_TYPE_CHILD_EDITOR,
                       "transient-for", parent,
                       "title", child != NULL ? _("Edit Child") : _("Add a Child"),
                       NULL);
  self->store = g_object_ref (store);
  self->actor = actor != NULL ? g_object_ref (actor) : NULL;
  self->is_new = child == NULL;
  self->child = child != NULL ? trellis_child_copy (child) : trellis_child_new ();
  set_default_size (self, parent);
  fill_form (self);
  /* typing starts in the first field, not on Cancel */
  gtk_window_set_focus (GTK_WINDOW (self), g_hash_table_lookup (self->entries, text_fields[0]));

  return self;
}

void
trellis_child_editor_set_text (TrellisChildEditor *self,
                               const char         *field,
                               const char         *text)
{
  GtkEditable *row;

  g_return_if_fail (TRELLIS_IS_CHILD_EDITOR (self));

  row = g_hash_table_lookup (self->entries, field);
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (row, text != NULL ? text : "");
}

const char *
trellis_child_editor_get_text (TrellisChildEditor *self,
                               const char         *field)
{
  GtkEditable *row;

  g_return_val_if_fail (TRELLIS_IS_CHILD_EDITOR (self), NULL);

  row = g_hash_table_lookup (self->entries, field);
  g_return_val_if_fail (row != NULL, NULL);
  return gtk_editable_get_text (row);
}

const char *
trellis_child_editor_get_error_text (TrellisChildEditor *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_EDITOR (self), NULL);
  return gtk_revealer_get_reveal_child (self->error_revealer)
           ? gtk_label_get_text (self->error_label) : NULL;
}

gboolean
trellis_child_editor_field_has_error (TrellisChildEditor *self,
                                      const char         *field)
{
  GtkWidget *row;

  g_return_val_if_fail (TRELLIS_IS_CHILD_EDITOR (self), FALSE);

  row = g_hash_table_lookup (self->entries, field);
  return row != NULL && gtk_widget_has_css_class (row, "error");
}

/* Whether the form holds typing that is not saved. */
gboolean
trellis_child_editor_is_dirty (TrellisChildEditor *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_EDITOR (self), FALSE);
  return !self->closing && is_dirty (self);
}
