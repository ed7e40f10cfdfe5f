/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-complaints.c: the complaints a child makes, and how each was handled
 *
 * A complaint is recorded, by whoever may change the child's details, with the day it was
 * made, what it was about and to whom; later, how it was handled, its outcome and whether the
 * child said they were satisfied. Recording the outcome again (the child appealed, say) adds a
 * row; the newest is the one shown, the earlier ones kept. Each row is tied to its audit row.
 * A Manager sees the home's counts by month.
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
 * trellis_store_record_complaint:
 * @made_on: the day the child made it
 * @about: what it is about, in the child's words where they can be kept
 * @made_to: whom the child told
 *
 * Returns: the new complaint's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_complaint (TrellisStore  *self,
                                TrellisStaff  *actor,
                                gint64         child_id,
                                GDateTime     *made_on,
                                const char    *about,
                                const char    *made_to,
                                GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *what = g_strstrip (g_strdup (about != NULL ? about : ""));
  g_autofree char *to = g_strstrip (g_strdup (made_to != NULL ? made_to : ""));
  g_autofree char *iso = NULL;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL ||
      !trellis_store_check_day_happened (self, child, made_on, error) ||
      !trellis_text_check_required (what, TRELLIS_TEXT_NOTES, _("What it is about"),
                                    _("Say what the complaint is about"), error) ||
      !trellis_text_check_required (to, TRELLIS_TEXT_LINE, _("Made to"),
                                    _("Say whom the child told"), error))
    return 0;

  iso = trellis_date_to_iso (made_on);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-complaint",
                                child_id, iso, &audit_id, error) ||
      !trellis_sqlite_complaint_insert (self->db, child_id, made_on, what, to,
                                        trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/**
 * trellis_store_record_complaint_outcome:
 * @resolved_on: the day it was settled: not before the complaint was made
 * @handled: how it was handled
 * @outcome: what came of it
 * @satisfied: what the child said
 *
 * Returns: %FALSE with @error set and nothing changed
 */
gboolean
trellis_store_record_complaint_outcome (TrellisStore      *self,
                                        TrellisStaff      *actor,
                                        gint64             complaint_id,
                                        GDateTime         *resolved_on,
                                        const char        *handled,
                                        const char        *outcome,
                                        TrellisSatisfied   satisfied,
                                        GError           **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(TrellisComplaint) complaint = NULL;
  g_autofree char *how = g_strstrip (g_strdup (handled != NULL ? handled : ""));
  g_autofree char *what = g_strstrip (g_strdup (outcome != NULL ? outcome : ""));
  g_autofree char *detail = NULL;
  gint64 audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  tx = trellis_transaction_begin (self, error);
  if (tx == NULL || !trellis_sqlite_complaint_get (self->db, complaint_id, &complaint, error))
    return FALSE;
  if (complaint == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("There is no complaint %lld"), (long long) complaint_id);
      return FALSE;
    }
  /* the child's Link Worker or a Manager, as for the complaint itself */
  if (!(child = trellis_store_load_child (self, trellis_complaint_get_child_id (complaint), error)) ||
      !trellis_store_check_actor (self, actor, TRELLIS_ACTION_EDIT_CHILD,
                                  trellis_child_get_link_worker_id (child), error) ||
      !trellis_store_check_day_happened (self, child, resolved_on, error))
    return FALSE;
  if (trellis_date_compare (resolved_on, trellis_complaint_get_made_on (complaint)) < 0)
    {
      g_autofree char *day = trellis_date_format (resolved_on);
      g_autofree char *made = trellis_date_format (trellis_complaint_get_made_on (complaint));

      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s is before the complaint was made, on %s"), day, made);
      return FALSE;
    }
  if (!trellis_text_check_required (how, TRELLIS_TEXT_NOTES, _("How it was handled"),
                                    _("Say how the complaint was handled"), error) ||
      !trellis_text_check_required (what, TRELLIS_TEXT_NOTES, _("Outcome"),
                                    _("Say what the outcome was"), error))
    return FALSE;
  if (trellis_enum_to_nick (TRELLIS_TYPE_SATISFIED, satisfied) == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose whether the child was satisfied"));
      return FALSE;
    }

  detail = g_strdup_printf ("%" G_GINT64_FORMAT " %s", complaint_id,
                            trellis_enum_to_nick (TRELLIS_TYPE_SATISFIED, satisfied));
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-complaint-outcome",
                                trellis_child_get_id (child), detail, &audit_id, error) ||
      !trellis_sqlite_complaint_outcome_insert (self->db, complaint_id,
                                                trellis_child_get_id (child), resolved_on, how,
                                                what, satisfied, trellis_staff_get_id (actor),
                                                audit_id, error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, trellis_child_get_id (child));
  return trellis_transaction_commit (tx, error);
}

