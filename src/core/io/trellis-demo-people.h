/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-people.h: the people around each demo child, and consent (trellis-demo.c)
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

gboolean trellis_demo_add_people (TrellisStore  *store,
                                  TrellisStaff  *manager,
                                  GRand         *rand,
                                  gint64         child_id,
                                  TrellisChild  *child,
                                  GDateTime     *today,
                                  GError       **error);

G_END_DECLS
