/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan-history.h: every version of a plan, and what each changed
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CARE_PLAN_HISTORY (trellis_care_plan_history_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCarePlanHistory, trellis_care_plan_history, TRELLIS,
                      CARE_PLAN_HISTORY, AdwWindow)

GtkWindow  *trellis_care_plan_history_new      (GtkWindow       *parent,
                                                TrellisContext  *context,
                                                gint64           plan_id);
char       *trellis_care_plan_history_diff_markup (const char   *before,
                                                   const char   *after,
                                                   char        **spoken);

/* for the tests */
gboolean    trellis_care_plan_history_is_loading (TrellisCarePlanHistory *self);
const char *trellis_care_plan_history_get_text    (TrellisCarePlanHistory *self);

G_END_DECLS
