/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-keys.h: the home's data key, wrapped for each person and for the recovery key
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRELLIS_SECRET_BYTES 32

/* 32 bytes in guarded memory (sodium_malloc: locked, fenced, wiped when freed). */
typedef struct _TrellisSecret TrellisSecret;

TrellisSecret *trellis_secret_new_random           (void);
TrellisSecret *trellis_secret_copy                 (const TrellisSecret  *self);
TrellisSecret *trellis_secret_derive               (const TrellisSecret  *self,
                                                    const char           *purpose);
char          *trellis_secret_mac_hex              (const TrellisSecret  *self,
                                                    const char           *text);
const guint8  *trellis_secret_get_data             (const TrellisSecret  *self);
gboolean       trellis_secret_equal                (const TrellisSecret  *a,
                                                    const TrellisSecret  *b);
void           trellis_secret_free                 (TrellisSecret        *self);

/* A key wrapped by a password: Argon2id (at least libsodium's MODERATE) makes the
 * wrapping key, XChaCha20-Poly1305 seals the data key, @context (the account it belongs
 * to) is bound in, so a copy moved to another account does not open. */
GBytes        *trellis_key_wrap_with_password      (const TrellisSecret  *key,
                                                    const char           *password,
                                                    const char           *context,
                                                    GError              **error);
TrellisSecret *trellis_key_unwrap_with_password    (GBytes               *wrapped,
                                                    const char           *password,
                                                    const char           *context,
                                                    GError              **error);
/* One Argon2 derivation from a password, for several wrappings with it */
typedef struct _TrellisPasswordKey TrellisPasswordKey;

TrellisPasswordKey *trellis_password_key_new       (const char           *password,
                                                    GError              **error);
GBytes        *trellis_password_key_wrap           (TrellisPasswordKey   *self,
                                                    const TrellisSecret  *key,
                                                    const char           *context);
void           trellis_password_key_free           (TrellisPasswordKey   *self);

void           trellis_key_unwrap_nothing          (const char           *password);
gboolean       trellis_key_is_wrapped              (GBytes               *wrapped);

/* The recovery key: 256 random bits written as 52 letters and digits in groups of four
 * (Crockford's base 32, which a person can read aloud and type without O/0 or I/1
 * confusion) and a check character. */
TrellisSecret *trellis_recovery_key_new            (char                **text);
TrellisSecret *trellis_recovery_key_parse          (const char           *text,
                                                    GError              **error);
GBytes        *trellis_key_wrap_with_recovery      (const TrellisSecret  *key,
                                                    const TrellisSecret  *recovery);
TrellisSecret *trellis_key_unwrap_with_recovery    (GBytes               *wrapped,
                                                    const TrellisSecret  *recovery,
                                                    GError              **error);

/* For tests only: the Argon2 cost of new wrappings (what is stored with each wrapping is
 * what opens it). Refused below libsodium's MIN. */
void           trellis_keys_set_cost_for_tests     (guint64               opslimit,
                                                    gsize                 memlimit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSecret, trellis_secret_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPasswordKey, trellis_password_key_free)

G_END_DECLS
