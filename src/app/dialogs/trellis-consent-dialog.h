/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-consent-dialog.h: recording what consent the child or those with parental
 * responsibility gave, or why it is going ahead without
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CONSENT_DIALOG (trellis_consent_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisConsentDialog, trellis_consent_dialog, TRELLIS, CONSENT_DIALOG,
                      AdwMessageDialog)

TrellisConsentDialog *trellis_consent_dialog_new (GtkWindow      *parent,
                                                  TrellisContext *context,
                                                  TrellisChild   *child,
                                                  GListModel     *people);

G_END_DECLS
