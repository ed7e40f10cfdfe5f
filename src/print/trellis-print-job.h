/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-print-job.h: a document written as PDF on a worker thread, with progress
 */
#pragma once

#include <gio/gio.h>

#include "trellis-print-documents.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PRINT_JOB (trellis_print_job_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPrintJob, trellis_print_job, TRELLIS, PRINT_JOB, GObject)

TrellisPrintJob *trellis_print_job_new             (const char                 *document_id,
                                                    const TrellisPrintRequest  *request,
                                                    const char                 *path);
const char      *trellis_print_job_get_document_id (TrellisPrintJob            *self);
const char      *trellis_print_job_get_path        (TrellisPrintJob            *self);
double           trellis_print_job_get_fraction    (TrellisPrintJob            *self);
guint            trellis_print_job_get_n_pages     (TrellisPrintJob            *self);

void             trellis_print_job_run_async       (TrellisPrintJob            *self,
                                                    TrellisStore               *store,
                                                    TrellisStaff               *actor,
                                                    GCancellable               *cancellable,
                                                    GAsyncReadyCallback         callback,
                                                    gpointer                    user_data);
gboolean         trellis_print_job_run_finish      (TrellisPrintJob            *self,
                                                    GAsyncResult               *result,
                                                    GError                    **error);

G_END_DECLS
