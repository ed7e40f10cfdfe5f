/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-goal-rating.c: one dated rating of progress towards a goal, who gave it and when
 *
 * Read-only, made whole by trellis_goal_rating_new(); the JSON writer writes the properties in this
 * order.
 */
#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-goal-rating.h"

struct _TrellisGoalRating
{
  GObject parent_instance;

  gint64     id;
  gint64     goal_id;
  guint      rating;
  GDateTime *rated_on;
  char      *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisGoalRating, trellis_goal_rating, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_GOAL_ID,
  PROP_RATING,
  PROP_RATED_ON,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_goal_rating_finalize (GObject *object)
{
  TrellisGoalRating *self = (TrellisGoalRating *)object;

  g_clear_pointer (&self->rated_on, g_date_time_unref);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (trellis_goal_rating_parent_class)->finalize (object);
}

static void
trellis_goal_rating_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TrellisGoalRating *self = TRELLIS_GOAL_RATING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_GOAL_ID:
      g_value_set_int64 (value, self->goal_id);
      break;
    case PROP_RATING:
      g_value_set_uint (value, self->rating);
      break;
    case PROP_RATED_ON:
      g_value_set_boxed (value, self->rated_on);
      break;
    case PROP_RECORDED_BY:
      g_value_set_string (value, self->recorded_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_goal_rating_class_init (TrellisGoalRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_goal_rating_finalize;
  object_class->get_property = trellis_goal_rating_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_GOAL_ID] = g_param_spec_int64 ("goal-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RATING] = g_param_spec_uint ("rating", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_RATED_ON] = g_param_spec_boxed ("rated-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_goal_rating_init (TrellisGoalRating *self)
{
}

TrellisGoalRating *
trellis_goal_rating_new (
    gint64 id, gint64 goal_id, guint rating, GDateTime *rated_on, const char *recorded_by)
{
  TrellisGoalRating *self = g_object_new (TRELLIS_TYPE_GOAL_RATING, NULL);

  self->id = id;
  self->goal_id = goal_id;
  self->rating = rating;
  self->rated_on = rated_on != NULL ? g_date_time_ref (rated_on) : NULL;
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_goal_rating_get_id (TrellisGoalRating *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_RATING (self), 0);
  return self->id;
}

gint64
trellis_goal_rating_get_goal_id (TrellisGoalRating *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_RATING (self), 0);
  return self->goal_id;
}

guint
trellis_goal_rating_get_rating (TrellisGoalRating *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_RATING (self), 0);
  return self->rating;
}

GDateTime *
trellis_goal_rating_get_rated_on (TrellisGoalRating *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_RATING (self), NULL);
  return self->rated_on;
}

const char *
trellis_goal_rating_get_recorded_by (TrellisGoalRating *self)
{
  g_return_val_if_fail (TRELLIS_IS_GOAL_RATING (self), NULL);
  return self->recorded_by;
}
