/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-open.c: where opening a store checks the file's integrity
 *
 * A window's connection checks the database when it opens; a trellisctl call (a brief
 * connection) does not pay for that unless it asks with TRELLIS_STORE_OPEN_CHECK.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "trellis-core.h"

static int
read_int (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
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

  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-open/integrity-checked-where-it-pays",
                   test_integrity_checked_where_it_pays);

  return g_test_run ();
}
