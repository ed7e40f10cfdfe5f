/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-text-diff.h: what changed between two versions of a text, word by word
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_DIFF_SAME,
  TRELLIS_DIFF_ADDED,
  TRELLIS_DIFF_REMOVED,
} TrellisDiffOp;

typedef struct
{
  TrellisDiffOp  op;
  char          *text;
} TrellisDiffPiece;

GPtrArray *trellis_text_diff         (const char *before,
                                      const char *after);
gboolean   trellis_text_diff_changed (GPtrArray  *pieces);

G_END_DECLS
