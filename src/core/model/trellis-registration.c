/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-registration.c: where a child is registered for health care, and since when
 *
 * Read-only, made whole by trellis_registration_new(); the JSON writer writes the
 * properties in this order.
 */
#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-registration.h"

struct _TrellisRegistration
{
  GObject             parent_instance;

  gint64              id;
  gint64              child_id;
  TrellisRegistrationKind kind;
  GDateTime          *registered_on;
  char               *practice;
  char               *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisRegistration, trellis_registration, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_KIND,
  PROP_REGISTERED_ON,
  PROP_PRACTICE,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_registration_finalize (GObject *object)
{
  TrellisRegistration *self = (TrellisRegistration *)object;

  g_clear_pointer (&self->registered_on, g_date_time_unref);
  g_clear_pointer (&self->practice, g_free);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (trellis_registration_parent_class)->finalize (object);
}

static void
trellis_registration_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisRegistration *self = TRELLIS_REGISTRATION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_REGISTERED_ON: g_value_set_boxed (value, self->registered_on); break;
    case PROP_PRACTICE: g_value_set_string (value, self->practice); break;
    case PROP_RECORDED_BY: g_value_set_string (value, self->recorded_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_registration_class_init (TrellisRegistrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_registration_finalize;
  object_class->get_property = trellis_registration_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TRELLIS_TYPE_REGISTRATION_KIND,
                       TRELLIS_REGISTRATION_GP, ro);
  properties[PROP_REGISTERED_ON] = g_param_spec_boxed ("registered-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_PRACTICE] = g_param_spec_string ("practice", NULL, NULL, "", ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_registration_init (TrellisRegistration *self)
{
}

TrellisRegistration *
trellis_registration_new (gint64                   id,
                          gint64                   child_id,
                          TrellisRegistrationKind  kind,
                          GDateTime               *registered_on,
                          const char              *practice,
                          const char              *recorded_by)
{
  TrellisRegistration *self = g_object_new (TRELLIS_TYPE_REGISTRATION, NULL);

  self->id = id;
  self->child_id = child_id;
  self->kind = kind;
  self->registered_on = registered_on != NULL ? g_date_time_ref (registered_on) : NULL;
  self->practice = g_strdup (practice != NULL ? practice : "");
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_registration_get_id (TrellisRegistration *self)
{
  g_return_val_if_fail (TRELLIS_IS_REGISTRATION (self), 0);
  return self->id;
}

gint64
trellis_registration_get_child_id (TrellisRegistration *self)
{
  g_return_val_if_fail (TRELLIS_IS_REGISTRATION (self), 0);
  return self->child_id;
}

TrellisRegistrationKind
trellis_registration_get_kind (TrellisRegistration *self)
{
  g_return_val_if_fail (TRELLIS_IS_REGISTRATION (self), TRELLIS_REGISTRATION_GP);
  return self->kind;
}

GDateTime *
trellis_registration_get_registered_on (TrellisRegistration *self)
{
  g_return_val_if_fail (TRELLIS_IS_REGISTRATION (self), NULL);
  return self->registered_on;
}

const char *
trellis_registration_get_practice (TrellisRegistration *self)
{
  g_return_val_if_fail (TRELLIS_IS_REGISTRATION (self), NULL);
  return self->practice;
}

const char *
trellis_registration_get_recorded_by (TrellisRegistration *self)
{
  g_return_val_if_fail (TRELLIS_IS_REGISTRATION (self), NULL);
  return self->recorded_by;
}
