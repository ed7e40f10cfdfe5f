/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-risks-section.h: the risk areas flagged for a child, and Stepping decisions
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_RISKS_SECTION (trellis_risks_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisRisksSection, trellis_risks_section, TRELLIS, RISKS_SECTION,
                      TrellisChildSection)

GtkWidget *trellis_risks_section_new (void);

G_END_DECLS
