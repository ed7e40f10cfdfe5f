/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-home.h: the home: its name, whether it is a demo, its settings, and making it
 *
 * Included by trellis-store.h; the calls are in trellis-store-home.c.
 */
#pragma once

#include "trellis-home.h"
#include "trellis-keys.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* How long the shared PC may be left before the window locks itself: a setting of the home. */
#define TRELLIS_IDLE_LOCK_MIN_MINUTES     1
#define TRELLIS_IDLE_LOCK_MAX_MINUTES     60
#define TRELLIS_IDLE_LOCK_DEFAULT_MINUTES 5

gboolean       trellis_store_has_home               (TrellisStore          *self);
TrellisHome   *trellis_store_get_home               (TrellisStore          *self,
                                                     GError               **error);
guint          trellis_store_get_idle_lock_minutes  (TrellisStore          *self,
                                                     GError               **error);
gboolean       trellis_store_set_idle_lock_minutes  (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     guint                  minutes,
                                                     GError               **error);
TrellisStaff  *trellis_store_create_home            (TrellisStore          *self,
                                                     const char            *home_name,
                                                     gboolean               is_demo,
                                                     const char            *admin_display_name,
                                                     const char            *admin_username,
                                                     const char            *admin_password,
                                                     GError               **error);

TrellisStaff  *trellis_store_create_home_with_key   (TrellisStore          *self,
                                                     const char            *home_name,
                                                     gboolean               is_demo,
                                                     const char            *admin_display_name,
                                                     const char            *admin_username,
                                                     TrellisPasswordKey    *admin_key,
                                                     GError               **error);
TrellisStaff  *trellis_store_create_home_with_password (TrellisStore       *self,
                                                     const char            *home_name,
                                                     gboolean               is_demo,
                                                     const char            *admin_display_name,
                                                     const char            *admin_username,
                                                     const char            *admin_password,
                                                     GError               **error);

G_END_DECLS
