/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-dialog-form.h: the form of a dialog that records something in a child's file
 */
#pragma once

#include <adwaita.h>

#include "trellis-error-row.h"

G_BEGIN_DECLS

GtkLabel    *trellis_dialog_form_init       (AdwMessageDialog     *dialog,
                                             GtkWidget            *form);
GtkEditable *trellis_dialog_form_add_field  (AdwPreferencesGroup  *group,
                                             const char           *title,
                                             TrellisErrorRow     **error_row);
void         trellis_dialog_form_show_error (GtkLabel             *error_label,
                                             const char           *message);
void         trellis_dialog_form_close      (GtkWindow            *dialog);

G_END_DECLS
