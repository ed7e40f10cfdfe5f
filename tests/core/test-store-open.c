/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-open.c: what opening a store checks, and what it leaves alone
 *
 * A window's connection checks the database when it opens; a trellisctl call (a brief
 * connection) does not pay for that unless it asks with TRELLIS_STORE_OPEN_CHECK. A file
 * that is not a Trellis database (another program's, marked by its application_id or by
 * having none of Trellis's tables) is refused before anything is written to it.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-store-private.h"

static int
read_int (const char *path,
          const char *sql)
{
  return store_count_rows (path, sql);
}

/* A home whose children's table has one page of garbage, the rest of the file intact. */
static char *
make_damaged_home (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = NULL;
  int page_size, root, fd;

  /* unencrypted, so the damage is a page SQLite itself finds wrong (an encrypted page that
   * was changed fails its tag instead: test-security.c) */
  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE |
                                                              TRELLIS_STORE_OPEN_UNENCRYPTED,
                                                        &error);
    g_assert_no_error (error);
    g_assert_true (trellis_demo_generate (store, 40, 5, today, &error));
    g_assert_no_error (error);
  }
  /* the last connection closed: everything is in the file, and the -wal is gone */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  page_size = read_int (path, "PRAGMA page_size");
  root = read_int (path, "SELECT rootpage FROM sqlite_schema WHERE name = 'child'");
  g_assert_cmpint (root, >, 1);

  garbage = g_malloc (page_size);
  memset (garbage, 0xa5, page_size);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, page_size, (off_t) (root - 1) * page_size), ==, page_size);
  g_close (fd, NULL);

  return g_steal_pointer (&path);
}

static void
test_integrity_checked_where_it_pays (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-open-XXXXXX", NULL);
  g_autofree char *path = make_damaged_home (dir);
  g_autoptr(GError) error = NULL;

  /* trellisctl's kind of connection opens without reading every page, and what does not
   * touch the damage still works */
  {
    g_autoptr(TrellisStore) brief = trellis_store_open (path, TRELLIS_STORE_OPEN_BRIEF, &error);
    g_autoptr(TrellisHome) home = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (brief);
    home = trellis_store_get_home (brief, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (trellis_home_get_name (home), ==, "Oakfield House");
  }

  /* a brief connection that asks for the check gets it */
  {
    g_autoptr(TrellisStore) checked = trellis_store_open (path, TRELLIS_STORE_OPEN_BRIEF |
                                                                TRELLIS_STORE_OPEN_CHECK, &error);
    g_assert_null (checked);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "is damaged"));
    g_clear_error (&error);
  }

  /* and a window's connection always does */
  {
    g_autoptr(TrellisStore) window = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT,
                                                         &error);
    g_assert_null (window);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "is damaged"));
  }
}

/* An encrypted home, one byte of one page changed with something other than Trellis (dd,
 * an editor): the page fails its tag, and signing in says the database was damaged or
 * changed outside Trellis. Nothing is read from it as if it were right. */
static void
test_encrypted_page_changed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sealed.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GError) error = NULL;
  guint8 byte;
  int fd;

  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
    g_assert_no_error (error);
    g_assert_true (trellis_store_is_encrypted (store));
    g_assert_true (trellis_demo_generate (store, 40, 5, today, &error));
    g_assert_no_error (error);
  }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* the third page's contents: after SQLite's plain 100-byte header, well inside a page */
  fd = g_open (path, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pread (fd, &byte, 1, 4096 * 2 + 700), ==, 1);
  byte ^= 0x01;
  g_assert_cmpint (pwrite (fd, &byte, 1, 4096 * 2 + 700), ==, 1);
  g_close (fd, NULL);

  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(TrellisStaff) manager = NULL;

    /* the keyring opens (the sign-in page reads it); the records do not */
    g_assert_no_error (error);
    g_assert_true (trellis_store_is_sealed (store));
    manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
    g_assert_null (manager);
    g_test_message ("%s", error->message);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "damaged or changed outside Trellis"));
    g_assert_true (trellis_store_is_sealed (store));
  }
}

