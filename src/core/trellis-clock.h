/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-clock.h: one "now" and one "today" for a whole program, movable in tests
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_CLOCK (trellis_clock_get_type ())
G_DECLARE_FINAL_TYPE (TrellisClock, trellis_clock, TRELLIS, CLOCK, GObject)

TrellisClock *trellis_clock_new       (void);
gint64        trellis_clock_get_now   (TrellisClock  *self);
GDateTime    *trellis_clock_dup_today (TrellisClock  *self);

/* for tests */
void          trellis_clock_set_now   (TrellisClock  *self,
                                       gint64         now);
void          trellis_clock_advance   (TrellisClock  *self,
                                       gint64         microseconds);
void          trellis_clock_set_func  (TrellisClock  *self,
                                       gint64       (*func) (void));
void          trellis_clock_set_today (TrellisClock  *self,
                                       GDateTime     *today);

G_END_DECLS
