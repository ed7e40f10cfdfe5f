/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-complaint.h: a complaint a child made, and how it was handled
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

/* The complaints made in one month: how many, how many are still open, how many the child
 * said they were not satisfied with how they were handled. */
typedef struct
{
  guint year;
  guint month;
  guint made;
  guint open;
  guint not_satisfied;
} TrellisComplaintCount;

#define TRELLIS_TYPE_COMPLAINT (trellis_complaint_get_type ())
G_DECLARE_FINAL_TYPE (TrellisComplaint, trellis_complaint, TRELLIS, COMPLAINT, GObject)

TrellisComplaint *trellis_complaint_new                (gint64            id,
                                                        gint64            child_id,
                                                        GDateTime        *made_on,
                                                        const char       *about,
                                                        const char       *made_to,
                                                        const char       *recorded_by);
/* Only while the complaint is being read: its newest outcome */
void              trellis_complaint_set_outcome        (TrellisComplaint *self,
                                                        GDateTime        *resolved_on,
                                                        const char       *handled,
                                                        const char       *outcome,
                                                        TrellisSatisfied  satisfied,
                                                        const char       *recorded_by);
gint64            trellis_complaint_get_id             (TrellisComplaint *self);
gint64            trellis_complaint_get_child_id       (TrellisComplaint *self);
GDateTime        *trellis_complaint_get_made_on        (TrellisComplaint *self);
const char       *trellis_complaint_get_about          (TrellisComplaint *self);
const char       *trellis_complaint_get_made_to        (TrellisComplaint *self);
const char       *trellis_complaint_get_recorded_by    (TrellisComplaint *self);
/* NULL while the complaint is open */
GDateTime        *trellis_complaint_get_resolved_on    (TrellisComplaint *self);
const char       *trellis_complaint_get_handled        (TrellisComplaint *self);
const char       *trellis_complaint_get_outcome        (TrellisComplaint *self);
TrellisSatisfied  trellis_complaint_get_satisfied      (TrellisComplaint *self);
const char       *trellis_complaint_get_outcome_recorded_by (TrellisComplaint *self);
gboolean          trellis_complaint_is_open            (TrellisComplaint *self);

G_END_DECLS
