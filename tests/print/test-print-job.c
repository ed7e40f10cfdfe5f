/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-print-job.c: the document registry and the print job, on a demo home's database
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-child-summary.h"
#include "trellis-core.h"
#include "trellis-pdf.h"
#include "trellis-print-documents.h"
#include "trellis-print-job.h"

/* Rows in the long child's Link Worker history: some twenty pages */
#define LONG_HISTORY 200

typedef struct
{
  char         *dir;
  TrellisStore *store;
  TrellisStaff *manager;
  gint64        child_id;       /* a demo child with a short history */
  gint64        long_child_id;  /* a child with LONG_HISTORY changes of Link Worker */
  GDateTime    *today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) first = NULL;
  g_autoptr(TrellisStaff) second = NULL;
  TrellisChildList *children;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GString) note = g_string_new (NULL);

  f->dir = g_dir_make_tmp ("trellis-print-job-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "home.db", NULL);
  f->store = trellis_store_open (db, TRELLIS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->today = trellis_date_today ();
  g_assert_true (trellis_demo_generate (f->store, 4, 7, f->today, &error));
  g_assert_no_error (error);
  f->manager = trellis_store_lookup_staff (f->store, "manager", &error);
  g_assert_no_error (error);

  children = trellis_store_list_children (f->store, f->manager);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), >=, 2);
  child = g_list_model_get_item (G_LIST_MODEL (children), 0);
  f->child_id = trellis_child_get_id (child);
  g_clear_object (&child);
  child = g_list_model_get_item (G_LIST_MODEL (children), 1);
  f->long_child_id = trellis_child_get_id (child);
  g_object_unref (children);

  /* a long history: the Link Worker changed many times today, each with a long note */
  first = trellis_store_lookup_staff (f->store, "staff1", &error);
  g_assert_no_error (error);
  second = trellis_store_lookup_staff (f->store, "staff2", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 12; i++)
    g_string_append (note, "Agreed with the child and their social worker at the review. ");
  g_assert_true (trellis_store_begin (f->store, &error));
  for (guint i = 0; i < LONG_HISTORY; i++)
    {
      TrellisStaff *worker = i % 2 ? first : second;

      if (!trellis_store_assign_link_worker (f->store, f->manager, f->long_child_id,
                                             trellis_staff_get_id (worker), f->today,
                                             TRELLIS_CHANGE_REASON_MANAGER_DECISION, note->str,
                                             &error))
        {
          /* the first change may name the Link Worker the child already has */
          g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
          g_assert_cmpuint (i, ==, 0);
          g_clear_error (&error);
        }
    }
  g_assert_true (trellis_store_commit (f->store, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->manager);
  g_clear_object (&f->store);
  g_clear_pointer (&f->today, g_date_time_unref);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* A PDF's bytes without its creation time, the one thing two writings of a document differ in */
static GBytes *
read_pdf_without_date (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) date = g_regex_new ("/CreationDate \\(D:[0-9Z+'-]*\\)", G_REGEX_RAW, 0, NULL);
  char *without;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (g_regex_match_full (date, contents, length, 0, 0, NULL, NULL));
  without = g_regex_replace_literal (date, contents, length, 0, "/CreationDate ()", 0, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (without, strlen (without));
}

/* Files in the folder whose names start with a dot: the writer's temporary files */
static guint
count_hidden_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      n++;
  return n;
}

static void
test_registry (void)
{
  guint n = 0;
  const TrellisPrintDocument *const *documents = trellis_print_documents_list (&n);
  const TrellisPrintDocument *summary = trellis_print_documents_lookup ("child-summary");

  g_assert_cmpuint (n, >=, 1);
  g_assert_null (documents[n]);
  g_assert_nonnull (summary);
  g_assert_true (documents[0] == summary);
  g_assert_cmpstr (trellis_print_document_get_id (summary), ==, "child-summary");
  g_assert_cmpstr (trellis_print_document_get_title (summary), ==, "Child summary");
  g_assert_nonnull (strstr (trellis_print_document_get_summary (summary), "Link Worker"));
  g_assert_cmpint (trellis_print_document_get_needs (summary), ==, TRELLIS_PRINT_NEEDS_CHILD);
  for (guint i = 0; i < n; i++)
    g_assert_true (trellis_print_documents_lookup (trellis_print_document_get_id (documents[i]))
                   == documents[i]);
  g_assert_null (trellis_print_documents_lookup ("leaflet"));
}

/* The registry builds the same document as the child summary's own constructor, from the
 * store's records, and says what is wrong with a request it cannot print. */
