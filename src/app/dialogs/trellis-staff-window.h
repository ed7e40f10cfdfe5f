/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-staff-window.h: staff accounts, for Administrators (and Managers, to reset)
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STAFF_WINDOW (trellis_staff_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStaffWindow, trellis_staff_window, TRELLIS, STAFF_WINDOW, AdwWindow)

TrellisStaffWindow *trellis_staff_window_new         (GtkWindow          *parent,
                                                      TrellisContext     *context);
gboolean            trellis_staff_window_add         (TrellisStaffWindow *self,
                                                      const char         *username,
                                                      const char         *display_name,
                                                      TrellisRole         role,
                                                      const char         *one_time_password,
                                                      GError            **error);
guint               trellis_staff_window_get_n_staff (TrellisStaffWindow *self);
AdwMessageDialog   *trellis_staff_window_open_add    (TrellisStaffWindow *self);

G_END_DECLS
