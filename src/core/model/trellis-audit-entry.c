/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-audit-entry.c: who did what to which record, and when
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-audit-entry.h"

struct _TrellisAuditEntry
{
  GObject    parent_instance;

  gint64     id;
  GDateTime *at;
  char      *staff_name;
  char      *action;
  gint64     child_id;
  char      *child_name;
  char      *detail;
};

G_DEFINE_FINAL_TYPE (TrellisAuditEntry, trellis_audit_entry, G_TYPE_OBJECT)

static void
trellis_audit_entry_finalize (GObject *object)
{
  TrellisAuditEntry *self = (TrellisAuditEntry *)object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->staff_name, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->child_name, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (trellis_audit_entry_parent_class)->finalize (object);
}

static void
trellis_audit_entry_class_init (TrellisAuditEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_audit_entry_finalize;
}

static void
trellis_audit_entry_init (TrellisAuditEntry *self)
{
}

TrellisAuditEntry *
trellis_audit_entry_new (gint64      id,
                         GDateTime  *at,
                         const char *staff_name,
                         const char *action,
                         gint64      child_id,
                         const char *child_name,
                         const char *detail)
{
  TrellisAuditEntry *self = g_object_new (TRELLIS_TYPE_AUDIT_ENTRY, NULL);

  self->id = id;
  self->at = at != NULL ? g_date_time_ref (at) : NULL;
  self->staff_name = g_strdup (staff_name);
  self->action = g_strdup (action);
  self->child_id = child_id;
  self->child_name = g_strdup (child_name);
  self->detail = g_strdup (detail != NULL ? detail : "");
  return self;
}

gint64 trellis_audit_entry_get_id (TrellisAuditEntry *self) { return self->id; }
GDateTime *trellis_audit_entry_get_at (TrellisAuditEntry *self) { return self->at; }
const char *trellis_audit_entry_get_staff_name (TrellisAuditEntry *self) { return self->staff_name; }
const char *trellis_audit_entry_get_action (TrellisAuditEntry *self) { return self->action; }
gint64 trellis_audit_entry_get_child_id (TrellisAuditEntry *self) { return self->child_id; }
const char *trellis_audit_entry_get_child_name (TrellisAuditEntry *self) { return self->child_name; }
const char *trellis_audit_entry_get_detail (TrellisAuditEntry *self) { return self->detail; }

/* What an action recorded in the trail means, for people reading it. */
const char *
trellis_audit_action_to_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "view-child", N_("Opened the record") },
    { "add-child", N_("Added the child") },
    { "edit-child", N_("Changed details") },
    { "assign-link-worker", N_("Assigned a Link Worker") },
    { "sign-in", N_("Signed in") },
    { "sign-in-failed", N_("Wrong password") },
    { "account-locked", N_("Account locked") },
    { "sign-out", N_("Signed out") },
    { "add-staff", N_("Added a staff account") },
    { "reset-password", N_("Reset a password") },
    { "change-password", N_("Changed own password") },
    { "unlock-staff", N_("Unlocked an account") },
    { "staff-left", N_("Marked an account as left") },
    { "restore-staff", N_("Restored an account") },
    { "change-idle-lock", N_("Changed the lock time") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].action, action) == 0)
      return _(labels[i].label);
  return action;
}
