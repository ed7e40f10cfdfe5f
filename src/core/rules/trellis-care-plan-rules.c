/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan-rules.c: when a child's plan is due for review
 *
 * A plan is due on its review date and stays due until a new version sets the next one;
 * the day after, it is overdue. The child's page warns from TRELLIS_DUE_SOON_DAYS before, as
 * it does for health checks. A plan with no review date yet (a draft) is never due.
 */
#include "config.h"

#include "trellis-care-plan-rules.h"
#include "trellis-date.h"

/**
 * trellis_care_plan_is_due:
 * @review_on: (nullable): the plan's review date
 *
 * Returns: whether the review date has come on @today (the day itself included)
 */
gboolean
trellis_care_plan_is_due (GDateTime *review_on,
                          GDateTime *today)
{
  g_return_val_if_fail (today != NULL, FALSE);

  return review_on != NULL && trellis_date_compare (review_on, today) <= 0;
}

/**
 * trellis_care_plan_review_state:
 * @review_on: (nullable): the plan's review date
 *
 * How the review stands on @today: later, soon (from TRELLIS_DUE_SOON_DAYS before to the
 * day itself), or overdue from the day after.
 */
TrellisDueState
trellis_care_plan_review_state (GDateTime *review_on,
                                GDateTime *today)
{
  g_return_val_if_fail (today != NULL, TRELLIS_DUE_LATER);

  if (review_on == NULL)
    return TRELLIS_DUE_LATER;
  return trellis_due_state (review_on, today);
}
