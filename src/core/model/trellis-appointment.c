/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-appointment.c: a child's health appointment, and what came of it
 *
 * Read-only, made whole by trellis_appointment_new(): the current version of the
 * appointment (the store keeps the ones before). The JSON writer writes the properties in
 * this order.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-appointment.h"
#include "trellis-date.h"

struct _TrellisAppointment
{
  GObject     parent_instance;

  gint64      id;
  gint64      child_id;
  GDateTime  *on_date;
  char       *time;         /* "HH:MM", or "" when not known */
  char       *with_whom;
  char       *purpose;
  char       *outcome;      /* "" until it is recorded */
  int         version;
  char       *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisAppointment, trellis_appointment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_DATE,
  PROP_TIME,
  PROP_WITH_WHOM,
  PROP_PURPOSE,
  PROP_OUTCOME,
  PROP_VERSION,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_appointment_finalize (GObject *object)
{
  TrellisAppointment *self = (TrellisAppointment *)object;

  g_clear_pointer (&self->on_date, g_date_time_unref);
  g_free (self->time);
  g_free (self->with_whom);
  g_free (self->purpose);
  g_free (self->outcome);
  g_free (self->recorded_by);

  G_OBJECT_CLASS (trellis_appointment_parent_class)->finalize (object);
}

static void
trellis_appointment_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisAppointment *self = TRELLIS_APPOINTMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_DATE: g_value_set_boxed (value, self->on_date); break;
    case PROP_TIME: g_value_set_string (value, self->time); break;
    case PROP_WITH_WHOM: g_value_set_string (value, self->with_whom); break;
    case PROP_PURPOSE: g_value_set_string (value, self->purpose); break;
    case PROP_OUTCOME: g_value_set_string (value, self->outcome); break;
    case PROP_VERSION: g_value_set_int (value, self->version); break;
    case PROP_RECORDED_BY: g_value_set_string (value, self->recorded_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_appointment_class_init (TrellisAppointmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_appointment_finalize;
  object_class->get_property = trellis_appointment_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, "", ro);
  properties[PROP_WITH_WHOM] = g_param_spec_string ("with-whom", NULL, NULL, "", ro);
  properties[PROP_PURPOSE] = g_param_spec_string ("purpose", NULL, NULL, "", ro);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, "", ro);
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 1, G_MAXINT, 1, ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_appointment_init (TrellisAppointment *self)
{
}

TrellisAppointment *
trellis_appointment_new (gint64       id,
                         gint64       child_id,
                         GDateTime   *on_date,
                         const char  *time,
                         const char  *with_whom,
                         const char  *purpose,
                         const char  *outcome,
                         int          version,
                         const char  *recorded_by)
{
  TrellisAppointment *self = g_object_new (TRELLIS_TYPE_APPOINTMENT, NULL);

  self->id = id;
  self->child_id = child_id;
  self->on_date = on_date != NULL ? g_date_time_ref (on_date) : NULL;
  self->time = g_strdup (time != NULL ? time : "");
  self->with_whom = g_strdup (with_whom != NULL ? with_whom : "");
  self->purpose = g_strdup (purpose != NULL ? purpose : "");
  self->outcome = g_strdup (outcome != NULL ? outcome : "");
  self->version = MAX (version, 1);
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_appointment_get_id (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), 0);
  return self->id;
}

gint64
trellis_appointment_get_child_id (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), 0);
  return self->child_id;
}

GDateTime *
trellis_appointment_get_date (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), NULL);
  return self->on_date;
}

const char *
trellis_appointment_get_time (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), NULL);
  return self->time;
}

const char *
trellis_appointment_get_with_whom (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), NULL);
  return self->with_whom;
}

const char *
trellis_appointment_get_purpose (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), NULL);
  return self->purpose;
}

const char *
trellis_appointment_get_outcome (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), NULL);
  return self->outcome;
}

int
trellis_appointment_get_version (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), 1);
  return self->version;
}

const char *
trellis_appointment_get_recorded_by (TrellisAppointment *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), NULL);
  return self->recorded_by;
}

/* "3 December 2026 at 14:30", or the day alone when no time is known */
char *
trellis_appointment_dup_when (TrellisAppointment *self)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (self), NULL);

  day = trellis_date_format (self->on_date);
  if (self->time[0] == '\0')
    return g_steal_pointer (&day);
  /* Translators: "3 December 2026 at 14:30" */
  return g_strdup_printf (_("%s at %s"), day, self->time);
}
