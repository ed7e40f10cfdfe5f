/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal-dialog.c: adding a goal for a child, or rating progress towards one
 *
 * Adding: what the goal is about (social, emotional, academic, health, independence), what
 * it is, where the child is now and the target, on the 1–10 scale, and the day it is
 * reviewed (three months on to start with). Rating: the goal is named, with its last
 * rating, and the new rating and its day (today's to start with) are asked. A number or a
 * date that does not read is said under its field; the store then keeps the goal or the
 * rating (on its worker) or refuses, and a refusal keeps the dialog and what was typed.
 */
#define G_LOG_DOMAIN "trellis-goal-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-dialog-form.h"
#include "trellis-goal-dialog.h"

struct _TrellisGoalDialog
{
  AdwMessageDialog  parent_instance;

  AdwPreferencesGroup *form;
  AdwComboRow      *domain_row;     /* adding only */
  GtkEditable      *what_row;       /* adding only */
  GtkEditable      *baseline_row;   /* adding only */
  TrellisErrorRow  *baseline_error;
  GtkEditable      *number_row;     /* the target, or the rating */
  TrellisErrorRow  *number_error;
  GtkEditable      *date_row;       /* the review date, or the rating's */
  TrellisErrorRow  *date_error;
  GtkLabel         *error_label;

  TrellisContext   *context;
  gint64            child_id;
  gint64            goal_id;        /* rating goal @goal_id; 0 adding one */
};

G_DEFINE_FINAL_TYPE (TrellisGoalDialog, trellis_goal_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A rating typed in @field: 1–10, or 0 with the problem said under it */
static guint
read_rating (GtkEditable     *field,
             TrellisErrorRow *error_row)
{
  const char *text = gtk_editable_get_text (field);
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;
  guint64 value = g_ascii_strtoull (trimmed, &end, 10);

  if (*trimmed == '\0' || end == NULL || *end != '\0' || value < TRELLIS_GOAL_RATING_MIN ||
      value > TRELLIS_GOAL_RATING_MAX)
    {
      g_autofree char *message = g_strdup_printf (_("Enter a number from %d to %d"),
                                                  TRELLIS_GOAL_RATING_MIN,
                                                  TRELLIS_GOAL_RATING_MAX);

      trellis_error_row_set_message (error_row, message);
      gtk_widget_grab_focus (GTK_WIDGET (field));
      return 0;
    }
  trellis_error_row_set_message (error_row, NULL);
  return value;
}

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrellisGoalDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_goal_change_finish (TRELLIS_STORE (source), result, &error);

  if (self->context == NULL)
    return;   /* closed meanwhile */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", TRUE);
  if (id == 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      /* a date's own problems go under the date, a number's under the number */
      if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID) &&
          (strstr (error->message, _("once it has happened")) != NULL ||
           strstr (error->message, _("was born")) != NULL ||
           strstr (error->message, _("has passed")) != NULL))
        {
          trellis_error_row_set_message (self->date_error, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
        }
      else if (g_error_matches (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID) &&
               strstr (error->message, _("baseline")) != NULL && self->goal_id == 0)
        {
          trellis_error_row_set_message (self->number_error, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
        }
      else
        trellis_dialog_form_show_error (self->error_label, error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0);
  trellis_dialog_form_close (GTK_WINDOW (self));
}

static void
on_response_cb (TrellisGoalDialog *self,
                const char        *response)
{
  TrellisStore *store = trellis_context_get_store (self->context);
  TrellisStaff *actor = trellis_context_get_actor (self->context);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;
  guint baseline = 0, number;

  if (!g_str_equal (response, "record"))
    {
      trellis_dialog_form_close (GTK_WINDOW (self));
      return;
    }

  /* keep the dialog, and what was typed, whatever happens next */
  gtk_window_present (GTK_WINDOW (self));
  trellis_dialog_form_show_error (self->error_label, NULL);
  day = trellis_date_parse (gtk_editable_get_text (self->date_row), &error);
  trellis_error_row_set_message (self->date_error, day == NULL ? error->message : NULL);
  if (day == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  number = read_rating (self->number_row, self->number_error);
  if (self->goal_id == 0)
    baseline = read_rating (self->baseline_row, self->baseline_error);
  if (day == NULL || number == 0 || (self->goal_id == 0 && baseline == 0))
    return;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", FALSE);
  if (self->goal_id != 0)
    trellis_store_rate_goal_async (store, actor, self->goal_id, number, day, NULL,
                                   on_recorded_cb, g_object_ref (self));
  else
    trellis_store_add_goal_async (store, actor, self->child_id,
                                  adw_combo_row_get_selected (self->domain_row),
                                  gtk_editable_get_text (self->what_row), baseline, number, day,
                                  NULL, on_recorded_cb, g_object_ref (self));
}

static void
trellis_goal_dialog_dispose (GObject *object)
{
  TrellisGoalDialog *self = TRELLIS_GOAL_DIALOG (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (trellis_goal_dialog_parent_class)->dispose (object);
}

static void
trellis_goal_dialog_class_init (TrellisGoalDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_goal_dialog_dispose;

  /**
   * TrellisGoalDialog::recorded:
   *
   * The store has kept the goal or the rating; the dialog is about to go.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trellis_goal_dialog_init (TrellisGoalDialog *self)
{
  self->form = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->error_label = trellis_dialog_form_init (ADW_MESSAGE_DIALOG (self),
                                                GTK_WIDGET (self->form));
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
}

static TrellisGoalDialog *
dialog_new (GtkWindow      *parent,
            TrellisContext *context,
            TrellisChild   *child,
            const char     *heading)
{
  TrellisGoalDialog *self = g_object_new (TRELLIS_TYPE_GOAL_DIALOG, "transient-for", parent,
                                          "heading", heading, NULL);

  self->context = g_object_ref (context);
  self->child_id = trellis_child_get_id (child);
  return self;
}

static void
set_date (GtkEditable *field,
          GDateTime   *day)
{
  g_autofree char *typed = g_date_time_format (day, "%d/%m/%Y");

  gtk_editable_set_text (field, typed);
}

/**
 * trellis_goal_dialog_new_add:
 *
 * The dialog to add a goal for @child, as @context's person.
 */
TrellisGoalDialog *
trellis_goal_dialog_new_add (GtkWindow      *parent,
                             TrellisContext *context,
                             TrellisChild   *child)
{
  TrellisGoalDialog *self;
  g_autoptr(GtkStringList) domains = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) review = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  self = dialog_new (parent, context, child, _("Add Goal"));
  name = trellis_child_dup_display_name (child);
  body = g_strdup_printf (_("A goal agreed with %s. Ratings go from 1, not yet started, to 10, "
                            "fully there."), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  for (int d = TRELLIS_GOAL_DOMAIN_SOCIAL; d <= TRELLIS_GOAL_DOMAIN_INDEPENDENCE; d++)
    gtk_string_list_append (domains, trellis_goal_domain_to_label (d));
  self->domain_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->domain_row), _("About"));
  adw_combo_row_set_model (self->domain_row, G_LIST_MODEL (domains));
  adw_preferences_group_add (self->form, GTK_WIDGET (self->domain_row));
  self->what_row = trellis_dialog_form_add_field (self->form, _("Goal"), NULL);
  self->baseline_row = trellis_dialog_form_add_field (self->form, _("Now, from 1 to 10"),
                                                      &self->baseline_error);
  self->number_row = trellis_dialog_form_add_field (self->form, _("Target, from 1 to 10"),
                                                    &self->number_error);
  self->date_row = trellis_dialog_form_add_field (self->form,
                                                  _("Review on (for example 20/02/2027)"),
                                                  &self->date_error);

  today = trellis_context_dup_today (context);
  review = trellis_goal_default_review (today);
  set_date (self->date_row, review);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->domain_row));
  return self;
}

/**
 * trellis_goal_dialog_new_rate:
 *
 * The dialog to rate @child's progress towards @goal today, as @context's person.
 */
TrellisGoalDialog *
trellis_goal_dialog_new_rate (GtkWindow      *parent,
                              TrellisContext *context,
                              TrellisChild   *child,
                              TrellisGoal    *goal)
{
  TrellisGoalDialog *self;
  GListModel *ratings;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);
  g_return_val_if_fail (TRELLIS_IS_GOAL (goal), NULL);

  self = dialog_new (parent, context, child, _("Rate Progress"));
  self->goal_id = trellis_goal_get_id (goal);
  ratings = trellis_goal_get_ratings (goal);
  n = g_list_model_get_n_items (ratings);
  /* Translators: the goal, then "Target 8 · last rated 5 on 3 November 2026" */
  g_string_append_printf (body, "“%s”\n", trellis_goal_get_what (goal));
  if (n > 0)
    {
      g_autoptr(TrellisGoalRating) last = g_list_model_get_item (ratings, n - 1);
      g_autofree char *when = trellis_date_format (trellis_goal_rating_get_rated_on (last));

      g_string_append_printf (body, _("Target %u · last rated %u on %s"),
                              trellis_goal_get_target (goal),
                              trellis_goal_rating_get_rating (last), when);
    }
  else
    g_string_append_printf (body, _("Target %u · from %u when it was set"),
                            trellis_goal_get_target (goal), trellis_goal_get_baseline (goal));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body->str);

  self->number_row = trellis_dialog_form_add_field (self->form, _("Rating, from 1 to 10"),
                                                    &self->number_error);
  self->date_row = trellis_dialog_form_add_field (self->form, _("Date (for example 20/11/2026)"),
                                                  &self->date_error);
  today = trellis_context_dup_today (context);
  set_date (self->date_row, today);
  /* into the row's text, where typing goes */
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
  return self;
}
