/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store.c: connection, migrations, transactions and the record queries
 *
 * Everything that speaks SQL lives under src/core/store. Callers get GObjects and
 * GListModels; after each commit the store emits ::changed so every open view refreshes
 * itself instead of polling.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "trellis-child-list.h"
#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-password.h"
#include "trellis-store-private.h"

#define MIGRATIONS_PATH "/io/github/trellis/Trellis/store/migrations"

struct _TrellisStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt, prepared once */
  guint       depth;        /* open transaction and savepoint levels */
  GArray     *pending;      /* PendingChange: emitted after the outermost commit */
  gint64    (*clock) (void); /* µs since 1970; tests move time forward */
  char       *file_key;     /* "device:inode" in the registry of open stores */
  gboolean    brief;        /* TRELLIS_STORE_OPEN_BRIEF */

  /* other connections' commits (trellis_store_watch()) */
  guint              n_watchers;
  TrellisStoreWatch *watch;
  gint64             data_version;
};

typedef struct
{
  const char *table;        /* a static string */
  gint64      id;
} PendingChange;

G_DEFINE_FINAL_TYPE (TrellisStore, trellis_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stmt_finalize (gpointer data)
{
  sqlite3_finalize (data);
}

gboolean
trellis_store_set_error (TrellisStore  *self,
                         GError       **error)
{
  int code = sqlite3_extended_errcode (self->db);

  if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                 _("“%s” is not a Trellis database, or it is damaged"), self->path);
  else if ((code & 0xff) == SQLITE_BUSY)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_DATABASE,
                 _("The database is busy in another program; try again in a moment"));
  else
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_DATABASE,
                 _("The database refused the change: %s"), sqlite3_errmsg (self->db));

  return FALSE;
}

/* A prepared statement, cached for the store's life, reset and ready to bind. */
sqlite3_stmt *
trellis_store_prepare (TrellisStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      trellis_store_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec (TrellisStore  *self,
      const char    *sql,
      GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return trellis_store_set_error (self, error);
  return TRUE;
}

/* Runs a statement that returns no rows and leaves it ready for next time. */
static gboolean
step_done (TrellisStore  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return trellis_store_set_error (self, error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           GDateTime    *date)
{
  g_autofree char *iso = trellis_date_to_iso (date);
  bind_text (stmt, index, iso);
}

static GDateTime *
column_date (sqlite3_stmt *stmt,
             int           column)
{
  return trellis_date_from_iso ((const char *) sqlite3_column_text (stmt, column));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* One signal per table a transaction touched: with its row when it changed one row, with 0
 * ("several rows") when it changed more, so a bulk import or the demo generator makes every
 * open list reload once rather than once per row. */
static void
flush_pending (TrellisStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *c = &g_array_index (pending, PendingChange, i);
      PendingChange *seen = g_hash_table_lookup (tables, c->table);

      if (seen == NULL)
        {
          g_hash_table_insert (tables, (gpointer) c->table, c);
          g_ptr_array_add (order, c);
        }
      else if (seen->id != c->id)
        seen->id = 0;
    }

  for (guint i = 0; i < order->len; i++)
    {
      PendingChange *c = g_ptr_array_index (order, i);
      g_signal_emit (self, signals[CHANGED], 0, c->table, c->id);
    }
}

static void
queue_change (TrellisStore *self,
              const char   *table,
              gint64        id)
{
  PendingChange change = { table, id };

  g_array_append_val (self->pending, change);
  if (self->depth == 0)
    flush_pending (self);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE, the inner ones savepoints, so a
 * store call that makes several rows is one transaction on its own and part of the
 * caller's when there is one (the demo generator writes thousands in one). */
gboolean
trellis_store_begin (TrellisStore  *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT level%u", self->depth);
  if (!exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
trellis_store_commit (TrellisStore  *self,
                      GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE level%u", self->depth - 1);
  if (!exec (self, sql, error))
    {
      trellis_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  if (self->depth == 0)
    flush_pending (self);

  return TRUE;
}

void
trellis_store_rollback (TrellisStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    {
      sql = g_strdup ("ROLLBACK");
      g_array_set_size (self->pending, 0);
    }
  else
    sql = g_strdup_printf ("ROLLBACK TO level%u; RELEASE level%u", self->depth, self->depth);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->db));
}

/* ---- other connections' commits -------------------------------------------------- */

static gint64
read_data_version (TrellisStore *self)
{
  sqlite3_stmt *stmt = trellis_store_prepare (self, "PRAGMA data_version", NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

/**
 * trellis_store_check_for_changes:
 *
 * Asks SQLite whether another connection (trellisctl, another Trellis) committed since the
 * store last looked. If one did, every open view reloads: ::changed is emitted for each
 * table with id 0, "several rows".
 *
 * Returns: %TRUE when another connection had committed.
 */
gboolean
trellis_store_check_for_changes (TrellisStore *self)
{
  static const char * const tables[] = { "home", "staff", "child", "audit" };
  gint64 version;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  /* inside our own transaction the answer would be about our own snapshot: look later */
  if (self->depth > 0)
    return FALSE;

  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;

  self->data_version = version;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    queue_change (self, tables[i], 0);
  return TRUE;
}

/**
 * trellis_store_watch:
 *
 * While at least one caller watches (a window showing the home), commits by other programs
 * are noticed within a second and announced with ::changed. Pair with
 * trellis_store_unwatch().
 */
void
trellis_store_watch (TrellisStore *self)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  if (self->n_watchers++ == 0)
    self->watch = trellis_store_watch_new (self);
}

void
trellis_store_unwatch (TrellisStore *self)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (self->n_watchers > 0);

  if (--self->n_watchers == 0)
    g_clear_pointer (&self->watch, trellis_store_watch_free);
}

static void forget_open_store (TrellisStore *self);

static void
trellis_store_finalize (GObject *object)
{
  TrellisStore *self = (TrellisStore *)object;

  forget_open_store (self);
  g_clear_pointer (&self->watch, trellis_store_watch_free);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* a brief connection copies what it wrote into the database file, so a copy of home.db
   * alone is whole, but leaves the -wal and -shm for whoever else may be reading them */
  if (self->db != NULL && self->brief)
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file_key, g_free);

  G_OBJECT_CLASS (trellis_store_parent_class)->finalize (object);
}

static void
trellis_store_class_init (TrellisStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_store_finalize;

  /**
   * TrellisStore::changed:
   * @table: the table that changed ("child", "staff", "home")
   * @id: the row that changed, or 0 when the transaction changed several rows of @table
   *
   * Emitted after the change is committed, once per table.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_INT64);
}

static void
trellis_store_init (TrellisStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_finalize);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->clock = g_get_real_time;
}

/* ---- migrations ---------------------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);

  g_assert (names != NULL);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));
  g_ptr_array_sort (sorted, compare_names);

  /* migration NNNN must be the NNNN-th file: a gap would skip a schema change */
  for (guint i = 0; i < sorted->len; i++)
    g_assert (g_ascii_strtoull (g_ptr_array_index (sorted, i), NULL, 10) == i + 1);

  return sorted;
}

guint
trellis_store_get_latest_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  return migrations->len;
}

static int
read_user_version (TrellisStore *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

static gboolean
migrate (TrellisStore  *self,
         guint          target,
         GError       **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  int current = read_user_version (self);

  if (current < 0)
    return trellis_store_set_error (self, error);

  if ((guint) current > migrations->len)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_DATABASE_TOO_NEW,
                   _("“%s” was made by a newer version of Trellis (schema %d; this version "
                     "understands up to %u). Update Trellis to open it."),
                   self->path, current, migrations->len);
      return FALSE;
    }

  for (guint i = current; i < MIN (target, migrations->len); i++)
    {
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH,
                                            (char *) g_ptr_array_index (migrations, i), NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!trellis_store_begin (self, error))
        return FALSE;
      if (!exec (self, sql, error) || !exec (self, set_version, error))
        {
          trellis_store_rollback (self);
          g_prefix_error (error, _("Could not upgrade the database to schema %u: "), i + 1);
          return FALSE;
        }
      if (!trellis_store_commit (self, error))
        return FALSE;

      g_debug ("Applied migration %s", (char *) g_ptr_array_index (migrations, i));
    }

  return TRUE;
}

