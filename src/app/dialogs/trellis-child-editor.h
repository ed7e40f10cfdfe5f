/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-editor.h: add a child, or edit a child's core details
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILD_EDITOR (trellis_child_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChildEditor, trellis_child_editor, TRELLIS, CHILD_EDITOR, AdwWindow)

TrellisChildEditor *trellis_child_editor_new            (GtkWindow          *parent,
                                                         TrellisContext     *context,
                                                         TrellisChild       *child);
void                trellis_child_editor_set_text       (TrellisChildEditor *self,
                                                         const char         *field,
                                                         const char         *text);
const char         *trellis_child_editor_get_text       (TrellisChildEditor *self,
                                                         const char         *field);
gboolean            trellis_child_editor_save           (TrellisChildEditor *self);
const char         *trellis_child_editor_get_error_text (TrellisChildEditor *self);
gboolean            trellis_child_editor_field_has_error (TrellisChildEditor *self,
                                                          const char         *field);
gboolean            trellis_child_editor_is_dirty       (TrellisChildEditor *self);

G_END_DECLS
