/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-sign-in.c: signing in, passwords and locked accounts
 *
 * Every password a person types is checked the same way: refused unchecked while the
 * account is locked or too soon after a wrong one; a wrong one counts, is audited, and the
 * TRELLIS_MAX_FAILED_SIGN_INS-th in a row locks the account until a Manager or an
 * Administrator unlocks it. Argon2 runs outside any transaction: it takes a good part of a
 * second and must not hold the write lock while it does.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-error.h"
#include "trellis-password.h"
#include "trellis-store-private.h"

/* Seconds to wait after @failed_attempts wrong passwords in a row: none for the first two,
 * then 1, 2, 4 … up to a minute. */
guint
trellis_store_get_sign_in_delay (guint failed_attempts)
{
  if (failed_attempts < 3)
    return 0;
  return MIN (1u << MIN (failed_attempts - 3, 6u), 60u);
}

static gboolean
read_account_by_id (TrellisStore    *self,
                    gint64           id,
                    TrellisAccount  *account,
                    GError         **error)
{
  gboolean found;

  if (!trellis_sqlite_account_read (self->db, NULL, id, account, &found, error))
    return FALSE;
  return found || trellis_store_no_such_staff (error);
}

/* An attempt refused before any password was checked, audited in a transaction of its own.
 * The person is refused whether or not the row could be written. */
static void
audit_refused_attempt (TrellisStore *self,
                       gint64        staff_id,
                       const char   *detail)
{
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, NULL);

  if (tx != NULL && trellis_store_audit (self, staff_id, "sign-in-failed", 0, detail, NULL))
    trellis_transaction_commit (tx, NULL);
}

/* Writes the account's new state with its audit row: all of it, or none. */
static gboolean
update_account (TrellisStore          *self,
                const TrellisAccount  *account,
                const char            *new_hash,
                int                    must_change,
                guint                  failed,
                gint64                 last_failed,
                gboolean               locked,
                gint64                 audit_staff_id,
                const char            *action,
                const char            *detail,
                GError               **error)
{
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, error);

  if (tx == NULL ||
      !trellis_sqlite_account_update (self->db, account->id, new_hash, must_change, failed,
                                      last_failed, locked, error) ||
      !trellis_store_audit (self, audit_staff_id, action, 0, detail, error) ||
      (locked && failed > 0 &&
       !trellis_store_audit (self, audit_staff_id, "account-locked", 0, "", error)))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_STAFF, account->id);
  return trellis_transaction_commit (tx, error);
}

static gboolean
wrong_password (GError **error)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
               _("The username or password is not right"));
  return FALSE;
}

static gboolean
locked_out (GError **error)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
               _("This account is locked after %d wrong passwords in a row. Ask a Manager or "
                 "an Administrator to unlock it."), TRELLIS_MAX_FAILED_SIGN_INS);
  return FALSE;
}

/* Checks @password against an account that exists and is active (see the top of the
 * file). @wrong is what to say of a wrong one. */
static gboolean
verify_counted (TrellisStore          *self,
                const TrellisAccount  *account,
                const char            *password,
                const char            *wrong,
                GError               **error)
{
  gint64 now;
  guint delay;
  guint failed;

  if (account->locked)
    {
      audit_refused_attempt (self, account->id, "locked");
      return locked_out (error);
    }

  now = self->clock ();
  delay = trellis_store_get_sign_in_delay (account->failed);
  if (delay > 0 && now < account->last_failed + (gint64) delay * G_USEC_PER_SEC)
    {
      gint64 wait = (account->last_failed + (gint64) delay * G_USEC_PER_SEC - now
                     + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Too many wrong passwords: wait %d second and try again",
                                "Too many wrong passwords: wait %d seconds and try again",
                                (int) wait), (int) wait);
      return FALSE;
    }

  if (trellis_password_verify (account->hash, password))
    return TRUE;

  failed = account->failed + 1;
  if (!update_account (self, account, NULL, -1, failed, now,
                       failed >= TRELLIS_MAX_FAILED_SIGN_INS, account->id, "sign-in-failed", "",
                       error))
    return FALSE;
  if (failed >= TRELLIS_MAX_FAILED_SIGN_INS)
    return locked_out (error);
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED, wrong);
  return FALSE;
}

