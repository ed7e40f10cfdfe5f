/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-care-plans.h: a child's plans, every version of each, and their approval
 *
 * Included by trellis-store.h; the calls are in trellis-store-care-plans.c.
 */
#pragma once

#include "trellis-care-plan-rules.h"
#include "trellis-care-plan-version.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gint64         trellis_store_save_care_plan          (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      gint64                        child_id,
                                                      gint64                        plan_id,
                                                      const TrellisCarePlanContent *content,
                                                      gboolean                      submit,
                                                      GError                      **error);
void           trellis_store_save_care_plan_async    (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      gint64                        child_id,
                                                      gint64                        plan_id,
                                                      const TrellisCarePlanContent *content,
                                                      gboolean                      submit,
                                                      GCancellable                 *cancellable,
                                                      GAsyncReadyCallback           callback,
                                                      gpointer                      user_data);
gint64         trellis_store_save_care_plan_finish   (TrellisStore                 *self,
                                                      GAsyncResult                 *result,
                                                      GError                      **error);
gboolean       trellis_store_approve_care_plan       (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      gint64                        plan_id,
                                                      GError                      **error);
gboolean       trellis_store_return_care_plan        (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      gint64                        plan_id,
                                                      const char                   *comment,
                                                      GError                      **error);
/* approve, or return with @comment, on the worker; answered by save_care_plan_finish() */
void           trellis_store_decide_care_plan_async  (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      gint64                        plan_id,
                                                      gboolean                      approve,
                                                      const char                   *comment,
                                                      GCancellable                 *cancellable,
                                                      GAsyncReadyCallback           callback,
                                                      gpointer                      user_data);
GListModel    *trellis_store_list_care_plans         (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      gint64                        child_id,
                                                      GError                      **error);
GListModel    *trellis_store_list_care_plans_awaiting (TrellisStore                *self,
                                                      TrellisStaff                 *actor,
                                                      GError                      **error);
GListModel    *trellis_store_list_care_plan_versions (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      gint64                        plan_id,
                                                      GError                      **error);
TrellisCarePlanVersion *
               trellis_store_get_care_plan           (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      gint64                        plan_id,
                                                      guint                         version,
                                                      GError                      **error);

/* The lists on the store's worker: a child's plans (@id the child's), the versions of one
 * (@id the plan's) or, with @id 0, what awaits approval; each answered by
 * trellis_store_list_care_plans_finish(). */
typedef enum
{
  TRELLIS_CARE_PLAN_LIST_CHILD,
  TRELLIS_CARE_PLAN_LIST_VERSIONS,
  TRELLIS_CARE_PLAN_LIST_AWAITING,
} TrellisCarePlanList;

void           trellis_store_list_care_plans_async   (TrellisStore                 *self,
                                                      TrellisStaff                 *actor,
                                                      TrellisCarePlanList           list,
                                                      gint64                        id,
                                                      GCancellable                 *cancellable,
                                                      GAsyncReadyCallback           callback,
                                                      gpointer                      user_data);
GListModel    *trellis_store_list_care_plans_finish  (TrellisStore                 *self,
                                                      GAsyncResult                 *result,
                                                      GError                      **error);

G_END_DECLS
