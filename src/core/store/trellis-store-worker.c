/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-worker.c: the store's calls for the UI, run off the UI thread
 *
 * The window must keep drawing while a record is read, saved, or a password is checked with
 * Argon2. Each _async call of the store is its synchronous call, run as a job on a worker:
 *
 *   - One exclusive thread per store (a GThreadPool of one), so jobs run one at a time, in
 *     the order they were asked for, and a save asked for after an open sees that open's
 *     audit row.
 *   - The worker has a connection of its own to the same file, opened on its thread the
 *     first time it is needed and used by nothing else: a second TrellisStore (is_worker),
 *     so the job runs exactly the code trellisctl and the tests run (the actor check,
 *     validation, audit row, one transaction), with no second copy of any rule. SQLite's WAL
 *     lets the main connection read while the worker writes; two writers wait for each
 *     other (busy timeout), as two programs would.
 *   - The worker never emits a signal: its store keeps the changes its commit made, and the
 *     job hands them to the main thread, where the main store emits ::changed with the kind
 *     and row, before the caller's callback runs.
 *   - The worker's commit is, for the main connection, "another connection's": PRAGMA
 *     data_version changes as it would for trellisctl. So that a save is announced once, by
 *     kind and row, and not a second time as a change of everything: the store's watch does
 *     not look while a job is on its way back, and when the job arrives the store takes the
 *     new data_version as seen, unless another program committed too (seen when the job was
 *     asked for, or by the worker's own data_version changing during the job while the main
 *     connection committed nothing): then the watch announces that commit as it would have.
 *     What is left is a commit by another program in the moment between the worker's commit
 *     and its arrival on the main thread, announced only with the next one.
 *   - Locks: within one process two connections to a file share SQLite's lock state (see
 *     trellis-sqlite-locks.c). The worker's connection opens after the main one and closes
 *     before it, so the main connection's open file holds the process's lock on the
 *     database the whole time; writes lock through the -shm, which SQLite opens once per
 *     process.
 *   - Without a worker connection (the file cannot be opened a second time, or a test turns
 *     the worker off), a job runs on the main connection in an idle of the caller's main
 *     context: slower for the UI, the same answers.
 *
 * Cancelling: a job whose cancellable is cancelled before it starts is not run, and finishes
 * with G_IO_ERROR_CANCELLED. A job that has started runs to the end (a save is saved, its
 * audit row written, ::changed emitted); its _finish then still says G_IO_ERROR_CANCELLED,
 * because whoever cancelled has stopped waiting for the answer.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <string.h>

#include "trellis-store-private.h"

typedef struct
{
  TrellisStoreJobFunc   func;
  gpointer              data;
  GDestroyNotify        data_free;
  GDestroyNotify        result_free;
  TrellisClock         *clock;      /* the caller's store's, so both have one "now" */
  gboolean              external;   /* another program committed too: let the watch say so */

  gpointer              result;
  GError               *error;
  GArray               *changes;    /* TrellisPendingChange, made on the worker */
} Job;

static void
job_free (Job *job)
{
  if (job->result != NULL && job->result_free != NULL)
    job->result_free (job->result);
  if (job->data != NULL && job->data_free != NULL)
    job->data_free (job->data);
  g_clear_error (&job->error);
  g_clear_pointer (&job->changes, g_array_unref);
  g_clear_object (&job->clock);
  g_free (job);
}

/* The worker's own store: the same file, a connection of its own. Brief: it never
 * checkpoints on close or removes the -wal the main connection uses, and the main
 * connection has checked the file's integrity and schema already. */
