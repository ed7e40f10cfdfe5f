/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-audit-entry.h: one row of the audit trail
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_AUDIT_ENTRY (trellis_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAuditEntry, trellis_audit_entry, TRELLIS, AUDIT_ENTRY, GObject)

TrellisAuditEntry *trellis_audit_entry_new            (gint64             id,
                                                       GDateTime         *at,
                                                       const char        *staff_name,
                                                       const char        *action,
                                                       gint64             child_id,
                                                       const char        *child_name,
                                                       const char        *detail,
                                                       const char        *subject_name);
gint64             trellis_audit_entry_get_id         (TrellisAuditEntry *self);
GDateTime         *trellis_audit_entry_get_at         (TrellisAuditEntry *self);
const char        *trellis_audit_entry_get_staff_name (TrellisAuditEntry *self);
const char        *trellis_audit_entry_get_action     (TrellisAuditEntry *self);
gint64             trellis_audit_entry_get_child_id   (TrellisAuditEntry *self);
const char        *trellis_audit_entry_get_child_name (TrellisAuditEntry *self);
const char        *trellis_audit_entry_get_detail     (TrellisAuditEntry *self);
const char        *trellis_audit_entry_get_subject_name (TrellisAuditEntry *self);

/* for people to read: the codes above stay for scripts (--format json) */
const char        *trellis_audit_entry_get_staff_label  (TrellisAuditEntry *self);
const char        *trellis_audit_entry_get_action_label (TrellisAuditEntry *self);
char              *trellis_audit_entry_dup_detail_label (TrellisAuditEntry *self);
GStrv              trellis_audit_fields_matching        (const char        *text);

G_END_DECLS
