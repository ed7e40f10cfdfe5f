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
#include <sodium.h>
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

gboolean
trellis_store_read_account (TrellisStore    *self,
                            gint64           id,
                            TrellisAccount  *account,
                            GError         **error)
{
  gboolean found;

  if (!trellis_sqlite_account_read (self->db, NULL, id, account, &found, error))
    return FALSE;
  if (found && self->keyring != NULL &&
      !trellis_sqlite_keyring_get_wrapped (self->keyring, id, &account->wrapped, error))
    return FALSE;
  return found || trellis_store_no_such_staff (error);
}

#define HASH_IN_KEYRING TRELLIS_STORE_HASH_IN_KEYRING

/* Guesses, refused attempts and the accounts signing in reads live in the keyring of an
 * encrypted home, which is there before anyone has signed in, and in the database of a
 * home made before encryption. */
static TrellisSqlite *
sign_in_db (TrellisStore *self)
{
  return self->keyring != NULL ? self->keyring : self->db;
}

static gboolean
sign_in_begin (TrellisStore  *self,
               GError       **error)
{
  if (self->keyring != NULL)
    return trellis_sqlite_begin (self->keyring, 0, error);
  return trellis_store_begin (self, error);
}

static gboolean
sign_in_commit (TrellisStore  *self,
                GError       **error)
{
  if (self->keyring == NULL)
    return trellis_store_commit (self, error);
  if (trellis_sqlite_commit (self->keyring, 0, error))
    return TRUE;
  trellis_sqlite_rollback (self->keyring, 0);
  return FALSE;
}

static void
sign_in_rollback (TrellisStore *self)
{
  if (self->keyring != NULL)
    trellis_sqlite_rollback (self->keyring, 0);
  else
    trellis_store_rollback (self);
}

/* An audit row about signing in. While an encrypted home is sealed the trail cannot be
 * written: the keyring keeps the row, with its time, for the next person who signs in. */
static gboolean
sign_in_audit (TrellisStore  *self,
               gint64         staff_id,
               const char    *action,
               const char    *detail,
               GError       **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;

  if (self->keyring == NULL)
    return trellis_store_audit (self, staff_id, action, 0, detail, error);

  now = g_date_time_new_from_unix_utc (trellis_clock_get_now (self->clock) / G_USEC_PER_SEC);
  at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  self->audit_pending = TRUE;
  return trellis_sqlite_keyring_add_pending (self->keyring, at, staff_id, action, detail, error);
}

/* Someone is signed in: rows the keyring kept go into the trail now. */
static void
flush_pending_audit (TrellisStore *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->audit_pending || trellis_store_is_sealed (self))
    return;
  if (trellis_store_keyring_flush (self, &error))
    self->audit_pending = FALSE;
  else
    g_warning ("Refused sign-ins wait in the keyring for the audit trail: %s", error->message);
}

/* An attempt refused after its password was checked, audited in a transaction of its own.
 * The person is refused whether or not the row could be written. */
static void
audit_refused_attempt (TrellisStore *self,
                       gint64        staff_id,
                       const char   *detail)
{
  if (!sign_in_begin (self, NULL))
    return;
  if (!sign_in_audit (self, staff_id, "sign-in-failed", detail, NULL) ||
      !sign_in_commit (self, NULL))
    {
      sign_in_rollback (self);
      return;
    }
  flush_pending_audit (self);
}

static gboolean
forget_guesses (TrellisStore  *self,
                const char    *username,
                GError       **error)
{
  g_autofree char *key = trellis_store_guess_key (username);

  if (!sign_in_begin (self, error))
    return FALSE;
  if (!trellis_sqlite_guesses_forget (sign_in_db (self), key, error))
    {
      sign_in_rollback (self);
      return FALSE;
    }
  return sign_in_commit (self, error);
}

