/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-health-rules.c: when a looked-after child's health checks fall due
 *
 * The statutory guidance for looked-after children: the review health assessment every six
 * months before the child's fifth birthday and every twelve months from it; a dental check
 * every six months and a sight test every twelve are good practice. A home may change each
 * interval. Which interval applies is decided by the child's age on the day of the last
 * check: an assessment at four years and eleven months is due again six months later, one on
 * the fifth birthday twelve months later. Months are calendar months; a day past the end of
 * the month falls on its last day (31 August + 6 months = 28 or 29 February).
 *
 * A check never recorded is due on the day the child was admitted (or, without an admission
 * date, on their date of birth): at once, for a child already placed.
 */
#define G_LOG_DOMAIN "trellis-health-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-error.h"
#include "trellis-health-rules.h"

gboolean
trellis_health_intervals_check (const TrellisHealthIntervals  *intervals,
                                GError                       **error)
{
  const struct { guint months; const char *what; } each[] = {
    { intervals->assessment_under_5, N_("The health assessment before the 5th birthday") },
    { intervals->assessment_from_5, N_("The health assessment from the 5th birthday") },
    { intervals->dental, N_("The dental check") },
    { intervals->sight, N_("The sight test") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (each); i++)
    if (each[i].months < TRELLIS_HEALTH_INTERVAL_MIN_MONTHS ||
        each[i].months > TRELLIS_HEALTH_INTERVAL_MAX_MONTHS)
      {
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                     _("%s must be due every %d to %d months, not %u"), _(each[i].what),
                     TRELLIS_HEALTH_INTERVAL_MIN_MONTHS, TRELLIS_HEALTH_INTERVAL_MAX_MONTHS,
                     each[i].months);
        return FALSE;
      }
  return TRUE;
}

/**
 * trellis_health_interval:
 * @last: the day of the last check
 *
 * Returns: the months until @check is next due after a check on @last
 */
guint
trellis_health_interval (const TrellisHealthIntervals *intervals,
                         TrellisHealthCheck            check,
                         GDateTime                    *date_of_birth,
                         GDateTime                    *last)
{
  g_return_val_if_fail (intervals != NULL, 0);

  switch (check)
    {
    case TRELLIS_HEALTH_CHECK_ASSESSMENT:
      if (date_of_birth != NULL && last != NULL && trellis_date_age (date_of_birth, last) < 5)
        return intervals->assessment_under_5;
      return intervals->assessment_from_5;
    case TRELLIS_HEALTH_CHECK_DENTAL:
      return intervals->dental;
    case TRELLIS_HEALTH_CHECK_SIGHT:
      return intervals->sight;
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * trellis_health_next_due:
 * @date_of_birth: (nullable): the child's
 * @admitted: (nullable): the day the child was admitted
 * @last: (nullable): the day of the last check, or %NULL if none is recorded
 *
 * Returns: (transfer full) (nullable): the day @check is next due; %NULL only when nothing
 *   is known (no check, no admission, no date of birth)
 */
GDateTime *
trellis_health_next_due (const TrellisHealthIntervals *intervals,
                         TrellisHealthCheck            check,
                         GDateTime                    *date_of_birth,
                         GDateTime                    *admitted,
                         GDateTime                    *last)
{
  g_return_val_if_fail (intervals != NULL, NULL);

  if (last == NULL)
    {
      GDateTime *from = admitted != NULL ? admitted : date_of_birth;
      return from != NULL ? g_date_time_ref (from) : NULL;
    }
  /* GLib clamps a day past the month's end to its last day */
  return g_date_time_add_months (last, trellis_health_interval (intervals, check,
                                                                date_of_birth, last));
}

/**
 * trellis_due_state:
 *
 * How @due stands on @today: overdue the day after, soon from TRELLIS_DUE_SOON_DAYS before
 * it to the day itself.
 */
TrellisDueState
trellis_due_state (GDateTime *due,
                   GDateTime *today)
{
  g_autoptr(GDateTime) soon = NULL;

  g_return_val_if_fail (due != NULL && today != NULL, TRELLIS_DUE_LATER);

  if (trellis_date_compare (today, due) > 0)
    return TRELLIS_DUE_OVERDUE;
  soon = g_date_time_add_days (today, TRELLIS_DUE_SOON_DAYS);
  return trellis_date_compare (due, soon) <= 0 ? TRELLIS_DUE_SOON : TRELLIS_DUE_LATER;
}
