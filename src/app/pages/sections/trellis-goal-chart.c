/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal-chart.c: a goal's progress ratings over time, drawn small
 *
 * The ratings (1–10) against their dates, joined by a line, with the baseline and the
 * target as dashed lines across: enough to see at a glance whether a child is getting
 * closer. The target's line is drawn in the success colour, the baseline's dimmed, and the
 * two are told apart by their dashes too, not by colour alone. A screen reader hears the
 * same in words (trellis_goal_describe_progress(): "3 ratings from 3 to 6, target 8"), as
 * the chart's accessible description.
 */
#define G_LOG_DOMAIN "trellis-goal-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-goal-chart.h"

#define CHART_WIDTH  160
#define CHART_HEIGHT 48
#define PAD          4.0

struct _TrellisGoalChart
{
  GtkWidget  parent_instance;

  guint      baseline;
  guint      target;
  GArray    *ratings;        /* guint, oldest first */
  GArray    *days;           /* gint64, days since year 1 of each rating */
  char      *description;
};

G_DEFINE_FINAL_TYPE (TrellisGoalChart, trellis_goal_chart, GTK_TYPE_WIDGET)

static double
y_for (double height,
       double rating)
{
  double span = TRELLIS_GOAL_RATING_MAX - TRELLIS_GOAL_RATING_MIN;

  return PAD + (height - 2 * PAD) * (1.0 - (rating - TRELLIS_GOAL_RATING_MIN) / span);
}

/* By date, so a long gap between ratings shows as one; a single rating in the middle */
static double
x_for (double width,
       gint64 day,
       gint64 first,
       gint64 last)
{
  if (last <= first)
    return width / 2;
  return PAD + 3 + (width - 2 * PAD - 6) * (double) (day - first) / (double) (last - first);
}

static void
draw_level (cairo_t *cr,
            double   width,
            double   y,
            double   dash)
{
  double dashes[] = { dash, dash };

  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, PAD, y);
  cairo_line_to (cr, width - PAD, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
trellis_goal_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TrellisGoalChart *self = TRELLIS_GOAL_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 }, success = { 0.15, 0.64, 0.41, 1.0 };
  gint64 first, last;
  cairo_t *cr;

  if (width <= 2 * PAD || height <= 2 * PAD)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &fg);
  gtk_style_context_lookup_color (style, "accent_color", &accent);
  gtk_style_context_lookup_color (style, "success_color", &success);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_width (cr, 1.0);

  /* the frame: a faint box, so the scale's ends show */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.15);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_stroke (cr);

  /* the baseline, dimmed and finely dashed; the target in the success colour, long dashes */
  if (self->baseline > 0)
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.45);
      draw_level (cr, width, y_for (height, self->baseline), 2);
    }
  if (self->target > 0)
    {
      gdk_cairo_set_source_rgba (cr, &success);
      cairo_set_line_width (cr, 1.5);
      draw_level (cr, width, y_for (height, self->target), 6);
    }

  if (self->ratings->len > 0)
    {
      first = g_array_index (self->days, gint64, 0);
      last = g_array_index (self->days, gint64, self->days->len - 1);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2.0);
      for (guint i = 0; i < self->ratings->len; i++)
        {
          double x = x_for (width, g_array_index (self->days, gint64, i), first, last);
          double y = y_for (height, g_array_index (self->ratings, guint, i));

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (guint i = 0; i < self->ratings->len; i++)
        {
          double x = x_for (width, g_array_index (self->days, gint64, i), first, last);

          cairo_arc (cr, x, y_for (height, g_array_index (self->ratings, guint, i)), 3, 0,
                     2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_destroy (cr);
}

static void
trellis_goal_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? CHART_WIDTH : CHART_HEIGHT;
}

static void
trellis_goal_chart_finalize (GObject *object)
{
  TrellisGoalChart *self = TRELLIS_GOAL_CHART (object);

  g_clear_pointer (&self->ratings, g_array_unref);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (trellis_goal_chart_parent_class)->finalize (object);
}

static void
trellis_goal_chart_class_init (TrellisGoalChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = trellis_goal_chart_finalize;
  widget_class->snapshot = trellis_goal_chart_snapshot;
  widget_class->measure = trellis_goal_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "goalchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
trellis_goal_chart_init (TrellisGoalChart *self)
{
  self->ratings = g_array_new (FALSE, FALSE, sizeof (guint));
  self->days = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress chart"), -1);
}

GtkWidget *
trellis_goal_chart_new (void)
{
  return g_object_new (TRELLIS_TYPE_GOAL_CHART, NULL);
}

/* Shows @goal's ratings, baseline and target, and says them to a screen reader */
void
trellis_goal_chart_set_goal (TrellisGoalChart *self,
                             TrellisGoal      *goal)
{
  GListModel *ratings;

  g_return_if_fail (TRELLIS_IS_GOAL_CHART (self));
  g_return_if_fail (TRELLIS_IS_GOAL (goal));

  ratings = trellis_goal_get_ratings (goal);
  g_array_set_size (self->ratings, 0);
  g_array_set_size (self->days, 0);
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(TrellisGoalRating) rating = g_list_model_get_item (ratings, i);
      GDateTime *day = trellis_goal_rating_get_rated_on (rating);
      guint value = trellis_goal_rating_get_rating (rating);
      gint64 n = g_date_time_to_unix (day) / (24 * 60 * 60);

      g_array_append_val (self->ratings, value);
      g_array_append_val (self->days, n);
    }
  self->baseline = trellis_goal_get_baseline (goal);
  self->target = trellis_goal_get_target (goal);
  g_free (self->description);
  self->description = trellis_goal_describe_progress ((const guint *) self->ratings->data,
                                                      self->ratings->len, self->target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What a screen reader hears of the chart */
const char *
trellis_goal_chart_get_description (TrellisGoalChart *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_CHART (self), NULL);
  return self->description;
}
