/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-education-rules.h: a child's school attendance, and the year group for their age
 *
 * Pure functions: no clock, no store.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Below this share of sessions attended a pupil is "persistently absent" (the Department
 * for Education's measure: missing 10 % or more of their sessions). */
#define TRELLIS_PERSISTENT_ABSENCE_BELOW_PERCENT 90

/* School sessions in a term are half days: a long term has under 200 */
#define TRELLIS_ATTENDANCE_MAX_SESSIONS 400

/* The year groups of English schools: Reception, then Years 1 to 13 */
#define TRELLIS_YEAR_GROUP_RECEPTION 0
#define TRELLIS_YEAR_GROUP_MAX       13

gboolean trellis_attendance_check        (guint        possible,
                                          guint        attended,
                                          GError     **error);
double   trellis_attendance_percent      (guint        possible,
                                          guint        attended);
gboolean trellis_attendance_is_persistent_absence (guint possible,
                                                   guint attended);
char    *trellis_attendance_format       (guint        possible,
                                          guint        attended);
int      trellis_year_group_for_age      (GDateTime   *date_of_birth,
                                          GDateTime   *day);
char    *trellis_school_term_parse       (const char  *text,
                                          GError     **error);
char    *trellis_year_group_format       (int          year_group);

G_END_DECLS
