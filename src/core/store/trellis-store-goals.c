/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-goals.c: a child's goals and progress ratings, risk areas and Stepping Up /
 * Stepping Down decisions
 *
 * Each is written by whoever may change the child's details (their Link Worker or a
 * Manager; Visitors and other staff read only), checked (rules/trellis-goal-rules.c), kept
 * and never changed, tied to its audit row. Progress is a new rating row with who and when;
 * a risk area's new level is a new flag row; the newest is the one that holds now.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

/* Writes the audit row of a change to @child_id's goals and risks: "@nick @iso" */
static gboolean
audit_change (TrellisStore *self,
              TrellisStaff *actor,
              const char   *action,
              gint64        child_id,
              const char   *nick,
              GDateTime    *day,
              gint64       *audit_id,
              GError      **error)
{
  g_autofree char *iso = trellis_date_to_iso (day);
  g_autofree char *detail = g_strdup_printf ("%s %s", nick, iso);

  return trellis_store_audit_row (self, trellis_staff_get_id (actor), action, child_id, detail,
                                  audit_id, error);
}

/* Commits a change to @child_id's file, whose views are told: @id, or 0 with @error set */
static gint64
commit_change (TrellisStore        *self,
               TrellisTransaction  *tx,
               gint64               child_id,
               gint64               id,
               GError             **error)
{
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  return trellis_transaction_commit (tx, error) ? id : 0;
}

/* @text trimmed into *@out and checked: required, no control characters, at most @max */
static gboolean
check_text (
    const char *text, const char *label, const char *missing, glong max, char **out, GError **error)
{
  *out = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (!trellis_text_check_required (*out, TRELLIS_TEXT_NOTES, label, missing, error))
    return FALSE;
  if (g_utf8_strlen (*out, -1) > max)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s is too long: at most %ld characters"), label, max);
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_store_add_goal:
 * @what: what the goal is, in words the child would recognise
 * @baseline: where the child is now, 1–10
 * @target: where they mean to get to, above @baseline
 * @review_on: the day it is reviewed: today or later
 *
 * A goal set today. Returns: its id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_add_goal (TrellisStore       *self,
                        TrellisStaff       *actor,
                        gint64              child_id,
                        TrellisGoalDomain   domain,
                        const char         *what,
                        guint               baseline,
                        guint               target,
                        GDateTime          *review_on,
                        GError            **error)
{
  return trellis_store_add_goal_full (self, actor, child_id, domain, what, baseline, target,
                                      NULL, review_on, error);
}

/**
 * trellis_store_add_goal_full:
 * @set_on: (nullable): the day the goal was agreed, if not today: one that has come
 * @review_on: the day it is reviewed: not before @set_on (nor, for a goal set today,
 *   before today)
 *
 * A goal agreed on @set_on, written up now. Returns: its id, or 0 with @error set and
 * nothing changed
 */
gint64
trellis_store_add_goal_full (TrellisStore       *self,
                             TrellisStaff       *actor,
                             gint64              child_id,
                             TrellisGoalDomain   domain,
                             const char         *what,
                             guint               baseline,
                             guint               target,
                             GDateTime          *set_on,
                             GDateTime          *review_on,
                             GError            **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *text = NULL;
  const char *nick = trellis_enum_to_nick (TRELLIS_TYPE_GOAL_DOMAIN, domain);
  GDateTime *from = set_on != NULL ? set_on : today;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if (nick == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose what the goal is about: social, emotional, academic, "
                             "health or independence"));
      return 0;
    }
  if (!check_text (what, _("The goal"), _("Say what the goal is"), TRELLIS_GOAL_WHAT_MAX_CHARS,
                   &text, error) ||
      !trellis_goal_check_range (baseline, target, error) ||
      (set_on != NULL && !trellis_store_check_day_happened (self, child, set_on, error)))
    return 0;
  if (review_on == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Enter the day the goal is to be reviewed"));
      return 0;
    }
  if (trellis_date_compare (review_on, from) < 0)
    {
      g_autofree char *day = trellis_date_format (review_on);

      if (set_on == NULL)
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                     _("%s has passed: a goal is reviewed from today on"), day);
      else
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                     _("%s is before the goal was set"), day);
      return 0;
    }

  if (!audit_change (self, actor, "add-goal", child_id, nick, from, &audit_id, error) ||
      !trellis_sqlite_goal_insert (self->db, child_id, domain, text, baseline, target, from,
                                   review_on, trellis_staff_get_id (actor), audit_id, &id,
                                   error))
    return 0;
  return commit_change (self, tx, child_id, id, error);
}

