/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-permission.c: the roles of DESIGN.md "Who may do what"
 *
 * Administrator: staff accounts (and reading, not changing, children's records).
 * Manager: everything about children, assigning Link Workers, resetting passwords, the audit,
 *   and the home's settings that protect the shared PC (with Administrators, who own settings).
 * Staff: read every child; change the details of the children they are Link Worker for.
 * Visitor: read only.
 * The store calls this before every operation; the window only hides what it would refuse.
 */
#define G_LOG_DOMAIN "trellis-permission"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-error.h"
#include "trellis-permission.h"

static const char *
refusal (TrellisAction action)
{
  switch (action)
    {
    case TRELLIS_ACTION_ADD_CHILD:
      return _("Only a Manager can add a child");
    case TRELLIS_ACTION_EDIT_CHILD:
      return _("Only the child’s Link Worker or a Manager can change these details");
    case TRELLIS_ACTION_ASSIGN_LINK_WORKER:
      return _("Only a Manager can assign Link Workers");
    case TRELLIS_ACTION_MANAGE_STAFF:
      return _("Only an Administrator can add or change staff accounts");
    case TRELLIS_ACTION_BACK_UP:
      return _("Only an Administrator can back up or restore the home");
    case TRELLIS_ACTION_RESET_PASSWORD:
      return _("Only a Manager or an Administrator can reset passwords and unlock accounts");
    case TRELLIS_ACTION_READ_AUDIT:
      return _("Only a Manager or an Administrator can read the audit trail");
    case TRELLIS_ACTION_CHANGE_HOME_SETTINGS:
      return _("Only a Manager or an Administrator can change the home’s settings");
    case TRELLIS_ACTION_READ_HOME_COUNTS:
      return _("Only a Manager can see the home’s counts");
    case TRELLIS_ACTION_APPROVE_CARE_PLAN:
      return _("Only a Manager can approve a plan or return it");
    case TRELLIS_ACTION_READ_CHILD:
    case TRELLIS_ACTION_READ_STAFF:
    case TRELLIS_ACTION_AUTOMATIC_BACK_UP:
    default:
      return _("You cannot do that");
    }
}

gboolean
trellis_permission_allows (TrellisStaff  *actor,
                           TrellisAction  action,
                           gint64         link_worker_id)
{
  TrellisRole role;

  if (actor == NULL || !trellis_staff_get_active (actor))
    return FALSE;

  role = trellis_staff_get_role (actor);
  switch (action)
    {
    case TRELLIS_ACTION_READ_CHILD:
    case TRELLIS_ACTION_READ_STAFF:
    case TRELLIS_ACTION_AUTOMATIC_BACK_UP:
      return TRUE;
    case TRELLIS_ACTION_ADD_CHILD:
    case TRELLIS_ACTION_ASSIGN_LINK_WORKER:
    case TRELLIS_ACTION_READ_HOME_COUNTS:
    case TRELLIS_ACTION_APPROVE_CARE_PLAN:
      return role == TRELLIS_ROLE_MANAGER;
    case TRELLIS_ACTION_EDIT_CHILD:
      return role == TRELLIS_ROLE_MANAGER ||
             (role == TRELLIS_ROLE_STAFF && link_worker_id == trellis_staff_get_id (actor));
    case TRELLIS_ACTION_MANAGE_STAFF:
    case TRELLIS_ACTION_BACK_UP:
      return role == TRELLIS_ROLE_ADMINISTRATOR;
    case TRELLIS_ACTION_RESET_PASSWORD:
    case TRELLIS_ACTION_READ_AUDIT:
    case TRELLIS_ACTION_CHANGE_HOME_SETTINGS:
      return role == TRELLIS_ROLE_ADMINISTRATOR || role == TRELLIS_ROLE_MANAGER;
    default:
      return FALSE;
    }
}

/**
 * trellis_permission_check:
 * @link_worker_id: for %TRELLIS_ACTION_EDIT_CHILD, the child's current Link Worker
 *
 * Returns: %TRUE if @actor may do @action; otherwise %FALSE with a sentence saying who can.
 */
gboolean
trellis_permission_check (TrellisStaff  *actor,
                          TrellisAction  action,
                          gint64         link_worker_id,
                          GError       **error)
{
  if (actor == NULL || !TRELLIS_IS_STAFF (actor))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("Sign in to see or change records"));
      return FALSE;
    }
  if (!trellis_staff_get_active (actor))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("The account of %s is no longer active"),
                   trellis_staff_get_display_name (actor));
      return FALSE;
    }
  if (trellis_permission_allows (actor, action, link_worker_id))
    return TRUE;

  if (trellis_staff_get_role (actor) == TRELLIS_ROLE_VISITOR)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                 _("Visitors can read records but not change them"));
  else
    g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED, refusal (action));
  return FALSE;
}

