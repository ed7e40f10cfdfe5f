/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-incident-rules.c: incidents counted per month, and the time of day of one
 *
 * A Manager looks at how many incidents of each kind a child had month by month (a child
 * going missing more often is a sign to act on): the counts are for calendar months, the
 * month of today last, and a month with none is there with zeros.
 */
#define G_LOG_DOMAIN "trellis-incident-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-error.h"
#include "trellis-incident-rules.h"

/**
 * trellis_incidents_per_month:
 * @kinds: (array length=n_incidents): each incident's kind
 * @days: (array length=n_incidents): each incident's day, in the same order
 * @today: the day whose month is the last counted
 * @n_months: how many months to count, ending with today's
 *
 * Returns: (transfer full) (element-type TrellisIncidentMonth): @n_months months, oldest
 *   first; incidents outside them are not counted
 */
GArray *
trellis_incidents_per_month (const TrellisIncidentKind *kinds,
                             GDateTime *const          *days,
                             guint                      n_incidents,
                             GDateTime                 *today,
                             guint                      n_months)
{
  GArray *months = g_array_sized_new (FALSE, TRUE, sizeof (TrellisIncidentMonth), n_months);
  int     last_year, last_month, first_index;

  g_return_val_if_fail (today != NULL, months);

  last_year = g_date_time_get_year (today);
  last_month = g_date_time_get_month (today);
  /* months counted from year 0: the last is first_index + n_months - 1 */
  first_index = last_year * 12 + (last_month - 1) - ((int)n_months - 1);
  g_array_set_size (months, n_months);
  for (guint i = 0; i < n_months; i++)
    {
      TrellisIncidentMonth *m = &g_array_index (months, TrellisIncidentMonth, i);

      m->year = (first_index + (int)i) / 12;
      m->month = (first_index + (int)i) % 12 + 1;
    }
  for (guint i = 0; i < n_incidents; i++)
    {
      int                   index;
      TrellisIncidentMonth *m;

      if (days[i] == NULL || (guint)kinds[i] >= TRELLIS_N_INCIDENT_KINDS)
        continue;
      index
          = g_date_time_get_year (days[i]) * 12 + g_date_time_get_month (days[i]) - 1 - first_index;
      if (index < 0 || index >= (int)n_months)
        continue;
      m = &g_array_index (months, TrellisIncidentMonth, index);
      m->count[kinds[i]]++;
      m->total++;
    }
  return months;
}

/**
 * trellis_incident_parse_time:
 * @text: a time of day as people write it: 9:05, 09:05, 21.30
 *
 * Returns: (transfer full) (nullable): the time as HH:MM, or %NULL with @error set
 */
char *
trellis_incident_parse_time (const char *text, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint            hours = 0, minutes = 0, digits = 0;
  const char      *p = trimmed;

  if (*p == '\0')
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Enter the time, for example 21:30"));
      return NULL;
    }
  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    hours = hours * 10 + (*p - '0');
  if (digits == 0 || (*p != ':' && *p != '.'))
    goto bad;
  p++;
  for (digits = 0; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    minutes = minutes * 10 + (*p - '0');
  if (digits != 2 || *p != '\0' || hours > 23 || minutes > 59)
    goto bad;
  return g_strdup_printf ("%02u:%02u", hours, minutes);

bad:
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
               _("“%s” is not a time of day: write it as 21:30"), trimmed);
  return NULL;
}
