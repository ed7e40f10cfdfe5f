/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-private.h: what the store's own list models and tests share
 */
#pragma once

#include <sqlite3.h>

#include "trellis-permission.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* Columns of a child row, in the order trellis_store_child_from_row() reads them. */
#define TRELLIS_CHILD_COLUMNS                                                          \
  "c.id, c.version, c.given_name, c.family_name, c.preferred_name, c.date_of_birth, "  \
  "c.gender, c.first_language, c.religion, c.legal_status, c.placing_authority, "      \
  "c.admission_date, c.leaving_date, c.photo, a.staff_id, s.display_name"

/* The child's Link Worker: the open assignment, or for a child with a leaving date the one
 * that runs until it. Saving a leaving date ends the open assignment on that day; databases
 * written before that was done still have it open, and read the same. */
#define TRELLIS_CHILD_FROM                                                             \
  "FROM child c "                                                                      \
  "LEFT JOIN link_worker_assignment a ON a.id = (SELECT l.id "                         \
  "FROM link_worker_assignment l WHERE l.child_id = c.id AND (l.end_date IS NULL OR "  \
  "l.end_date = c.leaving_date) ORDER BY l.start_date DESC, l.id DESC LIMIT 1) "       \
  "LEFT JOIN staff s ON s.id = a.staff_id "

sqlite3_stmt *trellis_store_prepare          (TrellisStore  *self,
                                              const char    *sql,
                                              GError       **error);
TrellisChild *trellis_store_child_from_row   (sqlite3_stmt  *stmt);
gboolean      trellis_store_set_error        (TrellisStore  *self,
                                              GError       **error);
gboolean      trellis_store_check_actor      (TrellisStore  *self,
                                              TrellisStaff  *actor,
                                              TrellisAction  action,
                                              gint64         link_worker_id,
                                              GError       **error);
gboolean      trellis_store_audit            (TrellisStore  *self,
                                              TrellisStaff  *actor,
                                              const char    *action,
                                              gint64         child_id,
                                              const char    *detail,
                                              GError       **error);
void          trellis_store_queue_change     (TrellisStore  *self,
                                              const char    *table,   /* a static string */
                                              gint64         id);

/* Following other connections' commits (trellis-store-watch.c) */
typedef struct _TrellisStoreWatch TrellisStoreWatch;

TrellisStoreWatch *trellis_store_watch_new  (TrellisStore      *store);
void               trellis_store_watch_free (TrellisStoreWatch *watch);

/* SQLite's locks, held by its own open files (trellis-sqlite-locks.c) */
void          trellis_sqlite_use_ofd_locks   (void);
gboolean      trellis_sqlite_has_ofd_locks   (void);

/* For the sign-in tests: a clock they can move. */
void          trellis_store_set_clock        (TrellisStore  *self,
                                              gint64       (*clock) (void));

/* For the migration tests: open and migrate no further than @version. */
TrellisStore *trellis_store_open_at_version  (const char    *path,
                                              guint          version,
                                              GError       **error);

G_END_DECLS
