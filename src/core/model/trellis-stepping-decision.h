/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-stepping-decision.h: a decision to step a child's support up or down: when, who decided
 * and why
 */
#pragma once

#include <gio/gio.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STEPPING_DECISION (trellis_stepping_decision_get_type ())
G_DECLARE_FINAL_TYPE (
    TrellisSteppingDecision, trellis_stepping_decision, TRELLIS, STEPPING_DECISION, GObject)

TrellisSteppingDecision *trellis_stepping_decision_new (gint64          id,
                                                        gint64          child_id,
                                                        TrellisStepping direction,
                                                        GDateTime      *decided_on,
                                                        const char     *decided_by,
                                                        const char     *reason,
                                                        const char     *recorded_by);
gint64                   trellis_stepping_decision_get_id (TrellisSteppingDecision *self);
gint64                   trellis_stepping_decision_get_child_id (TrellisSteppingDecision *self);
TrellisStepping          trellis_stepping_decision_get_direction (TrellisSteppingDecision *self);
GDateTime               *trellis_stepping_decision_get_decided_on (TrellisSteppingDecision *self);
const char              *trellis_stepping_decision_get_decided_by (TrellisSteppingDecision *self);
const char              *trellis_stepping_decision_get_reason (TrellisSteppingDecision *self);
const char              *trellis_stepping_decision_get_recorded_by (TrellisSteppingDecision *self);

G_END_DECLS
