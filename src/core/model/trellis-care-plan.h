/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan.h: the plans kept for a child, their sections and what a version holds
 */
#pragma once

#include <glib.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

/* One section of a kind of plan: the key the database keeps, its title and the guidance's
 * prompt, shown in the empty field. */
typedef struct
{
  const char *key;
  const char *title;
  const char *prompt;
} TrellisCarePlanSection;

/* Each section's text is kept short enough to read in one sitting */
#define TRELLIS_CARE_PLAN_SECTION_MAX_CHARS 10000
/* How far ahead a review may be set: a plan is looked at again within a year */
#define TRELLIS_CARE_PLAN_REVIEW_MAX_DAYS 366

const TrellisCarePlanSection *trellis_care_plan_kind_sections (TrellisCarePlanKind  kind,
                                                               guint               *n_sections);

/* What one version of a plan says: the text of each of its kind's sections, in order, and
 * the rest of what a person writes. Owned by whoever holds it. */
typedef struct
{
  TrellisCarePlanKind  kind;
  char               **sections;          /* one per section of @kind; "" when empty */
  GDateTime           *review_on;         /* nullable */
  TrellisRiskLevel     risk_level;        /* a risk assessment's; NONE for the others */
  GDateTime           *given_on;          /* nullable: the day the child was given a copy */
  gboolean             with_child;        /* developed with the child */
  char                *child_comments;    /* the child's own words */
} TrellisCarePlanContent;

TrellisCarePlanContent *trellis_care_plan_content_new  (TrellisCarePlanKind            kind);
TrellisCarePlanContent *trellis_care_plan_content_copy (const TrellisCarePlanContent  *content);
void                    trellis_care_plan_content_free (TrellisCarePlanContent        *content);
void                    trellis_care_plan_content_set_section (TrellisCarePlanContent *content,
                                                               guint                   index,
                                                               const char             *text);
const char             *trellis_care_plan_content_get_section (const TrellisCarePlanContent *content,
                                                               const char             *key);
char                   *trellis_care_plan_content_dup_title   (const TrellisCarePlanContent *content);

gboolean                trellis_care_plan_content_check (const TrellisCarePlanContent *content,
                                                         GDateTime              *date_of_birth,
                                                         GDateTime              *today,
                                                         gboolean                submit,
                                                         const char            **field,
                                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisCarePlanContent, trellis_care_plan_content_free)

G_END_DECLS
