/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-date.h: calendar dates (no time of day) as GDateTime at 00:00 UTC, and the
 * pure functions on them that the rest of Trellis shares.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The years a typed date may fall in: no care record holds an earlier or a later one. */
#define TRELLIS_DATE_FIRST_YEAR 1900
#define TRELLIS_DATE_LAST_YEAR  2199

GDateTime *trellis_date_new        (int          year,
                                    int          month,
                                    int          day);
GDateTime *trellis_date_today      (void);
GDateTime *trellis_date_from_iso   (const char  *iso);
char      *trellis_date_to_iso     (GDateTime   *date);
GDateTime *trellis_date_parse      (const char  *text,
                                    GError     **error);
char      *trellis_date_format     (GDateTime   *date);
char      *trellis_date_format_moment (gint64    usec);
int        trellis_date_age        (GDateTime   *date_of_birth,
                                    GDateTime   *on);
int        trellis_date_compare    (GDateTime   *a,
                                    GDateTime   *b);
gboolean   trellis_date_equal      (GDateTime   *a,
                                    GDateTime   *b);

G_END_DECLS
