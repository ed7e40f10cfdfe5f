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

static void
trellis_store_finalize (GObject *object)
{
  TrellisStore *self = (TrellisStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->path, g_free);

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

static TrellisStore *
open_store (const char             *path,
            TrellisStoreOpenFlags   flags,
            guint                   target_version,
            GError                **error)
{
  g_autoptr(TrellisStore) self = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *check = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!prepare_file (path, flags, error))
    return NULL;

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

  return g_steal_pointer (&self);
}

/**
 * trellis_store_open:
 * @path: the database file
 * @flags: whether a missing file may be created
 *
 * Opens a home's database, creating it (mode 0600) when allowed, checks its integrity
 * and brings its schema up to date. Refuses a database from a newer Trellis.
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

/* Every record call names who makes it. The sign-in work adds the full role matrix here;
 * already a Visitor reads and never writes, and someone who has left does nothing. */
gboolean
trellis_store_check_actor (TrellisStore  *self,
                           TrellisStaff  *actor,
                           gboolean       writes,
                           GError       **error)
{
  if (actor == NULL || !TRELLIS_IS_STAFF (actor))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("Sign in to see or change records"));
      return FALSE;
    }
  if (!trellis_staff_get_active (actor))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("The account of %s is no longer active"),
                   trellis_staff_get_display_name (actor));
      return FALSE;
    }
  if (writes && trellis_staff_get_role (actor) == TRELLIS_ROLE_VISITOR)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("Visitors can read records but not change them"));
      return FALSE;
    }
  return TRUE;
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

  return trellis_staff_new (sqlite3_column_int64 (stmt, 0),
                            column_text (stmt, 1),
                            column_text (stmt, 2),
                            role < 0 ? TRELLIS_ROLE_VISITOR : role,
                            sqlite3_column_int (stmt, 4));
}

#define STAFF_COLUMNS "id, username, display_name, role, active"

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

  if (*name == '\0')
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("Enter the person’s name"));
      return NULL;
    }
  if (*user == '\0' || strpbrk (user, " \t\n") != NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Enter a username with no spaces"));
      return NULL;
    }

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
                         GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRUE, error))
    return NULL;
  if (trellis_staff_get_role (actor) != TRELLIS_ROLE_ADMINISTRATOR)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("Only an Administrator can add staff accounts"));
      return NULL;
    }

  return insert_staff (self, username, display_name, role, password_hash,
                       password_hash != NULL, error);
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

static void
bind_nothing (sqlite3_stmt  *stmt,
              gconstpointer  key)
{
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

/* Until staff sign in, the window acts as the home's manager (or its first Administrator).
 * The sign-in work replaces every caller of this. */
TrellisStaff *
trellis_store_get_default_actor (TrellisStore  *self,
                                 GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return lookup_staff (self,
                       "SELECT " STAFF_COLUMNS " FROM staff WHERE active = 1 "
                       "AND role IN ('manager', 'administrator') "
                       "ORDER BY role = 'manager' DESC, id LIMIT 1",
                       bind_nothing, NULL, error);
}

GListModel *
trellis_store_list_staff (TrellisStore  *self,
                          TrellisStaff  *actor,
                          GError       **error)
{
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, FALSE, error))
    return NULL;

  stmt = trellis_store_prepare (self,
                                "SELECT " STAFF_COLUMNS " FROM staff "
                                "ORDER BY active DESC, display_name COLLATE NOCASE, id", error);
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

TrellisChild *
trellis_store_get_child (TrellisStore  *self,
                         TrellisStaff  *actor,
                         gint64         id,
                         GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, FALSE, error))
    return NULL;

  return load_child (self, id, error);
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

  if (!trellis_store_check_actor (self, actor, TRUE, error) ||
      !trellis_child_validate (child, today, error))
    return 0;

  stmt = trellis_store_prepare (self,
                                "INSERT INTO child (given_name, family_name, preferred_name, "
                                "date_of_birth, gender, first_language, religion, legal_status, "
                                "placing_authority, admission_date, leaving_date, photo, "
                                "search_key, created_by, updated_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                "?14, ?14)", error);
  if (stmt == NULL)
    return 0;

  bind_child_fields (stmt, child, trellis_staff_get_id (actor));
  if (!step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (self->db);
  trellis_child_set_id (child, id);
  trellis_child_set_version (child, 1);
  queue_change (self, "child", id);

  return id;
}

