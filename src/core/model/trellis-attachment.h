/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-attachment.h: a document attached to a child's file, without its content
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What may be attached, and how large: a scanned care plan or EHCP is a few megabytes */
#define TRELLIS_ATTACHMENT_MAX_BYTES (25 * 1024 * 1024)

#define TRELLIS_TYPE_ATTACHMENT (trellis_attachment_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAttachment, trellis_attachment, TRELLIS, ATTACHMENT, GObject)

TrellisAttachment *trellis_attachment_new          (gint64             id,
                                                    gint64             child_id,
                                                    const char        *title,
                                                    const char        *source,
                                                    GDateTime         *dated_on,
                                                    const char        *file_name,
                                                    const char        *media_type,
                                                    gint64             size,
                                                    const char        *added_by);
gint64      trellis_attachment_get_id         (TrellisAttachment *self);
gint64      trellis_attachment_get_child_id   (TrellisAttachment *self);
const char *trellis_attachment_get_title      (TrellisAttachment *self);
const char *trellis_attachment_get_source     (TrellisAttachment *self);
GDateTime  *trellis_attachment_get_dated_on   (TrellisAttachment *self);
const char *trellis_attachment_get_file_name  (TrellisAttachment *self);
const char *trellis_attachment_get_media_type (TrellisAttachment *self);
gint64      trellis_attachment_get_size       (TrellisAttachment *self);
const char *trellis_attachment_get_added_by   (TrellisAttachment *self);
gboolean    trellis_attachment_is_pdf         (TrellisAttachment *self);
/* A small PNG of the document's first page, or NULL */
GBytes     *trellis_attachment_get_thumbnail  (TrellisAttachment *self);
void        trellis_attachment_set_thumbnail  (TrellisAttachment *self,
                                               GBytes            *thumbnail);

/* The media type @content is, by its first bytes (never its name): application/pdf,
 * image/png or image/jpeg, or NULL for anything else */
const char *trellis_attachment_sniff          (GBytes            *content);

G_END_DECLS
