/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-staff.c: a member of staff; never holds a password or its hash
 */
#include "config.h"

#include "trellis-enum-types.h"
#include "trellis-staff.h"

struct _TrellisStaff
{
  GObject     parent_instance;

  gint64      id;
  char       *username;
  char       *display_name;
  TrellisRole role;
  gboolean    active;
  gboolean    locked;  /* after too many wrong passwords */
};

G_DEFINE_FINAL_TYPE (TrellisStaff, trellis_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_ACTIVE,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_staff_finalize (GObject *object)
{
  TrellisStaff *self = (TrellisStaff *)object;

  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (trellis_staff_parent_class)->finalize (object);
}

static void
trellis_staff_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TrellisStaff *self = TRELLIS_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_USERNAME: g_value_set_string (value, self->username); break;
    case PROP_DISPLAY_NAME: g_value_set_string (value, self->display_name); break;
    case PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_LOCKED: g_value_set_boolean (value, self->locked); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_staff_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TrellisStaff *self = TRELLIS_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_USERNAME: self->username = g_value_dup_string (value); break;
    case PROP_DISPLAY_NAME: self->display_name = g_value_dup_string (value); break;
    case PROP_ROLE: self->role = g_value_get_enum (value); break;
    case PROP_ACTIVE: self->active = g_value_get_boolean (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_staff_class_init (TrellisStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_staff_finalize;
  object_class->get_property = trellis_staff_get_property;
  object_class->set_property = trellis_staff_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, TRELLIS_TYPE_ROLE,
                                             TRELLIS_ROLE_STAFF, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  /* after too many wrong passwords; set with trellis_staff_set_locked() */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_staff_init (TrellisStaff *self)
{
}

TrellisStaff *
trellis_staff_new (gint64       id,
                   const char  *username,
                   const char  *display_name,
                   TrellisRole  role,
                   gboolean     active)
{
  return g_object_new (TRELLIS_TYPE_STAFF,
                       "id", id,
                       "username", username,
                       "display-name", display_name,
                       "role", role,
                       "active", active,
                       NULL);
}

gint64
trellis_staff_get_id (TrellisStaff *self)
{
  g_return_val_if_fail (TRELLIS_IS_STAFF (self), 0);
  return self->id;
}

const char *
trellis_staff_get_username (TrellisStaff *self)
{
  g_return_val_if_fail (TRELLIS_IS_STAFF (self), NULL);
  return self->username;
}

const char *
trellis_staff_get_display_name (TrellisStaff *self)
{
  g_return_val_if_fail (TRELLIS_IS_STAFF (self), NULL);
  return self->display_name;
}

TrellisRole
trellis_staff_get_role (TrellisStaff *self)
{
  g_return_val_if_fail (TRELLIS_IS_STAFF (self), TRELLIS_ROLE_VISITOR);
  return self->role;
}

gboolean
trellis_staff_get_active (TrellisStaff *self)
{
  g_return_val_if_fail (TRELLIS_IS_STAFF (self), FALSE);
  return self->active;
}

gboolean
trellis_staff_get_locked (TrellisStaff *self)
{
  g_return_val_if_fail (TRELLIS_IS_STAFF (self), FALSE);
  return self->locked;
}

/* Set by the store from the account's row. */
void
trellis_staff_set_locked (TrellisStaff *self,
                          gboolean      locked)
{
  g_return_if_fail (TRELLIS_IS_STAFF (self));
  if (self->locked == !!locked)
    return;
  self->locked = !!locked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}
