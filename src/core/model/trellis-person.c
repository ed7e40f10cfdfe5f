/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-person.c: someone in a child's network
 *
 * The fields a person edits are TRELLIS_PARAM_VERSIONED properties, set with g_object_set():
 * the store keeps every earlier version and audits which fields changed by their names
 * (trellis-record.h), never their values. Someone no longer involved is marked so ("involved"
 * FALSE), never removed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-person.h"
#include "trellis-record.h"
#include "trellis-text.h"

struct _TrellisPerson
{
  GObject                    parent_instance;

  gint64                     id;
  gint64                     child_id;
  int                        version;
  char                      *name;
  TrellisRelationship        relationship;
  char                      *role;
  gboolean                   parental_responsibility;
  char                      *phone;
  char                      *email;
  char                      *address;
  char                      *language;
  gboolean                   interpreter;
  char                      *best_time;
  GDateTime                 *birthday;
  GDateTime                 *other_date;
  char                      *other_date_label;
  TrellisContactRestriction  restriction;
  char                      *restriction_notes;
  char                      *child_view;
  gboolean                   involved;
  char                      *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisPerson, trellis_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_RELATIONSHIP,
  PROP_ROLE,
  PROP_PARENTAL_RESPONSIBILITY,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_LANGUAGE,
  PROP_INTERPRETER,
  PROP_BEST_TIME,
  PROP_BIRTHDAY,
  PROP_OTHER_DATE,
  PROP_OTHER_DATE_LABEL,
  PROP_RESTRICTION,
  PROP_RESTRICTION_NOTES,
  PROP_CHILD_VIEW,
  PROP_INVOLVED,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The string field behind a string property, so get and set share one table. */
static char **
string_field (TrellisPerson *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_ROLE: return &self->role;
    case PROP_PHONE: return &self->phone;
    case PROP_EMAIL: return &self->email;
    case PROP_ADDRESS: return &self->address;
    case PROP_LANGUAGE: return &self->language;
    case PROP_BEST_TIME: return &self->best_time;
    case PROP_OTHER_DATE_LABEL: return &self->other_date_label;
    case PROP_RESTRICTION_NOTES: return &self->restriction_notes;
    case PROP_CHILD_VIEW: return &self->child_view;
    case PROP_RECORDED_BY: return &self->recorded_by;
    default: return NULL;
    }
}

static GDateTime **
date_field (TrellisPerson *self,
            guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_BIRTHDAY: return &self->birthday;
    case PROP_OTHER_DATE: return &self->other_date;
    default: return NULL;
    }
}

static void
trellis_person_finalize (GObject *object)
{
  TrellisPerson *self = (TrellisPerson *)object;

  for (guint i = 1; i < N_PROPS; i++)
    {
      char **s = string_field (self, i);
      GDateTime **d = date_field (self, i);

      if (s != NULL)
        g_clear_pointer (s, g_free);
      if (d != NULL)
        g_clear_pointer (d, g_date_time_unref);
    }

  G_OBJECT_CLASS (trellis_person_parent_class)->finalize (object);
}

