/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-passwords.c: changing, resetting and recovering passwords; locking accounts
 *
 * A person changes their own password; a Manager or an Administrator resets another's (see
 * trellis_permission_allows_account() for whose) or locks it; the recovery key resets an
 * Administrator's. In an encrypted home a password is the account's copy of the data key,
 * wrapped with it (trellis-store-keyring.c). Argon2 runs before any transaction, and the
 * _async calls run the whole call on the store's worker.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-password.h"
#include "trellis-permission.h"
#include "trellis-store-private.h"

/**
 * set_password:
 * @must_change: 1 for a one-time password its owner must change, 0 for their own
 *
 * Gives the account a new password, audited as @action by @audit_staff_id. In an encrypted
 * home that is a new copy of the data key, wrapped with the new password, in place of the
 * old one (put back if the database then refuses the change); in a home made before
 * encryption, a new hash. Argon2 runs before any transaction begins.
 */
static gboolean
set_password (TrellisStore          *self,
              const TrellisAccount  *account,
              const char            *password,
              int                    must_change,
              gint64                 audit_staff_id,
              const char            *action,
              const char            *detail,
              GError               **error)
{
  g_autoptr(TrellisPasswordKey) password_key = NULL;
  g_autofree char *hash = NULL;

  if (self->keyring == NULL)
    {
      hash = trellis_password_hash (password, error);
      return hash != NULL &&
             trellis_store_update_account (self, account, hash, must_change, account->locked,
                                           audit_staff_id, action, detail, error);
    }

  password_key = trellis_password_key_new (password, error);
  if (password_key == NULL ||
      !trellis_store_keyring_wrap (self, account->id, password_key, error))
    return FALSE;
  if (trellis_store_update_account (self, account, TRELLIS_STORE_HASH_IN_KEYRING, must_change,
                                    account->locked, audit_staff_id, action, detail, error))
    return TRUE;
  trellis_sqlite_keyring_set_wrapped (self->keyring, account->id, account->wrapped, NULL);
  return FALSE;
}

/**
 * trellis_store_change_password:
 * @old_password: the password @actor signed in with (the one-time one at a first sign-in)
 *
 * A person changes their own password. A wrong @old_password counts towards the same waits
 * and lock-out as a wrong sign-in, and is audited as one.
 */
gboolean
trellis_store_change_password (TrellisStore  *self,
                               TrellisStaff  *actor,
                               const char    *old_password,
                               const char    *new_password,
                               GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STAFF (actor), FALSE);

  if (!trellis_store_read_account (self, trellis_staff_get_id (actor), &account, error))
    return FALSE;
  if (!account.active)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("The account of %s is no longer active"),
                   trellis_staff_get_display_name (actor));
      return FALSE;
    }
  /* someone at a PC left signed in must not guess the password here without limit */
  if (!trellis_store_verify_counted (self, &account, old_password,
                                     _("The current password is not right"), error))
    return FALSE;
  if (g_strcmp0 (old_password, new_password) == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Choose a password different from your current one"));
      return FALSE;
    }
  if (!trellis_password_check_strength (new_password, account.username, error))
    return FALSE;
  return set_password (self, &account, new_password, 0, account.id, "change-password", "",
                       error);
}

/* The account @actor would act on, if their role reaches it. */
static TrellisStaff *
check_account (TrellisStore    *self,
               TrellisStaff    *actor,
               gint64           staff_id,
               TrellisAccount  *account,
               GError         **error)
{
  g_autoptr(TrellisStaff) target = NULL;

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_RESET_PASSWORD, 0, error) ||
      !trellis_store_read_account (self, staff_id, account, error) ||
      (target = trellis_store_get_staff (self, staff_id, error)) == NULL ||
      !trellis_permission_check_account (actor, target, error))
    return NULL;
  return g_steal_pointer (&target);
}

/**
 * trellis_store_reset_password:
 *
 * Gives an account a one-time password its owner must change at their next sign-in. See
 * trellis_permission_allows_account() for whose.
 */
gboolean
trellis_store_reset_password (TrellisStore  *self,
                              TrellisStaff  *actor,
                              gint64         staff_id,
                              const char    *one_time_password,
                              GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };
  g_autoptr(TrellisStaff) target = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if ((target = check_account (self, actor, staff_id, &account, error)) == NULL ||
      !trellis_password_check_strength (one_time_password, account.username, error))
    return FALSE;
  return set_password (self, &account, one_time_password, 1, trellis_staff_get_id (actor),
                       "reset-password", account.username, error);
}

/* Locks or unlocks an account by hand, audited as @action. */
static gboolean
set_locked (TrellisStore  *self,
            TrellisStaff  *actor,
            gint64         staff_id,
            gboolean       locked,
            const char    *action,
            GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };
  g_autoptr(TrellisStaff) target = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if ((target = check_account (self, actor, staff_id, &account, error)) == NULL)
    return FALSE;
  return trellis_store_update_account (self, &account, NULL, -1, locked,
                                       trellis_staff_get_id (actor), action, account.username,
                                       error);
}

gboolean
trellis_store_unlock_staff (TrellisStore  *self,
                            TrellisStaff  *actor,
                            gint64         staff_id,
                            GError       **error)
{
  return set_locked (self, actor, staff_id, FALSE, "unlock-staff", error);
}

/**
 * trellis_store_lock_staff:
 *
 * Locks an account by hand (a lost badge, someone who should not be signing in tonight):
 * its right password is then refused until it is unlocked. Wrong passwords never do this.
 */
gboolean
trellis_store_lock_staff (TrellisStore  *self,
                          TrellisStaff  *actor,
                          gint64         staff_id,
                          GError       **error)
{
  return set_locked (self, actor, staff_id, TRUE, "lock-staff", error);
}

