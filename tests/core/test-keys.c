/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-keys.c: the data key, wrapped by passwords and by the recovery key
 */
#include "config.h"

#include <sodium.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-keys.h"

static void
use_quick_argon2 (void)
{
  trellis_keys_set_cost_for_tests (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
}

/* A wrapping made with the default cost records at least libsodium's MODERATE. */
static void
test_default_cost (void)
{
  g_autoptr(TrellisSecret) key = trellis_secret_new_random ();
  g_autoptr(GBytes) wrapped = NULL;
  g_autoptr(TrellisSecret) back = NULL;
  const guint8 *blob;

  trellis_keys_set_cost_for_tests (crypto_pwhash_OPSLIMIT_MODERATE,
                                   crypto_pwhash_MEMLIMIT_MODERATE);
  wrapped = trellis_key_wrap_with_password (key, "correct horse", "staff:1", NULL);
  g_assert_true (trellis_key_is_wrapped (wrapped));
  blob = g_bytes_get_data (wrapped, NULL);
  g_assert_cmpuint ((guint32) blob[5] << 24 | blob[6] << 16 | blob[7] << 8 | blob[8], >=,
                    crypto_pwhash_OPSLIMIT_MODERATE);
  g_assert_cmpuint (((gsize) ((guint32) blob[9] << 24 | blob[10] << 16 | blob[11] << 8 |
                              blob[12])) * 1024, >=, crypto_pwhash_MEMLIMIT_MODERATE);
  back = trellis_key_unwrap_with_password (wrapped, "correct horse", "staff:1", NULL);
  g_assert_nonnull (back);
  g_assert_true (trellis_secret_equal (back, key));
  use_quick_argon2 ();
}

static void
test_password (void)
{
  g_autoptr(TrellisSecret) key = trellis_secret_new_random ();
  g_autoptr(GBytes) wrapped = trellis_key_wrap_with_password (key, "tea and toast", "staff:7",
                                                               NULL);
  g_autoptr(GBytes) again = trellis_key_wrap_with_password (key, "tea and toast", "staff:7",
                                                             NULL);
  g_autoptr(TrellisSecret) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;

  /* a fresh salt and nonce each time */
  g_assert_false (g_bytes_equal (wrapped, again));

  back = trellis_key_unwrap_with_password (wrapped, "tea and toast", "staff:7", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_secret_equal (back, key));
  g_clear_pointer (&back, trellis_secret_free);

  back = trellis_key_unwrap_with_password (wrapped, "tea and toasT", "staff:7", &error);
  g_assert_null (back);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* moved to another account, it does not open */
  back = trellis_key_unwrap_with_password (wrapped, "tea and toast", "staff:8", &error);
  g_assert_null (back);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* nor with any byte changed, the cost included */
  copy = g_bytes_unref_to_data (g_bytes_ref (wrapped), &size);
  for (gsize i = 4; i < size; i++)
    {
      g_autoptr(GBytes) changed = NULL;

      copy[i] ^= 0x40;
      changed = g_bytes_new (copy, size);
      back = trellis_key_unwrap_with_password (changed, "tea and toast", "staff:7", &error);
      g_assert_null (back);
      g_assert_nonnull (error);
      g_clear_error (&error);
      copy[i] ^= 0x40;
    }
}

static void
test_recovery_key (void)
{
  g_autofree char *text = NULL;
  g_autoptr(TrellisSecret) recovery = trellis_recovery_key_new (&text);
  g_autoptr(TrellisSecret) parsed = NULL;
  g_autoptr(TrellisSecret) key = trellis_secret_new_random ();
  g_autoptr(GBytes) wrapped = NULL;
  g_autoptr(TrellisSecret) back = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = g_strsplit (text, "-", -1);
  g_autofree char *typed = NULL;

  g_assert_cmpuint (g_strv_length (groups), ==, 14);
  for (guint i = 0; groups[i] != NULL; i++)
    g_assert_cmpuint (strlen (groups[i]), ==, 4);
  g_assert_null (strpbrk (text, "ILOU"));

  parsed = trellis_recovery_key_parse (text, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_secret_equal (parsed, recovery));
  g_clear_pointer (&parsed, trellis_secret_free);

  /* as a person types it: lower case, spaces for dashes, O for 0 and l for 1 */
  typed = g_ascii_strdown (text, -1);
  g_strdelimit (typed, "-", ' ');
  g_strdelimit (typed, "0", 'o');
  g_strdelimit (typed, "1", 'l');
  parsed = trellis_recovery_key_parse (typed, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_secret_equal (parsed, recovery));
  g_clear_pointer (&parsed, trellis_secret_free);

  /* one character wrong, two swapped, one missing, one too many */
  {
    g_autofree char *wrong = g_strdup (text);
    g_autofree char *swapped = g_strdup (text);
    g_autofree char *longer = g_strconcat (text, "A", NULL);

    wrong[7] = wrong[7] == 'A' ? 'B' : 'A';
    if (swapped[0] != swapped[1])
      {
        char c = swapped[0];
        swapped[0] = swapped[1];
        swapped[1] = c;
        g_assert_null (trellis_recovery_key_parse (swapped, &error));
        g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
        g_clear_error (&error);
      }
    g_assert_null (trellis_recovery_key_parse (wrong, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (trellis_recovery_key_parse (text + 1, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (trellis_recovery_key_parse (longer, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
    g_clear_error (&error);
  }

  wrapped = trellis_key_wrap_with_recovery (key, recovery);
  back = trellis_key_unwrap_with_recovery (wrapped, recovery, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_secret_equal (back, key));
  g_clear_pointer (&back, trellis_secret_free);

  {
    g_autofree char *other_text = NULL;
    g_autoptr(TrellisSecret) other = trellis_recovery_key_new (&other_text);

    back = trellis_key_unwrap_with_recovery (wrapped, other, &error);
    g_assert_null (back);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
  }

  /* a password's wrapping is not a recovery wrapping, and the other way round */
  {
    g_autoptr(GBytes) by_password = trellis_key_wrap_with_password (key, "x", "recovery", NULL);

    g_assert_null (trellis_key_unwrap_with_recovery (by_password, recovery, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT);
    g_clear_error (&error);
    g_assert_null (trellis_key_unwrap_with_password (wrapped, "x", "recovery", &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT);
    g_clear_error (&error);
  }
}

static void
test_derive (void)
{
  g_autoptr(TrellisSecret) key = trellis_secret_new_random ();
  g_autoptr(TrellisSecret) mac = trellis_secret_derive (key, "audit-mac");
  g_autoptr(TrellisSecret) mac_again = trellis_secret_derive (key, "audit-mac");
  g_autoptr(TrellisSecret) other = trellis_secret_derive (key, "backup");

  g_assert_true (trellis_secret_equal (mac, mac_again));
  g_assert_false (trellis_secret_equal (mac, other));
  g_assert_false (trellis_secret_equal (mac, key));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  use_quick_argon2 ();

  g_test_add_func ("/keys/default-cost", test_default_cost);
  g_test_add_func ("/keys/password", test_password);
  g_test_add_func ("/keys/recovery-key", test_recovery_key);
  g_test_add_func ("/keys/derive", test_derive);

  return g_test_run ();
}
