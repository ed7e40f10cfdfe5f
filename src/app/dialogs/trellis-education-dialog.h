/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-education-dialog.h: adding a record to a child's education file
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_EDUCATION_DIALOG (trellis_education_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisEducationDialog, trellis_education_dialog, TRELLIS,
                      EDUCATION_DIALOG, AdwMessageDialog)

TrellisEducationDialog *trellis_education_dialog_new (GtkWindow      *parent,
                                                      TrellisContext *context,
                                                      TrellisChild   *child);

G_END_DECLS
