/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal-rating.h: one dated rating of progress towards a goal, who gave it and when
 */
#pragma once

#include <gio/gio.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GOAL_RATING (trellis_goal_rating_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGoalRating, trellis_goal_rating, TRELLIS, GOAL_RATING, GObject)

TrellisGoalRating *trellis_goal_rating_new (
    gint64 id, gint64 goal_id, guint rating, GDateTime *rated_on, const char *recorded_by);
gint64      trellis_goal_rating_get_id (TrellisGoalRating *self);
gint64      trellis_goal_rating_get_goal_id (TrellisGoalRating *self);
guint       trellis_goal_rating_get_rating (TrellisGoalRating *self);
GDateTime  *trellis_goal_rating_get_rated_on (TrellisGoalRating *self);
const char *trellis_goal_rating_get_recorded_by (TrellisGoalRating *self);

G_END_DECLS
