/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-education-section.h: a child's school, attendance and the rest of their education
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_EDUCATION_SECTION (trellis_education_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisEducationSection, trellis_education_section, TRELLIS,
                      EDUCATION_SECTION, TrellisChildSection)

GtkWidget *trellis_education_section_new (void);

G_END_DECLS
