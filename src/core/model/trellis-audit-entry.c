/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-audit-entry.c: who did what to which record, and when
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-audit-entry.h"
#include "trellis-child.h"
#include "trellis-enum-types.h"
#include "trellis-enums.h"
#include "trellis-record.h"

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
  char      *subject_name;
};

G_DEFINE_FINAL_TYPE (TrellisAuditEntry, trellis_audit_entry, G_TYPE_OBJECT)

/* Read-only: a row is made whole by trellis_audit_entry_new() and never changes. */
enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_STAFF_NAME,
  PROP_ACTION,
  PROP_CHILD_ID,
  PROP_CHILD_NAME,
  PROP_DETAIL,
  PROP_SUBJECT_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_audit_entry_finalize (GObject *object)
{
  TrellisAuditEntry *self = (TrellisAuditEntry *)object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->staff_name, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->child_name, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->subject_name, g_free);

  G_OBJECT_CLASS (trellis_audit_entry_parent_class)->finalize (object);
}

static void
trellis_audit_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisAuditEntry *self = TRELLIS_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_AT: g_value_set_boxed (value, self->at); break;
    case PROP_STAFF_NAME: g_value_set_string (value, self->staff_name); break;
    case PROP_ACTION: g_value_set_string (value, self->action); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_CHILD_NAME: g_value_set_string (value, self->child_name); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    case PROP_SUBJECT_NAME: g_value_set_string (value, self->subject_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_audit_entry_class_init (TrellisAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_audit_entry_finalize;
  object_class->get_property = trellis_audit_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_AT] = g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_STAFF_NAME] = g_param_spec_string ("staff-name", NULL, NULL, NULL, ro);
  /* the stored code, a TrellisAuditAction nick or one this version does not know */
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, ro);
  /* 0 when the row is about no child */
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_NAME] = g_param_spec_string ("child-name", NULL, NULL, NULL, ro);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "", ro);
  properties[PROP_SUBJECT_NAME] = g_param_spec_string ("subject-name", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
                         const char *detail,
                         const char *subject_name)
{
  TrellisAuditEntry *self = g_object_new (TRELLIS_TYPE_AUDIT_ENTRY, NULL);

  self->id = id;
  self->at = at != NULL ? g_date_time_ref (at) : NULL;
  self->staff_name = g_strdup (staff_name);
  self->action = g_strdup (action);
  self->child_id = child_id;
  self->child_name = g_strdup (child_name);
  self->detail = g_strdup (detail != NULL ? detail : "");
  self->subject_name = g_strdup (subject_name != NULL ? subject_name : "");
  return self;
}

gint64 trellis_audit_entry_get_id (TrellisAuditEntry *self) { return self->id; }
GDateTime *trellis_audit_entry_get_at (TrellisAuditEntry *self) { return self->at; }
const char *trellis_audit_entry_get_staff_name (TrellisAuditEntry *self) { return self->staff_name; }
const char *trellis_audit_entry_get_action (TrellisAuditEntry *self) { return self->action; }
gint64 trellis_audit_entry_get_child_id (TrellisAuditEntry *self) { return self->child_id; }
const char *trellis_audit_entry_get_child_name (TrellisAuditEntry *self) { return self->child_name; }
const char *trellis_audit_entry_get_detail (TrellisAuditEntry *self) { return self->detail; }

/* The display name of the account the row is about, or of the new Link Worker; "" when none */
const char *
trellis_audit_entry_get_subject_name (TrellisAuditEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_AUDIT_ENTRY (self), NULL);

  return self->subject_name;
}

/* Who did it, for people: rows of a sign-in with a username nobody has carry no one. */
const char *
trellis_audit_entry_get_staff_label (TrellisAuditEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_AUDIT_ENTRY (self), NULL);

  return *self->staff_name != '\0' ? self->staff_name : _("Unknown person");
}

/* What was done, in words; an action this version does not know stays as its code. */
const char *
trellis_audit_entry_get_action_label (TrellisAuditEntry *self)
{
  int action;

  g_return_val_if_fail (TRELLIS_IS_AUDIT_ENTRY (self), NULL);

  action = trellis_enum_from_nick (TRELLIS_TYPE_AUDIT_ACTION, self->action);
  return action >= 0 ? trellis_audit_action_to_label (action) : self->action;
}

/* What a change of leaving date did to the child's Link Worker, named in an "edit-child"
 * row after the child's fields that changed (whose words are the child's properties'). */
static const struct {
  const char *field;
  const char *label;
} link_worker_labels[] = {
  { "link-worker-ended", N_("Link Worker until the leaving date") },
  { "link-worker-resumed", N_("Link Worker again") },
};

