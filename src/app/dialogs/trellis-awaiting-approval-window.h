/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-awaiting-approval-window.h: the plans a Manager is asked to approve
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_AWAITING_APPROVAL_WINDOW (trellis_awaiting_approval_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAwaitingApprovalWindow, trellis_awaiting_approval_window, TRELLIS,
                      AWAITING_APPROVAL_WINDOW, AdwWindow)

GtkWindow  *trellis_awaiting_approval_window_new (GtkWindow      *parent,
                                                  TrellisContext *context);

/* for the tests */
gboolean    trellis_awaiting_approval_window_is_loading (TrellisAwaitingApprovalWindow *self);
const char *trellis_awaiting_approval_window_get_text   (TrellisAwaitingApprovalWindow *self);

G_END_DECLS
