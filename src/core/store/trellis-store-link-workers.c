/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-link-workers.c: who each child's Link Worker is, and was
 *
 * Each assignment is one period with one Link Worker; a change ends the current one the
 * day the new one starts, and says why. Managers assign; everyone reads the history.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-store-private.h"

GListModel *
trellis_store_list_assignments (TrellisStore  *self,
                                TrellisStaff  *actor,
                                gint64         child_id,
                                GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_assignment_list (self->db, child_id, error);
}

static gpointer
list_assignments_job (TrellisStore  *store,
                      gpointer       data,
                      GError       **error)
{
  TrellisStoreQuery *query = data;
  return trellis_store_list_assignments (store, query->actor, query->id, error);
}

/**
 * trellis_store_list_assignments_async:
 *
 * trellis_store_list_assignments() on the store's worker, for the child's page. See
 * trellis_store_run_async() for cancelling.
 */
void
trellis_store_list_assignments_async (TrellisStore        *self,
                                      TrellisStaff        *actor,
                                      gint64               child_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, list_assignments_job,
                           trellis_store_query_new (actor, child_id, NULL, 0),
                           (GDestroyNotify) trellis_store_query_free, g_object_unref,
                           cancellable, trellis_store_list_assignments_async, callback,
                           user_data);
}

/**
 * trellis_store_list_assignments_finish:
 *
 * Returns: (transfer full): as trellis_store_list_assignments()
 */
GListModel *
trellis_store_list_assignments_finish (TrellisStore  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_assignments_async, error);
}

/* Whether @staff may follow @current (NULL for a child's first Link Worker) from @start_date,
 * and for what reason: a child's very first assignment has no other. */
static gboolean
check_change (TrellisAssignment    *current,
              TrellisStaff         *staff,
              GDateTime            *start_date,
              gboolean              had_one,
              TrellisChangeReason  *reason,
              GError              **error)
{
  g_autofree char *since = NULL;

  if (current == NULL)
    {
      if (!had_one)
        *reason = TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT;
      return TRUE;
    }

  since = trellis_date_format (trellis_assignment_get_start_date (current));
  if (trellis_assignment_get_staff_id (current) == trellis_staff_get_id (staff))
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                 _("%s is already the Link Worker"), trellis_staff_get_display_name (staff));
  else if (trellis_date_compare (start_date, trellis_assignment_get_start_date (current)) < 0)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                 _("The new Link Worker cannot start before the current one started (%s)"),
                 since);
  else if (*reason == TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                 _("Choose the reason for changing the Link Worker"));
  else
    return TRUE;
  return FALSE;
}

/**
 * trellis_store_assign_link_worker:
 * @start_date: the first day with the new Link Worker
 * @reason: why the previous Link Worker changed; ignored for a child's first
 *
 * Ends the current assignment the day the new one starts and records the new one, which for
 * a child with a leaving date ends on that date.
 */
gboolean
trellis_store_assign_link_worker (TrellisStore        *self,
                                  TrellisStaff        *actor,
                                  gint64               child_id,
                                  gint64               staff_id,
                                  GDateTime           *start_date,
                                  TrellisChangeReason  reason,
                                  const char          *note,
                                  GError             **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(TrellisStaff) staff = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TrellisAssignment) current = NULL;
  g_autofree char *detail = NULL;
  gint64 assignment_id;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (start_date != NULL, FALSE);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_ASSIGN_LINK_WORKER, error);
  if (tx == NULL ||
      (child = trellis_store_load_child (self, child_id, error)) == NULL ||
      (staff = trellis_store_get_staff (self, staff_id, error)) == NULL)
    return FALSE;
  if (!trellis_permission_may_be_link_worker (staff))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s cannot be a Link Worker: only active Staff and Managers can"),
                   trellis_staff_get_display_name (staff));
      return FALSE;
    }
  if (!trellis_child_check_link_worker_start (child, start_date, today, error) ||
      (history = trellis_sqlite_assignment_list (self->db, child_id, error)) == NULL ||
      !trellis_sqlite_assignment_get_running (self->db, child_id, &current, error) ||
      !check_change (current, staff, start_date, g_list_model_get_n_items (history) > 0, &reason,
                     error))
    return FALSE;

  if (current != NULL &&
      !trellis_sqlite_assignment_set_end (self->db, trellis_assignment_get_id (current),
                                          start_date, error))
    return FALSE;
  if (!trellis_sqlite_assignment_insert (self->db, child_id, staff_id, start_date,
                                         trellis_child_get_leaving_date (child), reason, note,
                                         trellis_staff_get_id (actor), &assignment_id, error))
    return FALSE;

  detail = g_strdup_printf ("%s (%s)", trellis_staff_get_username (staff),
                            trellis_enum_to_nick (TRELLIS_TYPE_CHANGE_REASON, reason));
  if (!trellis_store_audit (self, trellis_staff_get_id (actor), "assign-link-worker", child_id,
                            detail, error))
    return FALSE;
  /* the assignments that ended and began, and the child, whose Link Worker is another now */
  if (current != NULL)
    trellis_store_queue_change (self, TRELLIS_RECORD_KIND_ASSIGNMENT,
                                trellis_assignment_get_id (current));
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_ASSIGNMENT, assignment_id);
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  return trellis_transaction_commit (tx, error);
}
