/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-care-plans.c: a child's plans, every version of each, and their approval
 *
 * A plan (placement plan, Behaviour Management Plan, a risk assessment for each risk,
 * health care plan, Personal Education Plan) is written by whoever may change the child's
 * details: their Link Worker or a Manager. Saving keeps a draft; submitting sends it to a
 * Manager, who approves it or returns it to draft with a comment saying what to change.
 * Each of those steps is a new version with who and when, tied to its audit row: no version
 * is ever changed or removed, so the history shows what each step changed. Visitors, and
 * Staff who are not the child's Link Worker, read them.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

static gboolean
no_such_plan (gint64    plan_id,
              GError  **error)
{
  g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND, _("There is no plan %lld"),
               (long long) plan_id);
  return FALSE;
}

/* The plan @plan_id as it is now, in *@current; FALSE with @error when there is none */
static gboolean
load_current (TrellisStore             *self,
              gint64                    plan_id,
              TrellisCarePlanVersion  **current,
              GError                  **error)
{
  if (!trellis_sqlite_care_plan_get_version (self->db, plan_id, 0, current, error))
    return FALSE;
  return *current != NULL || no_such_plan (plan_id, error);
}

/* Keeps version @number of @plan_id: its audit row first, which the version names. */
static gboolean
add_version (TrellisStore                  *self,
             TrellisStaff                  *actor,
             gint64                         plan_id,
             gint64                         child_id,
             guint                          number,
             TrellisCarePlanStatus          status,
             TrellisCarePlanStep            step,
             const TrellisCarePlanContent  *content,
             const char                    *comment,
             GError                       **error)
{
  g_autofree char *action = g_strconcat (trellis_enum_to_nick (TRELLIS_TYPE_CARE_PLAN_STEP, step),
                                         "-care-plan", NULL);
  /* which plan and version, never what it says: the trail is read by more people */
  g_autofree char *detail = g_strdup_printf ("%s %" G_GINT64_FORMAT " v%u",
                                             trellis_enum_to_nick (TRELLIS_TYPE_CARE_PLAN_KIND,
                                                                   content->kind),
                                             plan_id, number);
  gint64 audit_id = 0;

  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), action, child_id, detail,
                                &audit_id, error) ||
      !trellis_sqlite_care_plan_add_version (self->db, plan_id, child_id, number, status, step,
                                             content, comment, trellis_staff_get_id (actor),
                                             trellis_clock_get_now (self->clock), audit_id,
                                             error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  return TRUE;
}

/**
 * trellis_store_save_care_plan:
 * @plan_id: the plan a new version is of, or 0 for a new plan of @content's kind
 * @submit: send it to a Manager for approval, rather than keep it as a draft
 *
 * Keeps @content as the plan's next version, by the child's Link Worker or a Manager.
 * Returns: the plan's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_save_care_plan (TrellisStore                  *self,
                              TrellisStaff                  *actor,
                              gint64                         child_id,
                              gint64                         plan_id,
                              const TrellisCarePlanContent  *content,
                              gboolean                       submit,
                              GError                       **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(TrellisCarePlanVersion) current = NULL;
  g_autoptr(TrellisCarePlanContent) kept = NULL;
  guint number = 1;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);
  g_return_val_if_fail (content != NULL, 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if (plan_id != 0)
    {
      if (!load_current (self, plan_id, &current, error))
        return 0;
      if (trellis_care_plan_version_get_child_id (current) != child_id)
        return no_such_plan (plan_id, error);
      if (trellis_care_plan_version_get_kind (current) != content->kind)
        {
          g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                               _("A plan keeps its kind: start a new plan of the other kind"));
          return 0;
        }
      number = trellis_care_plan_version_get_version (current) + 1;
    }
  if (!trellis_care_plan_content_check (content, trellis_child_get_date_of_birth (child), today,
                                        submit, NULL, error))
    return 0;

  /* what is kept has no spaces around it, as every other note */
  kept = trellis_care_plan_content_copy (content);
  for (guint i = 0; kept->sections[i] != NULL; i++)
    g_strstrip (kept->sections[i]);
  g_strstrip (kept->child_comments);

  if (plan_id == 0 &&
      !trellis_sqlite_care_plan_insert (self->db, child_id, content->kind, &plan_id, error))
    return 0;
  if (!add_version (self, actor, plan_id, child_id, number,
                    submit ? TRELLIS_CARE_PLAN_AWAITING_APPROVAL : TRELLIS_CARE_PLAN_DRAFT,
                    submit ? TRELLIS_CARE_PLAN_STEP_SUBMIT : TRELLIS_CARE_PLAN_STEP_SAVE,
                    kept, "", error) ||
      !trellis_transaction_commit (tx, error))
    return 0;
  return plan_id;
}