/* Writes the account's new state with its audit row: all of it, or none. */
gboolean
trellis_store_update_account (TrellisStore          *self,
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

  if (tx == NULL ||
      !trellis_sqlite_account_update (self->db, account->id, new_hash, must_change, 0, 0,
                                      locked, error) ||
      !trellis_store_audit (self, audit_staff_id, action, 0, detail, error) ||
      (g_str_equal (action, "sign-in") &&
       !trellis_sqlite_staff_mark_signed_in (self->db, account->id, error)))
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

typedef enum
{
  GUESS_FAILED,   /* the database failed: nothing is written */
  GUESS_TAKEN,    /* counted: check the password */
  GUESS_REFUSED,  /* too soon: counted as turned away, the password not checked */
} GuessResult;

static GuessResult
count_guess (TrellisStore  *self,
             const char    *username,
             gint64         staff_id,
             GError       **error)
{
  const gint64 window = (gint64) TRELLIS_SIGN_IN_WINDOW_SECONDS * G_USEC_PER_SEC;
  TrellisSqlite *db = sign_in_db (self);
  g_autofree char *key = trellis_store_guess_key (username);
  TrellisGuesses guesses;
  gint64 now = trellis_clock_get_now (self->clock);
  gint64 wait_until;
  gboolean found;

  if (!trellis_sqlite_guesses_read (db, key, &guesses, &found, error))
    return GUESS_FAILED;

  if (!found || now - guesses.window_start >= window || now < guesses.window_start)
    {
      /* the window closed: how many were turned away in it goes into the audit trail */
      if (guesses.refused > 0)
        {
          g_autofree char *turned_away = g_strdup_printf ("%u", guesses.refused);

          if (!sign_in_audit (self, staff_id, "sign-in-waiting", turned_away, error))
            return GUESS_FAILED;
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
      if (!trellis_sqlite_guesses_write (db, key, &guesses, now - window, error) ||
          (guesses.refused == 1 && !sign_in_audit (self, staff_id, "sign-in-waiting", "", error)))
        return GUESS_FAILED;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Too many tries: wait %d second and try again",
                                "Too many tries: wait %d seconds and try again", wait), wait);
      return GUESS_REFUSED;
    }

  guesses.guesses++;
  guesses.last_guess = now;
  if (!trellis_sqlite_guesses_write (db, key, &guesses, now - window, error))
    return GUESS_FAILED;
  return GUESS_TAKEN;
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
  g_autoptr(GError) refusal = NULL;

  if (!sign_in_begin (self, error))
    return FALSE;
  switch (count_guess (self, username, staff_id, &refusal))
    {
    case GUESS_TAKEN:
      if (!sign_in_commit (self, error))
        return FALSE;
      flush_pending_audit (self);
      return TRUE;
    case GUESS_REFUSED:
      if (sign_in_commit (self, NULL))
        flush_pending_audit (self);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    case GUESS_FAILED:
    default:
      sign_in_rollback (self);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return FALSE;
    }
}

/* What checking a password found: the slow part, which touches no database and so may run
 * on any thread. */
typedef struct
{
  gboolean            right;
  TrellisSecret      *data_key;      /* unwrapped from the account's copy */
  TrellisPasswordKey *password_key;  /* for an account of an encrypted home that has no
                                      * copy yet: made from the right password */
} PasswordCheck;

