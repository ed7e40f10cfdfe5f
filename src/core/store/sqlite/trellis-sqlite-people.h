/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-people.h: the backend seam for the people around a child and consent
 *
 * As trellis-sqlite.h: rows only, inside the store's transaction; no permissions, no audit.
 * Kept in a header of its own so the area's calls are found in one place.
 */
#pragma once

#include "trellis-consent.h"
#include "trellis-person.h"
#include "trellis-sqlite.h"

G_BEGIN_DECLS

/* The current version of each person in child @child_id's network, those still involved
 * first, then by name. */
GListModel    *trellis_sqlite_person_list         (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
/* The current version; *@person NULL when there is no such person. */
gboolean       trellis_sqlite_person_get          (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   TrellisPerson          **person,
                                                   GError                 **error);
/* Every version of a person, newest first. */
GListModel    *trellis_sqlite_person_versions     (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   GError                 **error);
gboolean       trellis_sqlite_person_insert       (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   gint64                  *id,
                                                   GError                 **error);
/* Adds @person (its id, child id and version) as a version and makes it the current one. */
gboolean       trellis_sqlite_person_add_version  (TrellisSqlite           *self,
                                                   TrellisPerson           *person,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   GError                 **error);
GListModel    *trellis_sqlite_consent_list        (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_consent_insert      (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   TrellisConsentSubject    subject,
                                                   const char              *detail,
                                                   TrellisConsentDecision   decision,
                                                   gint64                   given_by_person,
                                                   GDateTime               *decided_on,
                                                   const char              *reason,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);

G_END_DECLS
