/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-sign-in.c: signing in, passwords and locked accounts
 *
 * Every password a person types is checked the same way: the guess is counted first, per
 * username as typed, and refused unchecked when it comes too soon (see take_guess()); a
 * wrong one is audited. Wrong passwords never lock an account by themselves: only a Manager
 * or an Administrator does that, by hand. Argon2 runs outside any transaction: it takes a
 * good part of a second and must not hold the write lock while it does.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-password.h"
#include "trellis-permission.h"
#include "trellis-store-private.h"

/* Seconds to wait after @guesses guesses at a username's password in this window: none
 * for the first three, then 1, 2, 4 … up to a minute. */
guint
trellis_store_get_sign_in_delay (guint guesses)
{
  if (guesses < 3)
    return 0;
  return MIN (1u << MIN (guesses - 3, 6u), 60u);
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

/* An attempt refused after its password was checked, audited in a transaction of its own.
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

/* Writes the account's new state with its audit row: all of it, or none. A right password
 * also forgets the guesses at that username. */
static gboolean
update_account (TrellisStore          *self,
                const TrellisAccount  *account,
                const char            *new_hash,
                int                    must_change,
                gboolean               locked,
                gint64                 audit_staff_id,
                const char            *action,
                const char            *detail,
                GError               **error)
{
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, error);
  g_autofree char *key = trellis_store_guess_key (account->username);

  if (tx == NULL ||
      !trellis_sqlite_account_update (self->db, account->id, new_hash, must_change, 0, 0,
                                      locked, error) ||
      !trellis_store_audit (self, audit_staff_id, action, 0, detail, error) ||
      (g_str_equal (action, "sign-in") &&
       (!trellis_sqlite_staff_mark_signed_in (self->db, account->id, error) ||
        !trellis_sqlite_guesses_forget (self->db, key, error))))
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

/* What a username's guesses are counted under: what the account lookup matches (ASCII case
 * ignored), and no more than a username can be. Anything longer is no username, and is
 * kept as a digest rather than as typed (a password typed into the wrong box, say). */
char *
trellis_store_guess_key (const char *username)
{
  g_autofree char *stripped = g_strstrip (g_strdup (username != NULL ? username : ""));

  if (strlen (stripped) > 64)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, stripped, -1);
  return g_ascii_strdown (stripped, -1);
}

/**
 * take_guess:
 * @staff_id: the account with @username, or 0 when there is none
 *
 * Counts a guess at @username's password before it is checked, in one transaction, so that
 * parallel attempts each count. Refuses it, unchecked, when it comes too soon after the
 * last or after TRELLIS_SIGN_IN_MAX_GUESSES in TRELLIS_SIGN_IN_WINDOW_SECONDS. Usernames
 * with no account are counted the same way, so the answers and the waits never say which
 * accounts exist, and no stranger can lock an account: the wait ends by itself.
 *
 * Tries turned away are counted rather than audited one by one: a row at the first in a
 * window, and one with the number turned away once the window has closed.
 */
static gboolean
take_guess (TrellisStore  *self,
            const char    *username,
            gint64         staff_id,
            GError       **error)
{
  const gint64 window = (gint64) TRELLIS_SIGN_IN_WINDOW_SECONDS * G_USEC_PER_SEC;
  g_autofree char *key = trellis_store_guess_key (username);
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, error);
  TrellisGuesses guesses;
  gint64 now = trellis_clock_get_now (self->clock);
  gint64 wait_until;
  gboolean found;

  if (tx == NULL || !trellis_sqlite_guesses_read (self->db, key, &guesses, &found, error))
    return FALSE;

  if (!found || now - guesses.window_start >= window || now < guesses.window_start)
    {
      /* the window closed: how many were turned away in it goes into the audit trail */
      if (guesses.refused > 0)
        {
          g_autofree char *turned_away = g_strdup_printf ("%u", guesses.refused);

          if (!trellis_store_audit (self, staff_id, "sign-in-waiting", 0, turned_away, error))
            return FALSE;
        }
      guesses = (TrellisGuesses) { .window_start = now };
    }
  wait_until = guesses.guesses >= TRELLIS_SIGN_IN_MAX_GUESSES
                 ? guesses.window_start + window
                 : guesses.last_guess +
                   (gint64) trellis_store_get_sign_in_delay (guesses.guesses) * G_USEC_PER_SEC;

  if (now < wait_until)
    {
      int wait = (wait_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

      guesses.refused++;
      if (trellis_sqlite_guesses_write (self->db, key, &guesses, now - window, error) &&
          (guesses.refused > 1 ||
           trellis_store_audit (self, staff_id, "sign-in-waiting", 0, "", error)))
        trellis_transaction_commit (tx, NULL);
      g_clear_error (error);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Too many tries: wait %d second and try again",
                                "Too many tries: wait %d seconds and try again", wait), wait);
      return FALSE;
    }

  guesses.guesses++;
  guesses.last_guess = now;
  return trellis_sqlite_guesses_write (self->db, key, &guesses, now - window, error) &&
         trellis_transaction_commit (tx, error);
}