/* A Manager's decision on a plan awaiting approval: approved as it is, or back to draft
 * with @comment saying what to change. */
static gboolean
decide (TrellisStore  *self,
        TrellisStaff  *actor,
        gint64         plan_id,
        gboolean       approve,
        const char    *comment,
        GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisCarePlanVersion) current = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (comment != NULL ? comment : ""));

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_APPROVE_CARE_PLAN, error);
  if (tx == NULL || !load_current (self, plan_id, &current, error))
    return FALSE;
  if (trellis_care_plan_version_get_status (current) != TRELLIS_CARE_PLAN_AWAITING_APPROVAL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           approve ? _("Only a plan awaiting approval can be approved")
                                   : _("Only a plan awaiting approval can be returned"));
      return FALSE;
    }
  if (approve ? !trellis_text_check (trimmed, TRELLIS_TEXT_NOTES, _("Comment"), error)
              : !trellis_text_check_required (trimmed, TRELLIS_TEXT_NOTES, _("Comment"),
                                              _("Say what needs to change before it can be "
                                                "approved"), error))
    return FALSE;
  return add_version (self, actor, plan_id, trellis_care_plan_version_get_child_id (current),
                      trellis_care_plan_version_get_version (current) + 1,
                      approve ? TRELLIS_CARE_PLAN_APPROVED : TRELLIS_CARE_PLAN_DRAFT,
                      approve ? TRELLIS_CARE_PLAN_STEP_APPROVE : TRELLIS_CARE_PLAN_STEP_RETURN,
                      trellis_care_plan_version_get_content (current), trimmed, error) &&
         trellis_transaction_commit (tx, error);
}

/* A Manager approves the plan awaiting approval: a new version, the text as submitted. */
gboolean
trellis_store_approve_care_plan (TrellisStore  *self,
                                 TrellisStaff  *actor,
                                 gint64         plan_id,
                                 GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  return decide (self, actor, plan_id, TRUE, NULL, error);
}

/* A Manager returns the plan awaiting approval to draft, saying what to change. */
gboolean
trellis_store_return_care_plan (TrellisStore  *self,
                                TrellisStaff  *actor,
                                gint64         plan_id,
                                const char    *comment,
                                GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  return decide (self, actor, plan_id, FALSE, comment, error);
}

/* Each of the child's plans as it is now, oldest plan first; anyone signed in. */
GListModel *
trellis_store_list_care_plans (TrellisStore  *self,
                               TrellisStaff  *actor,
                               gint64         child_id,
                               GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_care_plan_list (self->db, child_id, error);
}

/* The home's plans awaiting approval, the longest waiting first, with each child's name. */
GListModel *
trellis_store_list_care_plans_awaiting (TrellisStore  *self,
                                        TrellisStaff  *actor,
                                        GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_care_plan_list_awaiting (self->db, error);
}

/* Every version of the plan, newest first. */
GListModel *
trellis_store_list_care_plan_versions (TrellisStore  *self,
                                       TrellisStaff  *actor,
                                       gint64         plan_id,
                                       GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_care_plan_list_versions (self->db, plan_id, error);
}

/**
 * trellis_store_get_care_plan:
 * @version: which version, or 0 for the plan as it is now
 *
 * Returns: (transfer full): the version, or %NULL with @error set
 */
