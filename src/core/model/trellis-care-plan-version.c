/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan-version.c: one version of a child's plan, who saved it and when
 *
 * Every save, submission, approval and return makes a new version; none is ever changed.
 * A plan as the lists show it is its newest version. Read-only once made (the child's name
 * aside, which a list of several children's plans adds); the JSON writer writes the
 * properties in this order, and the sections after them.
 */
#include "config.h"

#include "trellis-care-plan-version.h"
#include "trellis-enum-types.h"

struct _TrellisCarePlanVersion
{
  GObject                 parent_instance;

  gint64                  id;
  gint64                  plan_id;
  gint64                  child_id;
  char                   *child_name;
  guint                   version;
  TrellisCarePlanStatus   status;
  TrellisCarePlanStep     step;
  TrellisCarePlanContent *content;
  char                   *comment;
  char                   *saved_by;
  gint64                  saved_at;   /* microseconds since the epoch */
};

G_DEFINE_FINAL_TYPE (TrellisCarePlanVersion, trellis_care_plan_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN_ID,
  PROP_CHILD_ID,
  PROP_KIND,
  PROP_VERSION,
  PROP_STATUS,
  PROP_STEP,
  PROP_REVIEW_ON,
  PROP_RISK_LEVEL,
  PROP_GIVEN_ON,
  PROP_DEVELOPED_WITH_CHILD,
  PROP_CHILD_COMMENTS,
  PROP_COMMENT,
  PROP_SAVED_BY,
  PROP_SAVED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_care_plan_version_finalize (GObject *object)
{
  TrellisCarePlanVersion *self = (TrellisCarePlanVersion *)object;

  g_clear_pointer (&self->content, trellis_care_plan_content_free);
  g_clear_pointer (&self->child_name, g_free);
  g_clear_pointer (&self->comment, g_free);
  g_clear_pointer (&self->saved_by, g_free);

  G_OBJECT_CLASS (trellis_care_plan_version_parent_class)->finalize (object);
}

/* "2026-11-24T09:30:00Z": when, to the second, as the audit trail says it */
static char *
dup_saved_at (TrellisCarePlanVersion *self)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (self->saved_at / G_USEC_PER_SEC);

  return at != NULL ? g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

static void
trellis_care_plan_version_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TrellisCarePlanVersion *self = TRELLIS_CARE_PLAN_VERSION (object);

  switch (prop_id)
    {
    case PROP_PLAN_ID: g_value_set_int64 (value, self->plan_id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_KIND: g_value_set_enum (value, self->content->kind); break;
    case PROP_VERSION: g_value_set_uint (value, self->version); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_STEP: g_value_set_enum (value, self->step); break;
    case PROP_REVIEW_ON: g_value_set_boxed (value, self->content->review_on); break;
    case PROP_RISK_LEVEL: g_value_set_enum (value, self->content->risk_level); break;
    case PROP_GIVEN_ON: g_value_set_boxed (value, self->content->given_on); break;
    case PROP_DEVELOPED_WITH_CHILD: g_value_set_boolean (value, self->content->with_child); break;
    case PROP_CHILD_COMMENTS: g_value_set_string (value, self->content->child_comments); break;
    case PROP_COMMENT: g_value_set_string (value, self->comment); break;
    case PROP_SAVED_BY: g_value_set_string (value, self->saved_by); break;
    case PROP_SAVED_AT: g_value_take_string (value, dup_saved_at (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_care_plan_version_class_init (TrellisCarePlanVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_care_plan_version_finalize;
  object_class->get_property = trellis_care_plan_version_get_property;

  properties[PROP_PLAN_ID] = g_param_spec_int64 ("plan-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TRELLIS_TYPE_CARE_PLAN_KIND,
                                             TRELLIS_CARE_PLAN_PLACEMENT, ro);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL,
                                               TRELLIS_TYPE_CARE_PLAN_STATUS,
                                               TRELLIS_CARE_PLAN_DRAFT, ro);
  properties[PROP_STEP] = g_param_spec_enum ("step", NULL, NULL, TRELLIS_TYPE_CARE_PLAN_STEP,
                                             TRELLIS_CARE_PLAN_STEP_SAVE, ro);
  properties[PROP_REVIEW_ON] = g_param_spec_boxed ("review-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_RISK_LEVEL] = g_param_spec_enum ("risk-level", NULL, NULL,
                                                   TRELLIS_TYPE_RISK_LEVEL,
                                                   TRELLIS_RISK_LEVEL_NONE, ro);
  properties[PROP_GIVEN_ON] = g_param_spec_boxed ("given-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_DEVELOPED_WITH_CHILD] =
    g_param_spec_boolean ("developed-with-child", NULL, NULL, FALSE, ro);
  properties[PROP_CHILD_COMMENTS] = g_param_spec_string ("child-comments", NULL, NULL, "", ro);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, "", ro);
  properties[PROP_SAVED_BY] = g_param_spec_string ("saved-by", NULL, NULL, "", ro);
  properties[PROP_SAVED_AT] = g_param_spec_string ("saved-at", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_care_plan_version_init (TrellisCarePlanVersion *self)
{
}

/* @content: (transfer full) */
TrellisCarePlanVersion *
trellis_care_plan_version_new (gint64                  id,
                               gint64                  plan_id,
                               gint64                  child_id,
                               guint                   version,
                               TrellisCarePlanStatus   status,
                               TrellisCarePlanStep     step,
                               TrellisCarePlanContent *content,
                               const char             *comment,
                               const char             *saved_by,
                               gint64                  saved_at)
{
  TrellisCarePlanVersion *self = g_object_new (TRELLIS_TYPE_CARE_PLAN_VERSION, NULL);

  g_return_val_if_fail (content != NULL, self);

  self->id = id;
  self->plan_id = plan_id;
  self->child_id = child_id;
  self->version = version;
  self->status = status;
  self->step = step;
  self->content = content;
  self->comment = g_strdup (comment != NULL ? comment : "");
  self->saved_by = g_strdup (saved_by != NULL ? saved_by : "");
  self->saved_at = saved_at;
  return self;
}

gint64
trellis_care_plan_version_get_id (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), 0);
  return self->id;
}

gint64
trellis_care_plan_version_get_plan_id (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), 0);
  return self->plan_id;
}

gint64
trellis_care_plan_version_get_child_id (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), 0);
  return self->child_id;
}

guint
trellis_care_plan_version_get_version (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), 0);
  return self->version;
}

