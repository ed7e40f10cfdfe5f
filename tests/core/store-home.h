/* SPDX-License-Identifier: GPL-3.0-or-later
 * store-home.h: a home in a temporary folder, for the store's tests
 *
 * An Administrator (ada) and a Manager (mo), as most store tests want, and ways to look at
 * the database behind the store's back.
 */
#pragma once

#include "trellis-core.h"

G_BEGIN_DECLS

typedef struct
{
  char         *dir;
  char         *path;
  TrellisStore *store;
  TrellisStaff *admin;
  TrellisStaff *manager;
} StoreHome;

void          store_home_set_up    (StoreHome  *home);
void          store_home_tear_down (StoreHome  *home);

/* The first column of the first row of @sql, read with a connection of the test's own, so
 * what the store believes does not matter. -1 with no row. */
int           store_count_rows     (const char *path,
                                    const char *sql);

/* sqlite3_open_v2() for @path with a connection of the test's own: an encrypted home's
 * database opens with its key while the test's store has it open. Returns SQLite's code. */
int           store_open_raw       (const char  *path,
                                    void        *db,
                                    int          flags);

/* A child of the Nowak family, born on @dob (YYYY-MM-DD). */
TrellisChild *store_make_child     (const char *given,
                                    const char *dob);

G_END_DECLS