static TrellisStore *
open_worker_store (TrellisStore  *self,
                   GError       **error)
{
  g_autoptr(TrellisStore) worker = g_object_new (TRELLIS_TYPE_STORE, NULL);

  worker->is_worker = TRUE;
  worker->delivered = g_array_new (FALSE, FALSE, sizeof (TrellisPendingChange));
  worker->path = g_strdup (self->path);
  /* an encrypted home's key does not change while the worker runs: sealing and unsealing
   * stop it first (trellis-store-keyring.c) */
  if (self->keyring != NULL)
    {
      g_autofree char *keyring_path = trellis_store_dup_keyring_path (self->path);

      worker->keyring = trellis_sqlite_open_keyring (keyring_path, TRELLIS_SQLITE_OPEN_BRIEF,
                                                     error);
      if (worker->keyring == NULL)
        return NULL;
      memcpy (worker->file_id, self->file_id, sizeof worker->file_id);
    }
  if (self->audit_key != NULL)
    worker->audit_key = trellis_secret_copy (self->audit_key);
  /* for a new password's copy of the key, wrapped on the worker with Argon2 */
  if (self->data_key != NULL)
    worker->data_key = trellis_secret_copy (self->data_key);
  /* for backups made on the worker, sealed with the home's key under their own identity */
  if (self->page_key != NULL)
    worker->page_key = trellis_secret_copy (self->page_key);
  if (self->page_key != NULL)
    worker->db = trellis_sqlite_open_encrypted (self->path,
                                                trellis_secret_get_data (self->page_key),
                                                self->file_id, TRELLIS_SQLITE_OPEN_BRIEF, error);
  else if (self->keyring != NULL)
    worker->db = trellis_sqlite_new_sealed (self->path, TRELLIS_SQLITE_OPEN_BRIEF);
  else
    worker->db = trellis_sqlite_open (self->path, TRELLIS_SQLITE_OPEN_BRIEF, error);
  if (worker->db == NULL)
    return NULL;
  return g_steal_pointer (&worker);
}

/* On the caller's main context, after the job: its changes announced, then its answer. */
static gboolean
deliver_cb (gpointer user_data)
{
  GTask *task = user_data;
  TrellisStore *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  g_assert (self->n_in_flight > 0);
  self->n_in_flight--;

  if (job->changes != NULL && job->changes->len > 0)
    {
      /* the worker's commit is announced here, by kind and row: not again by the watch */
      if (!job->external && self->depth == 0)
        self->data_version = trellis_sqlite_get_data_version (self->db);
      for (guint i = 0; i < job->changes->len; i++)
        {
          TrellisPendingChange *c = &g_array_index (job->changes, TrellisPendingChange, i);
          trellis_store_queue_change (self, c->kind, c->id);
        }
    }

  if (job->error != NULL)
    g_task_return_error (task, g_steal_pointer (&job->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&job->result), job->result_free);
  return G_SOURCE_REMOVE;
}

/* The fallback, and a job whose worker could not open: on the main connection. */
static gboolean
run_here_cb (gpointer user_data)
{
  GTask *task = user_data;
  TrellisStore *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer result = NULL;

  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    result = job->func (self, job->data, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
  return G_SOURCE_REMOVE;
}

/* A job the worker could not run: the main connection runs it, and announces its own
 * commit. */
static gboolean
rerun_here_cb (gpointer user_data)
{
  TrellisStore *self = g_task_get_source_object (user_data);

  g_assert (self->n_in_flight > 0);
  self->n_in_flight--;
  return run_here_cb (user_data);
}

static void
attach_to_caller (GTask       *task,
                  GSourceFunc  func)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[trellis-store] job");
  g_source_set_callback (source, func, task, g_object_unref);
  g_source_attach (source, g_task_get_context (task));
}

/* On the worker thread; @data is the job's GTask, whose reference this takes over. */
static void
worker_run (gpointer data,
            gpointer pool_data)
{
  GTask *task = data;
  TrellisStore *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) open_error = NULL;
  gint64 version;
  gint commits;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &job->error))
    {
      attach_to_caller (task, deliver_cb);
      return;
    }

  if (self->worker == NULL && (self->worker = open_worker_store (self, &open_error)) == NULL)
    {
      g_debug ("No worker connection (%s): jobs run on the main connection",
               open_error->message);
      g_atomic_int_set (&self->no_worker, TRUE);
      attach_to_caller (task, rerun_here_cb);
      return;
    }

  version = trellis_sqlite_get_data_version (self->worker->db);
  commits = g_atomic_int_get (&self->n_commits);

  g_set_object (&self->worker->clock, job->clock);
  job->result = job->func (self->worker, job->data, &job->error);
  job->changes = g_steal_pointer (&self->worker->delivered);
  self->worker->delivered = g_array_new (FALSE, FALSE, sizeof (TrellisPendingChange));

  /* somebody else committed while the job ran, and it was not the main connection */
  if (trellis_sqlite_get_data_version (self->worker->db) != version &&
      g_atomic_int_get (&self->n_commits) == commits)
    job->external = TRUE;

  attach_to_caller (task, deliver_cb);
}

