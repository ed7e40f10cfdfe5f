/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-text.h: what text a care record may hold, checked at the model so every door into
 * the store (the window, trellisctl, an import) refuses the same things with the same words
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_TEXT_LINE,  /* a name, a language, a placing authority: one line of visible text */
  TRELLIS_TEXT_NOTES, /* paragraphs a person writes: tabs and line breaks allowed */
} TrellisTextKind;

/* Far beyond any real record, well short of what makes printing or a list slow. */
#define TRELLIS_TEXT_LINE_MAX_CHARS  200
#define TRELLIS_TEXT_NOTES_MAX_CHARS 20000

gboolean trellis_text_check          (const char       *text,
                                      TrellisTextKind   kind,
                                      const char       *label,
                                      GError          **error);
gboolean trellis_text_check_required (const char       *text,
                                      TrellisTextKind   kind,
                                      const char       *label,
                                      const char       *missing,
                                      GError          **error);

G_END_DECLS
