/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-consent.c: one answer about consent for a child
 *
 * Read-only, made whole by trellis_consent_new(); answers are never changed, a later one
 * replaces an earlier (rules/trellis-people-rules.c). "given-by-id" is the person with
 * parental responsibility who answered, 0 for the child themselves; the JSON writer writes
 * the properties in this order.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-consent.h"
#include "trellis-enum-types.h"

struct _TrellisConsent
{
  GObject                 parent_instance;

  gint64                  id;
  gint64                  child_id;
  TrellisConsentSubject   subject;
  char                   *detail;
  TrellisConsentDecision  decision;
  gint64                  given_by_id;
  char                   *given_by;
  GDateTime              *decided_on;
  char                   *reason;
  char                   *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisConsent, trellis_consent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_SUBJECT,
  PROP_DETAIL,
  PROP_DECISION,
  PROP_GIVEN_BY_ID,
  PROP_GIVEN_BY,
  PROP_DECIDED_ON,
  PROP_REASON,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_consent_finalize (GObject *object)
{
  TrellisConsent *self = (TrellisConsent *)object;

  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->given_by, g_free);
  g_clear_pointer (&self->decided_on, g_date_time_unref);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (trellis_consent_parent_class)->finalize (object);
}

static void
trellis_consent_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrellisConsent *self = TRELLIS_CONSENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_SUBJECT: g_value_set_enum (value, self->subject); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    case PROP_DECISION: g_value_set_enum (value, self->decision); break;
    case PROP_GIVEN_BY_ID: g_value_set_int64 (value, self->given_by_id); break;
    case PROP_GIVEN_BY: g_value_set_string (value, self->given_by); break;
    case PROP_DECIDED_ON: g_value_set_boxed (value, self->decided_on); break;
    case PROP_REASON: g_value_set_string (value, self->reason); break;
    case PROP_RECORDED_BY: g_value_set_string (value, self->recorded_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_consent_class_init (TrellisConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_consent_finalize;
  object_class->get_property = trellis_consent_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SUBJECT] =
    g_param_spec_enum ("subject", NULL, NULL, TRELLIS_TYPE_CONSENT_SUBJECT,
                       TRELLIS_CONSENT_SHARING, ro);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "", ro);
  properties[PROP_DECISION] =
    g_param_spec_enum ("decision", NULL, NULL, TRELLIS_TYPE_CONSENT_DECISION,
                       TRELLIS_CONSENT_GIVEN, ro);
  properties[PROP_GIVEN_BY_ID] =
    g_param_spec_int64 ("given-by-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_GIVEN_BY] = g_param_spec_string ("given-by", NULL, NULL, "", ro);
  properties[PROP_DECIDED_ON] =
    g_param_spec_boxed ("decided-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_consent_init (TrellisConsent *self)
{
}

TrellisConsent *
trellis_consent_new (gint64                  id,
                     gint64                  child_id,
                     TrellisConsentSubject   subject,
                     const char             *detail,
                     TrellisConsentDecision  decision,
                     gint64                  given_by_id,
                     const char             *given_by,
                     GDateTime              *decided_on,
                     const char             *reason,
                     const char             *recorded_by)
{
  TrellisConsent *self = g_object_new (TRELLIS_TYPE_CONSENT, NULL);

  self->id = id;
  self->child_id = child_id;
  self->subject = subject;
  self->detail = g_strdup (detail != NULL ? detail : "");
  self->decision = decision;
  self->given_by_id = given_by_id;
  self->given_by = g_strdup (given_by != NULL ? given_by : "");
  self->decided_on = decided_on != NULL ? g_date_time_ref (decided_on) : NULL;
  self->reason = g_strdup (reason != NULL ? reason : "");
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

#define GETTER(type, name, fallback)                             \
  type                                                           \
  trellis_consent_get_##name (TrellisConsent *self)              \
  {                                                              \
    g_return_val_if_fail (TRELLIS_IS_CONSENT (self), fallback);  \
    return self->name;                                           \
  }

GETTER (gint64, id, 0)
GETTER (gint64, child_id, 0)
GETTER (TrellisConsentSubject, subject, TRELLIS_CONSENT_SHARING)
GETTER (const char *, detail, NULL)
GETTER (TrellisConsentDecision, decision, TRELLIS_CONSENT_REFUSED)
GETTER (gint64, given_by_id, 0)
GETTER (const char *, given_by, NULL)
GETTER (GDateTime *, decided_on, NULL)
GETTER (const char *, reason, NULL)
GETTER (const char *, recorded_by, NULL)

const char *
trellis_consent_subject_to_label (TrellisConsentSubject subject)
{
  switch (subject)
    {
    case TRELLIS_CONSENT_SHARING:     return _("Sharing information with a service");
    case TRELLIS_CONSENT_PHOTOGRAPHS: return _("Photographs");
    case TRELLIS_CONSENT_LEAFLETS:    return _("Leaflets");
    case TRELLIS_CONSENT_OTHER:       return _("Other");
    default:                          return _("Unknown");
    }
}

const char *
trellis_consent_decision_to_label (TrellisConsentDecision decision)
{
  switch (decision)
    {
    case TRELLIS_CONSENT_GIVEN:   return _("Given");
    case TRELLIS_CONSENT_REFUSED: return _("Refused");
    case TRELLIS_CONSENT_WITHOUT: return _("Going ahead without consent");
    default:                      return _("Unknown");
    }
}
