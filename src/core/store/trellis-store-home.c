/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-home.c: the home's own settings
 *
 * Settings that protect the shared PC belong to the home, in its database, not to whoever
 * happens to be signed in: a Manager or an Administrator changes them, and every change is
 * audited with the value before and after.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-error.h"
#include "trellis-store-private.h"

static gboolean
read_idle_lock (TrellisStore  *self,
                guint         *minutes,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = trellis_store_prepare (self, "SELECT idle_lock_minutes FROM home WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *minutes = CLAMP (sqlite3_column_int (stmt, 0), TRELLIS_IDLE_LOCK_MIN_MINUTES,
                      TRELLIS_IDLE_LOCK_MAX_MINUTES);
  else if (rc == SQLITE_DONE)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NO_HOME,
                 _("The database “%s” has no home yet"), trellis_store_get_path (self));
  else
    trellis_store_set_error (self, error);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

/**
 * trellis_store_get_idle_lock_minutes:
 *
 * How many minutes the window may be left unused before it locks itself.
 *
 * Returns: the home's setting, or %TRELLIS_IDLE_LOCK_DEFAULT_MINUTES with @error set.
 */
guint
trellis_store_get_idle_lock_minutes (TrellisStore  *self,
                                     GError       **error)
{
  guint minutes = TRELLIS_IDLE_LOCK_DEFAULT_MINUTES;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), TRELLIS_IDLE_LOCK_DEFAULT_MINUTES);

  if (!read_idle_lock (self, &minutes, error))
    return TRELLIS_IDLE_LOCK_DEFAULT_MINUTES;
  return minutes;
}

/**
 * trellis_store_set_idle_lock_minutes:
 * @minutes: from %TRELLIS_IDLE_LOCK_MIN_MINUTES to %TRELLIS_IDLE_LOCK_MAX_MINUTES
 *
 * Changes how soon every window of the home locks itself when left unused. Managers and
 * Administrators only; audited with the old and the new value. There is no "never": a
 * shared PC must lock itself, and an hour is the longest a record may stay on an unwatched
 * screen. Setting the value it has already changes nothing and audits nothing.
 */
gboolean
trellis_store_set_idle_lock_minutes (TrellisStore  *self,
                                     TrellisStaff  *actor,
                                     guint          minutes,
                                     GError       **error)
{
  g_autofree char *detail = NULL;
  sqlite3_stmt *stmt;
  guint old;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_CHANGE_HOME_SETTINGS, 0, error))
    return FALSE;
  if (minutes < TRELLIS_IDLE_LOCK_MIN_MINUTES || minutes > TRELLIS_IDLE_LOCK_MAX_MINUTES)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The lock time must be from %d to %d minutes, not %u: a shared computer "
                     "must lock itself when it is left"),
                   TRELLIS_IDLE_LOCK_MIN_MINUTES, TRELLIS_IDLE_LOCK_MAX_MINUTES, minutes);
      return FALSE;
    }

  if (!trellis_store_begin (self, error))
    return FALSE;
  if (!read_idle_lock (self, &old, error))
    goto failed;
  if (old == minutes)
    {
      trellis_store_rollback (self);
      return TRUE;
    }

  stmt = trellis_store_prepare (self, "UPDATE home SET idle_lock_minutes = ?1 WHERE id = 1",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, minutes);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      trellis_store_set_error (self, error);
      goto failed;
    }
  sqlite3_reset (stmt);

  detail = g_strdup_printf ("%u → %u", old, minutes);
  if (!trellis_store_audit (self, actor, "change-idle-lock", 0, detail, error))
    goto failed;
  trellis_store_queue_change (self, "home", 1);
  return trellis_store_commit (self, error);

failed:
  trellis_store_rollback (self);
  return FALSE;
}
