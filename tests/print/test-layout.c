/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-layout.c: pagination and each kind of block, read back from the PDF with Poppler
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-core.h"
#include "trellis-document.h"
#include "trellis-pdf.h"

/* The layout's margins, as a reader of the page measures them */
#define MARGIN_X    56.0
#define TEXT_TOP    72.0
#define TEXT_BOTTOM (TRELLIS_PAGE_HEIGHT - 64.0)
#define TEXT_WIDTH  (TRELLIS_PAGE_WIDTH - 2 * MARGIN_X)

static char *tmpdir;

/* Writes @doc as NAME.pdf in the test folder; returns its path. */
static char *
write_pdf (TrellisDocument *doc,
           const char      *name)
{
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (tmpdir, file, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The text of each page, and how many there are */
static GStrv
read_pages (const char *path,
            guint      *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = trellis_pdf_read_text (path, n_pages, &error);

  g_assert_no_error (error);
  return g_strsplit (text, "\f", -1);
}

/* The page (from 0) where @text is first found, or -1 */
static int
page_of (GStrv       pages,
         const char *text)
{
  for (int i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], text) != NULL)
      return i;
  return -1;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Where @text is on @page; it must be there exactly once. */
static cairo_rectangle_t
place_of (const char *path,
          guint       page,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) places = trellis_pdf_find_text (path, page, text, &error);

  g_assert_no_error (error);
  if (places->len != 1)
    g_error ("“%s” is %u times on page %u of %s", text, places->len, page + 1, path);
  return g_array_index (places, cairo_rectangle_t, 0);
}

/* A heading never ends a page: when what follows it does not fit, the heading moves to the
 * next page with it, even where the heading alone would have fitted. */
static void
test_heading_keeps_with_next (void)
{
  gboolean moved = FALSE;

  for (guint n = 0; n < 45; n++)
    {
      g_autoptr(TrellisDocument) doc = trellis_document_new ("Headings");
      g_autofree char *name = g_strdup_printf ("heading-%u", n);
      g_autofree char *path = NULL;
      g_autofree char *last_filler = g_strdup_printf ("Filler %02u", n);
      g_auto(GStrv) pages = NULL;
      guint n_pages;
      int heading_page;

      for (guint i = 1; i <= n; i++)
        {
          g_autofree char *label = g_strdup_printf ("Filler %02u", i);
          trellis_document_add_field (doc, label, "a value");
        }
      trellis_document_add_heading (doc, "Kept heading");
      trellis_document_add_field (doc, "After the heading", "its value");
      path = write_pdf (doc, name);
      pages = read_pages (path, &n_pages);

      heading_page = page_of (pages, "Kept heading");
      g_assert_cmpint (heading_page, >=, 0);
      g_assert_cmpint (heading_page, ==, page_of (pages, "After the heading"));

      /* the heading (16 points above it, about 18 high) would have fitted under the last
       * filler, but the field after it would not */
      if (n > 0 && heading_page == 1 && page_of (pages, last_filler) == 0)
        {
          cairo_rectangle_t filler = place_of (path, 0, last_filler);
          cairo_rectangle_t heading = place_of (path, 1, "Kept heading");

          g_assert_cmpfloat_with_epsilon (heading.y, TEXT_TOP, 4);
          if (filler.y + filler.height + 4 + 16 + heading.height < TEXT_BOTTOM)
            moved = TRUE;
        }
    }
  g_assert_true (moved);
}

