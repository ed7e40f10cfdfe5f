/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-context.c: the store, who is signed in, the home, and what day it is
 *
 * What every page, dialog and command needs to do its work, in one object instead of a
 * (parent, store, actor) triple passed everywhere: the store of the open home, the home
 * itself, the member of staff signed in (none on the sign-in page), and the clock. The
 * clock is one "today" for everything that shows or checks a date; tests fix it with
 * trellis_context_set_today() (or, for a whole program, TRELLIS_TODAY=YYYY-MM-DD), and the
 * store takes its "now" (audit rows, sign-in lockouts) from the same clock. The store
 * keeps its explicit actor argument: the context is how callers carry it, not a way round it.
 */
#define G_LOG_DOMAIN "trellis-context"

#include "config.h"

#include "trellis-context.h"
#include "trellis-date.h"

struct _TrellisContext
{
  GObject       parent_instance;

  TrellisStore *store;
  TrellisHome  *home;
  TrellisStaff *actor;   /* nullable: nobody signed in */
  TrellisClock *clock;   /* lent to the store: one "now" and "today" */
};

G_DEFINE_FINAL_TYPE (TrellisContext, trellis_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_HOME,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_context_finalize (GObject *object)
{
  TrellisContext *self = TRELLIS_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->home);
  g_clear_object (&self->actor);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (trellis_context_parent_class)->finalize (object);
}

static void
trellis_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrellisContext *self = TRELLIS_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_HOME:
      g_value_set_object (value, self->home);
      break;
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TrellisContext *self = TRELLIS_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      trellis_context_set_actor (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_context_class_init (TrellisContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_context_finalize;
  object_class->get_property = trellis_context_get_property;
  object_class->set_property = trellis_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TRELLIS_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOME] =
    g_param_spec_object ("home", NULL, NULL, TRELLIS_TYPE_HOME,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * TrellisContext:actor:
   *
   * Who is signed in, or %NULL; pages that show a child's details watch it.
   */
  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL, TRELLIS_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_context_init (TrellisContext *self)
{
}

/**
 * trellis_context_new:
 *
 * The context of the home in @store, with nobody signed in yet.
 *
 * Returns: (transfer full): the context, or %NULL if @store holds no home
 */
TrellisContext *
trellis_context_new (TrellisStore  *store,
                     GError       **error)
{
  TrellisContext *self;
  TrellisHome *home;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  home = trellis_store_get_home (store, error);
  if (home == NULL)
    return NULL;

  self = g_object_new (TRELLIS_TYPE_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->home = home;
  self->clock = trellis_clock_new ();
  trellis_store_use_clock (store, self->clock);
  return self;
}

TrellisStore *
trellis_context_get_store (TrellisContext *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONTEXT (self), NULL);
  return self->store;
}

TrellisHome *
trellis_context_get_home (TrellisContext *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONTEXT (self), NULL);
  return self->home;
}

TrellisStaff *
trellis_context_get_actor (TrellisContext *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONTEXT (self), NULL);
  return self->actor;
}

void
trellis_context_set_actor (TrellisContext *self,
                           TrellisStaff   *actor)
{
  g_return_if_fail (TRELLIS_IS_CONTEXT (self));
  g_return_if_fail (actor == NULL || TRELLIS_IS_STAFF (actor));

  if (g_set_object (&self->actor, actor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/**
 * trellis_context_dup_today:
 *
 * Returns: (transfer full): today's date, from the clock everything in this context shares
 */
GDateTime *
trellis_context_dup_today (TrellisContext *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONTEXT (self), NULL);

  return trellis_clock_dup_today (self->clock);
}

/* For the tests: fixes the day (a date from trellis_date_new()); %NULL goes back to the
 * real clock. */
void
trellis_context_set_today (TrellisContext *self,
                           GDateTime      *today)
{
  g_return_if_fail (TRELLIS_IS_CONTEXT (self));

  trellis_clock_set_today (self->clock, today);
}

/**
 * trellis_context_get_clock:
 *
 * Returns: (transfer none): the clock this context and its store share, for tests to move
 */
TrellisClock *
trellis_context_get_clock (TrellisContext *self)
{
  g_return_val_if_fail (TRELLIS_IS_CONTEXT (self), NULL);
  return self->clock;
}
