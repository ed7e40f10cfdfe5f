/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-complaint.c: a complaint a child made, and how it was handled
 *
 * Read-only once read: made by trellis_complaint_new() and, when an outcome has been
 * recorded, given its newest by trellis_complaint_set_outcome(). The JSON writer writes the
 * properties in this order.
 */
#include "config.h"

#include "trellis-complaint.h"
#include "trellis-enum-types.h"

struct _TrellisComplaint
{
  GObject           parent_instance;

  gint64            id;
  gint64            child_id;
  GDateTime        *made_on;
  char             *about;
  char             *made_to;
  char             *recorded_by;
  GDateTime        *resolved_on;
  char             *handled;
  char             *outcome;
  TrellisSatisfied  satisfied;
  char             *outcome_recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisComplaint, trellis_complaint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_MADE_ON,
  PROP_ABOUT,
  PROP_MADE_TO,
  PROP_RECORDED_BY,
  PROP_RESOLVED_ON,
  PROP_HANDLED,
  PROP_OUTCOME,
  PROP_SATISFIED,
  PROP_OUTCOME_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_complaint_finalize (GObject *object)
{
  TrellisComplaint *self = (TrellisComplaint *)object;

  g_clear_pointer (&self->made_on, g_date_time_unref);
  g_clear_pointer (&self->resolved_on, g_date_time_unref);
  g_clear_pointer (&self->about, g_free);
  g_clear_pointer (&self->made_to, g_free);
  g_clear_pointer (&self->recorded_by, g_free);
  g_clear_pointer (&self->handled, g_free);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->outcome_recorded_by, g_free);

  G_OBJECT_CLASS (trellis_complaint_parent_class)->finalize (object);
}

static void
trellis_complaint_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisComplaint *self = TRELLIS_COMPLAINT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_MADE_ON: g_value_set_boxed (value, self->made_on); break;
    case PROP_ABOUT: g_value_set_string (value, self->about); break;
    case PROP_MADE_TO: g_value_set_string (value, self->made_to); break;
    case PROP_RECORDED_BY: g_value_set_string (value, self->recorded_by); break;
    case PROP_RESOLVED_ON: g_value_set_boxed (value, self->resolved_on); break;
    case PROP_HANDLED: g_value_set_string (value, self->handled); break;
    case PROP_OUTCOME: g_value_set_string (value, self->outcome); break;
    case PROP_SATISFIED: g_value_set_enum (value, self->satisfied); break;
    case PROP_OUTCOME_RECORDED_BY: g_value_set_string (value, self->outcome_recorded_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_complaint_class_init (TrellisComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_complaint_finalize;
  object_class->get_property = trellis_complaint_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_MADE_ON] = g_param_spec_boxed ("made-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_ABOUT] = g_param_spec_string ("about", NULL, NULL, "", ro);
  properties[PROP_MADE_TO] = g_param_spec_string ("made-to", NULL, NULL, "", ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  properties[PROP_RESOLVED_ON] =
    g_param_spec_boxed ("resolved-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_HANDLED] = g_param_spec_string ("handled", NULL, NULL, "", ro);
  properties[PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, "", ro);
  properties[PROP_SATISFIED] =
    g_param_spec_enum ("satisfied", NULL, NULL, TRELLIS_TYPE_SATISFIED,
                       TRELLIS_SATISFIED_NOT_SAID, ro);
  properties[PROP_OUTCOME_RECORDED_BY] =
    g_param_spec_string ("outcome-recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_complaint_init (TrellisComplaint *self)
{
  self->handled = g_strdup ("");
  self->outcome = g_strdup ("");
  self->outcome_recorded_by = g_strdup ("");
}

TrellisComplaint *
trellis_complaint_new (gint64      id,
                       gint64      child_id,
                       GDateTime  *made_on,
                       const char *about,
                       const char *made_to,
                       const char *recorded_by)
{
  TrellisComplaint *self = g_object_new (TRELLIS_TYPE_COMPLAINT, NULL);

  self->id = id;
  self->child_id = child_id;
  self->made_on = made_on != NULL ? g_date_time_ref (made_on) : NULL;
  self->about = g_strdup (about != NULL ? about : "");
  self->made_to = g_strdup (made_to != NULL ? made_to : "");
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

void
trellis_complaint_set_outcome (TrellisComplaint *self,
                               GDateTime        *resolved_on,
                               const char       *handled,
                               const char       *outcome,
                               TrellisSatisfied  satisfied,
                               const char       *recorded_by)
{
  g_return_if_fail (TRELLIS_IS_COMPLAINT (self));

  g_clear_pointer (&self->resolved_on, g_date_time_unref);
  self->resolved_on = resolved_on != NULL ? g_date_time_ref (resolved_on) : NULL;
  g_free (self->handled);
  self->handled = g_strdup (handled != NULL ? handled : "");
  g_free (self->outcome);
  self->outcome = g_strdup (outcome != NULL ? outcome : "");
  self->satisfied = satisfied;
  g_free (self->outcome_recorded_by);
  self->outcome_recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
}

gint64
trellis_complaint_get_id (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), 0);
  return self->id;
}

gint64
trellis_complaint_get_child_id (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), 0);
  return self->child_id;
}

GDateTime *
trellis_complaint_get_made_on (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), NULL);
  return self->made_on;
}

const char *
trellis_complaint_get_about (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), NULL);
  return self->about;
}

const char *
trellis_complaint_get_made_to (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), NULL);
  return self->made_to;
}

const char *
trellis_complaint_get_recorded_by (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), NULL);
  return self->recorded_by;
}

GDateTime *
trellis_complaint_get_resolved_on (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), NULL);
  return self->resolved_on;
}

const char *
trellis_complaint_get_handled (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), NULL);
  return self->handled;
}

const char *
trellis_complaint_get_outcome (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), NULL);
  return self->outcome;
}

TrellisSatisfied
trellis_complaint_get_satisfied (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), TRELLIS_SATISFIED_NOT_SAID);
  return self->satisfied;
}

const char *
trellis_complaint_get_outcome_recorded_by (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), NULL);
  return self->outcome_recorded_by;
}

gboolean
trellis_complaint_is_open (TrellisComplaint *self)
{
  g_return_val_if_fail (TRELLIS_IS_COMPLAINT (self), FALSE);
  return self->resolved_on == NULL;
}
