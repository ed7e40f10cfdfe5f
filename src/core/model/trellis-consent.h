/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-consent.h: one answer about consent for a child — given, refused, or going ahead
 * without it for a stated reason — with who gave it, when, and who recorded it
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CONSENT (trellis_consent_get_type ())
G_DECLARE_FINAL_TYPE (TrellisConsent, trellis_consent, TRELLIS, CONSENT, GObject)

TrellisConsent        *trellis_consent_new              (gint64                  id,
                                                         gint64                  child_id,
                                                         TrellisConsentSubject   subject,
                                                         const char             *detail,
                                                         TrellisConsentDecision  decision,
                                                         gint64                  given_by_id,
                                                         const char             *given_by,
                                                         GDateTime              *decided_on,
                                                         const char             *reason,
                                                         const char             *recorded_by);
gint64                 trellis_consent_get_id           (TrellisConsent *self);
gint64                 trellis_consent_get_child_id     (TrellisConsent *self);
TrellisConsentSubject  trellis_consent_get_subject      (TrellisConsent *self);
const char            *trellis_consent_get_detail       (TrellisConsent *self);
TrellisConsentDecision trellis_consent_get_decision     (TrellisConsent *self);
gint64                 trellis_consent_get_given_by_id  (TrellisConsent *self);
const char            *trellis_consent_get_given_by     (TrellisConsent *self);
GDateTime             *trellis_consent_get_decided_on   (TrellisConsent *self);
const char            *trellis_consent_get_reason       (TrellisConsent *self);
const char            *trellis_consent_get_recorded_by  (TrellisConsent *self);

const char *trellis_consent_subject_to_label  (TrellisConsentSubject  subject);
const char *trellis_consent_decision_to_label (TrellisConsentDecision decision);

G_END_DECLS
