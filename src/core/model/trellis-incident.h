/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-incident.h: an incident in a child's care: what, when, and for a missing episode the
 * return interview
 */
#pragma once

#include <gio/gio.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_INCIDENT (trellis_incident_get_type ())
G_DECLARE_FINAL_TYPE (TrellisIncident, trellis_incident, TRELLIS, INCIDENT, GObject)

TrellisIncident    *trellis_incident_new (gint64              id,
                                          gint64              child_id,
                                          TrellisIncidentKind kind,
                                          GDateTime          *happened_on,
                                          const char         *time,
                                          const char         *what,
                                          GDateTime          *interview_on,
                                          const char         *interview_by,
                                          const char         *child_said,
                                          const char         *recorded_by);
gint64              trellis_incident_get_id (TrellisIncident *self);
gint64              trellis_incident_get_child_id (TrellisIncident *self);
TrellisIncidentKind trellis_incident_get_kind (TrellisIncident *self);
GDateTime          *trellis_incident_get_happened_on (TrellisIncident *self);
const char         *trellis_incident_get_time (TrellisIncident *self);
const char         *trellis_incident_get_what (TrellisIncident *self);
GDateTime          *trellis_incident_get_interview_on (TrellisIncident *self);
const char         *trellis_incident_get_interview_by (TrellisIncident *self);
const char         *trellis_incident_get_child_said (TrellisIncident *self);
const char         *trellis_incident_get_recorded_by (TrellisIncident *self);

G_END_DECLS
