/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-health-record.c: one health check a child had, who recorded it and when
 *
 * Read-only, made whole by trellis_health_record_new(); the JSON writer writes the
 * properties in this order.
 */
#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-health-record.h"

struct _TrellisHealthRecord
{
  GObject             parent_instance;

  gint64              id;
  gint64              child_id;
  TrellisHealthCheck  check;
  GDateTime          *done_on;
  char               *notes;
  char               *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisHealthRecord, trellis_health_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_CHECK,
  PROP_DONE_ON,
  PROP_NOTES,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_health_record_finalize (GObject *object)
{
  TrellisHealthRecord *self = (TrellisHealthRecord *)object;

  g_clear_pointer (&self->done_on, g_date_time_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (trellis_health_record_parent_class)->finalize (object);
}

static void
trellis_health_record_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisHealthRecord *self = TRELLIS_HEALTH_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_CHECK: g_value_set_enum (value, self->check); break;
    case PROP_DONE_ON: g_value_set_boxed (value, self->done_on); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_RECORDED_BY: g_value_set_string (value, self->recorded_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_health_record_class_init (TrellisHealthRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_health_record_finalize;
  object_class->get_property = trellis_health_record_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHECK] =
    g_param_spec_enum ("check", NULL, NULL, TRELLIS_TYPE_HEALTH_CHECK,
                       TRELLIS_HEALTH_CHECK_ASSESSMENT, ro);
  properties[PROP_DONE_ON] = g_param_spec_boxed ("done-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_health_record_init (TrellisHealthRecord *self)
{
}

TrellisHealthRecord *
trellis_health_record_new (gint64              id,
                           gint64              child_id,
                           TrellisHealthCheck  check,
                           GDateTime          *done_on,
                           const char         *notes,
                           const char         *recorded_by)
{
  TrellisHealthRecord *self = g_object_new (TRELLIS_TYPE_HEALTH_RECORD, NULL);

  self->id = id;
  self->child_id = child_id;
  self->check = check;
  self->done_on = done_on != NULL ? g_date_time_ref (done_on) : NULL;
  self->notes = g_strdup (notes != NULL ? notes : "");
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_health_record_get_id (TrellisHealthRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEALTH_RECORD (self), 0);
  return self->id;
}

gint64
trellis_health_record_get_child_id (TrellisHealthRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEALTH_RECORD (self), 0);
  return self->child_id;
}

TrellisHealthCheck
trellis_health_record_get_check (TrellisHealthRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEALTH_RECORD (self), TRELLIS_HEALTH_CHECK_ASSESSMENT);
  return self->check;
}

GDateTime *
trellis_health_record_get_done_on (TrellisHealthRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEALTH_RECORD (self), NULL);
  return self->done_on;
}

const char *
trellis_health_record_get_notes (TrellisHealthRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEALTH_RECORD (self), NULL);
  return self->notes;
}

const char *
trellis_health_record_get_recorded_by (TrellisHealthRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_HEALTH_RECORD (self), NULL);
  return self->recorded_by;
}
