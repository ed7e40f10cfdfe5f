/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-staff.h: a member of staff with an account
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STAFF (trellis_staff_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStaff, trellis_staff, TRELLIS, STAFF, GObject)

TrellisStaff *trellis_staff_new                 (gint64       id,
                                                 const char  *username,
                                                 const char  *display_name,
                                                 TrellisRole  role,
                                                 gboolean     active);
gint64        trellis_staff_get_id              (TrellisStaff *self);
const char   *trellis_staff_get_username        (TrellisStaff *self);
const char   *trellis_staff_get_display_name    (TrellisStaff *self);
TrellisRole   trellis_staff_get_role            (TrellisStaff *self);
gboolean      trellis_staff_get_active          (TrellisStaff *self);
gboolean      trellis_staff_get_locked          (TrellisStaff *self);
void          trellis_staff_set_locked          (TrellisStaff *self,
                                                 gboolean      locked);

#define TRELLIS_USERNAME_MAX_CHARS 32

gboolean      trellis_staff_check_username      (const char   *username,
                                                 GError      **error);
gboolean      trellis_staff_check_display_name  (const char   *display_name,
                                                 GError      **error);
gboolean      trellis_staff_check_names         (const char   *username,
                                                 const char   *display_name,
                                                 GError      **error);

G_END_DECLS
