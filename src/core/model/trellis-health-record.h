/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-health-record.h: one health check a child had, who recorded it and when
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_HEALTH_RECORD (trellis_health_record_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHealthRecord, trellis_health_record, TRELLIS, HEALTH_RECORD, GObject)

TrellisHealthRecord *trellis_health_record_new            (gint64              id,
                                                           gint64              child_id,
                                                           TrellisHealthCheck  check,
                                                           GDateTime          *done_on,
                                                           const char         *notes,
                                                           const char         *recorded_by);
gint64              trellis_health_record_get_id          (TrellisHealthRecord *self);
gint64              trellis_health_record_get_child_id    (TrellisHealthRecord *self);
TrellisHealthCheck  trellis_health_record_get_check       (TrellisHealthRecord *self);
GDateTime          *trellis_health_record_get_done_on     (TrellisHealthRecord *self);
const char         *trellis_health_record_get_notes       (TrellisHealthRecord *self);
const char         *trellis_health_record_get_recorded_by (TrellisHealthRecord *self);

G_END_DECLS
