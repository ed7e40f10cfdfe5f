/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-children.c: children's records
 *
 * Everyone in the home reads every child's record; a deliberate opening is audited, a
 * refresh of what is on screen is not. Managers add children; a child's Link Worker and the
 * Managers edit them. An edit keeps the previous version and refuses to overwrite one saved
 * by somebody else in the meantime.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-child-list.h"
#include "trellis-date.h"
#include "trellis-error.h"
#include "trellis-json-writer.h"
#include "trellis-record.h"
#include "trellis-store-private.h"

/* Without asking who reads: for the store's own files, once they have. */
TrellisChild *
trellis_store_load_child (TrellisStore  *self,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(TrellisChild) child = NULL;

  if (trellis_sqlite_child_get (self->db, id, &child, error) && child == NULL)
    trellis_store_no_such_child (id, error);
  return g_steal_pointer (&child);
}

/* Who may change a child's file depends on who the child's Link Worker is now, so the child
 * is read inside the transaction that changes it. */
TrellisTransaction *
trellis_store_begin_for_child (TrellisStore   *self,
                               TrellisStaff   *actor,
                               gint64          child_id,
                               TrellisChild  **child,
                               GError        **error)
{
  g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (self, error);

  if (tx == NULL || (*child = trellis_store_load_child (self, child_id, error)) == NULL ||
      !trellis_store_check_actor (self, actor, TRELLIS_ACTION_EDIT_CHILD,
                                  trellis_child_get_link_worker_id (*child), error))
    return NULL;
  return g_steal_pointer (&tx);
}

/* By the store's clock: "today" is the home's day, as everywhere else. */
gboolean
trellis_store_check_day_happened (TrellisStore  *self,
                                  TrellisChild  *child,
                                  GDateTime     *day,
                                  GError       **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);

  return trellis_store_check_day_by (child, day, today, error);
}

