/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-pdf-reader.c: Poppler behind a small API; nothing else in Trellis includes poppler.h
 *
 * Reads PDFs (ours, or one attached to a child's file): their text for the tests and search,
 * where words and pictures are on a page, and pages as images for previews.
 */
#define G_LOG_DOMAIN "trellis-pdf"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-pdf.h"

/* Poppler 22.12 (Debian 12) has no autoptr cleanups of its own. */
#ifndef HAVE_POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

static PopplerDocument *
open_document (const char  *path,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document = poppler_document_new_from_gfile (file, NULL, NULL, &local_error);

  if (document == NULL)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED, _("Could not read the PDF “%s”: %s"),
                 path, local_error->message);
  return document;
}

/* Page @page_nr (from 0) of the PDF at @path. */
static PopplerPage *
open_page (const char  *path,
           guint        page_nr,
           GError     **error)
{
  g_autoptr(PopplerDocument) document = open_document (path, error);
  PopplerPage *page = NULL;

  if (document == NULL)
    return NULL;

  if (page_nr < (guint) poppler_document_get_n_pages (document))
    page = poppler_document_get_page (document, page_nr);
  if (page == NULL)
    g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND, _("The PDF has no page %u"),
                 page_nr + 1);
  return page;
}

static gboolean
is_rtl (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);
  return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
         script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA;
}

/* Reverses each run of right-to-left letters (and the spaces between them) in one line. */
static void
append_line_reordered (GString    *out,
                       const char *line,
                       const char *end)
{
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      /* look past bidi controls to the next letter */
      while (next < end && g_utf8_get_char (next) >= 0x202A && g_utf8_get_char (next) <= 0x202E)
        next = g_utf8_next_char (next);

      if (c >= 0x202A && c <= 0x202E)
        continue;
      if (is_rtl (c) || (run->len > 0 && c == ' ' && next < end && is_rtl (g_utf8_get_char (next))))
        {
          g_array_append_val (run, c);
          continue;
        }
      for (guint i = run->len; i > 0; i--)
        g_string_append_unichar (out, g_array_index (run, gunichar, i - 1));
      g_array_set_size (run, 0);
      g_string_append_unichar (out, c);
    }
  for (guint i = run->len; i > 0; i--)
    g_string_append_unichar (out, g_array_index (run, gunichar, i - 1));
}

/**
 * trellis_pdf_normalise_text:
 *
 * poppler_page_get_text() gives right-to-left text in visual order, each glyph wrapped in
 * bidi controls. This drops U+202A–U+202E and reverses each line's right-to-left runs, so
 * the text reads in logical order. Poppler may also put spaces inside cursive words where
 * glyphs join; compare Arabic without spaces.
 */
char *
trellis_pdf_normalise_text (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *line = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');

      if (end == NULL)
        end = line + strlen (line);
      append_line_reordered (out, line, end);

      if (*end == '\n')
        {
          g_string_append_c (out, '\n');
          end++;
        }
      line = end;
    }

  return g_string_free (out, FALSE);
}

/* All the text of a PDF, page after page, normalised for comparing. */
char *
trellis_pdf_read_text (const char  *path,
                       guint       *n_pages,
                       GError     **error)
{
  g_autoptr(PopplerDocument) document = open_document (path, error);
  g_autoptr(GString) text = g_string_new (NULL);
  int pages;

  if (document == NULL)
    return NULL;

  pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *normal = trellis_pdf_normalise_text (page_text ? page_text : "");

      g_string_append (text, normal);
      g_string_append_c (text, '\f');
    }

  if (n_pages != NULL)
    *n_pages = pages;
  return g_strdup (text->str);
}

/* One page as an image, for previews and thumbnails. */
cairo_surface_t *
trellis_pdf_render_page (const char  *path,
                         guint        page_nr,
                         double       scale,
                         GError     **error)
{
  g_autoptr(PopplerPage) page = open_page (path, page_nr, error);
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h;

  if (page == NULL)
    return NULL;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);

  return surface;
}

/**
 * trellis_pdf_find_text:
 * @page_nr: the page, from 0
 *
 * Where @text is on a page: for checking what goes where (a heading kept with what follows
 * it, a chart's bar beside its label).
 *
 * Returns: (transfer full) (element-type cairo_rectangle_t): each place, in points from the
 * page's top left, in reading order; empty when @text is not on the page
 */
GArray *
trellis_pdf_find_text (const char  *path,
                       guint        page_nr,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(PopplerPage) page = open_page (path, page_nr, error);
  GArray *places;
  GList *matches;
  double height;

  g_return_val_if_fail (text != NULL, NULL);

  if (page == NULL)
    return NULL;

  poppler_page_get_size (page, NULL, &height);
  places = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  matches = poppler_page_find_text_with_options (page, text, POPPLER_FIND_CASE_SENSITIVE);
  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      /* Poppler measures these from the page's foot */
      cairo_rectangle_t place = { r->x1, height - r->y2, r->x2 - r->x1, r->y2 - r->y1 };

      g_array_append_val (places, place);
    }
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);

  return places;
}

/**
 * trellis_pdf_find_images:
 * @page_nr: the page, from 0
 *
 * Returns: (transfer full) (element-type cairo_rectangle_t): where each picture on the page
 * is drawn, in points from the page's top left
 */
GArray *
trellis_pdf_find_images (const char  *path,
                         guint        page_nr,
                         GError     **error)
{
  g_autoptr(PopplerPage) page = open_page (path, page_nr, error);
  GArray *places;
  GList *mapping;

  if (page == NULL)
    return NULL;

  places = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  mapping = poppler_page_get_image_mapping (page);
  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerImageMapping *image = l->data;
      cairo_rectangle_t place = { image->area.x1, image->area.y1,
                                  image->area.x2 - image->area.x1,
                                  image->area.y2 - image->area.y1 };

      g_array_append_val (places, place);
    }
  poppler_page_free_image_mapping (mapping);

  return places;
}
