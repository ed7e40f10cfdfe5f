/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-incident.c: an incident in a child's care: what, when, and for a missing episode the
 * return interview
 *
 * Read-only, made whole by trellis_incident_new(); the JSON writer writes the properties in this
 * order.
 */
#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-incident.h"

struct _TrellisIncident
{
  GObject parent_instance;

  gint64              id;
  gint64              child_id;
  TrellisIncidentKind kind;
  GDateTime          *happened_on;
  char               *time;
  char               *what;
  GDateTime          *interview_on;
  char               *interview_by;
  char               *child_said;
  char               *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisIncident, trellis_incident, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_KIND,
  PROP_HAPPENED_ON,
  PROP_TIME,
  PROP_WHAT,
  PROP_INTERVIEW_ON,
  PROP_INTERVIEW_BY,
  PROP_CHILD_SAID,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_incident_finalize (GObject *object)
{
  TrellisIncident *self = (TrellisIncident *)object;

  g_clear_pointer (&self->happened_on, g_date_time_unref);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->interview_on, g_date_time_unref);
  g_clear_pointer (&self->interview_by, g_free);
  g_clear_pointer (&self->child_said, g_free);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (trellis_incident_parent_class)->finalize (object);
}

static void
trellis_incident_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TrellisIncident *self = TRELLIS_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_HAPPENED_ON:
      g_value_set_boxed (value, self->happened_on);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;
    case PROP_INTERVIEW_ON:
      g_value_set_boxed (value, self->interview_on);
      break;
    case PROP_INTERVIEW_BY:
      g_value_set_string (value, self->interview_by);
      break;
    case PROP_CHILD_SAID:
      g_value_set_string (value, self->child_said);
      break;
    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_incident_class_init (TrellisIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_incident_finalize;
  object_class->get_property = trellis_incident_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TRELLIS_TYPE_INCIDENT_KIND,
                                             TRELLIS_INCIDENT_BEHAVIOUR, ro);
  properties[PROP_HAPPENED_ON]
      = g_param_spec_boxed ("happened-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, "", ro);
  properties[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, "", ro);
  properties[PROP_INTERVIEW_ON]
      = g_param_spec_boxed ("interview-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_INTERVIEW_BY] = g_param_spec_string ("interview-by", NULL, NULL, "", ro);
  properties[PROP_CHILD_SAID] = g_param_spec_string ("child-said", NULL, NULL, "", ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_incident_init (TrellisIncident *self)
{
}

TrellisIncident *
trellis_incident_new (gint64              id,
                      gint64              child_id,
                      TrellisIncidentKind kind,
                      GDateTime          *happened_on,
                      const char         *time,
                      const char         *what,
                      GDateTime          *interview_on,
                      const char         *interview_by,
                      const char         *child_said,
                      const char         *recorded_by)
{
  TrellisIncident *self = g_object_new (TRELLIS_TYPE_INCIDENT, NULL);

  self->id = id;
  self->child_id = child_id;
  self->kind = kind;
  self->happened_on = happened_on != NULL ? g_date_time_ref (happened_on) : NULL;
  self->time = g_strdup (time != NULL ? time : "");
  self->what = g_strdup (what != NULL ? what : "");
  self->interview_on = interview_on != NULL ? g_date_time_ref (interview_on) : NULL;
  self->interview_by = g_strdup (interview_by != NULL ? interview_by : "");
  self->child_said = g_strdup (child_said != NULL ? child_said : "");
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_incident_get_id (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), 0);
  return self->id;
}

gint64
trellis_incident_get_child_id (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), 0);
  return self->child_id;
}

TrellisIncidentKind
trellis_incident_get_kind (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), TRELLIS_INCIDENT_BEHAVIOUR);
  return self->kind;
}

GDateTime *
trellis_incident_get_happened_on (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), NULL);
  return self->happened_on;
}

const char *
trellis_incident_get_time (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), NULL);
  return self->time;
}

const char *
trellis_incident_get_what (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), NULL);
  return self->what;
}

GDateTime *
trellis_incident_get_interview_on (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), NULL);
  return self->interview_on;
}

const char *
trellis_incident_get_interview_by (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), NULL);
  return self->interview_by;
}

const char *
trellis_incident_get_child_said (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), NULL);
  return self->child_said;
}

const char *
trellis_incident_get_recorded_by (TrellisIncident *self)
{
  g_return_val_if_fail (TRELLIS_IS_INCIDENT (self), NULL);
  return self->recorded_by;
}
