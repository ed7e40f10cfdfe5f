/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goals-section.h: a child's goals, each with a chart of its progress
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GOALS_SECTION (trellis_goals_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGoalsSection, trellis_goals_section, TRELLIS, GOALS_SECTION,
                      TrellisChildSection)

GtkWidget   *trellis_goals_section_new         (void);
TrellisGoal *trellis_goals_section_lookup_goal (TrellisGoalsSection *self,
                                                gint64               goal_id);

G_END_DECLS
