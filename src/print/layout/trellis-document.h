/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-document.h: a small page-layout engine for printed documents
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_DOCUMENT (trellis_document_get_type ())
G_DECLARE_FINAL_TYPE (TrellisDocument, trellis_document, TRELLIS, DOCUMENT, GObject)

/* A4 in points */
#define TRELLIS_PAGE_WIDTH  595.276
#define TRELLIS_PAGE_HEIGHT 841.89

/* Told after each page is drawn: @page of @n_pages, counting from 1. */
typedef void (*TrellisDocumentProgressFunc) (guint    page,
                                             guint    n_pages,
                                             gpointer user_data);

TrellisDocument *trellis_document_new               (const char      *title);
const char      *trellis_document_get_title         (TrellisDocument *self);
void             trellis_document_set_page_size     (TrellisDocument *self,
                                                     double           width,
                                                     double           height);

/* Page furniture (trellis-page-furniture.c): on every page */
void             trellis_document_set_header        (TrellisDocument *self,
                                                     const char      *left,
                                                     const char      *right);
void             trellis_document_set_footer        (TrellisDocument *self,
                                                     const char      *left);
void             trellis_document_set_printed_date  (TrellisDocument *self,
                                                     GDateTime       *date);

/* Text (trellis-block-text.c) */
void             trellis_document_add_title         (TrellisDocument *self,
                                                     const char      *title,
                                                     const char      *subtitle);
void             trellis_document_add_heading       (TrellisDocument *self,
                                                     const char      *text);
void             trellis_document_add_paragraph     (TrellisDocument *self,
                                                     const char      *text);

/* Tables (trellis-block-table.c) */
void             trellis_document_add_field         (TrellisDocument *self,
                                                     const char      *label,
                                                     const char      *value);
void             trellis_document_begin_table       (TrellisDocument *self,
                                                     guint            n_columns,
                                                     const char     **headers,
                                                     const double    *widths);
void             trellis_document_add_row           (TrellisDocument *self,
                                                     const char     **cells);

/* Images (trellis-block-image.c) */
void             trellis_document_add_image         (TrellisDocument *self,
                                                     cairo_surface_t *image,
                                                     double           width,
                                                     const char      *caption);
gboolean         trellis_document_add_image_from_file
                                                    (TrellisDocument *self,
                                                     const char      *path,
                                                     double           width,
                                                     const char      *caption,
                                                     GError         **error);

/* Charts (trellis-block-chart.c) */
void             trellis_document_add_bar_chart     (TrellisDocument *self,
                                                     const char      *title,
                                                     guint            n_bars,
                                                     const char     **labels,
                                                     const double    *values);

/* Pagination (trellis-pagination.c) and output */
guint            trellis_document_paginate          (TrellisDocument *self);
guint            trellis_document_get_n_pages       (TrellisDocument *self);
void             trellis_document_draw_page         (TrellisDocument *self,
                                                     cairo_t         *cr,
                                                     guint            page);
gboolean         trellis_document_write_pdf         (TrellisDocument *self,
                                                     const char      *path,
                                                     GError         **error);
gboolean         trellis_document_write_pdf_full    (TrellisDocument              *self,
                                                     const char                   *path,
                                                     GCancellable                 *cancellable,
                                                     TrellisDocumentProgressFunc   progress,
                                                     gpointer                      user_data,
                                                     GError                      **error);

G_END_DECLS
