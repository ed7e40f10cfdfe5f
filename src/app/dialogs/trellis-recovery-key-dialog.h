/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-recovery-key-dialog.h: a home's recovery key, shown once
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void trellis_recovery_key_dialog_present (GtkWidget *parent,
                                          char      *text);

G_END_DECLS
