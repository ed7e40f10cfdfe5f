/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-file.h: a child's file — who they are, then its sections
 */
#pragma once

#include <adwaita.h>

#include "trellis-child-section.h"
#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILD_FILE (trellis_child_file_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChildFile, trellis_child_file, TRELLIS, CHILD_FILE, AdwBin)

gboolean      trellis_child_file_load      (TrellisChildFile  *self,
                                            TrellisContext    *context,
                                            gint64             child_id,
                                            gboolean           opened,
                                            GError           **error);
void          trellis_child_file_load_async  (TrellisChildFile    *self,
                                              TrellisContext      *context,
                                              gint64               child_id,
                                              gboolean             opened,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      trellis_child_file_load_finish (TrellisChildFile    *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void          trellis_child_file_clear     (TrellisChildFile  *self);
TrellisChild *trellis_child_file_get_child (TrellisChildFile  *self);
gboolean      trellis_child_file_action_enabled (TrellisChildFile *self,
                                                 const char       *action);
gboolean      trellis_child_file_is_loading (TrellisChildFile *self);
TrellisChildSection *
              trellis_child_file_get_section (TrellisChildFile *self,
                                              GType             type);
guint         trellis_child_file_get_n_audit (TrellisChildFile *self);
const char   *trellis_child_file_get_value (TrellisChildFile  *self,
                                            const char        *field);
TrellisGoal  *trellis_child_file_lookup_goal (TrellisChildFile *self,
                                              gint64            goal_id);

G_END_DECLS
