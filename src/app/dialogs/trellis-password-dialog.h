/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-password-dialog.h: the signed-in person changes their own password
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PASSWORD_DIALOG (trellis_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPasswordDialog, trellis_password_dialog, TRELLIS, PASSWORD_DIALOG,
                      AdwWindow)

TrellisPasswordDialog *trellis_password_dialog_new       (GtkWindow             *parent,
                                                          TrellisContext        *context);
void                   trellis_password_dialog_set_text  (TrellisPasswordDialog *self,
                                                          const char            *field,
                                                          const char            *text);
gboolean               trellis_password_dialog_is_changing (TrellisPasswordDialog *self);
gboolean               trellis_password_dialog_apply     (TrellisPasswordDialog *self);
const char            *trellis_password_dialog_get_error (TrellisPasswordDialog *self,
                                                          const char            *field);

G_END_DECLS