gboolean
trellis_store_check_day_by (TrellisChild  *child,
                            GDateTime     *day,
                            GDateTime     *latest,
                            GError       **error)
{
  g_autofree char *text = NULL;

  if (day == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("Enter the date"));
      return FALSE;
    }
  text = trellis_date_format (day);
  if (trellis_date_compare (day, latest) > 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s is in the future: record it once it has happened"), text);
      return FALSE;
    }
  if (trellis_date_compare (day, trellis_child_get_date_of_birth (child)) < 0)
    {
      g_autofree char *name = trellis_child_dup_display_name (child);

      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s is before %s was born"), text, name);
      return FALSE;
    }
  return TRUE;
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
  return trellis_store_load_child (self, id, error);
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
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  tx = trellis_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;
  child = trellis_store_get_child (self, actor, id, error);
  if (child == NULL ||
      !trellis_store_audit (self, trellis_staff_get_id (actor), "view-child", id, "", error) ||
      !trellis_transaction_commit (tx, error))
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
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autofree char *search_key = NULL;
  gint64 id, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), 0);
  g_return_val_if_fail (!trellis_child_is_placeholder (child), 0);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_ADD_CHILD, error);
  if (tx == NULL || !trellis_child_validate (child, today, error))
    return 0;

  search_key = make_search_key (child);
  id = trellis_sqlite_child_insert (self->db, child, search_key, trellis_staff_get_id (actor),
                                    error);
  if (id == 0 ||
      !trellis_store_audit_row (self, trellis_staff_get_id (actor), "add-child", id, "",
                                &audit_id, error) ||
      !trellis_sqlite_child_set_audit (self->db, id, audit_id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, id);
  if (!trellis_transaction_commit (tx, error))
    return 0;

  trellis_child_set_id (child, id);
  trellis_child_set_version (child, 1);
  return id;
}

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
  if (!trellis_sqlite_assignment_get_running (self->db, trellis_child_get_id (current), &found,
                                              error))
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
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) current = NULL;
  g_autoptr(TrellisAssignment) running = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *search_key = NULL;
  g_autofree char *snapshot = NULL;
  GDateTime *left;
  gint64 id, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), FALSE);
  /* a list's row still being read holds nothing to save */
  g_return_val_if_fail (!trellis_child_is_placeholder (child), FALSE);

  id = trellis_child_get_id (child);
  left = trellis_child_get_leaving_date (child);

  /* who may edit depends on who the child's Link Worker is now */
  tx = trellis_transaction_begin (self, error);
  if (tx == NULL || (current = trellis_store_load_child (self, id, error)) == NULL ||
      !trellis_store_check_actor (self, actor, TRELLIS_ACTION_EDIT_CHILD,
                                  trellis_child_get_link_worker_id (current), error) ||
      !trellis_child_validate (child, today, error))
    return FALSE;
  if (trellis_child_get_version (current) != trellis_child_get_version (child))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                   _("Someone else saved %s’s details while you were editing. Your changes "
                     "have not been saved; copy them, close the editor and try again."),
                   trellis_child_get_given_name (current));
      return FALSE;
    }
  fields = trellis_record_dup_changes (G_OBJECT (current), G_OBJECT (child));
  if (fields == NULL)
    return TRUE;
  if (!check_leaving_date (self, current, left, &running, error))
    return FALSE;

  search_key = make_search_key (child);
  snapshot = trellis_json_writer_dup_snapshot (G_OBJECT (current));
  if (!trellis_sqlite_child_keep_version (self->db, id, snapshot, trellis_staff_get_id (actor),
                                          error) ||
      !trellis_sqlite_child_update (self->db, child, search_key, trellis_staff_get_id (actor),
                                    error))
    return FALSE;
  if (running != NULL)
    {
      char *with_end = g_strconcat (fields, left != NULL ? ",link-worker-ended"
                                                         : ",link-worker-resumed", NULL);

      g_free (fields);
      fields = with_end;
      if (!trellis_sqlite_assignment_set_end (self->db, trellis_assignment_get_id (running), left,
                                              error))
        return FALSE;
    }

  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "edit-child", id, fields,
                                &audit_id, error) ||
      !trellis_sqlite_child_set_audit (self->db, id, audit_id, error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, id);
  if (!trellis_transaction_commit (tx, error))
    return FALSE;

  trellis_child_set_version (child, trellis_child_get_version (child) + 1);
  return TRUE;
}

guint
trellis_store_count_child_versions (TrellisStore  *self,
                                    TrellisStaff  *actor,
                                    gint64         child_id,
                                    GError       **error)
{
  guint count = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error) ||
      !trellis_sqlite_child_count_versions (self->db, child_id, &count, error))
    return 0;
  return count;
}

TrellisChildList *
trellis_store_list_children (TrellisStore *self,
                             TrellisStaff *actor)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return trellis_child_list_new (self, actor);
}

/**
 * trellis_store_get_children:
 * @ids: (array length=n_ids): the children to read, as a list model's page holds them
 *
 * Reads several children's records in one query, without auditing (a listing shows names,
 * not records). A child that is not there is left out.
 *
 * Returns: (transfer container): the children found, not necessarily in the order of @ids
 */
GPtrArray *
trellis_store_get_children (TrellisStore  *self,
                            TrellisStaff  *actor,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_child_get_many (self->db, ids, n_ids, error);
}

/* The _async calls: each runs the call above on the store's worker
 * (trellis-store-worker.c), on objects of its own. */

typedef struct
{
  TrellisStaff *actor;
  gint64        id;
  TrellisChild *child;      /* the worker's copy of the caller's child */
  TrellisChild *original;   /* the caller's: given its new id and version on its thread */
  GArray       *ids;
} ChildJob;

