/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-print-documents-private.h: how a document is described to the registry and the job
 *
 * Building a document is two steps: gathering its data from the store, which happens where
 * the store may be used (the caller's thread), then laying it out from that data alone, which
 * a print job does on a worker thread. Each document's file defines its TrellisPrintDocument.
 */
#pragma once

#include "trellis-print-documents.h"

G_BEGIN_DECLS

struct _TrellisPrintDocument
{
  const char        *id;       /* the word trellisctl print takes, e.g. "child-summary" */
  const char        *title;    /* N_() */
  const char        *summary;  /* N_(): one line for menus and --help */
  TrellisPrintNeeds  needs;

  /* Reads what the document shows; the result holds no reference to the store. */
  gpointer         (*gather)    (TrellisStore               *store,
                                 TrellisStaff               *actor,
                                 const TrellisPrintRequest  *request,
                                 GDateTime                  *today,
                                 GError                    **error);
  GDestroyNotify     free_data;
  /* Lays the document out from gathered data only: safe on any one thread. */
  TrellisDocument *(*lay_out)   (gpointer                    data);
};

extern const TrellisPrintDocument trellis_child_summary_document;

gpointer         trellis_print_document_gather    (const TrellisPrintDocument  *document,
                                                   TrellisStore                *store,
                                                   TrellisStaff                *actor,
                                                   const TrellisPrintRequest   *request,
                                                   GError                     **error);
TrellisDocument *trellis_print_document_lay_out   (const TrellisPrintDocument  *document,
                                                   gpointer                     data);
void             trellis_print_document_free_data (const TrellisPrintDocument  *document,
                                                   gpointer                     data);

G_END_DECLS