/* ---- opening ------------------------------------------------------------------------- */

static gboolean
prepare_file (const char             *path,
              TrellisStoreOpenFlags   flags,
              GError                **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                       _("“%s” is a folder, not a Trellis database"), path);
          return FALSE;
        }
      /* a database copied in with loose permissions is tightened: it holds children's records */
      g_chmod (path, 0600);
      return TRUE;
    }

  if (!(flags & TRELLIS_STORE_OPEN_CREATE))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("There is no database at “%s”"), path);
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  return TRUE;
}

/* One connection per database file per process: the stores open now, by "device:inode",
 * so opening a file that is open already gives the same store. Two connections to one file
 * in one process would hold their locks through different open files (see
 * trellis-sqlite-locks.c) and could refuse each other; one store also tells every window of
 * the process about every change at once. */
G_LOCK_DEFINE_STATIC (open_stores);
static GHashTable *open_stores;   /* file key -> GWeakRef to a TrellisStore */

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static char *
dup_file_key (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st.st_dev, (guint64) st.st_ino);
}

/* Called with the lock held. */
static TrellisStore *
lookup_open_store (const char *key)
{
  GWeakRef *ref;

  if (open_stores == NULL || key == NULL)
    return NULL;
  ref = g_hash_table_lookup (open_stores, key);
  return ref != NULL ? g_weak_ref_get (ref) : NULL;
}

/* Called with the lock held. */
static void
remember_open_store (TrellisStore *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  if (self->file_key == NULL)
    return;
  if (open_stores == NULL)
    open_stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, weak_ref_free);
  g_weak_ref_init (ref, self);
  g_hash_table_replace (open_stores, g_strdup (self->file_key), ref);
}

static void
forget_open_store (TrellisStore *self)
{
  g_autoptr(TrellisStore) current = NULL;

  if (self->file_key == NULL)
    return;

  G_LOCK (open_stores);
  /* the entry may already name a newer store of the same file: leave that one */
  current = lookup_open_store (self->file_key);
  if (current == NULL && open_stores != NULL)
    g_hash_table_remove (open_stores, self->file_key);
  G_UNLOCK (open_stores);
}

static TrellisStore *
open_connection (const char             *path,
                 const char             *file_key,
                 TrellisStoreOpenFlags   flags,
                 guint                   target_version,
                 GError                **error)
{
  g_autoptr(TrellisStore) self = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *check = NULL;

  self = g_object_new (TRELLIS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL)
      != SQLITE_OK)
    {
      trellis_store_set_error (self, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  if (flags & TRELLIS_STORE_OPEN_BRIEF)
    {
      /* never the one that checkpoints on close and removes the -wal and -shm */
      self->brief = TRUE;
      sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    }

  /* The first statement reads the file: a file that is not a database fails here. */
  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      trellis_store_set_error (self, error);
      return NULL;
    }
  check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CORRUPT,
                   _("“%s” is damaged (the integrity check found: %s). Restore it from a "
                     "backup."), path, check);
      return NULL;
    }

  if (!migrate (self, target_version, error))
    return NULL;

  self->data_version = read_data_version (self);
  self->file_key = g_strdup (file_key);
  return g_steal_pointer (&self);
}

static TrellisStore *
open_store (const char             *path,
            TrellisStoreOpenFlags   flags,
            guint                   target_version,
            GError                **error)
{
  g_autoptr(TrellisStore) self = NULL;
  g_autofree char *file_key = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!prepare_file (path, flags, error))
    return NULL;

  /* before this process opens its first connection */
  trellis_sqlite_use_ofd_locks ();

  file_key = dup_file_key (path);
  G_LOCK (open_stores);
  self = lookup_open_store (file_key);
  if (self == NULL)
    {
      self = open_connection (path, file_key, flags, target_version, error);
      if (self != NULL)
        remember_open_store (self);
      G_UNLOCK (open_stores);
      return g_steal_pointer (&self);
    }
  G_UNLOCK (open_stores);

  /* open already: the same store, brought up to the schema asked for */
  if (target_version < trellis_store_get_schema_version (self))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("“%s” is open already with a newer schema"), path);
      return NULL;
    }
  if (!migrate (self, target_version, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * trellis_store_open:
 * @path: the database file
 * @flags: whether a missing file may be created
 *
 * Opens a home's database, creating it (mode 0600) when allowed, checks its integrity
 * and brings its schema up to date. Refuses a database from a newer Trellis. A file this
 * process has open already gives the same store, with a new reference.
 */
TrellisStore *
trellis_store_open (const char             *path,
                    TrellisStoreOpenFlags   flags,
                    GError                **error)
{
  return open_store (path, flags, G_MAXUINT, error);
}

TrellisStore *
trellis_store_open_at_version (const char  *path,
                               guint        version,
                               GError     **error)
{
  return open_store (path, TRELLIS_STORE_OPEN_CREATE, version, error);
}

const char *
trellis_store_get_path (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return self->path;
}

guint
trellis_store_get_schema_version (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);
  return MAX (read_user_version (self), 0);
}

/* ---- who is acting ------------------------------------------------------------------- */

static TrellisStaff *lookup_staff_by_id (TrellisStore *self, gint64 id);

/* Every record call names who makes it; trellis_permission_check() decides, on the account
 * as it is now in the database, so a role changed or an account marked as left takes effect
 * at once even for a window that signed in before. */
gboolean
trellis_store_check_actor (TrellisStore   *self,
                           TrellisStaff   *actor,
                           TrellisAction   action,
                           gint64          link_worker_id,
                           GError        **error)
{
  g_autoptr(TrellisStaff) current = NULL;

  if (actor == NULL || !TRELLIS_IS_STAFF (actor))
    return trellis_permission_check (NULL, action, link_worker_id, error);

  current = lookup_staff_by_id (self, trellis_staff_get_id (actor));
  return trellis_permission_check (current != NULL ? current : actor, action, link_worker_id,
                                   error) && current != NULL;
}

/* ---- the audit trail ----------------------------------------------------------------- */

static char *
audit_hash (gint64      id,
            const char *prev_hash,
            const char *at,
            gint64      staff_id,
            const char *action,
            gint64      child_id,
            const char *detail)
{
  g_autofree char *content = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%" G_GINT64_FORMAT "|%s|%"
                                              G_GINT64_FORMAT "|%s", id, prev_hash, at, staff_id,
                                              action, child_id, detail);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
}

/* Appends one row to the audit trail, chained to the row before. Callers are inside a
 * transaction, or this is one on its own. */
static gboolean
audit (TrellisStore  *self,
       gint64         staff_id,
       const char    *action,
       gint64         child_id,
       const char    *detail,
       GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (self->clock () / G_USEC_PER_SEC);
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 1;
  sqlite3_stmt *stmt;

  if (!trellis_store_begin (self, error))
    return FALSE;

  stmt = trellis_store_prepare (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    goto failed;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0) + 1;
      prev = g_strdup (column_text (stmt, 1));
    }
  else
    prev = g_strdup ("");
  sqlite3_reset (stmt);

  hash = audit_hash (id, prev, at, staff_id, action, child_id, detail != NULL ? detail : "");
  stmt = trellis_store_prepare (self,
                                "INSERT INTO audit (id, at, staff_id, action, child_id, detail, "
                                "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, at);
  if (staff_id > 0)
    sqlite3_bind_int64 (stmt, 3, staff_id);
  bind_text (stmt, 4, action);
  if (child_id > 0)
    sqlite3_bind_int64 (stmt, 5, child_id);
  bind_text (stmt, 6, detail != NULL ? detail : "");
  bind_text (stmt, 7, prev);
  bind_text (stmt, 8, hash);
  if (!step_done (self, stmt, error))
    goto failed;

  queue_change (self, "audit", id);
  return trellis_store_commit (self, error);

failed:
  trellis_store_rollback (self);
  return FALSE;
}

/* For the store's other files (trellis-store-<area>.c). */
gboolean
trellis_store_audit (TrellisStore  *self,
                     TrellisStaff  *actor,
                     const char    *action,
                     gint64         child_id,
                     const char    *detail,
                     GError       **error)
{
  return audit (self, actor != NULL ? trellis_staff_get_id (actor) : 0, action, child_id, detail,
                error);
}