static void
child_job_free (ChildJob *job)
{
  g_clear_object (&job->actor);
  g_clear_object (&job->child);
  g_clear_object (&job->original);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

static ChildJob *
child_job_new (TrellisStaff *actor,
               gint64        id,
               TrellisChild *original)
{
  ChildJob *job = g_new0 (ChildJob, 1);

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->id = id;
  if (original != NULL)
    {
      job->original = g_object_ref (original);
      job->child = trellis_child_copy (original);
    }
  return job;
}

static gpointer
view_child_job (TrellisStore  *store,
                gpointer       data,
                GError       **error)
{
  ChildJob *job = data;
  return trellis_store_view_child (store, job->actor, job->id, error);
}

static gpointer
get_child_job (TrellisStore  *store,
               gpointer       data,
               GError       **error)
{
  ChildJob *job = data;
  return trellis_store_get_child (store, job->actor, job->id, error);
}

static gpointer
add_child_job (TrellisStore  *store,
               gpointer       data,
               GError       **error)
{
  ChildJob *job = data;

  if (trellis_store_add_child (store, job->actor, job->child, error) == 0)
    return NULL;
  return g_object_ref (job->child);
}

static gpointer
update_child_job (TrellisStore  *store,
                  gpointer       data,
                  GError       **error)
{
  ChildJob *job = data;

  if (!trellis_store_update_child (store, job->actor, job->child, error))
    return NULL;
  return g_object_ref (job->child);
}

static gpointer
get_children_job (TrellisStore  *store,
                  gpointer       data,
                  GError       **error)
{
  ChildJob *job = data;

  return trellis_store_get_children (store, job->actor, (const gint64 *) job->ids->data,
                                     job->ids->len, error);
}

/**
 * trellis_store_view_child_async:
 *
 * trellis_store_view_child() on the store's worker: the opening is audited as one view.
 * See trellis_store_run_async() for cancelling.
 */
void
trellis_store_view_child_async (TrellisStore        *self,
                                TrellisStaff        *actor,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, view_child_job, child_job_new (actor, id, NULL),
                           (GDestroyNotify) child_job_free, g_object_unref, cancellable,
                           trellis_store_view_child_async, callback, user_data);
}

/* Returns: (transfer full): the child, or %NULL with @error set */
TrellisChild *
trellis_store_view_child_finish (TrellisStore  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_view_child_async, error);
}

/* trellis_store_get_child() on the store's worker: not audited. */
void
trellis_store_get_child_async (TrellisStore        *self,
                               TrellisStaff        *actor,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, get_child_job, child_job_new (actor, id, NULL),
                           (GDestroyNotify) child_job_free, g_object_unref, cancellable,
                           trellis_store_get_child_async, callback, user_data);
}

TrellisChild *
trellis_store_get_child_finish (TrellisStore  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_get_child_async, error);
}

/* The caller's child takes the id and version the worker's copy was saved with, as the
 * synchronous calls give them. Returns: the child's id, or 0 with @error set */
static gint64
finish_save (TrellisStore  *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  ChildJob *job = trellis_store_run_get_data (result);
  g_autoptr(TrellisChild) saved = trellis_store_run_finish (self, result, source_tag, error);

  if (saved == NULL)
    return 0;
  trellis_child_set_id (job->original, trellis_child_get_id (saved));
  trellis_child_set_version (job->original, trellis_child_get_version (saved));
  return trellis_child_get_id (saved);
}

/**
 * trellis_store_add_child_async:
 * @child: the new child; the worker saves a copy, and _finish sets @child's id and version
 *   as trellis_store_add_child() does
 *
 * trellis_store_add_child() on the store's worker. A save that has started is finished
 * even when @cancellable is cancelled meanwhile.
 */
void
trellis_store_add_child_async (TrellisStore        *self,
                               TrellisStaff        *actor,
                               TrellisChild        *child,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (TRELLIS_IS_CHILD (child));

  trellis_store_run_async (self, add_child_job, child_job_new (actor, 0, child),
                           (GDestroyNotify) child_job_free, g_object_unref, cancellable,
                           trellis_store_add_child_async, callback, user_data);
}

/* Returns: the new child's id, or 0 with @error set */
gint64
trellis_store_add_child_finish (TrellisStore  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_save (self, result, trellis_store_add_child_async, error);
}

