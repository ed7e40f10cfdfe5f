/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-backups-group.h: the backups, in the home's settings
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_BACKUPS_GROUP (trellis_backups_group_get_type ())
G_DECLARE_FINAL_TYPE (TrellisBackupsGroup, trellis_backups_group, TRELLIS, BACKUPS_GROUP,
                      AdwPreferencesGroup)

void trellis_backups_group_set_context (TrellisBackupsGroup *self,
                                        TrellisContext      *context);
void trellis_backups_group_refresh     (TrellisBackupsGroup *self);

G_END_DECLS
