/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-summary.h: the Child summary document
 */
#pragma once

#include <gio/gio.h>

#include "trellis-core.h"
#include "trellis-document.h"

G_BEGIN_DECLS

TrellisDocument *trellis_child_summary_new (TrellisHome  *home,
                                            TrellisChild *child,
                                            GListModel   *assignments,
                                            GDateTime    *today);

G_END_DECLS