/**
 * trellis_store_update_child_async:
 * @child: the edited copy; the worker saves a copy of it, and _finish moves @child's
 *   version on as trellis_store_update_child() does
 *
 * trellis_store_update_child() on the store's worker. A save that has started is finished
 * even when @cancellable is cancelled meanwhile.
 */
void
trellis_store_update_child_async (TrellisStore        *self,
                                  TrellisStaff        *actor,
                                  TrellisChild        *child,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (TRELLIS_IS_CHILD (child));

  trellis_store_run_async (self, update_child_job, child_job_new (actor, 0, child),
                           (GDestroyNotify) child_job_free, g_object_unref, cancellable,
                           trellis_store_update_child_async, callback, user_data);
}

gboolean
trellis_store_update_child_finish (TrellisStore  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_save (self, result, trellis_store_update_child_async, error) != 0;
}

/* trellis_store_get_children() on the store's worker: a page of a list, read off the UI
 * thread. */
void
trellis_store_get_children_async (TrellisStore        *self,
                                  TrellisStaff        *actor,
                                  const gint64        *ids,
                                  guint                n_ids,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ChildJob *job;

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  job = child_job_new (actor, 0, NULL);
  job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (job->ids, ids, n_ids);
  trellis_store_run_async (self, get_children_job, job, (GDestroyNotify) child_job_free,
                           (GDestroyNotify) g_ptr_array_unref, cancellable,
                           trellis_store_get_children_async, callback, user_data);
}

/* Returns: (transfer container): as trellis_store_get_children() */
GPtrArray *
trellis_store_get_children_finish (TrellisStore  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_get_children_async, error);
}

/**
 * trellis_store_find_same_child:
 *
 * Whether a child with @child's names (ignoring case) and date of birth is in the home
 * already, left or not: what adding @child would double. Anyone who may add a child may
 * ask. Returns: that child's id, 0 when there is none, or -1 with @error set
 */
gint64
trellis_store_find_same_child (TrellisStore  *self,
                               TrellisStaff  *actor,
                               TrellisChild  *child,
                               GError       **error)
{
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  gint64 id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), -1);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), -1);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_ADD_CHILD, 0, error))
    return -1;
  if (trellis_child_get_date_of_birth (child) == NULL)
    return 0;
  given = g_strstrip (g_strdup (trellis_child_get_given_name (child)));
  family = g_strstrip (g_strdup (trellis_child_get_family_name (child)));
  if (!trellis_sqlite_child_find_same (self->db, given, family,
                                       trellis_child_get_date_of_birth (child), &id, error))
    return -1;
  return id;
}

typedef struct
{
  TrellisStaff *actor;
  TrellisChild *child;
} SameChild;

static void
same_child_free (SameChild *same)
{
  g_clear_object (&same->actor);
  g_clear_object (&same->child);
  g_free (same);
}

static gpointer
find_same_child_job (TrellisStore  *store,
                     gpointer       data,
                     GError       **error)
{
  SameChild *same = data;
  gint64 id = trellis_store_find_same_child (store, same->actor, same->child, error);

  return id >= 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

/* trellis_store_find_same_child() on the store's worker, before the editor adds a child. */
void
trellis_store_find_same_child_async (TrellisStore        *self,
                                     TrellisStaff        *actor,
                                     TrellisChild        *child,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  SameChild *same = g_new0 (SameChild, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (TRELLIS_IS_CHILD (child));

  same->actor = actor != NULL ? g_object_ref (actor) : NULL;
  /* a copy: the editor goes on holding what was typed */
  same->child = trellis_child_copy (child);
  trellis_store_run_async (self, find_same_child_job, same, (GDestroyNotify) same_child_free,
                           g_free, cancellable, trellis_store_find_same_child_async, callback,
                           user_data);
}

/* Returns: the id of the same child, 0 when there is none, or -1 with @error set */
gint64
trellis_store_find_same_child_finish (TrellisStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_autofree gint64 *id = trellis_store_run_finish (self, result,
                                                    trellis_store_find_same_child_async, error);

  return id != NULL ? *id : -1;
}