static const char *
field_to_label (const char *field)
{
  const char *label = trellis_record_get_label (TRELLIS_TYPE_CHILD, field);

  if (label != NULL)
    return label;
  for (guint i = 0; i < G_N_ELEMENTS (link_worker_labels); i++)
    if (g_str_equal (link_worker_labels[i].field, field))
      return _(link_worker_labels[i].label);
  return field;
}

/**
 * trellis_audit_fields_matching:
 *
 * The codes of the child's fields whose labels match @text (trellis_label_matches()), so
 * that a search for "date of birth" finds the rows that changed "date-of-birth".
 */
GStrv
trellis_audit_fields_matching (const char *text)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autofree GParamSpec **versioned = trellis_record_list_versioned (TRELLIS_TYPE_CHILD, NULL);

  for (guint i = 0; versioned[i] != NULL; i++)
    if (trellis_label_matches (trellis_record_get_label (TRELLIS_TYPE_CHILD, versioned[i]->name),
                               text))
      g_strv_builder_add (fields, versioned[i]->name);
  for (guint i = 0; i < G_N_ELEMENTS (link_worker_labels); i++)
    if (trellis_label_matches (_(link_worker_labels[i].label), text))
      g_strv_builder_add (fields, link_worker_labels[i].field);
  return g_strv_builder_end (fields);
}

/**
 * trellis_audit_entry_dup_detail_label:
 *
 * The row's detail as a person reads it: the name of the account it is about, the new Link
 * Worker and why, the fields that changed. The codes stay in trellis_audit_entry_get_detail().
 *
 * Returns: (transfer full): the words, "" when the row has no detail
 */
char *
trellis_audit_entry_dup_detail_label (TrellisAuditEntry *self)
{
  const char *subject;

  g_return_val_if_fail (TRELLIS_IS_AUDIT_ENTRY (self), NULL);

  /* the account's username when it could not be found by name */
  subject = *self->subject_name != '\0' ? self->subject_name : self->detail;

  switch (trellis_enum_from_nick (TRELLIS_TYPE_AUDIT_ACTION, self->action))
    {
    case TRELLIS_AUDIT_ACTION_ASSIGN_LINK_WORKER:
      {
        /* stored as "username (reason)" */
        const char *open = strstr (self->detail, " (");
        g_autofree char *username = NULL;
        g_autofree char *nick = NULL;
        int reason;

        if (open == NULL || !g_str_has_suffix (open, ")"))
          return g_strdup (subject);
        username = g_strndup (self->detail, open - self->detail);
        nick = g_strndup (open + 2, strlen (open + 2) - 1);
        reason = trellis_enum_from_nick (TRELLIS_TYPE_CHANGE_REASON, nick);
        /* Translators: the new Link Worker and why, "Nia Brown (First Link Worker)" */
        return g_strdup_printf (_("%s (%s)"),
                                *self->subject_name != '\0' ? self->subject_name : username,
                                reason >= 0 ? trellis_change_reason_to_label (reason) : nick);
      }

    case TRELLIS_AUDIT_ACTION_ADD_STAFF:
    case TRELLIS_AUDIT_ACTION_RESET_PASSWORD:
    case TRELLIS_AUDIT_ACTION_UNLOCK_STAFF:
    case TRELLIS_AUDIT_ACTION_LOCK_STAFF:
    case TRELLIS_AUDIT_ACTION_STAFF_LEFT:
    case TRELLIS_AUDIT_ACTION_RESTORE_STAFF:
      return g_strdup (subject);

    case TRELLIS_AUDIT_ACTION_EDIT_CHILD:
      {
        g_auto(GStrv) fields = g_strsplit (self->detail, ",", -1);
        g_autoptr(GString) labels = g_string_new (NULL);

        for (guint i = 0; fields[i] != NULL; i++)
          {
            if (*fields[i] == '\0')
              continue;
            if (labels->len > 0)
              g_string_append (labels, ", ");
            g_string_append (labels, field_to_label (fields[i]));
          }
        return g_string_free (g_steal_pointer (&labels), FALSE);
      }

    case TRELLIS_AUDIT_ACTION_SIGN_IN_FAILED:
      if (g_str_equal (self->detail, "locked"))
        return g_strdup (_("The account was locked"));
      return g_strdup (self->detail);

    case TRELLIS_AUDIT_ACTION_SIGN_IN_WAITING:
      if (*self->detail == '\0')
        return g_strdup (_("Waiting started"));
      {
        guint64 n = g_ascii_strtoull (self->detail, NULL, 10);
        /* Translators: tries at a password refused while the person had to wait */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu try turned away",
                                             "%llu tries turned away", n),
                                (unsigned long long) n);
      }

    default:
      return g_strdup (self->detail);
    }
}
