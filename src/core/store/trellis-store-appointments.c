/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-appointments.c: a child's health appointments, and what came of each
 *
 * An appointment (a day, perhaps a time, with whom and what for) is recorded by whoever may
 * change the child's details (their Link Worker or a Manager), before or after it happens.
 * What came of it is recorded afterwards: a change that keeps the version before
 * (appointment_version), each version tied to the audit row that made it. Anyone who may
 * read the child reads them, the upcoming first.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "trellis-date.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

/* An appointment on @today or later is still to come */
gboolean
trellis_appointment_is_upcoming (TrellisAppointment *appointment,
                                 GDateTime          *today)
{
  g_return_val_if_fail (TRELLIS_IS_APPOINTMENT (appointment), FALSE);
  return trellis_date_compare (trellis_appointment_get_date (appointment), today) >= 0;
}

/* "" or a time of day as "HH:MM" (also "9:30" and "9.30"), into *@normal */
static gboolean
check_time (const char  *text,
            char       **normal,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint hours = 0, minutes = 0;
  char sep = 0, end = 0;

  if (trimmed[0] == '\0')
    {
      *normal = g_strdup ("");
      return TRUE;
    }
  if (sscanf (trimmed, "%2u%c%2u%c", &hours, &sep, &minutes, &end) != 3 ||
      (sep != ':' && sep != '.') || hours > 23 || minutes > 59 ||
      !g_ascii_isdigit (trimmed[strlen (trimmed) - 1]))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is not a time: write it as 14:30, or leave it empty"), trimmed);
      return FALSE;
    }
  *normal = g_strdup_printf ("%02u:%02u", hours, minutes);
  return TRUE;
}

/**
 * trellis_store_record_appointment:
 * @on_date: the day of the appointment: past or to come
 * @time: (nullable): its time, "14:30", or "" / %NULL when not known
 * @with_whom: who the child sees ("Dr Okafor, CAMHS")
 * @purpose: what it is for
 *
 * Returns: the new appointment's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_appointment (TrellisStore  *self,
                                  TrellisStaff  *actor,
                                  gint64         child_id,
                                  GDateTime     *on_date,
                                  const char    *time,
                                  const char    *with_whom,
                                  const char    *purpose,
                                  GError       **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(GDateTime) latest = NULL;
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *who = g_strstrip (g_strdup (with_whom != NULL ? with_whom : ""));
  g_autofree char *what = g_strstrip (g_strdup (purpose != NULL ? purpose : ""));
  g_autofree char *at = NULL;
  g_autofree char *iso = NULL;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if (on_date == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("Enter the date"));
      return 0;
    }
  /* a day to come is fine; only one before the child was born is not */
  latest = g_date_time_add_years (today, TRELLIS_APPOINTMENT_MAX_YEARS_AHEAD);
  if (!trellis_store_check_day_by (child, on_date, latest, error) ||
      !check_time (time, &at, error) ||
      !trellis_text_check_required (who, TRELLIS_TEXT_LINE, _("With whom"),
                                    _("Enter who the appointment is with"), error) ||
      !trellis_text_check_required (what, TRELLIS_TEXT_LINE, _("Purpose"),
                                    _("Enter what the appointment is for"), error))
    return 0;

  iso = trellis_date_to_iso (on_date);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-appointment",
                                child_id, iso, &audit_id, error) ||
      !trellis_sqlite_appointment_insert (self->db, child_id, on_date, at, who, what,
                                          trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/**
 * trellis_store_record_appointment_outcome:
 * @outcome: what came of it
 *
 * Records what came of an appointment that has happened, keeping the version before (with
 * any outcome recorded earlier). Returns: %FALSE with @error set and nothing changed
 */
gboolean
trellis_store_record_appointment_outcome (TrellisStore  *self,
                                          TrellisStaff  *actor,
                                          gint64         appointment_id,
                                          const char    *outcome,
                                          GError       **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(TrellisAppointment) appointment = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (outcome != NULL ? outcome : ""));
  g_autofree char *too_long = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *iso = NULL;
  gint64 audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  /* whose appointment it is says who may change it */
  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error) ||
      !trellis_sqlite_appointment_get (self->db, appointment_id, &appointment, error))
    return FALSE;
  if (appointment == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("There is no appointment with the number %lld"),
                   (long long) appointment_id);
      return FALSE;
    }
  tx = trellis_store_begin_for_child (self, actor, trellis_appointment_get_child_id (appointment),
                                      &child, error);
  if (tx == NULL)
    return FALSE;
  iso = trellis_date_to_iso (trellis_appointment_get_date (appointment));
  if (trellis_date_compare (trellis_appointment_get_date (appointment), today) > 0)
    {
      g_autofree char *day = trellis_date_format (trellis_appointment_get_date (appointment));

      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The appointment is on %s: record what came of it once it has happened"),
                   day);
      return FALSE;
    }
  too_long = g_strdup_printf (_("The outcome is too long: at most %d characters, with the "
                                "details kept in the child’s health records"),
                              TRELLIS_HEALTH_NOTES_MAX_CHARS);
  if (!trellis_store_check_brief (trimmed, TRUE, _("Outcome"),
                                  _("Enter what came of the appointment"),
                                  TRELLIS_HEALTH_NOTES_MAX_CHARS, too_long, error))
    return FALSE;
  if (g_str_equal (trimmed, trellis_appointment_get_outcome (appointment)))
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("That outcome is recorded already"));
      return FALSE;
    }

  detail = g_strdup_printf ("%" G_GINT64_FORMAT " %s", appointment_id, iso);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-appointment-outcome",
                                trellis_appointment_get_child_id (appointment), detail, &audit_id,
                                error) ||
      !trellis_sqlite_appointment_set_outcome (self->db, appointment_id, trimmed,
                                               trellis_staff_get_id (actor), audit_id, error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD,
                              trellis_appointment_get_child_id (appointment));
  return trellis_transaction_commit (tx, error);
}

