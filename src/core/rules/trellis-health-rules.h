/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-health-rules.h: when a looked-after child's health checks fall due
 *
 * Pure functions on calendar dates (trellis-date.h): no clock, no store.
 */
#pragma once

#include <glib.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

/* How often each check is due, in months: a home's setting, statutory guidance and good
 * practice by default (see ../shared/DOMAIN.md). */
typedef struct
{
  guint assessment_under_5;   /* review health assessment before the 5th birthday: 6 */
  guint assessment_from_5;    /* ... from it: 12 */
  guint dental;               /* 6 */
  guint sight;                /* 12 */
} TrellisHealthIntervals;

#define TRELLIS_HEALTH_INTERVALS_INIT { 6, 12, 6, 12 }
#define TRELLIS_HEALTH_INTERVAL_MIN_MONTHS 1
#define TRELLIS_HEALTH_INTERVAL_MAX_MONTHS 36

/* How a due date stands on a day */
typedef enum
{
  TRELLIS_DUE_LATER,     /* more than TRELLIS_DUE_SOON_DAYS away */
  TRELLIS_DUE_SOON,      /* within TRELLIS_DUE_SOON_DAYS, or today */
  TRELLIS_DUE_OVERDUE,   /* the day has passed */
} TrellisDueState;

#define TRELLIS_DUE_SOON_DAYS 28

gboolean        trellis_health_intervals_check (const TrellisHealthIntervals  *intervals,
                                                GError                       **error);
guint           trellis_health_interval        (const TrellisHealthIntervals  *intervals,
                                                TrellisHealthCheck             check,
                                                GDateTime                     *date_of_birth,
                                                GDateTime                     *last);
GDateTime      *trellis_health_next_due        (const TrellisHealthIntervals  *intervals,
                                                TrellisHealthCheck             check,
                                                GDateTime                     *date_of_birth,
                                                GDateTime                     *admitted,
                                                GDateTime                     *last);
TrellisDueState trellis_due_state              (GDateTime                     *due,
                                                GDateTime                     *today);

G_END_DECLS
