/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-transaction.h: a store call, or a caller's batch of them, all or nothing
 */
#pragma once

#include "trellis-store.h"

G_BEGIN_DECLS

typedef struct _TrellisTransaction TrellisTransaction;

TrellisTransaction *trellis_transaction_begin  (TrellisStore        *store,
                                                GError             **error);
gboolean            trellis_transaction_commit (TrellisTransaction  *self,
                                                GError             **error);
void                trellis_transaction_free   (TrellisTransaction  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisTransaction, trellis_transaction_free)

G_END_DECLS
