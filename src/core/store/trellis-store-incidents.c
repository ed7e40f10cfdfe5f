/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-incidents.c: incidents in a child's care — behaviour incidents, physical
 * interventions, missing-from-care episodes with the return interview
 *
 * Recorded by whoever may change the child's details (their Link Worker or a Manager), with
 * the day and time and what happened; a missing episode may carry its return interview (the
 * day it was held, by whom, what the child said), which belongs to no other kind. Kept and
 * never deleted or changed, each tied to its audit row.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

static gboolean
check_long_text (const char *text, const char *label, GError **error)
{
  if (!trellis_text_check (text, TRELLIS_TEXT_NOTES, label, error))
    return FALSE;
  if (g_utf8_strlen (text, -1) > TRELLIS_INCIDENT_TEXT_MAX_CHARS)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s is too long: at most %d characters"), label,
                   TRELLIS_INCIDENT_TEXT_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* The return interview: none, or held on a day from the episode's to today, by someone,
 * with what the child said. */
static gboolean
check_interview (const TrellisIncidentReport *report,
                 const char                  *by,
                 const char                  *said,
                 GDateTime                   *today,
                 GError                     **error)
{
  gboolean any = report->interview_on != NULL || *by != '\0' || *said != '\0';

  if (!any)
    return TRUE;
  if (report->kind != TRELLIS_INCIDENT_MISSING)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("A return interview follows a missing episode only"));
      return FALSE;
    }
  if (report->interview_on == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Enter the day the return interview was held"));
      return FALSE;
    }
  if (trellis_date_compare (report->interview_on, report->happened_on) < 0
      || trellis_date_compare (report->interview_on, today) > 0)
    {
      g_autofree char *day = trellis_date_format (report->interview_on);

      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The return interview on %s must be between the episode and today"), day);
      return FALSE;
    }
  return trellis_text_check_required (by, TRELLIS_TEXT_LINE, _("Interview held by"),
                                      _("Say who held the return interview"), error)
         && trellis_text_check_required (said, TRELLIS_TEXT_NOTES, _("What the child said"),
                                         _("Write what the child said, in their words, or that "
                                            "they chose not to talk"),
                                         error)
         && check_long_text (said, _("What the child said"), error);
}

/**
 * trellis_store_record_incident:
 *
 * Returns: the incident's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_incident (TrellisStore                *self,
                               TrellisStaff                *actor,
                               gint64                       child_id,
                               const TrellisIncidentReport *report,
                               GError                     **error)
{
  g_autoptr (GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr (TrellisTransaction) tx = NULL;
  g_autoptr (TrellisChild) child = NULL;
  g_autoptr (TrellisIncident) incident = NULL;
  g_autofree char *time = NULL;
  g_autofree char *what = NULL;
  g_autofree char *by = NULL;
  g_autofree char *said = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *detail = NULL;
  const char      *nick;
  gint64           id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);
  g_return_val_if_fail (report != NULL, 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if ((nick = trellis_enum_to_nick (TRELLIS_TYPE_INCIDENT_KIND, report->kind)) == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose the kind of incident"));
      return 0;
    }
  what = g_strstrip (g_strdup (report->what != NULL ? report->what : ""));
  by = g_strstrip (g_strdup (report->interview_by != NULL ? report->interview_by : ""));
  said = g_strstrip (g_strdup (report->child_said != NULL ? report->child_said : ""));
  if (!trellis_store_check_day_happened (self, child, report->happened_on, error)
      || (time = trellis_incident_parse_time (report->time, error)) == NULL
      || !trellis_text_check_required (what, TRELLIS_TEXT_NOTES, _("What happened"),
                                       _("Say what happened"), error)
      || !check_long_text (what, _("What happened"), error)
      || !check_interview (report, by, said, today, error))
    return 0;

  incident = trellis_incident_new (0, child_id, report->kind, report->happened_on, time, what,
                                   report->interview_on, by, said, NULL);
  iso = trellis_date_to_iso (report->happened_on);
  detail = g_strdup_printf ("%s %s %s", nick, iso, time);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-incident", child_id,
                                detail, &audit_id, error)
      || !trellis_sqlite_incident_insert (self->db, incident, trellis_staff_get_id (actor),
                                          audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/* Newest first; anyone signed in who may read the child. */
