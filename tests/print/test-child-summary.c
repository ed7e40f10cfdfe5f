/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-child-summary.c: the Child summary, read back with Poppler
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-child-summary.h"
#include "trellis-core.h"
#include "trellis-pdf.h"

static char *tmpdir;

static TrellisChild *
make_child (void)
{
  TrellisChild *child = trellis_child_new ();
  g_autoptr(GDateTime) dob = trellis_date_new (2012, 5, 3);
  g_autoptr(GDateTime) admitted = trellis_date_new (2024, 9, 2);

  trellis_child_set_given_name (child, "Amira");
  trellis_child_set_family_name (child, "Hassan");
  trellis_child_set_preferred_name (child, "أميرة حسن");
  trellis_child_set_date_of_birth (child, dob);
  trellis_child_set_first_language (child, "Arabic");
  trellis_child_set_religion (child, "Muslim");
  trellis_child_set_allergies (child, "Peanuts (carries an adrenaline pen)");
  trellis_child_set_legal_status (child, TRELLIS_LEGAL_STATUS_CARE_ORDER);
  trellis_child_set_placing_authority (child, "Westminster City Council");
  trellis_child_set_admission_date (child, admitted);
  trellis_child_set_link_worker (child, 2, "Priya Sharma");
  return child;
}

static GListModel *
make_history (guint n)
{
  GListStore *store = g_list_store_new (TRELLIS_TYPE_ASSIGNMENT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) from = trellis_date_new (2024, 9, 2);
      g_autoptr(GDateTime) start = g_date_time_add_days (from, i * 7);
      g_autoptr(GDateTime) end = i + 1 < n ? g_date_time_add_days (from, (i + 1) * 7) : NULL;
      g_autoptr(TrellisAssignment) a =
        trellis_assignment_new (i + 1, 1, i + 1, i % 2 ? "Priya Sharma" : "Sam Carter", start, end,
                                i == 0 ? TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT
                                       : TRELLIS_CHANGE_REASON_MANAGER_DECISION,
                                i % 3 == 0 ? "Agreed at the placement planning meeting" : "");
      g_list_store_append (store, a);
    }
  return G_LIST_MODEL (store);
}

static char *
write_summary (const char *name,
               guint       n_history,
               guint      *n_pages)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(TrellisHome) home = trellis_home_new ("Oakfield House", FALSE);
  g_autoptr(TrellisChild) child = make_child ();
  g_autoptr(GListModel) history = make_history (n_history);
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(TrellisDocument) doc = trellis_child_summary_new (home, child, history, today);
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (trellis_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  text = trellis_pdf_read_text (path, n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (*n_pages, ==, trellis_document_get_n_pages (doc));
  return text;
}

static void
test_one_page (void)
{
  guint n_pages = 0;
  g_autofree char *text = write_summary ("summary.pdf", 2, &n_pages);
  const char *expected[] = {
    "Oakfield House", "OFFICIAL", "SENSITIVE", "Child summary", "Amira Hassan", "أميرة حسن",
    "Personal details", "Placement", "Link Worker history", "Current Link Worker",
    "3 May 2012 (aged 14)", "Care order (section 31)", "Westminster City Council",
    "Priya Sharma", "Page 1 of 1", "Printed 23 November 2026",
    "Health", "Peanuts (carries an adrenaline pen)", "Medication", "None",
  };

  g_assert_cmpuint (n_pages, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is missing from the PDF text:\n%s", expected[i], text);
}

/* The page images the preview will show: white paper with the text drawn on it. */
static void
test_render_page (void)
{
  guint n_pages = 0;
  g_autofree char *text = write_summary ("render.pdf", 2, &n_pages);
  g_autofree char *path = g_build_filename (tmpdir, "render.pdf", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = trellis_pdf_render_page (path, 0, 0.5, &error);
  guint dark = 0;
  int stride;
  unsigned char *data;

  g_assert_no_error (error);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) (TRELLIS_PAGE_WIDTH * 0.5));
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (data[y * stride + x * 4 + 1] < 128)
        dark++;
  g_assert_cmpuint (dark, >, 500);
  cairo_surface_destroy (surface);

  g_assert_null (trellis_pdf_render_page (path, 5, 0.5, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
}

static void
test_many_pages (void)
{
  guint n_pages = 0;
  g_autofree char *text = write_summary ("long-summary.pdf", 90, &n_pages);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autofree char *last = NULL;

  g_assert_cmpuint (n_pages, >=, 3);
  last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last));
  /* every page has the header, the footer and, after the first, the table's header again */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      g_assert_nonnull (strstr (pages[i], "OFFICIAL"));
      g_assert_nonnull (strstr (pages[i], page));
      g_assert_nonnull (strstr (pages[i], "Amira Hassan"));
      if (i > 0)
        g_assert_nonnull (strstr (pages[i], "Why this change"));
    }
}

