/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-block-text.c: text blocks: the document's title, headings and paragraphs
 *
 * A heading keeps the start of what follows it on its page; a paragraph breaks between its
 * lines when it reaches the foot of a page.
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include "trellis-document-private.h"

/* Each layout full width, one under the other. */
static void
measure_stacked (TrellisBlock *block,
                 double        width,
                 double        page_body_height)
{
  block->height = 0;
  for (guint i = 0; i < block->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (block->layouts, i);

      pango_layout_set_width (layout, pango_units_from_double (width));
      block->height += trellis_layout_get_height (layout) + (i > 0 ? 2 : 0);
    }
}

static void
draw_title (TrellisBlock *block,
            cairo_t      *cr,
            double        x,
            double        y,
            double        width,
            double        from,
            double        to)
{
  for (guint i = 0; i < block->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (block->layouts, i);

      if (i == 0)
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      else
        cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      trellis_layout_show_at (cr, layout, x, y);
      y += trellis_layout_get_height (layout) + 2;
    }
}

static void
draw_heading (TrellisBlock *block,
              cairo_t      *cr,
              double        x,
              double        y,
              double        width,
              double        from,
              double        to)
{
  cairo_set_source_rgb (cr, 0.11, 0.32, 0.45);
  trellis_layout_show_at (cr, g_ptr_array_index (block->layouts, 0), x, y);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x, y + block->height + 2);
  cairo_line_to (cr, x + width, y + block->height + 2);
  cairo_stroke (cr);
}

/* Only the lines in [from, to): the rest of the paragraph is on another page. */
static void
draw_paragraph (TrellisBlock *block,
                cairo_t      *cr,
                double        x,
                double        y,
                double        width,
                double        from,
                double        to)
{
  cairo_save (cr);
  cairo_rectangle (cr, x - 2, y, width + 4, to - from);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  trellis_layout_show_at (cr, g_ptr_array_index (block->layouts, 0), x, y - from);
  cairo_restore (cr);
}

static const TrellisBlockClass title_class = { measure_stacked, draw_title, NULL };
static const TrellisBlockClass heading_class = { measure_stacked, draw_heading, NULL };
static const TrellisBlockClass paragraph_class = { measure_stacked, draw_paragraph, NULL };

void
trellis_document_add_title (TrellisDocument *self,
                            const char      *title,
                            const char      *subtitle)
{
  TrellisBlock *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = trellis_document_append_block (self, &title_class);
  g_ptr_array_add (block->layouts, trellis_document_make_layout (self, title,
                                                                 TRELLIS_FONT_FAMILY " Bold 20",
                                                                 0, FALSE));
  if (subtitle != NULL)
    g_ptr_array_add (block->layouts, trellis_document_make_layout (self, subtitle,
                                                                   TRELLIS_FONT_FAMILY " 15",
                                                                   0, FALSE));
  block->space_after = 10;
}

void
trellis_document_add_heading (TrellisDocument *self,
                              const char      *text)
{
  TrellisBlock *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = trellis_document_append_block (self, &heading_class);
  g_ptr_array_add (block->layouts, trellis_document_make_layout (self, text,
                                                                 TRELLIS_FONT_FAMILY " Bold 13",
                                                                 0, TRUE));
  block->space_before = 16;
  block->space_after = 6;
  block->keep_with_next = TRUE;
}

void
trellis_document_add_paragraph (TrellisDocument *self,
                                const char      *text)
{
  TrellisBlock *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = trellis_document_append_block (self, &paragraph_class);
  g_ptr_array_add (block->layouts, trellis_document_make_layout (self, text,
                                                                 TRELLIS_FONT_FAMILY " 10.5",
                                                                 0, TRUE));
  block->space_after = 6;
  block->splits_by_line = TRUE;
}
