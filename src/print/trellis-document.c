/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-document.c: blocks laid out with Pango, split into A4 pages, drawn with cairo
 *
 * A document is a list of blocks (title, heading, paragraph, label/value field, table row).
 * Pagination measures each block once with Pango and places it on a page: paragraphs break
 * between lines, table rows stay whole and repeat their table's header on a new page, a
 * heading never ends a page. Drawing is the same for a PDF surface and a GtkPrintContext,
 * so what is exported is what is printed. Pango shapes every script through HarfBuzz and
 * runs right-to-left text right-to-left.
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "trellis-date.h"
#include "trellis-document.h"
#include "trellis-error.h"

#define MARGIN_X       56.0
#define MARGIN_TOP     72.0
#define MARGIN_BOTTOM  64.0
#define CELL_PAD       4.0
#define FONT_FAMILY    "Noto Sans, Noto Naskh Arabic, Noto Sans Bengali, DejaVu Sans"

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_FIELD,
  BLOCK_TABLE_ROW,
} BlockKind;

typedef struct _Table Table;

typedef struct
{
  BlockKind  kind;
  GPtrArray *layouts;   /* PangoLayout: one per column (title: title and subtitle) */
  Table     *table;     /* for table rows */
  gboolean   is_header; /* the header row of its table */
  double     height;    /* measured, without spacing */
  double     space_before;
  double     space_after;
} Block;

struct _Table
{
  guint    n_columns;
  double  *widths;     /* fractions of the text width */
  Block   *header;
};

/* One block, or a run of a paragraph's lines, at a place on a page. */
typedef struct
{
  guint  page;
  double y;
  Block *block;
  double from;  /* the part of the block's layout shown: [from, to) in layout units */
  double to;
} Placement;

struct _TrellisDocument
{
  GObject       parent_instance;

  char         *title;
  char         *header_left;
  char         *header_right;
  char         *footer_left;
  GDateTime    *printed;
  double        page_width;
  double        page_height;

  PangoContext *context;
  GPtrArray    *blocks;      /* Block */
  GPtrArray    *tables;      /* Table */
  Table        *open_table;
  GArray       *placements;  /* Placement */
  guint         n_pages;
  gboolean      paginated;
};

G_DEFINE_FINAL_TYPE (TrellisDocument, trellis_document, G_TYPE_OBJECT)

static void
block_free (Block *block)
{
  g_ptr_array_unref (block->layouts);
  g_free (block);
}

static void
table_free (Table *table)
{
  g_free (table->widths);
  g_free (table);
}

static double
text_width (TrellisDocument *self)
{
  return self->page_width - 2 * MARGIN_X;
}

static PangoLayout *
make_layout (TrellisDocument *self,
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

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return pango_units_to_double (h);
}

static Block *
add_block (TrellisDocument *self,
           BlockKind        kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->blocks, block);
  self->paginated = FALSE;

  if (kind != BLOCK_TABLE_ROW)
    self->open_table = NULL;

  return block;
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
  g_clear_pointer (&self->tables, g_ptr_array_unref);
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
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->printed = trellis_date_today ();

  /* Points as units and no hinting: the layout is the same on paper, in a PDF and on screen. */
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* a left-to-right document; cells keep this direction, paragraphs follow their text */
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
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

void
trellis_document_set_header (TrellisDocument *self,
                             const char      *left,
                             const char      *right)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  g_free (self->header_left);
  self->header_left = g_strdup (left);
  g_free (self->header_right);
  self->header_right = g_strdup (right);
}

void
trellis_document_set_footer (TrellisDocument *self,
                             const char      *left)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  g_free (self->footer_left);
  self->footer_left = g_strdup (left);
}

void
trellis_document_set_printed_date (TrellisDocument *self,
                                   GDateTime       *date)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (date != NULL);

  g_clear_pointer (&self->printed, g_date_time_unref);
  self->printed = g_date_time_ref (date);
}

/* Changing the paper (from a print dialog) lays every block out again. */
void
trellis_document_set_page_size (TrellisDocument *self,
                                double           width,
                                double           height)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (width > 2 * MARGIN_X && height > MARGIN_TOP + MARGIN_BOTTOM + 72);

  if (width == self->page_width && height == self->page_height)
    return;

  self->page_width = width;
  self->page_height = height;
  self->paginated = FALSE;
}

