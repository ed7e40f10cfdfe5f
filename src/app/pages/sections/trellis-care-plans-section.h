/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plans-section.h: a child's plans, where each stands and when it is reviewed
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CARE_PLANS_SECTION (trellis_care_plans_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCarePlansSection, trellis_care_plans_section, TRELLIS,
                      CARE_PLANS_SECTION, TrellisChildSection)

GtkWidget *trellis_care_plans_section_new (void);

G_END_DECLS
