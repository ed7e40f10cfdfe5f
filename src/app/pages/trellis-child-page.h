/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-page.h: a child's details in the window's content pane
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILD_PAGE (trellis_child_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChildPage, trellis_child_page, TRELLIS, CHILD_PAGE, AdwBin)

void          trellis_child_page_set_child     (TrellisChildPage *self,
                                                TrellisChild     *child,
                                                GListModel       *assignments);
TrellisChild *trellis_child_page_get_child     (TrellisChildPage *self);
void          trellis_child_page_set_audit     (TrellisChildPage *self,
                                                GListModel       *entries);
guint         trellis_child_page_get_n_audit   (TrellisChildPage *self);
const char   *trellis_child_page_get_value     (TrellisChildPage *self,
                                                const char       *field);

G_END_DECLS
