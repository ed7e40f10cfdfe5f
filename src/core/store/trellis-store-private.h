/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-private.h: what the store's files (trellis-store-<area>.c), its list models
 * and its tests share
 *
 * Every public store call that writes reads the same way, inside one
 * g_autoptr(TrellisTransaction): who is acting (trellis_store_check_actor(), core/security)
 * → is it valid (model/, rules/) → the backend's calls (sqlite/trellis-sqlite.h) → the audit
 * row (trellis_store_audit()) → who must be told (trellis_store_queue_change()) → commit.
 * No SQL above sqlite/.
 */
#pragma once

#include "sqlite/trellis-sqlite.h"
#include "trellis-permission.h"
#include "trellis-store.h"
#include "trellis-transaction.h"

G_BEGIN_DECLS

typedef struct _TrellisStoreWatch TrellisStoreWatch;

struct _TrellisStore
{
  GObject            parent_instance;

  char              *path;
  TrellisSqlite     *db;
  guint              depth;         /* open transaction and savepoint levels */
  GArray            *pending;       /* PendingChange: emitted after the outermost commit */
  TrellisClock      *clock;         /* the context's, or the store's own real clock */
  char              *file_key;      /* "device:inode" in the registry of open stores */

  /* other connections' commits (trellis_store_watch()) */
  guint              n_watchers;
  TrellisStoreWatch *watch;
  gint64             data_version;
};

gboolean      trellis_store_check_actor      (TrellisStore  *self,
                                              TrellisStaff  *actor,
                                              TrellisAction  action,
                                              gint64         link_worker_id,
                                              GError       **error);
TrellisTransaction *
              trellis_store_begin_as         (TrellisStore  *self,
                                              TrellisStaff  *actor,
                                              TrellisAction  action,
                                              GError       **error);
/* Appends a row to the audit trail inside the caller's transaction. */
gboolean      trellis_store_audit            (TrellisStore  *self,
                                              gint64         staff_id,
                                              const char    *action,
                                              gint64         child_id,
                                              const char    *detail,
                                              GError       **error);
/* @id: the record's row id; several calls for one kind in a transaction make one
 * ::changed with TRELLIS_RECORD_ID_MANY. */
void          trellis_store_queue_change     (TrellisStore      *self,
                                              TrellisRecordKind  kind,
                                              gint64             id);

/* The words for a row that is not there, shared by the area files. */
gboolean      trellis_store_no_such_staff    (GError       **error);
gboolean      trellis_store_no_such_child    (gint64         id,
                                              GError       **error);

/* A child's record, not asking who reads (trellis-store-children.c). */
TrellisChild *trellis_store_load_child       (TrellisStore  *self,
                                              gint64         id,
                                              GError       **error);

/* For the home and the accounts: a new account's row, its names checked. */
TrellisStaff *trellis_store_insert_staff     (TrellisStore  *self,
                                              const char    *username,
                                              const char    *display_name,
                                              TrellisRole    role,
                                              const char    *password_hash,
                                              gboolean       must_change_password,
                                              GError       **error);

/* Following other connections' commits (trellis-store-watch.c) */
TrellisStoreWatch *trellis_store_watch_new  (TrellisStore      *store);
void               trellis_store_watch_free (TrellisStoreWatch *watch);

/* What guesses at @username's password are counted under (trellis-store-sign-in.c) */
char         *trellis_store_guess_key        (const char    *username);

/* For the sign-in tests: a clock they can move. */
void          trellis_store_set_clock        (TrellisStore  *self,
                                              gint64       (*clock) (void));

/* For the migration tests: open and migrate no further than @version. */
TrellisStore *trellis_store_open_at_version  (const char    *path,
                                              guint          version,
                                              GError       **error);

/* For the query-plan test: the SQL of every statement the store has prepared. */
GStrv         trellis_store_dup_statements   (TrellisStore  *self);

G_END_DECLS