/**
 * trellis_permission_may_be_link_worker:
 *
 * Whether @staff can be a child's Link Worker: an active member of the care team (Staff or
 * Manager). Administrators look after accounts and do not change children's records;
 * Visitors only read.
 */
gboolean
trellis_permission_may_be_link_worker (TrellisStaff *staff)
{
  TrellisRole role;

  if (staff == NULL || !trellis_staff_get_active (staff))
    return FALSE;

  role = trellis_staff_get_role (staff);
  return role == TRELLIS_ROLE_STAFF || role == TRELLIS_ROLE_MANAGER;
}

/**
 * trellis_permission_allows_account:
 *
 * Whether @actor may reset @account's password, or lock or unlock it. Nobody may take over
 * an account above their own: a Manager looks after Staff and Visitors only; an
 * Administrator after everyone but themselves (their own lost password is reset by another
 * Administrator, or with the home's recovery key: `trellisctl recover`).
 */
gboolean
trellis_permission_allows_account (TrellisStaff *actor,
                                   TrellisStaff *account)
{
  TrellisRole target;

  if (!trellis_permission_allows (actor, TRELLIS_ACTION_RESET_PASSWORD, 0) || account == NULL)
    return FALSE;

  target = trellis_staff_get_role (account);
  switch (trellis_staff_get_role (actor))
    {
    case TRELLIS_ROLE_ADMINISTRATOR:
      return trellis_staff_get_id (account) != trellis_staff_get_id (actor);
    case TRELLIS_ROLE_MANAGER:
      return target == TRELLIS_ROLE_STAFF || target == TRELLIS_ROLE_VISITOR;
    default:
      return FALSE;
    }
}

gboolean
trellis_permission_check_account (TrellisStaff  *actor,
                                  TrellisStaff  *account,
                                  GError       **error)
{
  if (!trellis_permission_check (actor, TRELLIS_ACTION_RESET_PASSWORD, 0, error))
    return FALSE;
  if (trellis_permission_allows_account (actor, account))
    return TRUE;

  if (trellis_staff_get_id (account) == trellis_staff_get_id (actor))
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                 _("You cannot do this to your own account: change your password from the "
                   "main menu, or ask another Administrator"));
  else
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                 _("Managers look after the accounts of Staff and Visitors only: ask an "
                   "Administrator"));
  return FALSE;
}

/* How far a role reaches: an account is never given a role above its giver's. */
static int
rank (TrellisRole role)
{
  switch (role)
    {
    case TRELLIS_ROLE_ADMINISTRATOR: return 3;
    case TRELLIS_ROLE_MANAGER: return 2;
    case TRELLIS_ROLE_STAFF: return 1;
    case TRELLIS_ROLE_VISITOR:
    default: return 0;
    }
}

/**
 * trellis_permission_may_give_role:
 *
 * Whether @actor may make an account with @role, or give an account @role: only those who
 * may manage accounts, and never a role above their own.
 */
gboolean
trellis_permission_may_give_role (TrellisStaff *actor,
                                  TrellisRole   role)
{
  return trellis_permission_allows (actor, TRELLIS_ACTION_MANAGE_STAFF, 0) &&
         rank (role) <= rank (trellis_staff_get_role (actor));
}
