/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-crypt.h: encryption at rest, as a VFS under SQLite
 *
 * Internal to the SQLite backend (see trellis-sqlite-crypt.c for the format). A connection
 * opens an encrypted file through trellis_sqlite_crypt_uri(), which names the VFS and a
 * token for a key registered here; the key itself never appears in a file name, a URI or
 * an environment variable.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRELLIS_CRYPT_KEY_BYTES     32 /* XChaCha20-Poly1305 */
#define TRELLIS_CRYPT_FILE_ID_BYTES 16 /* the file's identity: random, not secret */
#define TRELLIS_CRYPT_RESERVE       40 /* per page: a 24-byte nonce and a 16-byte tag */

typedef struct _TrellisCryptKey TrellisCryptKey;

TrellisCryptKey *trellis_crypt_key_new          (const guint8     *key,
                                                 const guint8     *file_id);
TrellisCryptKey *trellis_crypt_key_ref          (TrellisCryptKey  *self);
void             trellis_crypt_key_unref        (TrellisCryptKey  *self);
const char      *trellis_crypt_key_get_token    (TrellisCryptKey  *self);

const char      *trellis_sqlite_crypt_vfs_name  (void);
char            *trellis_sqlite_crypt_uri       (const char       *path,
                                                 TrellisCryptKey  *key);
gboolean         trellis_sqlite_crypt_is_damage (int               extended_code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisCryptKey, trellis_crypt_key_unref)

G_END_DECLS
