/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-home.c: the home and its own settings
 *
 * A database holds one home, made with its first Administrator. Settings that protect the
 * shared PC belong to the home, in its database, not to whoever happens to be signed in: a
 * Manager or an Administrator changes them, and every change is audited with the value
 * before and after.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-error.h"
#include "trellis-password.h"
#include "trellis-store-private.h"

static gboolean
no_home (TrellisStore  *self,
         GError       **error)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NO_HOME,
               _("The database “%s” has no home yet"), self->path);
  return FALSE;
}

gboolean
trellis_store_has_home (TrellisStore *self)
{
  g_autoptr(TrellisHome) home = trellis_store_get_home (self, NULL);
  return home != NULL;
}

TrellisHome *
trellis_store_get_home (TrellisStore  *self,
                        GError       **error)
{
  g_autoptr(TrellisHome) home = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_sqlite_home_get (trellis_store_read_db (self), &home, error))
    return NULL;
  if (home == NULL)
    no_home (self, error);
  return g_steal_pointer (&home);
}

/**
 * trellis_store_create_home:
 * @admin_password: already hashed with trellis_password_hash()
 *
 * Creates the home and its first Administrator in one transaction. A database holds one
 * home; a second call fails.
 */
TrellisStaff *
trellis_store_create_home (TrellisStore  *self,
                           const char    *home_name,
                           gboolean       is_demo,
                           const char    *admin_display_name,
                           const char    *admin_username,
                           const char    *admin_password_hash,
                           GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (home_name ? home_name : ""));
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisStaff) admin = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  /* nobody acts yet: the home's first account is what is being made */
  tx = trellis_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;
  if (*name == '\0')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("Enter the name of the home"));
      return NULL;
    }
  if (trellis_store_has_home (self))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("This database already belongs to a home"));
      return NULL;
    }

  if (!trellis_sqlite_home_insert (self->db, name, is_demo, error))
    return NULL;
  admin = trellis_store_insert_staff (self, admin_username, admin_display_name,
                                      TRELLIS_ROLE_ADMINISTRATOR, admin_password_hash, FALSE,
                                      error);
  if (admin == NULL)
    return NULL;

  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_STAFF, trellis_staff_get_id (admin));
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_HOME, 1);
  if (!trellis_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&admin);
}

/**
 * trellis_store_create_home_with_key:
 * @admin_key: made from the Administrator's password (trellis_password_key_new()) before
 *   this is called: Argon2 takes most of a second and must not hold the write lock
 *
 * Creates an encrypted home and its first Administrator, who gets the first copy of the
 * data key; the home's recovery key is made with it, for
 * trellis_store_take_recovery_key().
 */
TrellisStaff *
trellis_store_create_home_with_key (TrellisStore        *self,
                                    const char          *home_name,
                                    gboolean             is_demo,
                                    const char          *admin_display_name,
                                    const char          *admin_username,
                                    TrellisPasswordKey  *admin_key,
                                    GError             **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisStaff) admin = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (admin_key != NULL, NULL);

  if (self->keyring == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is not encrypted: a new home always is"), self->path);
      return NULL;
    }
  tx = trellis_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;
  admin = trellis_store_create_home (self, home_name, is_demo, admin_display_name,
                                     admin_username, TRELLIS_STORE_HASH_IN_KEYRING, error);
  if (admin == NULL ||
      !trellis_store_keyring_wrap (self, trellis_staff_get_id (admin), admin_key, error) ||
      !trellis_store_keyring_make_recovery (self, error) ||
      !trellis_transaction_commit (tx, error))
    return NULL;
  /* who made the home is signed in to it */
  trellis_store_begin_session (self, trellis_staff_get_id (admin));
  return g_steal_pointer (&admin);
}

/**
 * trellis_store_create_home_with_password:
 *
 * As trellis_store_create_home_with_key(), deriving the key here (most of a second: not on
 * a window's thread). A home made before encryption gets a hash instead.
 */
