/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goals-section.c: a child's goals, each with a chart of its progress
 *
 * One row per goal: what it is, its domain, baseline and target, the review date (with
 * "Review due" or "Review overdue" beside it, an icon and words), a small chart of the
 * ratings so far (trellis-goal-chart.c) and "Rate progress…" (child.rate-goal with the
 * goal's id). "Add goal…" (child.add-goal) in the header. Both show to those who may write:
 * the child's Link Worker and Managers.
 */
#define G_LOG_DOMAIN "trellis-goals-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-goal-chart.h"
#include "trellis-goals-section.h"

struct _TrellisGoalsSection
{
  TrellisChildSection  parent_instance;

  GtkWidget           *add;
  GtkWidget           *empty;     /* "No goals yet" */
  GPtrArray           *rows;      /* the goals' rows, each with "goal" and "chart" data */
  GListModel          *goals;
  char                *count;     /* for get_value() */
};

G_DEFINE_FINAL_TYPE (TrellisGoalsSection, trellis_goals_section, TRELLIS_TYPE_CHILD_SECTION)

static void
remove_rows (TrellisGoalsSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
trellis_goals_section_clear (TrellisChildSection *section)
{
  TrellisGoalsSection *self = TRELLIS_GOALS_SECTION (section);

  remove_rows (self);
  g_clear_object (&self->goals);
  gtk_widget_set_visible (self->empty, FALSE);
}

static void
trellis_goals_section_read_async (TrellisChildSection *section,
                                  TrellisContext      *context,
                                  TrellisChild        *child,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  trellis_store_list_goals_async (trellis_context_get_store (context),
                                  trellis_context_get_actor (context),
                                  trellis_child_get_id (child), cancellable, callback,
                                  user_data);
}

/* "Review due" / "Review overdue", with an icon: never colour alone */
static GtkWidget *
review_badge (TrellisDueState state)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (state == TRELLIS_DUE_OVERDUE
                                                    ? "dialog-warning-symbolic"
                                                    : "alarm-symbolic");
  GtkWidget *label = gtk_label_new (state == TRELLIS_DUE_OVERDUE ? _("Review overdue")
                                                                 : _("Review due"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_widget_add_css_class (box, state == TRELLIS_DUE_OVERDUE ? "error" : "warning");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
goal_row (TrellisGoal *goal,
          GDateTime   *today,
          gboolean     placed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chart = trellis_goal_chart_new ();
  GtkWidget *rate = gtk_button_new_with_mnemonic (_("Ra_te progress…"));
  g_autofree char *review = trellis_date_format (trellis_goal_get_review_on (goal));
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  TrellisDueState state = trellis_goal_review_state (trellis_goal_get_review_on (goal), today);

  /* Translators: "Independence · from 2 to 8 · review by 23 February 2027" */
  subtitle = g_strdup_printf (_("%s · from %u to %u · review by %s"),
                              trellis_goal_domain_to_label (trellis_goal_get_domain (goal)),
                              trellis_goal_get_baseline (goal), trellis_goal_get_target (goal),
                              review);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_goal_get_what (goal));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  if (placed && state != TRELLIS_DUE_LATER)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), review_badge (state));

  trellis_goal_chart_set_goal (TRELLIS_GOAL_CHART (chart), goal);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chart);

  tooltip = g_strdup_printf (_("Rate progress towards “%s”"), trellis_goal_get_what (goal));
  gtk_widget_set_tooltip_text (rate, tooltip);
  gtk_widget_set_valign (rate, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (rate), "child.rate-goal");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (rate), "x", trellis_goal_get_id (goal));
  g_object_bind_property (rate, "sensitive", rate, "visible", G_BINDING_SYNC_CREATE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rate);

  g_object_set_data_full (G_OBJECT (row), "goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (row), "chart", chart);
  return row;
}

static gboolean
trellis_goals_section_show (TrellisChildSection  *section,
                            TrellisContext       *context,
                            TrellisChild         *child,
                            GAsyncResult         *result,
                            GError              **error)
{
  TrellisGoalsSection *self = TRELLIS_GOALS_SECTION (section);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  GListModel *goals = trellis_store_list_goals_finish (trellis_context_get_store (context),
                                                       result, NULL, NULL, error);
  guint n;

  if (goals == NULL)
    return FALSE;
  remove_rows (self);
  g_clear_object (&self->goals);
  self->goals = goals;
  n = g_list_model_get_n_items (goals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisGoal) goal = g_list_model_get_item (goals, i);
      GtkWidget *row = goal_row (goal, today, trellis_child_is_placed (child, today));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
      /* made after the window was tidied: named for screen readers now */
      trellis_a11y_tidy (row);
    }
  gtk_widget_set_visible (self->empty, n == 0);
  g_free (self->count);
  self->count = g_strdup_printf ("%u", n);
  return TRUE;
}

/* For the tests: "count"; a goal's text gives its row's subtitle, "chart:" and the text
 * its chart's description, "badge:" and the text its review badge ("" for none). */
static const char *
trellis_goals_section_get_value (TrellisChildSection *section,
                                 const char          *field)
{
  TrellisGoalsSection *self = TRELLIS_GOALS_SECTION (section);
  gboolean chart = g_str_has_prefix (field, "chart:");
  const char *what = chart ? field + strlen ("chart:") : field;

  if (g_str_equal (field, "count"))
    return self->count;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      TrellisGoal *goal = g_object_get_data (G_OBJECT (row), "goal");

      if (!g_str_equal (trellis_goal_get_what (goal), what))
        continue;
      if (chart)
        return trellis_goal_chart_get_description (g_object_get_data (G_OBJECT (row), "chart"));
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
    }
  return NULL;
}

static void
trellis_goals_section_dispose (GObject *object)
{
  TrellisGoalsSection *self = TRELLIS_GOALS_SECTION (object);

  g_clear_object (&self->goals);
  g_clear_pointer (&self->count, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_goals_section_parent_class)->dispose (object);
}

static void
trellis_goals_section_class_init (TrellisGoalsSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_goals_section_dispose;
  section_class->read_async = trellis_goals_section_read_async;
  section_class->show = trellis_goals_section_show;
  section_class->clear = trellis_goals_section_clear;
  section_class->get_value = trellis_goals_section_get_value;
}

static void
trellis_goals_section_init (TrellisGoalsSection *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Goals"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Progress rated from 1, not yet started, to 10, "
                                           "fully there"));

  self->empty = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty), _("No goals yet"));
  gtk_widget_set_visible (self->empty, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty);

  self->add = gtk_button_new_with_mnemonic (_("Add _goal…"));
  gtk_widget_set_tooltip_text (self->add, _("Add a goal for the child"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add), "child.add-goal");
  gtk_widget_set_valign (self->add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add);
  g_object_bind_property (self->add, "sensitive", self->add, "visible", G_BINDING_SYNC_CREATE);
}

GtkWidget *
trellis_goals_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_GOALS_SECTION, NULL);
}

/* Returns: (transfer none) (nullable): the goal shown with @goal_id */
TrellisGoal *
trellis_goals_section_lookup_goal (TrellisGoalsSection *self,
                                   gint64               goal_id)
{
  g_return_val_if_fail (TRELLIS_IS_GOALS_SECTION (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TrellisGoal *goal = g_object_get_data (G_OBJECT (g_ptr_array_index (self->rows, i)), "goal");

      if (trellis_goal_get_id (goal) == goal_id)
        return goal;
    }
  return NULL;
}
