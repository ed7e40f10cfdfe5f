/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-pdf-view.h: a PDF held in memory (a child's attached document), for viewing
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _TrellisPdfView TrellisPdfView;

/* Opened from the bytes the store read: never written to a file, which would leave a child's
 * document in the clear on the shared PC's disk. Not for two threads at once. */
TrellisPdfView  *trellis_pdf_view_new          (GBytes          *content,
                                                GError         **error);
TrellisPdfView  *trellis_pdf_view_ref          (TrellisPdfView  *self);
void             trellis_pdf_view_unref        (TrellisPdfView  *self);
guint            trellis_pdf_view_get_n_pages  (TrellisPdfView  *self);
/* The page's size in points */
void             trellis_pdf_view_get_size     (TrellisPdfView  *self,
                                                guint            page,
                                                double          *width,
                                                double          *height);
/* @page at @scale (1 = 72 dots an inch), with the places of @highlight (case folded) marked */
cairo_surface_t *trellis_pdf_view_render       (TrellisPdfView  *self,
                                                guint            page,
                                                double           scale,
                                                const char      *highlight,
                                                GError         **error);
/* The first page from @from (wrapping round) with @text on it, or -1 */
int              trellis_pdf_view_find         (TrellisPdfView  *self,
                                                const char      *text,
                                                guint            from);
guint            trellis_pdf_view_count_matches (TrellisPdfView *self,
                                                guint            page,
                                                const char      *text);

/* The first page, at most @size pixels high or wide, as a PNG: the document's thumbnail */
GBytes          *trellis_pdf_view_thumbnail    (TrellisPdfView  *self,
                                                int              size,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPdfView, trellis_pdf_view_unref)

G_END_DECLS