TrellisCarePlanVersion *
trellis_store_get_care_plan (TrellisStore  *self,
                             TrellisStaff  *actor,
                             gint64         plan_id,
                             guint          version,
                             GError       **error)
{
  TrellisCarePlanVersion *found = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error) ||
      !trellis_sqlite_care_plan_get_version (self->db, plan_id, version, &found, error))
    return NULL;
  if (found == NULL)
    {
      if (version > 0)
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                     _("Plan %lld has no version %u"), (long long) plan_id, version);
      else
        no_such_plan (plan_id, error);
    }
  return found;
}

/* The window's calls, on the store's worker */

typedef struct
{
  TrellisStaff           *actor;
  gint64                  child_id;
  gint64                  plan_id;
  TrellisCarePlanContent *content;   /* a save; NULL for a decision */
  gboolean                yes;       /* submit, or approve */
  char                   *comment;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->content, trellis_care_plan_content_free);
  g_free (job->comment);
  g_free (job);
}

static gpointer
save_job (TrellisStore  *store,
          gpointer       data,
          GError       **error)
{
  SaveJob *job = data;
  gint64 id = 0;

  if (job->content != NULL)
    id = trellis_store_save_care_plan (store, job->actor, job->child_id, job->plan_id,
                                       job->content, job->yes, error);
  else if (decide (store, job->actor, job->plan_id, job->yes, job->comment, error))
    id = job->plan_id;
  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

static void
run_save_job (TrellisStore        *self,
              SaveJob             *job,
              TrellisStaff        *actor,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  trellis_store_run_async (self, save_job, job, (GDestroyNotify) save_job_free, g_free,
                           cancellable, trellis_store_save_care_plan_async, callback, user_data);
}

void
trellis_store_save_care_plan_async (TrellisStore                  *self,
                                    TrellisStaff                  *actor,
                                    gint64                         child_id,
                                    gint64                         plan_id,
                                    const TrellisCarePlanContent  *content,
                                    gboolean                       submit,
                                    GCancellable                  *cancellable,
                                    GAsyncReadyCallback            callback,
                                    gpointer                       user_data)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (content != NULL);

  job->child_id = child_id;
  job->plan_id = plan_id;
  job->content = trellis_care_plan_content_copy (content);
  job->yes = submit;
  run_save_job (self, job, actor, cancellable, callback, user_data);
}

void
trellis_store_decide_care_plan_async (TrellisStore        *self,
                                      TrellisStaff        *actor,
                                      gint64               plan_id,
                                      gboolean             approve,
                                      const char          *comment,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->plan_id = plan_id;
  job->yes = approve;
  job->comment = g_strdup (comment);
  run_save_job (self, job, actor, cancellable, callback, user_data);
}

/* Returns: the plan's id, or 0 with @error set */
gint64
trellis_store_save_care_plan_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autofree gint64 *id = trellis_store_run_finish (self, result,
                                                    trellis_store_save_care_plan_async, error);

  return id != NULL ? *id : 0;
}

static gpointer
list_job (TrellisStore  *store,
          gpointer       data,
          GError       **error)
{
  TrellisStoreQuery *query = data;

  switch (query->limit)
    {
    case TRELLIS_CARE_PLAN_LIST_CHILD:
      return trellis_store_list_care_plans (store, query->actor, query->id, error);
    case TRELLIS_CARE_PLAN_LIST_VERSIONS:
      return trellis_store_list_care_plan_versions (store, query->actor, query->id, error);
    case TRELLIS_CARE_PLAN_LIST_AWAITING:
    default:
      return trellis_store_list_care_plans_awaiting (store, query->actor, error);
    }
}

void
trellis_store_list_care_plans_async (TrellisStore        *self,
                                     TrellisStaff        *actor,
                                     TrellisCarePlanList  list,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  /* which list rides in the query's limit */
  trellis_store_run_async (self, list_job, trellis_store_query_new (actor, id, NULL, list),
                           (GDestroyNotify) trellis_store_query_free, g_object_unref,
                           cancellable, trellis_store_list_care_plans_async, callback,
                           user_data);
}

GListModel *
trellis_store_list_care_plans_finish (TrellisStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_care_plans_async, error);
}
