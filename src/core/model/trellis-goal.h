/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal.h: a goal set with a child: its domain, baseline, target, review date and ratings
 */
#pragma once

#include <gio/gio.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GOAL (trellis_goal_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGoal, trellis_goal, TRELLIS, GOAL, GObject)

TrellisGoal      *trellis_goal_new (gint64            id,
                                    gint64            child_id,
                                    TrellisGoalDomain domain,
                                    const char       *what,
                                    guint             baseline,
                                    guint             target,
                                    GDateTime        *set_on,
                                    GDateTime        *review_on,
                                    const char       *recorded_by);
gint64            trellis_goal_get_id (TrellisGoal *self);
gint64            trellis_goal_get_child_id (TrellisGoal *self);
TrellisGoalDomain trellis_goal_get_domain (TrellisGoal *self);
const char       *trellis_goal_get_what (TrellisGoal *self);
guint             trellis_goal_get_baseline (TrellisGoal *self);
guint             trellis_goal_get_target (TrellisGoal *self);
GDateTime        *trellis_goal_get_set_on (TrellisGoal *self);
GDateTime        *trellis_goal_get_review_on (TrellisGoal *self);
const char       *trellis_goal_get_recorded_by (TrellisGoal *self);
GListModel       *trellis_goal_get_ratings (TrellisGoal *self);
void              trellis_goal_add_rating (TrellisGoal *self, GObject *rating);

G_END_DECLS
