/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-password.h: password hashing with libsodium (Argon2id)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRELLIS_PASSWORD_MIN_LENGTH 10

gboolean  trellis_password_check_strength (const char  *password,
                                           const char  *username,
                                           GError     **error);
const char *trellis_password_dummy_hash   (void);
char     *trellis_password_hash           (const char  *password,
                                           GError     **error);
gboolean  trellis_password_verify         (const char  *hash,
                                           const char  *password);

G_END_DECLS
