/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-complaints-section.h: the complaints a child has made, and how each was handled
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_COMPLAINTS_SECTION (trellis_complaints_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisComplaintsSection, trellis_complaints_section, TRELLIS,
                      COMPLAINTS_SECTION, TrellisChildSection)

GtkWidget *trellis_complaints_section_new (void);

G_END_DECLS
