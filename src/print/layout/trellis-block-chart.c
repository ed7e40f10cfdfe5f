/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-block-chart.c: a bar chart: one labelled horizontal bar per value
 *
 * Bars run from a common axis and are as long as their value against the largest, with the
 * value written at the bar's end, so the chart reads the same on a black-and-white printer.
 * A chart stays whole on one page.
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include "trellis-document-private.h"

#define LABEL_SHARE 0.3   /* of the text width, for the labels left of the axis */
#define BAR_HEIGHT  10.0
#define ROW_PAD     3.0
#define VALUE_GAP   4.0
#define TITLE_GAP   4.0

typedef struct
{
  guint     n_bars;
  double   *values;
  gboolean  has_title;
  double    largest;
  double    bar_space;    /* the longest bar, in points */
  double   *row_heights;
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_free (chart->values);
  g_free (chart->row_heights);
  g_free (chart);
}

static PangoLayout *
bar_label (TrellisBlock *block,
           guint         i)
{
  Chart *chart = block->data;

  return g_ptr_array_index (block->layouts, (chart->has_title ? 1 : 0) + 2 * i);
}

static PangoLayout *
bar_value (TrellisBlock *block,
           guint         i)
{
  Chart *chart = block->data;

  return g_ptr_array_index (block->layouts, (chart->has_title ? 1 : 0) + 2 * i + 1);
}

static void
measure_chart (TrellisBlock *block,
               double        width,
               double        page_body_height)
{
  Chart *chart = block->data;
  double widest_value = 0;

  block->height = 0;
  if (chart->has_title)
    {
      PangoLayout *title = g_ptr_array_index (block->layouts, 0);

      pango_layout_set_width (title, pango_units_from_double (width));
      block->height += trellis_layout_get_height (title) + TITLE_GAP;
    }

  for (guint i = 0; i < chart->n_bars; i++)
    {
      PangoLayout *label = bar_label (block, i);
      PangoLayout *value = bar_value (block, i);
      int value_width;

      pango_layout_set_width (label, pango_units_from_double (width * LABEL_SHARE
                                                              - 2 * TRELLIS_CELL_PAD));
      pango_layout_get_size (value, &value_width, NULL);
      widest_value = MAX (widest_value, pango_units_to_double (value_width));
      chart->row_heights[i] = MAX (MAX (trellis_layout_get_height (label),
                                        trellis_layout_get_height (value)), BAR_HEIGHT)
                              + 2 * ROW_PAD;
      block->height += chart->row_heights[i];
    }

  chart->bar_space = MAX (width * (1 - LABEL_SHARE) - widest_value - 2 * VALUE_GAP, 0);
}

static void
draw_chart (TrellisBlock           *block,
            cairo_t                *cr,
            const TrellisBlockArea *area)
{
  Chart *chart = block->data;
  double x = area->x;
  double y = area->y;
  double axis = x + area->width * LABEL_SHARE;
  double bars_top;

  if (chart->has_title)
    {
      PangoLayout *title = g_ptr_array_index (block->layouts, 0);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      trellis_layout_show_at (cr, title, x, y);
      y += trellis_layout_get_height (title) + TITLE_GAP;
    }

  bars_top = y;
  for (guint i = 0; i < chart->n_bars; i++)
    {
      double row = chart->row_heights[i];
      double length = chart->largest > 0 ? chart->values[i] / chart->largest * chart->bar_space
                                         : 0;
      PangoLayout *value = bar_value (block, i);

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      trellis_layout_show_at (cr, bar_label (block, i), x + TRELLIS_CELL_PAD, y + ROW_PAD);

      cairo_set_source_rgb (cr, 0.11, 0.32, 0.45);
      cairo_rectangle (cr, axis, y + (row - BAR_HEIGHT) / 2, length, BAR_HEIGHT);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      trellis_layout_show_at (cr, value, axis + length + VALUE_GAP,
                              y + (row - trellis_layout_get_height (value)) / 2);
      y += row;
    }

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, axis, bars_top);
  cairo_line_to (cr, axis, y);
  cairo_stroke (cr);
}

static const TrellisBlockClass chart_class = { measure_chart, draw_chart, chart_free };

/**
 * trellis_document_add_bar_chart:
 * @title: (nullable): a line above the chart
 * @labels: (array length=n_bars): what each bar counts
 * @values: (array length=n_bars): each bar's value, none below zero
 */
void
trellis_document_add_bar_chart (TrellisDocument  *self,
                                const char       *title,
                                guint             n_bars,
                                const char      **labels,
                                const double     *values)
{
  TrellisBlock *block;
  Chart *chart;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (n_bars > 0 && labels != NULL && values != NULL);
  for (guint i = 0; i < n_bars; i++)
    g_return_if_fail (values[i] >= 0);  /* and not NaN */

  chart = g_new0 (Chart, 1);
  chart->n_bars = n_bars;
  chart->values = g_memdup2 (values, sizeof (double) * n_bars);
  chart->row_heights = g_new0 (double, n_bars);
  chart->has_title = title != NULL;

  block = trellis_document_append_block (self, &chart_class);
  block->data = chart;
  block->space_before = 8;
  block->space_after = 8;
  if (title != NULL)
    trellis_block_add_text (block, self, title, TRELLIS_FONT_FAMILY " Bold 10.5", TRUE);
  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *value = g_strdup_printf ("%g", values[i]);

      chart->largest = MAX (chart->largest, values[i]);
      trellis_block_add_text (block, self, labels[i], TRELLIS_FONT_FAMILY " 9.5", FALSE);
      /* a number on one line, however long */
      pango_layout_set_width (trellis_block_add_text (block, self, value,
                                                      TRELLIS_FONT_FAMILY " 9", FALSE), -1);
    }
}