void
trellis_store_queue_change (TrellisStore *self,
                            const char   *table,
                            gint64        id)
{
  queue_change (self, table, id);
}

/**
 * trellis_store_verify_audit:
 * @first_broken: (out): the id of the first row whose chain is broken, 0 when none is
 * @n_rows: (out) (optional): how many rows were checked
 *
 * Recomputes every row's hash. Returns: %TRUE when the whole chain holds.
 */
gboolean
trellis_store_verify_audit (TrellisStore  *self,
                            TrellisStaff  *actor,
                            gint64        *first_broken,
                            guint         *n_rows,
                            GError       **error)
{
  g_autofree char *prev = g_strdup ("");
  sqlite3_stmt *stmt;
  gint64 expected_id = 1;
  guint count = 0;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (first_broken != NULL, FALSE);

  *first_broken = 0;
  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_AUDIT, 0, error))
    return FALSE;

  stmt = trellis_store_prepare (self,
                                "SELECT id, at, coalesce(staff_id, 0), action, "
                                "coalesce(child_id, 0), detail, prev_hash, hash "
                                "FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *hash = audit_hash (id, column_text (stmt, 6), column_text (stmt, 1),
                                          sqlite3_column_int64 (stmt, 2), column_text (stmt, 3),
                                          sqlite3_column_int64 (stmt, 4), column_text (stmt, 5));

      count++;
      /* a deleted row leaves a gap; an edited row no longer matches its hash; a row edited
       * together with its hash no longer matches the next row's prev_hash */
      if (id != expected_id || !g_str_equal (prev, column_text (stmt, 6)) ||
          !g_str_equal (hash, column_text (stmt, 7)))
        {
          *first_broken = id != expected_id ? expected_id : id;
          break;
        }
      g_free (prev);
      prev = g_strdup (column_text (stmt, 7));
      expected_id++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return trellis_store_set_error (self, error);
  if (n_rows != NULL)
    *n_rows = count;
  return *first_broken == 0;
}

/* "%text%" for LIKE, with the wildcards a person might type matched as themselves. */
static char *
audit_like_pattern (const char *text)
{
  GString *s = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* Codes (nicks, field names: [a-z-]) as a JSON array for json_each(). */
static char *
audit_codes_json (GStrv codes)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_assert (strpbrk (codes[i], "\"\\") == NULL);
      g_string_append_printf (s, "%s\"%s\"", i > 0 ? "," : "", codes[i]);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/**
 * trellis_store_list_audit:
 * @child_id: one child's trail, or 0 for everything
 * @search: (nullable): text that must appear, ignoring case, in who did it, the child's
 *   name, the account or Link Worker the row is about, or the words that say what was done
 *   and why ("Opened the record", "First Link Worker", "Date of birth"), or that is the
 *   action's code ("sign-in-failed")
 *
 * The newest @limit rows, newest first. The words are turned into the codes the trail
 * stores here, so the search runs in SQL whatever the language.
 */
GListModel *
trellis_store_list_audit (TrellisStore  *self,
                          TrellisStaff  *actor,
                          gint64         child_id,
                          const char    *search,
                          guint          limit,
                          GError       **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_AUDIT, 0, error))
    return NULL;

  /* The account a row is about is its detail ("username"), or the new Link Worker's in
   * "username (reason)"; ?3 is matched against the child's case-folded search key. */
  stmt = trellis_store_prepare (self,
                                "SELECT a.id, a.at, coalesce(s.display_name, ''), a.action, "
                                "coalesce(a.child_id, 0), "
                                "coalesce(nullif(c.preferred_name, ''), c.given_name, '') || "
                                "coalesce(' ' || c.family_name, ''), a.detail, "
                                "coalesce(t.display_name, '') "
                                "FROM audit a LEFT JOIN staff s ON s.id = a.staff_id "
                                "LEFT JOIN child c ON c.id = a.child_id "
                                "LEFT JOIN staff t ON t.username = (CASE "
                                "WHEN a.action = 'assign-link-worker' AND "
                                "instr(a.detail, ' (') > 0 "
                                "THEN substr(a.detail, 1, instr(a.detail, ' (') - 1) "
                                "WHEN a.action IN ('add-staff', 'reset-password', 'unlock-staff', "
                                "'staff-left', 'restore-staff') THEN a.detail END) "
                                "WHERE (?1 = 0 OR a.child_id = ?1) AND (?2 IS NULL OR "
                                "s.display_name LIKE ?2 ESCAPE '\\' OR "
                                "s.username LIKE ?2 ESCAPE '\\' OR "
                                "t.display_name LIKE ?2 ESCAPE '\\' OR "
                                "t.username LIKE ?2 ESCAPE '\\' OR "
                                "c.search_key LIKE ?3 ESCAPE '\\' OR "
                                "a.action = ?4 COLLATE NOCASE OR "
                                "a.action IN (SELECT value FROM json_each(?5)) OR "
                                "(a.action = 'assign-link-worker' AND EXISTS (SELECT 1 FROM "
                                "json_each(?6) r WHERE a.detail LIKE '% (' || r.value || ')')) OR "
                                "(a.action = 'edit-child' AND EXISTS (SELECT 1 FROM "
                                "json_each(?7) f WHERE ',' || a.detail || ',' LIKE "
                                "'%,' || f.value || ',%'))) "
                                "ORDER BY a.id DESC LIMIT ?8", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, child_id);
  if (search != NULL)
    text = g_strstrip (g_strdup (search));
  if (text != NULL && *text != '\0')
    {
      g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
      g_autofree char *pattern = audit_like_pattern (text);
      g_autofree char *folded_pattern = audit_like_pattern (folded);
      g_auto(GStrv) actions = trellis_audit_actions_matching (text);
      g_auto(GStrv) reasons = trellis_change_reasons_matching (text);
      g_auto(GStrv) fields = trellis_audit_fields_matching (text);
      g_autofree char *actions_json = audit_codes_json (actions);
      g_autofree char *reasons_json = audit_codes_json (reasons);
      g_autofree char *fields_json = audit_codes_json (fields);

      bind_text (stmt, 2, pattern);
      bind_text (stmt, 3, folded_pattern);
      bind_text (stmt, 4, text);
      bind_text (stmt, 5, actions_json);
      bind_text (stmt, 6, reasons_json);
      bind_text (stmt, 7, fields_json);
    }
  else
    for (int i = 2; i <= 7; i++)
      sqlite3_bind_null (stmt, i);
  sqlite3_bind_int64 (stmt, 8, limit);

  list = g_list_store_new (TRELLIS_TYPE_AUDIT_ENTRY);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (column_text (stmt, 1), NULL);
      g_autoptr(TrellisAuditEntry) entry =
        trellis_audit_entry_new (sqlite3_column_int64 (stmt, 0), at, column_text (stmt, 2),
                                 column_text (stmt, 3), sqlite3_column_int64 (stmt, 4),
                                 column_text (stmt, 5), column_text (stmt, 6),
                                 column_text (stmt, 7));
      g_list_store_append (list, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* ---- home and staff ------------------------------------------------------------------ */

gboolean
trellis_store_has_home (TrellisStore *self)
{
  g_autoptr(TrellisHome) home = trellis_store_get_home (self, NULL);
  return home != NULL;
}

TrellisHome *
trellis_store_get_home (TrellisStore  *self,
                        GError       **error)
{
  sqlite3_stmt *stmt;
  TrellisHome *home = NULL;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  stmt = trellis_store_prepare (self, "SELECT name, is_demo FROM home WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    home = trellis_home_new (column_text (stmt, 0), sqlite3_column_int (stmt, 1));
  else if (rc == SQLITE_DONE)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NO_HOME,
                 _("The database “%s” has no home yet"), self->path);
  else
    trellis_store_set_error (self, error);
  sqlite3_reset (stmt);

  return home;
}

static TrellisStaff *
staff_from_row (sqlite3_stmt *stmt)
{
  int role = trellis_enum_from_nick (TRELLIS_TYPE_ROLE, column_text (stmt, 3));

  TrellisStaff *staff = trellis_staff_new (sqlite3_column_int64 (stmt, 0),
                                          column_text (stmt, 1),
                                          column_text (stmt, 2),
                                          role < 0 ? TRELLIS_ROLE_VISITOR : role,
                                          sqlite3_column_int (stmt, 4));

  trellis_staff_set_locked (staff, sqlite3_column_int (stmt, 5));
  return staff;
}

#define STAFF_COLUMNS "id, username, display_name, role, active, locked"

/* The name, then the username, in the order of the forms that ask for them. */
static gboolean
check_staff_names (const char  *username,
                   const char  *display_name,
                   GError     **error)
{
  g_autofree char *user = g_strstrip (g_strdup (username ? username : ""));
  g_autofree char *name = g_strstrip (g_strdup (display_name ? display_name : ""));

  if (*name == '\0')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("Enter the person’s name"));
      return FALSE;
    }
  if (*user == '\0' || strpbrk (user, " \t\n") != NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Enter a username with no spaces"));
      return FALSE;
    }
  return TRUE;
}

