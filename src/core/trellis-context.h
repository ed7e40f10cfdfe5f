/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-context.h: the store, who is signed in, the home, and what day it is
 */
#pragma once

#include <glib-object.h>

#include "trellis-clock.h"
#include "trellis-home.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CONTEXT (trellis_context_get_type ())
G_DECLARE_FINAL_TYPE (TrellisContext, trellis_context, TRELLIS, CONTEXT, GObject)

TrellisContext *trellis_context_new       (TrellisStore   *store,
                                           GError        **error);
TrellisStore   *trellis_context_get_store (TrellisContext *self);
TrellisHome    *trellis_context_get_home  (TrellisContext *self);
TrellisStaff   *trellis_context_get_actor (TrellisContext *self);
void            trellis_context_set_actor (TrellisContext *self,
                                           TrellisStaff   *actor);
GDateTime      *trellis_context_dup_today (TrellisContext *self);
void            trellis_context_set_today (TrellisContext *self,
                                           GDateTime      *today);
TrellisClock   *trellis_context_get_clock (TrellisContext *self);

G_END_DECLS
