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
#include <string.h>

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
      (g_str_equal (action, "sign-in") &&
       !trellis_sqlite_staff_mark_signed_in (self->db, account->id, error)) ||
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

/* Before any password is checked: refused while the account is locked, or too soon after
 * a wrong one. */
static gboolean
may_try_password (TrellisStore          *self,
                  const TrellisAccount  *account,
                  GError               **error)
{
  gint64 now;
  guint delay;

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
  return TRUE;
}

/* After the password was checked (@right): a wrong one counts, is audited and may lock the
 * account. @wrong is what to say of a wrong one. */
static gboolean
count_password (TrellisStore          *self,
                const TrellisAccount  *account,
                gboolean               right,
                const char            *wrong,
                GError               **error)
{
  gint64 now = self->clock ();
  guint failed;

  if (right)
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

/* Checks @password against an account that exists and is active (see the top of the
 * file). @wrong is what to say of a wrong one. */
static gboolean
verify_counted (TrellisStore          *self,
                const TrellisAccount  *account,
                const char            *password,
                const char            *wrong,
                GError               **error)
{
  return may_try_password (self, account, error) &&
         count_password (self, account, trellis_password_verify (account->hash, password),
                         wrong, error);
}

/* Reads the account for a sign-in. Returns %FALSE, with @error set, when the attempt is
 * refused before any password is checked; an unknown or inactive account is not refused
 * here (its answer must take as long as a wrong password: see finish_sign_in()). */
static gboolean
start_sign_in (TrellisStore    *self,
               const char      *username,
               TrellisAccount  *account,
               gboolean        *known,
               GError         **error)
{
  gboolean found;

  if (!trellis_sqlite_account_read (self->db, username, 0, account, &found, error))
    return FALSE;
  *known = found && account->active && account->hash != NULL;
  return !*known || may_try_password (self, account, error);
}

/* After the password was checked: the attempt is counted and audited either way. */
static TrellisStaff *
finish_sign_in (TrellisStore          *self,
                const TrellisAccount  *account,
                gboolean               known,
                gboolean               right,
                gboolean              *must_change_password,
                GError               **error)
{
  if (!known)
    {
      audit_refused_attempt (self, account->active ? account->id : 0, "");
      wrong_password (error);
      return NULL;
    }
  if (!count_password (self, account, right, _("The username or password is not right"),
                       error) ||
      !update_account (self, account, NULL, -1, 0, 0, FALSE, account->id, "sign-in", "", error))
    return NULL;

  if (must_change_password != NULL)
    *must_change_password = account->must_change;
  return trellis_store_get_staff (self, account->id, error);
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
  gboolean known;
  gboolean right;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (username != NULL && password != NULL, NULL);

  if (!start_sign_in (self, username, &account, &known, error))
    return NULL;
  right = trellis_password_verify (known ? account.hash : trellis_password_dummy_hash (),
                                   password);
  return finish_sign_in (self, &account, known, right, must_change_password, error);
}

/* The _async calls run the calls above on the store's worker (trellis-store-worker.c):
 * the account read, Argon2, the counting and the audit row all off the caller's thread. */

typedef struct
{
  char         *username;
  char         *password;    /* wiped when done */
  TrellisStaff *staff;       /* who is unlocking */
} PasswordJob;

typedef struct
{
  TrellisStaff *staff;
  gboolean      must_change;
} SignedIn;

static void
password_job_free (PasswordJob *job)
{
  g_free (job->username);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_clear_object (&job->staff);
  g_free (job);
}

static PasswordJob *
password_job_new (const char   *username,
                  const char   *password,
                  TrellisStaff *staff)
{
  PasswordJob *job = g_new0 (PasswordJob, 1);

  job->username = g_strdup (username);
  job->password = g_strdup (password);
  job->staff = staff != NULL ? g_object_ref (staff) : NULL;
  return job;
}

static void
signed_in_free (SignedIn *signed_in)
{
  g_clear_object (&signed_in->staff);
  g_free (signed_in);
}

static gpointer
sign_in_job (TrellisStore  *store,
             gpointer       data,
             GError       **error)
{
  PasswordJob *job = data;
  SignedIn *signed_in = g_new0 (SignedIn, 1);

  signed_in->staff = trellis_store_sign_in (store, job->username, job->password,
                                            &signed_in->must_change, error);
  if (signed_in->staff == NULL)
    g_clear_pointer (&signed_in, signed_in_free);
  return signed_in;
}

/**
 * trellis_store_sign_in_async:
 *
 * trellis_store_sign_in() on the store's worker, so the window keeps drawing while the
 * account is read and Argon2 checks the password. An attempt that has started is counted
 * and audited even if @cancellable is cancelled meanwhile.
 */
void
trellis_store_sign_in_async (TrellisStore        *self,
                             const char          *username,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (username != NULL && password != NULL);

  trellis_store_run_async (self, sign_in_job, password_job_new (username, password, NULL),
                           (GDestroyNotify) password_job_free, (GDestroyNotify) signed_in_free,
                           cancellable, trellis_store_sign_in_async, callback, user_data);
}

/**
 * trellis_store_sign_in_finish:
 * @must_change_password: (out) (optional): as for trellis_store_sign_in()
 *
 * Returns: (transfer full): who signed in, or %NULL with @error set
 */
TrellisStaff *
trellis_store_sign_in_finish (TrellisStore  *self,
                              GAsyncResult  *result,
                              gboolean      *must_change_password,
                              GError       **error)
{
  SignedIn *signed_in = trellis_store_run_finish (self, result, trellis_store_sign_in_async,
                                                  error);
  TrellisStaff *staff;

  if (signed_in == NULL)
    return NULL;
  if (must_change_password != NULL)
    *must_change_password = signed_in->must_change;
  staff = g_steal_pointer (&signed_in->staff);
  signed_in_free (signed_in);
  return staff;
}

static gpointer
check_password_job (TrellisStore  *store,
                    gpointer       data,
                    GError       **error)
{
  PasswordJob *job = data;

  return trellis_store_check_password (store, job->staff, job->password, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * trellis_store_check_password_async:
 *
 * trellis_store_check_password() on the store's worker: unlocking a locked window without
 * freezing it for Argon2.
 */
void
trellis_store_check_password_async (TrellisStore        *self,
                                    TrellisStaff        *staff,
                                    const char          *password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (TRELLIS_IS_STAFF (staff));
  g_return_if_fail (password != NULL);

  trellis_store_run_async (self, check_password_job, password_job_new (NULL, password, staff),
                           (GDestroyNotify) password_job_free, NULL, cancellable,
                           trellis_store_check_password_async, callback, user_data);
}

gboolean
trellis_store_check_password_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_check_password_async,
                                   error) != NULL;
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
