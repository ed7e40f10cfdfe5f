/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-section.h: one part of a child's file, which loads what it shows
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHILD_SECTION (trellis_child_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (TrellisChildSection, trellis_child_section,
                          TRELLIS, CHILD_SECTION, AdwPreferencesGroup)

struct _TrellisChildSectionClass
{
  AdwPreferencesGroupClass parent_class;

  /* Reads what the section shows of @child from @context's store, as @context's signed-in
   * person, and shows it; hides itself if that person may not see it. */
  gboolean (*load) (TrellisChildSection  *self,
                    TrellisContext       *context,
                    TrellisChild         *child,
                    GError              **error);

  /* What the section shows for @field ("date-of-birth" …), or NULL: for the tests. */
  const char * (*get_value) (TrellisChildSection *self,
                             const char          *field);
};

gboolean    trellis_child_section_load      (TrellisChildSection  *self,
                                             TrellisContext       *context,
                                             TrellisChild         *child,
                                             GError              **error);
const char *trellis_child_section_get_value (TrellisChildSection  *self,
                                             const char           *field);

G_END_DECLS
