/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-people.h: the people around a child, and what consent has been given
 *
 * Included by trellis-store.h; the calls are in trellis-store-people.c.
 */
#pragma once

#include "trellis-consent.h"
#include "trellis-people-rules.h"
#include "trellis-person.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

gint64         trellis_store_add_person             (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisPerson         *person,
                                                     GError               **error);
gboolean       trellis_store_update_person          (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     TrellisPerson         *person,
                                                     GError               **error);
/* Adds @person when its id is 0, otherwise saves it as a new version; the answer comes with
 * trellis_store_save_person_finish(). */
void           trellis_store_save_person_async      (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisPerson         *person,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gint64         trellis_store_save_person_finish     (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
GListModel    *trellis_store_list_people            (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GError               **error);
GListModel    *trellis_store_list_person_versions   (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 person_id,
                                                     GError               **error);
/* The people and the consent answers together, read on the worker for the child's page. */
void           trellis_store_list_people_async      (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GListModel    *trellis_store_list_people_finish     (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GListModel           **consents,
                                                     GError               **error);

gint64         trellis_store_record_consent         (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisConsentSubject  subject,
                                                     const char            *detail,
                                                     TrellisConsentDecision decision,
                                                     gint64                 given_by_person,
                                                     GDateTime             *decided_on,
                                                     const char            *reason,
                                                     GError               **error);
void           trellis_store_record_consent_async   (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisConsentSubject  subject,
                                                     const char            *detail,
                                                     TrellisConsentDecision decision,
                                                     gint64                 given_by_person,
                                                     GDateTime             *decided_on,
                                                     const char            *reason,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gint64         trellis_store_record_consent_finish  (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
GListModel    *trellis_store_list_consents          (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GError               **error);
/* Is there consent for @subject (for sharing: with the service @detail) for this child?
 * What later parts of the file (leaflets, photographs) ask before they go ahead. */
gboolean       trellis_store_check_consent          (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     TrellisConsentSubject  subject,
                                                     const char            *detail,
                                                     TrellisConsentAnswer  *answer,
                                                     TrellisConsent       **latest,
                                                     GError               **error);

G_END_DECLS
