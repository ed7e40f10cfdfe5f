/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-complaint-dialogs.c: recording what a child was given and told, their complaints
 * and how each was handled
 *
 * Three forms (trellis-form-dialog.c) for the "Given and told" and "Complaints" sections of
 * the child's file. Each keeps what its submit needs in a Form of its own, freed with the
 * dialog, and records on the store's worker.
 */
#define G_LOG_DOMAIN "trellis-complaint-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-complaint-dialogs.h"

typedef struct
{
  TrellisContext   *context;
  gint64            id;          /* the child's, or the complaint's */
  AdwComboRow      *choice;
  GtkEditable      *date;
  GtkEditable      *line;
  GtkTextBuffer    *text;
  GtkTextBuffer    *more;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->context);
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
