/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-document.c: the document builder: a list of blocks laid out with Pango, drawn with cairo
 *
 * A document is a list of blocks (title, heading, paragraph, label/value field, table row,
 * image, chart), each kind in a trellis-block-<kind>.c of its own. Pagination
 * (trellis-pagination.c) measures each block once with Pango and places it on a page.
 * Drawing is the same for a PDF surface and a GtkPrintContext, so what is exported is what is
 * printed. Pango shapes every script through HarfBuzz and runs right-to-left text right-to-left.
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include "trellis-date.h"
#include "trellis-document-private.h"
#include "trellis-pdf-writer.h"

G_DEFINE_FINAL_TYPE (TrellisDocument, trellis_document, G_TYPE_OBJECT)

static void
block_free (TrellisBlock *block)
{
  g_ptr_array_unref (block->layouts);
  if (block->klass->free_data != NULL && block->data != NULL)
    block->klass->free_data (block->data);
  g_free (block);
}

static void
trellis_document_finalize (GObject *object)
{
  TrellisDocument *self = (TrellisDocument *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->header_left, g_free);
  g_clear_pointer (&self->header_right, g_free);
  g_clear_pointer (&self->footer_left, g_free);
  g_clear_pointer (&self->printed, g_date_time_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (trellis_document_parent_class)->finalize (object);
}

static void
trellis_document_class_init (TrellisDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_document_finalize;
}

static void
trellis_document_init (TrellisDocument *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->page_width = TRELLIS_PAGE_WIDTH;
  self->page_height = TRELLIS_PAGE_HEIGHT;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->placements = g_array_new (FALSE, FALSE, sizeof (TrellisPlacement));
  self->printed = trellis_date_today ();

  /* Points as units and no hinting: the layout is the same on paper, in a PDF and on screen.
   * The font map is the calling thread's: a document is built and drawn on one thread. */
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* a left-to-right document; cells keep this direction, paragraphs follow their text */
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
}

double
trellis_document_get_text_width (TrellisDocument *self)
{
  return self->page_width - 2 * TRELLIS_MARGIN_X;
}

PangoLayout *
trellis_document_make_layout (TrellisDocument *self,
                              const char      *text,
                              const char      *font,
                              double           width,
                              gboolean         follow_text_direction)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (width));
  /* Paragraphs take their direction from their text (an Arabic paragraph is right-aligned);
   * table cells keep the document's so columns line up. Bidi reordering happens either way. */
  pango_layout_set_auto_dir (layout, follow_text_direction);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

double
trellis_layout_get_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return pango_units_to_double (h);
}

void
trellis_layout_show_at (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x,
                        double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A new block at the end of the document; it ends any table the rows before it made. */
TrellisBlock *
trellis_document_append_block (TrellisDocument         *self,
                               const TrellisBlockClass *klass)
{
  TrellisBlock *block = g_new0 (TrellisBlock, 1);

  block->klass = klass;
  block->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->blocks, block);
  self->paginated = FALSE;
  self->open_table = NULL;

  return block;
}

/* A layout of @text in @font (width set when measured) as the block's next; returns it. */
PangoLayout *
trellis_block_add_text (TrellisBlock    *block,
                        TrellisDocument *self,
                        const char      *text,
                        const char      *font,
                        gboolean         follow_text_direction)
{
  PangoLayout *layout = trellis_document_make_layout (self, text, font, 0, follow_text_direction);

  g_ptr_array_add (block->layouts, layout);
  return layout;
}

TrellisDocument *
trellis_document_new (const char *title)
{
  TrellisDocument *self = g_object_new (TRELLIS_TYPE_DOCUMENT, NULL);

  self->title = g_strdup (title);
  return self;
}

const char *
trellis_document_get_title (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  return self->title;
}

/* Changing the paper (from a print dialog) lays every block out again. */
void
trellis_document_set_page_size (TrellisDocument *self,
                                double           width,
                                double           height)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (width > 2 * TRELLIS_MARGIN_X &&
                    height > TRELLIS_MARGIN_TOP + TRELLIS_MARGIN_BOTTOM + 72);

  if (width == self->page_width && height == self->page_height)
    return;

  self->page_width = width;
  self->page_height = height;
  self->paginated = FALSE;
}

/**
 * trellis_document_draw_page:
 * @cr: a context whose user units are points, with the page's top left at 0,0
 *
 * Draws one page: header, footer and the blocks placed on it.
 */
void
trellis_document_draw_page (TrellisDocument *self,
                            cairo_t         *cr,
                            guint            page)
{
  double width;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  trellis_document_paginate (self);
  g_return_if_fail (page < self->n_pages);

  width = trellis_document_get_text_width (self);
  cairo_save (cr);
  trellis_document_draw_furniture (self, cr, page);
  for (guint i = 0; i < self->placements->len; i++)
    {
      TrellisPlacement *p = &g_array_index (self->placements, TrellisPlacement, i);
      TrellisBlockArea area = { TRELLIS_MARGIN_X, p->y, width, p->from, p->to };

      if (p->page == page)
        p->block->klass->draw (p->block, cr, &area);
    }
  cairo_restore (cr);
}

typedef struct
{
  TrellisDocument             *document;
  GCancellable                *cancellable;
  TrellisDocumentProgressFunc  progress;
  gpointer                     user_data;
} PdfDrawing;

static gboolean
draw_pdf_page (cairo_t  *cr,
               guint     page,
               gpointer  user_data,
               GError  **error)
{
  PdfDrawing *drawing = user_data;

  if (g_cancellable_set_error_if_cancelled (drawing->cancellable, error))
    return FALSE;
  trellis_document_draw_page (drawing->document, cr, page);
  if (drawing->progress != NULL)
    drawing->progress (page + 1, drawing->document->n_pages, drawing->user_data);
  return TRUE;
}

/**
 * trellis_document_write_pdf_full:
 * @cancellable: (nullable): stops the writing between two pages
 * @progress: (nullable): called after each page is drawn, on the calling thread
 *
 * Writes the document as a PDF at @path, readable by its owner only (0600), like the
 * database the details come from; see trellis_pdf_write(). A cancelled or failed export
 * leaves nothing behind and any file already at @path as it was.
 */
gboolean
trellis_document_write_pdf_full (TrellisDocument              *self,
                                 const char                   *path,
                                 GCancellable                 *cancellable,
                                 TrellisDocumentProgressFunc   progress,
                                 gpointer                      user_data,
                                 GError                      **error)
{
  PdfDrawing drawing = { self, cancellable, progress, user_data };
  guint n_pages;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  n_pages = trellis_document_paginate (self);
  return trellis_pdf_write (path, self->title, self->page_width, self->page_height, n_pages,
                            draw_pdf_page, &drawing, error);
}

gboolean
trellis_document_write_pdf (TrellisDocument  *self,
                            const char       *path,
                            GError          **error)
{
  return trellis_document_write_pdf_full (self, path, NULL, NULL, NULL, error);
}
