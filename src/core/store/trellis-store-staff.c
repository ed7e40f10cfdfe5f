/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-staff.c: the home's staff accounts
 *
 * Administrators add accounts and mark people as left; everyone signed in may see who works
 * in the home. Passwords are the business of trellis-store-sign-in.c.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-password.h"
#include "trellis-permission.h"
#include "trellis-store-private.h"

/* Inside the caller's transaction; the caller audits and announces it. */
TrellisStaff *
trellis_store_insert_staff (TrellisStore  *self,
                            const char    *username,
                            const char    *display_name,
                            TrellisRole    role,
                            const char    *password_hash,
                            gboolean       must_change_password,
                            GError       **error)
{
  g_autofree char *user = g_strstrip (g_strdup (username ? username : ""));
  g_autofree char *name = g_strstrip (g_strdup (display_name ? display_name : ""));
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  if (!trellis_staff_check_names (username, display_name, error))
    return NULL;
  if (!trellis_sqlite_staff_insert (self->db, user, name, role, password_hash,
                                    must_change_password, &id, &local_error))
    {
      if (g_error_matches (local_error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT))
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                     _("The username “%s” is already taken"), user);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return trellis_staff_new (id, user, name, role, TRUE);
}

TrellisStaff *
trellis_store_add_staff (TrellisStore  *self,
                         TrellisStaff  *actor,
                         const char    *username,
                         const char    *display_name,
                         TrellisRole    role,
                         const char    *password_hash,
                         gboolean       must_change_password,
                         GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisStaff) staff = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_MANAGE_STAFF, error);
  if (tx == NULL)
    return NULL;
  if (!trellis_permission_may_give_role (actor, role))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED,
                   _("Nobody can give an account a role above their own"));
      return NULL;
    }
  staff = trellis_store_insert_staff (self, username, display_name, role, password_hash,
                                      must_change_password, error);
  if (staff == NULL ||
      !trellis_store_audit (self, trellis_staff_get_id (actor), "add-staff", 0,
                            trellis_staff_get_username (staff), error))
    return NULL;

  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_STAFF, trellis_staff_get_id (staff));
  if (!trellis_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&staff);
}

/**
 * trellis_store_create_account:
 * @one_time_password: the password the person signs in with once, then must change
 *
 * An Administrator adds a member of staff. The password is hashed before the transaction
 * begins: Argon2 takes a good part of a second and must not hold the write lock.
 */
TrellisStaff *
trellis_store_create_account (TrellisStore  *self,
                              TrellisStaff  *actor,
                              const char    *username,
                              const char    *display_name,
                              TrellisRole    role,
                              const char    *one_time_password,
                              GError       **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (one_time_password != NULL, NULL);

  /* the fields in the order a person fills them in: name, username, then the password */
  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_MANAGE_STAFF, 0, error) ||
      !trellis_staff_check_names (username, display_name, error) ||
      !trellis_password_check_strength (one_time_password, username, error))
    return NULL;

  if (self->keyring != NULL)
    {
      g_autoptr(TrellisPasswordKey) key = trellis_password_key_new (one_time_password, error);

      if (key == NULL)
        return NULL;
      return trellis_store_add_staff_with_key (self, actor, username, display_name, role, key,
                                               TRUE, error);
    }

  hash = trellis_password_hash (one_time_password, error);
  if (hash == NULL)
    return NULL;

  return trellis_store_add_staff (self, actor, username, display_name, role, hash, TRUE, error);
}

/**
 * trellis_store_add_staff_with_key:
 * @key: made from the person's password before this is called
 *
 * Adds an account to an encrypted home with its own copy of the data key.
 */
TrellisStaff *
trellis_store_add_staff_with_key (TrellisStore        *self,
                                  TrellisStaff        *actor,
                                  const char          *username,
                                  const char          *display_name,
                                  TrellisRole          role,
                                  TrellisPasswordKey  *key,
                                  gboolean             must_change_password,
                                  GError             **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisStaff) staff = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->keyring == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is not encrypted"), self->path);
      return NULL;
    }
  tx = trellis_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;
  staff = trellis_store_add_staff (self, actor, username, display_name, role,
                                   TRELLIS_STORE_HASH_IN_KEYRING, must_change_password, error);
  if (staff == NULL ||
      !trellis_store_keyring_wrap (self, trellis_staff_get_id (staff), key, error) ||
      !trellis_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&staff);
}

TrellisStaff *
trellis_store_get_staff (TrellisStore  *self,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(TrellisStaff) staff = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (trellis_sqlite_staff_get (self->db, id, &staff, error) && staff == NULL)
    trellis_store_no_such_staff (error);
  return g_steal_pointer (&staff);
}

TrellisStaff *
trellis_store_lookup_staff (TrellisStore  *self,
                            const char    *username,
                            GError       **error)
{
  g_autoptr(TrellisStaff) staff = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  g_return_val_if_fail (username != NULL, NULL);

  if (trellis_sqlite_staff_lookup (self->db, username, &staff, error) && staff == NULL)
    trellis_store_no_such_staff (error);
  return g_steal_pointer (&staff);
}

GListModel *
trellis_store_list_staff (TrellisStore  *self,
                          TrellisStaff  *actor,
                          GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_STAFF, 0, error))
    return NULL;
  return trellis_sqlite_staff_list (self->db, FALSE, error);
}

/* The people who can sign in, for the sign-in screen of the shared PC: names and roles
 * only, which everyone in the office knows anyway. */
GListModel *
trellis_store_list_sign_in_staff (TrellisStore  *self,
                                  GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return trellis_sqlite_staff_list (trellis_store_read_db (self), TRUE, error);
}

/**
 * trellis_store_find_sign_in_staff:
 * @text: (nullable): part of a name or username, in any case; %NULL or "" for everyone
 * @limit: how many at most
 *
 * The people who can sign in, in name order, whose name or username holds @text: the
 * sign-in page lists a page of them, however many accounts the home has.
 */
GListModel *
trellis_store_find_sign_in_staff (TrellisStore  *self,
                                  const char    *text,
                                  guint          limit,
                                  GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return trellis_sqlite_staff_find (trellis_store_read_db (self), text, limit, error);
}

/**
 * trellis_store_list_recent_sign_ins:
 * @limit: how many at most
 *
 * The people who can sign in, those who signed in most recently first; someone who never
 * has is not listed. The sign-in page offers these without listing every account.
 */
GListModel *
trellis_store_list_recent_sign_ins (TrellisStore  *self,
                                    guint          limit,
                                    GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);
  return trellis_sqlite_staff_list_recent (trellis_store_read_db (self), limit, error);
}

/* Someone who has left keeps their name on every record they wrote but can no longer sign
 * in; an Administrator can restore them. */
gboolean
trellis_store_set_staff_active (TrellisStore  *self,
                                TrellisStaff  *actor,
                                gint64         staff_id,
                                gboolean       active,
                                GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisStaff) staff = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_MANAGE_STAFF, error);
  if (tx == NULL)
    return FALSE;
  staff = trellis_store_get_staff (self, staff_id, error);
  if (staff == NULL)
    return FALSE;
  if (!active && staff_id == trellis_staff_get_id (actor))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("You cannot mark your own account as left"));
      return FALSE;
    }

  if (!trellis_sqlite_staff_set_active (self->db, staff_id, active, error) ||
      !trellis_store_audit (self, trellis_staff_get_id (actor),
                            active ? "restore-staff" : "staff-left", 0,
                            trellis_staff_get_username (staff), error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_STAFF, staff_id);
  return trellis_transaction_commit (tx, error);
}
