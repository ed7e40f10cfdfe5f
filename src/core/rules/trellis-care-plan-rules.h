/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan-rules.h: when a child's plan is due for review
 *
 * Pure functions on calendar dates (trellis-date.h): no clock, no store.
 */
#pragma once

#include <glib.h>

#include "trellis-health-rules.h"

G_BEGIN_DECLS

gboolean        trellis_care_plan_is_due       (GDateTime *review_on,
                                                GDateTime *today);
TrellisDueState trellis_care_plan_review_state (GDateTime *review_on,
                                                GDateTime *today);

G_END_DECLS
