/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-complaint-dialogs.c: recording what a child was given and told, their complaints
 * and how each was handled, and attaching a document
 *
 * Four forms (trellis-form-dialog.c) for the "Given and told", "Complaints" and "Documents"
 * sections of the child's file. Each keeps what its submit needs in a Form of its own, freed with the
 * dialog, and records on the store's worker.
 */
#define G_LOG_DOMAIN "trellis-complaint-dialogs"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-complaint-dialogs.h"
#include "trellis-pdf-view.h"

typedef struct
{
  TrellisContext   *context;
  gint64            id;          /* the child's, or the complaint's */
  AdwComboRow      *choice;
  GtkEditable      *date;
  GtkEditable      *line;
  GtkTextBuffer    *text;
  GtkTextBuffer    *more;
  GtkEditable      *other;
  char             *path;        /* a document's file, and what it holds */
  GBytes           *content;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->context);
  g_free (form->path);
  g_clear_pointer (&form->content, g_bytes_unref);
  g_free (form);
}

static Form *
form_new (TrellisContext *context,
          gint64          id)
{
  Form *form = g_new0 (Form, 1);

  form->context = g_object_ref (context);
  form->id = id;
  return form;
}

/* The store's answer, to the dialog */
static void
on_checklist_recorded_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(TrellisFormDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;

  trellis_store_record_checklist_finish (TRELLIS_STORE (source), result, &error);
  trellis_form_dialog_finish (dialog, error);
}

static void
on_complaint_recorded_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(TrellisFormDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;

  trellis_store_record_complaint_finish (TRELLIS_STORE (source), result, &error);
  trellis_form_dialog_finish (dialog, error);
}

static const TrellisChecklistItem items[] = {
  TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE, TRELLIS_CHECKLIST_COMPLAINTS_PROCEDURE,
  TRELLIS_CHECKLIST_HOUSE_RULES, TRELLIS_CHECKLIST_STAYING_SAFE,
  TRELLIS_CHECKLIST_CARE_PLAN_EXPLAINED, TRELLIS_CHECKLIST_PLAN_COPY_GIVEN,
};

static void
submit_checklist (TrellisFormDialog *dialog,
                  gpointer           user_data)
{
  Form *form = user_data;
  g_autofree char *notes = trellis_form_dialog_dup_text (form->text);

  trellis_store_record_checklist_async (trellis_context_get_store (form->context),
                                        trellis_context_get_actor (form->context), form->id,
                                        items[adw_combo_row_get_selected (form->choice)],
                                        trellis_form_dialog_get_date (dialog, form->date), notes,
                                        NULL, on_checklist_recorded_cb, g_object_ref (dialog));
}

/**
 * trellis_checklist_dialog_new:
 *
 * What @child was given or told, on which day, and how it went.
 */
TrellisFormDialog *
trellis_checklist_dialog_new (GtkWindow      *parent,
                              TrellisContext *context,
                              TrellisChild   *child)
{
  g_autofree char *name = trellis_child_dup_display_name (child);
  g_autofree char *body = g_strdup_printf (_("Something %s has been given or told since they "
                                             "came, as the guidance asks. It is kept in the "
                                             "file, with your name."), name);
  TrellisFormDialog *dialog = trellis_form_dialog_new (parent, _("Record What Was Given or Told"),
                                                       body, _("_Record"));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  Form *form = form_new (context, trellis_child_get_id (child));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    gtk_string_list_append (labels, trellis_checklist_item_to_label (items[i]));
  form->choice = trellis_form_dialog_add_choice (dialog, _("What"), G_LIST_MODEL (labels));
  form->date = trellis_form_dialog_add_date (dialog, _("Date (for example 20/11/2026)"), today);
  form->text = trellis_form_dialog_add_text (dialog, _("_Notes (optional)"));
  trellis_form_dialog_set_submit (dialog, submit_checklist, form, (GDestroyNotify) form_free);
  return dialog;
}

