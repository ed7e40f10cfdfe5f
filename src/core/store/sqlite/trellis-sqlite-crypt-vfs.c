/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-crypt-vfs.c: the encrypting VFS itself, registered over SQLite's default
 *
 * Everything but opening a file goes straight to the default VFS (with the
 * open-file-description locks of trellis-sqlite-locks.c); opening wraps the file in
 * trellis-sqlite-crypt.c, which is where pages are sealed and opened.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <sqlite3.h>

#include "trellis-sqlite-crypt-private.h"

static int
crypt_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  return trellis_crypt_file_open (vfs->pAppData, name, file, flags, out_flags);
}

#define VFS_REAL(vfs) ((sqlite3_vfs *) (vfs)->pAppData)

static int
crypt_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  return VFS_REAL (vfs)->xDelete (VFS_REAL (vfs), name, sync_dir);
}

static int
crypt_access (sqlite3_vfs *vfs,
              const char  *name,
              int          flags,
              int         *out)
{
  return VFS_REAL (vfs)->xAccess (VFS_REAL (vfs), name, flags, out);
}

static int
crypt_full_pathname (sqlite3_vfs *vfs,
                     const char  *name,
                     int          n,
                     char        *out)
{
  return VFS_REAL (vfs)->xFullPathname (VFS_REAL (vfs), name, n, out);
}

static void *
crypt_dl_open (sqlite3_vfs *vfs,
               const char  *name)
{
  return VFS_REAL (vfs)->xDlOpen (VFS_REAL (vfs), name);
}

static void
crypt_dl_error (sqlite3_vfs *vfs,
                int          n,
                char        *out)
{
  VFS_REAL (vfs)->xDlError (VFS_REAL (vfs), n, out);
}

static void (*crypt_dl_sym (sqlite3_vfs *vfs,
                            void        *handle,
                            const char  *symbol)) (void)
{
  return VFS_REAL (vfs)->xDlSym (VFS_REAL (vfs), handle, symbol);
}

static void
crypt_dl_close (sqlite3_vfs *vfs,
                void        *handle)
{
  VFS_REAL (vfs)->xDlClose (VFS_REAL (vfs), handle);
}

static int
crypt_randomness (sqlite3_vfs *vfs,
                  int          n,
                  char        *out)
{
  return VFS_REAL (vfs)->xRandomness (VFS_REAL (vfs), n, out);
}

static int
crypt_sleep (sqlite3_vfs *vfs,
             int          microseconds)
{
  return VFS_REAL (vfs)->xSleep (VFS_REAL (vfs), microseconds);
}

static int
crypt_current_time (sqlite3_vfs *vfs,
                    double      *out)
{
  return VFS_REAL (vfs)->xCurrentTime (VFS_REAL (vfs), out);
}

static int
crypt_get_last_error (sqlite3_vfs *vfs,
                      int          n,
                      char        *out)
{
  return VFS_REAL (vfs)->xGetLastError (VFS_REAL (vfs), n, out);
}

static int
crypt_current_time_int64 (sqlite3_vfs   *vfs,
                          sqlite3_int64 *out)
{
  return VFS_REAL (vfs)->xCurrentTimeInt64 (VFS_REAL (vfs), out);
}

static int
crypt_set_system_call (sqlite3_vfs         *vfs,
                       const char          *name,
                       sqlite3_syscall_ptr  call)
{
  return VFS_REAL (vfs)->xSetSystemCall (VFS_REAL (vfs), name, call);
}

static sqlite3_syscall_ptr
crypt_get_system_call (sqlite3_vfs *vfs,
                       const char  *name)
{
  return VFS_REAL (vfs)->xGetSystemCall (VFS_REAL (vfs), name);
}

static const char *
crypt_next_system_call (sqlite3_vfs *vfs,
                        const char  *name)
{
  return VFS_REAL (vfs)->xNextSystemCall (VFS_REAL (vfs), name);
}

static gpointer
register_vfs (gpointer data)
{
  static sqlite3_vfs vfs;
  sqlite3_vfs *real_vfs = sqlite3_vfs_find (NULL);

  if (real_vfs == NULL || real_vfs->iVersion < 3)
    g_error ("SQLite has no default VFS of version 3");

  vfs = (sqlite3_vfs) {
    .iVersion = 3,
    .szOsFile = trellis_crypt_file_get_size () + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = TRELLIS_CRYPT_VFS_NAME,
    .pAppData = real_vfs,
    .xOpen = crypt_open,
    .xDelete = crypt_delete,
    .xAccess = crypt_access,
    .xFullPathname = crypt_full_pathname,
    .xDlOpen = crypt_dl_open,
    .xDlError = crypt_dl_error,
    .xDlSym = crypt_dl_sym,
    .xDlClose = crypt_dl_close,
    .xRandomness = crypt_randomness,
    .xSleep = crypt_sleep,
    .xCurrentTime = crypt_current_time,
    .xGetLastError = crypt_get_last_error,
    .xCurrentTimeInt64 = crypt_current_time_int64,
    .xSetSystemCall = crypt_set_system_call,
    .xGetSystemCall = crypt_get_system_call,
    .xNextSystemCall = crypt_next_system_call,
  };
  if (sqlite3_vfs_register (&vfs, 0) != SQLITE_OK)
    g_error ("could not register the encrypting VFS");

  return NULL;
}

/**
 * trellis_sqlite_crypt_vfs_name:
 *
 * Registers the VFS (once, on the default VFS of that moment) and returns its name.
 */
const char *
trellis_sqlite_crypt_vfs_name (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, register_vfs, NULL);
  return TRELLIS_CRYPT_VFS_NAME;
}

/**
 * trellis_sqlite_crypt_uri:
 *
 * Returns: the URI that opens @path through the VFS with @key, for sqlite3_open_v2() with
 *   SQLITE_OPEN_URI. It names the key's token, never the key.
 */
char *
trellis_sqlite_crypt_uri (const char      *path,
                          TrellisCryptKey *key)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf ("file:%s?vfs=%s&" TRELLIS_CRYPT_KEY_PARAMETER "=%s", escaped,
                          trellis_sqlite_crypt_vfs_name (), trellis_crypt_key_get_token (key));
}

