/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-link-workers-section.h: every Link Worker a child has had
 */
#pragma once

#include "trellis-child-section.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_LINK_WORKERS_SECTION (trellis_link_workers_section_get_type ())
G_DECLARE_FINAL_TYPE (TrellisLinkWorkersSection, trellis_link_workers_section,
                      TRELLIS, LINK_WORKERS_SECTION, TrellisChildSection)

GtkWidget *trellis_link_workers_section_new (void);

G_END_DECLS
