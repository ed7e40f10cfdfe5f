/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-crypt.c: encryption at rest, as a VFS shim under the system SQLite
 *
 * Debian 12's SQLCipher is too old (no FTS5), so Trellis encrypts below SQLite instead, the
 * way SQLite3MultipleCiphers' VFS does: this VFS sits on the default one ("unix", with the
 * open-file-description locks of trellis-sqlite-locks.c) and seals page content on its way
 * to the disk and opens it on the way back. SQLite itself sees plain pages throughout, so
 * its b-tree, its WAL checksums and its recovery work unchanged.
 *
 * Format. Every database page keeps its last TRELLIS_CRYPT_RESERVE bytes for us (SQLite's
 * "reserved bytes per page", set when the database is made): a fresh random 24-byte nonce
 * and the 16-byte Poly1305 tag. The rest of the page is XChaCha20-Poly1305 ciphertext, with
 * the file's identity and the page number as associated data, so a page moved to another
 * place or another file does not open. Page 1 begins with SQLite's 100-byte file header
 * (page size, reserved bytes, counters, application_id: nothing of a child's); it stays
 * plain, so SQLite and `file` can read it before a key is known, and is covered by the tag
 * as associated data, so it cannot be changed either. Page numbers come from the offset
 * and the page size in the main file, from the frame header in the WAL, and from the
 * record's own page number in a rollback journal; every page image, wherever it is, is
 * sealed the same way. The -shm file holds only frame numbers and hashes of page numbers.
 * Temporary files are refused: the store keeps temp_store in memory, and a statement that
 * would spill to disk fails rather than write plaintext.
 *
 * Damage. A page that does not open is SQLITE_IOERR_DATA, which the store reports as "the
 * database was damaged or changed outside Trellis", never garbage. Two places expect to
 * find torn writes after a crash and judge them with their own checksums: recovery reads
 * whole WAL frames, and rollback reads journal records. There a page that does not open is
 * handed up as zeros, so SQLite's checksum ends the log where the tear is, as it would
 * without encryption. A frame changed on purpose in the middle of the WAL therefore ends
 * the log early rather than failing; the audit trail's head, kept outside the database,
 * is what notices the lost commits.
 *
 * Memory-mapped I/O would bypass all of this, so xFetch never maps.
 *
 * Keys. trellis_crypt_key_new() copies a key into sodium_malloc() memory (guarded, locked,
 * wiped when freed) and registers it under a random token; a connection opens
 * "file:PATH?vfs=trellis-crypt&trellis-key=TOKEN", and each file SQLite opens for that
 * database (the WAL and journal carry the main file's URI parameters) holds a reference.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "trellis-sqlite-crypt-private.h"

#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
#define DB_HEADER_BYTES 100
#define WAL_HEADER_BYTES 32
#define FRAME_HEADER_BYTES 24
#define MAX_AD_BYTES (TRELLIS_CRYPT_FILE_ID_BYTES + 4 + DB_HEADER_BYTES)

G_STATIC_ASSERT (NONCE_BYTES + TAG_BYTES == TRELLIS_CRYPT_RESERVE);
G_STATIC_ASSERT (crypto_aead_xchacha20poly1305_ietf_KEYBYTES == TRELLIS_CRYPT_KEY_BYTES);

struct _TrellisCryptKey
{
  gint    ref_count;
  guint8 *key;                                   /* sodium_malloc(), read-only */
  guint8  file_id[TRELLIS_CRYPT_FILE_ID_BYTES];
  char    token[2 * 16 + 1];
};

static GMutex keys_lock;
static GHashTable *keys;                         /* token → TrellisCryptKey, not owned */

/**
 * trellis_crypt_key_new:
 * @key: (array fixed-size=32): the home's data key
 * @file_id: (array fixed-size=16): the identity of the file it opens
 *
 * Returns: (transfer full): a key the VFS can find by its token until the last reference goes
 */
TrellisCryptKey *
trellis_crypt_key_new (const guint8 *key,
                       const guint8 *file_id)
{
  TrellisCryptKey *self;
  guint8 random[16];

  g_return_val_if_fail (key != NULL && file_id != NULL, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium could not start");

  self = g_new0 (TrellisCryptKey, 1);
  self->ref_count = 1;
  self->key = sodium_malloc (TRELLIS_CRYPT_KEY_BYTES);
  if (self->key == NULL)
    g_error ("no memory for a key");
  memcpy (self->key, key, TRELLIS_CRYPT_KEY_BYTES);
  sodium_mprotect_readonly (self->key);
  memcpy (self->file_id, file_id, TRELLIS_CRYPT_FILE_ID_BYTES);
  randombytes_buf (random, sizeof random);
  sodium_bin2hex (self->token, sizeof self->token, random, sizeof random);

  g_mutex_lock (&keys_lock);
  if (keys == NULL)
    keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (keys, self->token, self);
  g_mutex_unlock (&keys_lock);

  return self;
}

TrellisCryptKey *
trellis_crypt_key_ref (TrellisCryptKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&keys_lock);
  self->ref_count++;
  g_mutex_unlock (&keys_lock);
  return self;
}

void
trellis_crypt_key_unref (TrellisCryptKey *self)
{
  gboolean last;

  if (self == NULL)
    return;

  g_mutex_lock (&keys_lock);
  last = --self->ref_count == 0;
  if (last)
    g_hash_table_remove (keys, self->token);
  g_mutex_unlock (&keys_lock);

  if (last)
    {
      sodium_free (self->key); /* wipes it */
      g_free (self);
    }
}

const char *
trellis_crypt_key_get_token (TrellisCryptKey *self)
{
  return self->token;
}

static TrellisCryptKey *
lookup_key (const char *token)
{
  TrellisCryptKey *key = NULL;

  if (token == NULL)
    return NULL;

  g_mutex_lock (&keys_lock);
  if (keys != NULL)
    key = g_hash_table_lookup (keys, token);
  if (key != NULL)
    key->ref_count++;
  g_mutex_unlock (&keys_lock);

  return key;
}

/* The file */

typedef enum
{
  FILE_MAIN,
  FILE_WAL,
  FILE_JOURNAL,
  FILE_PLAIN,       /* a super-journal: file names only */
} FileKind;

typedef struct
{
  sqlite3_file     base;
  sqlite3_file    *real;
  FileKind         kind;
  TrellisCryptKey *key;
  guint32          page_size;         /* 0 until the file or SQLite says */
  guint8          *scratch;           /* a frame's worth */
  gsize            scratch_size;
  sqlite3_int64    frame_written;     /* WAL: where the last frame header went, or -1 */
  guint32          frame_pgno;        /* and the page number it named */
} CryptFile;

#define CRYPT_FILE_SIZE ((sizeof (CryptFile) + 7) & ~(gsize) 7)

static guint32
get_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint8 *
scratch (CryptFile *self,
         gsize      size)
{
  if (self->scratch_size < size)
    {
      g_free (self->scratch);
      self->scratch = g_malloc (size);
      self->scratch_size = size;
    }
  return self->scratch;
}

static gsize
make_ad (CryptFile    *self,
         guint32       pgno,
         const guint8 *page,
         guint8       *ad)
{
  gsize n = 0;

  memcpy (ad, self->key->file_id, TRELLIS_CRYPT_FILE_ID_BYTES);
  n += TRELLIS_CRYPT_FILE_ID_BYTES;
  ad[n++] = pgno >> 24;
  ad[n++] = pgno >> 16;
  ad[n++] = pgno >> 8;
  ad[n++] = pgno;
  if (pgno == 1)
    {
      memcpy (ad + n, page, DB_HEADER_BYTES);
      n += DB_HEADER_BYTES;
    }
  return n;
}

/* Seals the plain page @in into @out (which may not be @in: SQLite's buffer is its own). */
static void
seal_page (CryptFile    *self,
           guint32       pgno,
           const guint8 *in,
           guint8       *out)
{
  gsize start = pgno == 1 ? DB_HEADER_BYTES : 0;
  gsize end = self->page_size - TRELLIS_CRYPT_RESERVE;
  guint8 *nonce = out + end;
  guint8 *tag = nonce + NONCE_BYTES;
  guint8 ad[MAX_AD_BYTES];
  gsize ad_len = make_ad (self, pgno, in, ad);

  memcpy (out, in, start);
  randombytes_buf (nonce, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached (out + start, tag, NULL,
                                                       in + start, end - start,
                                                       ad, ad_len, NULL, nonce,
                                                       self->key->key);
}

/* Opens a sealed page in place; its reserved bytes read back as zeros, as SQLite wrote them. */
static gboolean
open_page (CryptFile *self,
           guint32    pgno,
           guint8    *page)
{
  gsize start = pgno == 1 ? DB_HEADER_BYTES : 0;
  gsize end = self->page_size - TRELLIS_CRYPT_RESERVE;
  guint8 ad[MAX_AD_BYTES];
  gsize ad_len = make_ad (self, pgno, page, ad);

  if (pgno == 0 ||
      crypto_aead_xchacha20poly1305_ietf_decrypt_detached (page + start, NULL,
                                                           page + start, end - start,
                                                           page + end + NONCE_BYTES,
                                                           ad, ad_len, page + end,
                                                           self->key->key) != 0)
    return FALSE;

  memset (page + end, 0, TRELLIS_CRYPT_RESERVE);
  return TRUE;
}

static gboolean
is_zeros (const guint8 *p,
          gsize         n)
{
  return n == 0 || (p[0] == 0 && memcmp (p, p + 1, n - 1) == 0);
}

/* The page size, from SQLite's file header (bytes 16–17, where 1 means 65536). */
static guint32
header_page_size (const guint8 *header)
{
  guint32 size = ((guint32) header[16] << 8) | header[17];

  return size == 1 ? 65536 : size;
}

static gboolean
valid_page_size (guint32 size)
{
  return size >= 512 && size <= 65536 && (size & (size - 1)) == 0;
}

/* Learns the page size from the file's own header, when SQLite has not shown it yet. */
static int
learn_page_size (CryptFile *self)
{
  guint8 header[DB_HEADER_BYTES];
  gsize offset = 0, length = 0;
  guint32 size = 0;
  int rc;

  if (self->page_size != 0)
    return SQLITE_OK;

  switch (self->kind)
    {
    case FILE_MAIN: offset = 16; length = 2; break;
    case FILE_WAL: offset = 8; length = 4; break;
    case FILE_JOURNAL: offset = 24; length = 4; break;
    case FILE_PLAIN: return SQLITE_OK;
    }

  rc = self->real->pMethods->xRead (self->real, header, offset + length, 0);
  if (rc == SQLITE_IOERR_SHORT_READ)
    return SQLITE_OK; /* nothing there yet */
  if (rc != SQLITE_OK)
    return rc;

  size = self->kind == FILE_MAIN ? header_page_size (header) : get_be32 (header + offset);
  if (valid_page_size (size))
    self->page_size = size;
  return SQLITE_OK;
}

static int
read_pgno (CryptFile     *self,
           sqlite3_int64  offset,
           guint32       *pgno)
{
  guint8 bytes[4];
  int rc = self->real->pMethods->xRead (self->real, bytes, 4, offset);

  *pgno = rc == SQLITE_OK ? get_be32 (bytes) : 0;
  return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_OK : rc;
}

/* Main database file: pages at multiples of the page size. */
static int
main_read (CryptFile     *self,
           guint8        *buf,
           int            amount,
           sqlite3_int64  offset)
{
  sqlite3_int64 end = offset + amount;
  guint32 size;
  int rc;

  /* the plain file header, read before SQLite knows the page size */
  if (end <= DB_HEADER_BYTES)
    return self->real->pMethods->xRead (self->real, buf, amount, offset);

  if ((rc = learn_page_size (self)) != SQLITE_OK)
    return rc;
  if ((size = self->page_size) == 0)
    return self->real->pMethods->xRead (self->real, buf, amount, offset); /* an empty file */

  rc = SQLITE_OK;
  for (sqlite3_int64 at = offset; at < end;)
    {
      sqlite3_int64 page_start = at - at % size;
      guint32 pgno = page_start / size + 1;
      gsize skip = at - page_start;
      gsize want = MIN ((sqlite3_int64) (size - skip), end - at);
      gboolean whole = skip == 0 && want == size;
      guint8 *page = whole ? buf + (at - offset) : scratch (self, size);
      int page_rc = self->real->pMethods->xRead (self->real, page, size, page_start);

      if (page_rc == SQLITE_IOERR_SHORT_READ && is_zeros (page + size - TRELLIS_CRYPT_RESERVE,
                                                         TRELLIS_CRYPT_RESERVE))
        rc = SQLITE_IOERR_SHORT_READ; /* beyond the end: zeros, as SQLite expects */
      else if (page_rc != SQLITE_OK && page_rc != SQLITE_IOERR_SHORT_READ)
        return page_rc;
      else if (!open_page (self, pgno, page))
        return SQLITE_IOERR_DATA;

      if (!whole)
        memcpy (buf + (at - offset), page + skip, want);
      at += want;
    }

  return rc;
}

static int
main_write (CryptFile     *self,
            const guint8  *buf,
            int            amount,
            sqlite3_int64  offset)
{
  guint32 size;
  int rc;

  /* SQLite writes whole pages, page 1 first when it makes the file: its header says the
   * page size and that the reserved bytes are there to hold the nonce and the tag */
  if (offset == 0 && amount >= DB_HEADER_BYTES)
    {
      if (buf[20] != TRELLIS_CRYPT_RESERVE || header_page_size (buf) != (guint32) amount)
        return SQLITE_IOERR_WRITE;
      self->page_size = amount;
    }
  if ((rc = learn_page_size (self)) != SQLITE_OK)
    return rc;
  size = self->page_size;
  if (size == 0 || amount % size != 0 || offset % size != 0)
    return SQLITE_IOERR_WRITE;

  for (int done = 0; done < amount; done += size)
    {
      guint8 *sealed = scratch (self, size);

      seal_page (self, (offset + done) / size + 1, buf + done, sealed);
      rc = self->real->pMethods->xWrite (self->real, sealed, size, offset + done);
      if (rc != SQLITE_OK)
        return rc;
    }
  return SQLITE_OK;
}

/* WAL: a 32-byte header, then frames of a 24-byte frame header (page number first) and a
 * page. Recovery reads whole frames; a transaction's reads and checkpoints read pages. */
static int
wal_read (CryptFile     *self,
          guint8        *buf,
          int            amount,
          sqlite3_int64  offset)
{
  sqlite3_int64 frame_size, frame_start, in_frame;
  int rc;

  if (offset < WAL_HEADER_BYTES)
    return offset + amount <= WAL_HEADER_BYTES
             ? self->real->pMethods->xRead (self->real, buf, amount, offset)
             : SQLITE_IOERR_READ;

  if ((rc = learn_page_size (self)) != SQLITE_OK)
    return rc;
  if (self->page_size == 0)
    return SQLITE_IOERR_READ;

  frame_size = FRAME_HEADER_BYTES + self->page_size;
  in_frame = (offset - WAL_HEADER_BYTES) % frame_size;
  frame_start = offset - in_frame;

  if (in_frame + amount <= FRAME_HEADER_BYTES)
    return self->real->pMethods->xRead (self->real, buf, amount, offset);

  if (in_frame == FRAME_HEADER_BYTES && amount == (int) self->page_size)
    {
      /* a page the WAL index says is committed: it must open */
      guint32 pgno;

      if ((rc = read_pgno (self, frame_start, &pgno)) != SQLITE_OK)
        return rc;
      rc = self->real->pMethods->xRead (self->real, buf, amount, offset);
      if (rc != SQLITE_OK)
        return rc;
      return open_page (self, pgno, buf) ? SQLITE_OK : SQLITE_IOERR_DATA;
    }

  if (in_frame == 0 && amount == frame_size)
    {
      /* recovery: a frame that does not open is a torn write, left to the checksum */
      rc = self->real->pMethods->xRead (self->real, buf, amount, offset);
      if (rc != SQLITE_OK)
        return rc;
      if (!open_page (self, get_be32 (buf), buf + FRAME_HEADER_BYTES))
        memset (buf + FRAME_HEADER_BYTES, 0, self->page_size);
      return SQLITE_OK;
    }

  return SQLITE_IOERR_READ; /* SQLite reads no other shape */
}

static int
wal_write (CryptFile     *self,
           const guint8  *buf,
           int            amount,
           sqlite3_int64  offset)
{
  sqlite3_int64 frame_size, frame_start, in_frame;
  guint32 pgno;
  guint8 *sealed;
  int rc;

  if (offset < WAL_HEADER_BYTES)
    {
      if (offset + amount > WAL_HEADER_BYTES)
        return SQLITE_IOERR_WRITE;
      if (offset == 0 && amount >= 12 && valid_page_size (get_be32 (buf + 8)))
        self->page_size = get_be32 (buf + 8);
      return self->real->pMethods->xWrite (self->real, buf, amount, offset);
    }

  if ((rc = learn_page_size (self)) != SQLITE_OK)
    return rc;
  if (self->page_size == 0)
    return SQLITE_IOERR_WRITE;

  frame_size = FRAME_HEADER_BYTES + self->page_size;
  in_frame = (offset - WAL_HEADER_BYTES) % frame_size;
  frame_start = offset - in_frame;

  if (in_frame + amount <= FRAME_HEADER_BYTES)
    {
      if (in_frame == 0 && amount >= 4)
        {
          self->frame_written = frame_start;
          self->frame_pgno = get_be32 (buf);
        }
      return self->real->pMethods->xWrite (self->real, buf, amount, offset);
    }

  if (in_frame == 0 && amount == frame_size)
    {
      sealed = scratch (self, frame_size);
      memcpy (sealed, buf, FRAME_HEADER_BYTES);
      seal_page (self, get_be32 (buf), buf + FRAME_HEADER_BYTES, sealed + FRAME_HEADER_BYTES);
      return self->real->pMethods->xWrite (self->real, sealed, amount, offset);
    }

  if (in_frame != FRAME_HEADER_BYTES || amount != (int) self->page_size)
    return SQLITE_IOERR_WRITE;

  /* SQLite writes a frame's header and then its page */
  if (self->frame_written == frame_start)
    pgno = self->frame_pgno;
  else if ((rc = read_pgno (self, frame_start, &pgno)) != SQLITE_OK)
    return rc;
  if (pgno == 0)
    return SQLITE_IOERR_WRITE;

  sealed = scratch (self, self->page_size);
  seal_page (self, pgno, buf, sealed);
  return self->real->pMethods->xWrite (self->real, sealed, amount, offset);
}

/* Rollback journal: headers at multiples of the 512-byte sector, then records of a page
 * number, a page and a checksum, so a page is the one thing at an offset of 4 mod 8 of a
 * page's length. Rollback reads the number, then the page, then the checksum. */
static gboolean
journal_page_at (CryptFile     *self,
                 int            amount,
                 sqlite3_int64  offset)
{
  return self->page_size != 0 && amount == (int) self->page_size && offset % 8 == 4;
}

static int
journal_read (CryptFile     *self,
              guint8        *buf,
              int            amount,
              sqlite3_int64  offset)
{
  guint32 pgno;
  int rc;

  if ((rc = learn_page_size (self)) != SQLITE_OK)
    return rc;
  rc = self->real->pMethods->xRead (self->real, buf, amount, offset);
  if (rc != SQLITE_OK || !journal_page_at (self, amount, offset))
    return rc;

  if ((rc = read_pgno (self, offset - 4, &pgno)) != SQLITE_OK)
    return rc;
  /* a record torn by a crash: zeros, which its checksum then refuses */
  if (!open_page (self, pgno, buf))
    memset (buf, 0, amount);
  return SQLITE_OK;
}

static int
journal_write (CryptFile     *self,
               const guint8  *buf,
               int            amount,
               sqlite3_int64  offset)
{
  guint32 pgno;
  guint8 *sealed;
  int rc;

  /* the journal's header names the page size (bytes 24–27) */
  if (offset == 0 && amount >= 28 && valid_page_size (get_be32 (buf + 24)))
    self->page_size = get_be32 (buf + 24);
  if ((rc = learn_page_size (self)) != SQLITE_OK)
    return rc;
  if (!journal_page_at (self, amount, offset))
    return self->real->pMethods->xWrite (self->real, buf, amount, offset);

  if ((rc = read_pgno (self, offset - 4, &pgno)) != SQLITE_OK)
    return rc;
  if (pgno == 0)
    return SQLITE_IOERR_WRITE;
  sealed = scratch (self, amount);
  seal_page (self, pgno, buf, sealed);
  return self->real->pMethods->xWrite (self->real, sealed, amount, offset);
}

/* The I/O methods */

static int
crypt_close (sqlite3_file *file)
{
  CryptFile *self = (CryptFile *) file;
  int rc = self->real->pMethods->xClose (self->real);

  g_clear_pointer (&self->scratch, g_free);
  g_clear_pointer (&self->key, trellis_crypt_key_unref);
  return rc;
}

static int
crypt_read (sqlite3_file  *file,
            void          *buf,
            int            amount,
            sqlite3_int64  offset)
{
  CryptFile *self = (CryptFile *) file;

  switch (self->kind)
    {
    case FILE_MAIN: return main_read (self, buf, amount, offset);
    case FILE_WAL: return wal_read (self, buf, amount, offset);
    case FILE_JOURNAL: return journal_read (self, buf, amount, offset);
    case FILE_PLAIN: break;
    }
  return self->real->pMethods->xRead (self->real, buf, amount, offset);
}

static int
crypt_write (sqlite3_file  *file,
             const void    *buf,
             int            amount,
             sqlite3_int64  offset)
{
  CryptFile *self = (CryptFile *) file;

  switch (self->kind)
    {
    case FILE_MAIN: return main_write (self, buf, amount, offset);
    case FILE_WAL: return wal_write (self, buf, amount, offset);
    case FILE_JOURNAL: return journal_write (self, buf, amount, offset);
    case FILE_PLAIN: break;
    }
  return self->real->pMethods->xWrite (self->real, buf, amount, offset);
}

#define REAL(file) (((CryptFile *) (file))->real)

static int
crypt_truncate (sqlite3_file  *file,
                sqlite3_int64  size)
{
  CryptFile *self = (CryptFile *) file;

  if (size == 0)
    {
      self->frame_written = -1;
      if (self->kind != FILE_MAIN)
        self->page_size = 0; /* a new WAL or journal may say another */
    }
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
crypt_sync (sqlite3_file *file,
            int           flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
crypt_file_size (sqlite3_file  *file,
                 sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
crypt_lock (sqlite3_file *file,
            int           level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
crypt_unlock (sqlite3_file *file,
              int           level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
crypt_check_reserved_lock (sqlite3_file *file,
                           int          *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
crypt_file_control (sqlite3_file *file,
                    int           op,
                    void         *arg)
{
  if (op == SQLITE_FCNTL_VFSNAME)
    {
      *(char **) arg = sqlite3_mprintf ("%s", TRELLIS_CRYPT_VFS_NAME);
      return SQLITE_OK;
    }
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
crypt_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
crypt_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
crypt_shm_map (sqlite3_file   *file,
               int             region,
               int             size,
               int             extend,
               void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), region, size, extend, out);
}

static int
crypt_shm_lock (sqlite3_file *file,
                int           offset,
                int           n,
                int           flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
crypt_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
crypt_shm_unmap (sqlite3_file *file,
                 int           delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

/* A mapped page would be read as it is on the disk: never map. */
static int
crypt_fetch (sqlite3_file  *file,
             sqlite3_int64  offset,
             int            amount,
             void         **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
crypt_unfetch (sqlite3_file  *file,
               sqlite3_int64  offset,
               void          *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods crypt_io_methods = {
  .iVersion = 3,
  .xClose = crypt_close,
  .xRead = crypt_read,
  .xWrite = crypt_write,
  .xTruncate = crypt_truncate,
  .xSync = crypt_sync,
  .xFileSize = crypt_file_size,
  .xLock = crypt_lock,
  .xUnlock = crypt_unlock,
  .xCheckReservedLock = crypt_check_reserved_lock,
  .xFileControl = crypt_file_control,
  .xSectorSize = crypt_sector_size,
  .xDeviceCharacteristics = crypt_device_characteristics,
  .xShmMap = crypt_shm_map,
  .xShmLock = crypt_shm_lock,
  .xShmBarrier = crypt_shm_barrier,
  .xShmUnmap = crypt_shm_unmap,
  .xFetch = crypt_fetch,
  .xUnfetch = crypt_unfetch,
};

/* Opening: a file of SQLite's, opened through @real_vfs and wrapped (the VFS itself is in
 * trellis-sqlite-crypt-vfs.c) */

int
trellis_crypt_file_open (sqlite3_vfs  *real_vfs,
                         const char   *name,
                         sqlite3_file *file,
                         int           flags,
                         int          *out_flags)
{
  CryptFile *self = (CryptFile *) file;
  int rc;

  memset (self, 0, sizeof *self);
  self->real = (sqlite3_file *) ((char *) file + CRYPT_FILE_SIZE);
  self->frame_written = -1;

  if (flags & SQLITE_OPEN_MAIN_DB)
    self->kind = FILE_MAIN;
  else if (flags & SQLITE_OPEN_WAL)
    self->kind = FILE_WAL;
  else if (flags & SQLITE_OPEN_MAIN_JOURNAL)
    self->kind = FILE_JOURNAL;
  else if (flags & SQLITE_OPEN_SUPER_JOURNAL)
    self->kind = FILE_PLAIN;
  else
    return SQLITE_CANTOPEN; /* temporary files stay in memory (temp_store = MEMORY) */

  if (self->kind != FILE_PLAIN)
    {
      /* the WAL and journal names carry the main file's URI parameters */
      self->key = lookup_key (name != NULL
                                ? sqlite3_uri_parameter (name, TRELLIS_CRYPT_KEY_PARAMETER)
                                : NULL);
      if (self->key == NULL)
        return SQLITE_CANTOPEN;
    }

  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&self->key, trellis_crypt_key_unref);
      return rc;
    }

  self->base.pMethods = &crypt_io_methods;
  return SQLITE_OK;
}

gsize
trellis_crypt_file_get_size (void)
{
  return CRYPT_FILE_SIZE;
}

/* SQLITE_IOERR_DATA: a page did not open. */
gboolean
trellis_sqlite_crypt_is_damage (int extended_code)
{
  return extended_code == SQLITE_IOERR_DATA;
}
