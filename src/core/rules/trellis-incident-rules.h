/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-incident-rules.h: incidents counted per month, and the time of day of one
 *
 * Pure functions: no clock, no store.
 */
#pragma once

#include <glib.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

/* One calendar month's incidents */
typedef struct
{
  int   year;
  int   month;                           /* 1–12 */
  guint count[TRELLIS_N_INCIDENT_KINDS]; /* by TrellisIncidentKind */
  guint total;
} TrellisIncidentMonth;

GArray *trellis_incidents_per_month (const TrellisIncidentKind *kinds,
                                     GDateTime *const          *days,
                                     guint                      n_incidents,
                                     GDateTime                 *today,
                                     guint                      n_months);
char   *trellis_incident_parse_time (const char *text, GError **error);

G_END_DECLS