/* Rows stay whole and in order, and every page a table continues on starts with its header. */
static void
test_table_header_repeats (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ("Table");
  const char *headers[] = { "Column A", "Column B", "Column C" };
  const double widths[] = { 0.2, 0.2, 0.6 };
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  int previous = 0;
  guint n_pages;

  trellis_document_add_title (doc, "A long table", NULL);
  trellis_document_begin_table (doc, 3, headers, widths);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *a = g_strdup_printf ("Row %03u", i);
      g_autofree char *b = g_strdup_printf ("Cell %03u", i);
      g_autofree char *c = g_strdup_printf (i % 4 ? "Start %03u End %03u"
                                                  : "Start %03u and a note long enough to wrap "
                                                    "over three lines of its narrow column, "
                                                    "so that this row is taller than the "
                                                    "others around it End %03u", i, i);
      const char *cells[] = { a, b, c };

      trellis_document_add_row (doc, cells);
    }
  trellis_document_add_paragraph (doc, "After the table");
  path = write_pdf (doc, "table");
  pages = read_pages (path, &n_pages);

  g_assert_cmpuint (n_pages, >=, 3);
  for (guint p = 0; p < n_pages; p++)
    {
      g_assert_cmpuint (count (pages[p], "Column A"), ==, 1);
      if (p > 0)
        {
          cairo_rectangle_t header = place_of (path, p, "Column A");
          g_assert_cmpfloat_with_epsilon (header.y, TEXT_TOP + 4, 3);
        }
    }
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *a = g_strdup_printf ("Row %03u", i);
      g_autofree char *b = g_strdup_printf ("Cell %03u", i);
      g_autofree char *start = g_strdup_printf ("Start %03u", i);
      g_autofree char *end = g_strdup_printf ("End %03u", i);
      int page = page_of (pages, a);

      g_assert_cmpint (page, >=, previous);
      g_assert_cmpint (page_of (pages, b), ==, page);
      g_assert_cmpint (page_of (pages, start), ==, page);
      g_assert_cmpint (page_of (pages, end), ==, page);
      for (guint p = 0; p < n_pages; p++)
        g_assert_cmpuint (count (pages[p], a), ==, (int) p == page ? 1 : 0);
      previous = page;
    }
  g_assert_cmpint (page_of (pages, "After the table"), ==, n_pages - 1);
}

/* A paragraph too long for the page fills it and carries on at the top of the next. */
static void
test_paragraph_continues (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ("Paragraph");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) words = NULL;
  cairo_rectangle_t first;
  guint n_pages;

  for (guint i = 0; i < 900; i++)
    g_string_append_printf (text, "w%03u ", i);
  trellis_document_add_heading (doc, "Notes");
  trellis_document_add_paragraph (doc, text->str);
  path = write_pdf (doc, "continues");
  pages = read_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, >=, 2);

  /* the second page's first word sits at the top of its text */
  words = g_strsplit_set (g_strstrip (pages[1]), " \n", -1);
  g_assert_true (g_str_has_prefix (words[0], "w"));
  first = place_of (path, 1, words[0]);
  g_assert_cmpfloat_with_epsilon (first.y, TEXT_TOP, 4);
  /* and the first page's last line ends above the footer */
  {
    g_auto(GStrv) first_page = g_strsplit_set (g_strstrip (pages[0]), " \n", -1);
    guint n = g_strv_length (first_page);
    const char *last_word = NULL;

    for (guint i = n; i > 0 && last_word == NULL; i--)
      if (g_str_has_prefix (first_page[i - 1], "w"))
        last_word = first_page[i - 1];
    g_assert_nonnull (last_word);
    g_assert_cmpfloat (place_of (path, 0, last_word).y + 10, <, TEXT_BOTTOM);
  }
}

static char *
write_png (const char *name,
           int         width,
           int         height)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (tmpdir, file, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.6, 0.3);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* A picture is drawn at its share of the text width, centred, in proportion, with its
 * caption under it; one too tall for a page shrinks to fit and starts a page of its own. */
