/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-staff.c: a member of staff; never holds a password or its hash
 */
#define G_LOG_DOMAIN "trellis-staff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-staff.h"
#include "trellis-text.h"

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

static gboolean
is_username_character (char c)
{
  return (c >= 'a' && c <= 'z') || g_ascii_isdigit (c) || c == '.' || c == '-' || c == '_';
}

/* The first character that may not be in a username, from @p on, or NULL. */
static const char *
find_foreign (const char *p,
              gboolean    upper_case_too)
{
  for (; *p != '\0'; p++)
    if (!is_username_character (*p) && (upper_case_too || !g_ascii_isupper (*p)))
      return p;
  return NULL;
}

/**
 * trellis_staff_check_username:
 * @username: as typed; white space around it is not part of it
 *
 * A username is what a person types to sign in and what the audit trail shows, so it is
 * plain lower-case ASCII: letters a to z, digits, ".", "-" and "_", starting with a letter or
 * a digit (never "-", which would read as an option of trellisctl), at most
 * %TRELLIS_USERNAME_MAX_CHARS characters. No Cyrillic "а" can then stand in for a Latin "a",
 * and no two usernames differ only in case or in characters that cannot be seen.
 */
gboolean
trellis_staff_check_username (const char  *username,
                              GError     **error)
{
  g_autofree char *user = g_strstrip (g_strdup (username != NULL ? username : ""));
  const char *foreign;

  if (*user == '\0' || strpbrk (user, " \t\n\r\v\f") != NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Enter a username with no spaces"));
      return FALSE;
    }

  foreign = find_foreign (user, FALSE);
  if (foreign != NULL)
    {
      glong position;
      gunichar c;

      /* with every byte before it ASCII, a valid @user has a character start here */
      if (!g_utf8_validate (user, -1, NULL))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("Username: use only lower-case letters a to z, digits, “.”, “-” "
                         "and “_”"));
          return FALSE;
        }
      position = foreign - user + 1;
      c = g_utf8_get_char (foreign);
      if (g_unichar_isgraph (c))
        {
          char glyph[8] = { 0 };
          g_unichar_to_utf8 (c, glyph);
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("Username: character %ld, “%s” (U+%04X), is not allowed: use only "
                         "lower-case letters a to z, digits, “.”, “-” and “_”"),
                       position, glyph, c);
        }
      else
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                     _("Username: character %ld (U+%04X) is not allowed: use only lower-case "
                       "letters a to z, digits, “.”, “-” and “_”"),
                     position, c);
      return FALSE;
    }

  if (find_foreign (user, TRUE) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (user, -1);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Username: write it in lower case, as “%s”"), lower);
      return FALSE;
    }

  if (!g_ascii_isalnum (*user))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Username: start with a letter or a digit"));
      return FALSE;
    }

  if (strlen (user) > TRELLIS_USERNAME_MAX_CHARS)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   ngettext ("Username: use at most %d character (this has %ld)",
                             "Username: use at most %d characters (this has %ld)",
                             TRELLIS_USERNAME_MAX_CHARS),
                   TRELLIS_USERNAME_MAX_CHARS, (glong) strlen (user));
      return FALSE;
    }

  return TRUE;
}

/**
 * trellis_staff_check_display_name:
 * @display_name: as typed
 *
 * The person's name as lists and the audit trail show it: not empty, one line of visible
 * text in any script, at most %TRELLIS_TEXT_LINE_MAX_CHARS characters.
 */
gboolean
trellis_staff_check_display_name (const char  *display_name,
                                  GError     **error)
{
  return trellis_text_check_required (display_name, TRELLIS_TEXT_LINE, _("Name"),
                                      _("Enter the person’s name"), error);
}

/**
 * trellis_staff_check_names:
 *
 * Both of a new account's names, in the order of the forms that ask for them: the name,
 * then the username. The store calls this before it adds an account.
 */
gboolean
trellis_staff_check_names (const char  *username,
                           const char  *display_name,
                           GError     **error)
{
  return trellis_staff_check_display_name (display_name, error) &&
         trellis_staff_check_username (username, error);
}
