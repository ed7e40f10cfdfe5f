/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-print.c: “trellisctl print DOCUMENT”, a document written as PDF
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-child-summary.h"
#include "trellisctl-private.h"

gboolean
trellisctl_command_print (Cli     *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  gint64 child_id = 0;
  g_autofree char *output = NULL;
  g_autoptr(TrellisHome) home = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  gboolean summary = argc > 1 && g_str_equal (argv[1], "child-summary");
  GOptionEntry entries[] = {
    { "child", 'c', 0, G_OPTION_ARG_INT64, &child_id, N_("The child’s number"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the PDF"), "FILE" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, summary ? "print child-summary" : "print",
                                 summary ? NULL : "DOCUMENT",
                                 summary ? _("Write a child’s summary (details and Link Worker "
                                             "history) as PDF.")
                                         : _("Write a document as PDF. Documents: child-summary."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Name the document to print: child-summary"));
      return FALSE;
    }
  if (!g_str_equal (argv[1], "child-summary"))
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown document “%s”: trellisctl print writes child-summary"), argv[1]);
      return FALSE;
    }
  if (child_id <= 0 || output == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Give --child ID and -o OUT.pdf"));
      return FALSE;
    }
  if (!trellisctl_sign_in (cli, error))
    return FALSE;

  home = trellis_store_get_home (cli->store, error);
  if (home == NULL)
    return FALSE;
  child = trellisctl_view_child (cli, child_id, &history, error);
  if (child == NULL)
    return FALSE;

  doc = trellis_child_summary_new (home, child, history, today);
  if (!trellis_document_write_pdf (doc, output, error))
    return FALSE;

  if (!trellisctl_want_json (cli))
    {
      g_autofree char *name = trellis_child_dup_display_name (child);
      g_autofree char *where = g_filename_display_name (output);

      g_print (_("Wrote the child summary of %s to %s\n"), name, where);
    }
  return TRUE;
}
