/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-summary.c: a child's core details and Link Worker history on paper
 */
#define G_LOG_DOMAIN "trellis-child-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-child-summary.h"
#include "trellis-print-documents-private.h"

static char *
format_date_or (GDateTime  *date,
                const char *otherwise)
{
  return date != NULL ? trellis_date_format (date) : g_strdup (otherwise);
}

/**
 * trellis_child_summary_new:
 * @assignments: the child's Link Worker assignments, oldest first
 * @today: the date the summary is printed
 *
 * Returns: (transfer full): the document, ready to paginate, print or write as PDF
 */
TrellisDocument *
trellis_child_summary_new (TrellisHome  *home,
                           TrellisChild *child,
                           GListModel   *assignments,
                           GDateTime    *today)
{
  g_autofree char *display_name = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *dob = NULL;
  g_autofree char *dob_age = NULL;
  g_autofree char *admitted = NULL;
  g_autofree char *left = NULL;
  g_autofree char *title = NULL;
  g_autofree char *worker_label = NULL;
  const char *worker;
  GDateTime *left_on = NULL;   /* set for a child who has left */
  TrellisDocument *doc;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_HOME (home), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (assignments), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  display_name = trellis_child_dup_display_name (child);
  full_name = trellis_child_dup_full_name (child);
  dob = format_date_or (trellis_child_get_date_of_birth (child), _("Not recorded"));
  /* Translators: a date of birth and the age it makes, "3 May 2012 (aged 14)" */
  dob_age = g_strdup_printf (_("%s (aged %d)"), dob, trellis_child_get_age (child, today));
  admitted = format_date_or (trellis_child_get_admission_date (child), _("Not recorded"));
  left = format_date_or (trellis_child_get_leaving_date (child), _("Still living here"));
  title = g_strdup_printf (_("Child summary: %s"), display_name);

  /* a child who has left has no Link Worker now: say who it was until they left */
  worker = trellis_child_get_link_worker_name (child);
  if (!trellis_child_is_placed (child, today))
    {
      g_autofree char *until = NULL;

      left_on = trellis_child_get_leaving_date (child);
      until = trellis_date_format (left_on);
      /* Translators: a label in the child summary, "Link Worker until 6 June 2024" */
      worker_label = g_strdup_printf (_("Link Worker until %s"), until);
      if (worker == NULL)
        worker = _("None when they left");
    }
  else
    {
      worker_label = g_strdup (_("Current Link Worker"));
      if (worker == NULL)
        worker = _("None assigned");
    }

  doc = trellis_document_new (title);
  trellis_document_set_header (doc, trellis_home_get_name (home), _("OFFICIAL – SENSITIVE"));
  trellis_document_set_footer (doc, full_name);
  trellis_document_set_printed_date (doc, today);

  trellis_document_add_title (doc, _("Child summary"), display_name);

  trellis_document_add_heading (doc, _("Personal details"));
  trellis_document_add_field (doc, _("Legal name"), full_name);
  trellis_document_add_field (doc, _("Preferred name"), trellis_child_get_preferred_name (child));
  trellis_document_add_field (doc, _("Date of birth"), dob_age);
  trellis_document_add_field (doc, _("Gender"), trellis_child_get_gender (child));
  trellis_document_add_field (doc, _("First language"), trellis_child_get_first_language (child));
  trellis_document_add_field (doc, _("Religion"), trellis_child_get_religion (child));

  /* what anyone caring for the child from this page must know */
  trellis_document_add_heading (doc, _("Health"));
  trellis_document_add_field (doc, _("Allergies"),
                              *trellis_child_get_allergies (child) != '\0'
                                ? trellis_child_get_allergies (child) : _("None known"));
  trellis_document_add_field (doc, _("Medication"),
                              *trellis_child_get_medication (child) != '\0'
                                ? trellis_child_get_medication (child) : _("None"));

  trellis_document_add_heading (doc, _("Placement"));
  trellis_document_add_field (doc, _("Legal status"),
                              trellis_legal_status_to_label (trellis_child_get_legal_status (child)));
  trellis_document_add_field (doc, _("Placing authority"),
                              trellis_child_get_placing_authority (child));
  trellis_document_add_field (doc, _("Admission date"), admitted);
  trellis_document_add_field (doc, _("Leaving date"), left);

  trellis_document_add_heading (doc, _("Link Worker"));
  trellis_document_add_field (doc, worker_label, worker);

  trellis_document_add_heading (doc, _("Link Worker history"));
  n = g_list_model_get_n_items (assignments);
  if (n == 0)
    trellis_document_add_paragraph (doc, _("No Link Worker has been assigned yet."));
  else
    {
      const char *headers[] = { _("From"), _("To"), _("Link Worker"), _("Why this change") };
      const double widths[] = { 0.17, 0.17, 0.24, 0.42 };

      trellis_document_begin_table (doc, 4, headers, widths);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TrellisAssignment) a = g_list_model_get_item (assignments, i);
          g_autofree char *from = format_date_or (trellis_assignment_get_start_date (a), "");
          GDateTime *end = trellis_assignment_get_end_date (a);
          /* one still open when the child left ended with their leaving */
          g_autofree char *to = format_date_or (end != NULL ? end : left_on, _("Now"));
          g_autofree char *why = NULL;
          const char *reason = trellis_change_reason_to_label (trellis_assignment_get_reason (a));
          const char *cells[4];

          why = *trellis_assignment_get_note (a) != '\0'
                  ? g_strdup_printf ("%s. %s", reason, trellis_assignment_get_note (a))
                  : g_strdup (reason);
          cells[0] = from;
          cells[1] = to;
          cells[2] = trellis_assignment_get_staff_name (a);
          cells[3] = why;
          trellis_document_add_row (doc, cells);
        }
    }

  return doc;
}

