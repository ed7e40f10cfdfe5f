/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store.c: the store object, opening and closing, transactions and change signals
 *
 * A home's records are reached only through the store. Its public calls live one file per
 * area (trellis-store-<area>.c) and speak no SQL: that is under sqlite/. Callers get
 * GObjects and GListModels; after each commit the store emits ::changed so every open view
 * refreshes itself instead of polling.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/vfs.h>

#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-store-private.h"

G_DEFINE_FINAL_TYPE (TrellisStore, trellis_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One signal per kind of record a transaction touched: with its row when it changed one
 * row, with TRELLIS_RECORD_ID_MANY when it changed more, so a bulk import or the demo
 * generator makes every open list reload once rather than once per row. In the order the
 * kinds were first touched. */
static void
flush_pending (TrellisStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);   /* kind -> TrellisPendingChange */
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  self->pending = g_array_new (FALSE, FALSE, sizeof (TrellisPendingChange));
  trellis_store_keyring_follow (self, pending);
  for (guint i = 0; i < pending->len; i++)
    {
      TrellisPendingChange *c = &g_array_index (pending, TrellisPendingChange, i);
      TrellisPendingChange *first = g_hash_table_lookup (seen, GINT_TO_POINTER (c->kind));

      if (first == NULL)
        {
          g_hash_table_insert (seen, GINT_TO_POINTER (c->kind), c);
          g_ptr_array_add (order, c);
        }
      else if (first->id != c->id)
        first->id = TRELLIS_RECORD_ID_MANY;
    }

  for (guint i = 0; i < order->len; i++)
    {
      TrellisPendingChange *c = g_ptr_array_index (order, i);
      const char *nick;

      /* a worker's store never emits: its thread must not run the UI's handlers. The
       * main store announces these on the main thread (trellis-store-worker.c). */
      if (self->is_worker)
        {
          g_array_append_val (self->delivered, *c);
          continue;
        }
      nick = trellis_enum_to_nick (TRELLIS_TYPE_RECORD_KIND, c->kind);

      g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (nick), c->kind, c->id);
    }
}

void
trellis_store_queue_change (TrellisStore      *self,
                            TrellisRecordKind  kind,
                            gint64             id)
{
  TrellisPendingChange change = { kind, id };

  g_return_if_fail (trellis_enum_to_nick (TRELLIS_TYPE_RECORD_KIND, kind) != NULL);

  g_array_append_val (self->pending, change);
  if (self->depth == 0)
    flush_pending (self);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE, the inner ones savepoints, so a
 * store call is one transaction on its own and part of the caller's when there is one (the
 * demo generator writes thousands of rows in one). The store's own files use
 * TrellisTransaction, which calls these. */
gboolean
trellis_store_begin (TrellisStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!trellis_sqlite_begin (self->db, self->depth, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
trellis_store_commit (TrellisStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!trellis_sqlite_commit (self->db, self->depth - 1, error))
    {
      trellis_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  if (self->depth == 0)
    {
      g_atomic_int_inc (&self->n_commits);
      flush_pending (self);
    }

  return TRUE;
}

void
trellis_store_rollback (TrellisStore *self)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (self->depth == 0)
    g_array_set_size (self->pending, 0);
  trellis_sqlite_rollback (self->db, self->depth);
}

/**
 * trellis_store_check_for_changes:
 *
 * Asks SQLite whether another connection (trellisctl, another Trellis) committed since the
 * store last looked. If one did, every open view reloads: ::changed is emitted for each
 * kind of record with %TRELLIS_RECORD_ID_MANY.
 *
 * Returns: %TRUE when another connection had committed.
 */
gboolean
trellis_store_check_for_changes (TrellisStore *self)
{
  g_autoptr(GEnumClass) kinds = NULL;
  gint64 version;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  /* inside our own transaction the answer would be about our own snapshot: look later.
   * While the worker's write is on its way to the main thread, its commit would look like
   * another program's: it is announced by kind and row when it arrives, and this looks
   * again after that (trellis-store-worker.c). */
  if (self->depth > 0 || self->n_in_flight > 0)
    return FALSE;

  version = trellis_sqlite_get_data_version (self->db);
  if (version < 0 || version == self->data_version)
    return FALSE;

  self->data_version = version;
  kinds = g_type_class_ref (TRELLIS_TYPE_RECORD_KIND);
  for (guint i = 0; i < kinds->n_values; i++)
    trellis_store_queue_change (self, kinds->values[i].value, TRELLIS_RECORD_ID_MANY);
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
  trellis_store_worker_free (self);
  g_clear_pointer (&self->watch, trellis_store_watch_free);
  g_clear_pointer (&self->db, trellis_sqlite_close);
  g_clear_pointer (&self->keyring, trellis_sqlite_close);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  if (self->making_fd >= 0)
    g_close (self->making_fd, NULL);
  g_clear_pointer (&self->data_key, trellis_secret_free);
  g_clear_pointer (&self->page_key, trellis_secret_free);
  g_clear_pointer (&self->audit_key, trellis_secret_free);
  trellis_store_free_recovery_key (g_steal_pointer (&self->recovery_text));
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->delivered, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->clock);
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
   * @kind: the kind of record that changed; also the signal's detail, by its nick, so a
   *   view of children connects to "changed::child"
   * @id: the record that changed, or %TRELLIS_RECORD_ID_MANY when the transaction changed
   *   several records of @kind (or another program changed some)
   *
   * Emitted after the change is committed, once per kind of record.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   TRELLIS_TYPE_RECORD_KIND, G_TYPE_INT64);
}

