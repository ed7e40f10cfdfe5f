/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-people-section.h: the people around a child, their important dates coming up, and
 * what consent has been given
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_PEOPLE_SECTION_PEOPLE,
  TRELLIS_PEOPLE_SECTION_COMING_UP,
  TRELLIS_PEOPLE_SECTION_CONSENT,
} TrellisPeopleSectionKind;

#define TRELLIS_TYPE_PEOPLE_SECTION (trellis_people_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPeopleSection, trellis_people_section, TRELLIS, PEOPLE_SECTION,
                      TrellisChildSection)

GtkWidget *trellis_people_section_new (TrellisPeopleSectionKind which);

G_END_DECLS