/**
 * trellis_store_recover_administrator:
 *
 * Gives an Administrator's account a one-time password, and unlocks it, in a home opened
 * with its recovery key (trellis_store_unseal_with_recovery()): the way back in when every
 * Administrator is locked out or has forgotten. Nobody signed in does it, so the audit row
 * names nobody and says it was the recovery key. Only an Administrator's account: the
 * recovery key opens nothing else.
 */
gboolean
trellis_store_recover_administrator (TrellisStore  *self,
                                     const char    *username,
                                     const char    *one_time_password,
                                     GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };
  g_autoptr(TrellisStaff) target = NULL;
  gboolean found;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (username != NULL && one_time_password != NULL, FALSE);

  if (self->keyring == NULL || trellis_store_is_sealed (self))
    return trellis_sqlite_set_sealed_error (error);
  if (!trellis_sqlite_account_read (self->db, username, 0, &account, &found, error))
    return FALSE;
  if (found)
    target = trellis_store_get_staff (self, account.id, NULL);
  if (target == NULL || !account.active ||
      trellis_staff_get_role (target) != TRELLIS_ROLE_ADMINISTRATOR)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("“%s” is not an Administrator of this home: the recovery key resets an "
                     "Administrator’s password and nobody else’s"), username);
      return FALSE;
    }
  if (!trellis_sqlite_keyring_get_wrapped (self->keyring, account.id, &account.wrapped, error) ||
      !trellis_password_check_strength (one_time_password, account.username, error))
    return FALSE;
  account.locked = FALSE;
  return set_password (self, &account, one_time_password, 1, 0, "recover-administrator",
                       account.username, error);
}

/* The password calls below on the store's worker: Argon2 (most of a second, 256 MB) never
 * on the caller's thread. Each is the synchronous call, run there. */

typedef struct
{
  TrellisStaff *actor;
  gint64        staff_id;
  char         *username;
  char         *display_name;
  TrellisRole   role;
  char         *password;      /* the current one, for a change; wiped when done */
  char         *new_password;  /* wiped when done */
} PasswordChange;

static void
wipe_free (char *text)
{
  if (text != NULL)
    sodium_memzero (text, strlen (text));
  g_free (text);
}

static void
password_change_free (PasswordChange *change)
{
  g_clear_object (&change->actor);
  g_free (change->username);
  g_free (change->display_name);
  wipe_free (change->password);
  wipe_free (change->new_password);
  g_free (change);
}

static PasswordChange *
password_change_new (TrellisStaff *actor,
                     const char   *password,
                     const char   *new_password)
{
  PasswordChange *change = g_new0 (PasswordChange, 1);

  change->actor = actor != NULL ? g_object_ref (actor) : NULL;
  change->password = g_strdup (password);
  change->new_password = g_strdup (new_password);
  return change;
}

static gpointer
change_password_job (TrellisStore  *store,
                     gpointer       data,
                     GError       **error)
{
  PasswordChange *change = data;

  return trellis_store_change_password (store, change->actor, change->password,
                                        change->new_password, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
reset_password_job (TrellisStore  *store,
                    gpointer       data,
                    GError       **error)
{
  PasswordChange *change = data;

  return trellis_store_reset_password (store, change->actor, change->staff_id,
                                       change->new_password, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
create_account_job (TrellisStore  *store,
                    gpointer       data,
                    GError       **error)
{
  PasswordChange *change = data;

  return trellis_store_create_account (store, change->actor, change->username,
                                       change->display_name, change->role,
                                       change->new_password, error);
}

void
trellis_store_change_password_async (TrellisStore        *self,
                                     TrellisStaff        *actor,
                                     const char          *old_password,
                                     const char          *new_password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (TRELLIS_IS_STAFF (actor));
  g_return_if_fail (old_password != NULL && new_password != NULL);

  trellis_store_run_async (self, change_password_job,
                           password_change_new (actor, old_password, new_password),
                           (GDestroyNotify) password_change_free, NULL, cancellable,
                           trellis_store_change_password_async, callback, user_data);
}

gboolean
trellis_store_change_password_finish (TrellisStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_change_password_async,
                                   error) != NULL;
}

void
trellis_store_reset_password_async (TrellisStore        *self,
                                    TrellisStaff        *actor,
                                    gint64               staff_id,
                                    const char          *one_time_password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  PasswordChange *change;

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (one_time_password != NULL);

  change = password_change_new (actor, NULL, one_time_password);
  change->staff_id = staff_id;
  trellis_store_run_async (self, reset_password_job, change,
                           (GDestroyNotify) password_change_free, NULL, cancellable,
                           trellis_store_reset_password_async, callback, user_data);
}

gboolean
trellis_store_reset_password_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_reset_password_async,
                                   error) != NULL;
}

void
trellis_store_create_account_async (TrellisStore        *self,
                                    TrellisStaff        *actor,
                                    const char          *username,
                                    const char          *display_name,
                                    TrellisRole          role,
                                    const char          *one_time_password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  PasswordChange *change;

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (one_time_password != NULL);

  change = password_change_new (actor, NULL, one_time_password);
  change->username = g_strdup (username);
  change->display_name = g_strdup (display_name);
  change->role = role;
  trellis_store_run_async (self, create_account_job, change,
                           (GDestroyNotify) password_change_free, g_object_unref, cancellable,
                           trellis_store_create_account_async, callback, user_data);
}

/* Returns: (transfer full): the account added, or %NULL with @error set */
TrellisStaff *
trellis_store_create_account_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_create_account_async, error);
}