static void
password_check_clear (PasswordCheck *check)
{
  g_clear_pointer (&check->data_key, trellis_secret_free);
  g_clear_pointer (&check->password_key, trellis_password_key_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PasswordCheck, password_check_clear)

/* Argon2, whatever the account: an unknown username costs what a real one does. */
static void
check_password_slowly (const TrellisAccount  *account,
                       gboolean               known,
                       gboolean               encrypted,
                       const char            *password,
                       PasswordCheck         *check)
{
  if (known && account->wrapped != NULL)
    {
      check->data_key = trellis_store_keyring_unwrap (account->wrapped, account->id, password,
                                                      NULL);
      check->right = check->data_key != NULL;
      return;
    }
  if (known && account->hash != NULL && !g_str_equal (account->hash, HASH_IN_KEYRING))
    {
      check->right = trellis_password_verify (account->hash, password);
      /* an encrypted home gives the account its own copy of the key now; a home made before
       * encryption is encrypted when an Administrator signs in, with theirs */
      if (check->right && (encrypted || account->administrator))
        check->password_key = trellis_password_key_new (password, NULL);
      return;
    }
  if (encrypted)
    trellis_key_unwrap_nothing (password);
  else
    trellis_password_verify (trellis_password_dummy_hash (), password);
  check->right = FALSE;
}

/* Reads the account as signing in sees it: from the keyring of an encrypted home. */
static gboolean
read_sign_in_account (TrellisStore    *self,
                      const char      *username,
                      gint64           id,
                      TrellisAccount  *account,
                      gboolean        *found,
                      GError         **error)
{
  if (!trellis_sqlite_account_read (sign_in_db (self), username, id, account, found, error))
    return FALSE;
  if (*found && self->keyring == NULL)
    {
      g_autoptr(TrellisStaff) staff = NULL;

      if (!trellis_sqlite_staff_get (self->db, account->id, &staff, error))
        return FALSE;
      account->administrator = staff != NULL &&
                               trellis_staff_get_role (staff) == TRELLIS_ROLE_ADMINISTRATOR;
    }
  if (*found && self->keyring != NULL &&
      !trellis_sqlite_keyring_get_wrapped (self->keyring, account->id, &account->wrapped, error))
    return FALSE;
  return TRUE;
}

/* Checks @password for an account that exists and is active, after taking the guess: a
 * wrong one is audited. @wrong is what to say of a wrong one. */
gboolean
trellis_store_verify_counted (TrellisStore          *self,
                              const TrellisAccount  *account,
                              const char            *password,
                              const char            *wrong,
                              GError               **error)
{
  g_auto(PasswordCheck) check = { 0 };

  if (!take_guess (self, account->username, account->id, error))
    return FALSE;
  check_password_slowly (account, TRUE, self->keyring != NULL, password, &check);
  if (check.right)
    /* the person knows it: their guesses start again */
    return forget_guesses (self, account->username, error);
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

  if (!read_sign_in_account (self, username, 0, account, &found, error))
    return FALSE;
  *known = found && account->active && (account->hash != NULL || account->wrapped != NULL);
  return take_guess (self, username, *known ? account->id : 0, error);
}

/* An encrypted home opens with the key the password unwrapped. An account that had only a
 * hash (made before the home was encrypted, or by a test) gets its own copy of the key now,
 * if the home is open; while it is sealed, such an account cannot open it. */
static gboolean
open_with_check (TrellisStore          *self,
                 const TrellisAccount  *account,
                 PasswordCheck         *check,
                 GError               **error)
{
  if (self->keyring == NULL)
    return TRUE;
  if (check->data_key != NULL)
    return trellis_store_unseal (self, check->data_key, error);
  if (trellis_store_is_sealed (self))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("This account has no key to the home’s records yet. Ask an "
                     "Administrator to reset its password."));
      return FALSE;
    }
  return check->password_key == NULL ||
         (trellis_store_keyring_wrap (self, account->id, check->password_key, error) &&
          trellis_sqlite_account_update (self->db, account->id, HASH_IN_KEYRING, -1, 0, 0,
                                         account->locked, error));
}

/* After the password was checked: a wrong one is audited; a right one for an account
 * locked by hand says so (only to someone who knows the password). */
static TrellisStaff *
finish_sign_in (TrellisStore          *self,
                const TrellisAccount  *account,
                gboolean               known,
                PasswordCheck         *check,
                gboolean              *must_change_password,
                GError               **error)
{
  g_auto(TrellisAccount) current = { 0 };

  if (!known || !check->right)
    {
      audit_refused_attempt (self, known || account->active ? account->id : 0, "");
      wrong_password (error);
      return NULL;
    }
  if (!forget_guesses (self, account->username, error) ||
      !open_with_check (self, account, check, error) ||
      !trellis_store_read_account (self, account->id, &current, error))
    return NULL;
  if (current.locked || !current.active)
    {
      audit_refused_attempt (self, account->id, "locked");
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("This account has been locked. Ask a Manager or an Administrator to "
                     "unlock it."));
      return NULL;
    }
  if (!trellis_store_update_account (self, &current, NULL, -1, FALSE, current.id, "sign-in", "",
                                     error))
    return NULL;

  if (self->keyring == NULL && check->password_key != NULL)
    {
      g_autoptr(TrellisStaff) who = trellis_store_get_staff (self, current.id, error);
      g_autoptr(GError) convert_error = NULL;

      if (who == NULL)
        return NULL;
      /* the records stay as they were if this fails: the person is signed in all the same,
       * and the next Administrator's sign-in tries again */
      if (trellis_staff_get_role (who) == TRELLIS_ROLE_ADMINISTRATOR &&
          !trellis_store_encrypt_home (self, current.id, check->password_key, &convert_error))
        g_warning ("The home was not encrypted: %s", convert_error->message);
    }

  trellis_store_begin_session (self, current.id);
  if (must_change_password != NULL)
    *must_change_password = current.must_change;
  return trellis_store_get_staff (self, account->id, error);
}

