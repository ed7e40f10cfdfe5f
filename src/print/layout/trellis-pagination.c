/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-pagination.c: places a document's blocks on pages
 *
 * Each block is measured once for the paper and placed in order: a block that does not fit
 * starts a new page, unless it may break between its lines (a paragraph), when the page is
 * filled with as many whole lines as fit. A block that keeps with the next (a heading, a
 * table's header) takes the start of what follows into account, so it never ends a page; a
 * row that starts a page brings its table's header with it.
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include "trellis-document-private.h"

/* How much of the next block a heading keeps with it, at the most */
#define KEEP_WITH_NEXT_MAX 40.0

typedef struct
{
  TrellisDocument *document;
  double           top;
  double           bottom;
  guint            page;
  double           y;
} Paginator;

static void
place (Paginator    *p,
       double        y,
       TrellisBlock *block,
       double        from,
       double        to)
{
  TrellisPlacement placement = { p->page, y, block, from, to };

  g_array_append_val (p->document->placements, placement);
}

static void
new_page (Paginator *p)
{
  p->page++;
  p->y = p->top;
}

/* Fills this page with as many whole lines of @block as fit and carries on with the rest. */
static void
place_by_line (Paginator    *p,
               TrellisBlock *block,
               double        before)
{
  PangoLayout *layout = g_ptr_array_index (block->layouts, 0);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double from = 0, avail = p->bottom - (p->y + before);
  double line_top = 0;

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (pango_units_to_double (y1) - from > avail)
        {
          line_top = pango_units_to_double (y0);
          if (line_top > from)
            place (p, p->y + before, block, from, line_top);
          new_page (p);
          before = 0;
          from = line_top;
          avail = p->bottom - p->top;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  place (p, p->y, block, from, block->height);
  p->y += block->height - from + block->space_after;
}

/**
 * trellis_document_paginate:
 *
 * Lays the document out on pages. Returns: the number of pages.
 */
guint
trellis_document_paginate (TrellisDocument *self)
{
  Paginator p = { self, TRELLIS_MARGIN_TOP, 0, 0, TRELLIS_MARGIN_TOP };
  double width;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);

  if (self->paginated)
    return self->n_pages;

  p.bottom = self->page_height - TRELLIS_MARGIN_BOTTOM;
  width = trellis_document_get_text_width (self);
  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      TrellisBlock *block = g_ptr_array_index (self->blocks, i);

      block->klass->measure (block, width, p.bottom - p.top);
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      TrellisBlock *block = g_ptr_array_index (self->blocks, i);
      TrellisBlock *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1)
                                                     : NULL;
      double before = p.y > p.top ? block->space_before : 0;
      double needed = block->height;

      /* the space under a heading counts too, or a heading could end a page by a few points */
      if (block->keep_with_next && next != NULL)
        needed += block->space_after + next->space_before + MIN (next->height, KEEP_WITH_NEXT_MAX);

      if (p.y + before + needed > p.bottom && p.y > p.top)
        {
          if (block->splits_by_line)
            {
              place_by_line (&p, block, before);
              continue;
            }

          new_page (&p);
          before = 0;
          if (block->repeat_header != NULL)
            {
              TrellisBlock *header = block->repeat_header;

              place (&p, p.y, header, 0, header->height);
              p.y += header->height;
            }
        }

      p.y += before;
      place (&p, p.y, block, 0, block->height);
      p.y += block->height + block->space_after;
    }

  self->n_pages = p.page + 1;
  self->paginated = TRUE;
  return self->n_pages;
}

guint
trellis_document_get_n_pages (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);
  return trellis_document_paginate (self);
}
