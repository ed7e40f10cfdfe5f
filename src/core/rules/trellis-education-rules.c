/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-education-rules.c: a child's school attendance, and the year group for their age
 *
 * Attendance is counted in sessions (a morning or an afternoon), as schools report it; a
 * percentage below TRELLIS_PERSISTENT_ABSENCE_BELOW_PERCENT is persistent absence. The
 * year group follows the English school year: a child starts Reception in the September after
 * their fourth birthday, so the year group on a day is fixed by their age on the 31 August
 * before it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-education-rules.h"
#include "trellis-error.h"

/* Whether a term's figures can be true: some sessions, no more attended than there were. */
gboolean
trellis_attendance_check (guint    possible,
                          guint    attended,
                          GError **error)
{
  if (possible == 0)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Enter how many sessions there were in the term"));
      return FALSE;
    }
  if (possible > TRELLIS_ATTENDANCE_MAX_SESSIONS)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("A term has at most %d sessions (a morning or an afternoon each)"),
                   TRELLIS_ATTENDANCE_MAX_SESSIONS);
      return FALSE;
    }
  if (attended > possible)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Sessions attended (%u) cannot be more than the sessions possible (%u)"),
                   attended, possible);
      return FALSE;
    }
  return TRUE;
}

/* The share of @possible sessions attended, 0 to 100; 0 when there were none. */
double
trellis_attendance_percent (guint possible,
                            guint attended)
{
  if (possible == 0)
    return 0;
  return 100.0 * MIN (attended, possible) / possible;
}

/* Compared in whole sessions, not in a rounded percentage: 89.95 % is below 90 % even
 * though it would print as 90.0 %. */
gboolean
trellis_attendance_is_persistent_absence (guint possible,
                                          guint attended)
{
  if (possible == 0)
    return FALSE;
  return (guint64) MIN (attended, possible) * 100 <
         (guint64) possible * TRELLIS_PERSISTENT_ABSENCE_BELOW_PERCENT;
}

/* "94.7 % (142 of 150 sessions)": one decimal, rounded down, so a figure below 90 % never
 * shows as 90.0 %. */
char *
trellis_attendance_format (guint possible,
                           guint attended)
{
  guint64 tenths = possible > 0 ? (guint64) MIN (attended, possible) * 1000 / possible : 0;

  /* Translators: "94.7 % (142 of 150 sessions)" */
  return g_strdup_printf (_("%u.%u %% (%u of %u sessions)"), (guint) (tenths / 10),
                          (guint) (tenths % 10), attended, possible);
}

/* The year group (TRELLIS_YEAR_GROUP_RECEPTION, 1 … 13) of a child born on @date_of_birth
 * on @day; below Reception it is negative, past Year 13 above TRELLIS_YEAR_GROUP_MAX. */
int
trellis_year_group_for_age (GDateTime *date_of_birth,
                            GDateTime *day)
{
  int year = g_date_time_get_year (day);
  int born = g_date_time_get_year (date_of_birth);

  /* the school year that holds @day started on 1 September of year */
  if (g_date_time_get_month (day) < 9)
    year--;
  /* a child born from September on belongs with those born the next calendar year */
  if (g_date_time_get_month (date_of_birth) >= 9)
    born++;
  /* born in the school year that starts in September five years before Reception's */
  return year - born - 4;
}

/* "Reception", "Year 9" */
char *
trellis_year_group_format (int year_group)
{
  if (year_group == TRELLIS_YEAR_GROUP_RECEPTION)
    return g_strdup (_("Reception"));
  /* Translators: a school year group, "Year 9" */
  return g_strdup_printf (_("Year %d"), year_group);
}

/* A school term as "Autumn 2026", "Spring 2027" or "Summer 2027", whatever the case and
 * spacing it was typed with; NULL with @error set for anything else. One spelling, so a
 * term recorded twice is seen to be the same term. */
char *
trellis_school_term_parse (const char  *text,
                           GError     **error)
{
  static const char *const seasons[] = { "Autumn", "Spring", "Summer" };  /* as stored */
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", trimmed, 0, 0);
  guint64 year = 0;

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Enter the term, for example Autumn 2026"));
      return NULL;
    }
  if (g_strv_length (words) == 2 && strlen (words[1]) == 4 &&
      g_ascii_string_to_unsigned (words[1], 10, 2000, 2099, &year, NULL))
    for (guint i = 0; i < G_N_ELEMENTS (seasons); i++)
      if (g_ascii_strcasecmp (words[0], seasons[i]) == 0)
        return g_strdup_printf ("%s %u", seasons[i], (guint) year);
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
               _("“%s” is not a term: write Autumn, Spring or Summer and the year, for example "
                 "Autumn 2026"), trimmed);
  return NULL;
}
