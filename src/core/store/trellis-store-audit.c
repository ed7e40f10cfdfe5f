/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-audit.c: the audit trail, who looked at or changed what, and when
 *
 * Each row's hash covers its content and the previous row's hash, so an edit or a deletion
 * made outside Trellis (with sqlite3, say) breaks the chain where it happened, and
 * trellis_store_verify_audit() says where.
 *
 * In an encrypted home the hash is a MAC ("k1:" and keyed BLAKE2b) with a key derived from
 * the home's data key, so nobody without a staff password can make a row that verifies,
 * nor re-hash the rows after one they changed; and the chain's head (the last row's id and
 * MAC) is kept in the keyring too, so deleting the last rows, or putting back an older copy
 * of the database, is found as well. A home made before encryption keeps the unkeyed
 * SHA-256 chain, which anyone with sqlite3 could recompute.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-enums.h"
#include "trellis-store-private.h"

#define KEYED_PREFIX "k1:"

static char *
audit_hash (const TrellisSecret *key,
            gint64               id,
            const char          *prev_hash,
            const char          *at,
            gint64               staff_id,
            const char          *action,
            gint64               child_id,
            const char          *detail)
{
  g_autofree char *content = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s|%" G_GINT64_FORMAT "|%s|%"
                                              G_GINT64_FORMAT "|%s", id, prev_hash, at, staff_id,
                                              action, child_id, detail);
  g_autofree char *mac = NULL;

  if (key == NULL)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  mac = trellis_secret_mac_hex (key, content);
  return g_strconcat (KEYED_PREFIX, mac, NULL);
}

/* Appends one row, chained to the row before, inside the caller's transaction: the row is
 * written with the change it records, or not at all. */
gboolean
trellis_store_audit (TrellisStore  *self,
                     gint64         staff_id,
                     const char    *action,
                     gint64         child_id,
                     const char    *detail,
                     GError       **error)
{
  return trellis_store_audit_row (self, staff_id, action, child_id, detail, NULL, error);
}

/* As trellis_store_audit(), giving the new row's id in @id: for a record's version, which
 * names the audit row that made it. */
gboolean
trellis_store_audit_row (TrellisStore  *self,
                         gint64         staff_id,
                         const char    *action,
                         gint64         child_id,
                         const char    *detail,
                         gint64        *id,
                         GError       **error)
{
  g_autoptr(GDateTime) now =
    g_date_time_new_from_unix_utc (trellis_clock_get_now (self->clock) / G_USEC_PER_SEC);
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  TrellisAuditRow row = { 0 };

  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!trellis_sqlite_audit_get_last (self->db, &row.id, &prev, error))
    return FALSE;

  row.id++;
  row.at = at;
  row.staff_id = staff_id;
  row.action = action;
  row.child_id = child_id;
  row.detail = detail != NULL ? detail : "";
  row.prev_hash = prev != NULL ? prev : "";
  hash = audit_hash (self->audit_key, row.id, row.prev_hash, row.at, staff_id, action, child_id,
                     row.detail);
  row.hash = hash;
  if (!trellis_sqlite_audit_insert (self->db, &row, error))
    return FALSE;

  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_AUDIT, row.id);
  if (id != NULL)
    *id = row.id;
  return TRUE;
}

typedef struct
{
  const TrellisSecret *key;
  char   *prev;
  gint64  expected_id;
  gint64  first_broken;
  guint   count;
  gboolean keyed;    /* a keyed row was seen: every later one must be keyed too */
} Verify;

static gboolean
verify_row (const TrellisAuditRow *row,
            gpointer               user_data)
{
  Verify *v = user_data;
  gboolean keyed = g_str_has_prefix (row->hash, KEYED_PREFIX);
  g_autofree char *hash = NULL;

  v->count++;
  /* rows made before the home was encrypted are unkeyed; once a keyed one has been seen,
   * an unkeyed row is one somebody wrote without the key */
  if (keyed && v->key != NULL)
    hash = audit_hash (v->key, row->id, row->prev_hash, row->at, row->staff_id, row->action,
                       row->child_id, row->detail);
  else if (!keyed && !v->keyed)
    hash = audit_hash (NULL, row->id, row->prev_hash, row->at, row->staff_id, row->action,
                       row->child_id, row->detail);
  v->keyed = v->keyed || keyed;

  /* a deleted row leaves a gap; an edited row no longer matches its hash; a row edited
   * together with its hash no longer matches the next row's prev_hash */
  if (row->id != v->expected_id || !g_str_equal (v->prev, row->prev_hash) ||
      hash == NULL || !g_str_equal (hash, row->hash))
    {
      v->first_broken = row->id != v->expected_id ? v->expected_id : row->id;
      return FALSE;
    }
  g_free (v->prev);
  v->prev = g_strdup (row->hash);
  v->expected_id++;
  return TRUE;
}

/**
 * trellis_store_verify_audit:
 * @first_broken: (out): the id of the first row whose chain is broken, 0 when none is
 * @n_rows: (out) (optional): how many rows were checked
 *
 * Recomputes every row's hash. Returns: %TRUE when the whole chain holds.
 */
