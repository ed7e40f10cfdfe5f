/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-clock.c: one "now" and one "today" for a whole program, movable in tests
 *
 * The context owns the clock and lends it to the store, so the moment an audit row is
 * written at, a sign-in lockout is counted from, and the day a page shows ages and due
 * dates for all come from one place that a test can fix or move forward. Left alone it is
 * the real clock, and "today" is trellis_date_today() (which TRELLIS_TODAY pins for a whole
 * program).
 */
#define G_LOG_DOMAIN "trellis-clock"

#include "config.h"

#include "trellis-clock.h"
#include "trellis-date.h"

struct _TrellisClock
{
  GObject     parent_instance;

  gint64    (*func) (void); /* µs since 1970: g_get_real_time() unless a test moves it */
  gint64      fixed_now;    /* with func NULL: a test's fixed moment */
  GDateTime  *today;        /* nullable: trellis_date_today() */
};

G_DEFINE_FINAL_TYPE (TrellisClock, trellis_clock, G_TYPE_OBJECT)

static void
trellis_clock_finalize (GObject *object)
{
  TrellisClock *self = TRELLIS_CLOCK (object);

  g_clear_pointer (&self->today, g_date_time_unref);

  G_OBJECT_CLASS (trellis_clock_parent_class)->finalize (object);
}

static void
trellis_clock_class_init (TrellisClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_clock_finalize;
}

static void
trellis_clock_init (TrellisClock *self)
{
  self->func = g_get_real_time;
}

/* The real clock. */
TrellisClock *
trellis_clock_new (void)
{
  return g_object_new (TRELLIS_TYPE_CLOCK, NULL);
}

/* Returns: now, in microseconds since 1970 (UTC), as g_get_real_time() counts */
gint64
trellis_clock_get_now (TrellisClock *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLOCK (self), g_get_real_time ());

  return self->func != NULL ? self->func () : self->fixed_now;
}

/**
 * trellis_clock_dup_today:
 *
 * Returns: (transfer full): today's date (trellis_date_new()), the one every page, command
 *   and check in the program counts from
 */
GDateTime *
trellis_clock_dup_today (TrellisClock *self)
{
  g_return_val_if_fail (TRELLIS_IS_CLOCK (self), NULL);

  return self->today != NULL ? g_date_time_ref (self->today) : trellis_date_today ();
}

/* Stops the clock at @now (µs since 1970) until the test moves it. */
void
trellis_clock_set_now (TrellisClock *self,
                       gint64        now)
{
  g_return_if_fail (TRELLIS_IS_CLOCK (self));

  self->func = NULL;
  self->fixed_now = now;
}

/* Moves a clock stopped by trellis_clock_set_now() forward, as if time had passed. */
void
trellis_clock_advance (TrellisClock *self,
                       gint64        microseconds)
{
  g_return_if_fail (TRELLIS_IS_CLOCK (self));
  g_return_if_fail (self->func == NULL);

  self->fixed_now += microseconds;
}

/* A test's own source of the time; %NULL goes back to the real clock. */
void
trellis_clock_set_func (TrellisClock  *self,
                        gint64       (*func) (void))
{
  g_return_if_fail (TRELLIS_IS_CLOCK (self));

  self->func = func != NULL ? func : g_get_real_time;
}

/* Fixes the day (a date from trellis_date_new()); %NULL goes back to the real day. */
void
trellis_clock_set_today (TrellisClock *self,
                         GDateTime    *today)
{
  g_return_if_fail (TRELLIS_IS_CLOCK (self));

  g_clear_pointer (&self->today, g_date_time_unref);
  if (today != NULL)
    self->today = g_date_time_ref (today);
}
