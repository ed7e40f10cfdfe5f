/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-checklist-entry.h: one thing a child was given or told, when, and who did it
 */
#pragma once

#include <gio/gio.h>

#include "trellis-enums.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHECKLIST_ENTRY (trellis_checklist_entry_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChecklistEntry, trellis_checklist_entry, TRELLIS, CHECKLIST_ENTRY,
                      GObject)

TrellisChecklistEntry *trellis_checklist_entry_new        (gint64                id,
                                                           gint64                child_id,
                                                           TrellisChecklistItem  item,
                                                           GDateTime            *done_on,
                                                           const char           *notes,
                                                           const char           *recorded_by);
gint64               trellis_checklist_entry_get_id          (TrellisChecklistEntry *self);
gint64               trellis_checklist_entry_get_child_id    (TrellisChecklistEntry *self);
TrellisChecklistItem trellis_checklist_entry_get_item        (TrellisChecklistEntry *self);
GDateTime           *trellis_checklist_entry_get_done_on     (TrellisChecklistEntry *self);
const char          *trellis_checklist_entry_get_notes       (TrellisChecklistEntry *self);
const char          *trellis_checklist_entry_get_recorded_by (TrellisChecklistEntry *self);

/* The newest entry for @item in @entries (newest first, as the store lists them), or NULL */
TrellisChecklistEntry *trellis_checklist_entry_find       (GListModel           *entries,
                                                           TrellisChecklistItem  item);

G_END_DECLS