TrellisStaff *
trellis_store_create_home_with_password (TrellisStore  *self,
                                         const char    *home_name,
                                         gboolean       is_demo,
                                         const char    *admin_display_name,
                                         const char    *admin_username,
                                         const char    *admin_password,
                                         GError       **error)
{
  g_autoptr(TrellisPasswordKey) admin_key = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (admin_password != NULL, NULL);

  if (self->keyring == NULL)
    {
      hash = trellis_password_hash (admin_password, error);
      if (hash == NULL)
        return NULL;
      return trellis_store_create_home (self, home_name, is_demo, admin_display_name,
                                        admin_username, hash, error);
    }
  admin_key = trellis_password_key_new (admin_password, error);
  if (admin_key == NULL)
    return NULL;
  return trellis_store_create_home_with_key (self, home_name, is_demo, admin_display_name,
                                             admin_username, admin_key, error);
}

static gboolean
read_idle_lock (TrellisStore  *self,
                guint         *minutes,
                GError       **error)
{
  gboolean found;

  if (!trellis_sqlite_home_get_idle_lock (trellis_store_read_db (self), minutes, &found, error))
    return FALSE;
  if (!found)
    return no_home (self, error);
  *minutes = CLAMP (*minutes, TRELLIS_IDLE_LOCK_MIN_MINUTES, TRELLIS_IDLE_LOCK_MAX_MINUTES);
  return TRUE;
}

/**
 * trellis_store_get_idle_lock_minutes:
 *
 * How many minutes the window may be left unused before it locks itself.
 *
 * Returns: the home's setting, or %TRELLIS_IDLE_LOCK_DEFAULT_MINUTES with @error set.
 */
guint
trellis_store_get_idle_lock_minutes (TrellisStore  *self,
                                     GError       **error)
{
  guint minutes = TRELLIS_IDLE_LOCK_DEFAULT_MINUTES;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), TRELLIS_IDLE_LOCK_DEFAULT_MINUTES);

  if (!read_idle_lock (self, &minutes, error))
    return TRELLIS_IDLE_LOCK_DEFAULT_MINUTES;
  return minutes;
}

/**
 * trellis_store_set_idle_lock_minutes:
 * @minutes: from %TRELLIS_IDLE_LOCK_MIN_MINUTES to %TRELLIS_IDLE_LOCK_MAX_MINUTES
 *
 * Changes how soon every window of the home locks itself when left unused. Managers and
 * Administrators only; audited with the old and the new value. There is no "never": a
 * shared PC must lock itself, and an hour is the longest a record may stay on an unwatched
 * screen. Setting the value it has already changes nothing and audits nothing.
 */
gboolean
trellis_store_set_idle_lock_minutes (TrellisStore  *self,
                                     TrellisStaff  *actor,
                                     guint          minutes,
                                     GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autofree char *detail = NULL;
  guint old;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_CHANGE_HOME_SETTINGS, error);
  if (tx == NULL)
    return FALSE;
  if (minutes < TRELLIS_IDLE_LOCK_MIN_MINUTES || minutes > TRELLIS_IDLE_LOCK_MAX_MINUTES)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The lock time must be from %d to %d minutes, not %u: a shared computer "
                     "must lock itself when it is left"),
                   TRELLIS_IDLE_LOCK_MIN_MINUTES, TRELLIS_IDLE_LOCK_MAX_MINUTES, minutes);
      return FALSE;
    }
  if (!read_idle_lock (self, &old, error))
    return FALSE;
  if (old == minutes)
    return TRUE;

  detail = g_strdup_printf ("%u → %u", old, minutes);
  if (!trellis_sqlite_home_set_idle_lock (self->db, minutes, error) ||
      !trellis_store_audit (self, trellis_staff_get_id (actor), "change-idle-lock", 0, detail,
                            error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_HOME, 1);
  return trellis_transaction_commit (tx, error);
}
