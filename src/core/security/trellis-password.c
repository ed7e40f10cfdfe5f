/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-password.c: Argon2id hashes through libsodium's crypto_pwhash_str
 *
 * A password only ever passes through these functions on its way to a hash; nothing here
 * logs, keeps or returns it.
 */
#define G_LOG_DOMAIN "trellis-password"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-password.h"

static gboolean
ensure_sodium (void)
{
  static gsize initialised = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }
  return ok;
}

gboolean
trellis_password_check_strength (const char  *password,
                                 GError     **error)
{
  g_return_val_if_fail (password != NULL, FALSE);

  if (g_utf8_strlen (password, -1) < TRELLIS_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Choose a password of at least %d characters"), TRELLIS_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  return TRUE;
}

char *
trellis_password_hash (const char  *password,
                       GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium () ||
      crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not protect the password: the computer is short of memory"));
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
trellis_password_verify (const char *hash,
                         const char *password)
{
  if (hash == NULL || password == NULL || !ensure_sodium ())
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}
