/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-person-dialog.h: adding someone to a child's network, or changing their details
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PERSON_DIALOG (trellis_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPersonDialog, trellis_person_dialog, TRELLIS, PERSON_DIALOG,
                      AdwWindow)

TrellisPersonDialog *trellis_person_dialog_new (GtkWindow      *parent,
                                                TrellisContext *context,
                                                TrellisChild   *child,
                                                TrellisPerson  *person);

G_END_DECLS
