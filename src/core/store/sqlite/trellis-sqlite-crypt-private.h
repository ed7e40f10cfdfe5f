/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-crypt-private.h: between the encrypted file (trellis-sqlite-crypt.c) and
 * the VFS that opens it (trellis-sqlite-crypt-vfs.c)
 */
#pragma once

#include <sqlite3.h>

#include "trellis-sqlite-crypt.h"

G_BEGIN_DECLS

#define TRELLIS_CRYPT_VFS_NAME "trellis-crypt"
#define TRELLIS_CRYPT_KEY_PARAMETER "trellis-key"

int    trellis_crypt_file_open     (sqlite3_vfs  *real_vfs,
                                    const char   *name,
                                    sqlite3_file *file,
                                    int           flags,
                                    int          *out_flags);
gsize  trellis_crypt_file_get_size (void);

G_END_DECLS
