/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-education.h: a child's education file
 *
 * Included by trellis-store.h; the calls are in trellis-store-education.c.
 */
#pragma once

#include "trellis-education-record.h"
#include "trellis-education-rules.h"
#include "trellis-staff.h"
#include "trellis-store.h"

G_BEGIN_DECLS

/* Notes are kept short: the details are the school's */
#define TRELLIS_EDUCATION_NOTES_MAX_CHARS 2000
/* A pupil may be suspended for at most 45 school days in a school year */
#define TRELLIS_SUSPENSION_MAX_DAYS 45

gint64         trellis_store_record_education       (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     const TrellisEducationEntry *entry,
                                                     GError               **error);
void           trellis_store_record_education_async (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     const TrellisEducationEntry *entry,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gint64         trellis_store_record_education_finish (TrellisStore         *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);
GListModel    *trellis_store_list_education         (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GError               **error);
void           trellis_store_list_education_async   (TrellisStore          *self,
                                                     TrellisStaff          *actor,
                                                     gint64                 child_id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
GListModel    *trellis_store_list_education_finish  (TrellisStore          *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
