/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-add-staff-dialog.h: a new staff account, with a one-time password
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ADD_STAFF_DIALOG (trellis_add_staff_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAddStaffDialog, trellis_add_staff_dialog, TRELLIS, ADD_STAFF_DIALOG,
                      AdwMessageDialog)

TrellisAddStaffDialog *trellis_add_staff_dialog_new (GtkWindow    *parent,
                                                     TrellisStore *store,
                                                     TrellisStaff *actor);

G_END_DECLS
