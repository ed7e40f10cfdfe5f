/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-page-furniture.c: what every page carries: the header, the footer and its page number
 *
 * The header names the home and the document's protective marking; the footer names whose
 * document it is, which page of how many, and when it was printed, so a page found on its
 * own says what it belongs to.
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-document-private.h"

#define HEADER_Y     34.0
#define HEADER_RULE  50.0
#define FOOTER_ABOVE 22.0  /* the footer's text below the text area's foot */

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

/* One line across the text width, cut short with an ellipsis rather than wrapped. */
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

  layout = trellis_document_make_layout (self, text, font,
                                         trellis_document_get_text_width (self), FALSE);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  trellis_layout_show_at (cr, layout, TRELLIS_MARGIN_X, y);
}

/* Called by trellis_document_draw_page(), after pagination: it knows the number of pages. */
void
trellis_document_draw_furniture (TrellisDocument *self,
                                 cairo_t         *cr,
                                 guint            page)
{
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autofree char *date = trellis_date_format (self->printed);
  g_autofree char *printed = g_strdup_printf (_("Printed %s"), date);
  double footer_y = self->page_height - TRELLIS_MARGIN_BOTTOM + FOOTER_ABOVE;
  double right = self->page_width - TRELLIS_MARGIN_X;

  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  draw_small_text (self, cr, self->header_left, TRELLIS_FONT_FAMILY " 9", HEADER_Y,
                   PANGO_ALIGN_LEFT);
  /* the protective marking in red, as on the paper forms */
  cairo_set_source_rgb (cr, 0.6, 0.05, 0.05);
  draw_small_text (self, cr, self->header_right, TRELLIS_FONT_FAMILY " Bold 9", HEADER_Y,
                   PANGO_ALIGN_RIGHT);

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, TRELLIS_MARGIN_X, HEADER_RULE);
  cairo_line_to (cr, right, HEADER_RULE);
  cairo_move_to (cr, TRELLIS_MARGIN_X, footer_y - 6);
  cairo_line_to (cr, right, footer_y - 6);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  draw_small_text (self, cr, self->footer_left, TRELLIS_FONT_FAMILY " 8.5", footer_y,
                   PANGO_ALIGN_LEFT);
  draw_small_text (self, cr, page_text, TRELLIS_FONT_FAMILY " 8.5", footer_y,
                   PANGO_ALIGN_CENTER);
  draw_small_text (self, cr, printed, TRELLIS_FONT_FAMILY " 8.5", footer_y, PANGO_ALIGN_RIGHT);
}