static void
trellis_person_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisPerson *self = TRELLIS_PERSON (object);
  char **s = string_field (self, prop_id);
  GDateTime **d = date_field (self, prop_id);

  if (s != NULL)
    {
      g_value_set_string (value, *s != NULL ? *s : "");
      return;
    }
  if (d != NULL)
    {
      g_value_set_boxed (value, *d);
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_VERSION: g_value_set_int (value, self->version); break;
    case PROP_RELATIONSHIP: g_value_set_enum (value, self->relationship); break;
    case PROP_PARENTAL_RESPONSIBILITY:
      g_value_set_boolean (value, self->parental_responsibility);
      break;
    case PROP_INTERPRETER: g_value_set_boolean (value, self->interpreter); break;
    case PROP_RESTRICTION: g_value_set_enum (value, self->restriction); break;
    case PROP_INVOLVED: g_value_set_boolean (value, self->involved); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_person_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TrellisPerson *self = TRELLIS_PERSON (object);
  char **s = string_field (self, prop_id);
  GDateTime **d = date_field (self, prop_id);

  if (s != NULL)
    {
      const char *text = g_value_get_string (value);

      g_free (*s);
      *s = g_strdup (text != NULL ? text : "");
      return;
    }
  if (d != NULL)
    {
      GDateTime *date = g_value_get_boxed (value);

      g_clear_pointer (d, g_date_time_unref);
      *d = date != NULL ? g_date_time_ref (date) : NULL;
      return;
    }
  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_CHILD_ID: self->child_id = g_value_get_int64 (value); break;
    case PROP_VERSION: self->version = g_value_get_int (value); break;
    case PROP_RELATIONSHIP: self->relationship = g_value_get_enum (value); break;
    case PROP_PARENTAL_RESPONSIBILITY:
      self->parental_responsibility = g_value_get_boolean (value);
      break;
    case PROP_INTERPRETER: self->interpreter = g_value_get_boolean (value); break;
    case PROP_RESTRICTION: self->restriction = g_value_get_enum (value); break;
    case PROP_INVOLVED: self->involved = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_person_class_init (TrellisPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;
  GParamFlags versioned = rw | TRELLIS_PARAM_VERSIONED;

  object_class->finalize = trellis_person_finalize;
  object_class->get_property = trellis_person_get_property;
  object_class->set_property = trellis_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", N_("Name"), NULL, "", versioned);
  properties[PROP_RELATIONSHIP] =
    g_param_spec_enum ("relationship", N_("Relationship or role"), NULL,
                       TRELLIS_TYPE_RELATIONSHIP, TRELLIS_RELATIONSHIP_OTHER, versioned);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", N_("Organisation or details"), NULL, "", versioned);
  properties[PROP_PARENTAL_RESPONSIBILITY] =
    g_param_spec_boolean ("parental-responsibility", N_("Parental responsibility"), NULL,
                          FALSE, versioned);
  properties[PROP_PHONE] = g_param_spec_string ("phone", N_("Phone"), NULL, "", versioned);
  properties[PROP_EMAIL] = g_param_spec_string ("email", N_("Email"), NULL, "", versioned);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", N_("Address"), NULL, "", versioned);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", N_("Preferred language"), NULL, "", versioned);
  properties[PROP_INTERPRETER] =
    g_param_spec_boolean ("interpreter", N_("Interpreter needed"), NULL, FALSE, versioned);
  properties[PROP_BEST_TIME] =
    g_param_spec_string ("best-time", N_("Best time to contact"), NULL, "", versioned);
  properties[PROP_BIRTHDAY] =
    g_param_spec_boxed ("birthday", N_("Birthday"), NULL, G_TYPE_DATE_TIME, versioned);
  properties[PROP_OTHER_DATE] =
    g_param_spec_boxed ("other-date", N_("Other important date"), NULL, G_TYPE_DATE_TIME,
                        versioned);
  properties[PROP_OTHER_DATE_LABEL] =
    g_param_spec_string ("other-date-label", N_("What the date is"), NULL, "", versioned);
  properties[PROP_RESTRICTION] =
    g_param_spec_enum ("restriction", N_("Contact arrangement"), NULL,
                       TRELLIS_TYPE_CONTACT_RESTRICTION, TRELLIS_CONTACT_NO_RESTRICTION,
                       versioned);
  properties[PROP_RESTRICTION_NOTES] =
    g_param_spec_string ("restriction-notes", N_("About the arrangement"), NULL, "", versioned);
  properties[PROP_CHILD_VIEW] =
    g_param_spec_string ("child-view", N_("The child’s view of keeping in touch"), NULL, "",
                         versioned);
  properties[PROP_INVOLVED] =
    g_param_spec_boolean ("involved", N_("Still involved"), NULL, TRUE, versioned);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_person_init (TrellisPerson *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    {
      char **s = string_field (self, i);

      if (s != NULL)
        *s = g_strdup ("");
    }
  self->relationship = TRELLIS_RELATIONSHIP_OTHER;
  self->involved = TRUE;
}

TrellisPerson *
trellis_person_new (void)
{
  return g_object_new (TRELLIS_TYPE_PERSON, NULL);
}

/* A copy to edit: every property, the record's ids included */
TrellisPerson *
trellis_person_copy (TrellisPerson *self)
{
  TrellisPerson *copy;

  g_return_val_if_fail (TRELLIS_IS_PERSON (self), NULL);

  copy = trellis_person_new ();
  for (guint i = 1; i < N_PROPS; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &value);
      g_object_set_property (G_OBJECT (copy), properties[i]->name, &value);
    }
  return copy;
}

