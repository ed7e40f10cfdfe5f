/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-keys.c: the home's data key, wrapped for each person and for the recovery key
 *
 * One random data key opens a home's database. Nobody's password is that key: each staff
 * account holds its own copy of it, sealed with a key derived from that person's password,
 * and the home's recovery key (printed once, kept in the safe) seals one more. Changing a
 * password reseals one copy; the data key, and so the database, never change.
 *
 * A wrapping, as stored:
 *
 *   "TKW1" | kind ('p' password, 'r' recovery) | opslimit (u32, big-endian) |
 *   memlimit in KiB (u32) | salt (16) | nonce (24) | sealed key (32) | tag (16)
 *
 * The Argon2id cost is stored with each wrapping, so raising it later leaves the old ones
 * readable until their owners next change their password.
 */
#define G_LOG_DOMAIN "trellis-security"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-keys.h"

#define MAGIC "TKW1"
#define MAGIC_BYTES 4
#define SALT_BYTES crypto_pwhash_SALTBYTES
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
#define WRAPPED_BYTES (MAGIC_BYTES + 1 + 4 + 4 + SALT_BYTES + NONCE_BYTES + \
                       TRELLIS_SECRET_BYTES + TAG_BYTES)
#define RECOVERY_ALPHABET "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#define RECOVERY_KEY_CHARS 52    /* 256 bits, five to a character */
#define RECOVERY_CHECK_CHARS 4

G_STATIC_ASSERT (SALT_BYTES == 16);

struct _TrellisSecret
{
  guint8 *data; /* sodium_malloc() */
};

static guint64 wrap_opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
static gsize wrap_memlimit = crypto_pwhash_MEMLIMIT_MODERATE;

static void
ensure_sodium (void)
{
  if (sodium_init () < 0)
    g_error ("libsodium could not start");
}

static TrellisSecret *
secret_new (void)
{
  TrellisSecret *self = g_new0 (TrellisSecret, 1);

  ensure_sodium ();
  self->data = sodium_malloc (TRELLIS_SECRET_BYTES);
  if (self->data == NULL)
    g_error ("no memory for a key");
  return self;
}

TrellisSecret *
trellis_secret_new_random (void)
{
  TrellisSecret *self = secret_new ();

  randombytes_buf (self->data, TRELLIS_SECRET_BYTES);
  return self;
}

TrellisSecret *
trellis_secret_copy (const TrellisSecret *self)
{
  TrellisSecret *copy = secret_new ();

  memcpy (copy->data, self->data, TRELLIS_SECRET_BYTES);
  return copy;
}

/**
 * trellis_secret_derive:
 * @purpose: what the new key is for ("audit-mac"), at most 64 bytes
 *
 * Returns: a key for one purpose, derived from @self (keyed BLAKE2b), so the data key
 *   itself is used for one thing only
 */
TrellisSecret *
trellis_secret_derive (const TrellisSecret *self,
                       const char          *purpose)
{
  TrellisSecret *derived = secret_new ();

  crypto_generichash (derived->data, TRELLIS_SECRET_BYTES, (const guint8 *) purpose,
                      strlen (purpose), self->data, TRELLIS_SECRET_BYTES);
  return derived;
}

/**
 * trellis_secret_mac_hex:
 *
 * Returns: a MAC of @text with @self (keyed BLAKE2b-256), in lower-case hex
 */
char *
trellis_secret_mac_hex (const TrellisSecret *self,
                        const char          *text)
{
  guint8 mac[32];
  char hex[sizeof mac * 2 + 1];

  crypto_generichash (mac, sizeof mac, (const guint8 *) text, strlen (text), self->data,
                      TRELLIS_SECRET_BYTES);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);
  return g_strdup (hex);
}

const guint8 *
trellis_secret_get_data (const TrellisSecret *self)
{
  return self->data;
}

gboolean
trellis_secret_equal (const TrellisSecret *a,
                      const TrellisSecret *b)
{
  return sodium_memcmp (a->data, b->data, TRELLIS_SECRET_BYTES) == 0;
}

void
trellis_secret_free (TrellisSecret *self)
{
  if (self == NULL)
    return;
  sodium_free (self->data);
  g_free (self);
}

/* TRELLIS_TEST_KEY_COST=minimum: the test suite's homes are wrapped at libsodium's
 * minimum cost, or its hundreds of homes would take an hour. Each wrapping stores its own
 * cost, so this weakens only the wrappings made by a process that has it set: a test's. */