static void
submit_complaint (TrellisFormDialog *dialog,
                  gpointer           user_data)
{
  Form *form = user_data;
  g_autofree char *about = trellis_form_dialog_dup_text (form->text);

  trellis_store_record_complaint_async (trellis_context_get_store (form->context),
                                        trellis_context_get_actor (form->context), form->id,
                                        trellis_form_dialog_get_date (dialog, form->date), about,
                                        gtk_editable_get_text (form->line), NULL,
                                        on_complaint_recorded_cb, g_object_ref (dialog));
}

/**
 * trellis_complaint_dialog_new:
 *
 * A complaint @child has made: when, to whom, what about.
 */
TrellisFormDialog *
trellis_complaint_dialog_new (GtkWindow      *parent,
                              TrellisContext *context,
                              TrellisChild   *child)
{
  g_autofree char *name = trellis_child_dup_display_name (child);
  g_autofree char *body = g_strdup_printf (_("A complaint %s has made. Write what it is about "
                                             "in their own words where you can. How it was "
                                             "handled is recorded when it is settled."), name);
  TrellisFormDialog *dialog = trellis_form_dialog_new (parent, _("Record a Complaint"), body,
                                                       _("_Record"));
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  Form *form = form_new (context, trellis_child_get_id (child));

  form->date = trellis_form_dialog_add_date (dialog, _("Date made (for example 20/11/2026)"),
                                             today);
  form->line = trellis_form_dialog_add_line (dialog, _("Made to (who the child told)"));
  form->text = trellis_form_dialog_add_text (dialog, _("What it is _about"));
  trellis_form_dialog_set_submit (dialog, submit_complaint, form, (GDestroyNotify) form_free);
  return dialog;
}

static const TrellisSatisfied answers[] = {
  TRELLIS_SATISFIED_YES, TRELLIS_SATISFIED_NO, TRELLIS_SATISFIED_NOT_SAID,
};

static void
submit_outcome (TrellisFormDialog *dialog,
                gpointer           user_data)
{
  Form *form = user_data;
  g_autofree char *handled = trellis_form_dialog_dup_text (form->text);
  g_autofree char *outcome = trellis_form_dialog_dup_text (form->more);

  trellis_store_record_complaint_outcome_async (trellis_context_get_store (form->context),
                                                trellis_context_get_actor (form->context),
                                                form->id,
                                                trellis_form_dialog_get_date (dialog, form->date),
                                                handled, outcome,
                                                answers[adw_combo_row_get_selected (form->choice)],
                                                NULL, on_complaint_recorded_cb,
                                                g_object_ref (dialog));
}

/**
 * trellis_complaint_outcome_dialog_new:
 *
 * How @complaint was handled, what came of it, and whether the child was satisfied.
 */
TrellisFormDialog *
trellis_complaint_outcome_dialog_new (GtkWindow        *parent,
                                      TrellisContext   *context,
                                      TrellisComplaint *complaint)
{
  g_autofree char *made = trellis_date_format (trellis_complaint_get_made_on (complaint));
  /* Translators: the complaint's date and what it is about */
  g_autofree char *body = g_strdup_printf (_("The complaint of %s: “%s”."), made,
                                           trellis_complaint_get_about (complaint));
  TrellisFormDialog *dialog = trellis_form_dialog_new (parent, _("Record the Outcome"), body,
                                                       _("_Record"));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  Form *form = form_new (context, trellis_complaint_get_id (complaint));

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    gtk_string_list_append (labels, trellis_satisfied_to_label (answers[i]));
  form->date = trellis_form_dialog_add_date (dialog, _("Date settled (for example 20/11/2026)"),
                                             today);
  form->choice = trellis_form_dialog_add_choice (dialog, _("The child was"),
                                                 G_LIST_MODEL (labels));
  form->text = trellis_form_dialog_add_text (dialog, _("How it was _handled"));
  form->more = trellis_form_dialog_add_text (dialog, _("_Outcome"));
  trellis_form_dialog_set_submit (dialog, submit_outcome, form, (GDestroyNotify) form_free);
  return dialog;
}

