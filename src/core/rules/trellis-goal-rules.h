/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal-rules.h: ratings of a child's goals, and when a goal is due for review
 *
 * Pure functions: no clock, no store.
 */
#pragma once

#include <glib.h>

#include "trellis-health-rules.h"

G_BEGIN_DECLS

/* Ratings are on a 1–10 scale: 1 not started, 10 fully there */
#define TRELLIS_GOAL_RATING_MIN 1
#define TRELLIS_GOAL_RATING_MAX 10

/* A review within this many days (or today) is due soon */
#define TRELLIS_GOAL_REVIEW_SOON_DAYS 14

/* A new goal is reviewed after this many months unless another day is chosen */
#define TRELLIS_GOAL_REVIEW_MONTHS 3

gboolean        trellis_goal_check_rating (guint rating, const char *what, GError **error);
gboolean        trellis_goal_check_range (guint baseline, guint target, GError **error);
TrellisDueState trellis_goal_review_state (GDateTime *review_on, GDateTime *today);
GDateTime      *trellis_goal_default_review (GDateTime *set_on);
char *trellis_goal_describe_progress (const guint *ratings, guint n_ratings, guint target);

G_END_DECLS
