/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal-chart.h: a goal's progress ratings over time, drawn small
 */
#pragma once

#include <gtk/gtk.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GOAL_CHART (trellis_goal_chart_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGoalChart, trellis_goal_chart, TRELLIS, GOAL_CHART, GtkWidget)

GtkWidget  *trellis_goal_chart_new             (void);
void        trellis_goal_chart_set_goal        (TrellisGoalChart *self,
                                                TrellisGoal      *goal);
const char *trellis_goal_chart_get_description (TrellisGoalChart *self);

G_END_DECLS
