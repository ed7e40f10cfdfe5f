/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-incidents.h: incidents in a child's care — behaviour incidents, physical
 * interventions, missing-from-care episodes with the return interview
 *
 * Included by trellis-store.h; the calls are in trellis-store-incidents.c.
 */
#pragma once

#include "trellis-incident-rules.h"
#include "trellis-incident.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_INCIDENT_TEXT_MAX_CHARS 4000

/* What happened, and the return interview after a missing episode (all three, or none) */
typedef struct
{
  TrellisIncidentKind kind;
  GDateTime          *happened_on;
  const char         *time; /* HH:MM, or as people write it: 9:05, 21.30 */
  const char         *what;
  GDateTime          *interview_on; /* nullable */
  const char         *interview_by; /* nullable */
  const char         *child_said;   /* nullable */
} TrellisIncidentReport;

gint64      trellis_store_record_incident (TrellisStore                *self,
                                           TrellisStaff                *actor,
                                           gint64                       child_id,
                                           const TrellisIncidentReport *report,
                                           GError                     **error);
GListModel *trellis_store_list_incidents (TrellisStore *self,
                                          TrellisStaff *actor,
                                          gint64        child_id,
                                          GError      **error);
GArray     *trellis_store_count_incidents (GListModel *incidents, GDateTime *today, guint n_months);
void        trellis_store_record_incident_async (TrellisStore                *self,
                                                 TrellisStaff                *actor,
                                                 gint64                       child_id,
                                                 const TrellisIncidentReport *report,
                                                 GCancellable                *cancellable,
                                                 GAsyncReadyCallback          callback,
                                                 gpointer                     user_data);
gint64
trellis_store_record_incident_finish (TrellisStore *self, GAsyncResult *result, GError **error);
void trellis_store_list_incidents_async (TrellisStore       *self,
                                         TrellisStaff       *actor,
                                         gint64              child_id,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data);
GListModel *
trellis_store_list_incidents_finish (TrellisStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