/**
 * trellis_store_rate_goal:
 * @rating: progress on @rated_on, 1–10
 *
 * A new rating of goal @goal_id's progress: the ones before it stay as they were.
 * Returns: its id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_rate_goal (TrellisStore *self,
                         TrellisStaff *actor,
                         gint64        goal_id,
                         guint         rating,
                         GDateTime    *rated_on,
                         GError      **error)
{
  g_autoptr (GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr (TrellisTransaction) tx = NULL;
  g_autoptr (TrellisChild) child = NULL;
  g_autofree char *nick = g_strdup_printf ("%u", rating);
  gint64           id = 0, audit_id = 0, child_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  /* a goal never moves to another child: whose it is can be read before the transaction */
  if (!trellis_sqlite_goal_get_child (self->db, goal_id, &child_id, error))
    return 0;
  if (child_id == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("There is no goal number %lld"), (long long) goal_id);
      return 0;
    }
  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL || !trellis_goal_check_rating (rating, _("The rating"), error)
      || !trellis_store_check_day_happened (self, child, rated_on, error))
    return 0;

  if (!audit_change (self, actor, "rate-goal", child_id, nick, rated_on, &audit_id, error)
      || !trellis_sqlite_goal_rating_insert (self->db, goal_id, child_id, rating, rated_on,
                                             trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  return commit_change (self, tx, child_id, id, error);
}

/* Oldest first, each with its ratings; anyone signed in who may read the child. */
GListModel *
trellis_store_list_goals (TrellisStore *self, TrellisStaff *actor, gint64 child_id, GError **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_goal_list (self->db, child_id, error);
}

/**
 * trellis_store_flag_risk:
 *
 * Risk area @area at @level from @flagged_on: a new row, so the levels before stay.
 * Returns: its id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_flag_risk (TrellisStore    *self,
                         TrellisStaff    *actor,
                         gint64           child_id,
                         TrellisRiskArea  area,
                         TrellisRiskLevel level,
                         GDateTime       *flagged_on,
                         GError         **error)
{
  g_autoptr (GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr (TrellisTransaction) tx = NULL;
  g_autoptr (TrellisChild) child = NULL;
  const char      *area_nick = trellis_enum_to_nick (TRELLIS_TYPE_RISK_AREA, area);
  const char      *level_nick = trellis_enum_to_nick (TRELLIS_TYPE_RISK_LEVEL, level);
  g_autofree char *nick = NULL;
  gint64           id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  /* a risk area flagged has a level: "none" is a plan's, for a risk not yet judged */
  if (area_nick == NULL || level_nick == NULL || level == TRELLIS_RISK_LEVEL_NONE)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose the risk area and its level: low, medium or high"));
      return 0;
    }
  if (!trellis_store_check_day_happened (self, child, flagged_on, error))
    return 0;
  nick = g_strdup_printf ("%s=%s", area_nick, level_nick);
  if (!audit_change (self, actor, "flag-risk", child_id, nick, flagged_on, &audit_id, error)
      || !trellis_sqlite_risk_insert (self->db, child_id, area, level, flagged_on,
                                      trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  return commit_change (self, tx, child_id, id, error);
}

/* Newest first: the first of each area is its level now. */
GListModel *
trellis_store_list_risks (TrellisStore *self, TrellisStaff *actor, gint64 child_id, GError **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_risk_list (self->db, child_id, error);
}

/**
 * trellis_store_record_stepping:
 * @decided_by: who decided: a person, or a meeting ("Team around the child meeting")
 * @reason: why
 *
 * Returns: the decision's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_stepping (TrellisStore   *self,
                               TrellisStaff   *actor,
                               gint64          child_id,
                               TrellisStepping direction,
                               GDateTime      *decided_on,
                               const char     *decided_by,
                               const char     *reason,
                               GError        **error)
{
  g_autoptr (GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr (TrellisTransaction) tx = NULL;
  g_autoptr (TrellisChild) child = NULL;
  g_autofree char *who = g_strstrip (g_strdup (decided_by != NULL ? decided_by : ""));
  g_autofree char *why = NULL;
  const char      *nick = trellis_enum_to_nick (TRELLIS_TYPE_STEPPING, direction);
  gint64           id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if (nick == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose whether support was stepped up or down"));
      return 0;
    }
  if (!trellis_store_check_day_happened (self, child, decided_on, error)
      || !trellis_text_check_required (who, TRELLIS_TEXT_LINE, _("Decided by"),
                                       _("Say who decided"), error)
      || !check_text (reason, _("The reason"), _("Say why"), TRELLIS_STEPPING_REASON_MAX_CHARS,
                      &why, error))
    return 0;
  if (!audit_change (self, actor, "record-stepping", child_id, nick, decided_on, &audit_id, error)
      || !trellis_sqlite_stepping_insert (self->db, child_id, direction, decided_on, who, why,
                                          trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  return commit_change (self, tx, child_id, id, error);
}

/* Newest first; anyone signed in who may read the child. */
GListModel *
trellis_store_list_stepping (TrellisStore *self,
                             TrellisStaff *actor,
                             gint64        child_id,
                             GError      **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_stepping_list (self->db, child_id, error);
}

typedef struct
{
  TrellisStaff *actor;
  gint64        child_id;
  GListModel   *risks;
  GListModel   *stepping;
} GoalsQuery;

static void
goals_query_free (GoalsQuery *query)
{
  g_clear_object (&query->actor);
  g_clear_object (&query->risks);
  g_clear_object (&query->stepping);
  g_free (query);
}

static gpointer
list_goals_job (TrellisStore *store, gpointer data, GError **error)
{
  GoalsQuery *query = data;
  g_autoptr (GListModel) goals
      = trellis_store_list_goals (store, query->actor, query->child_id, error);

  if (goals == NULL
      || (query->risks = trellis_store_list_risks (store, query->actor, query->child_id, error))
             == NULL
      || (query->stepping
          = trellis_store_list_stepping (store, query->actor, query->child_id, error))
             == NULL)
    return NULL;
  return g_steal_pointer (&goals);
}

void
trellis_store_list_goals_async (TrellisStore       *self,
                                TrellisStaff       *actor,
                                gint64              child_id,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  GoalsQuery *query = g_new0 (GoalsQuery, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  query->actor = actor != NULL ? g_object_ref (actor) : NULL;
  query->child_id = child_id;
  trellis_store_run_async (self, list_goals_job, query, (GDestroyNotify)goals_query_free,
                           g_object_unref, cancellable, trellis_store_list_goals_async, callback,
                           user_data);
}

/* @risks, @stepping: (out) (optional) (transfer full): the child's, newest first */
GListModel *
trellis_store_list_goals_finish (TrellisStore *self,
                                 GAsyncResult *result,
                                 GListModel  **risks,
                                 GListModel  **stepping,
                                 GError      **error)
{
  GListModel *goals
      = trellis_store_run_finish (self, result, trellis_store_list_goals_async, error);
  GoalsQuery *query = trellis_store_run_get_data (result);

  if (risks != NULL)
    *risks = goals != NULL ? g_object_ref (query->risks) : NULL;
  if (stepping != NULL)
    *stepping = goals != NULL ? g_object_ref (query->stepping) : NULL;
  return goals;
}

typedef struct
{
  TrellisStaff     *actor;
  gint64            id;     /* the child's, or the goal's for a rating */
  gboolean          rating; /* a rating, not a new goal */
  TrellisGoalDomain domain;
  char             *what;
  guint             baseline;
  guint             target; /* or the rating */
  GDateTime        *day;    /* the review date, or the rating's */
} GoalJob;

static void
goal_job_free (GoalJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->day, g_date_time_unref);
  g_free (job->what);
  g_free (job);
}

static gpointer
goal_change_job (TrellisStore *store, gpointer data, GError **error)
{
  GoalJob *job = data;
  gint64   id
      = job->rating
            ? trellis_store_rate_goal (store, job->actor, job->id, job->target, job->day, error)
            : trellis_store_add_goal (store, job->actor, job->id, job->domain, job->what,
                                      job->baseline, job->target, job->day, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

static void
run_goal_job (TrellisStore       *self,
              GoalJob            *job,
              TrellisStaff       *actor,
              GDateTime          *day,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->day = day != NULL ? g_date_time_ref (day) : NULL;
  trellis_store_run_async (self, goal_change_job, job, (GDestroyNotify)goal_job_free, g_free,
                           cancellable, trellis_store_goal_change_finish, callback, user_data);
}

/* trellis_store_add_goal() on the store's worker; answered by
 * trellis_store_goal_change_finish() */
void
trellis_store_add_goal_async (TrellisStore       *self,
                              TrellisStaff       *actor,
                              gint64              child_id,
                              TrellisGoalDomain   domain,
                              const char         *what,
                              guint               baseline,
                              guint               target,
                              GDateTime          *review_on,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  GoalJob *job = g_new0 (GoalJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->id = child_id;
  job->domain = domain;
  job->what = g_strdup (what);
  job->baseline = baseline;
  job->target = target;
  run_goal_job (self, job, actor, review_on, cancellable, callback, user_data);
}

/* trellis_store_rate_goal() on the store's worker; answered by
 * trellis_store_goal_change_finish() */
void
trellis_store_rate_goal_async (TrellisStore       *self,
                               TrellisStaff       *actor,
                               gint64              goal_id,
                               guint               rating,
                               GDateTime          *rated_on,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  GoalJob *job = g_new0 (GoalJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->id = goal_id;
  job->rating = TRUE;
  job->target = rating;
  run_goal_job (self, job, actor, rated_on, cancellable, callback, user_data);
}

gint64
trellis_store_goal_change_finish (TrellisStore *self, GAsyncResult *result, GError **error)
{
  g_autofree gint64 *id
      = trellis_store_run_finish (self, result, trellis_store_goal_change_finish, error);

  return id != NULL ? *id : 0;
}