static TrellisStaff *
insert_staff (TrellisStore  *self,
              const char    *username,
              const char    *display_name,
              TrellisRole    role,
              const char    *password_hash,
              gboolean       must_change,
              GError       **error)
{
  g_autofree char *user = g_strstrip (g_strdup (username ? username : ""));
  g_autofree char *name = g_strstrip (g_strdup (display_name ? display_name : ""));
  sqlite3_stmt *stmt;
  int rc;

  if (!check_staff_names (username, display_name, error))
    return NULL;

  stmt = trellis_store_prepare (self,
                                "INSERT INTO staff (username, display_name, role, password_hash, "
                                "must_change_password) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, user);
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, trellis_enum_to_nick (TRELLIS_TYPE_ROLE, role));
  bind_text (stmt, 4, password_hash);
  sqlite3_bind_int (stmt, 5, must_change);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_CONSTRAINT || (rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The username “%s” is already taken"), user);
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_error (self, error);
      return NULL;
    }

  queue_change (self, "staff", sqlite3_last_insert_rowid (self->db));
  return trellis_staff_new (sqlite3_last_insert_rowid (self->db), user, name, role, TRUE);
}

/**
 * trellis_store_create_home:
 * @admin_password: already hashed with trellis_password_hash()
 *
 * Creates the home and its first Administrator in one transaction. A database holds one
 * home; a second call fails.
 */
TrellisStaff *
trellis_store_create_home (TrellisStore  *self,
                           const char    *home_name,
                           gboolean       is_demo,
                           const char    *admin_display_name,
                           const char    *admin_username,
                           const char    *admin_password_hash,
                           GError       **error)
{
  g_autofree char *name = g_strstrip (g_strdup (home_name ? home_name : ""));
  g_autoptr(TrellisStaff) admin = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (*name == '\0')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("Enter the name of the home"));
      return NULL;
    }
  if (trellis_store_has_home (self))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("This database already belongs to a home"));
      return NULL;
    }

  if (!trellis_store_begin (self, error))
    return NULL;

  stmt = trellis_store_prepare (self, "INSERT INTO home (id, name, is_demo) VALUES (1, ?1, ?2)",
                                error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, is_demo);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_error (self, error);
      goto failed;
    }

  admin = insert_staff (self, admin_username, admin_display_name, TRELLIS_ROLE_ADMINISTRATOR,
                        admin_password_hash, FALSE, error);
  if (admin == NULL)
    goto failed;

  queue_change (self, "home", 1);
  if (!trellis_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&admin);

failed:
  trellis_store_rollback (self);
  return NULL;
}

TrellisStaff *
trellis_store_add_staff (TrellisStore  *self,
                         TrellisStaff  *actor,
                         const char    *username,
                         const char    *display_name,
                         TrellisRole    role,
                         const char    *password_hash,
                         gboolean       must_change_password,
                         GError       **error)
{
  g_autoptr(TrellisStaff) staff = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_MANAGE_STAFF, 0, error))
    return NULL;

  if (!trellis_store_begin (self, error))
    return NULL;
  staff = insert_staff (self, username, display_name, role, password_hash, must_change_password,
                        error);
  if (staff == NULL || !audit (self, trellis_staff_get_id (actor), "add-staff", 0, trellis_staff_get_username (staff),
                               error))
    {
      trellis_store_rollback (self);
      return NULL;
    }
  if (!trellis_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&staff);
}

/**
 * trellis_store_create_account:
 * @one_time_password: the password the person signs in with once, then must change
 *
 * An Administrator adds a member of staff.
 */
TrellisStaff *
trellis_store_create_account (TrellisStore  *self,
                              TrellisStaff  *actor,
                              const char    *username,
                              const char    *display_name,
                              TrellisRole    role,
                              const char    *one_time_password,
                              GError       **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (one_time_password != NULL, NULL);

  /* the fields in the order a person fills them in: name, username, then the password */
  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_MANAGE_STAFF, 0, error) ||
      !check_staff_names (username, display_name, error) ||
      !trellis_password_check_strength (one_time_password, username, error))
    return NULL;

  hash = trellis_password_hash (one_time_password, error);
  if (hash == NULL)
    return NULL;

  return trellis_store_add_staff (self, actor, username, display_name, role, hash, TRUE, error);
}

static TrellisStaff *
lookup_staff (TrellisStore  *self,
              const char    *sql,
              void         (*bind) (sqlite3_stmt *, gconstpointer),
              gconstpointer  key,
              GError       **error)
{
  sqlite3_stmt *stmt = trellis_store_prepare (self, sql, error);
  TrellisStaff *staff = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  bind (stmt, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    staff = staff_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND, _("No such member of staff"));
  else
    trellis_store_set_error (self, error);
  sqlite3_reset (stmt);

  return staff;
}

static void
bind_id (sqlite3_stmt  *stmt,
         gconstpointer  key)
{
  sqlite3_bind_int64 (stmt, 1, *(const gint64 *) key);
}

static void
bind_username (sqlite3_stmt  *stmt,
               gconstpointer  key)
{
  bind_text (stmt, 1, key);
}

static TrellisStaff *
lookup_staff_by_id (TrellisStore *self,
                    gint64        id)
{
  return lookup_staff (self, "SELECT " STAFF_COLUMNS " FROM staff WHERE id = ?1", bind_id, &id,
                       NULL);
}

TrellisStaff *
trellis_store_get_staff (TrellisStore  *self,
                         gint64         id,
                         GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return lookup_staff (self, "SELECT " STAFF_COLUMNS " FROM staff WHERE id = ?1",
                       bind_id, &id, error);
}

TrellisStaff *
trellis_store_lookup_staff (TrellisStore  *self,
                            const char    *username,
                            GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (username != NULL, NULL);
  return lookup_staff (self, "SELECT " STAFF_COLUMNS " FROM staff WHERE username = ?1",
                       bind_username, username, error);
}

static GListModel *
query_staff (TrellisStore  *self,
             const char    *sql,
             GError       **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = trellis_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (TRELLIS_TYPE_STAFF);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TrellisStaff) staff = staff_from_row (stmt);
      g_list_store_append (list, staff);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

GListModel *
trellis_store_list_staff (TrellisStore  *self,
                          TrellisStaff  *actor,
                          GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_STAFF, 0, error))
    return NULL;

  return query_staff (self, "SELECT " STAFF_COLUMNS " FROM staff "
                            "ORDER BY active DESC, display_name COLLATE NOCASE, id", error);
}

/* The people who can sign in, for the sign-in screen of the shared PC: names and roles
 * only, which everyone in the office knows anyway. */
GListModel *
trellis_store_list_sign_in_staff (TrellisStore  *self,
                                  GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  return query_staff (self, "SELECT " STAFF_COLUMNS " FROM staff "
                            "WHERE active = 1 AND password_hash IS NOT NULL "
                            "ORDER BY display_name COLLATE NOCASE, id", error);
}

/* ---- children ------------------------------------------------------------------------ */