/* What the summary shows, read from the store on the caller's thread. */
typedef struct
{
  TrellisHome  *home;
  TrellisChild *child;
  GListModel   *history;
  GDateTime    *today;
} ChildSummaryData;

static void
child_summary_data_free (gpointer data)
{
  ChildSummaryData *summary = data;

  g_clear_object (&summary->home);
  g_clear_object (&summary->child);
  g_clear_object (&summary->history);
  g_clear_pointer (&summary->today, g_date_time_unref);
  g_free (summary);
}

/* Printing a child's details is a look at their record: audited as a view, as when the
 * record is opened. */
static gpointer
gather (TrellisStore               *store,
        TrellisStaff               *actor,
        const TrellisPrintRequest  *request,
        GDateTime                  *today,
        GError                    **error)
{
  g_autoptr(TrellisHome) home = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) history = NULL;
  ChildSummaryData *summary;

  home = trellis_store_get_home (store, error);
  if (home != NULL)
    child = trellis_store_view_child (store, actor, request->child_id, error);
  if (child != NULL)
    history = trellis_store_list_assignments (store, actor, request->child_id, error);
  if (history == NULL)
    return NULL;

  summary = g_new0 (ChildSummaryData, 1);
  summary->home = g_steal_pointer (&home);
  summary->child = g_steal_pointer (&child);
  summary->history = g_steal_pointer (&history);
  summary->today = g_date_time_ref (today);
  return summary;
}

static TrellisDocument *
lay_out (gpointer data)
{
  ChildSummaryData *summary = data;

  return trellis_child_summary_new (summary->home, summary->child, summary->history,
                                    summary->today);
}

const TrellisPrintDocument trellis_child_summary_document = {
  .id = "child-summary",
  .title = N_("Child summary"),
  .summary = N_("A child’s details and Link Worker history"),
  .needs = TRELLIS_PRINT_NEEDS_CHILD,
  .gather = gather,
  .free_data = child_summary_data_free,
  .lay_out = lay_out,
};
