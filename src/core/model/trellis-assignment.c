/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-assignment.c: a Link Worker assignment; the reason says why it began
 */
#include "config.h"

#include "trellis-assignment.h"

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
trellis_assignment_class_init (TrellisAssignmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_assignment_finalize;
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
