/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-transaction.c: a store call, or a caller's batch of them, all or nothing
 *
 *   g_autoptr(TrellisTransaction) tx = trellis_transaction_begin (store, error);
 *   if (tx == NULL || !step_one (…) || !step_two (…))
 *     return FALSE;
 *   return trellis_transaction_commit (tx, error);
 *
 * Every way out before the commit (an error, a refusal, nothing to change) rolls back when
 * @tx goes out of scope, so no store function needs a "goto failed". Inside a caller's
 * transaction (the demo generator, an import) this one is a savepoint: the call stays all or
 * nothing, and the caller's commit is the one that reaches the disk. One per public call,
 * never one per inner step: every savepoint is more journal for SQLite to keep.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-store-private.h"

struct _TrellisTransaction
{
  TrellisStore *store;
  guint         depth;      /* the store's depth while this one is the innermost */
  gboolean      finished;
};

TrellisTransaction *
trellis_transaction_begin (TrellisStore  *store,
                           GError       **error)
{
  TrellisTransaction *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  if (!trellis_store_begin (store, error))
    return NULL;

  self = g_new0 (TrellisTransaction, 1);
  self->store = g_object_ref (store);
  self->depth = store->depth;
  return self;
}

/* Commits, or when that fails rolls back; either way @self is finished. */
gboolean
trellis_transaction_commit (TrellisTransaction  *self,
                            GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  /* a transaction begun inside this one and never finished would be committed with it */
  g_return_val_if_fail (self->store->depth == self->depth, FALSE);

  self->finished = TRUE;
  return trellis_store_commit (self->store, error);
}

/* Rolls back what was not committed. */
void
trellis_transaction_free (TrellisTransaction *self)
{
  if (self == NULL)
    return;

  if (!self->finished)
    {
      g_warn_if_fail (self->store->depth == self->depth);
      trellis_store_rollback (self->store);
    }
  g_object_unref (self->store);
  g_free (self);
}
