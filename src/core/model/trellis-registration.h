/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-registration.h: where a child is registered for health care, and since when
 */
#pragma once

#include <glib-object.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_REGISTRATION (trellis_registration_get_type ())
G_DECLARE_FINAL_TYPE (TrellisRegistration, trellis_registration, TRELLIS, REGISTRATION, GObject)

TrellisRegistration     *trellis_registration_new               (gint64                   id,
                                                                gint64                   child_id,
                                                                TrellisRegistrationKind  kind,
                                                                GDateTime               *registered_on,
                                                                const char              *practice,
                                                                const char              *recorded_by);
gint64                   trellis_registration_get_id            (TrellisRegistration *self);
gint64                   trellis_registration_get_child_id      (TrellisRegistration *self);
TrellisRegistrationKind  trellis_registration_get_kind          (TrellisRegistration *self);
GDateTime               *trellis_registration_get_registered_on (TrellisRegistration *self);
const char              *trellis_registration_get_practice      (TrellisRegistration *self);
const char              *trellis_registration_get_recorded_by   (TrellisRegistration *self);

G_END_DECLS
