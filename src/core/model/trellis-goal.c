/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal.c: a goal set with a child: its domain, baseline, target, review date and ratings
 *
 * Read-only, made whole by trellis_goal_new(); the JSON writer writes the properties in this
 * order.
 */
#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-goal.h"

struct _TrellisGoal
{
  GObject parent_instance;

  gint64            id;
  gint64            child_id;
  TrellisGoalDomain domain;
  char             *what;
  guint             baseline;
  guint             target;
  GDateTime        *set_on;
  GDateTime        *review_on;
  char             *recorded_by;
  GListStore       *ratings; /* TrellisGoalRating, oldest first */
};

G_DEFINE_FINAL_TYPE (TrellisGoal, trellis_goal, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_DOMAIN,
  PROP_WHAT,
  PROP_BASELINE,
  PROP_TARGET,
  PROP_SET_ON,
  PROP_REVIEW_ON,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_goal_finalize (GObject *object)
{
  TrellisGoal *self = (TrellisGoal *)object;

  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->set_on, g_date_time_unref);
  g_clear_pointer (&self->review_on, g_date_time_unref);
  g_clear_pointer (&self->recorded_by, g_free);
  g_clear_object (&self->ratings);

  G_OBJECT_CLASS (trellis_goal_parent_class)->finalize (object);
}

static void
trellis_goal_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TrellisGoal *self = TRELLIS_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_DOMAIN:
      g_value_set_enum (value, self->domain);
      break;
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;
    case PROP_BASELINE:
      g_value_set_uint (value, self->baseline);
      break;
    case PROP_TARGET:
      g_value_set_uint (value, self->target);
      break;
    case PROP_SET_ON:
      g_value_set_boxed (value, self->set_on);
      break;
    case PROP_REVIEW_ON:
      g_value_set_boxed (value, self->review_on);
      break;
    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_goal_class_init (TrellisGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_goal_finalize;
  object_class->get_property = trellis_goal_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DOMAIN] = g_param_spec_enum ("domain", NULL, NULL, TRELLIS_TYPE_GOAL_DOMAIN,
                                               TRELLIS_GOAL_DOMAIN_SOCIAL, ro);
  properties[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, "", ro);
  properties[PROP_BASELINE] = g_param_spec_uint ("baseline", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TARGET] = g_param_spec_uint ("target", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SET_ON] = g_param_spec_boxed ("set-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_REVIEW_ON] = g_param_spec_boxed ("review-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_goal_init (TrellisGoal *self)
{
  self->ratings = g_list_store_new (G_TYPE_OBJECT);
}

TrellisGoal *
trellis_goal_new (gint64            id,
                  gint64            child_id,
                  TrellisGoalDomain domain,
                  const char       *what,
                  guint             baseline,
                  guint             target,
                  GDateTime        *set_on,
                  GDateTime        *review_on,
                  const char       *recorded_by)
{
  TrellisGoal *self = g_object_new (TRELLIS_TYPE_GOAL, NULL);

  self->id = id;
  self->child_id = child_id;
  self->domain = domain;
  self->what = g_strdup (what != NULL ? what : "");
  self->baseline = baseline;
  self->target = target;
  self->set_on = set_on != NULL ? g_date_time_ref (set_on) : NULL;
  self->review_on = review_on != NULL ? g_date_time_ref (review_on) : NULL;
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_goal_get_id (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), 0);
  return self->id;
}

gint64
trellis_goal_get_child_id (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), 0);
  return self->child_id;
}

TrellisGoalDomain
trellis_goal_get_domain (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), TRELLIS_GOAL_DOMAIN_SOCIAL);
  return self->domain;
}

const char *
trellis_goal_get_what (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), NULL);
  return self->what;
}

guint
trellis_goal_get_baseline (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), 0);
  return self->baseline;
}

guint
trellis_goal_get_target (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), 0);
  return self->target;
}

GDateTime *
trellis_goal_get_set_on (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), NULL);
  return self->set_on;
}

GDateTime *
trellis_goal_get_review_on (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), NULL);
  return self->review_on;
}

const char *
trellis_goal_get_recorded_by (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), NULL);
  return self->recorded_by;
}

/* Returns: (transfer none): the goal's ratings, oldest first */
GListModel *
trellis_goal_get_ratings (TrellisGoal *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL (self), NULL);
  return G_LIST_MODEL (self->ratings);
}

/* For the store, as it reads the ratings after the goal: @rating comes after the rest */
void
trellis_goal_add_rating (TrellisGoal *self, GObject *rating)
{
  g_return_if_fail (TRELLIS_IS_GOAL (self));
  g_list_store_append (self->ratings, rating);
}
