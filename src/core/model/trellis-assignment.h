/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-assignment.h: one period of a Link Worker's assignment to a child
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ASSIGNMENT (trellis_assignment_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAssignment, trellis_assignment, TRELLIS, ASSIGNMENT, GObject)

TrellisAssignment  *trellis_assignment_new              (gint64              id,
                                                         gint64              child_id,
                                                         gint64              staff_id,
                                                         const char         *staff_name,
                                                         GDateTime          *start_date,
                                                         GDateTime          *end_date,
                                                         TrellisChangeReason reason,
                                                         const char         *note);
gint64              trellis_assignment_get_id           (TrellisAssignment *self);
gint64              trellis_assignment_get_child_id     (TrellisAssignment *self);
gint64              trellis_assignment_get_staff_id     (TrellisAssignment *self);
const char         *trellis_assignment_get_staff_name   (TrellisAssignment *self);
GDateTime          *trellis_assignment_get_start_date   (TrellisAssignment *self);
GDateTime          *trellis_assignment_get_end_date     (TrellisAssignment *self);
TrellisChangeReason trellis_assignment_get_reason       (TrellisAssignment *self);
const char         *trellis_assignment_get_note         (TrellisAssignment *self);

G_END_DECLS
