/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan-version.h: one version of a child's plan, who saved it and when
 */
#pragma once

#include <glib-object.h>

#include "trellis-care-plan.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CARE_PLAN_VERSION (trellis_care_plan_version_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCarePlanVersion, trellis_care_plan_version, TRELLIS,
                      CARE_PLAN_VERSION, GObject)

TrellisCarePlanVersion *trellis_care_plan_version_new (gint64                        id,
                                                       gint64                        plan_id,
                                                       gint64                        child_id,
                                                       guint                         version,
                                                       TrellisCarePlanStatus         status,
                                                       TrellisCarePlanStep           step,
                                                       TrellisCarePlanContent       *content,
                                                       const char                   *comment,
                                                       const char                   *saved_by,
                                                       gint64                        saved_at);
gint64                  trellis_care_plan_version_get_id        (TrellisCarePlanVersion *self);
gint64                  trellis_care_plan_version_get_plan_id   (TrellisCarePlanVersion *self);
gint64                  trellis_care_plan_version_get_child_id  (TrellisCarePlanVersion *self);
guint                   trellis_care_plan_version_get_version   (TrellisCarePlanVersion *self);
TrellisCarePlanKind     trellis_care_plan_version_get_kind      (TrellisCarePlanVersion *self);
TrellisCarePlanStatus   trellis_care_plan_version_get_status    (TrellisCarePlanVersion *self);
TrellisCarePlanStep     trellis_care_plan_version_get_step      (TrellisCarePlanVersion *self);
const TrellisCarePlanContent *
                        trellis_care_plan_version_get_content   (TrellisCarePlanVersion *self);
const char             *trellis_care_plan_version_get_comment   (TrellisCarePlanVersion *self);
const char             *trellis_care_plan_version_get_saved_by  (TrellisCarePlanVersion *self);
gint64                  trellis_care_plan_version_get_saved_at  (TrellisCarePlanVersion *self);
char                   *trellis_care_plan_version_dup_title     (TrellisCarePlanVersion *self);
/* The child's name, in the lists that show plans of several children */
const char             *trellis_care_plan_version_get_child_name (TrellisCarePlanVersion *self);
void                    trellis_care_plan_version_set_child_name (TrellisCarePlanVersion *self,
                                                                  const char             *name);

G_END_DECLS
