/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-locks.c: SQLite's file locks, held by SQLite's own open files
 *
 * SQLite's unix VFS locks the database with POSIX advisory locks (fcntl F_SETLK). Those
 * belong to the process, and the kernel drops all of them when the process closes *any*
 * descriptor of the file: a file chooser sniffing the content type of home.db, a
 * thumbnailer, g_file_load_contents(). The window then still believes it holds its locks,
 * trellisctl believes it is the last user, checkpoints and deletes the -wal and -shm the
 * window is writing into, and the window's later commits say "saved" and reach nothing.
 *
 * Open file description locks (F_OFD_SETLK, Linux 3.15) belong to the open file that took
 * them and go only when that file is closed, so other code in the process cannot release
 * them. They conflict with classic POSIX locks taken by other processes, so the sqlite3
 * shell and older Trellis versions still see them. This installs, once per process, a
 * fcntl() for SQLite's unix VFS that turns lock requests into OFD ones.
 *
 * Within one process two connections to the same file would take their locks through
 * different open files and could refuse each other; the store keeps one connection per
 * file per process (see trellis_store_open()). The one exception is the store's worker
 * (trellis-store-worker.c), whose connection opens after the store's and closes before it,
 * so the store's open file holds the process's lock on the database throughout.
 */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>

#include "trellis-sqlite-private.h"

#ifdef F_OFD_SETLK

typedef int (*FcntlFunc) (int fd, int cmd, ...);

static FcntlFunc real_fcntl;
static int ofd_unsupported;     /* atomic: the kernel refused an OFD request as unknown */

static int
ofd_command (int cmd)
{
  switch (cmd)
    {
    case F_SETLK: return F_OFD_SETLK;
    case F_SETLKW: return F_OFD_SETLKW;
    case F_GETLK: return F_OFD_GETLK;
    default: return 0;
    }
}

/* SQLite calls this wherever it would call fcntl(). Like glibc's own fcntl(), it reads the
 * third argument as a pointer whatever the command; commands that take none ignore it. */
static int
ofd_fcntl (int fd,
           int cmd,
           ...)
{
  int ofd_cmd = ofd_command (cmd);
  void *arg;
  va_list args;

  va_start (args, cmd);
  arg = va_arg (args, void *);
  va_end (args);

  if (ofd_cmd != 0 && arg != NULL && !g_atomic_int_get (&ofd_unsupported))
    {
      struct flock *lock = arg;
      struct flock ofd;
      int rc;

      /* SQLite leaves l_pid unset; OFD requests must carry 0 there */
      memcpy (&ofd, lock, sizeof ofd);
      ofd.l_pid = 0;
      rc = real_fcntl (fd, ofd_cmd, &ofd);
      if (rc == 0 || errno != EINVAL)
        {
          if (rc == 0 && cmd == F_GETLK)
            memcpy (lock, &ofd, sizeof ofd);
          return rc;
        }

      /* a kernel or file system without OFD locks: classic locks, as SQLite would */
      g_warning ("Open file description locks are not available (%s); another program "
                 "closing the database could release Trellis’s locks", g_strerror (errno));
      g_atomic_int_set (&ofd_unsupported, 1);
    }

  return real_fcntl (fd, cmd, arg);
}

#endif /* F_OFD_SETLK */

/**
 * trellis_sqlite_use_ofd_locks:
 *
 * Makes SQLite's unix VFS lock with open file description locks. Call before the process
 * opens its first connection; calling again does nothing.
 */
void
trellis_sqlite_use_ofd_locks (void)
{
#ifdef F_OFD_SETLK
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs;

      sqlite3_initialize ();
      vfs = sqlite3_vfs_find (NULL);
      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xGetSystemCall != NULL &&
          (real_fcntl = (FcntlFunc) vfs->xGetSystemCall (vfs, "fcntl")) != NULL &&
          vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) ofd_fcntl) == SQLITE_OK)
        g_debug ("SQLite locks with open file description locks");
      else
        g_warning ("Could not give SQLite open file description locks; another program "
                   "closing the database could release Trellis’s locks");

      g_once_init_leave (&done, 1);
    }
#else
  g_debug ("No open file description locks on this system");
#endif
}

/* For the tests: whether the locks are OFD locks now. */
gboolean
trellis_sqlite_has_ofd_locks (void)
{
#ifdef F_OFD_SETLK
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);

  return vfs != NULL && vfs->iVersion >= 3 &&
         vfs->xGetSystemCall (vfs, "fcntl") == (sqlite3_syscall_ptr) ofd_fcntl &&
         !g_atomic_int_get (&ofd_unsupported);
#else
  return FALSE;
#endif
}