TrellisChild *
trellis_store_child_from_row (sqlite3_stmt *stmt)
{
  TrellisChild *child = trellis_child_new ();
  g_autoptr(GDateTime) dob = column_date (stmt, 5);
  g_autoptr(GDateTime) admitted = column_date (stmt, 11);
  g_autoptr(GDateTime) left = column_date (stmt, 12);
  int status = trellis_enum_from_nick (TRELLIS_TYPE_LEGAL_STATUS, column_text (stmt, 9));

  trellis_child_set_id (child, sqlite3_column_int64 (stmt, 0));
  trellis_child_set_version (child, sqlite3_column_int (stmt, 1));
  trellis_child_set_given_name (child, column_text (stmt, 2));
  trellis_child_set_family_name (child, column_text (stmt, 3));
  trellis_child_set_preferred_name (child, column_text (stmt, 4));
  trellis_child_set_date_of_birth (child, dob);
  trellis_child_set_gender (child, column_text (stmt, 6));
  trellis_child_set_first_language (child, column_text (stmt, 7));
  trellis_child_set_religion (child, column_text (stmt, 8));
  trellis_child_set_legal_status (child, status < 0 ? TRELLIS_LEGAL_STATUS_UNKNOWN : status);
  trellis_child_set_placing_authority (child, column_text (stmt, 10));
  trellis_child_set_admission_date (child, admitted);
  trellis_child_set_leaving_date (child, left);
  if (sqlite3_column_type (stmt, 13) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) photo = g_bytes_new (sqlite3_column_blob (stmt, 13),
                                             sqlite3_column_bytes (stmt, 13));
      trellis_child_set_photo (child, photo);
    }
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    trellis_child_set_link_worker (child, sqlite3_column_int64 (stmt, 14), column_text (stmt, 15));

  return child;
}

static TrellisChild *
load_child (TrellisStore  *self,
            gint64         id,
            GError       **error)
{
  sqlite3_stmt *stmt;
  TrellisChild *child = NULL;
  int rc;

  stmt = trellis_store_prepare (self, "SELECT " TRELLIS_CHILD_COLUMNS " " TRELLIS_CHILD_FROM
                                "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    child = trellis_store_child_from_row (stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("There is no child with the number %s"), number);
    }
  else
    trellis_store_set_error (self, error);
  sqlite3_reset (stmt);

  return child;
}

/**
 * trellis_store_get_child:
 *
 * Reads a child's record without auditing a look: for refreshing a record that is on
 * screen already, or reading one to change it. A person opening a record is
 * trellis_store_view_child().
 */
TrellisChild *
trellis_store_get_child (TrellisStore  *self,
                         TrellisStaff  *actor,
                         gint64         id,
                         GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;

  return load_child (self, id, error);
}

/**
 * trellis_store_view_child:
 *
 * A person deliberately opens a child's record: read, and written to the audit trail as
 * one view.
 */
TrellisChild *
trellis_store_view_child (TrellisStore  *self,
                          TrellisStaff  *actor,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(TrellisChild) child = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  child = trellis_store_get_child (self, actor, id, error);
  if (child == NULL || !audit (self, trellis_staff_get_id (actor), "view-child", id, "", error))
    return NULL;

  return g_steal_pointer (&child);
}

/* Case-folded names and their ASCII spelling, searched with LIKE. */
static char *
make_search_key (TrellisChild *child)
{
  g_autofree char *names = g_strjoin (" ", trellis_child_get_given_name (child),
                                      trellis_child_get_family_name (child),
                                      trellis_child_get_preferred_name (child), NULL);
  g_autofree char *normal = g_utf8_normalize (names, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal, -1);
  g_autofree char *ascii = g_str_to_ascii (normal, "C");
  g_autofree char *ascii_lower = g_ascii_strdown (ascii, -1);

  return g_strjoin (" ", folded, ascii_lower, NULL);
}

static void
bind_child_fields (sqlite3_stmt *stmt,
                   TrellisChild *child,
                   gint64        actor_id)
{
  g_autofree char *search_key = make_search_key (child);

  bind_text (stmt, 1, trellis_child_get_given_name (child));
  bind_text (stmt, 2, trellis_child_get_family_name (child));
  bind_text (stmt, 3, trellis_child_get_preferred_name (child));
  bind_date (stmt, 4, trellis_child_get_date_of_birth (child));
  bind_text (stmt, 5, trellis_child_get_gender (child));
  bind_text (stmt, 6, trellis_child_get_first_language (child));
  bind_text (stmt, 7, trellis_child_get_religion (child));
  bind_text (stmt, 8, trellis_enum_to_nick (TRELLIS_TYPE_LEGAL_STATUS,
                                            trellis_child_get_legal_status (child)));
  bind_text (stmt, 9, trellis_child_get_placing_authority (child));
  bind_date (stmt, 10, trellis_child_get_admission_date (child));
  bind_date (stmt, 11, trellis_child_get_leaving_date (child));
  if (trellis_child_get_photo (child) != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (trellis_child_get_photo (child), &size);
      sqlite3_bind_blob64 (stmt, 12, data, size, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 12);
  bind_text (stmt, 13, search_key);
  sqlite3_bind_int64 (stmt, 14, actor_id);
}

/**
 * trellis_store_add_child:
 *
 * Validates and records a new child. On success the child's id and version are set.
 * Returns: the new id, or 0 with @error set.
 */
gint64
trellis_store_add_child (TrellisStore  *self,
                         TrellisStaff  *actor,
                         TrellisChild  *child,
                         GError       **error)
{
  g_autoptr(GDateTime) today = trellis_date_today ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), 0);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_ADD_CHILD, 0, error) ||
      !trellis_child_validate (child, today, error))
    return 0;

  if (!trellis_store_begin (self, error))
    return 0;

  stmt = trellis_store_prepare (self,
                                "INSERT INTO child (given_name, family_name, preferred_name, "
                                "date_of_birth, gender, first_language, religion, legal_status, "
                                "placing_authority, admission_date, leaving_date, photo, "
                                "search_key, created_by, updated_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                "?14, ?14)", error);
  if (stmt == NULL)
    goto failed;

  bind_child_fields (stmt, child, trellis_staff_get_id (actor));
  if (!step_done (self, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  if (!audit (self, trellis_staff_get_id (actor), "add-child", id, "", error))
    goto failed;
  queue_change (self, "child", id);
  if (!trellis_store_commit (self, error))
    return 0;

  trellis_child_set_id (child, id);
  trellis_child_set_version (child, 1);
  return id;

failed:
  trellis_store_rollback (self);
  return 0;
}

static gboolean
same_bytes (GBytes *a,
            GBytes *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && g_bytes_equal (a, b));
}

/* The names of the fields that differ, "gender,religion", or NULL when none does. */
static char *
changed_fields (TrellisChild *a,
                TrellisChild *b)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

