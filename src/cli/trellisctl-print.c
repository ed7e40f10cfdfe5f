/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-print.c: “trellisctl print DOCUMENT”, a document written as PDF
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-print-documents.h"
#include "trellisctl-private.h"

/* The documents the registry knows, as "a, b or c". */
static char *
dup_document_ids (void)
{
  guint n = 0;
  const TrellisPrintDocument *const *documents = trellis_print_documents_list (&n);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, trellis_print_document_get_id (documents[i]));
  ids = g_strv_builder_end (builder);
  return trellisctl_join_choices ((const char * const *) ids);
}

/* Every document is built through the registry, as the window builds it: a document added
 * there can be printed here with no change to this file. */
gboolean
trellisctl_command_print (Cli     *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  gint64 child_id = 0;
  g_autofree char *output = NULL;
  g_autofree char *ids = dup_document_ids ();
  g_autofree char *about = g_strdup_printf (_("Write a document as PDF. Documents: %s."), ids);
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GDateTime) today = NULL;
  TrellisContext *context;
  const TrellisPrintDocument *document = argc > 1 ? trellis_print_documents_lookup (argv[1])
                                                  : NULL;
  g_autofree char *usage = document != NULL
                             ? g_strdup_printf ("print %s", trellis_print_document_get_id (document))
                             : g_strdup ("print");
  TrellisPrintRequest request = { 0 };
  GOptionEntry entries[] = {
    { "child", 'c', 0, G_OPTION_ARG_INT64, &child_id, N_("The child’s number"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the PDF"), "FILE" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, usage, document != NULL ? NULL : "DOCUMENT",
                                 document != NULL ? trellis_print_document_get_summary (document)
                                                  : about,
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Name the document to print: %s"), ids);
      return FALSE;
    }
  if (document == NULL)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown document “%s”: trellisctl print writes %s"), argv[1], ids);
      return FALSE;
    }
  if (((trellis_print_document_get_needs (document) & TRELLIS_PRINT_NEEDS_CHILD) &&
       child_id <= 0) || output == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           (trellis_print_document_get_needs (document) & TRELLIS_PRINT_NEEDS_CHILD)
                             ? _("Give --child ID and -o OUT.pdf") : _("Give -o OUT.pdf"));
      return FALSE;
    }
  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;

  today = trellis_context_dup_today (context);
  request.child_id = child_id;
  request.today = today;
  doc = trellis_print_document_build (trellis_print_document_get_id (document),
                                      trellis_context_get_store (context),
                                      trellis_context_get_actor (context), &request, error);
  if (doc == NULL || !trellis_document_write_pdf (doc, output, error))
    return FALSE;

  if (!trellisctl_want_json (cli))
    {
      g_autofree char *where = g_filename_display_name (output);
      /* in the middle of a sentence: "child summary" */
      g_autofree char *what = g_utf8_strdown (trellis_print_document_get_title (document), -1);

      if (child_id > 0)
        {
          /* the name only: the build above was the look at the record */
          g_autoptr(TrellisChild) child =
            trellis_store_get_child (trellis_context_get_store (context),
                                     trellis_context_get_actor (context), child_id, NULL);
          g_autofree char *name = child != NULL ? trellis_child_dup_display_name (child) : NULL;

          /* Translators: "Wrote the child summary of Amira Hassan to summary.pdf" */
          g_print (_("Wrote the %s of %s to %s\n"), what, name != NULL ? name : "?", where);
        }
      else
        g_print (_("Wrote the %s to %s\n"), what, where);
    }
  return TRUE;
}
