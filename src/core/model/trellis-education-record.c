/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-education-record.c: one record in a child's education file
 *
 * Every kind (TrellisEducationKind) is one of these, using the fields it needs:
 *   school             date: from when; title: the school; year-group
 *   attendance         date: when recorded; title: the term ("Autumn 2026"); possible, attended
 *   exclusion          date: its first day; category: suspension or permanent; days; detail:
 *                      the reason
 *   special-needs      date: from when; category: none, sen-support or ehcp; detail: notes
 *   education-support  date: written; category: homework or reading; detail: the note
 *   school-event       date; category: school-event or parents-evening; title: what it was;
 *                      detail: who attended
 * Read-only once made (construct-only properties, set by the store's backend). The JSON
 * writer writes the properties in this order.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-education-record.h"
#include "trellis-education-rules.h"
#include "trellis-enum-types.h"

struct _TrellisEducationRecord
{
  GObject               parent_instance;

  gint64                id;
  gint64                child_id;
  TrellisEducationKind  kind;
  GDateTime            *on_date;
  char                 *category;
  char                 *title;
  char                 *detail;
  int                   year_group;
  guint                 possible;
  guint                 attended;
  guint                 days;
  char                 *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisEducationRecord, trellis_education_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_KIND,
  PROP_DATE,
  PROP_CATEGORY,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_YEAR_GROUP,
  PROP_POSSIBLE,
  PROP_ATTENDED,
  PROP_DAYS,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_education_record_finalize (GObject *object)
{
  TrellisEducationRecord *self = (TrellisEducationRecord *)object;

  g_clear_pointer (&self->on_date, g_date_time_unref);
  g_free (self->category);
  g_free (self->title);
  g_free (self->detail);
  g_free (self->recorded_by);

  G_OBJECT_CLASS (trellis_education_record_parent_class)->finalize (object);
}

static void
trellis_education_record_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TrellisEducationRecord *self = TRELLIS_EDUCATION_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_DATE: g_value_set_boxed (value, self->on_date); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    case PROP_YEAR_GROUP: g_value_set_int (value, self->year_group); break;
    case PROP_POSSIBLE: g_value_set_uint (value, self->possible); break;
    case PROP_ATTENDED: g_value_set_uint (value, self->attended); break;
    case PROP_DAYS: g_value_set_uint (value, self->days); break;
    case PROP_RECORDED_BY: g_value_set_string (value, self->recorded_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_education_record_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TrellisEducationRecord *self = TRELLIS_EDUCATION_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_CHILD_ID: self->child_id = g_value_get_int64 (value); break;
    case PROP_KIND: self->kind = g_value_get_enum (value); break;
    case PROP_DATE: self->on_date = g_value_dup_boxed (value); break;
    case PROP_CATEGORY: self->category = g_value_dup_string (value); break;
    case PROP_TITLE: self->title = g_value_dup_string (value); break;
    case PROP_DETAIL: self->detail = g_value_dup_string (value); break;
    case PROP_YEAR_GROUP: self->year_group = g_value_get_int (value); break;
    case PROP_POSSIBLE: self->possible = g_value_get_uint (value); break;
    case PROP_ATTENDED: self->attended = g_value_get_uint (value); break;
    case PROP_DAYS: self->days = g_value_get_uint (value); break;
    case PROP_RECORDED_BY: self->recorded_by = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_education_record_class_init (TrellisEducationRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_education_record_finalize;
  object_class->get_property = trellis_education_record_get_property;
  object_class->set_property = trellis_education_record_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                  flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TRELLIS_TYPE_EDUCATION_KIND,
                                             TRELLIS_EDUCATION_SCHOOL, flags);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, "", flags);
  properties[PROP_YEAR_GROUP] = g_param_spec_int ("year-group", NULL, NULL, -1,
                                                  TRELLIS_YEAR_GROUP_MAX, -1, flags);
  properties[PROP_POSSIBLE] = g_param_spec_uint ("possible", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ATTENDED] = g_param_spec_uint ("attended", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_DAYS] = g_param_spec_uint ("days", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_education_record_init (TrellisEducationRecord *self)
{
  self->year_group = -1;
}

gint64
trellis_education_record_get_id (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), 0);
  return self->id;
}

gint64
trellis_education_record_get_child_id (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), 0);
  return self->child_id;
}

