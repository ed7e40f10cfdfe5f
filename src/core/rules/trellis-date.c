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

/* Exactly YYYY-MM-DD, as Trellis writes it: no signs, spaces or short fields. */
GDateTime *
trellis_date_from_iso (const char *iso)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return NULL;

  return trellis_date_new (atoi (iso), atoi (iso + 5), atoi (iso + 8));
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

/* One field of a typed date: a run of ASCII digits, or of letters (a month's name). */
typedef struct
{
  char    *text;
  gboolean is_number;
} Field;

static void
fields_clear (Field fields[3])
{
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&fields[i].text, g_free);
}

/* Spaces, including the no-break space a pasted date often has. */
static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && g_unichar_type (g_utf8_get_char (p)) == G_UNICODE_SPACE_SEPARATOR)
    p = g_utf8_next_char (p);
  return p;
}

/* Splits valid UTF-8 @text, trimmed, into exactly three fields, each two apart by white space
 * or by one of "/.-," with white space around it if the writer likes. Anything else, a mark
 * at either end or two marks in a row and @text is not shaped like a date: it is never read
 * in part. */
static gboolean
split_fields (const char *text,
              Field       fields[3])
{
  const char *p = text;

  for (guint n = 0; n < 3; n++)
    {
      const char *start = p;
      gboolean is_number = g_ascii_isdigit (*p);

      if (is_number)
        while (g_ascii_isdigit (*p))
          p++;
      else
        while (*p != '\0' && (g_unichar_isalpha (g_utf8_get_char (p)) ||
                               g_unichar_ismark (g_utf8_get_char (p))))
          p = g_utf8_next_char (p);
      if (p == start)
        return FALSE;
      fields[n].text = g_strndup (start, p - start);
      fields[n].is_number = is_number;

      if (n < 2)
        {
          const char *separator = p;

          p = skip_spaces (p);
          if (*p != '\0' && strchr ("/.-,", *p) != NULL)
            p = skip_spaces (p + 1);
          if (p == separator)
            return FALSE;
        }
    }

  return *p == '\0';
}

/* A number of one to @max_digits digits, or -1. */
static int
field_number (const Field *field,
              gsize        max_digits)
{
  if (!field->is_number || strlen (field->text) > max_digits)
    return -1;
  return atoi (field->text);
}

/* The text is not shaped like a date. It is shown back only when it is short enough to read
 * and holds nothing invisible. */
static void
set_not_a_date (GError     **error,
                const char  *text)
{
  gboolean printable = g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= 40;

  for (const char *p = text; printable && *p != '\0'; p = g_utf8_next_char (p))
    printable = *p == ' ' || g_unichar_isgraph (g_utf8_get_char (p));

  if (printable)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                 _("“%s” is not a date: write it as 14/03/2012 or 14 March 2012"), text);
  else
    g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                         _("This is not a date: write it as 14/03/2012 or 14 March 2012"));
}

/* Day, month and year are each in range, or @error says which is not and why. */
static gboolean
check_day_month_year (int          d,
                      int          m,
                      int          y,
                      gsize        year_digits,
                      GError     **error)
{
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *month_year = NULL;
  const char *message;
  int days;

  if (m < 1 || m > 12)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("There is no month %d: months go from 1 to 12"), m);
      return FALSE;
    }
  if (year_digits <= 2)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Write the year in full, for example 14/03/%d"), 2000 + y);
      return FALSE;
    }
  /* a care record holds nothing from before 1900, and a year beyond 2199 is a slip */
  if (y < TRELLIS_DATE_FIRST_YEAR || y > TRELLIS_DATE_LAST_YEAR)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Check the year: write a year from %d to %d"), TRELLIS_DATE_FIRST_YEAR,
                   TRELLIS_DATE_LAST_YEAR);
      return FALSE;
    }

  days = g_date_get_days_in_month (m, y);
  if (d >= 1 && d <= days)
    return TRUE;

  first = g_date_time_new_utc (y, m, 1, 0, 0, 0);
  month_year = g_date_time_format (first, "%B %Y");
  /* TRANSLATORS: "29 February 2023 does not exist: February 2023 has 28 days"; %2$s is
   * the month and the year as the locale writes them */
  message = ngettext ("%1$d %2$s does not exist: %2$s has %3$d day",
                      "%1$d %2$s does not exist: %2$s has %3$d days", days);
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, message, d, month_year, days);
  return FALSE;
}

/* Accepts 14/03/2012, 14.03.2012, 14-03-2012, 14 03 2012, 14 March 2012 (or Mar, with "-",
 * "/" or "," beside the month if the writer likes), and the year first as in 2012-03-14. */
GDateTime *
trellis_date_parse (const char  *text,
                    GError     **error)
{
  g_autofree char *clean = NULL;
  Field fields[3] = { { NULL } };
  int y, m, d;
  gsize year_digits;

  g_return_val_if_fail (text != NULL, NULL);

  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("Enter a date"));
      return NULL;
    }

  if (!g_utf8_validate (clean, -1, NULL) || !split_fields (clean, fields))
    goto not_a_date;

  if (fields[0].is_number && strlen (fields[0].text) == 4)
    {
      /* ISO 8601 order */
      y = atoi (fields[0].text);
      year_digits = 4;
      m = field_number (&fields[1], 2);
      d = field_number (&fields[2], 2);
    }
  else
    {
      d = field_number (&fields[0], 2);
      y = field_number (&fields[2], 4);
      year_digits = strlen (fields[2].text);
      if (fields[1].is_number)
        m = field_number (&fields[1], 2);
      else if ((m = month_from_word (fields[1].text)) == 0)
        {
          /* a word where the month goes, in a date otherwise well formed, is named */
          m = -1;
          if (d >= 0 && y >= 0 && g_utf8_strlen (fields[1].text, -1) <= 20)
            {
              g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("“%s” is not a month: write it as March or Mar"), fields[1].text);
              fields_clear (fields);
              return NULL;
            }
        }
    }
  if (d < 0 || m < 0 || y < 0)
    goto not_a_date;

  fields_clear (fields);
  if (!check_day_month_year (d, m, y, year_digits, error))
    return NULL;
  return trellis_date_new (y, m, d);

not_a_date:
  fields_clear (fields);
  set_not_a_date (error, text);
  return NULL;
}

/* "14 March 2026", with the month name in the user's language. */
char *
trellis_date_format (GDateTime *date)
{
  if (date == NULL)
    return NULL;

  return g_date_time_format (date, "%-d %B %Y");
}

/**
 * trellis_date_format_moment:
 * @usec: µs since 1970
 *
 * A moment as a person reads it, in local time: "23 November 2026 at 22:15".
 */
char *
trellis_date_format_moment (gint64 usec)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (local != NULL, NULL);

  date = g_date_time_format (local, "%-d %B %Y");
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a date ("23 November 2026"), then a time of day ("22:15") */
  return g_strdup_printf (C_("moment", "%s at %s"), date, time);
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
