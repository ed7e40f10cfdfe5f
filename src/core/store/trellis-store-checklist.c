/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-checklist.c: what a child placed here has been given and told
 *
 * The Link Working guidance lists what a child is given and told when they come: the Young
 * Person's Guide read with them, the complaints procedure explained, the house rules, what
 * to do when the fire alarm sounds, their care and placement plans explained and a copy
 * given. Each is recorded on the day it was done by whoever may change the child's details
 * (their Link Worker or a Manager), with a note; done again, it is a new row, never a
 * change; each row is tied to its audit row.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

/**
 * trellis_store_record_checklist:
 * @done_on: the day it was done
 * @notes: (nullable): how it went, briefly
 *
 * Returns: the new row's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_checklist (TrellisStore          *self,
                                TrellisStaff          *actor,
                                gint64                 child_id,
                                TrellisChecklistItem   item,
                                GDateTime             *done_on,
                                const char            *notes,
                                GError               **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (notes != NULL ? notes : ""));
  g_autofree char *iso = NULL;
  g_autofree char *detail = NULL;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if (trellis_enum_to_nick (TRELLIS_TYPE_CHECKLIST_ITEM, item) == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose what the child was given or told"));
      return 0;
    }
  if (!trellis_store_check_day_happened (self, child, done_on, error) ||
      !trellis_text_check (trimmed, TRELLIS_TEXT_NOTES, _("Notes"), error))
    return 0;

  iso = trellis_date_to_iso (done_on);
  detail = g_strdup_printf ("%s %s", trellis_enum_to_nick (TRELLIS_TYPE_CHECKLIST_ITEM, item),
                            iso);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-checklist",
                                child_id, detail, &audit_id, error) ||
      !trellis_sqlite_checklist_insert (self->db, child_id, item, done_on, trimmed,
                                        trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/* Newest first; anyone signed in who may read the child. */
GListModel *
trellis_store_list_checklist (TrellisStore  *self,
                              TrellisStaff  *actor,
                              gint64         child_id,
                              GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_checklist_list (self->db, child_id, error);
}

static gpointer
list_checklist_job (TrellisStore  *store,
                    gpointer       data,
                    GError       **error)
{
  TrellisStoreQuery *query = data;

  return trellis_store_list_checklist (store, query->actor, query->id, error);
}

void
trellis_store_list_checklist_async (TrellisStore        *self,
                                    TrellisStaff        *actor,
                                    gint64               child_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, list_checklist_job,
                           trellis_store_query_new (actor, child_id, NULL, 0),
                           (GDestroyNotify) trellis_store_query_free, g_object_unref,
                           cancellable, trellis_store_list_checklist_async, callback, user_data);
}

GListModel *
trellis_store_list_checklist_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_checklist_async, error);
}

typedef struct
{
  TrellisStaff         *actor;
  gint64                child_id;
  TrellisChecklistItem  item;
  GDateTime            *done_on;
  char                 *notes;
} ChecklistJob;

static void
checklist_job_free (ChecklistJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->done_on, g_date_time_unref);
  g_free (job->notes);
  g_free (job);
}

static gpointer
record_checklist_job (TrellisStore  *store,
                      gpointer       data,
                      GError       **error)
{
  ChecklistJob *job = data;
  gint64 id = trellis_store_record_checklist (store, job->actor, job->child_id, job->item,
                                              job->done_on, job->notes, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

/* trellis_store_record_checklist() on the store's worker, for the window. */
void
trellis_store_record_checklist_async (TrellisStore          *self,
                                      TrellisStaff          *actor,
                                      gint64                 child_id,
                                      TrellisChecklistItem   item,
                                      GDateTime             *done_on,
                                      const char            *notes,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  ChecklistJob *job = g_new0 (ChecklistJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->child_id = child_id;
  job->item = item;
  job->done_on = done_on != NULL ? g_date_time_ref (done_on) : NULL;
  job->notes = g_strdup (notes);
  trellis_store_run_async (self, record_checklist_job, job, (GDestroyNotify) checklist_job_free,
                           g_free, cancellable, trellis_store_record_checklist_async, callback,
                           user_data);
}

/* Returns: the new row's id, or 0 with @error set */
gint64
trellis_store_record_checklist_finish (TrellisStore  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_autofree gint64 *id = trellis_store_run_finish (self, result,
                                                    trellis_store_record_checklist_async, error);

  return id != NULL ? *id : 0;
}
