/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-health.c: a child's health checks, and the home's intervals for them
 *
 * A check is recorded by whoever may change the child's details (their Link Worker or a
 * Manager), on a day that has happened and not before the child was born; it is kept, never
 * changed, tied to its audit row. When each falls due next is worked out from the checks,
 * the child's dates and the home's intervals (rules/trellis-health-rules.c), which a Manager
 * or an Administrator may change.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

/* Notes as everywhere else (no control characters; given, when @required, or @missing),
 * and briefer than most: at most @max_chars, or @too_long. */
gboolean
trellis_store_check_brief (const char  *text,
                           gboolean     required,
                           const char  *label,
                           const char  *missing,
                           guint        max_chars,
                           const char  *too_long,
                           GError     **error)
{
  if (required ? !trellis_text_check_required (text, TRELLIS_TEXT_NOTES, label, missing, error)
               : !trellis_text_check (text, TRELLIS_TEXT_NOTES, label, error))
    return FALSE;
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, too_long);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_store_record_health_check:
 * @done_on: the day of the check
 * @notes: (nullable): what came of it, briefly
 *
 * Returns: the new record's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_health_check (TrellisStore        *self,
                                   TrellisStaff        *actor,
                                   gint64               child_id,
                                   TrellisHealthCheck   check,
                                   GDateTime           *done_on,
                                   const char          *notes,
                                   GError             **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (notes != NULL ? notes : ""));
  g_autofree char *detail = NULL;
  g_autofree char *too_long = NULL;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if (trellis_enum_to_nick (TRELLIS_TYPE_HEALTH_CHECK, check) == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Choose which health check it was"));
      return 0;
    }
  if (!trellis_store_check_day_happened (self, child, done_on, error))
    return 0;
  too_long = g_strdup_printf (_("The notes are too long: at most %d characters, with the details "
                                "kept in the child’s health records"),
                              TRELLIS_HEALTH_NOTES_MAX_CHARS);
  if (!trellis_store_check_brief (trimmed, FALSE, _("Notes"), NULL,
                                  TRELLIS_HEALTH_NOTES_MAX_CHARS, too_long, error))
    return 0;

  {
    g_autofree char *iso = trellis_date_to_iso (done_on);
    detail = g_strdup_printf ("%s %s", trellis_enum_to_nick (TRELLIS_TYPE_HEALTH_CHECK, check),
                              iso);
  }
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-health-check",
                                child_id, detail, &audit_id, error) ||
      !trellis_sqlite_health_insert (self->db, child_id, check, done_on, trimmed,
                                     trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/**
 * trellis_store_record_registration:
 * @practice: the practice's name
 * @registered_on: the day the child was registered there
 *
 * Where the child is now registered for @kind of care: a new row, the newest the current
 * one. Returns: the new row's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_registration (TrellisStore             *self,
                                   TrellisStaff             *actor,
                                   gint64                    child_id,
                                   TrellisRegistrationKind   kind,
                                   const char               *practice,
                                   GDateTime                *registered_on,
                                   GError                  **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *name = g_strstrip (g_strdup (practice != NULL ? practice : ""));
  g_autofree char *detail = NULL;
  g_autofree char *iso = NULL;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if (trellis_enum_to_nick (TRELLIS_TYPE_REGISTRATION_KIND, kind) == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose GP, dentist or optician"));
      return 0;
    }
  if (!trellis_text_check_required (name, TRELLIS_TEXT_LINE, _("Practice"),
                                    _("Enter the name of the practice"), error) ||
      !trellis_store_check_day_happened (self, child, registered_on, error))
    return 0;

  iso = trellis_date_to_iso (registered_on);
  detail = g_strdup_printf ("%s %s", trellis_enum_to_nick (TRELLIS_TYPE_REGISTRATION_KIND, kind),
                            iso);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-registration",
                                child_id, detail, &audit_id, error) ||
      !trellis_sqlite_registration_insert (self->db, child_id, kind, name, registered_on,
                                           trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/* Newest first; anyone signed in who may read the child. */
GListModel *
trellis_store_list_registrations (TrellisStore  *self,
                                  TrellisStaff  *actor,
                                  gint64         child_id,
                                  GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_registration_list (self->db, child_id, error);
}

/* Newest first; anyone signed in who may read the child. */
GListModel *
trellis_store_list_health_checks (TrellisStore  *self,
                                  TrellisStaff  *actor,
                                  gint64         child_id,
                                  GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_health_list (self->db, child_id, error);
}

/* The section needs the home's intervals with the checks: both read on the worker. */
typedef struct
{
  TrellisStaff           *actor;
  gint64                  child_id;
  TrellisHealthIntervals  intervals;
  GListModel             *registrations;
  GListModel             *appointments;
} HealthQuery;

static void
health_query_free (HealthQuery *query)
{
  g_clear_object (&query->actor);
  g_clear_object (&query->registrations);
  g_clear_object (&query->appointments);
  g_free (query);
}

static gpointer
list_health_checks_job (TrellisStore  *store,
                        gpointer       data,
                        GError       **error)
{
  HealthQuery *query = data;
  g_autoptr(GListModel) list = trellis_store_list_health_checks (store, query->actor,
                                                                 query->child_id, error);

  if (list == NULL || !trellis_store_get_health_intervals (store, &query->intervals, error) ||
      (query->registrations = trellis_store_list_registrations (store, query->actor,
                                                                query->child_id, error)) == NULL ||
      (query->appointments = trellis_store_list_appointments (store, query->actor,
                                                              query->child_id, error)) == NULL)
    return NULL;
  return g_steal_pointer (&list);
}

void
trellis_store_list_health_checks_async (TrellisStore        *self,
                                        TrellisStaff        *actor,
                                        gint64               child_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  HealthQuery *query = g_new0 (HealthQuery, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  query->actor = actor != NULL ? g_object_ref (actor) : NULL;
  query->child_id = child_id;
  trellis_store_run_async (self, list_health_checks_job, query,
                           (GDestroyNotify) health_query_free, g_object_unref,
                           cancellable, trellis_store_list_health_checks_async, callback,
                           user_data);
}

/* @intervals: (out) (optional): the home's, read with the checks
 * @registrations: (out) (optional) (transfer full): the child's, newest first
 * @appointments: (out) (optional) (transfer full): the child's, the upcoming first, as
 *   trellis_store_list_appointments() */
GListModel *
trellis_store_list_health_checks_finish (TrellisStore            *self,
                                         GAsyncResult            *result,
                                         TrellisHealthIntervals  *intervals,
                                         GListModel             **registrations,
                                         GListModel             **appointments,
                                         GError                 **error)
{
  GListModel *list = trellis_store_run_finish (self, result,
                                               trellis_store_list_health_checks_async, error);
  HealthQuery *query = trellis_store_run_get_data (result);

  if (list != NULL && intervals != NULL)
    *intervals = query->intervals;
  if (registrations != NULL)
    *registrations = list != NULL ? g_object_ref (query->registrations) : NULL;
  if (appointments != NULL)
    *appointments = list != NULL ? g_object_ref (query->appointments) : NULL;
  return list;
}

gboolean
trellis_store_get_health_intervals (TrellisStore           *self,
                                    TrellisHealthIntervals *intervals,
                                    GError                **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  return trellis_sqlite_health_get_intervals (self->db, intervals, error);
}

/* A Manager or an Administrator; audited. */
gboolean
trellis_store_set_health_intervals (TrellisStore                  *self,
                                    TrellisStaff                  *actor,
                                    const TrellisHealthIntervals  *intervals,
                                    GError                       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_CHANGE_HOME_SETTINGS, error);
  if (tx == NULL || !trellis_health_intervals_check (intervals, error))
    return FALSE;
  detail = g_strdup_printf ("%u/%u/%u/%u", intervals->assessment_under_5,
                            intervals->assessment_from_5, intervals->dental, intervals->sight);
  if (!trellis_sqlite_health_set_intervals (self->db, intervals, error) ||
      !trellis_store_audit (self, trellis_staff_get_id (actor), "change-health-intervals", 0,
                            detail, error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_HOME, 1);
  return trellis_transaction_commit (tx, error);
}

typedef struct
{
  TrellisStaff           *actor;
  gint64                  child_id;
  gboolean                registration;  /* a registration (kind, practice), not a check */
  TrellisHealthCheck      check;
  TrellisRegistrationKind kind;
  GDateTime              *done_on;
  char                   *notes;         /* or the practice */
} HealthCheckJob;

static void
health_check_job_free (HealthCheckJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->done_on, g_date_time_unref);
  g_free (job->notes);
  g_free (job);
}

static gpointer
record_health_check_job (TrellisStore  *store,
                         gpointer       data,
                         GError       **error)
{
  HealthCheckJob *job = data;
  gint64 id = job->registration
                ? trellis_store_record_registration (store, job->actor, job->child_id, job->kind,
                                                     job->notes, job->done_on, error)
                : trellis_store_record_health_check (store, job->actor, job->child_id, job->check,
                                                     job->done_on, job->notes, error);

  return trellis_store_id_answer (id);
}

/* trellis_store_record_health_check() on the store's worker, for the window. */
void
trellis_store_record_health_check_async (TrellisStore        *self,
                                         TrellisStaff        *actor,
                                         gint64               child_id,
                                         TrellisHealthCheck   check,
                                         GDateTime           *done_on,
                                         const char          *notes,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  HealthCheckJob *job = g_new0 (HealthCheckJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->child_id = child_id;
  job->check = check;
  job->done_on = done_on != NULL ? g_date_time_ref (done_on) : NULL;
  job->notes = g_strdup (notes);
  trellis_store_run_async (self, record_health_check_job, job,
                           (GDestroyNotify) health_check_job_free, g_free, cancellable,
                           trellis_store_record_health_check_async, callback, user_data);
}

/* Returns: the new record's id, or 0 with @error set */
gint64
trellis_store_record_health_check_finish (TrellisStore  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return trellis_store_run_finish_id (self, result, trellis_store_record_health_check_async,
                                      error);
}

/* trellis_store_record_registration() on the store's worker, for the window; its answer
 * comes with trellis_store_record_health_check_finish(). */
void
trellis_store_record_registration_async (TrellisStore            *self,
                                         TrellisStaff            *actor,
                                         gint64                   child_id,
                                         TrellisRegistrationKind  kind,
                                         const char              *practice,
                                         GDateTime               *registered_on,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  HealthCheckJob *job = g_new0 (HealthCheckJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->child_id = child_id;
  job->registration = TRUE;
  job->kind = kind;
  job->done_on = registered_on != NULL ? g_date_time_ref (registered_on) : NULL;
  job->notes = g_strdup (practice);
  trellis_store_run_async (self, record_health_check_job, job,
                           (GDestroyNotify) health_check_job_free, g_free, cancellable,
                           trellis_store_record_health_check_async, callback, user_data);
}
