/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-audit-window.h: the whole audit trail, searchable, for Managers
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_AUDIT_WINDOW (trellis_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAuditWindow, trellis_audit_window, TRELLIS, AUDIT_WINDOW, AdwWindow)

#define TRELLIS_AUDIT_ROWS_SHOWN 500

TrellisAuditWindow *trellis_audit_window_new        (GtkWindow          *parent,
                                                     TrellisContext     *context);
void                trellis_audit_window_set_search (TrellisAuditWindow *self,
                                                     const char         *text);
guint               trellis_audit_window_get_n_rows (TrellisAuditWindow *self);
const char         *trellis_audit_window_check      (TrellisAuditWindow *self);
GtkWidget          *trellis_audit_row_new           (TrellisAuditEntry  *entry,
                                                     gboolean            with_child);

G_END_DECLS
