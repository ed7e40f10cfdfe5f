/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-risk-flag.h: a risk area flagged for a child, at a level, from a day
 */
#pragma once

#include <gio/gio.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_RISK_FLAG (trellis_risk_flag_get_type ())
G_DECLARE_FINAL_TYPE (TrellisRiskFlag, trellis_risk_flag, TRELLIS, RISK_FLAG, GObject)

TrellisRiskFlag *trellis_risk_flag_new (gint64           id,
                                        gint64           child_id,
                                        TrellisRiskArea  area,
                                        TrellisRiskLevel level,
                                        GDateTime       *flagged_on,
                                        const char      *recorded_by);
gint64           trellis_risk_flag_get_id (TrellisRiskFlag *self);
gint64           trellis_risk_flag_get_child_id (TrellisRiskFlag *self);
TrellisRiskArea  trellis_risk_flag_get_area (TrellisRiskFlag *self);
TrellisRiskLevel trellis_risk_flag_get_level (TrellisRiskFlag *self);
GDateTime       *trellis_risk_flag_get_flagged_on (TrellisRiskFlag *self);
const char      *trellis_risk_flag_get_recorded_by (TrellisRiskFlag *self);

G_END_DECLS
