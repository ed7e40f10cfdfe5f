/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-permission.h: who may do what, as one pure function the store calls
 */
#pragma once

#include "trellis-staff.h"

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_ACTION_READ_CHILD,
  TRELLIS_ACTION_ADD_CHILD,
  TRELLIS_ACTION_EDIT_CHILD,
  TRELLIS_ACTION_ASSIGN_LINK_WORKER,
  TRELLIS_ACTION_READ_STAFF,
  TRELLIS_ACTION_MANAGE_STAFF,
  TRELLIS_ACTION_RESET_PASSWORD,
  TRELLIS_ACTION_READ_AUDIT,
  TRELLIS_ACTION_CHANGE_HOME_SETTINGS, /* what protects the shared PC: the idle lock */
  TRELLIS_ACTION_BACK_UP,              /* back up and restore the whole home */
  TRELLIS_ACTION_AUTOMATIC_BACK_UP,    /* back up into the folder an Administrator chose,
                                        * as anyone's signing out does */
  TRELLIS_ACTION_READ_HOME_COUNTS,     /* the home's counts a Manager keeps an eye on:
                                        * complaints by month */
  TRELLIS_ACTION_APPROVE_CARE_PLAN,    /* approve a child's plan, or return it with a comment */
} TrellisAction;

gboolean trellis_permission_check (TrellisStaff  *actor,
                                   TrellisAction  action,
                                   gint64         link_worker_id,
                                   GError       **error);
gboolean trellis_permission_allows (TrellisStaff  *actor,
                                    TrellisAction  action,
                                    gint64         link_worker_id);

gboolean trellis_permission_may_be_link_worker (TrellisStaff *staff);

/* Resetting a password, locking or unlocking an account: what one role may do to another
 * (TRELLIS_ACTION_RESET_PASSWORD for all three). */
gboolean trellis_permission_allows_account     (TrellisStaff  *actor,
                                                TrellisStaff  *account);
gboolean trellis_permission_check_account      (TrellisStaff  *actor,
                                                TrellisStaff  *account,
                                                GError       **error);
gboolean trellis_permission_may_give_role      (TrellisStaff  *actor,
                                                TrellisRole    role);

G_END_DECLS