void
trellis_document_add_title (TrellisDocument *self,
                            const char      *title,
                            const char      *subtitle)
{
  Block *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = add_block (self, BLOCK_TITLE);
  g_ptr_array_add (block->layouts, make_layout (self, title, FONT_FAMILY " Bold 20", 0, FALSE));
  if (subtitle != NULL)
    g_ptr_array_add (block->layouts, make_layout (self, subtitle, FONT_FAMILY " 15", 0, FALSE));
  block->space_after = 10;
}

void
trellis_document_add_heading (TrellisDocument *self,
                              const char      *text)
{
  Block *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = add_block (self, BLOCK_HEADING);
  g_ptr_array_add (block->layouts, make_layout (self, text, FONT_FAMILY " Bold 13", 0, TRUE));
  block->space_before = 16;
  block->space_after = 6;
}

void
trellis_document_add_paragraph (TrellisDocument *self,
                                const char      *text)
{
  Block *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = add_block (self, BLOCK_PARAGRAPH);
  g_ptr_array_add (block->layouts, make_layout (self, text, FONT_FAMILY " 10.5", 0, TRUE));
  block->space_after = 6;
}

/* A label and its value; consecutive fields make a two-column table. */
void
trellis_document_add_field (TrellisDocument *self,
                            const char      *label,
                            const char      *value)
{
  Block *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = add_block (self, BLOCK_FIELD);
  g_ptr_array_add (block->layouts, make_layout (self, label, FONT_FAMILY " Bold 10", 0, FALSE));
  g_ptr_array_add (block->layouts, make_layout (self, value != NULL && *value ? value : "—",
                                                FONT_FAMILY " 10", 0, FALSE));
}

/**
 * trellis_document_begin_table:
 * @widths: each column's share of the text width; they add up to 1
 *
 * Starts a table; the rows that follow belong to it until another kind of block.
 */
void
trellis_document_begin_table (TrellisDocument *self,
                              guint            n_columns,
                              const char     **headers,
                              const double    *widths)
{
  Table *table;
  Block *header;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (n_columns > 0 && headers != NULL && widths != NULL);

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  g_ptr_array_add (self->tables, table);

  header = add_block (self, BLOCK_TABLE_ROW);
  header->table = table;
  header->is_header = TRUE;
  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (header->layouts, make_layout (self, headers[i], FONT_FAMILY " Bold 9.5",
                                                   0, FALSE));
  table->header = header;
  self->open_table = table;
}

void
trellis_document_add_row (TrellisDocument *self,
                          const char     **cells)
{
  Block *block;
  Table *table;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);

  table = self->open_table;
  block = add_block (self, BLOCK_TABLE_ROW);
  block->table = table;
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (block->layouts, make_layout (self, cells[i] != NULL ? cells[i] : "",
                                                  FONT_FAMILY " 9.5", 0, FALSE));
}

