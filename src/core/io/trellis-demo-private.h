/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-private.h: the parts of the demo home each area of the file adds
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

/* trellis-demo-care-plans.c */
gboolean trellis_demo_add_care_plans (TrellisStore  *store,
                                      TrellisStaff  *worker,
                                      TrellisStaff  *manager,
                                      GRand         *rand,
                                      gint64         child_id,
                                      TrellisChild  *child,
                                      GDateTime     *latest,
                                      gboolean       awaiting,
                                      GError       **error);

G_END_DECLS