#define STR(field, name) \
  if (!g_str_equal (trellis_child_get_##field (a), trellis_child_get_##field (b))) \
    g_ptr_array_add (names, (gpointer) name);
#define DATE(field, name) \
  if (!trellis_date_equal (trellis_child_get_##field (a), trellis_child_get_##field (b))) \
    g_ptr_array_add (names, (gpointer) name);

  STR (given_name, "given-name")
  STR (family_name, "family-name")
  STR (preferred_name, "preferred-name")
  DATE (date_of_birth, "date-of-birth")
  STR (gender, "gender")
  STR (first_language, "first-language")
  STR (religion, "religion")
  if (trellis_child_get_legal_status (a) != trellis_child_get_legal_status (b))
    g_ptr_array_add (names, (gpointer) "legal-status");
  STR (placing_authority, "placing-authority")
  DATE (admission_date, "admission-date")
  DATE (leaving_date, "leaving-date")
  if (!same_bytes (trellis_child_get_photo (a), trellis_child_get_photo (b)))
    g_ptr_array_add (names, (gpointer) "photo");

#undef STR
#undef DATE

  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static gboolean read_running_assignment (TrellisStore       *self,
                                         gint64              child_id,
                                         TrellisAssignment **running,
                                         GError            **error);

/* A new, changed or removed leaving date moves the end of the child's Link Worker with it,
 * refusing a date before that Link Worker started. Sets @running to the assignment whose end
 * must become @leaving_date, or NULL when none must change. */
static gboolean
check_leaving_date (TrellisStore       *self,
                    TrellisChild       *current,
                    GDateTime          *leaving_date,
                    TrellisAssignment **running,
                    GError            **error)
{
  g_autoptr(TrellisAssignment) found = NULL;
  GDateTime *start;

  *running = NULL;
  if (trellis_date_equal (trellis_child_get_leaving_date (current), leaving_date))
    return TRUE;
  if (!read_running_assignment (self, trellis_child_get_id (current), &found, error))
    return FALSE;
  if (found == NULL || trellis_date_equal (trellis_assignment_get_end_date (found), leaving_date))
    return TRUE;

  start = trellis_assignment_get_start_date (found);
  if (leaving_date != NULL && trellis_date_compare (leaving_date, start) < 0)
    {
      g_autofree char *left = trellis_date_format (leaving_date);
      g_autofree char *since = trellis_date_format (start);

      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The leaving date (%s) is before %s became the Link Worker (%s): check "
                     "the leaving date"),
                   left, trellis_assignment_get_staff_name (found), since);
      return FALSE;
    }

  *running = g_steal_pointer (&found);
  return TRUE;
}

/**
 * trellis_store_update_child:
 * @child: an edited copy, carrying the version it was read at
 *
 * Saves the edited details and keeps the previous version. Refuses, changing nothing, when
 * the details are not valid or somebody else saved the child since @child was read.
 *
 * A leaving date ends the child's Link Worker on that day, in the same transaction, and the
 * audit row says so ("link-worker-ended"); removing it makes that Link Worker the child's
 * again ("link-worker-resumed").
 */
gboolean
trellis_store_update_child (TrellisStore  *self,
                            TrellisStaff  *actor,
                            TrellisChild  *child,
                            GError       **error)
{
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(TrellisChild) current = NULL;
  g_autoptr(TrellisAssignment) running = NULL;
  g_autofree char *fields = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int version;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), FALSE);

  if (!trellis_child_validate (child, today, error))
    return FALSE;

  id = trellis_child_get_id (child);
  version = trellis_child_get_version (child);

  if (!trellis_store_begin (self, error))
    return FALSE;

  current = load_child (self, id, error);
  if (current == NULL ||
      !trellis_store_check_actor (self, actor, TRELLIS_ACTION_EDIT_CHILD,
                                  trellis_child_get_link_worker_id (current), error))
    goto failed;
  if (trellis_child_get_version (current) != version)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Someone else saved %s’s details while you were editing. Your changes "
                     "have not been saved; copy them, close the editor and try again."),
                   trellis_child_get_given_name (current));
      goto failed;
    }
  fields = changed_fields (current, child);
  if (fields == NULL)
    {
      trellis_store_rollback (self);
      return TRUE;
    }
  if (!check_leaving_date (self, current, trellis_child_get_leaving_date (child), &running, error))
    goto failed;

  stmt = trellis_store_prepare (self,
                                "INSERT INTO child_version (child_id, version, data, replaced_by) "
                                "SELECT id, version, json_object("
                                "'given_name', given_name, 'family_name', family_name, "
                                "'preferred_name', preferred_name, 'date_of_birth', date_of_birth, "
                                "'gender', gender, 'first_language', first_language, "
                                "'religion', religion, 'legal_status', legal_status, "
                                "'placing_authority', placing_authority, "
                                "'admission_date', admission_date, 'leaving_date', leaving_date, "
                                "'photo', hex(photo), 'updated_at', updated_at, "
                                "'updated_by', updated_by), ?2 FROM child WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, trellis_staff_get_id (actor));
  if (!step_done (self, stmt, error))
    goto failed;

  stmt = trellis_store_prepare (self,
                                "UPDATE child SET given_name = ?1, family_name = ?2, "
                                "preferred_name = ?3, date_of_birth = ?4, gender = ?5, "
                                "first_language = ?6, religion = ?7, legal_status = ?8, "
                                "placing_authority = ?9, admission_date = ?10, leaving_date = ?11, "
                                "photo = ?12, search_key = ?13, updated_by = ?14, "
                                "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                                "version = version + 1 WHERE id = ?15 AND version = ?16", error);
  if (stmt == NULL)
    goto failed;
  bind_child_fields (stmt, child, trellis_staff_get_id (actor));
  sqlite3_bind_int64 (stmt, 15, id);
  sqlite3_bind_int (stmt, 16, version);
  if (sqlite3_step (stmt) != SQLITE_DONE || sqlite3_changes (self->db) != 1)
    {
      sqlite3_reset (stmt);
      trellis_store_set_error (self, error);
      goto failed;
    }
  sqlite3_reset (stmt);

  if (running != NULL)
    {
      GDateTime *left = trellis_child_get_leaving_date (child);
      char *with_end = g_strconcat (fields, left != NULL ? ",link-worker-ended"
                                                         : ",link-worker-resumed", NULL);

      g_free (fields);
      fields = with_end;
      stmt = trellis_store_prepare (self, "UPDATE link_worker_assignment SET end_date = ?2 "
                                          "WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, trellis_assignment_get_id (running));
      bind_date (stmt, 2, left);
      if (!step_done (self, stmt, error))
        goto failed;
    }

  if (!audit (self, trellis_staff_get_id (actor), "edit-child", id, fields, error))
    goto failed;
  queue_change (self, "child", id);
  if (!trellis_store_commit (self, error))
    return FALSE;

  trellis_child_set_version (child, version + 1);
  return TRUE;

failed:
  trellis_store_rollback (self);
  return FALSE;
}

guint
trellis_store_count_child_versions (TrellisStore  *self,
                                    TrellisStaff  *actor,
                                    gint64         child_id,
                                    GError       **error)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return 0;

  stmt = trellis_store_prepare (self, "SELECT count(*) FROM child_version WHERE child_id = ?1",
                                error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, child_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  else
    trellis_store_set_error (self, error);
  sqlite3_reset (stmt);

  return count;
}

TrellisChildList *
trellis_store_list_children (TrellisStore *self,
                             TrellisStaff *actor)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return trellis_child_list_new (self, actor);
}

/* ---- Link Workers -------------------------------------------------------------------- */

static TrellisAssignment *
assignment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) start = column_date (stmt, 4);
  g_autoptr(GDateTime) end = column_date (stmt, 5);
  int reason = trellis_enum_from_nick (TRELLIS_TYPE_CHANGE_REASON, column_text (stmt, 6));

  return trellis_assignment_new (sqlite3_column_int64 (stmt, 0),
                                 sqlite3_column_int64 (stmt, 1),
                                 sqlite3_column_int64 (stmt, 2),
                                 column_text (stmt, 3),
                                 start, end,
                                 reason < 0 ? TRELLIS_CHANGE_REASON_MANAGER_DECISION : reason,
                                 column_text (stmt, 7));
}

