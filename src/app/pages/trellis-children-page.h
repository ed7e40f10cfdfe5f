/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-children-page.h: the children of the home, searched, sorted and chosen
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILDREN_PAGE (trellis_children_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChildrenPage, trellis_children_page,
                      TRELLIS, CHILDREN_PAGE, GtkWidget)

GtkWidget  *trellis_children_page_new          (void);
void        trellis_children_page_set_context  (TrellisChildrenPage *self,
                                                TrellisContext      *context);
void        trellis_children_page_show_chosen  (TrellisChildrenPage *self,
                                                gint64               child_id);
void        trellis_children_page_start_search (TrellisChildrenPage *self);
void        trellis_children_page_set_search   (TrellisChildrenPage *self,
                                                const char          *text);
GListModel *trellis_children_page_get_children (TrellisChildrenPage *self);
const char *trellis_children_page_get_empty_text (TrellisChildrenPage *self);

G_END_DECLS