#define GETTER(type, name, fallback)                             \
  type                                                           \
  trellis_person_get_##name (TrellisPerson *self)                \
  {                                                              \
    g_return_val_if_fail (TRELLIS_IS_PERSON (self), fallback);   \
    return self->name;                                           \
  }

GETTER (gint64, id, 0)
GETTER (gint64, child_id, 0)
GETTER (int, version, 0)
GETTER (const char *, name, NULL)
GETTER (TrellisRelationship, relationship, TRELLIS_RELATIONSHIP_OTHER)
GETTER (const char *, role, NULL)
GETTER (gboolean, parental_responsibility, FALSE)
GETTER (const char *, phone, NULL)
GETTER (const char *, email, NULL)
GETTER (const char *, address, NULL)
GETTER (const char *, language, NULL)
GETTER (gboolean, interpreter, FALSE)
GETTER (const char *, best_time, NULL)
GETTER (GDateTime *, birthday, NULL)
GETTER (GDateTime *, other_date, NULL)
GETTER (const char *, other_date_label, NULL)
GETTER (TrellisContactRestriction, restriction, TRELLIS_CONTACT_NO_RESTRICTION)
GETTER (const char *, restriction_notes, NULL)
GETTER (const char *, child_view, NULL)
GETTER (gboolean, involved, TRUE)
GETTER (const char *, recorded_by, NULL)

const char *
trellis_relationship_to_label (TrellisRelationship relationship)
{
  switch (relationship)
    {
    case TRELLIS_RELATIONSHIP_MOTHER:        return _("Mother");
    case TRELLIS_RELATIONSHIP_FATHER:        return _("Father");
    case TRELLIS_RELATIONSHIP_GRANDPARENT:   return _("Grandparent");
    case TRELLIS_RELATIONSHIP_SIBLING:       return _("Brother or sister");
    case TRELLIS_RELATIONSHIP_AUNT_UNCLE:    return _("Aunt or uncle");
    case TRELLIS_RELATIONSHIP_FOSTER_CARER:  return _("Foster carer");
    case TRELLIS_RELATIONSHIP_FRIEND:        return _("Friend");
    case TRELLIS_RELATIONSHIP_SOCIAL_WORKER: return _("Social worker");
    case TRELLIS_RELATIONSHIP_IRO:           return _("Independent Reviewing Officer");
    case TRELLIS_RELATIONSHIP_TEACHER:       return _("Teacher");
    case TRELLIS_RELATIONSHIP_GP:            return _("GP");
    case TRELLIS_RELATIONSHIP_EARLY_HELP:    return _("Early Help practitioner");
    case TRELLIS_RELATIONSHIP_NAMED_NURSE:
      return _("Named Nurse for Children Looked After");
    case TRELLIS_RELATIONSHIP_CAMHS:         return _("CAMHS worker");
    case TRELLIS_RELATIONSHIP_OTHER:         return _("Other");
    default:                                 return _("Unknown");
    }
}

gboolean
trellis_relationship_is_professional (TrellisRelationship relationship)
{
  return relationship >= TRELLIS_RELATIONSHIP_SOCIAL_WORKER &&
         relationship <= TRELLIS_RELATIONSHIP_CAMHS;
}

const char *
trellis_contact_restriction_to_label (TrellisContactRestriction restriction)
{
  switch (restriction)
    {
    case TRELLIS_CONTACT_NO_RESTRICTION:   return _("No restriction");
    case TRELLIS_CONTACT_SUPERVISED:       return _("Supervised contact only");
    case TRELLIS_CONTACT_NONE:             return _("No contact");
    case TRELLIS_CONTACT_ADDRESS_WITHHELD: return _("Address not to be shared");
    default:                               return _("Unknown");
    }
}

