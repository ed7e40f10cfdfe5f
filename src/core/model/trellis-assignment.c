/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-assignment.c: a Link Worker assignment; the reason says why it began
 */
#include "config.h"

#include "trellis-assignment.h"
#include "trellis-enum-types.h"

struct _TrellisAssignment
{
  GObject             parent_instance;

  gint64              id;
  gint64              child_id;
  gint64              staff_id;
  char               *staff_name;
  GDateTime          *start_date;
  GDateTime          *end_date;
  TrellisChangeReason reason;
  char               *note;
};

G_DEFINE_FINAL_TYPE (TrellisAssignment, trellis_assignment, G_TYPE_OBJECT)

/* Read-only: an assignment is made whole by trellis_assignment_new(). The JSON writer
 * writes them in this order. */
enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_STAFF_ID,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_STAFF_NAME,
  PROP_REASON,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_assignment_finalize (GObject *object)
{
  TrellisAssignment *self = (TrellisAssignment *)object;

  g_clear_pointer (&self->staff_name, g_free);
  g_clear_pointer (&self->start_date, g_date_time_unref);
  g_clear_pointer (&self->end_date, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (trellis_assignment_parent_class)->finalize (object);
}

static void
trellis_assignment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisAssignment *self = TRELLIS_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_STAFF_ID: g_value_set_int64 (value, self->staff_id); break;
    case PROP_START_DATE: g_value_set_boxed (value, self->start_date); break;
    case PROP_END_DATE: g_value_set_boxed (value, self->end_date); break;
    case PROP_STAFF_NAME: g_value_set_string (value, self->staff_name); break;
    case PROP_REASON: g_value_set_enum (value, self->reason); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_assignment_class_init (TrellisAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_assignment_finalize;
  object_class->get_property = trellis_assignment_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_STAFF_ID] = g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_START_DATE] =
    g_param_spec_boxed ("start-date", NULL, NULL, G_TYPE_DATE_TIME, ro);
  /* NULL while the assignment runs */
  properties[PROP_END_DATE] = g_param_spec_boxed ("end-date", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_STAFF_NAME] = g_param_spec_string ("staff-name", NULL, NULL, NULL, ro);
  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL, TRELLIS_TYPE_CHANGE_REASON,
                       TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_assignment_init (TrellisAssignment *self)
{
}

TrellisAssignment *
trellis_assignment_new (gint64              id,
                        gint64              child_id,
                        gint64              staff_id,
                        const char         *staff_name,
                        GDateTime          *start_date,
                        GDateTime          *end_date,
                        TrellisChangeReason reason,
                        const char         *note)
{
  TrellisAssignment *self = g_object_new (TRELLIS_TYPE_ASSIGNMENT, NULL);

  self->id = id;
  self->child_id = child_id;
  self->staff_id = staff_id;
  self->staff_name = g_strdup (staff_name);
  self->start_date = start_date != NULL ? g_date_time_ref (start_date) : NULL;
  self->end_date = end_date != NULL ? g_date_time_ref (end_date) : NULL;
  self->reason = reason;
  self->note = g_strdup (note != NULL ? note : "");

  return self;
}

gint64
trellis_assignment_get_id (TrellisAssignment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSIGNMENT (self), 0);
  return self->id;
}

gint64
trellis_assignment_get_child_id (TrellisAssignment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSIGNMENT (self), 0);
  return self->child_id;
}

gint64
trellis_assignment_get_staff_id (TrellisAssignment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSIGNMENT (self), 0);
  return self->staff_id;
}

const char *
trellis_assignment_get_staff_name (TrellisAssignment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSIGNMENT (self), NULL);
  return self->staff_name;
}

GDateTime *
trellis_assignment_get_start_date (TrellisAssignment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSIGNMENT (self), NULL);
  return self->start_date;
}

GDateTime *
trellis_assignment_get_end_date (TrellisAssignment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSIGNMENT (self), NULL);
  return self->end_date;
}

TrellisChangeReason
trellis_assignment_get_reason (TrellisAssignment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSIGNMENT (self), TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT);
  return self->reason;
}

const char *
trellis_assignment_get_note (TrellisAssignment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSIGNMENT (self), NULL);
  return self->note;
}
