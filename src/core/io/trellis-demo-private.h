/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-private.h: the parts of the demo home made in files of their own
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

/* A placed child's appointments and education file (trellis-demo-education.c) */
gboolean trellis_demo_add_education (TrellisStore  *store,
                                     TrellisStaff  *manager,
                                     GRand         *rand,
                                     gint64         id,
                                     TrellisChild  *child,
                                     GDateTime     *today,
                                     GError       **error);

G_END_DECLS
