/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-block-table.c: tables, and label/value fields (a two-column table without a header)
 *
 * A table row stays whole on a page; a row that starts a new page brings its table's header
 * with it, and the header never ends a page on its own.
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include "trellis-document-private.h"

/* The label's share of the text width in a field */
#define FIELD_LABEL_WIDTH 0.34

struct _TrellisTable
{
  guint         n_columns;
  double       *widths;  /* fractions of the text width */
  TrellisBlock *header;  /* the header row, owned by the document */
};

static void
table_clear (TrellisTable *table)
{
  g_free (table->widths);
}

static void
table_release (gpointer table)
{
  g_rc_box_release_full (table, (GDestroyNotify) table_clear);
}

/* The thin line under a field or a row. */
static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width)
{
  cairo_set_source_rgb (cr, 0.82, 0.83, 0.85);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
}

static void
measure_field (TrellisBlock *block,
               double        width,
               double        page_body_height)
{
  PangoLayout *label = g_ptr_array_index (block->layouts, 0);
  PangoLayout *value = g_ptr_array_index (block->layouts, 1);

  pango_layout_set_width (label, pango_units_from_double (width * FIELD_LABEL_WIDTH
                                                          - 2 * TRELLIS_CELL_PAD));
  pango_layout_set_width (value, pango_units_from_double (width * (1 - FIELD_LABEL_WIDTH)
                                                          - 2 * TRELLIS_CELL_PAD));
  block->height = MAX (trellis_layout_get_height (label), trellis_layout_get_height (value))
                  + 2 * TRELLIS_CELL_PAD;
}

static void
draw_field (TrellisBlock           *block,
            cairo_t                *cr,
            const TrellisBlockArea *area)
{
  double label_width = area->width * FIELD_LABEL_WIDTH;

  cairo_set_source_rgb (cr, 0.94, 0.95, 0.96);
  cairo_rectangle (cr, area->x, area->y, label_width, block->height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  trellis_layout_show_at (cr, g_ptr_array_index (block->layouts, 0), area->x + TRELLIS_CELL_PAD,
                          area->y + TRELLIS_CELL_PAD);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  trellis_layout_show_at (cr, g_ptr_array_index (block->layouts, 1),
                          area->x + label_width + TRELLIS_CELL_PAD, area->y + TRELLIS_CELL_PAD);
  draw_rule (cr, area->x, area->y + block->height, area->width);
}

static void
measure_row (TrellisBlock *block,
             double        width,
             double        page_body_height)
{
  TrellisTable *table = block->data;

  block->height = 0;
  for (guint i = 0; i < block->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (block->layouts, i);

      pango_layout_set_width (layout, pango_units_from_double (width * table->widths[i]
                                                               - 2 * TRELLIS_CELL_PAD));
      block->height = MAX (block->height, trellis_layout_get_height (layout));
    }
  block->height += 2 * TRELLIS_CELL_PAD;
}

static void
draw_row (TrellisBlock           *block,
          cairo_t                *cr,
          const TrellisBlockArea *area)
{
  TrellisTable *table = block->data;
  double cell_x = area->x;

  if (block == table->header)
    {
      cairo_set_source_rgb (cr, 0.87, 0.91, 0.94);
      cairo_rectangle (cr, area->x, area->y, area->width, block->height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < block->layouts->len; i++)
    {
      trellis_layout_show_at (cr, g_ptr_array_index (block->layouts, i),
                              cell_x + TRELLIS_CELL_PAD, area->y + TRELLIS_CELL_PAD);
      cell_x += area->width * table->widths[i];
    }
  draw_rule (cr, area->x, area->y + block->height, area->width);
}

static const TrellisBlockClass field_class = { measure_field, draw_field, NULL };
static const TrellisBlockClass row_class = { measure_row, draw_row, table_release };

/* A label and its value; consecutive fields make a two-column table. */
void
trellis_document_add_field (TrellisDocument *self,
                            const char      *label,
                            const char      *value)
{
  TrellisBlock *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  block = trellis_document_append_block (self, &field_class);
  trellis_block_add_text (block, self, label, TRELLIS_FONT_FAMILY " Bold 10", FALSE);
  trellis_block_add_text (block, self, value != NULL && *value ? value : "—",
                          TRELLIS_FONT_FAMILY " 10", FALSE);
}

/* One row of @table, its cells in @font. */
static TrellisBlock *
append_row (TrellisDocument  *self,
            TrellisTable     *table,
            const char      **cells,
            const char       *font)
{
  TrellisBlock *block = trellis_document_append_block (self, &row_class);

  block->data = g_rc_box_acquire (table);
  for (guint i = 0; i < table->n_columns; i++)
    trellis_block_add_text (block, self, cells[i] != NULL ? cells[i] : "", font, FALSE);
  self->open_table = table;
  return block;
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
  TrellisTable *table;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (n_columns > 0 && headers != NULL && widths != NULL);

  table = g_rc_box_new0 (TrellisTable);
  table->n_columns = n_columns;
  table->widths = g_memdup2 (widths, sizeof (double) * n_columns);
  table->header = append_row (self, table, headers, TRELLIS_FONT_FAMILY " Bold 9.5");
  table->header->keep_with_next = TRUE;
  table_release (table);  /* the rows hold it now */
}

void
trellis_document_add_row (TrellisDocument *self,
                          const char     **cells)
{
  TrellisBlock *block;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (self->open_table != NULL);

  block = append_row (self, self->open_table, cells, TRELLIS_FONT_FAMILY " 9.5");
  block->repeat_header = self->open_table->header;
}
