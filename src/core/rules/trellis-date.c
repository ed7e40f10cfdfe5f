/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-date.c: dates as people in a children's home write them
 *
 * Care workers type dates the British way ("14/03/2012", "14 March 2012"); the database keeps
 * ISO 8601 ("2012-03-14"). Everything here is a pure function so the rules can be tested
 * without a clock.
 */
#define G_LOG_DOMAIN "trellis-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-date.h"
#include "trellis-error.h"

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

GDateTime *
trellis_date_new (int year,
                  int month,
                  int day)
{
  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

/* Today in the local time zone, as a date. TRELLIS_TODAY=YYYY-MM-DD pins it for tests and
 * reproducible screenshots. */
GDateTime *
trellis_date_today (void)
{
  const char *pinned = g_getenv ("TRELLIS_TODAY");
  g_autoptr(GDateTime) now = NULL;

  if (pinned != NULL && *pinned != '\0')
    {
      GDateTime *date = trellis_date_from_iso (pinned);
      if (date != NULL)
        return date;
    }

  now = g_date_time_new_now_local ();
  return trellis_date_new (g_date_time_get_year (now),
                           g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}

GDateTime *
trellis_date_from_iso (const char *iso)
{
  int y, m, d;
  char tail;

  if (iso == NULL || strlen (iso) != 10)
    return NULL;
  if (sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return NULL;

  return trellis_date_new (y, m, d);
}

char *
trellis_date_to_iso (GDateTime *date)
{
  if (date == NULL)
    return NULL;

  /* four digits always: %Y writes the year 122 as "122", which would not read back */
  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (date),
                          g_date_time_get_month (date), g_date_time_get_day_of_month (date));
}

static int
month_from_word (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize len = strlen (lower);

  if (len < 3)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strncmp (month_names[i], lower, len) == 0)
      return i + 1;

  /* The locale's own month names, so a translated Trellis accepts what it shows. */
  for (int i = 1; i <= 12; i++)
    {
      g_autoptr(GDateTime) sample = g_date_time_new_utc (2000, i, 1, 0, 0, 0);
      g_autofree char *full = g_date_time_format (sample, "%B");
      g_autofree char *full_lower = g_utf8_strdown (full, -1);

      if (g_strcmp0 (full_lower, lower) == 0)
        return i;
    }

  return 0;
}

static gboolean
parse_number (const char *s,
              int        *out)
{
  char *end = NULL;
  gint64 value;

  if (s == NULL || *s == '\0' || !g_ascii_isdigit (*s))
    return FALSE;

  value = g_ascii_strtoll (s, &end, 10);
  if (*end != '\0' || value > 9999)
    return FALSE;

  *out = (int) value;
  return TRUE;
}

/* Accepts 2012-03-14, 14/03/2012, 14.03.2012, 14-03-2012 and 14 March 2012 (or Mar). */
GDateTime *
trellis_date_parse (const char  *text,
                    GError     **error)
{
  g_autofree char *clean = NULL;
  g_auto(GStrv) parts = NULL;
  int y = 0, m = 0, d = 0;
  GDateTime *date;

  g_return_val_if_fail (text != NULL, NULL);

  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("Enter a date"));
      return NULL;
    }

  date = trellis_date_from_iso (clean);
  if (date != NULL)
    return date;

  g_strdelimit (clean, "/.-,", ' ');
  parts = g_strsplit_set (clean, " ", -1);
  {
    /* drop empty fields from repeated separators */
    GStrvBuilder *builder = g_strv_builder_new ();
    for (guint i = 0; parts[i] != NULL; i++)
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    g_strfreev (parts);
    parts = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
  }

  if (g_strv_length (parts) == 3 && parse_number (parts[0], &d) && parse_number (parts[2], &y))
    {
      if (!parse_number (parts[1], &m))
        m = month_from_word (parts[1]);
    }

  if (y > 0 && y < 100)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Write the year in full, for example 14/03/%d"), 2000 + y);
      return NULL;
    }

  date = (m > 0) ? trellis_date_new (y, m, d) : NULL;
  if (date == NULL)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                 _("“%s” is not a date: write it as 14/03/2012 or 14 March 2012"), text);

  return date;
}

/* "14 March 2026", with the month name in the user's language. */
char *
trellis_date_format (GDateTime *date)
{
  if (date == NULL)
    return NULL;

  return g_date_time_format (date, "%-d %B %Y");
}

int
trellis_date_age (GDateTime *date_of_birth,
                  GDateTime *on)
{
  int age;

  g_return_val_if_fail (date_of_birth != NULL && on != NULL, 0);

  age = g_date_time_get_year (on) - g_date_time_get_year (date_of_birth);
  if (g_date_time_get_month (on) < g_date_time_get_month (date_of_birth) ||
      (g_date_time_get_month (on) == g_date_time_get_month (date_of_birth) &&
       g_date_time_get_day_of_month (on) < g_date_time_get_day_of_month (date_of_birth)))
    age--;

  return MAX (age, 0);
}

/* NULL sorts after every date: an open-ended date is "not yet". */
int
trellis_date_compare (GDateTime *a,
                      GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_date_time_compare (a, b);
}

gboolean
trellis_date_equal (GDateTime *a,
                    GDateTime *b)
{
  return trellis_date_compare (a, b) == 0;
}