/**
 * trellis_store_sign_in:
 * @must_change_password: (out) (optional): the password was set by someone else and the
 *   person must choose their own now
 *
 * Checks a password, and opens an encrypted home's records with the key it unwraps. An
 * unknown username and a wrong password get the same answer in the same time, and the
 * same waits. Guesses in quick succession at one username make the next wait longer, at
 * most TRELLIS_SIGN_IN_MAX_GUESSES in TRELLIS_SIGN_IN_WINDOW_SECONDS. Every attempt is
 * audited; the password itself goes nowhere.
 */
TrellisStaff *
trellis_store_sign_in (TrellisStore  *self,
                       const char    *username,
                       const char    *password,
                       gboolean      *must_change_password,
                       GError       **error)
{
  g_auto(TrellisAccount) account = { 0 };
  g_auto(PasswordCheck) check = { 0 };
  gboolean known;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (username != NULL && password != NULL, NULL);

  if (!start_sign_in (self, username, &account, &known, error))
    return NULL;
  check_password_slowly (&account, known, self->keyring != NULL, password, &check);
  return finish_sign_in (self, &account, known, &check, must_change_password, error);
}

/* The _async calls read the account and count the guess on the caller's thread (a few
 * milliseconds, in the keyring or the database), run Argon2 on a thread of its own (most
 * of a second), and finish on the caller's thread: the audit row, and opening an encrypted
 * home with the key, which the store's connections need. */

typedef struct
{
  char           *password;    /* wiped when done */
  TrellisAccount  account;
  gboolean        known;
  PasswordCheck   check;
} SignInJob;

static void
sign_in_job_free (SignInJob *job)
{
  if (job->password != NULL)
    sodium_memzero (job->password, strlen (job->password));
  g_free (job->password);
  trellis_account_clear (&job->account);
  password_check_clear (&job->check);
  g_free (job);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TrellisStore *self = source_object;
  SignInJob *job = task_data;

  /* self->keyring is set when the store opens and never changes */
  check_password_slowly (&job->account, job->known, self->keyring != NULL, job->password,
                         &job->check);
  g_task_return_boolean (task, TRUE);
}

static void
start_async (TrellisStore        *self,
             const char          *username,
             const char          *password,
             GCancellable        *cancellable,
             gpointer             source_tag,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SignInJob *job = g_new0 (SignInJob, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[trellis-store] password");
  job->password = g_strdup (password);
  g_task_set_task_data (task, job, (GDestroyNotify) sign_in_job_free);
  /* an attempt that has started is counted and audited even if cancelled meanwhile */
  g_task_set_check_cancellable (task, FALSE);

  if (!start_sign_in (self, username, &job->account, &job->known, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, check_in_thread);
}

static TrellisStaff *
finish_async (TrellisStore  *self,
              GAsyncResult  *result,
              gpointer       source_tag,
              gboolean      *must_change_password,
              GError       **error)
{
  SignInJob *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  return finish_sign_in (self, &job->account, job->known, &job->check, must_change_password,
                         error);
}

/**
 * trellis_store_sign_in_async:
 *
 * trellis_store_sign_in() with Argon2 on a thread of its own, so the window keeps drawing
 * while the password is checked. An attempt that has started is counted and audited even
 * if @cancellable is cancelled meanwhile.
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

  start_async (self, username, password, cancellable, trellis_store_sign_in_async, callback,
               user_data);
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
  return finish_async (self, result, trellis_store_sign_in_async, must_change_password, error);
}

/**
 * trellis_store_check_password_async:
 *
 * trellis_store_check_password() with Argon2 on a thread of its own: unlocking a locked
 * window without freezing it.
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

  start_async (self, trellis_staff_get_username (staff), password, cancellable,
               trellis_store_check_password_async, callback, user_data);
}

gboolean
trellis_store_check_password_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(TrellisStaff) staff = finish_async (self, result,
                                                trellis_store_check_password_async, NULL,
                                                error);
  return staff != NULL;
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

/**
 * trellis_store_lock_session:
 *
 * @staff's window is locked (or they signed out): when nobody else in this program is
 * signed in and unlocked, an encrypted home is sealed and its key wiped from memory until
 * someone signs in again. Signing in (and unlocking) begins the session again.
 */
void
trellis_store_lock_session (TrellisStore *self,
                            TrellisStaff *staff)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  if (staff != NULL && self->sessions != NULL &&
      g_hash_table_remove (self->sessions, GINT_TO_POINTER (trellis_staff_get_id (staff))) &&
      g_hash_table_size (self->sessions) == 0)
    trellis_store_seal (self);
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
  g_clear_pointer (&tx, trellis_transaction_free);
  trellis_store_lock_session (self, staff);
}