/* Sets widths for the current paper and measures each block. */
static void
measure (TrellisDocument *self,
         Block           *block)
{
  double width = text_width (self);

  switch (block->kind)
    {
    case BLOCK_TITLE:
    case BLOCK_HEADING:
    case BLOCK_PARAGRAPH:
      block->height = 0;
      for (guint i = 0; i < block->layouts->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (block->layouts, i);
          pango_layout_set_width (layout, pango_units_from_double (width));
          block->height += layout_height (layout) + (i > 0 ? 2 : 0);
        }
      break;

    case BLOCK_FIELD:
      {
        PangoLayout *label = g_ptr_array_index (block->layouts, 0);
        PangoLayout *value = g_ptr_array_index (block->layouts, 1);
        pango_layout_set_width (label, pango_units_from_double (width * 0.34 - 2 * CELL_PAD));
        pango_layout_set_width (value, pango_units_from_double (width * 0.66 - 2 * CELL_PAD));
        block->height = MAX (layout_height (label), layout_height (value)) + 2 * CELL_PAD;
      }
      break;

    case BLOCK_TABLE_ROW:
      block->height = 0;
      for (guint i = 0; i < block->layouts->len; i++)
        {
          PangoLayout *layout = g_ptr_array_index (block->layouts, i);
          pango_layout_set_width (layout, pango_units_from_double (width * block->table->widths[i]
                                                                   - 2 * CELL_PAD));
          block->height = MAX (block->height, layout_height (layout));
        }
      block->height += 2 * CELL_PAD;
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
place (TrellisDocument *self,
       guint            page,
       double           y,
       Block           *block,
       double           from,
       double           to)
{
  Placement p = { page, y, block, from, to };
  g_array_append_val (self->placements, p);
}

/**
 * trellis_document_paginate:
 *
 * Lays the document out on pages. Returns: the number of pages.
 */
guint
trellis_document_paginate (TrellisDocument *self)
{
  double top = MARGIN_TOP, bottom;
  double y;
  guint page = 0;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);

  if (self->paginated)
    return self->n_pages;

  bottom = self->page_height - MARGIN_BOTTOM;
  y = top;
  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    measure (self, g_ptr_array_index (self->blocks, i));

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      Block *next = i + 1 < self->blocks->len ? g_ptr_array_index (self->blocks, i + 1) : NULL;
      double before = y > top ? block->space_before : 0;
      double needed = block->height;

      /* a heading, or a table's header, keeps at least the start of what follows with it */
      if ((block->kind == BLOCK_HEADING || block->is_header) && next != NULL)
        needed += next->space_before + MIN (next->height, 40);

      if (y + before + needed > bottom && y > top)
        {
          if (block->kind == BLOCK_PARAGRAPH)
            {
              /* fill this page with as many whole lines as fit, carry on with the rest */
              PangoLayout *layout = g_ptr_array_index (block->layouts, 0);
              PangoLayoutIter *iter = pango_layout_get_iter (layout);
              double from = 0, avail = bottom - (y + before);
              double line_top = 0;

              do
                {
                  int y0, y1;
                  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
                  if (pango_units_to_double (y1) - from > avail)
                    {
                      line_top = pango_units_to_double (y0);
                      if (line_top > from)
                        place (self, page, y + before, block, from, line_top);
                      page++;
                      y = top;
                      before = 0;
                      from = line_top;
                      avail = bottom - top;
                    }
                }
              while (pango_layout_iter_next_line (iter));
              pango_layout_iter_free (iter);

              place (self, page, y, block, from, block->height);
              y += block->height - from + block->space_after;
              continue;
            }

          page++;
          y = top;
          before = 0;
          if (block->kind == BLOCK_TABLE_ROW && !block->is_header)
            {
              /* the table's header again at the top of the new page */
              Block *header = block->table->header;
              place (self, page, y, header, 0, header->height);
              y += header->height;
            }
        }

      y += before;
      place (self, page, y, block, 0, block->height);
      y += block->height + block->space_after;
    }

  self->n_pages = page + 1;
  self->paginated = TRUE;
  return self->n_pages;
}

guint
trellis_document_get_n_pages (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);
  return trellis_document_paginate (self);
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_small_text (TrellisDocument *self,
                 cairo_t         *cr,
                 const char      *text,
                 const char      *font,
                 double           y,
                 PangoAlignment   alignment)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL)
    return;

  layout = make_layout (self, text, font, text_width (self), FALSE);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  show_layout_at (cr, layout, MARGIN_X, y);
}

static void
draw_furniture (TrellisDocument *self,
                cairo_t         *cr,
                guint            page)
{
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autofree char *date = trellis_date_format (self->printed);
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);
  double footer_y = self->page_height - MARGIN_BOTTOM + 22;

  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  draw_small_text (self, cr, self->header_left, FONT_FAMILY " 9", 34, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, 0.6, 0.05, 0.05);
  draw_small_text (self, cr, self->header_right, FONT_FAMILY " Bold 9", 34, PANGO_ALIGN_RIGHT);

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, 50);
  cairo_line_to (cr, self->page_width - MARGIN_X, 50);
  cairo_move_to (cr, MARGIN_X, footer_y - 6);
  cairo_line_to (cr, self->page_width - MARGIN_X, footer_y - 6);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  draw_small_text (self, cr, self->footer_left, FONT_FAMILY " 8.5", footer_y, PANGO_ALIGN_LEFT);
  draw_small_text (self, cr, page_text, FONT_FAMILY " 8.5", footer_y, PANGO_ALIGN_CENTER);
  draw_small_text (self, cr, printed, FONT_FAMILY " 8.5", footer_y, PANGO_ALIGN_RIGHT);
}

