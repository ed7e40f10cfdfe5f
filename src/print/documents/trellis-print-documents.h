/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-print-documents.h: every document Trellis prints, by id
 *
 * The print menu and `trellisctl print` list the documents from here and build one by its
 * id through the same call, so a document added to the registry appears in both.
 */
#pragma once

#include "trellis-core.h"
#include "trellis-document.h"

G_BEGIN_DECLS

/* What a document is printed about: what its request must name */
typedef enum
{
  TRELLIS_PRINT_NEEDS_NOTHING = 0,
  TRELLIS_PRINT_NEEDS_CHILD   = 1 << 0, /* TrellisPrintRequest.child_id */
} TrellisPrintNeeds;

/* What to print a document about. Zero-initialise it and set what the document needs, so
 * that fields added for later documents start empty:
 * `TrellisPrintRequest request = { .child_id = id };` */
typedef struct
{
  gint64     child_id;  /* the child, for documents that need one */
  GDateTime *today;     /* (nullable): the printed date; NULL for today */
} TrellisPrintRequest;

typedef struct _TrellisPrintDocument TrellisPrintDocument;

const TrellisPrintDocument *const *
                   trellis_print_documents_list       (guint                      *n_documents);
const TrellisPrintDocument *
                   trellis_print_documents_lookup     (const char                 *id);

const char        *trellis_print_document_get_id      (const TrellisPrintDocument *document);
const char        *trellis_print_document_get_title   (const TrellisPrintDocument *document);
const char        *trellis_print_document_get_summary (const TrellisPrintDocument *document);
TrellisPrintNeeds  trellis_print_document_get_needs   (const TrellisPrintDocument *document);

TrellisDocument   *trellis_print_document_build       (const char                 *id,
                                                       TrellisStore               *store,
                                                       TrellisStaff               *actor,
                                                       const TrellisPrintRequest  *request,
                                                       GError                    **error);

G_END_DECLS
