/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo.h: a demo home with made-up children, for exploring, tests and benchmarks
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_DEMO_PASSWORD "trellis-demo"

gboolean trellis_demo_generate (TrellisStore  *store,
                                guint          n_children,
                                guint32        seed,
                                GDateTime     *today,
                                GError       **error);

G_END_DECLS
