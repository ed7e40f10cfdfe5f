/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-goals.h: a child's goals and progress ratings, risk areas and Stepping Up /
 * Stepping Down decisions
 *
 * Included by trellis-store.h; the calls are in trellis-store-goals.c.
 */
#pragma once

#include "trellis-goal-rating.h"
#include "trellis-goal-rules.h"
#include "trellis-goal.h"
#include "trellis-risk-flag.h"
#include "trellis-staff.h"
#include "trellis-stepping-decision.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* What a goal is, said in a sentence or two */
#define TRELLIS_GOAL_WHAT_MAX_CHARS 500
/* Why support was stepped up or down: the details are in the meeting's minutes */
#define TRELLIS_STEPPING_REASON_MAX_CHARS 2000

gint64 trellis_store_add_goal (TrellisStore     *self,
                               TrellisStaff     *actor,
                               gint64            child_id,
                               TrellisGoalDomain domain,
                               const char       *what,
                               guint             baseline,
                               guint             target,
                               GDateTime        *review_on,
                               GError          **error);
gint64 trellis_store_add_goal_full (TrellisStore     *self,
                                    TrellisStaff     *actor,
                                    gint64            child_id,
                                    TrellisGoalDomain domain,
                                    const char       *what,
                                    guint             baseline,
                                    guint             target,
                                    GDateTime        *set_on,
                                    GDateTime        *review_on,
                                    GError          **error);
gint64 trellis_store_rate_goal (TrellisStore *self,
                                TrellisStaff *actor,
                                gint64        goal_id,
                                guint         rating,
                                GDateTime    *rated_on,
                                GError      **error);
GListModel *
trellis_store_list_goals (TrellisStore *self, TrellisStaff *actor, gint64 child_id, GError **error);
gint64 trellis_store_flag_risk (TrellisStore    *self,
                                TrellisStaff    *actor,
                                gint64           child_id,
                                TrellisRiskArea  area,
                                TrellisRiskLevel level,
                                GDateTime       *flagged_on,
                                GError         **error);
GListModel *
trellis_store_list_risks (TrellisStore *self, TrellisStaff *actor, gint64 child_id, GError **error);
gint64      trellis_store_record_stepping (TrellisStore   *self,
                                           TrellisStaff   *actor,
                                           gint64          child_id,
                                           TrellisStepping direction,
                                           GDateTime      *decided_on,
                                           const char     *decided_by,
                                           const char     *reason,
                                           GError        **error);
GListModel *trellis_store_list_stepping (TrellisStore *self,
                                         TrellisStaff *actor,
                                         gint64        child_id,
                                         GError      **error);

/* For the window: the goals, risks and decisions read together on the store's worker */
void        trellis_store_list_goals_async (TrellisStore       *self,
                                            TrellisStaff       *actor,
                                            gint64              child_id,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
GListModel *trellis_store_list_goals_finish (TrellisStore *self,
                                             GAsyncResult *result,
                                             GListModel  **risks,
                                             GListModel  **stepping,
                                             GError      **error);
void        trellis_store_add_goal_async (TrellisStore       *self,
                                          TrellisStaff       *actor,
                                          gint64              child_id,
                                          TrellisGoalDomain   domain,
                                          const char         *what,
                                          guint               baseline,
                                          guint               target,
                                          GDateTime          *review_on,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
void        trellis_store_rate_goal_async (TrellisStore       *self,
                                           TrellisStaff       *actor,
                                           gint64              goal_id,
                                           guint               rating,
                                           GDateTime          *rated_on,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
/* The answer to either: the new row's id, or 0 with @error set */
gint64 trellis_store_goal_change_finish (TrellisStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