GListModel *
trellis_store_list_assignments (TrellisStore  *self,
                                TrellisStaff  *actor,
                                gint64         child_id,
                                GError       **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;

  /* an assignment still open in a database from before leaving ended it ends on the
   * leaving date, as it would have been saved now */
  stmt = trellis_store_prepare (self,
                                "SELECT a.id, a.child_id, a.staff_id, s.display_name, "
                                "a.start_date, coalesce(a.end_date, c.leaving_date), a.reason, "
                                "a.note FROM link_worker_assignment a "
                                "JOIN staff s ON s.id = a.staff_id "
                                "JOIN child c ON c.id = a.child_id "
                                "WHERE a.child_id = ?1 ORDER BY a.start_date, a.id", error);
  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (TRELLIS_TYPE_ASSIGNMENT);
  sqlite3_bind_int64 (stmt, 1, child_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TrellisAssignment) assignment = assignment_from_row (stmt);
      g_list_store_append (list, assignment);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      trellis_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* The assignment that is the child's Link Worker now, or was until the child left: open, or
 * ending on the leaving date (see TRELLIS_CHILD_FROM). Its end date is as stored. @running is
 * NULL when the child has none. */
static gboolean
read_running_assignment (TrellisStore       *self,
                         gint64              child_id,
                         TrellisAssignment **running,
                         GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *running = NULL;
  stmt = trellis_store_prepare (self,
                                "SELECT a.id, a.child_id, a.staff_id, s.display_name, "
                                "a.start_date, a.end_date, a.reason, a.note "
                                "FROM link_worker_assignment a JOIN staff s ON s.id = a.staff_id "
                                "JOIN child c ON c.id = a.child_id WHERE a.child_id = ?1 AND "
                                "(a.end_date IS NULL OR a.end_date = c.leaving_date) "
                                "ORDER BY a.start_date DESC, a.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *running = assignment_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return trellis_store_set_error (self, error);
  return TRUE;
}

/**
 * trellis_store_assign_link_worker:
 * @start_date: the first day with the new Link Worker
 * @reason: why the previous Link Worker changed; ignored for a child's first
 *
 * Ends the current assignment the day the new one starts and records the new one, which for
 * a child with a leaving date ends on that date.
 */
gboolean
trellis_store_assign_link_worker (TrellisStore        *self,
                                  TrellisStaff        *actor,
                                  gint64               child_id,
                                  gint64               staff_id,
                                  GDateTime           *start_date,
                                  TrellisChangeReason  reason,
                                  const char          *note,
                                  GError             **error)
{
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(TrellisStaff) staff = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TrellisAssignment) current = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  sqlite3_stmt *stmt;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (start_date != NULL, FALSE);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_ASSIGN_LINK_WORKER, 0, error))
    return FALSE;

  if (!trellis_store_begin (self, error))
    return FALSE;

  child = load_child (self, child_id, error);
  if (child == NULL)
    goto failed;
  staff = trellis_store_get_staff (self, staff_id, error);
  if (staff == NULL)
    goto failed;
  if (!trellis_permission_may_be_link_worker (staff))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s cannot be a Link Worker: only active Staff and Managers can"),
                   trellis_staff_get_display_name (staff));
      goto failed;
    }
  if (!trellis_child_check_link_worker_start (child, start_date, today, error))
    goto failed;

  history = trellis_store_list_assignments (self, actor, child_id, error);
  if (history == NULL || !read_running_assignment (self, child_id, &current, error))
    goto failed;
  n = g_list_model_get_n_items (history);

  if (current != NULL)
    {
      g_autofree char *since = trellis_date_format (trellis_assignment_get_start_date (current));

      if (trellis_assignment_get_staff_id (current) == staff_id)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("%s is already the Link Worker"), trellis_staff_get_display_name (staff));
          goto failed;
        }
      if (trellis_date_compare (start_date, trellis_assignment_get_start_date (current)) < 0)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("The new Link Worker cannot start before the current one started (%s)"),
                       since);
          goto failed;
        }
      if (reason == TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("Choose the reason for changing the Link Worker"));
          goto failed;
        }

      stmt = trellis_store_prepare (self,
                                    "UPDATE link_worker_assignment SET end_date = ?2 WHERE id = ?1",
                                    error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, trellis_assignment_get_id (current));
      bind_date (stmt, 2, start_date);
      if (!step_done (self, stmt, error))
        goto failed;
    }
  else if (n == 0)
    reason = TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT;

  stmt = trellis_store_prepare (self,
                                "INSERT INTO link_worker_assignment (child_id, staff_id, start_date, "
                                "end_date, reason, note, recorded_by) "
                                "VALUES (?1, ?2, ?3, ?7, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  bind_date (stmt, 3, start_date);
  bind_text (stmt, 4, trellis_enum_to_nick (TRELLIS_TYPE_CHANGE_REASON, reason));
  bind_text (stmt, 5, note != NULL ? note : "");
  sqlite3_bind_int64 (stmt, 6, trellis_staff_get_id (actor));
  bind_date (stmt, 7, trellis_child_get_leaving_date (child));
  if (!step_done (self, stmt, error))
    goto failed;

  {
    g_autofree char *detail = g_strdup_printf ("%s (%s)", trellis_staff_get_username (staff),
                                               trellis_enum_to_nick (TRELLIS_TYPE_CHANGE_REASON,
                                                                     reason));
    if (!audit (self, trellis_staff_get_id (actor), "assign-link-worker", child_id, detail, error))
      goto failed;
  }
  queue_change (self, "child", child_id);
  return trellis_store_commit (self, error);

failed:
  trellis_store_rollback (self);
  return FALSE;
}

/* ---- signing in ---------------------------------------------------------------------- */

void
trellis_store_set_clock (TrellisStore  *self,
                         gint64       (*clock) (void))
{
  self->clock = clock != NULL ? clock : g_get_real_time;
}

/* Seconds to wait after @failed_attempts wrong passwords in a row: none for the first two,
 * then 1, 2, 4 … up to a minute. */
guint
trellis_store_get_sign_in_delay (guint failed_attempts)
{
  if (failed_attempts < 3)
    return 0;
  return MIN (1u << MIN (failed_attempts - 3, 6u), 60u);
}

typedef struct
{
  gint64   id;
  char    *username;
  char    *hash;
  gboolean active;
  gboolean locked;
  gboolean must_change;
  guint    failed;
  gint64   last_failed;
} Account;

static void
account_clear (Account *account)
{
  g_clear_pointer (&account->username, g_free);
  g_clear_pointer (&account->hash, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Account, account_clear)

/* Reads an account by username (or by id when @username is NULL). FALSE when there is none. */
static gboolean
read_account (TrellisStore  *self,
              const char    *username,
              gint64         id,
              Account       *account,
              GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  stmt = trellis_store_prepare (self,
                                "SELECT id, username, password_hash, active, locked, "
                                "must_change_password, failed_attempts, last_failed_at FROM staff "
                                "WHERE (?1 IS NOT NULL AND username = ?1) OR (?1 IS NULL AND id = ?2)",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, username);
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      account->id = sqlite3_column_int64 (stmt, 0);
      account->username = g_strdup (column_text (stmt, 1));
      account->hash = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                        ? NULL : g_strdup (column_text (stmt, 2));
      account->active = sqlite3_column_int (stmt, 3);
      account->locked = sqlite3_column_int (stmt, 4);
      account->must_change = sqlite3_column_int (stmt, 5);
      account->failed = sqlite3_column_int (stmt, 6);
      account->last_failed = sqlite3_column_int64 (stmt, 7);
    }
  else if (rc != SQLITE_DONE)
    trellis_store_set_error (self, error);
  sqlite3_reset (stmt);

  return found;
}

static gboolean
read_account_by_id (TrellisStore  *self,
                    gint64         id,
                    Account       *account,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (read_account (self, NULL, id, account, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND, _("No such member of staff"));
  return FALSE;
}

static gboolean
update_account (TrellisStore  *self,
                gint64         id,
                const char    *new_hash,
                int            must_change,
                guint          failed,
                gint64         last_failed,
                gboolean       locked,
                GError       **error)
{
  sqlite3_stmt *stmt = trellis_store_prepare (self,
                                              "UPDATE staff SET "
                                              "password_hash = coalesce(?2, password_hash), "
                                              "must_change_password = "
                                              "CASE WHEN ?3 < 0 THEN must_change_password ELSE ?3 END, "
                                              "failed_attempts = ?4, last_failed_at = ?5, locked = ?6 "
                                              "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, new_hash);
  sqlite3_bind_int (stmt, 3, must_change);
  sqlite3_bind_int (stmt, 4, failed);
  sqlite3_bind_int64 (stmt, 5, last_failed);
  sqlite3_bind_int (stmt, 6, locked);
  if (!step_done (self, stmt, error))
    return FALSE;
  queue_change (self, "staff", id);
  return TRUE;
}

/* update_account() and its audit row, in one transaction. */
static gboolean
update_account_audited (TrellisStore  *self,
                        const Account *account,
                        const char    *new_hash,
                        int            must_change,
                        guint          failed,
                        gint64         last_failed,
                        gboolean       locked,
                        gint64         audit_staff_id,
                        const char    *action,
                        const char    *detail,
                        GError       **error)
{
  if (!trellis_store_begin (self, error))
    return FALSE;
  if (!update_account (self, account->id, new_hash, must_change, failed, last_failed, locked,
                       error) ||
      !audit (self, audit_staff_id, action, 0, detail, error))
    {
      trellis_store_rollback (self);
      return FALSE;
    }
  return trellis_store_commit (self, error);
}

static gboolean
wrong_password (GError **error)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
               _("The username or password is not right"));
  return FALSE;
}