gboolean
trellis_store_verify_audit (TrellisStore  *self,
                            TrellisStaff  *actor,
                            gint64        *first_broken,
                            guint         *n_rows,
                            GError       **error)
{
  Verify v = { self->audit_key, g_strdup (""), 1, 0, 0, FALSE };
  gboolean read;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (first_broken != NULL, FALSE);

  *first_broken = 0;
  read = trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_AUDIT, 0, error) &&
         trellis_sqlite_audit_foreach (self->db, verify_row, &v, error);
  if (!read)
    {
      g_free (v.prev);
      return FALSE;
    }
  /* the chain holds: does it end where the keyring says it did, and does every version of
   * a record name the audit row that made it? */
  if ((v.first_broken == 0 &&
       !trellis_store_keyring_check_head (self, v.expected_id - 1, v.prev, &v.first_broken,
                                          error)) ||
      (v.first_broken == 0 &&
       !trellis_sqlite_audit_check_records (self->db, &v.first_broken, error)))
    {
      g_free (v.prev);
      return FALSE;
    }
  g_free (v.prev);

  *first_broken = v.first_broken;
  if (n_rows != NULL)
    *n_rows = v.count;
  return v.first_broken == 0;
}

/**
 * trellis_store_list_audit:
 * @child_id: one child's trail, or 0 for everything
 * @search: (nullable): text that must appear, ignoring case, in who did it, the child's
 *   name, the account or Link Worker the row is about, or the words that say what was done
 *   and why ("Opened the record", "First Link Worker", "Date of birth"), or that is the
 *   action's code ("sign-in-failed")
 *
 * The newest @limit rows, newest first. The words are turned into the codes the trail
 * stores here, so the search runs in the database whatever the language.
 */
GListModel *
trellis_store_list_audit (TrellisStore  *self,
                          TrellisStaff  *actor,
                          gint64         child_id,
                          const char    *search,
                          guint          limit,
                          GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_AUDIT, 0, error))
    return NULL;

  if (search != NULL)
    text = g_strstrip (g_strdup (search));
  if (text != NULL && *text != '\0')
    {
      g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
      g_auto(GStrv) actions = trellis_audit_actions_matching (text);
      g_auto(GStrv) reasons = trellis_change_reasons_matching (text);
      g_auto(GStrv) fields = trellis_audit_fields_matching (text);
      TrellisAuditSearch matching = { text, folded, actions, reasons, fields };

      return trellis_sqlite_audit_list (self->db, child_id, &matching, limit, error);
    }

  return trellis_sqlite_audit_list (self->db, child_id, NULL, limit, error);
}

static gpointer
list_audit_job (TrellisStore  *store,
                gpointer       data,
                GError       **error)
{
  TrellisStoreQuery *query = data;
  return trellis_store_list_audit (store, query->actor, query->id, query->text, query->limit,
                                   error);
}

/**
 * trellis_store_list_audit_async:
 *
 * trellis_store_list_audit() on the store's worker, for a page that shows a child's trail
 * (the trail grows for the life of the home). See trellis_store_run_async() for cancelling.
 */
void
trellis_store_list_audit_async (TrellisStore        *self,
                                TrellisStaff        *actor,
                                gint64               child_id,
                                const char          *search,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, list_audit_job,
                           trellis_store_query_new (actor, child_id, search, limit),
                           (GDestroyNotify) trellis_store_query_free, g_object_unref,
                           cancellable, trellis_store_list_audit_async, callback, user_data);
}

/**
 * trellis_store_list_audit_finish:
 *
 * Returns: (transfer full): as trellis_store_list_audit()
 */
GListModel *
trellis_store_list_audit_finish (TrellisStore  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_audit_async, error);
}

typedef struct
{
  gint64   first_broken;
  guint    n_rows;
  gboolean holds;
} VerifyResult;

static gpointer
verify_audit_job (TrellisStore  *store,
                  gpointer       data,
                  GError       **error)
{
  g_autofree VerifyResult *result = g_new0 (VerifyResult, 1);
  GError *local_error = NULL;

  result->holds = trellis_store_verify_audit (store, data, &result->first_broken,
                                              &result->n_rows, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

/**
 * trellis_store_verify_audit_async:
 *
 * trellis_store_verify_audit() on the store's worker: the whole trail is read and every
 * hash recomputed, which takes a while in a home's later years.
 */
void
trellis_store_verify_audit_async (TrellisStore        *self,
                                  TrellisStaff        *actor,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, verify_audit_job, actor != NULL ? g_object_ref (actor) : NULL,
                           g_object_unref, g_free, cancellable, trellis_store_verify_audit_async,
                           callback, user_data);
}

/**
 * trellis_store_verify_audit_finish:
 * @first_broken: (out): as for trellis_store_verify_audit()
 * @n_rows: (out) (optional): as for trellis_store_verify_audit()
 *
 * Returns: %TRUE when the whole chain holds; %FALSE when it is broken (@error unset) or
 *   could not be checked (@error set)
 */
gboolean
trellis_store_verify_audit_finish (TrellisStore  *self,
                                   GAsyncResult  *result,
                                   gint64        *first_broken,
                                   guint         *n_rows,
                                   GError       **error)
{
  g_autofree VerifyResult *verify = NULL;

  g_return_val_if_fail (first_broken != NULL, FALSE);

  *first_broken = 0;
  verify = trellis_store_run_finish (self, result, trellis_store_verify_audit_async, error);
  if (verify == NULL)
    return FALSE;
  *first_broken = verify->first_broken;
  if (n_rows != NULL)
    *n_rows = verify->n_rows;
  return verify->holds;
}
