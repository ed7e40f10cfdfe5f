/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-person.h: someone in a child's network — family, friends and the professionals
 * around them — with how to reach them and what contact the child may have
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PERSON (trellis_person_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPerson, trellis_person, TRELLIS, PERSON, GObject)

TrellisPerson            *trellis_person_new                (void);
TrellisPerson            *trellis_person_copy               (TrellisPerson *self);

gint64                    trellis_person_get_id             (TrellisPerson *self);
gint64                    trellis_person_get_child_id       (TrellisPerson *self);
int                       trellis_person_get_version        (TrellisPerson *self);
const char               *trellis_person_get_name           (TrellisPerson *self);
TrellisRelationship       trellis_person_get_relationship   (TrellisPerson *self);
const char               *trellis_person_get_role           (TrellisPerson *self);
gboolean                  trellis_person_get_parental_responsibility (TrellisPerson *self);
const char               *trellis_person_get_phone          (TrellisPerson *self);
const char               *trellis_person_get_email          (TrellisPerson *self);
const char               *trellis_person_get_address        (TrellisPerson *self);
const char               *trellis_person_get_language       (TrellisPerson *self);
gboolean                  trellis_person_get_interpreter    (TrellisPerson *self);
const char               *trellis_person_get_best_time      (TrellisPerson *self);
GDateTime                *trellis_person_get_birthday       (TrellisPerson *self);
GDateTime                *trellis_person_get_other_date     (TrellisPerson *self);
const char               *trellis_person_get_other_date_label (TrellisPerson *self);
TrellisContactRestriction trellis_person_get_restriction    (TrellisPerson *self);
const char               *trellis_person_get_restriction_notes (TrellisPerson *self);
const char               *trellis_person_get_child_view     (TrellisPerson *self);
gboolean                  trellis_person_get_involved       (TrellisPerson *self);
const char               *trellis_person_get_recorded_by    (TrellisPerson *self);

/* The words for the enumerations, as a care worker reads them */
const char *trellis_relationship_to_label        (TrellisRelationship        relationship);
const char *trellis_contact_restriction_to_label (TrellisContactRestriction  restriction);
/* A symbolic icon that goes with the restriction's words (never instead of them) */
const char *trellis_contact_restriction_icon     (TrellisContactRestriction  restriction);
/* Whether someone in this role is a professional rather than family or a friend */
gboolean    trellis_relationship_is_professional (TrellisRelationship        relationship);

/* Whether @person's details may be kept, on @today: the window asks before saving, to put
 * the message under @field (a property name), and the store asks again. */
gboolean    trellis_person_check                 (TrellisPerson  *person,
                                                  GDateTime      *today,
                                                  char          **field,
                                                  GError        **error);

G_END_DECLS