GListModel *
trellis_store_list_incidents (TrellisStore *self,
                              TrellisStaff *actor,
                              gint64        child_id,
                              GError      **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_incident_list (self->db, child_id, error);
}

/**
 * trellis_store_count_incidents:
 * @incidents: (element-type TrellisIncident): as listed
 *
 * Returns: (transfer full) (element-type TrellisIncidentMonth): @incidents counted for the
 *   @n_months months to @today's (trellis_incidents_per_month())
 */
GArray *
trellis_store_count_incidents (GListModel *incidents, GDateTime *today, guint n_months)
{
  guint                           n = g_list_model_get_n_items (incidents);
  g_autofree TrellisIncidentKind *kinds = g_new0 (TrellisIncidentKind, MAX (n, 1));
  g_autofree GDateTime          **days = g_new0 (GDateTime *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TrellisIncident) incident = g_list_model_get_item (incidents, i);

      kinds[i] = trellis_incident_get_kind (incident);
      days[i] = trellis_incident_get_happened_on (incident); /* the list holds it */
    }
  return trellis_incidents_per_month (kinds, (GDateTime *const *)days, n, today, n_months);
}

typedef struct
{
  TrellisStaff       *actor;
  gint64              child_id;
  TrellisIncidentKind kind;
  GDateTime          *happened_on;
  char               *time;
  char               *what;
  GDateTime          *interview_on;
  char               *interview_by;
  char               *child_said;
} IncidentJob;

static void
incident_job_free (IncidentJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->happened_on, g_date_time_unref);
  g_clear_pointer (&job->interview_on, g_date_time_unref);
  g_free (job->time);
  g_free (job->what);
  g_free (job->interview_by);
  g_free (job->child_said);
  g_free (job);
}

static gpointer
record_incident_job (TrellisStore *store, gpointer data, GError **error)
{
  IncidentJob          *job = data;
  TrellisIncidentReport report = {
    job->kind,         job->happened_on,  job->time,       job->what,
    job->interview_on, job->interview_by, job->child_said,
  };
  gint64 id = trellis_store_record_incident (store, job->actor, job->child_id, &report, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

/* trellis_store_record_incident() on the store's worker, for the window */
void
trellis_store_record_incident_async (TrellisStore                *self,
                                     TrellisStaff                *actor,
                                     gint64                       child_id,
                                     const TrellisIncidentReport *report,
                                     GCancellable                *cancellable,
                                     GAsyncReadyCallback          callback,
                                     gpointer                     user_data)
{
  IncidentJob *job = g_new0 (IncidentJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (report != NULL);

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->child_id = child_id;
  job->kind = report->kind;
  job->happened_on = report->happened_on != NULL ? g_date_time_ref (report->happened_on) : NULL;
  job->time = g_strdup (report->time);
  job->what = g_strdup (report->what);
  job->interview_on = report->interview_on != NULL ? g_date_time_ref (report->interview_on) : NULL;
  job->interview_by = g_strdup (report->interview_by);
  job->child_said = g_strdup (report->child_said);
  trellis_store_run_async (self, record_incident_job, job, (GDestroyNotify)incident_job_free,
                           g_free, cancellable, trellis_store_record_incident_async, callback,
                           user_data);
}

gint64
trellis_store_record_incident_finish (TrellisStore *self, GAsyncResult *result, GError **error)
{
  g_autofree gint64 *id
      = trellis_store_run_finish (self, result, trellis_store_record_incident_async, error);

  return id != NULL ? *id : 0;
}

static gpointer
list_incidents_job (TrellisStore *store, gpointer data, GError **error)
{
  TrellisStoreQuery *query = data;

  return trellis_store_list_incidents (store, query->actor, query->id, error);
}

void
trellis_store_list_incidents_async (TrellisStore       *self,
                                    TrellisStaff       *actor,
                                    gint64              child_id,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, list_incidents_job,
                           trellis_store_query_new (actor, child_id, NULL, 0),
                           (GDestroyNotify)trellis_store_query_free, g_object_unref, cancellable,
                           trellis_store_list_incidents_async, callback, user_data);
}

GListModel *
trellis_store_list_incidents_finish (TrellisStore *self, GAsyncResult *result, GError **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_incidents_async, error);
}