static void
read_cost_from_environment (void)
{
  static gsize read = 0;

  if (g_once_init_enter (&read))
    {
      if (g_strcmp0 (g_getenv ("TRELLIS_TEST_KEY_COST"), "minimum") == 0)
        {
          wrap_opslimit = crypto_pwhash_OPSLIMIT_MIN;
          wrap_memlimit = crypto_pwhash_MEMLIMIT_MIN;
        }
      g_once_init_leave (&read, 1);
    }
}

void
trellis_keys_set_cost_for_tests (guint64 opslimit,
                                 gsize   memlimit)
{
  g_return_if_fail (opslimit >= crypto_pwhash_OPSLIMIT_MIN);
  g_return_if_fail (memlimit >= crypto_pwhash_MEMLIMIT_MIN);

  read_cost_from_environment ();
  wrap_opslimit = opslimit;
  wrap_memlimit = memlimit;
}

/* Wrapping */

static void
put_be32 (guint8  *p,
          guint32  v)
{
  p[0] = v >> 24;
  p[1] = v >> 16;
  p[2] = v >> 8;
  p[3] = v;
}

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The associated data: the wrapping's own header and what it belongs to. */
static GByteArray *
make_ad (const guint8 *header,
         gsize         header_len,
         const char   *context)
{
  GByteArray *ad = g_byte_array_new ();

  g_byte_array_append (ad, header, header_len);
  if (context != NULL)
    g_byte_array_append (ad, (const guint8 *) context, strlen (context));
  return ad;
}

static GBytes *
seal (const TrellisSecret *key,
      const guint8        *kek,
      guint8              *blob,
      const char          *context)
{
  guint8 *nonce = blob + MAGIC_BYTES + 1 + 8 + SALT_BYTES;
  guint8 *sealed = nonce + NONCE_BYTES;
  g_autoptr(GByteArray) ad = make_ad (blob, MAGIC_BYTES + 1 + 8 + SALT_BYTES, context);

  randombytes_buf (nonce, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached (sealed, sealed + TRELLIS_SECRET_BYTES,
                                                       NULL, key->data, TRELLIS_SECRET_BYTES,
                                                       ad->data, ad->len, NULL, nonce, kek);
  return g_bytes_new (blob, WRAPPED_BYTES);
}

static TrellisSecret *
unseal (GBytes       *wrapped,
        const guint8 *kek,
        const char   *context)
{
  const guint8 *blob = g_bytes_get_data (wrapped, NULL);
  const guint8 *nonce = blob + MAGIC_BYTES + 1 + 8 + SALT_BYTES;
  const guint8 *sealed = nonce + NONCE_BYTES;
  g_autoptr(GByteArray) ad = make_ad (blob, MAGIC_BYTES + 1 + 8 + SALT_BYTES, context);
  g_autoptr(TrellisSecret) key = secret_new ();

  if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached (key->data, NULL, sealed,
                                                           TRELLIS_SECRET_BYTES,
                                                           sealed + TRELLIS_SECRET_BYTES,
                                                           ad->data, ad->len, nonce,
                                                           kek) != 0)
    return NULL;
  return g_steal_pointer (&key);
}

gboolean
trellis_key_is_wrapped (GBytes *wrapped)
{
  gsize size;
  const guint8 *blob = wrapped != NULL ? g_bytes_get_data (wrapped, &size) : NULL;

  return blob != NULL && size == WRAPPED_BYTES && memcmp (blob, MAGIC, MAGIC_BYTES) == 0 &&
         (blob[MAGIC_BYTES] == 'p' || blob[MAGIC_BYTES] == 'r');
}

static gboolean
derive_from_password (const char   *password,
                      const guint8 *salt,
                      guint64       opslimit,
                      gsize         memlimit,
                      guint8       *kek)
{
  return crypto_pwhash (kek, crypto_aead_xchacha20poly1305_ietf_KEYBYTES, password,
                        strlen (password), salt, opslimit, memlimit,
                        crypto_pwhash_ALG_ARGON2ID13) == 0;
}

struct _TrellisPasswordKey
{
  guint8  header[MAGIC_BYTES + 1 + 8 + SALT_BYTES]; /* "TKW1" 'p' cost salt */
  guint8 *kek;                                    /* sodium_malloc() */
};

/**
 * trellis_password_key_new:
 *
 * Runs Argon2id once on @password with a fresh salt: the slow half of wrapping, done before
 * any transaction begins (it takes a good part of a second and 256 MB). Each
 * trellis_password_key_wrap() with it then costs next to nothing: how a demo home's accounts,
 * which share one public password, are made in one derivation rather than hundreds.
 */
