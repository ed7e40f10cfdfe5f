/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-sign-in.c: what signing in reads and writes of an account
 *
 * The password hash and the count of wrong passwords never leave the store: they are read
 * into a TrellisAccount, not into the TrellisStaff the rest of Trellis sees.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-sqlite-private.h"

void
trellis_account_clear (TrellisAccount *account)
{
  g_clear_pointer (&account->username, g_free);
  g_clear_pointer (&account->hash, g_free);
  g_clear_pointer (&account->wrapped, g_bytes_unref);
}

static void
read_account (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  TrellisAccount *account = user_data;

  account->id = sqlite3_column_int64 (stmt, 0);
  account->username = g_strdup (trellis_sqlite_column_text (stmt, 1));
  account->hash = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                    ? NULL : g_strdup (trellis_sqlite_column_text (stmt, 2));
  account->active = sqlite3_column_int (stmt, 3);
  account->locked = sqlite3_column_int (stmt, 4);
  account->must_change = sqlite3_column_int (stmt, 5);
  account->failed = sqlite3_column_int (stmt, 6);
  account->last_failed = sqlite3_column_int64 (stmt, 7);
}

gboolean
trellis_sqlite_account_read (TrellisSqlite   *self,
                             const char      *username,
                             gint64           id,
                             TrellisAccount  *account,
                             gboolean        *found,
                             GError         **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT id, username, password_hash, active, "
                                               "locked, must_change_password, failed_attempts, "
                                               "last_failed_at FROM staff WHERE "
                                               "(?1 IS NOT NULL AND username = ?1) OR "
                                               "(?1 IS NULL AND id = ?2)", error);

  if (stmt != NULL)
    {
      trellis_sqlite_bind_text (stmt, 1, username);
      sqlite3_bind_int64 (stmt, 2, id);
    }
  return trellis_sqlite_read_first (self, stmt, read_account, account, found, error);
}

gboolean
trellis_sqlite_account_update (TrellisSqlite  *self,
                               gint64          id,
                               const char     *new_hash,
                               int             must_change,
                               guint           failed,
                               gint64          last_failed,
                               gboolean        locked,
                               GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "UPDATE staff SET "
                                               "password_hash = coalesce(?2, password_hash), "
                                               "must_change_password = CASE WHEN ?3 < 0 "
                                               "THEN must_change_password ELSE ?3 END, "
                                               "failed_attempts = ?4, last_failed_at = ?5, "
                                               "locked = ?6 WHERE id = ?1", error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      trellis_sqlite_bind_text (stmt, 2, new_hash);
      sqlite3_bind_int (stmt, 3, must_change);
      sqlite3_bind_int (stmt, 4, failed);
      sqlite3_bind_int64 (stmt, 5, last_failed);
      sqlite3_bind_int (stmt, 6, locked);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

static void
read_guesses (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  TrellisGuesses *guesses = user_data;

  guesses->window_start = sqlite3_column_int64 (stmt, 0);
  guesses->guesses = sqlite3_column_int (stmt, 1);
  guesses->last_guess = sqlite3_column_int64 (stmt, 2);
  guesses->refused = sqlite3_column_int (stmt, 3);
}

gboolean
trellis_sqlite_guesses_read (TrellisSqlite   *self,
                             const char      *username_key,
                             TrellisGuesses  *guesses,
                             gboolean        *found,
                             GError         **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "SELECT window_start, guesses, last_guess, "
                                               "refused FROM sign_in_guesses "
                                               "WHERE username_key = ?1", error);

  *guesses = (TrellisGuesses) { 0 };
  if (stmt != NULL)
    trellis_sqlite_bind_text (stmt, 1, username_key);
  return trellis_sqlite_read_first (self, stmt, read_guesses, guesses, found, error);
}

gboolean
trellis_sqlite_guesses_write (TrellisSqlite         *self,
                              const char            *username_key,
                              const TrellisGuesses  *guesses,
                              gint64                 stale_before,
                              GError               **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "DELETE FROM sign_in_guesses "
                                               "WHERE window_start < ?1 AND refused = 0", error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, stale_before);
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;

  stmt = trellis_sqlite_prepare (self,
                                 "INSERT OR REPLACE INTO sign_in_guesses (username_key, "
                                 "window_start, guesses, last_guess, refused) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt != NULL)
    {
      trellis_sqlite_bind_text (stmt, 1, username_key);
      sqlite3_bind_int64 (stmt, 2, guesses->window_start);
      sqlite3_bind_int (stmt, 3, guesses->guesses);
      sqlite3_bind_int64 (stmt, 4, guesses->last_guess);
      sqlite3_bind_int (stmt, 5, guesses->refused);
    }
  return trellis_sqlite_step_done (self, stmt, error);
}

gboolean
trellis_sqlite_guesses_forget (TrellisSqlite  *self,
                               const char     *username_key,
                               GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "DELETE FROM sign_in_guesses "
                                               "WHERE username_key = ?1", error);

  if (stmt != NULL)
    trellis_sqlite_bind_text (stmt, 1, username_key);
  return trellis_sqlite_step_done (self, stmt, error);
}
