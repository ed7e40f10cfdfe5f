/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-pdf-view.c: a PDF held in memory (a child's attached document), for viewing
 *
 * The document viewer's pages are drawn here, on its worker thread: Poppler from bytes, so a
 * child's document never reaches the disk in the clear; found words marked on the page in
 * the highlight colour with an outline, so they show on any page. Poppler is not safe for two
 * threads on one document at once: the viewer asks what is found on the UI thread while a
 * page is drawn on its own, so every use of the document holds the view's lock.
 */
#define G_LOG_DOMAIN "trellis-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>

#include "trellis-error.h"
#include "trellis-pdf-view.h"

struct _TrellisPdfView
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  PopplerDocument *document;
};

TrellisPdfView *
trellis_pdf_view_new (GBytes  *content,
                      GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;
  TrellisPdfView *self;

  g_return_val_if_fail (content != NULL, NULL);

  document = poppler_document_new_from_bytes (content, NULL, &local_error);
  if (document == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("The document cannot be shown: %s"), local_error->message);
      return NULL;
    }
  if (poppler_document_get_n_pages (document) < 1)
    {
      g_object_unref (document);
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                           _("The document has no pages"));
      return NULL;
    }
  self = g_new0 (TrellisPdfView, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->document = document;
  return self;
}

TrellisPdfView *
trellis_pdf_view_ref (TrellisPdfView *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_pdf_view_unref (TrellisPdfView *self)
{
  if (self != NULL && g_atomic_ref_count_dec (&self->ref_count))
    {
      g_object_unref (self->document);
      g_mutex_clear (&self->lock);
      g_free (self);
    }
}

guint
trellis_pdf_view_get_n_pages (TrellisPdfView *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return poppler_document_get_n_pages (self->document);
}

void
trellis_pdf_view_get_size (TrellisPdfView *self,
                           guint           page,
                           double         *width,
                           double         *height)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  PopplerPage *p = poppler_document_get_page (self->document, page);

  *width = *height = 0;
  if (p != NULL)
    {
      poppler_page_get_size (p, width, height);
      g_object_unref (p);
    }
}

static GList *
find_on (PopplerPage *page,
         const char  *text)
{
  return text != NULL && *text != '\0'
         ? poppler_page_find_text_with_options (page, text, POPPLER_FIND_DEFAULT)
         : NULL;
}

cairo_surface_t *
trellis_pdf_view_render (TrellisPdfView  *self,
                         guint            page,
                         double           scale,
                         const char      *highlight,
                         GError         **error)
{
  guint n_pages = trellis_pdf_view_get_n_pages (self);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  PopplerPage *p = page < n_pages ? poppler_document_get_page (self->document, page) : NULL;
  cairo_surface_t *surface;
  GList *matches;
  double w, h;
  cairo_t *cr;

  if (p == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND, _("The document has no page %u"),
                   page + 1);
      return NULL;
    }
  poppler_page_get_size (p, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, w * scale),
                                        MAX (1, h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (p, cr);

  /* Poppler measures found words from the page's foot */
  matches = find_on (p, highlight);
  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;

      cairo_rectangle (cr, r->x1 - 1, h - r->y2 - 1, r->x2 - r->x1 + 2, r->y2 - r->y1 + 2);
      cairo_set_source_rgba (cr, 0.96, 0.83, 0.18, 0.45);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.80, 0.48, 0.0);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
    }
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
  cairo_destroy (cr);
  g_object_unref (p);
  return surface;
}

guint
trellis_pdf_view_count_matches (TrellisPdfView *self,
                                guint           page,
                                const char     *text)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  PopplerPage *p = poppler_document_get_page (self->document, page);
  GList *matches;
  guint n;

  if (p == NULL)
    return 0;
  matches = find_on (p, text);
  n = g_list_length (matches);
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
  g_object_unref (p);
  return n;
}

int
trellis_pdf_view_find (TrellisPdfView *self,
                       const char     *text,
                       guint           from)
{
  guint n = trellis_pdf_view_get_n_pages (self);

  for (guint i = 0; i < n; i++)
    if (trellis_pdf_view_count_matches (self, (from + i) % n, text) > 0)
      return (from + i) % n;
  return -1;
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
trellis_pdf_view_thumbnail (TrellisPdfView  *self,
                            int              size,
                            GError         **error)
{
  cairo_surface_t *surface;
  GByteArray *png;
  double w, h;

  trellis_pdf_view_get_size (self, 0, &w, &h);
  if (w <= 0 || h <= 0)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                           _("The document’s first page has no size"));
      return NULL;
    }
  surface = trellis_pdf_view_render (self, 0, size / MAX (w, h), NULL, error);
  if (surface == NULL)
    return NULL;
  png = g_byte_array_new ();
  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}
