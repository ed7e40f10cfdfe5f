/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-checklist-section.h: what a child has been given and told since they came
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHECKLIST_SECTION (trellis_checklist_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChecklistSection, trellis_checklist_section, TRELLIS,
                      CHECKLIST_SECTION, TrellisChildSection)

GtkWidget *trellis_checklist_section_new (void);

G_END_DECLS
