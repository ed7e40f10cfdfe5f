/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child.h: a child's core details
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILD (trellis_child_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChild, trellis_child, TRELLIS, CHILD, GObject)

/* One thing wrong with a child's details: which property, and what to say about it. */
typedef struct
{
  char *field;   /* a property name, e.g. "date-of-birth" */
  char *message; /* a sentence a care worker understands */
} TrellisProblem;

TrellisProblem *trellis_problem_new  (const char     *field,
                                     const char     *message);
void            trellis_problem_free (TrellisProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisProblem, trellis_problem_free)

TrellisChild      *trellis_child_new                  (void);
TrellisChild      *trellis_child_copy                 (TrellisChild *self);
TrellisChild      *trellis_child_new_placeholder      (gint64        id);
gboolean           trellis_child_is_placeholder       (TrellisChild *self);

gint64             trellis_child_get_id               (TrellisChild *self);
void               trellis_child_set_id               (TrellisChild *self,
                                                       gint64        id);
int                trellis_child_get_version          (TrellisChild *self);
void               trellis_child_set_version          (TrellisChild *self,
                                                       int           version);
const char        *trellis_child_get_given_name       (TrellisChild *self);
void               trellis_child_set_given_name       (TrellisChild *self,
                                                       const char   *value);
const char        *trellis_child_get_family_name      (TrellisChild *self);
void               trellis_child_set_family_name      (TrellisChild *self,
                                                       const char   *value);
const char        *trellis_child_get_preferred_name   (TrellisChild *self);
void               trellis_child_set_preferred_name   (TrellisChild *self,
                                                       const char   *value);
GDateTime         *trellis_child_get_date_of_birth    (TrellisChild *self);
void               trellis_child_set_date_of_birth    (TrellisChild *self,
                                                       GDateTime    *value);
const char        *trellis_child_get_gender           (TrellisChild *self);
void               trellis_child_set_gender           (TrellisChild *self,
                                                       const char   *value);
const char        *trellis_child_get_first_language   (TrellisChild *self);
void               trellis_child_set_first_language   (TrellisChild *self,
                                                       const char   *value);
const char        *trellis_child_get_religion         (TrellisChild *self);
void               trellis_child_set_religion         (TrellisChild *self,
                                                       const char   *value);
TrellisLegalStatus trellis_child_get_legal_status     (TrellisChild *self);
void               trellis_child_set_legal_status     (TrellisChild      *self,
                                                       TrellisLegalStatus value);
const char        *trellis_child_get_placing_authority (TrellisChild *self);
void               trellis_child_set_placing_authority (TrellisChild *self,
                                                        const char   *value);
const char        *trellis_child_get_allergies        (TrellisChild *self);
void               trellis_child_set_allergies        (TrellisChild *self,
                                                       const char   *allergies);
const char        *trellis_child_get_medication       (TrellisChild *self);
void               trellis_child_set_medication       (TrellisChild *self,
                                                       const char   *medication);
GDateTime         *trellis_child_get_admission_date   (TrellisChild *self);
void               trellis_child_set_admission_date   (TrellisChild *self,
                                                       GDateTime    *value);
GDateTime         *trellis_child_get_leaving_date     (TrellisChild *self);
void               trellis_child_set_leaving_date     (TrellisChild *self,
                                                       GDateTime    *value);
GBytes            *trellis_child_get_photo            (TrellisChild *self);
void               trellis_child_set_photo            (TrellisChild *self,
                                                       GBytes       *value);
gint64             trellis_child_get_link_worker_id   (TrellisChild *self);
const char        *trellis_child_get_link_worker_name (TrellisChild *self);
void               trellis_child_set_link_worker      (TrellisChild *self,
                                                       gint64        staff_id,
                                                       const char   *display_name);

char              *trellis_child_dup_display_name     (TrellisChild *self);
char              *trellis_child_dup_full_name        (TrellisChild *self);
int                trellis_child_get_age              (TrellisChild *self,
                                                       GDateTime    *today);
gboolean           trellis_child_is_placed            (TrellisChild *self,
                                                       GDateTime    *today);
GPtrArray         *trellis_child_check                (TrellisChild *self,
                                                       GDateTime    *today);
gboolean           trellis_child_validate             (TrellisChild *self,
                                                       GDateTime    *today,
                                                       GError      **error);

gboolean           trellis_child_check_link_worker_start (TrellisChild  *child,
                                                         GDateTime     *start_date,
                                                         GDateTime     *today,
                                                         GError       **error);

G_END_DECLS