/**
 * trellis_store_sign_in:
 * @must_change_password: (out) (optional): the password was set by someone else and the
 *   person must choose their own now
 *
 * Checks a password. An unknown username and a wrong password get the same answer in the
 * same time. Wrong passwords in a row make the next try wait longer, and after
 * TRELLIS_MAX_FAILED_SIGN_INS lock the account until a Manager or Administrator unlocks it.
 * Every attempt is audited; the password itself goes nowhere.
 */
TrellisStaff *
trellis_store_sign_in (TrellisStore  *self,
                       const char    *username,
                       const char    *password,
                       gboolean      *must_change_password,
                       GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };
  gboolean found;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (username != NULL && password != NULL, NULL);

  if (!trellis_sqlite_account_read (self->db, username, 0, &account, &found, error))
    return NULL;
  if (!found || !account.active || account.hash == NULL)
    {
      trellis_password_verify (trellis_password_dummy_hash (), password);
      audit_refused_attempt (self, account.active ? account.id : 0, "");
      wrong_password (error);
      return NULL;
    }

  if (!verify_counted (self, &account, password, _("The username or password is not right"),
                       error) ||
      !update_account (self, &account, NULL, -1, 0, 0, FALSE, account.id, "sign-in", "", error))
    return NULL;

  if (must_change_password != NULL)
    *must_change_password = account.must_change;
  return trellis_store_get_staff (self, account.id, error);
}

/* For unlocking a locked window: the same checks, counting and audit as signing in. */
gboolean
trellis_store_check_password (TrellisStore  *self,
                              TrellisStaff  *staff,
                              const char    *password,
                              GError       **error)
{
  g_autoptr(TrellisStaff) again = NULL;

  g_return_val_if_fail (TRELLIS_IS_STAFF (staff), FALSE);

  again = trellis_store_sign_in (self, trellis_staff_get_username (staff), password, NULL, error);
  return again != NULL;
}

void
trellis_store_sign_out (TrellisStore *self,
                        TrellisStaff *staff)
{
  g_autoptr(TrellisTransaction) tx = NULL;

  g_return_if_fail (TRELLIS_IS_STORE (self));

  if (staff == NULL)
    return;
  tx = trellis_transaction_begin (self, NULL);
  if (tx != NULL &&
      trellis_store_audit (self, trellis_staff_get_id (staff), "sign-out", 0, "", NULL))
    trellis_transaction_commit (tx, NULL);
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
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STAFF (actor), FALSE);

  if (!read_account_by_id (self, trellis_staff_get_id (actor), &account, error))
    return FALSE;
  if (!account.active)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("The account of %s is no longer active"),
                   trellis_staff_get_display_name (actor));
      return FALSE;
    }
  /* someone at a PC left signed in must not guess the password here without limit */
  if (!verify_counted (self, &account, old_password, _("The current password is not right"),
                       error))
    return FALSE;
  if (g_strcmp0 (old_password, new_password) == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Choose a password different from your current one"));
      return FALSE;
    }
  if (!trellis_password_check_strength (new_password, account.username, error))
    return FALSE;
  hash = trellis_password_hash (new_password, error);
  return hash != NULL &&
         update_account (self, &account, hash, 0, 0, 0, FALSE, account.id, "change-password", "",
                         error);
}

gboolean
trellis_store_reset_password (TrellisStore  *self,
                              TrellisStaff  *actor,
                              gint64         staff_id,
                              const char    *one_time_password,
                              GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_RESET_PASSWORD, 0, error) ||
      !read_account_by_id (self, staff_id, &account, error) ||
      !trellis_password_check_strength (one_time_password, account.username, error))
    return FALSE;
  hash = trellis_password_hash (one_time_password, error);
  return hash != NULL &&
         update_account (self, &account, hash, 1, 0, 0, FALSE, trellis_staff_get_id (actor),
                         "reset-password", account.username, error);
}

gboolean
trellis_store_unlock_staff (TrellisStore  *self,
                            TrellisStaff  *actor,
                            gint64         staff_id,
                            GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_RESET_PASSWORD, 0, error) ||
      !read_account_by_id (self, staff_id, &account, error))
    return FALSE;
  return update_account (self, &account, NULL, -1, 0, 0, FALSE, trellis_staff_get_id (actor),
                         "unlock-staff", account.username, error);
}