static gboolean
locked_out (GError **error)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
               _("This account is locked after %d wrong passwords in a row. Ask a Manager or "
                 "an Administrator to unlock it."), TRELLIS_MAX_FAILED_SIGN_INS);
  return FALSE;
}

/* Checks @password against an account that exists and is active, the way every password a
 * person types is checked: refused unchecked while the account is locked or too soon after
 * a wrong one; a wrong one counts, is audited as a failed sign-in and, the
 * TRELLIS_MAX_FAILED_SIGN_INS-th in a row, locks the account. @wrong is what to say. */
static gboolean
verify_counted (TrellisStore  *self,
                const Account *account,
                const char    *password,
                const char    *wrong,
                GError       **error)
{
  gint64 now;
  guint delay;
  guint failed;
  gboolean lock;

  if (account->locked)
    {
      audit (self, account->id, "sign-in-failed", 0, "locked", NULL);
      return locked_out (error);
    }

  now = self->clock ();
  delay = trellis_store_get_sign_in_delay (account->failed);
  if (delay > 0 && now < account->last_failed + (gint64) delay * G_USEC_PER_SEC)
    {
      gint64 wait = (account->last_failed + (gint64) delay * G_USEC_PER_SEC - now
                     + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Too many wrong passwords: wait %d second and try again",
                                "Too many wrong passwords: wait %d seconds and try again",
                                (int) wait), (int) wait);
      return FALSE;
    }

  if (trellis_password_verify (account->hash, password))
    return TRUE;

  failed = account->failed + 1;
  lock = failed >= TRELLIS_MAX_FAILED_SIGN_INS;
  if (!trellis_store_begin (self, error))
    return FALSE;
  if (!update_account (self, account->id, NULL, -1, failed, now, lock, error) ||
      !audit (self, account->id, "sign-in-failed", 0, "", error) ||
      (lock && !audit (self, account->id, "account-locked", 0, "", error)))
    {
      trellis_store_rollback (self);
      return FALSE;
    }
  if (!trellis_store_commit (self, error))
    return FALSE;
  if (lock)
    return locked_out (error);
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED, wrong);
  return FALSE;
}

/**
 * trellis_store_sign_in:
 * @must_change_password: (out) (optional): the password was set by someone else and the
 *   person must choose their own now
 *
 * Checks a password. An unknown username and a wrong password get the same answer in the
 * same time. Wrong passwords in a row make the next try wait longer, and after
 * TRELLIS_MAX_FAILED_SIGN_INS lock the account until a Manager or Administrator unlocks it.
 * Every attempt is audited; the password itself goes nowhere.
 */
TrellisStaff *
trellis_store_sign_in (TrellisStore  *self,
                       const char    *username,
                       const char    *password,
                       gboolean      *must_change_password,
                       GError       **error)
{
  g_auto(Account) account = { 0 };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (username != NULL && password != NULL, NULL);

  if (!read_account (self, username, 0, &account, &local_error) || !account.active ||
      account.hash == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      trellis_password_verify (trellis_password_dummy_hash (), password);
      audit (self, account.active ? account.id : 0, "sign-in-failed", 0, "", NULL);
      wrong_password (error);
      return NULL;
    }

  if (!verify_counted (self, &account, password, _("The username or password is not right"),
                       error))
    return NULL;

  if (!update_account_audited (self, &account, NULL, -1, 0, 0, FALSE, account.id, "sign-in", "",
                               error))
    return NULL;

  if (must_change_password != NULL)
    *must_change_password = account.must_change;
  return trellis_store_get_staff (self, account.id, error);
}

/* For unlocking a locked window: the same checks, counting and audit as signing in. */
gboolean
trellis_store_check_password (TrellisStore  *self,
                              TrellisStaff  *staff,
                              const char    *password,
                              GError       **error)
{
  g_autoptr(TrellisStaff) again = NULL;

  g_return_val_if_fail (TRELLIS_IS_STAFF (staff), FALSE);

  again = trellis_store_sign_in (self, trellis_staff_get_username (staff), password, NULL, error);
  return again != NULL;
}

void
trellis_store_sign_out (TrellisStore *self,
                        TrellisStaff *staff)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  if (staff != NULL)
    audit (self, trellis_staff_get_id (staff), "sign-out", 0, "", NULL);
}

/**
 * trellis_store_change_password:
 * @old_password: the password @actor signed in with (the one-time one at a first sign-in)
 *
 * A person changes their own password. A wrong @old_password counts towards the same waits
 * and lock-out as a wrong sign-in, and is audited as one.
 */
gboolean
trellis_store_change_password (TrellisStore  *self,
                               TrellisStaff  *actor,
                               const char    *old_password,
                               const char    *new_password,
                               GError       **error)
{
  g_auto(Account) account = { 0 };
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_STAFF (actor), FALSE);

  if (!read_account_by_id (self, trellis_staff_get_id (actor), &account, error))
    return FALSE;
  if (!account.active)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("The account of %s is no longer active"),
                   trellis_staff_get_display_name (actor));
      return FALSE;
    }
  /* someone at a PC left signed in must not guess the password here without limit */
  if (!verify_counted (self, &account, old_password, _("The current password is not right"),
                       error))
    return FALSE;
  if (g_strcmp0 (old_password, new_password) == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Choose a password different from your current one"));
      return FALSE;
    }
  if (!trellis_password_check_strength (new_password, account.username, error))
    return FALSE;
  hash = trellis_password_hash (new_password, error);
  return hash != NULL &&
         update_account_audited (self, &account, hash, 0, 0, 0, FALSE, account.id,
                                 "change-password", "", error);
}

gboolean
trellis_store_reset_password (TrellisStore  *self,
                              TrellisStaff  *actor,
                              gint64         staff_id,
                              const char    *one_time_password,
                              GError       **error)
{
  g_auto(Account) account = { 0 };
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_RESET_PASSWORD, 0, error))
    return FALSE;
  if (!read_account_by_id (self, staff_id, &account, error))
    return FALSE;
  if (!trellis_password_check_strength (one_time_password, account.username, error))
    return FALSE;
  hash = trellis_password_hash (one_time_password, error);
  return hash != NULL &&
         update_account_audited (self, &account, hash, 1, 0, 0, FALSE,
                                 trellis_staff_get_id (actor), "reset-password", account.username,
                                 error);
}

gboolean
trellis_store_unlock_staff (TrellisStore  *self,
                            TrellisStaff  *actor,
                            gint64         staff_id,
                            GError       **error)
{
  g_auto(Account) account = { 0 };

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_RESET_PASSWORD, 0, error))
    return FALSE;
  if (!read_account_by_id (self, staff_id, &account, error))
    return FALSE;
  return update_account_audited (self, &account, NULL, -1, 0, 0, FALSE,
                                 trellis_staff_get_id (actor), "unlock-staff", account.username,
                                 error);
}

/* Someone who has left keeps their name on every record they wrote but can no longer sign
 * in; an Administrator can restore them. */
gboolean
trellis_store_set_staff_active (TrellisStore  *self,
                                TrellisStaff  *actor,
                                gint64         staff_id,
                                gboolean       active,
                                GError       **error)
{
  g_auto(Account) account = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_MANAGE_STAFF, 0, error))
    return FALSE;
  if (!read_account_by_id (self, staff_id, &account, error))
    return FALSE;
  if (!active && staff_id == trellis_staff_get_id (actor))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("You cannot mark your own account as left"));
      return FALSE;
    }

  if (!trellis_store_begin (self, error))
    return FALSE;
  stmt = trellis_store_prepare (self, "UPDATE staff SET active = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  sqlite3_bind_int (stmt, 2, active);
  if (!step_done (self, stmt, error) ||
      !audit (self, trellis_staff_get_id (actor), active ? "restore-staff" : "staff-left", 0,
              account.username, error))
    goto failed;
  queue_change (self, "staff", staff_id);
  return trellis_store_commit (self, error);

failed:
  trellis_store_rollback (self);
  return FALSE;
}