/* Newest first, each with its newest outcome; anyone signed in who may read the child. */
GListModel *
trellis_store_list_complaints (TrellisStore  *self,
                               TrellisStaff  *actor,
                               gint64         child_id,
                               GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_complaint_list (self->db, child_id, error);
}

/**
 * trellis_store_count_complaints:
 * @months: how many months, this one included
 *
 * The home's complaints by the month they were made, newest first; months without any are
 * left out. A Manager's.
 *
 * Returns: (transfer full) (element-type TrellisComplaintCount): or %NULL with @error set
 */
GArray *
trellis_store_count_complaints (TrellisStore  *self,
                                TrellisStaff  *actor,
                                guint          months,
                                GError       **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) since = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (months > 0, NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_HOME_COUNTS, 0, error))
    return NULL;
  first = trellis_date_new (g_date_time_get_year (today), g_date_time_get_month (today), 1);
  since = g_date_time_add_months (first, 1 - (int) months);
  return trellis_sqlite_complaint_count_by_month (self->db, since, error);
}

static gpointer
list_complaints_job (TrellisStore  *store,
                     gpointer       data,
                     GError       **error)
{
  TrellisStoreQuery *query = data;

  return trellis_store_list_complaints (store, query->actor, query->id, error);
}

void
trellis_store_list_complaints_async (TrellisStore        *self,
                                     TrellisStaff        *actor,
                                     gint64               child_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, list_complaints_job,
                           trellis_store_query_new (actor, child_id, NULL, 0),
                           (GDestroyNotify) trellis_store_query_free, g_object_unref,
                           cancellable, trellis_store_list_complaints_async, callback, user_data);
}

GListModel *
trellis_store_list_complaints_finish (TrellisStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_complaints_async, error);
}

/* A complaint to record (@id the child's), or its outcome (@id the complaint's). */
typedef struct
{
  TrellisStaff     *actor;
  gint64            id;
  gboolean          outcome;
  GDateTime        *day;
  char             *first;       /* what it is about, or how it was handled */
  char             *second;      /* whom the child told, or the outcome */
  TrellisSatisfied  satisfied;
} ComplaintJob;

static void
complaint_job_free (ComplaintJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->day, g_date_time_unref);
  g_free (job->first);
  g_free (job->second);
  g_free (job);
}

static gpointer
record_complaint_job (TrellisStore  *store,
                      gpointer       data,
                      GError       **error)
{
  ComplaintJob *job = data;
  gint64 id = 0;

  if (!job->outcome)
    id = trellis_store_record_complaint (store, job->actor, job->id, job->day, job->first,
                                         job->second, error);
  else if (trellis_store_record_complaint_outcome (store, job->actor, job->id, job->day,
                                                   job->first, job->second, job->satisfied,
                                                   error))
    id = job->id;
  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

static void
run_complaint_job (TrellisStore        *self,
                   TrellisStaff        *actor,
                   gint64               id,
                   gboolean             outcome,
                   GDateTime           *day,
                   const char          *first,
                   const char          *second,
                   TrellisSatisfied     satisfied,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  ComplaintJob *job = g_new0 (ComplaintJob, 1);

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->id = id;
  job->outcome = outcome;
  job->day = day != NULL ? g_date_time_ref (day) : NULL;
  job->first = g_strdup (first);
  job->second = g_strdup (second);
  job->satisfied = satisfied;
  trellis_store_run_async (self, record_complaint_job, job, (GDestroyNotify) complaint_job_free,
                           g_free, cancellable, trellis_store_record_complaint_async, callback,
                           user_data);
}

/* trellis_store_record_complaint() on the store's worker, for the window. */
void
trellis_store_record_complaint_async (TrellisStore        *self,
                                      TrellisStaff        *actor,
                                      gint64               child_id,
                                      GDateTime           *made_on,
                                      const char          *about,
                                      const char          *made_to,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  run_complaint_job (self, actor, child_id, FALSE, made_on, about, made_to,
                     TRELLIS_SATISFIED_NOT_SAID, cancellable, callback, user_data);
}

/* trellis_store_record_complaint_outcome() on the store's worker, for the window. */
void
trellis_store_record_complaint_outcome_async (TrellisStore        *self,
                                              TrellisStaff        *actor,
                                              gint64               complaint_id,
                                              GDateTime           *resolved_on,
                                              const char          *handled,
                                              const char          *outcome,
                                              TrellisSatisfied     satisfied,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  run_complaint_job (self, actor, complaint_id, TRUE, resolved_on, handled, outcome, satisfied,
                     cancellable, callback, user_data);
}

gint64
trellis_store_record_complaint_finish (TrellisStore  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_autofree gint64 *id = trellis_store_run_finish (self, result,
                                                    trellis_store_record_complaint_async, error);

  return id != NULL ? *id : 0;
}
