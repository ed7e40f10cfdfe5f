/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-row.h: one child in the children list
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILD_ROW (trellis_child_row_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChildRow, trellis_child_row, TRELLIS, CHILD_ROW, GtkWidget)

GtkWidget *trellis_child_row_new       (void);
void       trellis_child_row_set_child (TrellisChildRow *self,
                                        TrellisChild    *child);
char      *trellis_child_dup_ui_name   (TrellisChild    *child);
char      *trellis_dup_ui_name_in_line (const char      *name);
void       trellis_avatar_set_photo    (AdwAvatar       *avatar,
                                        GBytes          *photo);

G_END_DECLS
