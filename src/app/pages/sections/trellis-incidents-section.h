/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-incidents-section.h: a child's incidents, and how many each month
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_INCIDENTS_SECTION (trellis_incidents_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisIncidentsSection, trellis_incidents_section, TRELLIS,
                      INCIDENTS_SECTION, TrellisChildSection)

GtkWidget *trellis_incidents_section_new (void);

G_END_DECLS
