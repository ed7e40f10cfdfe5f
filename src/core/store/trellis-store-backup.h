/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-backup.h: backing a home up, and restoring it
 */
#pragma once

#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gboolean       trellis_store_back_up                (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     const char            *path,
                                                     GError               **error);
gboolean       trellis_store_restore                (const char            *backup,
                                                     const char            *path,
                                                     const char            *username,
                                                     const char            *password,
                                                     char                 **aside,
                                                     GError               **error);

G_END_DECLS
