/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-risk-flag.c: a risk area flagged for a child, at a level, from a day
 *
 * Read-only, made whole by trellis_risk_flag_new(); the JSON writer writes the properties in this
 * order.
 */
#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-risk-flag.h"

struct _TrellisRiskFlag
{
  GObject parent_instance;

  gint64           id;
  gint64           child_id;
  TrellisRiskArea  area;
  TrellisRiskLevel level;
  GDateTime       *flagged_on;
  char            *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisRiskFlag, trellis_risk_flag, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_AREA,
  PROP_LEVEL,
  PROP_FLAGGED_ON,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_risk_flag_finalize (GObject *object)
{
  TrellisRiskFlag *self = (TrellisRiskFlag *)object;

  g_clear_pointer (&self->flagged_on, g_date_time_unref);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (trellis_risk_flag_parent_class)->finalize (object);
}

static void
trellis_risk_flag_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TrellisRiskFlag *self = TRELLIS_RISK_FLAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_AREA:
      g_value_set_enum (value, self->area);
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;
    case PROP_FLAGGED_ON:
      g_value_set_boxed (value, self->flagged_on);
      break;
    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_risk_flag_class_init (TrellisRiskFlagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_risk_flag_finalize;
  object_class->get_property = trellis_risk_flag_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_AREA] = g_param_spec_enum ("area", NULL, NULL, TRELLIS_TYPE_RISK_AREA,
                                             TRELLIS_RISK_AREA_EMOTIONAL_WELLBEING, ro);
  properties[PROP_LEVEL] = g_param_spec_enum ("level", NULL, NULL, TRELLIS_TYPE_RISK_LEVEL,
                                              TRELLIS_RISK_LEVEL_LOW, ro);
  properties[PROP_FLAGGED_ON] = g_param_spec_boxed ("flagged-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_risk_flag_init (TrellisRiskFlag *self)
{
}

TrellisRiskFlag *
trellis_risk_flag_new (gint64           id,
                       gint64           child_id,
                       TrellisRiskArea  area,
                       TrellisRiskLevel level,
                       GDateTime       *flagged_on,
                       const char      *recorded_by)
{
  TrellisRiskFlag *self = g_object_new (TRELLIS_TYPE_RISK_FLAG, NULL);

  self->id = id;
  self->child_id = child_id;
  self->area = area;
  self->level = level;
  self->flagged_on = flagged_on != NULL ? g_date_time_ref (flagged_on) : NULL;
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_risk_flag_get_id (TrellisRiskFlag *self)
{
  g_return_val_if_fail (TRELLIS_IS_RISK_FLAG (self), 0);
  return self->id;
}

gint64
trellis_risk_flag_get_child_id (TrellisRiskFlag *self)
{
  g_return_val_if_fail (TRELLIS_IS_RISK_FLAG (self), 0);
  return self->child_id;
}

TrellisRiskArea
trellis_risk_flag_get_area (TrellisRiskFlag *self)
{
  g_return_val_if_fail (TRELLIS_IS_RISK_FLAG (self), TRELLIS_RISK_AREA_EMOTIONAL_WELLBEING);
  return self->area;
}

TrellisRiskLevel
trellis_risk_flag_get_level (TrellisRiskFlag *self)
{
  g_return_val_if_fail (TRELLIS_IS_RISK_FLAG (self), TRELLIS_RISK_LEVEL_LOW);
  return self->level;
}

GDateTime *
trellis_risk_flag_get_flagged_on (TrellisRiskFlag *self)
{
  g_return_val_if_fail (TRELLIS_IS_RISK_FLAG (self), NULL);
  return self->flagged_on;
}

const char *
trellis_risk_flag_get_recorded_by (TrellisRiskFlag *self)
{
  g_return_val_if_fail (TRELLIS_IS_RISK_FLAG (self), NULL);
  return self->recorded_by;
}
