/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-attachments-section.h: the documents attached to a child's file
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ATTACHMENTS_SECTION (trellis_attachments_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAttachmentsSection, trellis_attachments_section, TRELLIS,
                      ATTACHMENTS_SECTION, TrellisChildSection)

GtkWidget *trellis_attachments_section_new (void);

G_END_DECLS