/* Whether @needle is in @contents, a binary file's bytes. */
static gboolean
holds (const char *contents,
       gsize       length,
       const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* A home made before encryption is encrypted when an Administrator signs in, and not
 * before: its records then in no file in plain text, the same records, a recovery key, and
 * the other accounts' passwords still working once someone has opened the home. */
static void
test_plain_home_encrypted_at_admin_sign_in (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *keyring = g_strconcat (path, ".keyring", NULL);
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *family = NULL;
  g_autofree char *contents = NULL;
  guint n_children;
  gsize length;

  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE |
                                                              TRELLIS_STORE_OPEN_UNENCRYPTED,
                                                        &error);
    g_autoptr(TrellisStaff) manager = NULL;
    g_autoptr(TrellisChildList) children = NULL;
    g_autoptr(TrellisChild) first = NULL;

    g_assert_no_error (error);
    g_assert_true (trellis_demo_generate (store, 20, 3, today, &error));
    g_assert_no_error (error);
    g_assert_false (trellis_store_is_encrypted (store));

    /* a Manager signing in changes nothing */
    manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (trellis_store_is_encrypted (store));
    children = trellis_store_list_children (store, manager);
    n_children = g_list_model_get_n_items (G_LIST_MODEL (children));
    first = g_list_model_get_item (G_LIST_MODEL (children), 0);
    family = g_strdup (trellis_child_get_family_name (first));
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (holds (contents, length, family));
  g_clear_pointer (&contents, g_free);

  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(TrellisStaff) admin = NULL;
    g_autoptr(TrellisChildList) children = NULL;
    char *recovery;
    gint64 broken = -1;

    g_assert_no_error (error);
    admin = trellis_store_sign_in (store, "admin", TRELLIS_DEMO_PASSWORD, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (trellis_store_is_encrypted (store));
    g_assert_false (trellis_store_is_sealed (store));
    recovery = trellis_store_take_recovery_key (store);
    g_assert_nonnull (recovery);
    trellis_store_free_recovery_key (recovery);
    g_assert_true (g_file_test (keyring, G_FILE_TEST_EXISTS));
    children = trellis_store_list_children (store, admin);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), ==, n_children);
    /* the trail goes on, keyed from here, and still verifies */
    g_assert_true (trellis_store_verify_audit (store, admin, &broken, NULL, &error));
    g_assert_no_error (error);
  }

  /* no child's name left in plain text; the database is an encrypted one */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_false (holds (contents, length, family));
  g_assert_cmpint (contents[20], ==, 40);

  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(TrellisStaff) manager = NULL;
    g_autoptr(TrellisStaff) admin = NULL;

    g_assert_no_error (error);
    g_assert_true (trellis_store_is_sealed (store));
    /* the Manager had only a hash: no key to the sealed home yet */
    manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
    g_assert_null (manager);
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
    g_assert_nonnull (strstr (error->message, "no key"));
    g_clear_error (&error);
    /* the Administrator opens it; the Manager then gets a copy of the key with theirs */
    admin = trellis_store_sign_in (store, "admin", TRELLIS_DEMO_PASSWORD, NULL, &error);
    g_assert_no_error (error);
    manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (manager);
  }
  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
    g_autoptr(TrellisStaff) manager = NULL;

    g_assert_no_error (error);
    g_assert_true (trellis_store_is_sealed (store));
    manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (trellis_store_is_sealed (store));
  }
}

/* A home another program is making (a new keyring, no home in it yet) is left alone; once
 * that program has gone without finishing, the half-made files are started again. */
static void
test_home_being_made_elsewhere (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autofree char *keyring = g_strconcat (path, ".keyring", NULL);
  const char *ctl = g_getenv ("TRELLISCTL");
  const char *argv[] = { ctl, "--db", path, "--user", "admin", "children", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  if (ctl == NULL)
    {
      g_test_skip ("TRELLISCTL is not set");
      return;
    }
  {
    g_autoptr(TrellisStore) making = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "being made by another program"));
    g_assert_true (g_file_test (keyring, G_FILE_TEST_EXISTS));
    g_assert_false (trellis_store_is_sealed (making));
  }
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &status, &error));
  g_assert_nonnull (strstr (err, "no home yet"));
}

/* A home this program has open and sealed (its window locked) opens again as the same,
 * still sealed, store: a second window shows its sign-in page rather than an error. */
static void
test_sealed_home_opens_again (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "home.db", NULL);
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) first = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_autoptr(TrellisStore) again = NULL;

  g_assert_no_error (error);
  g_assert_true (trellis_demo_generate (first, 5, 1, today, &error));
  g_assert_no_error (error);
  trellis_store_seal (first);
  g_assert_true (trellis_store_is_sealed (first));

  again = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  g_assert_true (trellis_store_is_sealed (again));
  g_assert_true (trellis_store_has_home (again));
}

/* Everything about a file that opening it might change: its bytes, its tables, its mode and
 * times, and the files beside it (a -wal or -shm left behind). */
typedef struct
{
  char    *checksum;
  char    *tables;
  char    *neighbours;
  GStatBuf st;
} Snapshot;

