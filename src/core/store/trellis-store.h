/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store.h: the only door to the database
 *
 * The object: opening a home's database, transactions, the ::changed signal and the clock.
 * Each area's calls are declared in its own header, trellis-store-<area>.h, all included
 * here, so including this one header is enough.
 */
#pragma once

#include <gio/gio.h>

#include "trellis-assignment.h"
#include "trellis-audit-entry.h"
#include "trellis-child.h"
#include "trellis-clock.h"
#include "trellis-home.h"
#include "trellis-keys.h"
#include "trellis-staff.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STORE (trellis_store_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStore, trellis_store, TRELLIS, STORE, GObject)

typedef enum
{
  TRELLIS_STORE_OPEN_DEFAULT = 0,
  TRELLIS_STORE_OPEN_CREATE  = 1 << 0, /* make the file when it is missing */
  TRELLIS_STORE_OPEN_BRIEF   = 1 << 1, /* a short-lived connection (trellisctl): it never
                                        * removes the -wal and -shm a window may be using,
                                        * and skips the integrity check */
  TRELLIS_STORE_OPEN_CHECK   = 1 << 2, /* check integrity (PRAGMA quick_check) even on a
                                        * brief connection; others always do */
  TRELLIS_STORE_OPEN_UNENCRYPTED = 1 << 3, /* make a new file without encryption, as Trellis
                                            * did before it had any: for the tests of old
                                            * schemas and of converting old homes */
} TrellisStoreOpenFlags;

typedef struct _TrellisChildList TrellisChildList;

TrellisStore  *trellis_store_open                   (const char            *path,
                                                     TrellisStoreOpenFlags  flags,
                                                     GError               **error);
const char    *trellis_store_get_path               (TrellisStore          *self);
guint          trellis_store_get_schema_version     (TrellisStore          *self);
guint          trellis_store_get_latest_version     (void);
/* Encryption at rest (trellis-store-keyring.c) */
gboolean       trellis_store_is_encrypted           (TrellisStore          *self);
gboolean       trellis_store_is_sealed              (TrellisStore          *self);
void           trellis_store_seal                   (TrellisStore          *self);
gboolean       trellis_store_unseal_with_recovery   (TrellisStore          *self,
                                                     const char            *recovery_text,
                                                     GError               **error);
gboolean       trellis_store_set_demo_passwords     (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     TrellisPasswordKey    *password_key,
                                                     GError               **error);
char          *trellis_store_take_recovery_key      (TrellisStore          *self);
void           trellis_store_free_recovery_key      (char                  *text);
void           trellis_store_use_clock              (TrellisStore          *self,
                                                     TrellisClock          *clock);

gboolean       trellis_store_begin                  (TrellisStore          *self,
                                                     GError               **error);
gboolean       trellis_store_commit                 (TrellisStore          *self,
                                                     GError               **error);
void           trellis_store_rollback               (TrellisStore          *self);

/* Commits by other programs (trellisctl, another Trellis) */
void           trellis_store_watch                  (TrellisStore          *self);
void           trellis_store_unwatch                (TrellisStore          *self);
gboolean       trellis_store_check_for_changes      (TrellisStore          *self);

G_END_DECLS

/* the public calls, one header per area of the store (after the type, which they use) */
#include "trellis-store-audit.h"
#include "trellis-store-backup.h"
#include "trellis-store-care-plans.h"
#include "trellis-store-appointments.h"
#include "trellis-store-education.h"
#include "trellis-store-children.h"
#include "trellis-store-attachments.h"
#include "trellis-store-checklist.h"
#include "trellis-store-complaints.h"
#include "trellis-store-goals.h"
#include "trellis-store-health.h"
#include "trellis-store-home.h"
#include "trellis-store-incidents.h"
#include "trellis-store-link-workers.h"
#include "trellis-store-people.h"
#include "trellis-store-sign-in.h"
#include "trellis-store-staff.h"
