/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-home.c: the children's home; a demo home says so, and only it has demo accounts
 */
#define G_LOG_DOMAIN "trellis-home"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-home.h"
#include "trellis-text.h"

struct _TrellisHome
{
  GObject  parent_instance;

  char    *name;
  gboolean is_demo;
};

G_DEFINE_FINAL_TYPE (TrellisHome, trellis_home, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_IS_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_home_finalize (GObject *object)
{
  TrellisHome *self = (TrellisHome *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (trellis_home_parent_class)->finalize (object);
}

static void
trellis_home_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TrellisHome *self = TRELLIS_HOME (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_IS_DEMO: g_value_set_boolean (value, self->is_demo); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_home_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TrellisHome *self = TRELLIS_HOME (object);

  switch (prop_id)
    {
    case PROP_NAME: self->name = g_value_dup_string (value); break;
    case PROP_IS_DEMO: self->is_demo = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_home_class_init (TrellisHomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_home_finalize;
  object_class->get_property = trellis_home_get_property;
  object_class->set_property = trellis_home_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_IS_DEMO] = g_param_spec_boolean ("is-demo", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_home_init (TrellisHome *self)
{
}

TrellisHome *
trellis_home_new (const char *name,
                  gboolean    is_demo)
{
  return g_object_new (TRELLIS_TYPE_HOME, "name", name, "is-demo", is_demo, NULL);
}

const char *
trellis_home_get_name (TrellisHome *self)
{
  g_return_val_if_fail (TRELLIS_IS_HOME (self), NULL);
  return self->name;
}

gboolean
trellis_home_get_is_demo (TrellisHome *self)
{
  g_return_val_if_fail (TRELLIS_IS_HOME (self), FALSE);
  return self->is_demo;
}

/**
 * trellis_home_check_name:
 * @name: as typed
 *
 * The name every window title and printed page carries: not empty, one line of visible text,
 * at most %TRELLIS_TEXT_LINE_MAX_CHARS characters.
 */
gboolean
trellis_home_check_name (const char  *name,
                         GError     **error)
{
  return trellis_text_check_required (name, TRELLIS_TEXT_LINE, _("Name of the home"),
                                      _("Enter the name of the home"), error);
}
