/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-child-file.c: a child's file, driven with a context as the window drives it
 *
 * The file reads what it shows itself: the tests give it a context (a home, who is signed
 * in, the day) and a child's number, and read back what a person would see and what the
 * audit trail says about it.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-child-audit-section.h"
#include "trellis-child-file.h"
#include "trellis-education-dialog.h"
#include "trellis-education-section.h"
#include "trellis-error-row.h"
#include "trellis-health-section.h"
#include "trellis-goals-section.h"
#include "trellis-incidents-section.h"
#include "trellis-risks-section.h"
#include "trellis-complaint-dialogs.h"
#include "trellis-document-viewer.h"
#include <cairo-pdf.h>
#include "trellis-link-workers-section.h"
#include "trellis-core.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

/* A child of @store other than child @id. */
static gint64
another_child (TrellisStore *store,
               gint64        id)
{
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, manager);
  g_autoptr(TrellisChild) first = trellis_test_get_child (G_LIST_MODEL (list), 0);
  g_autoptr(TrellisChild) second = trellis_test_get_child (G_LIST_MODEL (list), 1);

  return trellis_child_get_id (first) != id ? trellis_child_get_id (first)
                                            : trellis_child_get_id (second);
}

/* Waits until every section of @file has shown what it read on the store's worker. */
static void
wait_for_sections (TrellisChildFile *file)
{
  trellis_test_wait_while ((TrellisTestBusyFunc) trellis_child_file_is_loading, file);
}

