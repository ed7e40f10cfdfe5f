/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-private.h: the parts of the demo home made in files of their own
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

/* trellis-demo-goals.c */
gboolean trellis_demo_add_goals_and_incidents (TrellisStore  *store,
                                               TrellisStaff  *worker,
                                               GRand         *rand,
                                               gint64         child_id,
                                               TrellisChild  *child,
                                               GDateTime     *today,
                                               GError       **error);

G_END_DECLS