TrellisPasswordKey *
trellis_password_key_new (const char  *password,
                          GError     **error)
{
  g_autoptr(TrellisPasswordKey) self = g_new0 (TrellisPasswordKey, 1);
  guint8 *salt = self->header + MAGIC_BYTES + 1 + 8;

  g_return_val_if_fail (password != NULL, NULL);

  ensure_sodium ();
  read_cost_from_environment ();
  memcpy (self->header, MAGIC, MAGIC_BYTES);
  self->header[MAGIC_BYTES] = 'p';
  put_be32 (self->header + MAGIC_BYTES + 1, wrap_opslimit);
  put_be32 (self->header + MAGIC_BYTES + 5, wrap_memlimit / 1024);
  randombytes_buf (salt, SALT_BYTES);

  self->kek = sodium_malloc (crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (self->kek == NULL ||
      !derive_from_password (password, salt, wrap_opslimit, wrap_memlimit, self->kek))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not protect the password: the computer is short of memory"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* @context: the account the copy belongs to, bound in so it opens for no other */
GBytes *
trellis_password_key_wrap (TrellisPasswordKey  *self,
                           const TrellisSecret *key,
                           const char          *context)
{
  guint8 blob[WRAPPED_BYTES] = { 0 };

  g_return_val_if_fail (self != NULL && key != NULL, NULL);

  memcpy (blob, self->header, sizeof self->header);
  return seal (key, self->kek, blob, context);
}

void
trellis_password_key_free (TrellisPasswordKey *self)
{
  if (self == NULL)
    return;
  sodium_free (self->kek);
  g_free (self);
}

GBytes *
trellis_key_wrap_with_password (const TrellisSecret  *key,
                                const char           *password,
                                const char           *context,
                                GError              **error)
{
  g_autoptr(TrellisPasswordKey) password_key = trellis_password_key_new (password, error);

  g_return_val_if_fail (key != NULL, NULL);

  if (password_key == NULL)
    return NULL;
  return trellis_password_key_wrap (password_key, key, context);
}

/**
 * trellis_key_unwrap_with_password:
 *
 * Returns: (transfer full) (nullable): the data key, or %NULL with
 *   %TRELLIS_ERROR_PERMISSION_DENIED when @password is not the one it was wrapped with
 */
TrellisSecret *
trellis_key_unwrap_with_password (GBytes      *wrapped,
                                  const char  *password,
                                  const char  *context,
                                  GError     **error)
{
  const guint8 *blob;
  guint8 *kek;
  TrellisSecret *key = NULL;
  guint64 opslimit;
  gsize memlimit;

  g_return_val_if_fail (password != NULL, NULL);

  ensure_sodium ();
  if (!trellis_key_is_wrapped (wrapped) ||
      ((const guint8 *) g_bytes_get_data (wrapped, NULL))[MAGIC_BYTES] != 'p')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("This account’s key is damaged: an Administrator can reset its password"));
      return NULL;
    }

  blob = g_bytes_get_data (wrapped, NULL);
  opslimit = get_be32 (blob + MAGIC_BYTES + 1);
  memlimit = (gsize) get_be32 (blob + MAGIC_BYTES + 5) * 1024;
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || memlimit < crypto_pwhash_MEMLIMIT_MIN ||
      opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE * 4 || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("This account’s key is damaged: an Administrator can reset its password"));
      return NULL;
    }

  kek = sodium_malloc (crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (kek == NULL || !derive_from_password (password, blob + MAGIC_BYTES + 9, opslimit,
                                            memlimit, kek))
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                 _("Could not check the password: the computer is short of memory"));
  else if ((key = unseal (wrapped, kek, context)) == NULL)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                 _("The username or password is not right"));
  sodium_free (kek);
  return key;
}

/* The same work as unwrapping, for a username that has no account: a stranger cannot tell
 * the two apart by the time it takes. */
void
trellis_key_unwrap_nothing (const char *password)
{
  guint8 salt[SALT_BYTES] = { 0 };
  guint8 kek[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];

  ensure_sodium ();
  read_cost_from_environment ();
  if (!derive_from_password (password != NULL ? password : "", salt, wrap_opslimit,
                             wrap_memlimit, kek))
    g_debug ("the dummy derivation failed");
  sodium_memzero (kek, sizeof kek);
}

/* The recovery key */

static guint8 *
recovery_check (const guint8 *key)
{
  static const char personal[] = "trellis-recovery";
  guint8 *check = g_malloc (crypto_generichash_BYTES_MIN);

  crypto_generichash (check, crypto_generichash_BYTES_MIN, key, TRELLIS_SECRET_BYTES,
                      (const guint8 *) personal, sizeof personal - 1);
  return check;
}

/* Five bits at a time from @bytes, most significant first, zeros past the end. */
static guint
get_bits5 (const guint8 *bytes,
           gsize         n_bytes,
           gsize         index)
{
  gsize bit = index * 5;
  guint value = 0;

  for (guint i = 0; i < 5; i++, bit++)
    {
      guint b = bit / 8 < n_bytes ? (bytes[bit / 8] >> (7 - bit % 8)) & 1 : 0;
      value = (value << 1) | b;
    }
  return value;
}