static void
trellis_store_init (TrellisStore *self)
{
  self->making_fd = -1;
  self->pending = g_array_new (FALSE, FALSE, sizeof (TrellisPendingChange));
  self->clock = trellis_clock_new ();
}

static gint64
read_filesystem_type (const char *dir)
{
  struct statfs fs;

  return statfs (dir, &fs) == 0 ? (gint64) fs.f_type : 0;
}

static gint64 (*filesystem_type) (const char *dir) = read_filesystem_type;

/* For the tests: what kind of file system a folder is on. */
void
trellis_store_set_filesystem_probe (gint64 (*probe) (const char *dir))
{
  filesystem_type = probe != NULL ? probe : read_filesystem_type;
}

/**
 * trellis_store_network_filesystem:
 * @type: a file system's magic number, as statfs() gives it
 *
 * Returns: (nullable): the name of the network file system @type is, or %NULL
 */
const char *
trellis_store_network_filesystem (gint64 type)
{
  switch ((guint32) type)
    {
    case 0x6969:       return "NFS";        /* NFS_SUPER_MAGIC */
    case 0x517B:       return "SMB";        /* SMB_SUPER_MAGIC */
    case 0xFF534D42u:  return "SMB";        /* CIFS_MAGIC_NUMBER */
    case 0xFE534D42u:  return "SMB";        /* SMB2_MAGIC_NUMBER */
    case 0x564C:       return "NCP";        /* NCP_SUPER_MAGIC */
    case 0x6B414653:   return "AFS";        /* AFS_FS_MAGIC */
    default:           return NULL;
    }
}

/* SQLite's locks do not hold over a network file system, and two computers writing to one
 * home at once could damage it: the records stay on this computer's own disk. */
static gboolean
check_local (const char  *dir,
             const char  *path,
             GError     **error)
{
  const char *network = trellis_store_network_filesystem (filesystem_type (dir));

  if (network == NULL)
    return TRUE;
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE,
               _("“%s” is on a network share (%s). Trellis keeps a home’s records on this "
                 "computer’s own disk, because its locks do not hold over a network and two "
                 "computers writing at once could damage the records. Move the database to a "
                 "folder on this computer and keep backups on the share instead."),
               path, network);
  return FALSE;
}

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
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE,
                       _("“%s” is a folder, not a Trellis database"), path);
          return FALSE;
        }
      /* its mode is tightened once it is known to be a Trellis database (open_connection) */
      return check_local (dir, path, error);
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
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (!check_local (dir, path, error))
    return FALSE;

  fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_UNAVAILABLE,
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

/* For the tests: the store this process has open for @path, or NULL; never opens one. */
TrellisStore *
trellis_store_lookup_open (const char *path)
{
  g_autofree char *key = dup_file_key (path);
  TrellisStore *store;

  G_LOCK (open_stores);
  store = lookup_open_store (key);
  G_UNLOCK (open_stores);
  return store;
}

