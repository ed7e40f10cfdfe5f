/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-section.c: one part of a child's file, which loads what it shows
 *
 * A child's file (TrellisChildFile) is a header and a column of sections: the details, the
 * Link Workers, who opened the record, and the parts of the file that come next (plans,
 * health, education …). Each section is a group of rows that reads its own data from the
 * context when the file shows a child, so adding one touches neither the window nor the
 * other sections.
 */
#define G_LOG_DOMAIN "trellis-child-section"

#include "config.h"

#include "trellis-child-section.h"

G_DEFINE_ABSTRACT_TYPE (TrellisChildSection, trellis_child_section, ADW_TYPE_PREFERENCES_GROUP)

static const char *
trellis_child_section_real_get_value (TrellisChildSection *self,
                                      const char          *field)
{
  return NULL;
}

static void
trellis_child_section_class_init (TrellisChildSectionClass *klass)
{
  klass->get_value = trellis_child_section_real_get_value;
}

static void
trellis_child_section_init (TrellisChildSection *self)
{
}

gboolean
trellis_child_section_load (TrellisChildSection  *self,
                            TrellisContext       *context,
                            TrellisChild         *child,
                            GError              **error)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_SECTION (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), FALSE);

  return TRELLIS_CHILD_SECTION_GET_CLASS (self)->load (self, context, child, error);
}

const char *
trellis_child_section_get_value (TrellisChildSection *self,
                                 const char          *field)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_SECTION (self), NULL);
  return TRELLIS_CHILD_SECTION_GET_CLASS (self)->get_value (self, field);
}
