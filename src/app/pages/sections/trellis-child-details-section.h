/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-details-section.h: a child's personal details, or their placement
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_CHILD_DETAILS_PERSONAL,
  TRELLIS_CHILD_DETAILS_PLACEMENT,
} TrellisChildDetails;

#define TRELLIS_TYPE_CHILD_DETAILS_SECTION (trellis_child_details_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChildDetailsSection, trellis_child_details_section,
                      TRELLIS, CHILD_DETAILS_SECTION, TrellisChildSection)

GtkWidget *trellis_child_details_section_new (TrellisChildDetails which);

G_END_DECLS
