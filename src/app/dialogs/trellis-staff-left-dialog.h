/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-staff-left-dialog.h: asks, naming them, before someone who has left is signed off
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STAFF_LEFT_DIALOG (trellis_staff_left_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStaffLeftDialog, trellis_staff_left_dialog, TRELLIS,
                      STAFF_LEFT_DIALOG, AdwMessageDialog)

TrellisStaffLeftDialog *trellis_staff_left_dialog_new       (GtkWindow              *parent,
                                                             TrellisStaff           *staff);
TrellisStaff           *trellis_staff_left_dialog_get_staff (TrellisStaffLeftDialog *self);

G_END_DECLS