/* Checks @password for an account that exists and is active, after taking the guess: a
 * wrong one is audited. @wrong is what to say of a wrong one. */
static gboolean
verify_counted (TrellisStore          *self,
                const TrellisAccount  *account,
                const char            *password,
                const char            *wrong,
                GError               **error)
{
  if (!take_guess (self, account->username, account->id, error))
    return FALSE;
  if (trellis_password_verify (account->hash, password))
    {
      /* the person knows it: their guesses start again */
      g_autofree char *key = trellis_store_guess_key (account->username);
      g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, error);

      return tx != NULL && trellis_sqlite_guesses_forget (self->db, key, error) &&
             trellis_transaction_commit (tx, error);
    }
  audit_refused_attempt (self, account->id, "");
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED, wrong);
  return FALSE;
}

/* Reads the account for a sign-in and takes the guess. Returns %FALSE, with @error set,
 * when the attempt is refused before any password is checked. An unknown, inactive or
 * hand-locked account is not refused here: its answer must take as long as a wrong
 * password (see finish_sign_in()). */
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
  return take_guess (self, username, *known ? account->id : 0, error);
}

/* After the password was checked: a wrong one is audited; a right one for an account
 * locked by hand says so (only to someone who knows the password). */
static TrellisStaff *
finish_sign_in (TrellisStore          *self,
                const TrellisAccount  *account,
                gboolean               known,
                gboolean               right,
                gboolean              *must_change_password,
                GError               **error)
{
  if (!known || !right)
    {
      audit_refused_attempt (self, known || account->active ? account->id : 0, "");
      wrong_password (error);
      return NULL;
    }
  if (account->locked)
    {
      audit_refused_attempt (self, account->id, "locked");
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("This account has been locked. Ask a Manager or an Administrator to "
                     "unlock it."));
      return NULL;
    }
  if (!update_account (self, account, NULL, -1, FALSE, account->id, "sign-in", "", error))
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
 * same time, and the same waits. Guesses in quick succession at one username make the next
 * wait longer, at most TRELLIS_SIGN_IN_MAX_GUESSES in TRELLIS_SIGN_IN_WINDOW_SECONDS.
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
         update_account (self, &account, hash, 0, account.locked, account.id, "change-password",
                         "", error);
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
      !read_account_by_id (self, staff_id, account, error) ||
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
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if ((target = check_account (self, actor, staff_id, &account, error)) == NULL ||
      !trellis_password_check_strength (one_time_password, account.username, error))
    return FALSE;
  hash = trellis_password_hash (one_time_password, error);
  return hash != NULL &&
         update_account (self, &account, hash, 1, account.locked, trellis_staff_get_id (actor),
                         "reset-password", account.username, error);
}

gboolean
trellis_store_unlock_staff (TrellisStore  *self,
                            TrellisStaff  *actor,
                            gint64         staff_id,
                            GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };
  g_autoptr(TrellisStaff) target = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if ((target = check_account (self, actor, staff_id, &account, error)) == NULL)
    return FALSE;
  return update_account (self, &account, NULL, -1, FALSE, trellis_staff_get_id (actor),
                         "unlock-staff", account.username, error);
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
  g_auto(TrellisAccount) account = { 0 };
  g_autoptr(TrellisStaff) target = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if ((target = check_account (self, actor, staff_id, &account, error)) == NULL)
    return FALSE;
  return update_account (self, &account, NULL, -1, TRUE, trellis_staff_get_id (actor),
                         "lock-staff", account.username, error);
}
