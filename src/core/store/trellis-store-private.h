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
#include "trellis-keys.h"
#include "trellis-permission.h"
#include "trellis-store.h"
#include "trellis-transaction.h"

G_BEGIN_DECLS

typedef struct _TrellisStoreWatch TrellisStoreWatch;

/* A change waiting for the outermost commit (trellis_store_queue_change()). */
typedef struct
{
  TrellisRecordKind kind;
  gint64            id;
} TrellisPendingChange;

struct _TrellisStore
{
  GObject            parent_instance;

  char              *path;
  TrellisSqlite     *db;
  guint              depth;         /* open transaction and savepoint levels */
  GArray            *pending;       /* PendingChange: emitted after the outermost commit */
  TrellisClock      *clock;         /* the context's, or the store's own real clock */
  char              *file_key;      /* "device:inode" in the registry of open stores */
  guint              target_version; /* the schema the store brings its database up to */
  TrellisSqliteOpenFlags backend_flags; /* how its connection was opened */

  /* encryption (trellis-store-keyring.c): NULL keyring for a home made before it */
  TrellisSqlite     *keyring;
  guint8             file_id[16];
  TrellisSecret     *data_key;      /* while unsealed: the home's key, in guarded memory */
  TrellisSecret     *page_key;      /* derived from it for the database's pages */
  TrellisSecret     *audit_key;     /* ... and for the audit trail's MACs */
  char              *recovery_text; /* a new home's recovery key, until it is taken */
  int                making_fd;     /* the flock that says this store is making the home */
  gboolean           audit_pending; /* refused sign-ins kept in the keyring for the trail */
  GHashTable        *sessions;      /* staff ids signed in and not locked, in this process */

  /* other connections' commits (trellis_store_watch()) */
  guint              n_watchers;
  TrellisStoreWatch *watch;
  gint64             data_version;

