/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-education-record.h: one record in a child's education file
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

/* What a person enters for one education record: the fields its kind uses (see
 * trellis-education-record.c), the rest left at 0 / NULL. */
typedef struct
{
  TrellisEducationKind  kind;
  GDateTime            *on_date;     /* NULL for attendance: the day it is recorded */
  const char           *category;    /* a nick of the kind's own enum */
  const char           *title;
  const char           *detail;
  int                   year_group;  /* school: TRELLIS_YEAR_GROUP_RECEPTION … 13 */
  guint                 possible;    /* attendance, in sessions */
  guint                 attended;
  guint                 days;        /* a suspension's school days */
} TrellisEducationEntry;

#define TRELLIS_TYPE_EDUCATION_RECORD (trellis_education_record_get_type ())
G_DECLARE_FINAL_TYPE (TrellisEducationRecord, trellis_education_record, TRELLIS,
                      EDUCATION_RECORD, GObject)

gint64               trellis_education_record_get_id          (TrellisEducationRecord *self);
gint64               trellis_education_record_get_child_id    (TrellisEducationRecord *self);
TrellisEducationKind trellis_education_record_get_kind        (TrellisEducationRecord *self);
GDateTime           *trellis_education_record_get_date        (TrellisEducationRecord *self);
const char          *trellis_education_record_get_category    (TrellisEducationRecord *self);
const char          *trellis_education_record_get_title       (TrellisEducationRecord *self);
const char          *trellis_education_record_get_detail      (TrellisEducationRecord *self);
int                  trellis_education_record_get_year_group  (TrellisEducationRecord *self);
guint                trellis_education_record_get_possible    (TrellisEducationRecord *self);
guint                trellis_education_record_get_attended    (TrellisEducationRecord *self);
guint                trellis_education_record_get_days        (TrellisEducationRecord *self);
const char          *trellis_education_record_get_recorded_by (TrellisEducationRecord *self);
char                *trellis_education_record_dup_summary     (TrellisEducationRecord *self);

G_END_DECLS
