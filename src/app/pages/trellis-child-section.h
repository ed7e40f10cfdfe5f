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

  /* Whether @context's signed-in person sees the section at all (by default, yes); a
   * section they may not see is hidden and reads nothing. */
  gboolean (*is_shown_to) (TrellisChildSection  *self,
                           TrellisContext       *context);

  /* Starts reading what the section shows of @child with the store's _async call, which
   * answers @callback with @user_data. NULL for a section that shows only what the child's
   * record itself holds (read already). */
  void     (*read_async)  (TrellisChildSection  *self,
                           TrellisContext       *context,
                           TrellisChild         *child,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data);

  /* Shows @child, with the store's answer to read_async (@result, to be given to its
   * _finish; NULL without read_async). */
  gboolean (*show)        (TrellisChildSection  *self,
                           TrellisContext       *context,
                           TrellisChild         *child,
                           GAsyncResult         *result,
                           GError              **error);

  /* Forgets what it shows: another child is on the way, a read failed, or nobody is signed
   * in. */
  void     (*clear)       (TrellisChildSection  *self);

  /* What the section shows for @field ("date-of-birth" …), or NULL: for the tests. */
  const char * (*get_value) (TrellisChildSection *self,
                             const char          *field);
};

void        trellis_child_section_load      (TrellisChildSection  *self,
                                             TrellisContext       *context,
                                             TrellisChild         *child);
void        trellis_child_section_clear     (TrellisChildSection  *self);
void        trellis_child_section_cancel    (TrellisChildSection  *self);
gboolean    trellis_child_section_get_loading (TrellisChildSection *self);
const char *trellis_child_section_get_error (TrellisChildSection  *self);
const char *trellis_child_section_get_value (TrellisChildSection  *self,
                                             const char           *field);

G_END_DECLS