TrellisEducationKind
trellis_education_record_get_kind (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), TRELLIS_EDUCATION_SCHOOL);
  return self->kind;
}

GDateTime *
trellis_education_record_get_date (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), NULL);
  return self->on_date;
}

const char *
trellis_education_record_get_category (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), NULL);
  return self->category != NULL ? self->category : "";
}

const char *
trellis_education_record_get_title (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), NULL);
  return self->title != NULL ? self->title : "";
}

const char *
trellis_education_record_get_detail (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), NULL);
  return self->detail != NULL ? self->detail : "";
}

/* -1 for a record other than a school */
int
trellis_education_record_get_year_group (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), -1);
  return self->year_group;
}

guint
trellis_education_record_get_possible (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), 0);
  return self->possible;
}

guint
trellis_education_record_get_attended (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), 0);
  return self->attended;
}

guint
trellis_education_record_get_days (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), 0);
  return self->days;
}

const char *
trellis_education_record_get_recorded_by (TrellisEducationRecord *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), NULL);
  return self->recorded_by != NULL ? self->recorded_by : "";
}

/* What a person reads for the record's category */
static const char *
category_label (TrellisEducationRecord *self)
{
  switch (self->kind)
    {
    case TRELLIS_EDUCATION_EXCLUSION:
      return trellis_exclusion_kind_to_label (trellis_enum_from_nick (TRELLIS_TYPE_EXCLUSION_KIND,
                                                                      self->category));
    case TRELLIS_EDUCATION_SPECIAL_NEEDS:
      return trellis_sen_level_to_label (trellis_enum_from_nick (TRELLIS_TYPE_SEN_LEVEL,
                                                                 self->category));
    case TRELLIS_EDUCATION_SUPPORT:
      return trellis_support_kind_to_label (trellis_enum_from_nick (TRELLIS_TYPE_SUPPORT_KIND,
                                                                    self->category));
    case TRELLIS_EDUCATION_EVENT:
      return trellis_school_event_kind_to_label (
        trellis_enum_from_nick (TRELLIS_TYPE_SCHOOL_EVENT_KIND, self->category));
    default:
      return "";
    }
}

/* One line that says what the record holds, as the section and trellisctl show it:
 * "Oakfield Academy · Year 9", "94.7 % (142 of 150 sessions)", "Suspension · 3 days ·
 * Fighting". */
char *
trellis_education_record_dup_summary (TrellisEducationRecord *self)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (TRELLIS_IS_EDUCATION_RECORD (self), NULL);

  switch (self->kind)
    {
    case TRELLIS_EDUCATION_SCHOOL:
      year = trellis_year_group_format (self->year_group);
      /* Translators: "Oakfield Academy · Year 9" */
      return g_strdup_printf (_("%s · %s"), self->title, year);
    case TRELLIS_EDUCATION_ATTENDANCE:
      return trellis_attendance_format (self->possible, self->attended);
    case TRELLIS_EDUCATION_EXCLUSION:
      /* a permanent exclusion has no number of days */
      if (self->days == 0)
        return g_strdup_printf (_("%s · %s"), category_label (self), self->detail);
      /* Translators: "Suspension · 3 days · Fighting in the playground" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u day · %s",
                                           "%s · %u days · %s", self->days),
                              category_label (self), self->days, self->detail);
    case TRELLIS_EDUCATION_SPECIAL_NEEDS:
      if (self->detail[0] == '\0')
        return g_strdup (category_label (self));
      return g_strdup_printf (_("%s · %s"), category_label (self), self->detail);
    case TRELLIS_EDUCATION_SUPPORT:
      return g_strdup_printf (_("%s · %s"), category_label (self), self->detail);
    case TRELLIS_EDUCATION_EVENT:
      if (self->detail[0] == '\0')
        return g_strdup (self->title);
      /* Translators: "Parents' evening · attended by Amina Yusuf (Link Worker)" */
      return g_strdup_printf (_("%s · attended by %s"), self->title, self->detail);
    default:
      return g_strdup (self->title);
    }
}