/* Called with the lock held. */
static void
remember_open_store (TrellisStore *self)
{
  GWeakRef *ref;

  if (self->file_key == NULL)
    return;
  ref = g_new0 (GWeakRef, 1);
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

/* A Trellis database copied in with loose permissions is tightened: it holds children's
 * records. Only others' bits are taken away, never a bit given: a file its owner made
 * read-only (0400) was refused by the backend, its mode as it was, and another program's
 * file was refused before this. */
static void
tighten_mode (const char *path)
{
  GStatBuf st;
  mode_t private;

  if (g_stat (path, &st) != 0)
    return;
  private = st.st_mode & 0600;
  if ((st.st_mode & 07777) != private)
    g_chmod (path, private);
}

/* A long-lived connection (a window's) checks the file's integrity when it opens: that
 * pays once per window. A brief one (a trellisctl call) does not unless asked, or every
 * command would pay three times its own cost for it. */
static TrellisStore *
open_connection (const char             *path,
                 const char             *file_key,
                 TrellisStoreOpenFlags   flags,
                 guint                   target_version,
                 GError                **error)
{
  g_autoptr(TrellisStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  TrellisSqliteOpenFlags backend_flags = 0;

  if (flags & TRELLIS_STORE_OPEN_BRIEF)
    backend_flags |= TRELLIS_SQLITE_OPEN_BRIEF;
  if ((flags & TRELLIS_STORE_OPEN_CHECK) || !(flags & TRELLIS_STORE_OPEN_BRIEF))
    backend_flags |= TRELLIS_SQLITE_OPEN_CHECK;

  self = g_object_new (TRELLIS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->target_version = target_version;
  self->backend_flags = backend_flags;
  if (trellis_store_open_keyring (self, backend_flags, (flags & TRELLIS_STORE_OPEN_UNENCRYPTED) != 0,
                                  &local_error))
    {
      g_autofree char *keyring_path = trellis_store_dup_keyring_path (path);

      tighten_mode (path);
      tighten_mode (keyring_path);
      self->file_key = g_strdup (file_key);
      return g_steal_pointer (&self);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* a home made before encryption */
  self->db = trellis_sqlite_open (path, backend_flags, error);
  if (self->db == NULL)
    return NULL;
  tighten_mode (path);
  if (!trellis_sqlite_migrate (self->db, target_version, error))
    return NULL;

  self->data_version = trellis_sqlite_get_data_version (self->db);
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
  /* a sealed home is brought up to date when it is unsealed */
  if (!trellis_sqlite_is_sealed (self->db) &&
      !trellis_sqlite_migrate (self->db, target_version, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * trellis_store_open:
 * @path: the database file
 * @flags: whether a missing file may be created, whether the connection is brief, and
 *   whether a brief one checks integrity all the same
 *
 * Opens a home's database, creating it (mode 0600) when allowed, checks its integrity
 * (unless the connection is brief and does not ask for it) and brings its schema up to
 * date. Refuses a database from a newer Trellis. A file this process has open already gives
 * the same store, with a new reference.
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
  return open_store (path, TRELLIS_STORE_OPEN_CREATE | TRELLIS_STORE_OPEN_UNENCRYPTED, version,
                     error);
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
  return trellis_sqlite_get_schema_version (self->db);
}

guint
trellis_store_get_latest_version (void)
{
  return trellis_sqlite_get_latest_version ();
}

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

  trellis_sqlite_staff_get (self->db, trellis_staff_get_id (actor), &current, NULL);
  return trellis_permission_check (current != NULL ? current : actor, action, link_worker_id,
                                   error) && current != NULL;
}

/* The first step of every call that writes: its transaction, with @actor allowed to do
 * @action checked inside it. NULL, with nothing left open, when either fails. */
TrellisTransaction *
trellis_store_begin_as (TrellisStore   *self,
                        TrellisStaff   *actor,
                        TrellisAction   action,
                        GError        **error)
{
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, error);

  if (tx == NULL || !trellis_store_check_actor (self, actor, action, 0, error))
    return NULL;
  return g_steal_pointer (&tx);
}

gboolean
trellis_store_no_such_staff (GError **error)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND, _("No such member of staff"));
  return FALSE;
}

gboolean
trellis_store_no_such_child (gint64   id,
                             GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
               _("There is no child with the number %s"), number);
  return FALSE;
}

/**
 * trellis_store_use_clock:
 *
 * Takes the time of audit rows and sign-in lockouts, and the day the store's checks count
 * from (a date of birth in the future, who is placed), from @clock, the context's, so a
 * program (and a test) has one "now" and one "today". The tests move the context's clock;
 * the store has no clock of its own to move.
 */
void
trellis_store_use_clock (TrellisStore *self,
                         TrellisClock *clock)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (TRELLIS_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}

GStrv
trellis_store_dup_statements (TrellisStore *self)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return trellis_sqlite_dup_statements (self->db);
}
