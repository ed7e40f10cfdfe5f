/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-stepping-decision.c: a decision to step a child's support up or down: when, who decided
 * and why
 *
 * Read-only, made whole by trellis_stepping_decision_new(); the JSON writer writes the properties
 * in this order.
 */
#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-stepping-decision.h"

struct _TrellisSteppingDecision
{
  GObject parent_instance;

  gint64          id;
  gint64          child_id;
  TrellisStepping direction;
  GDateTime      *decided_on;
  char           *decided_by;
  char           *reason;
  char           *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisSteppingDecision, trellis_stepping_decision, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_DIRECTION,
  PROP_DECIDED_ON,
  PROP_DECIDED_BY,
  PROP_REASON,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_stepping_decision_finalize (GObject *object)
{
  TrellisSteppingDecision *self = (TrellisSteppingDecision *)object;

  g_clear_pointer (&self->decided_on, g_date_time_unref);
  g_clear_pointer (&self->decided_by, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (trellis_stepping_decision_parent_class)->finalize (object);
}

static void
trellis_stepping_decision_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TrellisSteppingDecision *self = TRELLIS_STEPPING_DECISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_DECIDED_ON:
      g_value_set_boxed (value, self->decided_on);
      break;
    case PROP_DECIDED_BY:
      g_value_set_string (value, self->decided_by);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_stepping_decision_class_init (TrellisSteppingDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_stepping_decision_finalize;
  object_class->get_property = trellis_stepping_decision_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DIRECTION]
      = g_param_spec_enum ("direction", NULL, NULL, TRELLIS_TYPE_STEPPING, TRELLIS_STEPPING_UP, ro);
  properties[PROP_DECIDED_ON] = g_param_spec_boxed ("decided-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_DECIDED_BY] = g_param_spec_string ("decided-by", NULL, NULL, "", ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_stepping_decision_init (TrellisSteppingDecision *self)
{
}

TrellisSteppingDecision *
trellis_stepping_decision_new (gint64          id,
                               gint64          child_id,
                               TrellisStepping direction,
                               GDateTime      *decided_on,
                               const char     *decided_by,
                               const char     *reason,
                               const char     *recorded_by)
{
  TrellisSteppingDecision *self = g_object_new (TRELLIS_TYPE_STEPPING_DECISION, NULL);

  self->id = id;
  self->child_id = child_id;
  self->direction = direction;
  self->decided_on = decided_on != NULL ? g_date_time_ref (decided_on) : NULL;
  self->decided_by = g_strdup (decided_by != NULL ? decided_by : "");
  self->reason = g_strdup (reason != NULL ? reason : "");
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_stepping_decision_get_id (TrellisSteppingDecision *self)
{
  g_return_val_if_fail (TRELLIS_IS_STEPPING_DECISION (self), 0);
  return self->id;
}

gint64
trellis_stepping_decision_get_child_id (TrellisSteppingDecision *self)
{
  g_return_val_if_fail (TRELLIS_IS_STEPPING_DECISION (self), 0);
  return self->child_id;
}

TrellisStepping
trellis_stepping_decision_get_direction (TrellisSteppingDecision *self)
{
  g_return_val_if_fail (TRELLIS_IS_STEPPING_DECISION (self), TRELLIS_STEPPING_UP);
  return self->direction;
}

GDateTime *
trellis_stepping_decision_get_decided_on (TrellisSteppingDecision *self)
{
  g_return_val_if_fail (TRELLIS_IS_STEPPING_DECISION (self), NULL);
  return self->decided_on;
}

const char *
trellis_stepping_decision_get_decided_by (TrellisSteppingDecision *self)
{
  g_return_val_if_fail (TRELLIS_IS_STEPPING_DECISION (self), NULL);
  return self->decided_by;
}

const char *
trellis_stepping_decision_get_reason (TrellisSteppingDecision *self)
{
  g_return_val_if_fail (TRELLIS_IS_STEPPING_DECISION (self), NULL);
  return self->reason;
}

const char *
trellis_stepping_decision_get_recorded_by (TrellisSteppingDecision *self)
{
  g_return_val_if_fail (TRELLIS_IS_STEPPING_DECISION (self), NULL);
  return self->recorded_by;
}