/* The titles of the rows @section shows, top to bottom, one a line: who, not when. */
static char *
dup_titles (TrellisChildSection *section)
{
  g_autofree char *rows = trellis_test_dup_rows_text (section);
  g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      char *subtitle = strstr (lines[i], " | ");

      g_string_append_len (text, lines[i], subtitle != NULL ? subtitle - lines[i] : -1);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* What the Link Worker history of child @id must say, from the store: names newest first. */
static char *
dup_expected_history (TrellisContext *context,
                      gint64          id)
{
  g_autoptr(GListModel) history = NULL;
  GString *text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  history = trellis_store_list_assignments (trellis_context_get_store (context),
                                            trellis_context_get_actor (context), id, &error);
  g_assert_no_error (error);
  for (guint i = g_list_model_get_n_items (history); i > 0; i--)
    {
      g_autoptr(TrellisAssignment) a = g_list_model_get_item (history, i - 1);
      g_string_append_printf (text, "%s\n", trellis_assignment_get_staff_name (a));
    }
  if (text->len == 0)
    g_string_append (text, "No Link Worker yet\n");
  return g_string_free (text, FALSE);
}

/* Opening a child is a look at the record, audited once; showing the same child again
 * after a change is not. What the file says comes from the record. */
static void
test_opening_and_refreshing (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "file.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) fixed = trellis_date_new (2026, 11, 23);
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  gint64 id = trellis_test_first_child_of (store, sam);
  guint views = trellis_test_count_views (store, trellis_context_get_actor (context), id);
  g_autofree char *dob = NULL;

  trellis_context_set_today (context, fixed);
  g_assert_true (trellis_child_file_load (file, context, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_test_count_views (store, trellis_context_get_actor (context), id), ==, views + 1);
  child = trellis_store_get_child (store, trellis_context_get_actor (context), id, NULL);
  dob = trellis_date_format (trellis_child_get_date_of_birth (child));
  g_assert_cmpstr (trellis_child_file_get_value (file, "date-of-birth"), ==, dob);
  g_assert_cmpstr (trellis_child_file_get_value (file, "link-worker"), ==,
                   "Link Worker: Sam Carter");
  wait_for_sections (file);
  g_assert_nonnull (strstr (trellis_child_file_get_value (file, "latest-link-worker"), "now"));
  /* a Manager sees who opened the record: at least the opening just made */
  g_assert_cmpuint (trellis_child_file_get_n_audit (file), >=, 1);

  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  wait_for_sections (file);
  g_assert_cmpuint (trellis_test_count_views (store, trellis_context_get_actor (context), id), ==, views + 1);

  g_object_unref (file);
}

/* The health checks: when each was last done and is next due, by the home's intervals,
 * with "Overdue" where it is; a check never recorded is due from the admission. */
static void
test_health_section (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "health.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GDateTime) dental = trellis_date_new (2026, 5, 20);
  g_autoptr(GDateTime) sight = trellis_date_new (2026, 11, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *admitted = NULL;
  g_autofree char *never = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  g_autoptr(TrellisChild) added = trellis_test_make_child ("Lena", "Nowak", "2014-06-02");
  g_autoptr(GDateTime) admission = trellis_date_new (2025, 9, 1);
  gint64 id;

  /* a child of their own, with nothing recorded yet (the demo's have checks) */
  trellis_context_set_today (context, today);
  trellis_child_set_admission_date (added, admission);
  trellis_child_set_allergies (added, "Penicillin");
  id = trellis_store_add_child (store, trellis_context_get_actor (context), added, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (store, trellis_context_get_actor (context), id,
                                                   trellis_staff_get_id (sam), admission,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  g_assert_cmpint (trellis_store_record_health_check (store, sam, id, TRELLIS_HEALTH_CHECK_DENTAL,
                                                      dental, NULL, &error), >, 0);
  g_assert_cmpint (trellis_store_record_health_check (store, sam, id, TRELLIS_HEALTH_CHECK_SIGHT,
                                                      sight, "New glasses", &error), >, 0);
  g_assert_cmpint (trellis_store_record_registration (store, sam, id, TRELLIS_REGISTRATION_GP,
                                                      "Parkside Surgery", admission, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  g_assert_no_error (error);
  /* what nobody caring for her may miss, at the top */
  g_assert_cmpstr (trellis_child_file_get_value (file, "allergies-and-medication"), ==,
                   "Allergies: Penicillin");
  wait_for_sections (file);
  g_assert_cmpstr (trellis_child_file_get_value (file, "dental"), ==,
                   "Last: 20 May 2026 · Next due: 20 November 2026");
  g_assert_cmpstr (trellis_child_file_get_value (file, "dental-due"), ==, "Overdue");
  g_assert_cmpstr (trellis_child_file_get_value (file, "sight"), ==,
                   "Last: 1 November 2026 · Next due: 1 November 2027");
  g_assert_cmpstr (trellis_child_file_get_value (file, "sight-due"), ==, "");
  g_assert_cmpstr (trellis_child_file_get_value (file, "gp"), ==,
                   "Parkside Surgery · since 1 September 2025");
  g_assert_cmpstr (trellis_child_file_get_value (file, "dentist"), ==, "Not recorded");

  child = trellis_store_get_child (store, trellis_context_get_actor (context), id, NULL);
  admitted = trellis_date_format (trellis_child_get_admission_date (child));
  never = g_strdup_printf ("None recorded · Due since %s", admitted);
  g_assert_cmpstr (trellis_child_file_get_value (file, "health-assessment"), ==, never);
  g_assert_cmpstr (trellis_child_file_get_value (file, "health-assessment-due"), ==, "Overdue");
  {
    GtkWindow *window = trellis_test_show_in_window (file, 800, 1100);

    trellis_test_spin (200);
    trellis_test_save_png (GTK_WIDGET (window), "child-file-health.png");
    gtk_window_set_child (window, NULL);
    gtk_window_destroy (window);
  }

  /* a home that checks teeth every year: the dental check is not due until May */
  {
    TrellisHealthIntervals intervals = TRELLIS_HEALTH_INTERVALS_INIT;
    g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");

    intervals.dental = 12;
    g_assert_true (trellis_store_set_health_intervals (store, manager, &intervals, &error));
  }
  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  wait_for_sections (file);
  g_assert_cmpstr (trellis_child_file_get_value (file, "dental"), ==,
                   "Last: 20 May 2026 · Next due: 20 May 2027");
  g_assert_cmpstr (trellis_child_file_get_value (file, "dental-due"), ==, "");

  g_object_unref (file);
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
dialog_is_gone (gpointer data)
{
  GtkWidget **dialog = data;

  return *dialog != NULL;
}

static guint
count_checklist (TrellisStore *store,
                 gint64        id)
{
  g_autoptr(TrellisStaff) reader = trellis_test_lookup_staff (store, "visitor");
  g_autoptr(GListModel) entries = trellis_store_list_checklist (store, reader, id, NULL);

  return g_list_model_get_n_items (entries);
}

/* Types @text into the form's first paragraph, as a person would paste it. */
static void
type_paragraph (TrellisFormDialog *dialog,
                const char        *text)
{
  GtkWidget *view = trellis_test_find_widget (dialog, is_text_view, NULL);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Record in @dialog, and wait until the store has answered (the dialog goes, or says why). */
static void
record (TrellisFormDialog *dialog,
        gboolean           kept)
{
  GtkWidget *watch = GTK_WIDGET (dialog);

  if (kept)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &watch);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  if (kept)
    trellis_test_wait_while (dialog_is_gone, &watch);
  else
    trellis_test_spin (300);
}

/* What a child placed here has been given and told, with "Not yet done" beside the rest;
 * their complaints, open and settled; both recorded through their forms by the Link Worker,
 * a date that is no date refused under its field with the words kept. */
static void
test_given_and_told_and_complaints (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "given.db", 6);
  g_autoptr(TrellisContext) manager = trellis_test_context (store, "manager");
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GDateTime) admission = trellis_date_new (2026, 9, 1);
  g_autoptr(TrellisChild) added = trellis_test_make_child ("Amara", "Okafor", "2012-03-14");
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  TrellisFormDialog *dialog;
  GtkWidget *date_row;
  gint64 id;

  trellis_context_set_today (context, today);
  trellis_context_set_today (manager, today);
  trellis_child_set_admission_date (added, admission);
  id = trellis_store_add_child (store, trellis_context_get_actor (manager), added, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (store, trellis_context_get_actor (manager), id,
                                                   trellis_staff_get_id (trellis_context_get_actor (context)),
                                                   admission,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  wait_for_sections (file);
  g_assert_cmpstr (trellis_child_file_get_value (file, "young-persons-guide-missing"), ==,
                   "Not yet done");
  g_assert_cmpstr (trellis_child_file_get_value (file, "staying-safe"), ==, "Not recorded");
  g_assert_cmpstr (trellis_child_file_get_value (file, "complaints-summary"), ==, "");
  child = g_object_ref (trellis_child_file_get_child (file));

  /* fire safety, walked with her: a date that is no date first */
  dialog = trellis_checklist_dialog_new (NULL, context, child);
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_get_row (dialog, "What")), 3);
  trellis_test_type_into (dialog, "Date (for example 20/11/2026)", "31/02/2026");
  type_paragraph (dialog, "Walked the fire route; she knows the meeting point");
  record (dialog, FALSE);
  date_row = trellis_test_get_row (dialog, "Date (for example 20/11/2026)");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpuint (count_checklist (store, id), ==, 0);
  trellis_test_type_into (dialog, "Date (for example 20/11/2026)", "20/11/2026");
  record (dialog, TRUE);
  g_assert_cmpuint (count_checklist (store, id), ==, 1);
  {
    g_autoptr(TrellisStaff) reader = trellis_test_lookup_staff (store, "visitor");
    g_autoptr(GListModel) entries = trellis_store_list_checklist (store, reader, id, NULL);
    g_autoptr(TrellisChecklistEntry) entry = g_list_model_get_item (entries, 0);
    g_autoptr(GDateTime) day = trellis_date_new (2026, 11, 20);

    g_assert_cmpint (trellis_checklist_entry_get_item (entry), ==, TRELLIS_CHECKLIST_STAYING_SAFE);
    g_assert_true (trellis_date_equal (trellis_checklist_entry_get_done_on (entry), day));
    g_assert_cmpstr (trellis_checklist_entry_get_notes (entry), ==,
                     "Walked the fire route; she knows the meeting point");
  }

  /* a complaint; then how it was settled */
  dialog = trellis_complaint_dialog_new (NULL, context, child);
  trellis_test_type_into (dialog, "Made to (who the child told)", "Sam (night staff)");
  type_paragraph (dialog, "Not allowed to stay up for the match");
  record (dialog, TRUE);

  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  wait_for_sections (file);
  {
    g_autofree char *done = g_strdup_printf ("20 November 2026 · %s · Walked the fire route; "
                                             "she knows the meeting point",
                                             trellis_staff_get_display_name (trellis_context_get_actor (context)));
    g_assert_cmpstr (trellis_child_file_get_value (file, "staying-safe"), ==, done);
  }
  g_assert_cmpstr (trellis_child_file_get_value (file, "staying-safe-missing"), ==, "");
  g_assert_cmpstr (trellis_child_file_get_value (file, "complaints-summary"), ==, "1 complaint, 1 open");
  g_assert_cmpstr (trellis_child_file_get_value (file, "newest-complaint"), ==,
                   "Made 23 November 2026 · Open");
  {
    GtkWindow *window = trellis_test_show_in_window (file, 800, 1400);

    trellis_test_spin (200);
    trellis_test_save_png (GTK_WIDGET (window), "child-file-given-and-told.png");
    gtk_window_set_child (window, NULL);
    gtk_window_destroy (window);
  }
  g_object_unref (file);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A letter of three A4 pages, "Page N" on each and a giraffe on the third */
static GBytes *
make_letter (void)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Page %d of the care plan", i);

      cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 24);
      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, text);
      if (i == 3)
        {
          cairo_move_to (cr, 72, 200);
          cairo_show_text (cr, "Her favourite animal is the giraffe");
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (pdf);
}

static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static gboolean
viewer_busy (gpointer viewer)
{
  return trellis_document_viewer_is_busy (viewer);
}

/* A document attached to the file is listed and opens in the viewer: pages turned, zoomed,
 * and the words found on the page that has them. */
static void
test_documents (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "documents.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  g_autoptr(GDateTime) dated = trellis_date_new (2026, 10, 12);
  g_autoptr(GBytes) letter = make_letter ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(TrellisAttachment) attachment = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  TrellisDocumentViewer *viewer;
  gint64 id = trellis_test_first_child_of (store, trellis_context_get_actor (context));

  g_assert_cmpint (trellis_store_add_attachment (store, trellis_context_get_actor (context), id,
                                                 "Care plan", "Children’s Services", dated,
                                                 "care-plan.pdf", letter, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  wait_for_sections (file);
  g_assert_cmpstr (trellis_child_file_get_value (file, "newest-document"), ==, "Care plan");

  documents = trellis_store_list_attachments (store, trellis_context_get_actor (context), id,
                                              &error);
  attachment = g_list_model_get_item (documents, 0);
  viewer = trellis_document_viewer_new (NULL, context, attachment);
  gtk_window_present (GTK_WINDOW (viewer));
  trellis_test_wait_while (viewer_busy, viewer);
  g_assert_cmpuint (trellis_document_viewer_get_n_pages (viewer), ==, 3);
  g_assert_cmpuint (trellis_document_viewer_get_page (viewer), ==, 0);
  g_assert_nonnull (trellis_document_viewer_get_paintable (viewer));

  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.next", NULL);
  trellis_test_wait_while (viewer_busy, viewer);
  g_assert_cmpuint (trellis_document_viewer_get_page (viewer), ==, 1);
  {
    int before = gdk_paintable_get_intrinsic_width (trellis_document_viewer_get_paintable (viewer));

    gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-in", NULL);
    trellis_test_wait_while (viewer_busy, viewer);
    g_assert_cmpint (gdk_paintable_get_intrinsic_width (trellis_document_viewer_get_paintable (viewer)),
                     >, before);
  }

  {
    GtkWidget *search = trellis_test_find_widget (viewer, is_search_entry, NULL);

    gtk_editable_set_text (GTK_EDITABLE (search), "giraffe");
    g_signal_emit_by_name (search, "activate");
  }
  trellis_test_wait_while (viewer_busy, viewer);
  g_assert_cmpuint (trellis_document_viewer_get_page (viewer), ==, 2);
  trellis_test_spin (200);
  trellis_test_save_png (GTK_WIDGET (viewer), "document-viewer.png");
  gtk_window_destroy (GTK_WINDOW (viewer));
  g_object_unref (file);
}

/* Scrolls @file's page down to @section, so a picture shows it */
static void
scroll_to_section (TrellisChildFile *file,
                   GType             section)
{
  GtkWidget *widget = GTK_WIDGET (trellis_child_file_get_section (file, section));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  double x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                            y - 12);
  trellis_test_spin (200);
}

/* Goals with a chart of their ratings (and the chart's words for a screen reader), a review
 * due soon with words and an icon; the risk areas at their level now and the Stepping
 * decisions; incidents counted by month, the newest with its return interview. */
static void
test_goals_risks_incidents (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "goals.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GDateTime) admission = trellis_date_new (2025, 9, 1);
  g_autoptr(GDateTime) soon = trellis_date_new (2026, 12, 1);
  g_autoptr(GDateTime) later = trellis_date_new (2027, 2, 23);
  g_autoptr(GDateTime) october = trellis_date_new (2026, 10, 2);
  g_autoptr(GDateTime) missing_on = trellis_date_new (2026, 11, 14);
  g_autoptr(GDateTime) back = trellis_date_new (2026, 11, 15);
  g_autoptr(TrellisChild) added = trellis_test_make_child ("Lena", "Nowak", "2012-06-02");
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  TrellisIncidentReport missing = {
    TRELLIS_INCIDENT_MISSING, missing_on, "21:05", "Did not come back from school; reported to "
    "the police at 23:00 and found at a friend's house", back, "Amira Haddad",
    "She wanted to see her friends and forgot to call",
  };
  TrellisIncidentReport behaviour = {
    TRELLIS_INCIDENT_BEHAVIOUR, october, "17:30", "Shouted and threw a cup at tea time", NULL,
    NULL, NULL,
  };
  const guint ratings[] = { 3, 4, 6 };
  const int days[] = { 5, 20, 20 };
  gint64 id, goal;

  trellis_context_set_today (context, today);
  trellis_child_set_admission_date (added, admission);
  id = trellis_store_add_child (store, trellis_context_get_actor (context), added, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (store, trellis_context_get_actor (context), id,
                                                   trellis_staff_get_id (sam), admission,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  goal = trellis_store_add_goal (store, sam, id, TRELLIS_GOAL_DOMAIN_INDEPENDENCE,
                                 "Cook a meal for the house once a week", 2, 8, soon, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      g_autoptr(GDateTime) day = trellis_date_new (2026, 9 + i, days[i]);

      g_assert_cmpint (trellis_store_rate_goal (store, sam, goal, ratings[i], day, &error), >, 0);
    }
  g_assert_cmpint (trellis_store_add_goal (store, sam, id, TRELLIS_GOAL_DOMAIN_SOCIAL,
                                           "Join a club outside school", 1, 6, later, &error),
                   >, 0);
  g_assert_cmpint (trellis_store_flag_risk (store, sam, id, TRELLIS_RISK_AREA_GOING_MISSING,
                                            TRELLIS_RISK_LEVEL_HIGH, missing_on, &error), >, 0);
  g_assert_cmpint (trellis_store_flag_risk (store, sam, id, TRELLIS_RISK_AREA_ATTENDANCE,
                                            TRELLIS_RISK_LEVEL_LOW, october, &error), >, 0);
  g_assert_cmpint (trellis_store_record_stepping (store, sam, id, TRELLIS_STEPPING_UP, back,
                                                  "Team around the child meeting",
                                                  "Missing overnight; safety plan agreed",
                                                  &error), >, 0);
  g_assert_cmpint (trellis_store_record_incident (store, sam, id, &behaviour, &error), >, 0);
  g_assert_cmpint (trellis_store_record_incident (store, sam, id, &missing, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  wait_for_sections (file);
  g_assert_cmpstr (trellis_child_file_get_value (file, "count"), ==, "2");
  g_assert_cmpstr (trellis_child_file_get_value (file, "Cook a meal for the house once a week"),
                   ==, "Independence · from 2 to 8 · review by 1 December 2026");
  g_assert_cmpstr (trellis_child_file_get_value (file, "chart:Cook a meal for the house once a "
                                                       "week"), ==,
                   "3 ratings from 3 to 6, target 8");
  g_assert_cmpstr (trellis_child_file_get_value (file, "chart:Join a club outside school"), ==,
                   "No ratings yet, target 6");
  g_assert_cmpstr (trellis_child_file_get_value (file, "Going missing"), ==,
                   "Since 14 November 2026 · Sam Carter");
  g_assert_cmpstr (trellis_child_file_get_value (file, "stepping-title"), ==,
                   "Stepped up on 15 November 2026");
  g_assert_cmpstr (trellis_child_file_get_value (file, "newest"), ==,
                   "Missing from care · 14 November 2026, 21:05");
  g_assert_nonnull (strstr (trellis_child_file_get_value (file, "newest-detail"),
                            "Return interview on 15 November 2026 by Amira Haddad"));
  g_assert_true (g_str_has_prefix (trellis_child_file_get_value (file, "counts"),
                                   "November 2026: 1 missing from care\n"
                                   "October 2026: 1 behaviour incident\n"
                                   "September 2026: none"));
  {
    GtkWindow *window = trellis_test_show_in_window (file, 900, 1000);

    trellis_test_spin (200);
    scroll_to_section (file, TRELLIS_TYPE_GOALS_SECTION);
    trellis_test_save_png (GTK_WIDGET (window), "child-file-goals.png");
    scroll_to_section (file, TRELLIS_TYPE_INCIDENTS_SECTION);
    trellis_test_save_png (GTK_WIDGET (window), "child-file-incidents.png");
    gtk_window_set_child (window, NULL);
    gtk_window_destroy (window);
  }
  g_object_unref (file);
}

/* Goals are rated, and goals and incidents recorded, by the child's Link Worker and
 * Managers: a Visitor, or another child's Link Worker, is offered none of it. */
static void
test_goal_actions_offered (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "goal-actions.db", 6);
  const char * const actions[] = { "child.add-goal", "child.rate-goal", "child.record-incident" };
  const struct { const char *user; gboolean offered; } cases[] = {
    { "staff1", TRUE }, { "manager", TRUE }, { "staff2", FALSE }, { "visitor", FALSE },
  };
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  gint64 id = trellis_test_first_child_of (store, sam);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TrellisContext) context = trellis_test_context (store, cases[i].user);
      g_autoptr(GError) error = NULL;
      TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
      GtkWindow *window;

      g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
      wait_for_sections (file);
      window = trellis_test_show_in_window (file, 800, 600);
      for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
        {
          g_test_message ("%s: %s", cases[i].user, actions[a]);
          g_assert_true (trellis_child_file_action_enabled (file, actions[a]) ==
                         cases[i].offered);
        }
      gtk_window_set_child (window, NULL);
      gtk_window_destroy (window);
      g_object_unref (file);
    }
}

/* Scrolls the page so that @widget is at the top of what shows, for its picture */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double x = 0, y = 0;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (gtk_widget_translate_coordinates (widget, scrolled, 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  trellis_test_spin (100);
}

/* Appointments in the health section, the upcoming first, each with what came of it; the
 * education section with the school now and before, attendance by term ("Persistent
 * absence" below 90 %), needs, exclusions and parents' evenings. A Visitor reads them but
 * is offered nothing to record. */
static void
test_appointments_and_education (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "education.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisContext) visitor = trellis_test_context (store, "visitor");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GDateTime) admission = trellis_date_new (2025, 9, 1);
  g_autoptr(GDateTime) past = trellis_date_new (2026, 11, 2);
  g_autoptr(GDateTime) soon = trellis_date_new (2026, 12, 3);
  g_autoptr(GDateTime) later = trellis_date_new (2027, 1, 20);
  g_autoptr(GDateTime) moved = trellis_date_new (2026, 4, 20);
  g_autoptr(GDateTime) evening = trellis_date_new (2026, 10, 8);
  g_autoptr(TrellisChild) added = trellis_test_make_child ("Lena", "Nowak", "2012-06-02");
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  TrellisEducationEntry entries[] = {
    { .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = admission, .title = "Oakfield Academy",
      .year_group = 8 },
    { .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = moved, .title = "Riverside School",
      .year_group = 8 },
    { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "Summer 2026", .possible = 130,
      .attended = 126 },
    { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "Autumn 2026", .possible = 120,
      .attended = 107 },
    { .kind = TRELLIS_EDUCATION_SPECIAL_NEEDS, .on_date = moved, .category = "ehcp",
      .detail = "Speech and language" },
    { .kind = TRELLIS_EDUCATION_EVENT, .on_date = evening, .category = "parents-evening",
      .title = "Year 9 parents’ evening", .detail = "Sam and her social worker" },
  };
  gint64 id, seen;

  trellis_context_set_today (context, today);
  trellis_context_set_today (visitor, today);
  trellis_child_set_admission_date (added, admission);
  id = trellis_store_add_child (store, trellis_context_get_actor (context), added, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (store, trellis_context_get_actor (context), id,
                                                   trellis_staff_get_id (sam), admission,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  seen = trellis_store_record_appointment (store, sam, id, past, "10:15", "Dr Okafor, CAMHS",
                                           "Review of sleep", &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_record_appointment_outcome (store, sam, seen,
                                                           "Melatonin to continue", &error));
  g_assert_cmpint (trellis_store_record_appointment (store, sam, id, later, NULL,
                                                     "Mr Haddad, orthodontist", "Brace fitting",
                                                     &error), >, 0);
  g_assert_cmpint (trellis_store_record_appointment (store, sam, id, soon, "09:30",
                                                     "Nurse Adeyemi", "Immunisations", &error), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_assert_cmpint (trellis_store_record_education (store, sam, id, &entries[i], &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  g_assert_no_error (error);
  wait_for_sections (file);
  /* the upcoming first, the soonest first, then those past with what came of them */
  g_assert_cmpstr (trellis_child_file_get_value (file, "appointment-0"), ==,
                   "3 December 2026 at 09:30 · Nurse Adeyemi");
  g_assert_cmpstr (trellis_child_file_get_value (file, "appointment-0-subtitle"), ==,
                   "Immunisations · Upcoming");
  g_assert_cmpstr (trellis_child_file_get_value (file, "appointment-1"), ==,
                   "20 January 2027 · Mr Haddad, orthodontist");
  g_assert_cmpstr (trellis_child_file_get_value (file, "appointment-2"), ==,
                   "2 November 2026 at 10:15 · Dr Okafor, CAMHS");
  g_assert_cmpstr (trellis_child_file_get_value (file, "appointment-2-subtitle"), ==,
                   "Review of sleep · Outcome: Melatonin to continue");

  g_assert_cmpstr (trellis_child_file_get_value (file, "school"), ==,
                   "Riverside School · Year 8 · since 20 April 2026");
  g_assert_cmpstr (trellis_child_file_get_value (file, "previous-schools"), ==,
                   "Oakfield Academy · Year 8 · 1 September 2025");
  g_assert_cmpstr (trellis_child_file_get_value (file, "special-needs"), ==,
                   "EHCP · Speech and language · 20 April 2026");
  g_assert_cmpstr (trellis_child_file_get_value (file, "attendance-0"), ==,
                   "89.1 % (107 of 120 sessions)");
  g_assert_cmpstr (trellis_child_file_get_value (file, "attendance-0-badge"), ==,
                   "Persistent absence");
  g_assert_cmpstr (trellis_child_file_get_value (file, "attendance-1"), ==,
                   "96.9 % (126 of 130 sessions)");
  g_assert_null (trellis_child_file_get_value (file, "attendance-1-badge"));
  g_assert_cmpstr (trellis_child_file_get_value (file, "exclusion-0"), ==, "None recorded");
  g_assert_cmpstr (trellis_child_file_get_value (file, "event-0"), ==,
                   "Year 9 parents’ evening · attended by Sam and her social worker · "
                   "8 October 2026");
  {
    GtkWindow *window = trellis_test_show_in_window (file, 800, 1800);

    trellis_test_spin (200);
    g_assert_true (trellis_child_file_action_enabled (file, "child.record-education"));
    g_assert_true (trellis_child_file_action_enabled (file, "child.record-appointment"));
    scroll_to (GTK_WIDGET (trellis_child_file_get_section (file, TRELLIS_TYPE_HEALTH_SECTION)));
    trellis_test_save_png (GTK_WIDGET (window), "child-file-appointments.png");
    scroll_to (GTK_WIDGET (trellis_child_file_get_section (file,
                                                           TRELLIS_TYPE_EDUCATION_SECTION)));
    trellis_test_save_png (GTK_WIDGET (window), "child-file-education.png");

    /* a Visitor reads it all, and is offered nothing to record */
    g_assert_true (trellis_child_file_load (file, visitor, id, FALSE, &error));
    g_assert_no_error (error);
    wait_for_sections (file);
    trellis_test_spin (100);
    g_assert_cmpstr (trellis_child_file_get_value (file, "attendance-0"), ==,
                     "89.1 % (107 of 120 sessions)");
    g_assert_false (trellis_child_file_action_enabled (file, "child.record-education"));
    g_assert_false (trellis_child_file_action_enabled (file, "child.record-appointment"));
    g_assert_false (trellis_child_file_action_enabled (file,
                                                       "child.record-appointment-outcome"));
    gtk_window_set_child (window, NULL);
    gtk_window_destroy (window);
  }
  g_object_unref (file);
}

static gboolean
is_shown_error_row (GtkWidget     *widget,
                    gconstpointer  data)
{
  return TRELLIS_IS_ERROR_ROW (widget) && gtk_widget_get_visible (widget);
}

/* @where: the dialog's weak pointer, NULL once it has gone */
static gboolean
dialog_is_recording (gpointer where)
{
  AdwMessageDialog *dialog = *(AdwMessageDialog **) where;

  return dialog != NULL && !adw_message_dialog_get_response_enabled (dialog, "record");
}

static int
count_attendance (TrellisStore *store,
                  gint64        child_id)
{
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(GListModel) list = trellis_store_list_education (store, manager, child_id, NULL);
  int n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisEducationRecord) r = g_list_model_get_item (list, i);
      n += trellis_education_record_get_kind (r) == TRELLIS_EDUCATION_ATTENDANCE;
    }
  return n;
}

/* The education dialog as a Link Worker uses it: attendance chosen, more sessions attended
 * than possible refused under that field with everything typed kept and nothing written;
 * put right, kept. */
static void
test_education_dialog (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "education-dialog.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  gint64 id = trellis_test_first_child_of (store, trellis_context_get_actor (context));
  g_autoptr(TrellisChild) child = trellis_store_get_child (store, trellis_context_get_actor (context),
                                                          id, NULL);
  int before = count_attendance (store, id);
  TrellisEducationDialog *dialog = trellis_education_dialog_new (NULL, context, child);
  GtkWidget *shown;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_get_row (dialog, "What")), 1);
  g_assert_false (gtk_widget_get_visible (trellis_test_get_row (dialog, "Year group")));
  trellis_test_type_into (dialog, "Term (for example Autumn 2026)", "spring 2026");
  trellis_test_type_into (dialog, "Sessions possible", "120");
  trellis_test_type_into (dialog, "Sessions attended", "130");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  trellis_test_wait_while (dialog_is_recording, &dialog);
  trellis_test_spin (100);

  g_assert_nonnull (dialog);
  shown = trellis_test_find_widget (dialog, is_shown_error_row, NULL);
  g_assert_nonnull (shown);
  g_assert_nonnull (strstr (trellis_error_row_get_message (TRELLIS_ERROR_ROW (shown)),
                            "Sessions attended (130) cannot be more than"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (trellis_test_get_row (
                     dialog, "Term (for example Autumn 2026)"))), ==, "spring 2026");
  g_assert_cmpint (count_attendance (store, id), ==, before);
  trellis_test_save_png (GTK_WIDGET (dialog), "education-dialog-refused.png");

  trellis_test_type_into (dialog, "Sessions attended", "107");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  trellis_test_wait_while (dialog_is_recording, &dialog);
  trellis_test_spin (100);
  g_assert_null (dialog);
  g_assert_cmpint (count_attendance (store, id), ==, before + 1);
}

/* Sam, Staff, sees his key child's file but not who opened it; a child who is not there
 * is refused with a reason, and the file keeps what it showed. */
static void
test_what_staff_see (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "staff.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  gint64 id = trellis_test_first_child_of (store, trellis_context_get_actor (context));

  g_assert_true (trellis_child_file_load (file, context, id, TRUE, &error));
  g_assert_no_error (error);
  wait_for_sections (file);
  g_assert_cmpuint (trellis_child_file_get_n_audit (file), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (
    trellis_child_file_get_section (file, TRELLIS_TYPE_CHILD_AUDIT_SECTION))));
  g_assert_false (trellis_child_file_load (file, context, 99999, TRUE, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (trellis_child_get_id (trellis_child_file_get_child (file)), ==, id);

  g_object_unref (file);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **out = user_data;

  if (!trellis_child_file_load_finish (TRELLIS_CHILD_FILE (source), result, out))
    g_assert_nonnull (*out);
  else
    *out = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "loaded");   /* "answered" */
}

static void
wait_for (GError **answer)
{
  while (*answer == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Opened on the store's worker: audited once; the file keeps the child it showed until the
 * next one arrives; a load replaced by another is cancelled and changes nothing. */
static void
test_opening_async (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "async.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) replaced = NULL;
  g_autoptr(GError) second = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  gint64 id = trellis_test_first_child_of (store, sam);
  gint64 other_id = another_child (store, id);
  guint views = trellis_test_count_views (store, trellis_context_get_actor (context), id);
  guint other_views = trellis_test_count_views (store, trellis_context_get_actor (context), other_id);

  trellis_child_file_load_async (file, context, id, TRUE, on_loaded_cb, &first);
  /* nothing shown yet: the answer comes on the main loop */
  g_assert_null (trellis_child_file_get_child (file));
  wait_for (&first);
  g_assert_error (first, G_IO_ERROR, G_IO_ERROR_NONE);
  g_assert_cmpint (trellis_child_get_id (trellis_child_file_get_child (file)), ==, id);
  g_assert_cmpstr (trellis_child_file_get_value (file, "link-worker"), ==,
                   "Link Worker: Sam Carter");
  g_assert_cmpuint (trellis_test_count_views (store, trellis_context_get_actor (context), id), ==, views + 1);

  /* the other child is asked for, then replaced before the worker starts on it */
  trellis_child_file_load_async (file, context, other_id, FALSE, on_loaded_cb, &replaced);
  trellis_child_file_load_async (file, context, id, FALSE, on_loaded_cb, &second);
  g_assert_cmpint (trellis_child_get_id (trellis_child_file_get_child (file)), ==, id);
  wait_for (&replaced);
  wait_for (&second);
  g_assert_error (replaced, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (second, G_IO_ERROR, G_IO_ERROR_NONE);
  g_assert_cmpint (trellis_child_get_id (trellis_child_file_get_child (file)), ==, id);
  /* refreshes are not views */
  g_assert_cmpuint (trellis_test_count_views (store, trellis_context_get_actor (context), id), ==, views + 1);
  g_assert_cmpuint (trellis_test_count_views (store, trellis_context_get_actor (context), other_id), ==, other_views);

  g_object_unref (file);
}

/* The sections read on the store's worker: until their answer comes they say they are
 * loading (never "No Link Worker yet"), then show what the store holds: the history newest
 * first and the child's own trail. Another child asked for before the answer came replaces
 * the first child's read, whose late answer changes nothing. */
static void
test_sections_load_async (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "sections.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(GListModel) trail = NULL;
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  TrellisChildSection *history;
  gint64 id = trellis_test_first_child_of (store, sam);
  gint64 other_id = another_child (store, id);
  g_autofree char *expected = dup_expected_history (context, id);
  g_autofree char *expected_other = dup_expected_history (context, other_id);
  g_autofree char *loading = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_other = NULL;

  history = trellis_child_file_get_section (file, TRELLIS_TYPE_LINK_WORKERS_SECTION);
  g_assert_nonnull (history);
  g_assert_true (trellis_child_file_load (file, context, other_id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_child_file_is_loading (file));
  loading = dup_titles (history);
  g_assert_cmpstr (loading, ==, "Loading…\n");
  g_assert_null (trellis_child_file_get_value (file, "latest-link-worker"));

  /* asked for before the first answer came: only this child's history shows */
  g_assert_true (trellis_child_file_load (file, context, id, TRUE, &error));
  g_assert_no_error (error);
  wait_for_sections (file);
  shown = dup_titles (history);
  g_assert_cmpstr (shown, ==, expected);
  g_assert_nonnull (strstr (expected, "Sam Carter"));
  g_assert_nonnull (strstr (trellis_child_file_get_value (file, "latest-link-worker"), "now"));
  g_assert_null (trellis_child_section_get_error (history));
  /* the trail's newest rows, as many as the store has for this child (up to twelve) */
  trail = trellis_store_list_audit (store, manager, id, NULL, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_child_file_get_n_audit (file), ==, g_list_model_get_n_items (trail));
  g_assert_cmpuint (trellis_child_file_get_n_audit (file), >=, 1);

  /* the same child again: what is shown stays while the new answer comes */
  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  g_assert_true (trellis_child_file_is_loading (file));
  g_free (shown);
  shown = dup_titles (history);
  g_assert_cmpstr (shown, ==, expected);
  wait_for_sections (file);

  /* and another child: its history replaces the first's */
  g_assert_true (trellis_child_file_load (file, context, other_id, FALSE, &error));
  wait_for_sections (file);
  shown_other = dup_titles (history);
  g_assert_cmpstr (shown_other, ==, expected_other);

  g_object_unref (file);
}

/* A read the store refuses shows in its section, in the store's words, and nowhere else:
 * here the window still believes Sam is a Manager (an Administrator has just changed it), and
 * the store, which checks the account as it is now, refuses him the audit trail. */
static void
test_section_shows_error (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "error.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  TrellisStaff *sam = trellis_context_get_actor (context);
  g_autoptr(TrellisStaff) believed = trellis_staff_new (trellis_staff_get_id (sam),
                                                        trellis_staff_get_username (sam),
                                                        trellis_staff_get_display_name (sam),
                                                        TRELLIS_ROLE_MANAGER, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autofree char *rows = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  TrellisChildSection *audit = trellis_child_file_get_section (file,
                                                               TRELLIS_TYPE_CHILD_AUDIT_SECTION);
  TrellisChildSection *history = trellis_child_file_get_section (
    file, TRELLIS_TYPE_LINK_WORKERS_SECTION);
  gint64 id = trellis_test_first_child_of (store, sam);

  none = trellis_store_list_audit (store, sam, id, NULL, 12, &refused);
  g_assert_null (none);
  g_assert_nonnull (refused);

  trellis_context_set_actor (context, believed);
  g_assert_true (trellis_child_file_load (file, context, id, TRUE, &error));
  g_assert_no_error (error);
  wait_for_sections (file);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (audit)));
  g_assert_cmpstr (trellis_child_section_get_error (audit), ==, refused->message);
  rows = dup_titles (audit);
  g_assert_cmpstr (rows, ==, "This part of the file could not be read\n");
  g_assert_cmpuint (trellis_child_file_get_n_audit (file), ==, 0);
  /* the other sections are not held up by it */
  g_assert_null (trellis_child_section_get_error (history));
  g_assert_nonnull (strstr (trellis_child_file_get_value (file, "latest-link-worker"), "now"));

  g_object_unref (file);
}

static void
on_store_answered_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TrellisChild) child = trellis_store_get_child_finish (TRELLIS_STORE (source), result,
                                                                  NULL);
  gboolean *answered = user_data;

  *answered = TRUE;
}

static gboolean
not_answered (gpointer answered)
{
  return !*(gboolean *) answered;
}

/* Waits until the store's worker has answered every call made before this one: it runs
 * them in order, and they answer on the main loop in order. */
static void
wait_for_store (TrellisContext *context,
                gint64          child_id)
{
  gboolean answered = FALSE;

  trellis_store_get_child_async (trellis_context_get_store (context),
                                 trellis_context_get_actor (context), child_id, NULL,
                                 on_store_answered_cb, &answered);
  trellis_test_wait_while (not_answered, &answered);
}

/* The page closed before its sections' answers came: the reads are cancelled, nothing is
 * written into a section of the closed page, and nothing crashes when the answers come,
 * whether something still holds the section or it is gone with the page. */
static void
test_closed_before_loaded (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "closed.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChildSection) kept = NULL;
  g_autofree char *rows = NULL;
  TrellisChildFile *file = g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL);
  GtkWindow *window = trellis_test_show_in_window (file, 800, 600);
  TrellisChildFile *dropped = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  gint64 id = trellis_test_first_child_of (store, sam);

  g_assert_true (trellis_child_file_load (file, context, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_child_file_is_loading (file));
  kept = g_object_ref (trellis_child_file_get_section (file, TRELLIS_TYPE_LINK_WORKERS_SECTION));
  g_assert_true (trellis_child_section_get_loading (kept));
  gtk_window_destroy (window);
  g_assert_false (trellis_child_section_get_loading (kept));

  g_assert_true (trellis_child_file_load (dropped, context, id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_child_file_is_loading (dropped));
  g_object_unref (dropped);

  wait_for_store (context, id);
  /* the answer for the closed page came and was not shown */
  g_assert_null (trellis_child_section_get_value (kept, "latest-link-worker"));
  rows = dup_titles (kept);
  g_assert_null (strstr (rows, "Sam Carter"));
  g_assert_false (trellis_child_section_get_loading (kept));
}

/* The widget of @type under @root whose string property @property is @value, or NULL. */
static GtkWidget *
find_by (GtkWidget  *root,
         const char *type,
         const char *property,
         const char *value)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), type))
    {
      g_autofree char *text = NULL;

      g_object_get (root, property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by (child, type, property, value);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_change_link_worker_cb (TrellisChildFile *file,
                          guint            *n_asked)
{
  (*n_asked)++;
}

/* Print and More: its menu, closed by choosing an item or by closing it, leaves no surface
 * behind, and opens again. A closed menu that keeps its surface can be given the next click
 * on the window with GTK 4.8 on X11 (trellis-menu-button.c says how; the real-input journey
 * shows it after the main menu's Show Children Who Have Left). */
static void
test_print_menu_closes_cleanly (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "menu.db", 2);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL);
  GtkWindow *window = trellis_test_show_in_window (file, 800, 600);
  GtkWidget *button;
  GtkWidget *menu;
  GtkWidget *item;
  guint n_asked = 0;

  g_assert_true (trellis_child_file_load (file, context, trellis_test_first_child_of (store, sam),
                                          TRUE, &error));
  g_assert_no_error (error);
  g_signal_connect (file, "change-link-worker", G_CALLBACK (on_change_link_worker_cb), &n_asked);
  trellis_test_spin (200);

  button = find_by (GTK_WIDGET (file), "GtkMenuButton", "tooltip-text", "Print and More");
  g_assert_nonnull (button);
  menu = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  /* closed by choosing an item */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  trellis_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (menu));
  g_assert_nonnull (gtk_native_get_surface (GTK_NATIVE (menu)));
  item = find_by (menu, "GtkModelButton", "text", "Change Link Worker…");
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  trellis_test_spin (100);
  g_assert_cmpuint (n_asked, ==, 1);
  g_assert_false (gtk_widget_get_mapped (menu));
  g_assert_null (gtk_native_get_surface (GTK_NATIVE (menu)));

  /* and again, closed without a choice */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  trellis_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (menu));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  trellis_test_spin (100);
  g_assert_false (gtk_widget_get_mapped (menu));
  g_assert_null (gtk_native_get_surface (GTK_NATIVE (menu)));
  g_assert_cmpuint (n_asked, ==, 1);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "child-file");

  g_test_add_func ("/child-file/opening-and-refreshing", test_opening_and_refreshing);
  g_test_add_func ("/child-file/what-staff-see", test_what_staff_see);
  g_test_add_func ("/child-file/opening-async", test_opening_async);
  g_test_add_func ("/child-file/print-menu-closes-cleanly", test_print_menu_closes_cleanly);
  g_test_add_func ("/child-file/sections-load-async", test_sections_load_async);
  g_test_add_func ("/child-file/section-shows-error", test_section_shows_error);
  g_test_add_func ("/child-file/closed-before-loaded", test_closed_before_loaded);
  g_test_add_func ("/child-file/health-section", test_health_section);
  g_test_add_func ("/child-file/appointments-and-education", test_appointments_and_education);
  g_test_add_func ("/child-file/education-dialog", test_education_dialog);
  g_test_add_func ("/child-file/goals-risks-incidents", test_goals_risks_incidents);
  g_test_add_func ("/child-file/goal-actions-offered", test_goal_actions_offered);
  g_test_add_func ("/child-file/given-and-told-and-complaints",
                   test_given_and_told_and_complaints);
  g_test_add_func ("/child-file/documents", test_documents);

  return g_test_run ();
}
