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
draw_title (TrellisBlock           *block,
            cairo_t                *cr,
            const TrellisBlockArea *area)
{
  double y = area->y;

  for (guint i = 0; i < block->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (block->layouts, i);

      if (i == 0)
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      else
        cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      trellis_layout_show_at (cr, layout, area->x, y);
      y += trellis_layout_get_height (layout) + 2;
    }
}

static void
draw_heading (TrellisBlock           *block,
              cairo_t                *cr,
              const TrellisBlockArea *area)
{
  double rule = area->y + block->height + 2;

  cairo_set_source_rgb (cr, 0.11, 0.32, 0.45);
  trellis_layout_show_at (cr, g_ptr_array_index (block->layouts, 0), area->x, area->y);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, area->x, rule);
  cairo_line_to (cr, area->x + area->width, rule);
  cairo_stroke (cr);
}

/* Only the lines in the area: the rest of the paragraph is on another page. */
static void
draw_paragraph (TrellisBlock           *block,
                cairo_t                *cr,
                const TrellisBlockArea *area)
{
  cairo_save (cr);
  cairo_rectangle (cr, area->x - 2, area->y, area->width + 4, area->to - area->from);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  trellis_layout_show_at (cr, g_ptr_array_index (block->layouts, 0), area->x,
                          area->y - area->from);
  cairo_restore (cr);
}

static const TrellisBlockClass title_class = { measure_stacked, draw_title, NULL };
static const TrellisBlockClass heading_class = { measure_stacked, draw_heading, NULL };
static const TrellisBlockClass paragraph_class = { measure_stacked, draw_paragraph, NULL };

/* A block of one text, with the space it keeps above and below */
static TrellisBlock *
add_text_block (TrellisDocument         *self,
                const TrellisBlockClass *klass,
                const char              *text,
                const char              *font,
                gboolean                 follow_text_direction,
                double                   space_before,
                double                   space_after)
{
  TrellisBlock *block = trellis_document_append_block (self, klass);

  trellis_block_add_text (block, self, text, font, follow_text_direction);
  block->space_before = space_before;
  block->space_after = space_after;
  return block;
}

void
trellis_document_add_title (TrellisDocument *self,
                            const char      *title,
                            const char      *subtitle)
{
  TrellisBlock *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = add_text_block (self, &title_class, title, TRELLIS_FONT_FAMILY " Bold 20", FALSE, 0, 10);
  if (subtitle != NULL)
    trellis_block_add_text (block, self, subtitle, TRELLIS_FONT_FAMILY " 15", FALSE);
}

/* A heading takes its direction from its text, and never ends a page. */
void
trellis_document_add_heading (TrellisDocument *self,
                              const char      *text)
{
  TrellisBlock *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = add_text_block (self, &heading_class, text, TRELLIS_FONT_FAMILY " Bold 13", TRUE, 16, 6);
  block->keep_with_next = TRUE;
}

/* A paragraph takes its direction from its text, and may break between its lines. */
void
trellis_document_add_paragraph (TrellisDocument *self,
                                const char      *text)
{
  TrellisBlock *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = add_text_block (self, &paragraph_class, text, TRELLIS_FONT_FAMILY " 10.5", TRUE, 0, 6);
  block->splits_by_line = TRUE;
}
