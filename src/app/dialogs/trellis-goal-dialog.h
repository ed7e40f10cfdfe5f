/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal-dialog.h: adding a goal for a child, or rating progress towards one
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GOAL_DIALOG (trellis_goal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGoalDialog, trellis_goal_dialog, TRELLIS, GOAL_DIALOG,
                      AdwMessageDialog)

TrellisGoalDialog *trellis_goal_dialog_new_add  (GtkWindow      *parent,
                                                 TrellisContext *context,
                                                 TrellisChild   *child);
TrellisGoalDialog *trellis_goal_dialog_new_rate (GtkWindow      *parent,
                                                 TrellisContext *context,
                                                 TrellisChild   *child,
                                                 TrellisGoal    *goal);

G_END_DECLS