static void
test_image (void)
{
  g_autofree char *wide = write_png ("wide", 200, 100);
  g_autofree char *tall = write_png ("tall", 50, 1000);
  g_autofree char *not_png = g_build_filename (tmpdir, "not-a-picture.png", NULL);
  g_autoptr(TrellisDocument) doc = trellis_document_new ("Pictures");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) images = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  cairo_rectangle_t image, caption;
  guint n_pages;

  trellis_document_add_title (doc, "Pictures", NULL);
  g_assert_true (trellis_document_add_image_from_file (doc, wide, 0.5, "The garden in May",
                                                       &error));
  g_assert_no_error (error);
  g_assert_true (trellis_document_add_image_from_file (doc, tall, 1.0, NULL, &error));
  g_assert_no_error (error);
  path = write_pdf (doc, "image");
  pages = read_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 2);

  images = trellis_pdf_find_images (path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  image = g_array_index (images, cairo_rectangle_t, 0);
  /* Poppler gives a picture's size in whole points, rounded */
  g_assert_cmpfloat_with_epsilon (image.width, TEXT_WIDTH / 2, 1.5);
  g_assert_cmpfloat_with_epsilon (image.height, TEXT_WIDTH / 4, 1.5);
  g_assert_cmpfloat_with_epsilon (image.x, MARGIN_X + TEXT_WIDTH / 4, 1);
  g_assert_cmpfloat (image.y, >, TEXT_TOP + 20);  /* under the title */

  caption = place_of (path, 0, "The garden in May");
  g_assert_cmpfloat (caption.y, >=, image.y + image.height);
  g_assert_cmpfloat (caption.y, <, image.y + image.height + 10);
  g_assert_cmpfloat_with_epsilon (caption.x + caption.width / 2, TRELLIS_PAGE_WIDTH / 2, 2);

  /* the tall one: on the next page, at the top, as high as the text area and in proportion */
  g_clear_pointer (&images, g_array_unref);
  images = trellis_pdf_find_images (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  image = g_array_index (images, cairo_rectangle_t, 0);
  g_assert_cmpfloat_with_epsilon (image.y, TEXT_TOP, 1);
  g_assert_cmpfloat_with_epsilon (image.height, TEXT_BOTTOM - TEXT_TOP, 1.5);
  g_assert_cmpfloat_with_epsilon (image.width, image.height / 20, 1);
  g_assert_cmpfloat_with_epsilon (image.x + image.width / 2, TRELLIS_PAGE_WIDTH / 2, 1);

  /* what is not a PNG is refused, and the document is as it was */
  g_assert_true (g_file_set_contents (not_png, "not a picture", -1, NULL));
  g_assert_false (trellis_document_add_image_from_file (doc, not_png, 0.5, NULL, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not-a-picture.png"));
  g_clear_error (&error);
  g_assert_false (trellis_document_add_image_from_file (doc, "/nonexistent/x.png", 0.5, NULL,
                                                        &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED);
  g_assert_cmpuint (trellis_document_get_n_pages (doc), ==, 2);
}

/* The length of the chart's bar on the row of @label, in points, measured in the drawn page */
static double
bar_length (const char      *path,
            cairo_surface_t *page,
            double           scale,
            const char      *label)
{
  cairo_rectangle_t place = place_of (path, 0, label);
  int y = (place.y + place.height / 2) * scale;
  int stride = cairo_image_surface_get_stride (page);
  unsigned char *row = cairo_image_surface_get_data (page) + y * stride;
  int n = 0;

  for (int x = 0; x < cairo_image_surface_get_width (page); x++)
    {
      /* ARGB32 in memory: blue, green, red; the bars are #1c5273 */
      unsigned char *px = row + 4 * x;
      if (ABS (px[2] - 0x1c) < 12 && ABS (px[1] - 0x52) < 12 && ABS (px[0] - 0x73) < 12)
        n++;
    }
  return n / scale;
}

/* Each bar is as long as its value against the largest, with its label and value beside it. */
static void
test_chart (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ("Chart");
  const char *labels[] = { "Sessions held", "Sessions missed", "Visits", "Reviews" };
  const double values[] = { 12, 3, 6, 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  cairo_surface_t *page;
  double held, missed, visits, reviews;
  cairo_rectangle_t title, first_label;
  guint n_pages;

  trellis_document_add_paragraph (doc, "Before the chart");
  trellis_document_add_bar_chart (doc, "This month", G_N_ELEMENTS (values), labels, values);
  trellis_document_add_paragraph (doc, "After the chart");
  path = write_pdf (doc, "chart");
  pages = read_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    g_assert_nonnull (strstr (pages[0], labels[i]));
  g_assert_nonnull (strstr (pages[0], "12"));

  title = place_of (path, 0, "This month");
  first_label = place_of (path, 0, "Sessions held");
  g_assert_cmpfloat (place_of (path, 0, "Before the chart").y, <, title.y);
  g_assert_cmpfloat (title.y, <, first_label.y);
  g_assert_cmpfloat (place_of (path, 0, "Reviews").y, <, place_of (path, 0, "After the chart").y);

  page = trellis_pdf_render_page (path, 0, 2.0, &error);
  g_assert_no_error (error);
  cairo_surface_flush (page);
  held = bar_length (path, page, 2.0, "Sessions held");
  missed = bar_length (path, page, 2.0, "Sessions missed");
  visits = bar_length (path, page, 2.0, "Visits");
  reviews = bar_length (path, page, 2.0, "Reviews");
  cairo_surface_destroy (page);

  g_test_message ("bars: %.1f %.1f %.1f %.1f points", held, missed, visits, reviews);
  g_assert_cmpfloat (held, >, TEXT_WIDTH / 2);
  g_assert_cmpfloat (held, <, TEXT_WIDTH * 0.7);
  g_assert_cmpfloat_with_epsilon (missed / held, 3.0 / 12, 0.02);
  g_assert_cmpfloat_with_epsilon (visits / held, 6.0 / 12, 0.02);
  g_assert_cmpfloat (reviews, <, 1);
}

/* Every page: the home and the marking above, whose document, which page of how many and
 * when it was printed below, each in its place. */
static void
test_furniture (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ("Furniture");
  g_autoptr(GDateTime) printed = trellis_date_new (2026, 11, 23);
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  trellis_document_set_header (doc, "Oakfield House", "OFFICIAL – SENSITIVE");
  trellis_document_set_footer (doc, "Amira Hassan");
  trellis_document_set_printed_date (doc, printed);
  for (guint i = 0; i < 100; i++)
    trellis_document_add_field (doc, "A label", "A value");
  path = write_pdf (doc, "furniture");
  pages = read_pages (path, &n_pages);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);
      cairo_rectangle_t home = place_of (path, p, "Oakfield House");
      cairo_rectangle_t marking = place_of (path, p, "SENSITIVE");
      cairo_rectangle_t child = place_of (path, p, "Amira Hassan");
      cairo_rectangle_t page = place_of (path, p, number);
      cairo_rectangle_t date = place_of (path, p, "Printed 23 November 2026");

      g_assert_cmpfloat_with_epsilon (home.x, MARGIN_X, 1);
      g_assert_cmpfloat (home.y + home.height, <, 50);
      g_assert_cmpfloat_with_epsilon (marking.x + marking.width, TRELLIS_PAGE_WIDTH - MARGIN_X, 1);
      g_assert_cmpfloat_with_epsilon (marking.y, home.y, 1);

      g_assert_cmpfloat (child.y, >, TEXT_BOTTOM);
      g_assert_cmpfloat_with_epsilon (child.x, MARGIN_X, 1);
      g_assert_cmpfloat_with_epsilon (page.x + page.width / 2, TRELLIS_PAGE_WIDTH / 2, 1);
      g_assert_cmpfloat_with_epsilon (page.y, child.y, 1);
      g_assert_cmpfloat_with_epsilon (date.x + date.width, TRELLIS_PAGE_WIDTH - MARGIN_X, 1);
      g_assert_cmpfloat_with_epsilon (date.y, child.y, 1);
    }
}

/* Other paper (a print dialog's US Letter): the pages and their furniture follow it. */
static void
test_page_size (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ("Letter");
  g_autoptr(GError) error = NULL;
  g_autofree char *a4_path = NULL;
  g_autofree char *letter_path = NULL;
  g_auto(GStrv) a4 = NULL;
  g_auto(GStrv) letter = NULL;
  cairo_surface_t *page;
  guint a4_pages, letter_pages;

  trellis_document_set_header (doc, "Oakfield House", "OFFICIAL");
  for (guint i = 0; i < 90; i++)
    trellis_document_add_field (doc, "A label", "A value");
  a4_path = write_pdf (doc, "a4");
  trellis_document_set_page_size (doc, 612, 792);
  letter_path = write_pdf (doc, "letter");
  a4 = read_pages (a4_path, &a4_pages);
  letter = read_pages (letter_path, &letter_pages);

  /* a shorter page holds fewer fields */
  g_assert_cmpuint (letter_pages, >=, a4_pages);
  g_assert_cmpuint (count (letter[0], "A label"), <, count (a4[0], "A label"));

  page = trellis_pdf_render_page (letter_path, 0, 1.0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (page), ==, 612);
  g_assert_cmpint (cairo_image_surface_get_height (page), ==, 792);
  cairo_surface_destroy (page);
  {
    cairo_rectangle_t marking = place_of (letter_path, 0, "OFFICIAL");
    g_assert_cmpfloat_with_epsilon (marking.x + marking.width, 612 - MARGIN_X, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* the PDFs stay in the build folder, to look at */
  if (g_getenv ("TRELLIS_PNG_DIR") != NULL)
    {
      tmpdir = g_build_filename (g_getenv ("TRELLIS_PNG_DIR"), "print-layout", NULL);
      g_assert_cmpint (g_mkdir_with_parents (tmpdir, 0700), ==, 0);
    }
  else
    tmpdir = g_dir_make_tmp ("trellis-layout-XXXXXX", NULL);

  g_test_add_func ("/print/layout/heading-keeps-with-next", test_heading_keeps_with_next);
  g_test_add_func ("/print/layout/table-header-repeats", test_table_header_repeats);
  g_test_add_func ("/print/layout/paragraph-continues", test_paragraph_continues);
  g_test_add_func ("/print/layout/image", test_image);
  g_test_add_func ("/print/layout/chart", test_chart);
  g_test_add_func ("/print/layout/furniture", test_furniture);
  g_test_add_func ("/print/layout/page-size", test_page_size);

  return g_test_run ();
}