  /* the worker (trellis-store-worker.c): a thread of its own with a connection of its own,
   * for the _async calls the UI makes */
  GThreadPool       *worker_pool;   /* one exclusive thread: jobs run one at a time */
  TrellisStore      *worker;        /* the worker's store, touched only by the worker thread */
  guint              n_in_flight;   /* jobs pushed and not yet delivered (main thread) */
  gint               n_commits;     /* atomic: outermost commits on this connection */
  gboolean           is_worker;     /* this is a worker's store: keeps its changes in
                                     * @delivered for the main thread, emits nothing */
  gboolean           no_worker;     /* run jobs on this connection, in an idle */
  GArray            *delivered;     /* TrellisPendingChange, on a worker's store */
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
gboolean      trellis_store_audit_row        (TrellisStore  *self,
                                              gint64         staff_id,
                                              const char    *action,
                                              gint64         child_id,
                                              const char    *detail,
                                              gint64        *id,
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
/* The transaction of a change to a child's file by whoever may change their details (their
 * Link Worker now, or a Manager); *@child: the child as stored, the caller's to free. */
TrellisTransaction *
              trellis_store_begin_for_child  (TrellisStore  *self,
                                              TrellisStaff  *actor,
                                              gint64         child_id,
                                              TrellisChild **child,
                                              GError       **error);
/* A day something happened to @child: one that has come, and not before they were born. */
gboolean      trellis_store_check_day_happened (TrellisStore *self,
                                              TrellisChild  *child,
                                              GDateTime     *day,
                                              GError       **error);

/* A change to a child's file, by their Link Worker or a Manager; notes kept brief; a day
 * that has happened and not before the child was born (trellis-store-health.c, for every
 * area of the file). */
gboolean      trellis_store_check_brief       (const char     *text,
                                                gboolean        required,
                                                const char     *label,
                                                const char     *missing,
                                                guint           max_chars,
                                                const char     *too_long,
                                                GError        **error);
/* As trellis_store_check_day_happened(), up to @latest (a day to come, for what is booked) */
gboolean      trellis_store_check_day_by      (TrellisChild   *child,
                                                GDateTime      *day,
                                                GDateTime      *latest,
                                                GError        **error);

/* A checked backup at @path, audited as @actor's, who may make it (trellis-store-backup.c) */
gboolean      trellis_store_write_backup     (TrellisStore  *self,
                                              TrellisStaff  *actor,
                                              const char    *path,
                                              GError       **error);

/* For the home and the accounts: a new account's row, its names checked. */
TrellisStaff *trellis_store_insert_staff     (TrellisStore  *self,
                                              const char    *username,
                                              const char    *display_name,
                                              TrellisRole    role,
                                              const char    *password_hash,
                                              gboolean       must_change_password,
                                              GError       **error);

/* Encryption (trellis-store-keyring.c) */
/* The database's password_hash of an account whose password is its copy of the data key
 * in the keyring: it has a password, and no hash of it. */
#define TRELLIS_STORE_HASH_IN_KEYRING "keyring"

char         *trellis_store_dup_keyring_path (const char    *path);
gboolean      trellis_store_make_private_file (const char   *path,
                                              GError       **error);
void          trellis_store_remove_with_journals (const char *path);
/* What the sign-in page may read before anyone signs in: the keyring's copy of the home
 * and the accounts while an encrypted home is sealed, the database otherwise. */
TrellisSqlite *trellis_store_read_db         (TrellisStore  *self);
gboolean      trellis_store_open_keyring     (TrellisStore  *self,
                                              TrellisSqliteOpenFlags flags,
                                              gboolean       plain,
                                              GError       **error);
void          trellis_store_begin_session    (TrellisStore  *self,
                                              gint64         staff_id);
gboolean      trellis_store_unseal           (TrellisStore  *self,
                                              TrellisSecret *data_key,
                                              GError       **error);
gboolean      trellis_store_keyring_copy     (TrellisStore  *self,
                                              gint64         staff_id,
                                              gboolean       home,
                                              GError       **error);
gboolean      trellis_store_keyring_flush    (TrellisStore  *self,
                                              GError       **error);
gboolean      trellis_store_keyring_check_head (TrellisStore *self,
                                              gint64         last_id,
                                              const char    *last_hash,
                                              gint64        *first_broken,
                                              GError       **error);
void          trellis_store_keyring_follow   (TrellisStore  *self,
                                              GArray        *pending);
gboolean      trellis_store_keyring_wrap     (TrellisStore  *self,
                                              gint64         staff_id,
                                              TrellisPasswordKey *password_key,
                                              GError       **error);
TrellisSecret *trellis_store_keyring_unwrap  (GBytes        *wrapped,
                                              gint64         staff_id,
                                              const char    *password,
                                              GError       **error);
gboolean      trellis_store_keyring_make_recovery (TrellisStore *self,
                                              GError       **error);
gboolean      trellis_store_encrypt_home     (TrellisStore  *self,
                                              gint64         admin_id,
                                              TrellisPasswordKey *admin_key,
                                              GError       **error);

/* Following other connections' commits (trellis-store-watch.c) */
TrellisStoreWatch *trellis_store_watch_new  (TrellisStore      *store);
void               trellis_store_watch_free (TrellisStoreWatch *watch);

/* Accounts and passwords, shared by trellis-store-sign-in.c and trellis-store-passwords.c */
gboolean      trellis_store_read_account     (TrellisStore          *self,
                                              gint64                 id,
                                              TrellisAccount        *account,
                                              GError               **error);
gboolean      trellis_store_update_account   (TrellisStore          *self,
                                              const TrellisAccount  *account,
                                              const char            *new_hash,
                                              int                    must_change,
                                              gboolean               locked,
                                              gint64                 audit_staff_id,
                                              const char            *action,
                                              const char            *detail,
                                              GError               **error);
gboolean      trellis_store_verify_counted   (TrellisStore          *self,
                                              const TrellisAccount  *account,
                                              const char            *password,
                                              const char            *wrong,
                                              GError               **error);

/* What guesses at @username's password are counted under (trellis-store-sign-in.c) */
char         *trellis_store_guess_key        (const char    *username);

/* The worker (trellis-store-worker.c). A job is a synchronous store call run on the
 * worker's own store: it returns its result, or sets @error. */
typedef gpointer (*TrellisStoreJobFunc) (TrellisStore  *store,
                                         gpointer       data,
                                         GError       **error);

void          trellis_store_run_async        (TrellisStore         *self,
                                              TrellisStoreJobFunc   func,
                                              gpointer              data,
                                              GDestroyNotify        data_free,
                                              GDestroyNotify        result_free,
                                              GCancellable         *cancellable,
                                              gpointer              source_tag,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gpointer      trellis_store_run_finish       (TrellisStore         *self,
                                              GAsyncResult         *result,
                                              gpointer              source_tag,
                                              GError              **error);
/* A job that makes a record answers its id (g_free() as the answer's free function) */
gpointer      trellis_store_id_answer        (gint64                id);
gint64        trellis_store_run_finish_id    (TrellisStore         *self,
                                              GAsyncResult         *result,
                                              gpointer              source_tag,
                                              GError              **error);
/* The @data the job was given: for a _finish that copies results back to the caller's
 * objects on the caller's thread. */
gpointer      trellis_store_run_get_data     (GAsyncResult         *result);

/* What a job that only reads is asked: who asks, about which row (a child's id …), and
 * optionally the text to find and how many rows to answer with. The data of such _async
 * calls, freed with trellis_store_query_free(). */
typedef struct
{
  TrellisStaff *actor;
  gint64        id;
  char         *text;
  guint         limit;
} TrellisStoreQuery;

TrellisStoreQuery *trellis_store_query_new   (TrellisStaff         *actor,
                                              gint64                id,
                                              const char           *text,
                                              guint                 limit);
void          trellis_store_query_free       (TrellisStoreQuery    *query);
void          trellis_store_worker_free      (TrellisStore         *self);

/* For the tests: without a worker, jobs run on the main connection in an idle. */
void          trellis_store_set_use_worker   (TrellisStore         *self,
                                              gboolean              use_worker);

/* Network file systems, which the store refuses (trellis-store.c) */
const char   *trellis_store_network_filesystem  (gint64         type);
void          trellis_store_set_filesystem_probe (gint64       (*probe) (const char *dir));

/* For the migration tests: open and migrate no further than @version. */
TrellisStore *trellis_store_open_at_version  (const char    *path,
                                              guint          version,
                                              GError       **error);

/* For the tests that read back through a connection of their own: a URI that opens the
 * database (an encrypted one with its key, while the store has it open). */
char         *trellis_store_dup_raw_uri_for_tests (TrellisStore *self);
/* The store this process has open for @path, or NULL; never opens one. */
TrellisStore *trellis_store_lookup_open (const char   *path);

/* For the children list's tests: how many page reads it has started on the worker. */
guint         trellis_child_list_get_n_page_loads (TrellisChildList *self);

/* For the query-plan test: the SQL of every statement the store has prepared. */
GStrv         trellis_store_dup_statements   (TrellisStore  *self);

G_END_DECLS
