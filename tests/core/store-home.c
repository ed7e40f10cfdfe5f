/* SPDX-License-Identifier: GPL-3.0-or-later
 * store-home.c: a home in a temporary folder, for the store's tests
 */
#include "config.h"

#include <sqlite3.h>

#include "store-home.h"
#include "trellis-store-private.h"

void
store_home_set_up (StoreHome *home)
{
  g_autoptr(GError) error = NULL;

  home->dir = g_dir_make_tmp ("trellis-store-XXXXXX", NULL);
  home->path = g_build_filename (home->dir, "home.db", NULL);
  home->store = trellis_store_open (home->path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  home->admin = trellis_store_create_home (home->store, "Test House", FALSE, "Ada Admin", "ada",
                                           NULL, &error);
  g_assert_no_error (error);
  home->manager = trellis_store_add_staff (home->store, home->admin, "mo", "Mo Manager",
                                           TRELLIS_ROLE_MANAGER, NULL, FALSE, &error);
  g_assert_no_error (error);
}

void
store_home_tear_down (StoreHome *home)
{
  g_clear_object (&home->admin);
  g_clear_object (&home->manager);
  g_clear_object (&home->store);
  g_clear_pointer (&home->path, g_free);
  g_clear_pointer (&home->dir, g_free);
}

int
store_open_raw (const char *path,
                void       *db,
                int         flags)
{
  g_autoptr(TrellisStore) store = trellis_store_lookup_open (path);
  g_autofree char *uri = store != NULL ? trellis_store_dup_raw_uri_for_tests (store) : NULL;

  if (uri == NULL)
    return sqlite3_open_v2 (path, db, flags | (flags & SQLITE_OPEN_READWRITE ? SQLITE_OPEN_CREATE : 0),
                            NULL);
  return sqlite3_open_v2 (uri, db, flags | SQLITE_OPEN_URI, NULL);
}

int
store_count_rows (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (store_open_raw (path, &db, SQLITE_OPEN_READONLY), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

TrellisChild *
store_make_child (const char *given,
                  const char *dob)
{
  TrellisChild *child = trellis_child_new ();
  g_autoptr(GDateTime) date = trellis_date_parse (dob, NULL);

  g_assert_nonnull (date);
  trellis_child_set_given_name (child, given);
  trellis_child_set_family_name (child, "Nowak");
  trellis_child_set_date_of_birth (child, date);
  return child;
}
