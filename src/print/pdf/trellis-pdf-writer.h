/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-pdf-writer.h: writing PDFs with cairo, privately and all or nothing
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws one page (from 0) on @cr; returns FALSE with @error set to stop the writing. */
typedef gboolean (*TrellisPdfDrawPageFunc) (cairo_t  *cr,
                                            guint     page,
                                            gpointer  user_data,
                                            GError  **error);

gboolean trellis_pdf_write (const char              *path,
                            const char              *title,
                            double                   page_width,
                            double                   page_height,
                            guint                    n_pages,
                            TrellisPdfDrawPageFunc   draw_page,
                            gpointer                 user_data,
                            GError                 **error);

G_END_DECLS
