/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-reset-password-dialog.h: a one-time password for someone else's account
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_RESET_PASSWORD_DIALOG (trellis_reset_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisResetPasswordDialog, trellis_reset_password_dialog, TRELLIS,
                      RESET_PASSWORD_DIALOG, AdwMessageDialog)

TrellisResetPasswordDialog *trellis_reset_password_dialog_new       (GtkWindow                  *parent,
                                                                     TrellisStore               *store,
                                                                     TrellisStaff               *actor,
                                                                     TrellisStaff               *staff);
TrellisStaff               *trellis_reset_password_dialog_get_staff (TrellisResetPasswordDialog *self);

G_END_DECLS
