/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-health-section.h: a child's health checks and when each is next due
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_HEALTH_SECTION (trellis_health_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHealthSection, trellis_health_section, TRELLIS, HEALTH_SECTION,
                      TrellisChildSection)

GtkWidget          *trellis_health_section_new              (void);
TrellisAppointment *trellis_health_section_find_appointment (TrellisHealthSection *self,
                                                             gint64                id);

G_END_DECLS