static void
snapshot_clear (Snapshot *snapshot)
{
  g_free (snapshot->checksum);
  g_free (snapshot->tables);
  g_free (snapshot->neighbours);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

static char *
dup_tables (const char *path)
{
  g_autofree char *uri = g_strdup_printf ("file:%s?immutable=1", path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *tables = g_string_new (NULL);

  /* immutable: this look takes no lock and writes nothing, not even a -shm */
  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema ORDER BY name", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (tables, "%s ", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (tables, FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
take_snapshot (const char *path,
               Snapshot   *snapshot)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  snapshot->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents,
                                                    length);
  g_assert_cmpint (g_stat (path, &snapshot->st), ==, 0);
  snapshot->tables = dup_tables (path);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  snapshot->neighbours = g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_unchanged (const char     *path,
                  const Snapshot *before)
{
  g_auto(Snapshot) after = { 0 };

  take_snapshot (path, &after);
  g_assert_cmpstr (after.checksum, ==, before->checksum);
  g_assert_cmpstr (after.tables, ==, before->tables);
  g_assert_cmpstr (after.neighbours, ==, before->neighbours);
  g_assert_cmpint (after.st.st_mode, ==, before->st.st_mode);
  g_assert_cmpint (after.st.st_size, ==, before->st.st_size);
  g_assert_cmpint (after.st.st_mtim.tv_sec, ==, before->st.st_mtim.tv_sec);
  g_assert_cmpint (after.st.st_mtim.tv_nsec, ==, before->st.st_mtim.tv_nsec);
}

/* Another program's database, as that program would make it. */
static char *
make_other_database (const char *dir,
                     const char *name,
                     const char *sql)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (store_open_raw (path, &db, SQLITE_OPEN_READWRITE), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return g_steal_pointer (&path);
}

/* Every way of opening refuses @path, names it, and leaves it exactly as it was. */
static void
assert_refused_untouched (const char *path)
{
  const TrellisStoreOpenFlags ways[] = {
    TRELLIS_STORE_OPEN_DEFAULT,
    TRELLIS_STORE_OPEN_CREATE,
    TRELLIS_STORE_OPEN_BRIEF,
    TRELLIS_STORE_OPEN_BRIEF | TRELLIS_STORE_OPEN_CHECK,
  };
  g_auto(Snapshot) before = { 0 };

  take_snapshot (path, &before);
  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisStore) store = trellis_store_open (path, ways[i], &error);

      g_assert_null (store);
      g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE);
      g_assert_nonnull (strstr (error->message, path));
      g_test_message ("%s", error->message);
      assert_unchanged (path, &before);
    }
}

/* `--db` pointed at another program's database: refused, with Trellis's tables not added,
 * and its mode, read-only or not, not reset to 0600. */
static void
test_other_programs_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-open-XXXXXX", NULL);
  g_autofree char *notes = make_other_database (dir, "notes.db",
                                                "CREATE TABLE note (id INTEGER PRIMARY KEY, "
                                                "text TEXT);"
                                                "INSERT INTO note (text) VALUES ('milk');");
  g_autofree char *locked = make_other_database (dir, "archive.db",
                                                 "CREATE TABLE entry (id INTEGER PRIMARY KEY);"
                                                 "INSERT INTO entry DEFAULT VALUES;");
  /* a program of its own with tables of Trellis's names: its application_id says whose */
  g_autofree char *marked = make_other_database (dir, "lookalike.db",
                                                 "PRAGMA application_id = 1234;"
                                                 "PRAGMA user_version = 2;"
                                                 "CREATE TABLE home (id INTEGER);"
                                                 "CREATE TABLE staff (id INTEGER);"
                                                 "CREATE TABLE child (id INTEGER);");

  assert_refused_untouched (notes);

  g_assert_cmpint (g_chmod (locked, 0400), ==, 0);
  assert_refused_untouched (locked);

  assert_refused_untouched (marked);
}

static int
read_application_id (const char *path)
{
  return read_int (path, "PRAGMA application_id");
}

/* A new home is marked as Trellis's; a home made before the mark gets it when it opens. */
static void
test_application_id (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-open-XXXXXX", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.db", NULL);
  g_autofree char *older = g_build_filename (dir, "older.db", NULL);
  guint latest = trellis_store_get_latest_version ();
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(TrellisStore) store = trellis_store_open (fresh, TRELLIS_STORE_OPEN_CREATE,
                                                        &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (read_application_id (fresh), ==, TRELLIS_SQLITE_APPLICATION_ID);

  {
    /* migration 0007 sets the mark: a home at 0006 was made before it */
    g_autoptr(TrellisStore) store = trellis_store_open_at_version (older, 6, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (read_application_id (older), ==, 0);
  {
    g_autoptr(TrellisStore) store = trellis_store_open (older, TRELLIS_STORE_OPEN_DEFAULT,
                                                        &error);
    g_assert_no_error (error);
    g_assert_cmpuint (trellis_store_get_schema_version (store), ==, latest);
  }
  g_assert_cmpint (read_application_id (older), ==, TRELLIS_SQLITE_APPLICATION_ID);
  /* 'T' 'R' 'L' 'S', as `file` and a hex dump show it at offset 68 */
  g_assert_cmpint (TRELLIS_SQLITE_APPLICATION_ID, ==, 0x54524c53);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-open/integrity-checked-where-it-pays",
                   test_integrity_checked_where_it_pays);
  g_test_add_func ("/store-open/other-programs-database", test_other_programs_database);
  g_test_add_func ("/store-open/application-id", test_application_id);
  g_test_add_func ("/store-open/encrypted-page-changed", test_encrypted_page_changed);
  g_test_add_func ("/store-open/home-being-made-elsewhere", test_home_being_made_elsewhere);
  g_test_add_func ("/store-open/sealed-home-opens-again", test_sealed_home_opens_again);
  g_test_add_func ("/store-open/plain-home-encrypted-at-admin-sign-in",
                   test_plain_home_encrypted_at_admin_sign_in);

  return g_test_run ();
}