TrellisSecret *
trellis_recovery_key_new (char **text)
{
  TrellisSecret *key = trellis_secret_new_random ();
  g_autofree guint8 *check = recovery_check (key->data);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < RECOVERY_KEY_CHARS + RECOVERY_CHECK_CHARS; i++, n++)
    {
      guint v = i < RECOVERY_KEY_CHARS
                  ? get_bits5 (key->data, TRELLIS_SECRET_BYTES, i)
                  : get_bits5 (check, crypto_generichash_BYTES_MIN, i - RECOVERY_KEY_CHARS);

      if (n > 0 && n % 4 == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, RECOVERY_ALPHABET[v]);
    }
  *text = g_string_free (out, FALSE);
  return key;
}

static int
recovery_value (char c)
{
  const char *at;

  c = g_ascii_toupper (c);
  if (c == 'O')
    c = '0';
  else if (c == 'I' || c == 'L')
    c = '1';
  at = strchr (RECOVERY_ALPHABET, c);
  return c != '\0' && at != NULL ? at - RECOVERY_ALPHABET : -1;
}

/**
 * trellis_recovery_key_parse:
 *
 * Reads a recovery key as a person types it: any case, with or without the dashes or
 * spaces, O for 0 and I or L for 1.
 */
TrellisSecret *
trellis_recovery_key_parse (const char  *text,
                            GError     **error)
{
  g_autoptr(TrellisSecret) key = secret_new ();
  guint8 values[RECOVERY_KEY_CHARS + RECOVERY_CHECK_CHARS];
  g_autofree guint8 *check = NULL;
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      int v;

      if (*p == '-' || g_ascii_isspace (*p))
        continue;
      if ((v = recovery_value (*p)) < 0 || n == G_N_ELEMENTS (values))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       n == G_N_ELEMENTS (values)
                         ? _("That is longer than a recovery key: it has 56 letters and digits")
                         : _("A recovery key has only letters and digits, in groups of four"));
          return NULL;
        }
      values[n++] = v;
    }
  if (n != G_N_ELEMENTS (values))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("That is shorter than a recovery key: it has 56 letters and digits"));
      return NULL;
    }

  memset (key->data, 0, TRELLIS_SECRET_BYTES);
  for (guint i = 0; i < RECOVERY_KEY_CHARS * 5; i++)
    {
      guint bit = (values[i / 5] >> (4 - i % 5)) & 1;

      if (i / 8 < TRELLIS_SECRET_BYTES)
        key->data[i / 8] |= bit << (7 - i % 8);
      else if (bit != 0)
        goto mistyped;
    }
  check = recovery_check (key->data);
  for (guint i = 0; i < RECOVERY_CHECK_CHARS; i++)
    if (values[RECOVERY_KEY_CHARS + i] != get_bits5 (check, crypto_generichash_BYTES_MIN, i))
      goto mistyped;

  sodium_memzero (values, sizeof values);
  return g_steal_pointer (&key);

mistyped:
  sodium_memzero (values, sizeof values);
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
               _("That recovery key has a mistake in it: check each group of four"));
  return NULL;
}

/* The recovery key is 256 random bits, so no slow derivation is needed: a keyed hash
 * turns it into the wrapping key. */
GBytes *
trellis_key_wrap_with_recovery (const TrellisSecret *key,
                                const TrellisSecret *recovery)
{
  guint8 blob[WRAPPED_BYTES] = MAGIC;
  g_autoptr(TrellisSecret) kek = trellis_secret_derive (recovery, "trellis-recovery-wrap");

  blob[MAGIC_BYTES] = 'r';
  randombytes_buf (blob + MAGIC_BYTES + 9, SALT_BYTES);
  return seal (key, kek->data, blob, "recovery");
}

TrellisSecret *
trellis_key_unwrap_with_recovery (GBytes               *wrapped,
                                  const TrellisSecret  *recovery,
                                  GError              **error)
{
  g_autoptr(TrellisSecret) kek = NULL;
  TrellisSecret *key;

  if (!trellis_key_is_wrapped (wrapped) ||
      ((const guint8 *) g_bytes_get_data (wrapped, NULL))[MAGIC_BYTES] != 'r')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("The home’s recovery copy of its key is damaged"));
      return NULL;
    }
  kek = trellis_secret_derive (recovery, "trellis-recovery-wrap");
  if ((key = unseal (wrapped, kek->data, "recovery")) == NULL)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                 _("That is not this home’s recovery key"));
  return key;
}
