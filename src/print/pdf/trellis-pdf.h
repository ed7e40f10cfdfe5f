/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-pdf.h: reading PDFs with Poppler (ours, or a child's attachments)
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

char            *trellis_pdf_read_text      (const char  *path,
                                             guint       *n_pages,
                                             GError     **error);
char            *trellis_pdf_normalise_text (const char  *text);
cairo_surface_t *trellis_pdf_render_page    (const char  *path,
                                             guint        page,
                                             double       scale,
                                             GError     **error);
GArray          *trellis_pdf_find_text      (const char  *path,
                                             guint        page,
                                             const char  *text,
                                             GError     **error);
GArray          *trellis_pdf_find_images    (const char  *path,
                                             guint        page,
                                             GError     **error);

G_END_DECLS
