/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal-rules.c: ratings of a child's goals, and when a goal is due for review
 *
 * A goal has a baseline (where the child is when it is set) and a target, both on the
 * 1–10 scale the ratings use; a goal is about getting better, so the target is above the
 * baseline. A goal falls due for review on its review date: due soon from two weeks before,
 * overdue from the day after.
 */
#define G_LOG_DOMAIN "trellis-goal-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-error.h"
#include "trellis-goal-rules.h"

/* @what: the rating's name for the message ("The baseline") */
gboolean
trellis_goal_check_rating (guint rating, const char *what, GError **error)
{
  if (rating < TRELLIS_GOAL_RATING_MIN || rating > TRELLIS_GOAL_RATING_MAX)
    {
      /* Translators: "The rating must be from 1 to 10, not 12" */
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s must be from %d to %d, not %u"), what, TRELLIS_GOAL_RATING_MIN,
                   TRELLIS_GOAL_RATING_MAX, rating);
      return FALSE;
    }
  return TRUE;
}

gboolean
trellis_goal_check_range (guint baseline, guint target, GError **error)
{
  if (!trellis_goal_check_rating (baseline, _("The baseline"), error)
      || !trellis_goal_check_rating (target, _("The target"), error))
    return FALSE;
  if (target <= baseline)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The target must be above the baseline (%u): ratings go from 1, not yet "
                      "started, to 10, fully there"),
                   baseline);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_goal_review_state:
 *
 * How a goal's review on @review_on stands on @today: overdue the day after it, soon from
 * TRELLIS_GOAL_REVIEW_SOON_DAYS before it to the day itself.
 */
TrellisDueState
trellis_goal_review_state (GDateTime *review_on, GDateTime *today)
{
  g_autoptr (GDateTime) soon = NULL;

  g_return_val_if_fail (review_on != NULL && today != NULL, TRELLIS_DUE_LATER);

  if (trellis_date_compare (today, review_on) > 0)
    return TRELLIS_DUE_OVERDUE;
  soon = g_date_time_add_days (today, TRELLIS_GOAL_REVIEW_SOON_DAYS);
  return trellis_date_compare (review_on, soon) <= 0 ? TRELLIS_DUE_SOON : TRELLIS_DUE_LATER;
}

/* Returns: (transfer full): the review date a goal set on @set_on is offered first: three
 * calendar months on, a day past the month's end falling on its last day */
GDateTime *
trellis_goal_default_review (GDateTime *set_on)
{
  g_return_val_if_fail (set_on != NULL, NULL);

  return g_date_time_add_months (set_on, TRELLIS_GOAL_REVIEW_MONTHS);
}

/**
 * trellis_goal_describe_progress:
 * @ratings: (array length=n_ratings): oldest first
 *
 * A sentence for a screen reader in place of the chart: "3 ratings from 3 to 6, target 8".
 *
 * Returns: (transfer full): the sentence
 */
char *
trellis_goal_describe_progress (const guint *ratings, guint n_ratings, guint target)
{
  if (n_ratings == 0)
    /* Translators: a goal's chart, read aloud */
    return g_strdup_printf (_("No ratings yet, target %u"), target);
  if (n_ratings == 1)
    return g_strdup_printf (_("1 rating of %u, target %u"), ratings[0], target);
  /* Translators: "3 ratings from 3 to 6, target 8" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rating from %u to %u, target %u",
                                       "%u ratings from %u to %u, target %u", n_ratings),
                          n_ratings, ratings[0], ratings[n_ratings - 1], target);
}