static void
test_unwritable (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ("x");
  g_autoptr(GError) error = NULL;

  trellis_document_add_paragraph (doc, "text");
  g_assert_false (trellis_document_write_pdf (doc, "/nonexistent/folder/x.pdf", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED);
}

/* An exported PDF holds a child's details: like the database, only its owner reads it, and
 * a failed export leaves nothing behind. */
static void
test_private_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-pdf-mode-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "a folder.pdf", NULL);
  g_autoptr(TrellisDocument) doc = trellis_document_new ("Private");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;
  guint n_pages;
  guint n_files = 0;

  g_assert_nonnull (dir);
  trellis_document_add_paragraph (doc, "Amira Hassan");

  /* a new file */
  g_assert_true (trellis_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* over a file anybody could read: the new one is private too */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (trellis_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  text = trellis_pdf_read_text (path, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Amira Hassan"));

  /* a failed export says so and leaves no half-written file */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (trellis_document_write_pdf (doc, folder, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2); /* summary.pdf and the folder, nothing else */

  g_unlink (path);
  g_rmdir (folder);
  g_rmdir (dir);
}

static void
test_long_paragraph_splits (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "paragraph.pdf", NULL);
  g_autoptr(TrellisDocument) doc = trellis_document_new ("Long");
  g_autoptr(GString) para = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (para, "word%u ", i);
  g_string_append (para, "LASTWORD");
  trellis_document_add_heading (doc, "Notes");
  trellis_document_add_paragraph (doc, para->str);
  trellis_document_add_paragraph (doc, para->str);
  trellis_document_add_paragraph (doc, "مرحبا بكم في البيت");
  g_assert_true (trellis_document_write_pdf (doc, path, &error));
  text = trellis_pdf_read_text (path, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 2);
  /* every word of both paragraphs exactly twice: no line lost or doubled at a page break */
  {
    g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_auto(GStrv) tokens = g_strsplit_set (text, " \n\f", -1);

    for (guint i = 0; tokens[i] != NULL; i++)
      if (g_str_has_prefix (tokens[i], "word"))
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, tokens[i]));
          g_hash_table_replace (counts, g_strdup (tokens[i]), GUINT_TO_POINTER (n + 1));
        }
    g_assert_cmpuint (g_hash_table_size (counts), ==, 400);
    for (guint i = 0; i < 400; i++)
      {
        g_autofree char *word = g_strdup_printf ("word%u", i);
        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, word)), ==, 2);
      }
  }
  g_assert_nonnull (strstr (text, "LASTWORD"));
  /* Poppler splits cursive Arabic where glyphs join: compare without spaces */
  {
    g_autoptr(GString) squeezed = g_string_new (text);
    g_string_replace (squeezed, " ", "", 0);
    g_assert_nonnull (strstr (squeezed->str, "مرحبابكمفيالبيت"));
  }
}

/* A child who has left: the summary names the Link Worker they had until the leaving date
 * and ends the history there, whether the store closed the assignment or (in a database
 * from before it did) left it open. */
static void
test_left_child (void)
{
  g_autoptr(TrellisHome) home = trellis_home_new ("Oakfield House", FALSE);
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GDateTime) left = trellis_date_new (2025, 6, 30);

  for (guint closed = 0; closed < 2; closed++)
    {
      g_autofree char *path = g_strdup_printf ("%s/left-%u.pdf", tmpdir, closed);
      g_autoptr(TrellisChild) child = make_child ();
      g_autoptr(GListStore) history = g_list_store_new (TRELLIS_TYPE_ASSIGNMENT);
      g_autoptr(GDateTime) first = trellis_date_new (2024, 9, 2);
      g_autoptr(GDateTime) second = trellis_date_new (2025, 2, 10);
      g_autoptr(TrellisAssignment) a = NULL;
      g_autoptr(TrellisAssignment) b = NULL;
      g_autoptr(TrellisDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      guint n_pages;

      trellis_child_set_leaving_date (child, left);
      a = trellis_assignment_new (1, 1, 3, "Sam Carter", first, second,
                                  TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "");
      b = trellis_assignment_new (2, 1, 2, "Priya Sharma", second, closed ? left : NULL,
                                  TRELLIS_CHANGE_REASON_CHILD_REQUEST, "");
      g_list_store_append (history, a);
      g_list_store_append (history, b);
      doc = trellis_child_summary_new (home, child, G_LIST_MODEL (history), today);
      g_assert_true (trellis_document_write_pdf (doc, path, &error));
      g_assert_no_error (error);
      text = trellis_pdf_read_text (path, &n_pages, &error);
      g_assert_no_error (error);

      g_test_message ("summary of a child who has left:\n%s", text);
      /* the label may wrap in its column: read it as one line */
      {
        g_autoptr(GString) flat = g_string_new (text);
        g_string_replace (flat, "\n", " ", 0);
        g_assert_nonnull (strstr (flat->str, "Link Worker until 30 June 2025 Priya Sharma"));
      }
      g_assert_null (strstr (text, "Current Link Worker"));
      g_assert_null (strstr (text, "Now"));
      /* the date three times: the leaving date, the label, and the end of Priya's row */
      {
        guint n = 0;
        for (const char *p = strstr (text, "30 June"); p != NULL; p = strstr (p + 1, "30 June"))
          n++;
        g_assert_cmpuint (n, ==, 3);
      }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  tmpdir = g_strdup (g_getenv ("TRELLIS_PNG_DIR"));
  if (tmpdir == NULL)
    tmpdir = g_dir_make_tmp ("trellis-print-XXXXXX", NULL);

  g_test_add_func ("/print/child-summary/one-page", test_one_page);
  g_test_add_func ("/print/child-summary/many-pages", test_many_pages);
  g_test_add_func ("/print/child-summary/left-child", test_left_child);
  g_test_add_func ("/print/render-page", test_render_page);
  g_test_add_func ("/print/unwritable", test_unwritable);
  g_test_add_func ("/print/private-file", test_private_file);
  g_test_add_func ("/print/long-paragraph-splits", test_long_paragraph_splits);

  return g_test_run ();
}
