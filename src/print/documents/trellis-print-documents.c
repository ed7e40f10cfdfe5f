/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-print-documents.c: the registry of printed documents, from an id to its builder
 */
#define G_LOG_DOMAIN "trellis-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-print-documents-private.h"

/* In the order menus list them. */
static const TrellisPrintDocument *const documents[] = {
  &trellis_child_summary_document,
  NULL
};

/**
 * trellis_print_documents_list:
 * @n_documents: (out) (optional): how many there are
 *
 * Returns: (transfer none) (array zero-terminated=1): every document Trellis prints
 */
const TrellisPrintDocument *const *
trellis_print_documents_list (guint *n_documents)
{
  if (n_documents != NULL)
    *n_documents = G_N_ELEMENTS (documents) - 1;
  return documents;
}

/* Returns: (nullable): the document called @id, or NULL when there is none */
const TrellisPrintDocument *
trellis_print_documents_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; documents[i] != NULL; i++)
    if (g_str_equal (documents[i]->id, id))
      return documents[i];
  return NULL;
}

const char *
trellis_print_document_get_id (const TrellisPrintDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return document->id;
}

/* The document's name in sentence case, translated: "Child summary" */
const char *
trellis_print_document_get_title (const TrellisPrintDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return _(document->title);
}

/* One translated line saying what the document holds, for menus and --help */
const char *
trellis_print_document_get_summary (const TrellisPrintDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return _(document->summary);
}

TrellisPrintNeeds
trellis_print_document_get_needs (const TrellisPrintDocument *document)
{
  g_return_val_if_fail (document != NULL, TRELLIS_PRINT_NEEDS_NOTHING);
  return document->needs;
}

/* Checks the request names what the document needs, then reads its data from the store. */
gpointer
trellis_print_document_gather (const TrellisPrintDocument  *document,
                               TrellisStore                *store,
                               TrellisStaff                *actor,
                               const TrellisPrintRequest   *request,
                               GError                     **error)
{
  g_autoptr(GDateTime) today = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if ((document->needs & TRELLIS_PRINT_NEEDS_CHILD) && request->child_id <= 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is printed for a child: say which one"),
                   _(document->title));
      return NULL;
    }

  today = request->today != NULL ? g_date_time_ref (request->today) : trellis_date_today ();
  return document->gather (store, actor, request, today, error);
}

TrellisDocument *
trellis_print_document_lay_out (const TrellisPrintDocument *document,
                                gpointer                    data)
{
  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  return document->lay_out (data);
}

void
trellis_print_document_free_data (const TrellisPrintDocument *document,
                                  gpointer                    data)
{
  g_return_if_fail (document != NULL);

  if (data != NULL)
    document->free_data (data);
}

/**
 * trellis_print_document_build:
 * @id: a document's id, such as "child-summary"
 * @request: what to print it about
 *
 * Reads what the document shows, as @actor, and lays it out, on the calling thread: for
 * GtkPrintOperation, which draws on the main thread, and for scripts. A PDF export with
 * progress is a TrellisPrintJob.
 *
 * Returns: (transfer full): the document, ready to paginate, print or write as PDF
 */
TrellisDocument *
trellis_print_document_build (const char                 *id,
                              TrellisStore               *store,
                              TrellisStaff               *actor,
                              const TrellisPrintRequest  *request,
                              GError                    **error)
{
  const TrellisPrintDocument *document;
  gpointer data;
  TrellisDocument *result;

  g_return_val_if_fail (id != NULL, NULL);

  document = trellis_print_documents_lookup (id);
  if (document == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("There is no document called “%s”"), id);
      return NULL;
    }

  data = trellis_print_document_gather (document, store, actor, request, error);
  if (data == NULL)
    return NULL;

  result = trellis_print_document_lay_out (document, data);
  trellis_print_document_free_data (document, data);
  return result;
}
