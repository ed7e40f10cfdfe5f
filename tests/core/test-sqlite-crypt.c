/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-sqlite-crypt.c: the encrypting VFS, through SQLite itself
 *
 * Writes distinctive text through the VFS in each journal mode and after crashes (a child
 * process that _exit()s half-way), then reads every file SQLite left beside the database
 * for it, byte by byte, and reads the rows back through SQLite. One changed byte, a wrong
 * key and a page moved to another place must each fail as damage, never as garbage.
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "trellis-error.h"
#include "trellis-sqlite.h"
#include "trellis-sqlite-crypt.h"
#include "trellis-test-utils.h"

#define CANARY "Canary-Zebedee-Okonkwo"
#define ROWS 600

typedef struct
{
  char            *dir;
  char            *path;
  TrellisCryptKey *key;
  guint8           raw_key[TRELLIS_CRYPT_KEY_BYTES];
  guint8           file_id[TRELLIS_CRYPT_FILE_ID_BYTES];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = trellis_test_make_dir ("crypt");
  fixture->path = g_build_filename (fixture->dir, "home.db", NULL);
  randombytes_buf (fixture->raw_key, sizeof fixture->raw_key);
  randombytes_buf (fixture->file_id, sizeof fixture->file_id);
  fixture->key = trellis_crypt_key_new (fixture->raw_key, fixture->file_id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->key, trellis_crypt_key_unref);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static sqlite3 *
open_with (const char      *path,
           TrellisCryptKey *key)
{
  g_autofree char *uri = trellis_sqlite_crypt_uri (path, key);
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                            SQLITE_OPEN_URI, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  return db;
}

/* A new database: the reserved bytes must be asked for before the first page is written. */
static sqlite3 *
create (Fixture    *fixture,
        const char *journal_mode)
{
  sqlite3 *db = open_with (fixture->path, fixture->key);
  int reserve = TRELLIS_CRYPT_RESERVE;
  g_autofree char *mode = g_strdup_printf ("PRAGMA journal_mode = %s", journal_mode);

  g_assert_cmpint (sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, mode, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);"
                                 "CREATE INDEX t_name ON t (name)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  return db;
}

static void
insert_rows (sqlite3 *db,
             int      first,
             int      n)
{
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t (id, name) VALUES (?1, ?2)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  for (int i = first; i < first + n; i++)
    {
      g_autofree char *name = g_strdup_printf (CANARY " %06d", i);

      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

static gint64
count_rows (sqlite3 *db,
            int     *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;
  int rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM t WHERE name LIKE '" CANARY "%'",
                               -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      n = sqlite3_column_int64 (stmt, 0);
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_OK)
    rc = sqlite3_extended_errcode (db);
  else
    rc = sqlite3_extended_errcode (db);
  sqlite3_finalize (stmt);
  if (rc_out != NULL)
    *rc_out = rc;
  return n;
}

static char *
integrity (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

/* Reads every page (PRAGMA integrity_check walks every b-tree): the first error's code. */
static int
read_every_page (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rc = SQLITE_OK;
  if (rc != SQLITE_DONE)
    rc = sqlite3_extended_errcode (db);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Every file beside the database: none may hold the canary, or part of it. */
static void
assert_no_canary (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  guint files = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      g_assert_null (memmem (contents, length, "Zebedee", 7));
      g_assert_null (memmem (contents, length, "CREATE TABLE", 12));
      files++;
    }
  g_assert_cmpuint (files, >=, 1);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *mode = data;
  sqlite3 *db = create (fixture, mode);
  g_autofree char *check = NULL;
  g_autofree char *header = NULL;
  gsize length;

  insert_rows (db, 0, ROWS);
  /* the files as another program would find them while the window is open */
  assert_no_canary (fixture);
  g_assert_cmpint (count_rows (db, NULL), ==, ROWS);
  sqlite3_close (db);
  assert_no_canary (fixture);

  /* SQLite's own header stays readable, saying 40 bytes are reserved on each page */
  g_assert_true (g_file_get_contents (fixture->path, &header, &length, NULL));
  g_assert_cmpmem (header, 16, "SQLite format 3", 16);
  g_assert_cmpint ((guint8) header[20], ==, TRELLIS_CRYPT_RESERVE);

  db = open_with (fixture->path, fixture->key);
  g_assert_cmpint (count_rows (db, NULL), ==, ROWS);
  check = integrity (db);
  g_assert_cmpstr (check, ==, "ok");
  sqlite3_close (db);
}

/* The same bytes with another key, or read without the VFS, are no database at all. */
static void
test_wrong_key (Fixture       *fixture,
                gconstpointer  data)
{
  sqlite3 *db = create (fixture, "WAL");
  guint8 other[TRELLIS_CRYPT_KEY_BYTES];
  g_autoptr(TrellisCryptKey) wrong = NULL;
  int rc;

  insert_rows (db, 0, ROWS);
  sqlite3_close (db);

  randombytes_buf (other, sizeof other);
  wrong = trellis_crypt_key_new (other, fixture->file_id);
  db = open_with (fixture->path, wrong);
  g_assert_cmpint (count_rows (db, &rc), ==, -1);
  g_assert_true (trellis_sqlite_crypt_is_damage (rc));
  sqlite3_close (db);

  /* the right key for another file (a backup's identity) does not open it either */
  g_clear_pointer (&wrong, trellis_crypt_key_unref);
  randombytes_buf (other, sizeof other);
  wrong = trellis_crypt_key_new (fixture->raw_key, other);
  db = open_with (fixture->path, wrong);
  g_assert_cmpint (count_rows (db, &rc), ==, -1);
  g_assert_true (trellis_sqlite_crypt_is_damage (rc));
  sqlite3_close (db);

  /* and a token nobody registered opens nothing */
  g_assert_cmpint (sqlite3_open_v2 ("file:home.db?vfs=trellis-crypt&trellis-key=nobody", &db,
                                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL), !=,
                   SQLITE_OK);
  sqlite3_close (db);
}

static void
flip_byte (const char *path,
           goffset     offset)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (offset, <, (goffset) length);
  contents[offset] ^= 0x01;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* One byte changed anywhere in a page, in its header or in another page's place: damage. */
static void
test_tamper (Fixture       *fixture,
             gconstpointer  data)
{
  const goffset offsets[] = {
    4096 * 2 + 700,        /* inside page 3's content */
    4096 * 3 - 5,          /* page 3's tag */
    4096 * 3 - 30,         /* page 3's nonce */
    60,                    /* page 1's header (user_version): covered, though plain */
    4096 + 300,            /* page 2 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *copy = g_strconcat (fixture->path, ".tampered", NULL);
      g_autofree char *contents = NULL;
      sqlite3 *db;
      gsize length;
      int rc;

      if (i == 0)
        {
          db = create (fixture, "DELETE");
          insert_rows (db, 0, ROWS);
          sqlite3_close (db);
        }
      g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
      flip_byte (copy, offsets[i]);

      db = open_with (copy, fixture->key);
      rc = read_every_page (db);
      g_assert_true (trellis_sqlite_crypt_is_damage (rc));
      sqlite3_close (db);
      g_unlink (copy);
    }

  /* page 2 copied over page 3 (both sealed by the same key) does not open either */
  {
    g_autofree char *contents = NULL;
    sqlite3 *db;
    gsize length;
    int rc;

    g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
    memcpy (contents + 4096 * 2, contents + 4096, 4096);
    g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
    db = open_with (fixture->path, fixture->key);
    rc = read_every_page (db);
    g_assert_true (trellis_sqlite_crypt_is_damage (rc));
    sqlite3_close (db);
  }
}

/* A child process writes and then dies without closing: in WAL mode its commits must be
 * found by recovery (whole frames read through the VFS); in rollback mode its half-written
 * transaction must be rolled back from a sealed journal. */
static void
test_crash (Fixture       *fixture,
            gconstpointer  data)
{
  const char *mode = data;
  gboolean wal = g_str_equal (mode, "WAL");
  sqlite3 *db = create (fixture, mode);
  g_autofree char *check = NULL;
  int status;
  pid_t pid;

  insert_rows (db, 0, ROWS);
  sqlite3_close (db);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      db = open_with (fixture->path, fixture->key);
      /* a small cache makes the rollback journal spill changed pages into the database
       * before the commit, so the journal is what brings them back */
      sqlite3_exec (db, "PRAGMA cache_size = 2", NULL, NULL, NULL);
      if (wal)
        {
          sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL);
          insert_rows (db, ROWS, ROWS);   /* committed, only in the WAL */
        }
      sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
      sqlite3_exec (db, "UPDATE t SET name = 'overwritten ' || id", NULL, NULL, NULL);
      _exit (0);                           /* never committed */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  {
    g_autofree char *leftover = g_strconcat (fixture->path, wal ? "-wal" : "-journal", NULL);
    g_assert_true (g_file_test (leftover, G_FILE_TEST_EXISTS));
  }
  assert_no_canary (fixture);

  db = open_with (fixture->path, fixture->key);
  g_assert_cmpint (count_rows (db, NULL), ==, wal ? 2 * ROWS : ROWS);
  check = integrity (db);
  g_assert_cmpstr (check, ==, "ok");
  sqlite3_close (db);
  assert_no_canary (fixture);
}

/* Nothing spills into a temporary file in plain text: the VFS refuses to make one. */
static void
test_no_temporary_files (Fixture       *fixture,
                         gconstpointer  data)
{
  sqlite3 *db = create (fixture, "WAL");

  insert_rows (db, 0, ROWS);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TABLE s AS SELECT * FROM t", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  /* were temp_store ever turned back to files, spilling a temporary table fails */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA temp_store = FILE; PRAGMA temp.cache_size = 2",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TABLE u AS SELECT * FROM t", NULL, NULL,
                                 NULL), ==, SQLITE_CANTOPEN);
  sqlite3_close (db);
  assert_no_canary (fixture);
}

/* An unencrypted database copied into an encrypted one: VACUUM INTO through the VFS, with
 * the reserved bytes asked for on the plain one first. */
static void
test_encrypt_a_copy (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.db", NULL);
  g_autofree char *uri = trellis_sqlite_crypt_uri (fixture->path, fixture->key);
  g_autofree char *vacuum = g_strdup_printf ("VACUUM INTO '%s'", uri);
  g_autofree char *check = NULL;
  int reserve = TRELLIS_CRYPT_RESERVE;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (plain, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                    SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                                 "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);"
                                 "CREATE INDEX t_name ON t (name)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  insert_rows (db, 0, ROWS);
  g_assert_cmpint (sqlite3_file_control (db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, vacuum, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_unlink (plain);
  {
    g_autofree char *wal = g_strconcat (plain, "-wal", NULL);
    g_autofree char *shm = g_strconcat (plain, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }

  assert_no_canary (fixture);
  db = open_with (fixture->path, fixture->key);
  g_assert_cmpint (count_rows (db, NULL), ==, ROWS);
  check = integrity (db);
  g_assert_cmpstr (check, ==, "ok");
  sqlite3_close (db);
}

/* The backend's own connection: a new encrypted home takes every migration; another key
 * is told apart as damage, in words; an unencrypted home is copied into an encrypted one
 * whole. */
static void
test_backend (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *plain = g_build_filename (fixture->dir, "plain.db", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  guint latest = trellis_sqlite_get_latest_version ();
  g_autoptr(GError) error = NULL;
  guint8 other[TRELLIS_CRYPT_KEY_BYTES] = { 1 };

  /* the store makes the file, with its mode, before the backend opens it */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  {
    g_autoptr(TrellisSqlite) db = trellis_sqlite_open_encrypted (fixture->path, fixture->raw_key,
                                                                 fixture->file_id, 0, &error);
    g_assert_no_error (error);
    g_assert_true (trellis_sqlite_is_encrypted (db));
    g_assert_true (trellis_sqlite_migrate (db, latest, &error));
    g_assert_no_error (error);
  }
  assert_no_canary (fixture);
  {
    g_autoptr(TrellisSqlite) db = trellis_sqlite_open_encrypted (fixture->path, fixture->raw_key,
                                                                 fixture->file_id, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (trellis_sqlite_get_schema_version (db), ==, latest);
  }
  {
    g_autoptr(TrellisSqlite) db = trellis_sqlite_open_encrypted (fixture->path, other,
                                                                 fixture->file_id, 0, &error);
    g_assert_null (db);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "damaged or changed outside Trellis"));
    g_clear_error (&error);
  }

  /* an unencrypted home: refused as an encrypted one, copied into one whole */
  {
    g_autoptr(TrellisSqlite) db = NULL;

    g_assert_true (g_file_set_contents (plain, "", 0, NULL));
    db = trellis_sqlite_open (plain, 0, &error);
    g_assert_no_error (error);
    g_assert_true (trellis_sqlite_migrate (db, latest, &error));
    g_assert_true (trellis_sqlite_copy_encrypted (db, copy, fixture->raw_key, fixture->file_id,
                                                  &error));
    g_assert_no_error (error);
    /* never over a file that is there */
    g_assert_false (trellis_sqlite_copy_encrypted (db, copy, fixture->raw_key, fixture->file_id,
                                                   &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
    g_clear_error (&error);
  }
  {
    g_autoptr(TrellisSqlite) db = trellis_sqlite_open_encrypted (plain, fixture->raw_key,
                                                                 fixture->file_id, 0, &error);
    g_assert_null (db);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE);
    g_clear_error (&error);
  }
  {
    g_autoptr(TrellisSqlite) db = trellis_sqlite_open_encrypted (copy, fixture->raw_key,
                                                                 fixture->file_id, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (trellis_sqlite_get_schema_version (db), ==, latest);
  }
  {
    const char *names[] = { "plain.db", "plain.db-wal", "plain.db-shm", "copy.db",
                            "copy.db-wal", "copy.db-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *file = g_build_filename (fixture->dir, names[i], NULL);
        g_unlink (file);
      }
  }
}

/* Killed at random moments while it writes: every commit it acknowledged is there after
 * each kill, and the database is whole. TRELLIS_KILLS sets how many (200 locally; the
 * suite runs 20). */
static void
test_kill (Fixture       *fixture,
           gconstpointer  data)
{
  const char *wanted = g_getenv ("TRELLIS_KILLS");
  guint kills = wanted != NULL ? (guint) g_ascii_strtoull (wanted, NULL, 10) : 20;
  GRand *rand = g_rand_new_with_seed (20261123);
  gint64 acknowledged = -1;
  sqlite3 *db = create (fixture, "WAL");

  sqlite3_close (db);
  for (guint k = 0; k < kills; k++)
    {
      int fds[2];
      pid_t pid;
      gint64 id;
      g_autofree char *check = NULL;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          sqlite3 *child = open_with (fixture->path, fixture->key);

          close (fds[0]);
          sqlite3_exec (child, "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 50",
                        NULL, NULL, NULL);
          for (gint64 next = acknowledged + 1;; next++)
            {
              g_autofree char *sql = g_strdup_printf ("INSERT INTO t (id, name) VALUES (%"
                                                      G_GINT64_FORMAT ", '" CANARY " %"
                                                      G_GINT64_FORMAT "')", next, next);
              if (sqlite3_exec (child, sql, NULL, NULL, NULL) != SQLITE_OK ||
                  write (fds[1], &next, sizeof next) != sizeof next)
                _exit (1);
            }
        }
      close (fds[1]);
      g_usleep (g_rand_int_range (rand, 2000, 60000));
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      while (read (fds[0], &id, sizeof id) == sizeof id)
        acknowledged = id;
      close (fds[0]);

      db = open_with (fixture->path, fixture->key);
      /* every acknowledged row is there, and none after it but possibly the one in flight */
      g_assert_cmpint (count_rows (db, NULL), >=, acknowledged + 1);
      g_assert_cmpint (count_rows (db, NULL), <=, acknowledged + 2);
      {
        sqlite3_stmt *stmt;
        g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max(id) FROM t", -1, &stmt, NULL), ==,
                         SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        acknowledged = MAX (acknowledged, sqlite3_column_int64 (stmt, 0));
        sqlite3_finalize (stmt);
      }
      check = integrity (db);
      g_assert_cmpstr (check, ==, "ok");
      sqlite3_close (db);
    }
  g_assert_cmpint (acknowledged, >, (gint64) kills);
  assert_no_canary (fixture);
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (sodium_init (), >=, 0);

#define ADD(name, func, data) \
  g_test_add (name, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/crypt/round-trip/wal", test_round_trip, "WAL");
  ADD ("/crypt/round-trip/delete", test_round_trip, "DELETE");
  ADD ("/crypt/round-trip/persist", test_round_trip, "PERSIST");
  ADD ("/crypt/wrong-key", test_wrong_key, NULL);
  ADD ("/crypt/tamper", test_tamper, NULL);
  ADD ("/crypt/crash/wal", test_crash, "WAL");
  ADD ("/crypt/crash/delete", test_crash, "DELETE");
  ADD ("/crypt/no-temporary-files", test_no_temporary_files, NULL);
  ADD ("/crypt/encrypt-a-copy", test_encrypt_a_copy, NULL);
  ADD ("/crypt/backend", test_backend, NULL);
  ADD ("/crypt/kill", test_kill, NULL);
#undef ADD

  return g_test_run ();
}
