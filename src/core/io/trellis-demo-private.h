/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-private.h: the parts of a demo child's file each area makes, called by
 * trellis_demo_generate() for every child with a random stream of the area's own, so a
 * seed's children and staff stay what they were as areas are added
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

/* trellis-demo-checklist.c: what a child placed here was given and told, their complaints */
gboolean trellis_demo_add_checklist_and_complaints (TrellisStore  *store,
                                                    TrellisStaff  *manager,
                                                    GRand         *rand,
                                                    gint64         id,
                                                    TrellisChild  *child,
                                                    GDateTime     *latest,
                                                    GError       **error);

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

/* trellis-demo-goals.c */
gboolean trellis_demo_add_goals_and_incidents (TrellisStore  *store,
                                               TrellisStaff  *worker,
                                               GRand         *rand,
                                               gint64         child_id,
                                               TrellisChild  *child,
                                               GDateTime     *today,
                                               GError       **error);

/* A placed child's appointments and education file (trellis-demo-education.c) */
gboolean trellis_demo_add_education (TrellisStore  *store,
                                     TrellisStaff  *manager,
                                     GRand         *rand,
                                     gint64         id,
                                     TrellisChild  *child,
                                     GDateTime     *today,
                                     GError       **error);

G_END_DECLS