static void
test_build (Fixture       *f,
            gconstpointer  data)
{
  TrellisPrintRequest request = { .child_id = f->child_id, .today = f->today };
  g_autofree char *built_path = g_build_filename (f->dir, "built.pdf", NULL);
  g_autofree char *direct_path = g_build_filename (f->dir, "direct.pdf", NULL);
  g_autoptr(TrellisDocument) built = NULL;
  g_autoptr(TrellisDocument) direct = NULL;
  g_autoptr(TrellisHome) home = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) audit_before = NULL;
  g_autoptr(GListModel) audit_after = NULL;
  g_autoptr(GBytes) built_bytes = NULL;
  g_autoptr(GBytes) direct_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  TrellisPrintRequest no_child = { .today = f->today };
  TrellisPrintRequest missing = { .child_id = 99999 };
  guint n_pages;

  audit_before = trellis_store_list_audit (f->store, f->manager, f->child_id, NULL, 10000, &error);
  g_assert_no_error (error);
  built = trellis_print_document_build ("child-summary", f->store, f->manager, &request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (built);
  /* printing a child's details leaves a trace in the audit trail */
  audit_after = trellis_store_list_audit (f->store, f->manager, f->child_id, NULL, 10000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audit_after), >,
                    g_list_model_get_n_items (audit_before));

  home = trellis_store_get_home (f->store, &error);
  child = trellis_store_get_child (f->store, f->manager, f->child_id, &error);
  history = trellis_store_list_assignments (f->store, f->manager, f->child_id, &error);
  g_assert_no_error (error);
  direct = trellis_child_summary_new (home, child, history, f->today);

  g_assert_true (trellis_document_write_pdf (built, built_path, &error));
  g_assert_true (trellis_document_write_pdf (direct, direct_path, &error));
  g_assert_no_error (error);
  built_bytes = read_pdf_without_date (built_path);
  direct_bytes = read_pdf_without_date (direct_path);
  g_assert_true (g_bytes_equal (built_bytes, direct_bytes));

  name = trellis_child_dup_display_name (child);
  text = trellis_pdf_read_text (built_path, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, name));
  g_assert_nonnull (strstr (text, "Link Worker history"));

  g_assert_null (trellis_print_document_build ("leaflet", f->store, f->manager, &request,
                                               &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "leaflet"));
  g_clear_error (&error);

  g_assert_null (trellis_print_document_build ("child-summary", f->store, f->manager, &no_child,
                                               &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (trellis_print_document_build ("child-summary", f->store, f->manager, &missing,
                                               &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* nobody signed in may not print a child's details */
  g_assert_null (trellis_print_document_build ("child-summary", f->store, NULL, &request,
                                               &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
}

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  GArray       *fractions;     /* double: each :fraction as it was notified */
  GCancellable *cancel_at_page;
} Run;

static void
on_fraction_cb (TrellisPrintJob *job,
                GParamSpec      *pspec,
                Run             *run)
{
  double fraction = trellis_print_job_get_fraction (job);

  g_array_append_val (run->fractions, fraction);
  /* the first page is drawn: stop the job while most pages are still to come */
  if (run->cancel_at_page != NULL && fraction > 0.3)
    g_cancellable_cancel (run->cancel_at_page);
}

static void
on_run_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  run->result = g_object_ref (result);
  g_main_loop_quit (run->loop);
}

/* Runs @job to the end; returns its result. */
static gboolean
run_job (Fixture          *f,
         TrellisPrintJob  *job,
         GCancellable     *cancellable,
         gboolean          cancel_after_first_page,
         GArray          **fractions,
         GError          **error)
{
  Run run = { g_main_loop_new (NULL, FALSE), NULL,
              g_array_new (FALSE, FALSE, sizeof (double)),
              cancel_after_first_page ? cancellable : NULL };
  gulong handler = g_signal_connect (job, "notify::fraction", G_CALLBACK (on_fraction_cb), &run);
  gboolean ok;

  trellis_print_job_run_async (job, f->store, f->manager, cancellable, on_run_done_cb, &run);
  g_main_loop_run (run.loop);
  ok = trellis_print_job_run_finish (job, run.result, error);

  g_signal_handler_disconnect (job, handler);
  g_main_loop_unref (run.loop);
  g_object_unref (run.result);
  if (fractions != NULL)
    *fractions = g_steal_pointer (&run.fractions);
  else
    g_array_unref (run.fractions);
  return ok;
}

/* The job writes, on a worker, exactly the PDF the synchronous path writes, and tells its
 * progress from 0 to 1 on the way. */
static void
test_job_same_as_sync (Fixture       *f,
                       gconstpointer  data)
{
  gint64 ids[] = { f->child_id, f->long_child_id };

  for (guint c = 0; c < G_N_ELEMENTS (ids); c++)
    {
      TrellisPrintRequest request = { .child_id = ids[c], .today = f->today };
      g_autofree char *job_path = g_strdup_printf ("%s/job-%u.pdf", f->dir, c);
      g_autofree char *sync_path = g_strdup_printf ("%s/sync-%u.pdf", f->dir, c);
      g_autoptr(TrellisPrintJob) job = trellis_print_job_new ("child-summary", &request,
                                                              job_path);
      g_autoptr(TrellisDocument) doc = NULL;
      g_autoptr(GArray) fractions = NULL;
      g_autoptr(GBytes) job_bytes = NULL;
      g_autoptr(GBytes) sync_bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      GStatBuf st;
      guint n_pages;

      g_assert_true (run_job (f, job, NULL, FALSE, &fractions, &error));
      g_assert_no_error (error);

      doc = trellis_print_document_build ("child-summary", f->store, f->manager, &request,
                                          &error);
      g_assert_no_error (error);
      g_assert_true (trellis_document_write_pdf (doc, sync_path, &error));
      g_assert_no_error (error);

      job_bytes = read_pdf_without_date (job_path);
      sync_bytes = read_pdf_without_date (sync_path);
      g_assert_true (g_bytes_equal (job_bytes, sync_bytes));
      g_assert_cmpint (g_stat (job_path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);

      text = trellis_pdf_read_text (job_path, &n_pages, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_pages, ==, trellis_document_get_n_pages (doc));
      g_assert_cmpuint (trellis_print_job_get_n_pages (job), ==, n_pages);
      if (c == 1)
        g_assert_cmpuint (n_pages, >=, 10);

      /* progress rises to 1, with a step for every page */
      g_assert_cmpuint (fractions->len, >=, n_pages + 3);
      for (guint i = 1; i < fractions->len; i++)
        g_assert_cmpfloat (g_array_index (fractions, double, i), >,
                           g_array_index (fractions, double, i - 1));
      g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
      g_assert_cmpfloat (trellis_print_job_get_fraction (job), ==, 1.0);
      g_assert_cmpuint (count_hidden_files (f->dir), ==, 0);
    }
}

/* A job stopped before it starts, or between pages, fails as cancelled and leaves the file
 * that was there as it was, with no half-written file beside it. */
static void
test_job_cancel (Fixture       *f,
                 gconstpointer  data)
{
  TrellisPrintRequest request = { .child_id = f->long_child_id, .today = f->today };
  g_autofree char *path = g_build_filename (f->dir, "cancelled.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "the summary printed last week", -1, NULL));

  /* before it starts */
  {
    g_autoptr(TrellisPrintJob) job = trellis_print_job_new ("child-summary", &request, path);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (run_job (f, job, cancellable, FALSE, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (trellis_print_job_get_n_pages (job), ==, 0);
  }

  /* after its first page, with many still to draw */
  {
    g_autoptr(TrellisPrintJob) job = trellis_print_job_new ("child-summary", &request, path);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GArray) fractions = NULL;
    double last;

    g_assert_false (run_job (f, job, cancellable, TRUE, &fractions, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (trellis_print_job_get_n_pages (job), >=, 10);
    last = g_array_index (fractions, double, fractions->len - 1);
    g_test_message ("cancelled at %.2f of the way", last);
    g_assert_cmpfloat (last, >, 0.3);
    g_assert_cmpfloat (last, <, 1.0);
  }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the summary printed last week");
  g_assert_cmpuint (count_hidden_files (f->dir), ==, 0);

  /* and the same job writes the PDF when it is not stopped */
  {
    g_autoptr(TrellisPrintJob) job = trellis_print_job_new ("child-summary", &request, path);
    guint n_pages;
    g_autofree char *text = NULL;

    g_assert_true (run_job (f, job, NULL, FALSE, NULL, &error));
    g_assert_no_error (error);
    text = trellis_pdf_read_text (path, &n_pages, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_pages, ==, trellis_print_job_get_n_pages (job));
  }
}

/* What the job cannot print it says through its callback, as every other failure. */
static void
test_job_errors (Fixture       *f,
                 gconstpointer  data)
{
  TrellisPrintRequest request = { .child_id = f->child_id };
  TrellisPrintRequest missing = { .child_id = 99999 };
  g_autofree char *path = g_build_filename (f->dir, "error.pdf", NULL);
  g_autofree char *unwritable = g_build_filename (f->dir, "no such folder", "x.pdf", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(TrellisPrintJob) job = trellis_print_job_new ("leaflet", &request, path);

    g_assert_false (run_job (f, job, NULL, FALSE, NULL, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(TrellisPrintJob) job = trellis_print_job_new ("child-summary", &missing, path);

    g_assert_false (run_job (f, job, NULL, FALSE, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "99999"));
    g_clear_error (&error);
  }
  {
    g_autoptr(TrellisPrintJob) job = trellis_print_job_new ("child-summary", &request,
                                                            unwritable);

    g_assert_false (run_job (f, job, NULL, FALSE, NULL, &error));
    g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED);
    g_clear_error (&error);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/documents/registry", test_registry);
  g_test_add ("/print/documents/build", Fixture, NULL, fixture_set_up, test_build,
              fixture_tear_down);
  g_test_add ("/print/job/same-as-sync", Fixture, NULL, fixture_set_up, test_job_same_as_sync,
              fixture_tear_down);
  g_test_add ("/print/job/cancel", Fixture, NULL, fixture_set_up, test_job_cancel,
              fixture_tear_down);
  g_test_add ("/print/job/errors", Fixture, NULL, fixture_set_up, test_job_errors,
              fixture_tear_down);

  return g_test_run ();
}
