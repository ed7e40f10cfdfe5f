/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-password.c: Argon2id hashes through libsodium's crypto_pwhash_str
 *
 * A password only ever passes through these functions on its way to a hash; nothing here
 * logs, keeps or returns it.
 */
#define G_LOG_DOMAIN "trellis-password"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <sodium.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-password.h"

#define COMMON_PASSWORDS "/io/github/trellis/Trellis/store/common-passwords.txt"

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

static gboolean
is_common (const char *password)
{
  static GHashTable *common = NULL;
  static gsize loaded = 0;
  g_autofree char *folded = g_utf8_casefold (password, -1);

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (COMMON_PASSWORDS, 0, NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      common = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_assert (bytes != NULL);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0' && *lines[i] != '#')
          g_hash_table_add (common, g_utf8_casefold (lines[i], -1));
      g_once_init_leave (&loaded, 1);
    }

  return g_hash_table_contains (common, folded);
}

/**
 * trellis_password_check_strength:
 * @username: (nullable): the account's username, which the password must not be
 *
 * At least TRELLIS_PASSWORD_MIN_LENGTH characters, not on the shipped list of common
 * passwords, not the username.
 */
gboolean
trellis_password_check_strength (const char  *password,
                                 const char  *username,
                                 GError     **error)
{
  g_return_val_if_fail (password != NULL, FALSE);

  if (g_utf8_strlen (password, -1) < TRELLIS_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Choose a password of at least %d characters"), TRELLIS_PASSWORD_MIN_LENGTH);
      return FALSE;
    }
  if (is_common (password) ||
      (username != NULL && g_ascii_strncasecmp (password, username, strlen (password)) == 0 &&
       strlen (password) == strlen (username)))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("That password is one of the first that would be guessed: choose another"));
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

/* A hash of nothing anyone can type, verified when a username is unknown so that a wrong
 * username takes as long to refuse as a wrong password. */
const char *
trellis_password_dummy_hash (void)
{
  /* Made once, offline, with the cost of trellis_password_hash(): made at run time, it
   * cost every trellisctl call with an unknown username a second Argon2 run, and so
   * told the username apart by its time (tests/cli/test-trellisctl.sh measures it). */
  static const char hash[] =
    "$argon2id$v=19$m=65536,t=2,p=1$x7syNKzmXVhHQiHZ4g9grQ$"
    "ZQqMFEF6SzW7ZX229Z1BT7UryUz1Bz4O/xKObQQmFwg";

  G_STATIC_ASSERT (crypto_pwhash_OPSLIMIT_INTERACTIVE == 2);
  G_STATIC_ASSERT (crypto_pwhash_MEMLIMIT_INTERACTIVE == 65536 * 1024);
  return hash;
}