const char *
trellis_contact_restriction_icon (TrellisContactRestriction restriction)
{
  switch (restriction)
    {
    case TRELLIS_CONTACT_SUPERVISED:       return "dialog-warning-symbolic";
    case TRELLIS_CONTACT_NONE:             return "action-unavailable-symbolic";
    case TRELLIS_CONTACT_ADDRESS_WITHHELD: return "security-high-symbolic";
    case TRELLIS_CONTACT_NO_RESTRICTION:
    default:                               return NULL;
    }
}

static gboolean
fail (char       **field,
      const char  *name,
      GError     **error,
      const char  *message)
{
  if (field != NULL)
    *field = g_strdup (name);
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_text (TrellisPerson    *self,
            guint             prop_id,
            TrellisTextKind   kind,
            char            **field,
            GError          **error)
{
  g_autoptr(GError) local = NULL;

  if (trellis_text_check (*string_field (self, prop_id), kind,
                          _(g_param_spec_get_nick (properties[prop_id])), &local))
    return TRUE;
  return fail (field, properties[prop_id]->name, error, local->message);
}

/* Digits, spaces and the marks people write numbers with: "+44 (0)7700 900123" */
static gboolean
is_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +()-.", *p) == NULL)
        return FALSE;
    }
  return digits >= 3;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strchr (text, ' ') == NULL && strchr (at, '.') != NULL;
}

/**
 * trellis_person_check:
 * @today: the day the details are kept
 * @field: (out) (optional) (transfer full): the property the problem is with
 *
 * A name and a relationship; lines and notes as every record's (trellis-text.h); a phone
 * number and an email address that can be used; dates that have come; an important date
 * with what it is; a preferred language when an interpreter is needed.
 */
gboolean
trellis_person_check (TrellisPerson  *self,
                      GDateTime      *today,
                      char          **field,
                      GError        **error)
{
  static const guint lines[] = { PROP_ROLE, PROP_PHONE, PROP_EMAIL, PROP_LANGUAGE,
                                 PROP_BEST_TIME, PROP_OTHER_DATE_LABEL };
  static const guint notes[] = { PROP_ADDRESS, PROP_RESTRICTION_NOTES, PROP_CHILD_VIEW };
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (TRELLIS_IS_PERSON (self), FALSE);

  if (field != NULL)
    *field = NULL;
  if (!trellis_text_check_required (self->name, TRELLIS_TEXT_LINE, _("Name"),
                                    _("Enter the person’s name"), &local))
    return fail (field, "name", error, local->message);
  if (trellis_enum_to_nick (TRELLIS_TYPE_RELATIONSHIP, self->relationship) == NULL)
    return fail (field, "relationship", error, _("Choose who they are to the child"));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (!check_text (self, lines[i], TRELLIS_TEXT_LINE, field, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    if (!check_text (self, notes[i], TRELLIS_TEXT_NOTES, field, error))
      return FALSE;
  if (*self->phone != '\0' && !is_phone (self->phone))
    return fail (field, "phone", error,
                 _("Enter the phone number in digits, for example 07700 900123"));
  if (*self->email != '\0' && !is_email (self->email))
    return fail (field, "email", error,
                 _("Enter the email address in full, for example name@example.org"));
  if (trellis_enum_to_nick (TRELLIS_TYPE_CONTACT_RESTRICTION, self->restriction) == NULL)
    return fail (field, "restriction", error, _("Choose the contact arrangement"));
  if (self->interpreter && is_blank (self->language))
    return fail (field, "language", error,
                 _("Enter the preferred language, so the right interpreter is booked"));
  if (self->birthday != NULL && today != NULL && trellis_date_compare (self->birthday, today) > 0)
    return fail (field, "birthday", error, _("The birthday is in the future"));
  if (self->other_date != NULL && *self->other_date_label == '\0')
    return fail (field, "other-date-label", error,
                 _("Say what the important date is, for example “Anniversary of Grandad’s death”"));
  if (self->other_date == NULL && *self->other_date_label != '\0')
    return fail (field, "other-date", error, _("Enter the important date"));
  return TRUE;
}