/* A small PNG of a document's first page, made on a thread: Poppler for a PDF, gdk-pixbuf
 * for a picture. None (and the row shows the kind's icon) when it cannot be drawn. */
static void
make_thumbnail (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GBytes *content = data;
  const char *type = trellis_attachment_sniff (content);
  GBytes *png = NULL;

  if (g_strcmp0 (type, "application/pdf") == 0)
    {
      g_autoptr(TrellisPdfView) pdf = trellis_pdf_view_new (content, NULL);
      png = pdf != NULL ? trellis_pdf_view_thumbnail (pdf, 96, NULL) : NULL;
    }
  else if (type != NULL)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (content);
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 96, 96, TRUE,
                                                                         NULL, NULL);
      char *buffer = NULL;
      gsize size = 0;

      if (pixbuf != NULL && gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL))
        png = g_bytes_new_take (buffer, size);
    }
  g_task_return_pointer (task, png, png != NULL ? (GDestroyNotify) g_bytes_unref : NULL);
}

static void
on_attachment_added_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(TrellisFormDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;

  trellis_store_add_attachment_finish (TRELLIS_STORE (source), result, &error);
  trellis_form_dialog_finish (dialog, error);
}

static void
on_thumbnail_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TrellisFormDialog) dialog = user_data;
  g_autoptr(GBytes) thumbnail = g_task_propagate_pointer (G_TASK (result), NULL);
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *title = g_strdup (gtk_editable_get_text (form->line));

  trellis_store_add_attachment_async (trellis_context_get_store (form->context),
                                      trellis_context_get_actor (form->context), form->id, title,
                                      gtk_editable_get_text (form->other),
                                      trellis_form_dialog_get_date (dialog, form->date),
                                      form->path, form->content, thumbnail, NULL,
                                      on_attachment_added_cb, g_object_ref (dialog));
}

static void
submit_attachment (TrellisFormDialog *dialog,
                   gpointer           user_data)
{
  Form *form = user_data;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_thumbnail_cb, g_object_ref (dialog));

  g_task_set_task_data (task, g_bytes_ref (form->content), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, make_thumbnail);
}

/**
 * trellis_attachment_dialog_new:
 * @path: the file chosen
 * @content: what it holds
 *
 * What a document chosen to attach to @child's file is: its title (its file's name, to
 * start with), its own date and where it came from.
 */
TrellisFormDialog *
trellis_attachment_dialog_new (GtkWindow      *parent,
                               TrellisContext *context,
                               TrellisChild   *child,
                               const char     *path,
                               GBytes         *content)
{
  g_autofree char *name = trellis_child_dup_display_name (child);
  g_autofree char *file = g_path_get_basename (path);
  g_autofree char *title = g_strdup (file);
  g_autofree char *size = g_format_size (g_bytes_get_size (content));
  /* Translators: the file's name and size, then the child's name */
  g_autofree char *body = g_strdup_printf (_("“%s” (%s), to keep in %s’s file. Everyone who "
                                             "may read the file may open it."), file, size, name);
  TrellisFormDialog *dialog = trellis_form_dialog_new (parent, _("Attach a Document"), body,
                                                       _("_Attach"));
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  Form *form = form_new (context, trellis_child_get_id (child));
  char *dot = strrchr (title, '.');

  if (dot != NULL && dot != title)
    *dot = '\0';
  form->path = g_strdup (path);
  form->content = g_bytes_ref (content);
  form->line = trellis_form_dialog_add_line (dialog, _("Title"));
  gtk_editable_set_text (form->line, title);
  form->date = trellis_form_dialog_add_date (dialog, _("The document’s date (for example "
                                                       "20/11/2026)"), today);
  form->other = trellis_form_dialog_add_line (dialog, _("From (optional)"));
  g_object_set_data (G_OBJECT (dialog), "form", form);
  trellis_form_dialog_set_submit (dialog, submit_attachment, form, (GDestroyNotify) form_free);
  return dialog;
}
