/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-audit-section.h: who opened or changed a child's record
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILD_AUDIT_SECTION (trellis_child_audit_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChildAuditSection, trellis_child_audit_section,
                      TRELLIS, CHILD_AUDIT_SECTION, TrellisChildSection)

GtkWidget *trellis_child_audit_section_new     (void);
guint      trellis_child_audit_section_get_n   (TrellisChildAuditSection *self);

G_END_DECLS