TrellisCarePlanKind
trellis_care_plan_version_get_kind (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), TRELLIS_CARE_PLAN_PLACEMENT);
  return self->content->kind;
}

TrellisCarePlanStatus
trellis_care_plan_version_get_status (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), TRELLIS_CARE_PLAN_DRAFT);
  return self->status;
}

TrellisCarePlanStep
trellis_care_plan_version_get_step (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), TRELLIS_CARE_PLAN_STEP_SAVE);
  return self->step;
}

const TrellisCarePlanContent *
trellis_care_plan_version_get_content (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), NULL);
  return self->content;
}

/* A Manager's, when they returned the plan (or approved it with a word) */
const char *
trellis_care_plan_version_get_comment (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), NULL);
  return self->comment;
}

const char *
trellis_care_plan_version_get_saved_by (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), NULL);
  return self->saved_by;
}

/* Microseconds since the epoch (trellis_date_format_moment() says it) */
gint64
trellis_care_plan_version_get_saved_at (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), 0);
  return self->saved_at;
}

char *
trellis_care_plan_version_dup_title (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), NULL);
  return trellis_care_plan_content_dup_title (self->content);
}

const char *
trellis_care_plan_version_get_child_name (TrellisCarePlanVersion *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self), NULL);
  return self->child_name;
}

void
trellis_care_plan_version_set_child_name (TrellisCarePlanVersion *self,
                                          const char             *name)
{
  g_return_if_fail (TRELLIS_IS_CARE_PLAN_VERSION (self));
  g_free (self->child_name);
  self->child_name = g_strdup (name);
}