void
trellis_store_worker_free (TrellisStore *self)
{
  /* every job holds a reference to the store, so none is waiting now */
  if (self->worker_pool != NULL)
    g_thread_pool_free (g_steal_pointer (&self->worker_pool), FALSE, TRUE);
  g_clear_object (&self->worker);
}

void
trellis_store_set_use_worker (TrellisStore *self,
                              gboolean      use_worker)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_atomic_int_set (&self->no_worker, !use_worker);
}

/**
 * trellis_store_run_async:
 * @func: the synchronous call, run on the worker's store
 * @data: (transfer full): what @func needs, freed with @data_free on the caller's thread
 *   or the worker's; give the worker objects nobody changes meanwhile (copies)
 * @result_free: frees what @func returns when nobody takes it
 *
 * Runs @func on the worker (see the top of the file) and calls @callback on the caller's
 * thread-default main context, after the main store has emitted ::changed for what the job
 * committed.
 */
void
trellis_store_run_async (TrellisStore         *self,
                         TrellisStoreJobFunc   func,
                         gpointer              data,
                         GDestroyNotify        data_free,
                         GDestroyNotify        result_free,
                         GCancellable         *cancellable,
                         gpointer              source_tag,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (!self->is_worker);

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->clock = g_object_ref (self->clock);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[trellis-store] job");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  if (self->worker_pool == NULL && !g_atomic_int_get (&self->no_worker))
    {
      g_autoptr(GError) error = NULL;

      self->worker_pool = g_thread_pool_new (worker_run, NULL, 1, TRUE, &error);
      if (self->worker_pool == NULL)
        {
          g_warning ("Could not start the store’s worker: %s", error->message);
          g_atomic_int_set (&self->no_worker, TRUE);
        }
    }

  if (g_atomic_int_get (&self->no_worker))
    {
      attach_to_caller (g_steal_pointer (&task), run_here_cb);
      return;
    }

  /* another program's commit not announced yet: the watch still must announce it */
  if (self->n_in_flight == 0 && self->depth == 0 &&
      trellis_sqlite_get_data_version (self->db) != self->data_version)
    job->external = TRUE;
  self->n_in_flight++;
  g_thread_pool_push (self->worker_pool, g_steal_pointer (&task), NULL);
}

gpointer
trellis_store_run_finish (TrellisStore  *self,
                          GAsyncResult  *result,
                          gpointer       source_tag,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What a job that makes a record answers: its new id, or NULL when it failed */
gpointer
trellis_store_id_answer (gint64 id)
{
  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

/* The id a trellis_store_id_answer() job answered, or 0 with @error set */
gint64
trellis_store_run_finish_id (TrellisStore  *self,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             GError       **error)
{
  g_autofree gint64 *id = trellis_store_run_finish (self, result, source_tag, error);

  return id != NULL ? *id : 0;
}

gpointer
trellis_store_run_get_data (GAsyncResult *result)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  return job->data;
}

TrellisStoreQuery *
trellis_store_query_new (TrellisStaff *actor,
                         gint64        id,
                         const char   *text,
                         guint         limit)
{
  TrellisStoreQuery *query = g_new0 (TrellisStoreQuery, 1);

  query->actor = actor != NULL ? g_object_ref (actor) : NULL;
  query->id = id;
  query->text = g_strdup (text);
  query->limit = limit;
  return query;
}

void
trellis_store_query_free (TrellisStoreQuery *query)
{
  g_clear_object (&query->actor);
  g_free (query->text);
  g_free (query);
}
