/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window-print.c: printing the child shown, and exporting it as a PDF
 *
 * Both build the document through the print registry, as trellisctl does (a look at the
 * record, audited). Printing goes through GTK's print dialog on A4 with the person's last
 * settings; export lays out and writes the document with a print job on a worker thread,
 * into the person's documents folder, never beside the home's database.
 */
#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-print-documents.h"
#include "trellis-print-job.h"
#include "trellis-window-private.h"

/* The same document as trellisctl and export build, through the print registry. */
static TrellisDocument *
build_summary (TrellisWindow *self,
               GError       **error)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (self->context);
  TrellisPrintRequest request = { .child_id = self->current_child_id, .today = today };

  return trellis_print_document_build ("child-summary", self->store, self->actor, &request,
                                       error);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   TrellisDocument   *doc)
{
  trellis_document_set_page_size (doc, gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, trellis_document_paginate (doc));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 TrellisDocument   *doc)
{
  trellis_document_draw_page (doc, gtk_print_context_get_cairo_context (context), page);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  TrellisWindow           *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      if (settings != NULL)
        g_settings_set_value (self->settings, "print-settings",
                              gtk_print_settings_to_gvariant (settings));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      trellis_window_toast (self, error != NULL ? error->message : _("Could not print"));
    }
}

/* child.print on the child's file */
static void
on_print_cb (TrellisWindow *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "print-settings");
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = build_summary (self, &error);

  if (doc == NULL)
    {
      trellis_window_toast (self, error->message);
      return;
    }

  if (g_variant_n_children (saved) > 0)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_gvariant (saved);
      gtk_print_operation_set_print_settings (operation, settings);
    }
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, trellis_document_get_title (doc));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print_cb), doc,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), doc);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done_cb), self);
  gtk_print_operation_set_allow_async (operation, TRUE);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    trellis_window_toast (self, error->message);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TrellisPrintJob *job = TRELLIS_PRINT_JOB (source);
  g_autoptr(TrellisWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (trellis_print_job_get_path (job));
  g_autofree char *message = NULL;

  if (!trellis_print_job_run_finish (job, result, &error))
    {
      trellis_window_toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Saved “%s”"), basename);
  trellis_window_toast (self, message);
}

/* The document is laid out and drawn by a print job on a worker, as trellisctl builds it,
 * and written only once complete. */
static void
export_to (TrellisWindow *self,
           const char    *path)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (self->context);
  TrellisPrintRequest request = { .child_id = self->current_child_id, .today = today };
  g_autoptr(TrellisPrintJob) job = trellis_print_job_new ("child-summary", &request, path);

  trellis_print_job_run_async (job, self->store, self->actor, NULL, on_exported_cb,
                               g_object_ref (self));
}

/* child.export-pdf on the child's file */
static void
on_export_pdf_cb (TrellisWindow *self)
{
  g_autofree char *name = trellis_child_dup_display_name (trellis_child_file_get_child (self->child_file));
  /* Translators: the suggested file name when exporting, "Child summary – Amira Hassan.pdf" */
  g_autofree char *file_name = g_strdup_printf (_("Child summary – %s.pdf"), name);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Child Summary"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  /* in the person's documents, never beside the home's database (whatever folder the
   * chooser would otherwise remember) */
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autoptr(GFile) folder = g_file_new_for_path (documents != NULL &&
                                                   g_file_test (documents, G_FILE_TEST_IS_DIR)
                                                     ? documents : g_get_home_dir ());

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  }
  trellis_window_choose_file (self, dialog, export_to);
}

/* What Export as PDF does once a file is chosen. */
void
trellis_window_export_pdf (TrellisWindow *self,
                           const char    *path)
{
  g_return_if_fail (self->current_child_id > 0);
  export_to (self, path);
}

void
trellis_window_init_print (TrellisWindow *self)
{
  g_signal_connect_object (self->child_file, "print", G_CALLBACK (on_print_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "export-pdf", G_CALLBACK (on_export_pdf_cb), self,
                           G_CONNECT_SWAPPED);
}
