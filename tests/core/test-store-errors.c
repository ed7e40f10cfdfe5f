/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-errors.c: what the store calls the database's refusals
 *
 * The backend turns SQLite's results into TrellisError codes at the seam, so the app and
 * trellisctl can branch on a code (try again, choose another file, free some space) and
 * never on a message, which is for people and translated.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-store-private.h"
#include "sqlite/trellis-sqlite-private.h"

typedef StoreHome Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_home_set_up (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_home_tear_down (f);
}

static TrellisChild *
make_child (const char *given)
{
  return store_make_child (given, "2012-02-02");
}

/* The store's own connection, for what only a test does to it. */
static sqlite3 *
store_connection (TrellisStore *store)
{
  return store->db->db;
}

/* Every SQLite result the store can meet, by its code. */
static void
test_codes (void)
{
  static const struct { int result; TrellisError code; } codes[] = {
    { SQLITE_BUSY,                  TRELLIS_ERROR_LOCKED },
    { SQLITE_BUSY_SNAPSHOT,         TRELLIS_ERROR_LOCKED },
    { SQLITE_LOCKED,                TRELLIS_ERROR_LOCKED },
    { SQLITE_LOCKED_SHAREDCACHE,    TRELLIS_ERROR_LOCKED },
    { SQLITE_FULL,                  TRELLIS_ERROR_TOO_LARGE },
    { SQLITE_TOOBIG,                TRELLIS_ERROR_TOO_LARGE },
    { SQLITE_NOTADB,                TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE },
    { SQLITE_CANTOPEN,              TRELLIS_ERROR_UNAVAILABLE },
    { SQLITE_CANTOPEN_ISDIR,        TRELLIS_ERROR_UNAVAILABLE },
    { SQLITE_IOERR,                 TRELLIS_ERROR_UNAVAILABLE },
    { SQLITE_IOERR_READ,            TRELLIS_ERROR_UNAVAILABLE },
    { SQLITE_IOERR_FSYNC,           TRELLIS_ERROR_UNAVAILABLE },
    { SQLITE_READONLY,              TRELLIS_ERROR_UNAVAILABLE },
    { SQLITE_CONSTRAINT_UNIQUE,     TRELLIS_ERROR_CONFLICT },
    { SQLITE_CONSTRAINT_PRIMARYKEY, TRELLIS_ERROR_CONFLICT },
    { SQLITE_CORRUPT,               TRELLIS_ERROR_CORRUPT },
    /* a broken rule of the schema is a bug of ours, not a record that is there already */
    { SQLITE_CONSTRAINT_CHECK,      TRELLIS_ERROR_DATABASE },
    { SQLITE_CONSTRAINT_FOREIGNKEY, TRELLIS_ERROR_DATABASE },
    { SQLITE_CONSTRAINT_NOTNULL,    TRELLIS_ERROR_DATABASE },
    { SQLITE_ERROR,                 TRELLIS_ERROR_DATABASE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_test_message ("%s", sqlite3_errstr (codes[i].result));
      g_assert_cmpint (trellis_sqlite_error_code (codes[i].result), ==, codes[i].code);
    }
}

/* A username that is there already, even when nobody looked first: CONFLICT, in words
 * about the username, and nothing written. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) again = NULL;
  int staff = store_count_rows (f->path, "SELECT count(*) FROM staff");
  int audit = store_count_rows (f->path, "SELECT count(*) FROM audit");

  again = trellis_store_add_staff (f->store, f->admin, "mo", "Another Mo", TRELLIS_ROLE_STAFF,
                                   NULL, FALSE, &error);
  g_assert_null (again);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“mo”"));
  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM staff"), ==, staff);
  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM audit"), ==, audit);
}

/* Another program holds the write lock past the wait: LOCKED, nothing written, and the
 * same call goes through once the other program lets go. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = make_child ("Ewa");
  sqlite3 *other = NULL;

  g_assert_cmpint (store_open_raw (f->path, &other, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  /* the store waits five seconds for a lock; a test need not */
  sqlite3_busy_timeout (store_connection (f->store), 50);

  g_assert_cmpint (trellis_store_add_child (f->store, f->manager, child, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM child"), ==, 0);
  g_assert_cmpint (trellis_store_add_child (f->store, f->manager, child, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM child"), ==, 1);
}

/* No room left (a full disk, here a database that may not grow): TOO_LARGE, the call
 * rolled back whole, and the store goes on once there is room. */
static void
test_full (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = store_connection (f->store);
  guint added = 0;

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < 10000 && error == NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("Child %u", i);
      g_autoptr(TrellisChild) child = make_child (name);

      if (trellis_store_add_child (f->store, f->manager, child, &error) > 0)
        added++;
    }
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_TOO_LARGE);
  g_test_message ("%u children fitted; then: %s", added, error->message);
  g_clear_error (&error);
  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM child"), ==, added);
  g_assert_cmpint (store_count_rows (f->path,
                                     "SELECT count(*) FROM audit WHERE action = 'add-child'"),
                   ==, added);

  g_assert_cmpint (sqlite3_exec (db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  {
    g_autoptr(TrellisChild) child = make_child ("Jan");

    g_assert_cmpint (trellis_store_add_child (f->store, f->manager, child, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (store_count_rows (f->path, "SELECT count(*) FROM child"), ==, added + 1);
}

/* A file SQLite cannot open or write beside (here its -wal, which a folder stands in the
 * way of): UNAVAILABLE, naming the file. */
static void
test_unavailable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-errors-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "home.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (g_mkdir (wal, 0700), ==, 0);

  store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, path));
}

/* Where no database can be: a folder is not a Trellis database, and a home cannot be made
 * under a file. */
static void
test_not_a_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-errors-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *under = g_build_filename (file, "home", "home.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;

  store = trellis_store_open (dir, TRELLIS_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "notes", -1, NULL));
  store = trellis_store_open (under, TRELLIS_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE);
}

static gint64
on_nfs (const char *dir)
{
  return 0x6969;
}

/* A home on a network share is refused before anything is written: a new one is not made,
 * an old one is left as it was, and the message says what to do. */
static void
test_network_share (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-share-XXXXXX", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.db", NULL);
  g_autofree char *old = g_build_filename (dir, "old.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(TrellisStore) store = trellis_store_open (old, TRELLIS_STORE_OPEN_CREATE, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (old, &before, &before_len, NULL));

  g_assert_cmpstr (trellis_store_network_filesystem (0xFF534D42), ==, "SMB");
  g_assert_null (trellis_store_network_filesystem (0xEF53));   /* ext4 */
  trellis_store_set_filesystem_probe (on_nfs);

  g_assert_null (trellis_store_open (fresh, TRELLIS_STORE_OPEN_CREATE, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "network share (NFS)"));
  g_assert_nonnull (strstr (error->message, "folder on this computer"));
  g_clear_error (&error);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  g_assert_null (trellis_store_open (old, TRELLIS_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (old, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  trellis_store_set_filesystem_probe (NULL);
  {
    g_autoptr(TrellisStore) store = trellis_store_open (old, TRELLIS_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/store-errors/codes", test_codes);
  ADD ("/store-errors/conflict", test_conflict);
  ADD ("/store-errors/locked", test_locked);
  ADD ("/store-errors/full", test_full);
  g_test_add_func ("/store-errors/unavailable", test_unavailable);
  g_test_add_func ("/store-errors/not-a-file", test_not_a_file);
  g_test_add_func ("/store-errors/network-share", test_network_share);

#undef ADD

  return g_test_run ();
}