static gboolean
same_details (TrellisChild *a,
              TrellisChild *b)
{
  GBytes *pa = trellis_child_get_photo (a), *pb = trellis_child_get_photo (b);

  return g_str_equal (trellis_child_get_given_name (a), trellis_child_get_given_name (b)) &&
         g_str_equal (trellis_child_get_family_name (a), trellis_child_get_family_name (b)) &&
         g_str_equal (trellis_child_get_preferred_name (a), trellis_child_get_preferred_name (b)) &&
         trellis_date_equal (trellis_child_get_date_of_birth (a),
                             trellis_child_get_date_of_birth (b)) &&
         g_str_equal (trellis_child_get_gender (a), trellis_child_get_gender (b)) &&
         g_str_equal (trellis_child_get_first_language (a), trellis_child_get_first_language (b)) &&
         g_str_equal (trellis_child_get_religion (a), trellis_child_get_religion (b)) &&
         trellis_child_get_legal_status (a) == trellis_child_get_legal_status (b) &&
         g_str_equal (trellis_child_get_placing_authority (a),
                      trellis_child_get_placing_authority (b)) &&
         trellis_date_equal (trellis_child_get_admission_date (a),
                             trellis_child_get_admission_date (b)) &&
         trellis_date_equal (trellis_child_get_leaving_date (a),
                             trellis_child_get_leaving_date (b)) &&
         ((pa == NULL && pb == NULL) || (pa != NULL && pb != NULL && g_bytes_equal (pa, pb)));
}

/**
 * trellis_store_update_child:
 * @child: an edited copy, carrying the version it was read at
 *
 * Saves the edited details and keeps the previous version. Refuses, changing nothing, when
 * the details are not valid or somebody else saved the child since @child was read.
 */
gboolean
trellis_store_update_child (TrellisStore  *self,
                            TrellisStaff  *actor,
                            TrellisChild  *child,
                            GError       **error)
{
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(TrellisChild) current = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int version;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), FALSE);

  if (!trellis_store_check_actor (self, actor, TRUE, error) ||
      !trellis_child_validate (child, today, error))
    return FALSE;

  id = trellis_child_get_id (child);
  version = trellis_child_get_version (child);

  if (!trellis_store_begin (self, error))
    return FALSE;

  current = load_child (self, id, error);
  if (current == NULL)
    goto failed;
  if (trellis_child_get_version (current) != version)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Someone else saved %s’s details while you were editing. Your changes "
                     "have not been saved; copy them, close the editor and try again."),
                   trellis_child_get_given_name (current));
      goto failed;
    }
  if (same_details (current, child))
    {
      trellis_store_rollback (self);
      return TRUE;
    }

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

  if (!trellis_store_check_actor (self, actor, FALSE, error))
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

  if (!trellis_store_check_actor (self, actor, FALSE, error))
    return NULL;

  stmt = trellis_store_prepare (self,
                                "SELECT a.id, a.child_id, a.staff_id, s.display_name, "
                                "a.start_date, a.end_date, a.reason, a.note "
                                "FROM link_worker_assignment a JOIN staff s ON s.id = a.staff_id "
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

/**
 * trellis_store_assign_link_worker:
 * @start_date: the first day with the new Link Worker
 * @reason: why the previous Link Worker changed; ignored for a child's first
 *
 * Ends the current assignment the day the new one starts and records the new one.
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
  sqlite3_stmt *stmt;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (start_date != NULL, FALSE);

  if (!trellis_store_check_actor (self, actor, TRUE, error))
    return FALSE;

  if (!trellis_store_begin (self, error))
    return FALSE;

  child = load_child (self, child_id, error);
  if (child == NULL)
    goto failed;
  staff = trellis_store_get_staff (self, staff_id, error);
  if (staff == NULL)
    goto failed;
  if (!trellis_staff_get_active (staff) || trellis_staff_get_role (staff) == TRELLIS_ROLE_VISITOR)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s cannot be a Link Worker: only active staff can"),
                   trellis_staff_get_display_name (staff));
      goto failed;
    }

  history = trellis_store_list_assignments (self, actor, child_id, error);
  if (history == NULL)
    goto failed;
  n = g_list_model_get_n_items (history);
  if (n > 0)
    current = g_list_model_get_item (history, n - 1);

  if (current != NULL && trellis_assignment_get_end_date (current) == NULL)
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
                                    "UPDATE link_worker_assignment SET end_date = ?2 "
                                    "WHERE child_id = ?1 AND end_date IS NULL", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, child_id);
      bind_date (stmt, 2, start_date);
      if (!step_done (self, stmt, error))
        goto failed;
    }
  else if (n == 0)
    reason = TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT;

  stmt = trellis_store_prepare (self,
                                "INSERT INTO link_worker_assignment (child_id, staff_id, start_date, "
                                "reason, note, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, staff_id);
  bind_date (stmt, 3, start_date);
  bind_text (stmt, 4, trellis_enum_to_nick (TRELLIS_TYPE_CHANGE_REASON, reason));
  bind_text (stmt, 5, note != NULL ? note : "");
  sqlite3_bind_int64 (stmt, 6, trellis_staff_get_id (actor));
  if (!step_done (self, stmt, error))
    goto failed;

  queue_change (self, "child", child_id);
  return trellis_store_commit (self, error);

failed:
  trellis_store_rollback (self);
  return FALSE;
}
