/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-document-viewer.h: a document attached to a child's file, on screen
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DOCUMENT_VIEWER (trellis_document_viewer_get_type ())
G_DECLARE_FINAL_TYPE (TrellisDocumentViewer, trellis_document_viewer, TRELLIS, DOCUMENT_VIEWER,
                      AdwWindow)

TrellisDocumentViewer *trellis_document_viewer_new      (GtkWindow             *parent,
                                                         TrellisContext        *context,
                                                         TrellisAttachment     *attachment);
/* For the tests: what is shown, and whether a page is still being drawn */
guint                  trellis_document_viewer_get_page (TrellisDocumentViewer *self);
guint                  trellis_document_viewer_get_n_pages (TrellisDocumentViewer *self);
gboolean               trellis_document_viewer_is_busy  (TrellisDocumentViewer *self);
GdkPaintable          *trellis_document_viewer_get_paintable (TrellisDocumentViewer *self);

G_END_DECLS