static void
draw_block (TrellisDocument *self,
            cairo_t         *cr,
            Placement       *p)
{
  Block *block = p->block;
  double width = text_width (self);

  switch (block->kind)
    {
    case BLOCK_TITLE:
      {
        double y = p->y;
        for (guint i = 0; i < block->layouts->len; i++)
          {
            PangoLayout *layout = g_ptr_array_index (block->layouts, i);
            if (i == 0)
              cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
            else
              cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
            show_layout_at (cr, layout, MARGIN_X, y);
            y += layout_height (layout) + 2;
          }
      }
      break;

    case BLOCK_HEADING:
      cairo_set_source_rgb (cr, 0.11, 0.32, 0.45);
      show_layout_at (cr, g_ptr_array_index (block->layouts, 0), MARGIN_X, p->y);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, MARGIN_X, p->y + block->height + 2);
      cairo_line_to (cr, MARGIN_X + width, p->y + block->height + 2);
      cairo_stroke (cr);
      break;

    case BLOCK_PARAGRAPH:
      cairo_save (cr);
      cairo_rectangle (cr, MARGIN_X - 2, p->y, width + 4, p->to - p->from);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_layout_at (cr, g_ptr_array_index (block->layouts, 0), MARGIN_X, p->y - p->from);
      cairo_restore (cr);
      break;

    case BLOCK_FIELD:
      cairo_set_source_rgb (cr, 0.94, 0.95, 0.96);
      cairo_rectangle (cr, MARGIN_X, p->y, width * 0.34, block->height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      show_layout_at (cr, g_ptr_array_index (block->layouts, 0), MARGIN_X + CELL_PAD,
                      p->y + CELL_PAD);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_layout_at (cr, g_ptr_array_index (block->layouts, 1), MARGIN_X + width * 0.34 + CELL_PAD,
                      p->y + CELL_PAD);
      cairo_set_source_rgb (cr, 0.82, 0.83, 0.85);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_X, p->y + block->height);
      cairo_line_to (cr, MARGIN_X + width, p->y + block->height);
      cairo_stroke (cr);
      break;

    case BLOCK_TABLE_ROW:
      {
        double x = MARGIN_X;

        if (block->is_header)
          {
            cairo_set_source_rgb (cr, 0.87, 0.91, 0.94);
            cairo_rectangle (cr, MARGIN_X, p->y, width, block->height);
            cairo_fill (cr);
          }
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        for (guint i = 0; i < block->layouts->len; i++)
          {
            show_layout_at (cr, g_ptr_array_index (block->layouts, i), x + CELL_PAD,
                            p->y + CELL_PAD);
            x += width * block->table->widths[i];
          }
        cairo_set_source_rgb (cr, 0.82, 0.83, 0.85);
        cairo_set_line_width (cr, 0.5);
        cairo_move_to (cr, MARGIN_X, p->y + block->height);
        cairo_line_to (cr, MARGIN_X + width, p->y + block->height);
        cairo_stroke (cr);
      }
      break;

    default:
      g_assert_not_reached ();
    }
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
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  trellis_document_paginate (self);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  draw_furniture (self, cr, page);
  for (guint i = 0; i < self->placements->len; i++)
    {
      Placement *p = &g_array_index (self->placements, Placement, i);
      if (p->page == page)
        draw_block (self, cr, p);
    }
  cairo_restore (cr);
}

typedef struct
{
  int fd;
  int saved_errno;
} PdfSink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/**
 * trellis_document_write_pdf:
 *
 * Writes the document as a PDF at @path, readable by its owner only (0600), like the
 * database the details come from. The PDF is written to a new file beside @path and moved
 * into place only when complete: a failed export leaves no half file, and nobody else can
 * read it while it is written.
 */
gboolean
trellis_document_write_pdf (TrellisDocument  *self,
                            const char       *path,
                            GError          **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  PdfSink sink = { -1, 0 };
  guint n_pages;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_pages = trellis_document_paginate (self);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_name = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (dir, temp_name, NULL);
  sink.fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink, self->page_width,
                                                 self->page_height);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Trellis");
  cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      trellis_document_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.saved_errno = errno;
  if (!g_close (sink.fd, NULL) && sink.saved_errno == 0)
    sink.saved_errno = EIO;
  if (status == CAIRO_STATUS_SUCCESS && sink.saved_errno == 0 && g_rename (temp_path, path) != 0)
    sink.saved_errno = errno;

  if (status != CAIRO_STATUS_SUCCESS || sink.saved_errno != 0)
    {
      g_unlink (temp_path);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path,
                   sink.saved_errno != 0 ? g_strerror (sink.saved_errno)
                                         : cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