/* Upcoming first, the soonest first; then those past, the latest first. Anyone signed in
 * who may read the child. */
GListModel *
trellis_store_list_appointments (TrellisStore  *self,
                                 TrellisStaff  *actor,
                                 gint64         child_id,
                                 GError       **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(GListModel) latest_first = NULL;
  GListStore *ordered;
  guint n, upcoming = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error) ||
      (latest_first = trellis_sqlite_appointment_list (self->db, child_id, error)) == NULL)
    return NULL;
  ordered = g_list_store_new (TRELLIS_TYPE_APPOINTMENT);
  n = g_list_model_get_n_items (latest_first);
  /* the upcoming ones lead the list the database gives: turned round, soonest first */
  while (upcoming < n)
    {
      g_autoptr(TrellisAppointment) a = g_list_model_get_item (latest_first, upcoming);
      if (!trellis_appointment_is_upcoming (a, today))
        break;
      g_list_store_insert (ordered, 0, a);
      upcoming++;
    }
  for (guint i = upcoming; i < n; i++)
    {
      g_autoptr(TrellisAppointment) a = g_list_model_get_item (latest_first, i);
      g_list_store_append (ordered, a);
    }
  return G_LIST_MODEL (ordered);
}

/* The versions before the current one, the first first */
GListModel *
trellis_store_list_appointment_versions (TrellisStore  *self,
                                         TrellisStaff  *actor,
                                         gint64         appointment_id,
                                         GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_appointment_versions (self->db, appointment_id, error);
}

static gpointer
list_appointments_job (TrellisStore  *store,
                       gpointer       data,
                       GError       **error)
{
  TrellisStoreQuery *query = data;

  return trellis_store_list_appointments (store, query->actor, query->id, error);
}

void
trellis_store_list_appointments_async (TrellisStore        *self,
                                       TrellisStaff        *actor,
                                       gint64               child_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  TrellisStoreQuery *query;

  g_return_if_fail (TRELLIS_IS_STORE (self));

  query = trellis_store_query_new (actor, child_id, NULL, 0);
  trellis_store_run_async (self, list_appointments_job, query,
                           (GDestroyNotify) trellis_store_query_free, g_object_unref,
                           cancellable, trellis_store_list_appointments_async, callback,
                           user_data);
}

GListModel *
trellis_store_list_appointments_finish (TrellisStore  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_appointments_async, error);
}

typedef struct
{
  TrellisStaff  *actor;
  gint64         id;          /* the child's, or the appointment's for an outcome */
  gboolean       outcome;
  GDateTime     *on_date;
  char          *time;
  char          *with_whom;
  char          *text;        /* the purpose, or the outcome */
} AppointmentJob;

static void
appointment_job_free (AppointmentJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->on_date, g_date_time_unref);
  g_free (job->time);
  g_free (job->with_whom);
  g_free (job->text);
  g_free (job);
}

static gpointer
record_appointment_job (TrellisStore  *store,
                        gpointer       data,
                        GError       **error)
{
  AppointmentJob *job = data;
  gint64 id;

  if (job->outcome)
    id = trellis_store_record_appointment_outcome (store, job->actor, job->id, job->text, error)
         ? job->id : 0;
  else
    id = trellis_store_record_appointment (store, job->actor, job->id, job->on_date, job->time,
                                           job->with_whom, job->text, error);
  return trellis_store_id_answer (id);
}

static void
run_appointment_job (TrellisStore        *self,
                     AppointmentJob      *job,
                     TrellisStaff        *actor,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  trellis_store_run_async (self, record_appointment_job, job,
                           (GDestroyNotify) appointment_job_free, g_free, cancellable,
                           trellis_store_record_appointment_async, callback, user_data);
}

/* trellis_store_record_appointment() on the store's worker, for the window. */
void
trellis_store_record_appointment_async (TrellisStore        *self,
                                        TrellisStaff        *actor,
                                        gint64               child_id,
                                        GDateTime           *on_date,
                                        const char          *time,
                                        const char          *with_whom,
                                        const char          *purpose,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AppointmentJob *job = g_new0 (AppointmentJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->id = child_id;
  job->on_date = on_date != NULL ? g_date_time_ref (on_date) : NULL;
  job->time = g_strdup (time);
  job->with_whom = g_strdup (with_whom);
  job->text = g_strdup (purpose);
  run_appointment_job (self, job, actor, cancellable, callback, user_data);
}

/* trellis_store_record_appointment_outcome() on the store's worker; its answer comes with
 * trellis_store_record_appointment_finish() (the appointment's id). */
void
trellis_store_record_appointment_outcome_async (TrellisStore        *self,
                                                TrellisStaff        *actor,
                                                gint64               appointment_id,
                                                const char          *outcome,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  AppointmentJob *job = g_new0 (AppointmentJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->id = appointment_id;
  job->outcome = TRUE;
  job->text = g_strdup (outcome);
  run_appointment_job (self, job, actor, cancellable, callback, user_data);
}

/* Returns: the appointment's id, or 0 with @error set */
gint64
trellis_store_record_appointment_finish (TrellisStore  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return trellis_store_run_finish_id (self, result, trellis_store_record_appointment_async,
                                      error);
}
