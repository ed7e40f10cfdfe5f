/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-text-diff.c: what changed between two versions of a text, word by word
 *
 * A plan's version history shows a section's text once, with what was added and what was
 * removed marked in it: a reader sees the change in its sentence. Words (each with the
 * spaces after it, punctuation apart) are compared by their longest common subsequence,
 * after the text the two share at each end is set aside. A change too large to compare word by word (more than
 * MAX_CELLS pairs of words) shows as the old text removed and the new added.
 */
#include "config.h"

#include "trellis-text-diff.h"

#define MAX_CELLS (4 * 1024 * 1024)

static void
piece_free (gpointer data)
{
  TrellisDiffPiece *piece = data;

  g_free (piece->text);
  g_free (piece);
}

/* Words (and each mark of punctuation) with the whitespace after each; leading whitespace
 * is a word of its own. "day," is "day" and ",": a comma added after a word changes the
 * comma, not the word. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      if (g_unichar_isalnum (g_utf8_get_char (p)))
        while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
          p = g_utf8_next_char (p);
      else if (!g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_ptr_array_add (words, g_strndup (start, p - start));
    }
  return words;
}

/* Adds @word to @pieces, joining it to the last piece when that is of the same @op */
static void
add (GPtrArray     *pieces,
     TrellisDiffOp  op,
     const char    *word)
{
  TrellisDiffPiece *last = pieces->len > 0 ? g_ptr_array_index (pieces, pieces->len - 1) : NULL;

  if (last != NULL && last->op == op)
    {
      char *joined = g_strconcat (last->text, word, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (TrellisDiffPiece, 1);
  last->op = op;
  last->text = g_strdup (word);
  g_ptr_array_add (pieces, last);
}

#define W(array, i) ((const char *) g_ptr_array_index ((array), (i)))

/**
 * trellis_text_diff:
 * @before: (nullable): the earlier text
 * @after: (nullable): the later one
 *
 * Returns: (transfer full) (element-type TrellisDiffPiece): the pieces of both texts in
 *   reading order, each the same in both, added in @after or removed from @before; what
 *   is removed comes before what replaces it
 */
GPtrArray *
trellis_text_diff (const char *before,
                   const char *after)
{
  g_autoptr(GPtrArray) a = split_words (before != NULL ? before : "");
  g_autoptr(GPtrArray) b = split_words (after != NULL ? after : "");
  GPtrArray *pieces = g_ptr_array_new_with_free_func (piece_free);
  guint start = 0, end_a = a->len, end_b = b->len;
  guint n, m;

  while (start < end_a && start < end_b && g_str_equal (W (a, start), W (b, start)))
    add (pieces, TRELLIS_DIFF_SAME, W (a, start++));
  while (end_a > start && end_b > start && g_str_equal (W (a, end_a - 1), W (b, end_b - 1)))
    end_a--, end_b--;

  n = end_a - start;
  m = end_b - start;
  if ((guint64) (n + 1) * (m + 1) > MAX_CELLS)
    {
      for (guint i = start; i < end_a; i++)
        add (pieces, TRELLIS_DIFF_REMOVED, W (a, i));
      for (guint j = start; j < end_b; j++)
        add (pieces, TRELLIS_DIFF_ADDED, W (b, j));
    }
  else if (n > 0 || m > 0)
    {
      /* lcs[i][j]: the longest common subsequence of a[start+i..] and b[start+j..] */
      g_autofree guint32 *lcs = g_new0 (guint32, (gsize) (n + 1) * (m + 1));
      guint i = 0, j = 0;

#define L(i, j) lcs[(gsize) (i) * (m + 1) + (j)]
      for (guint ii = n; ii-- > 0;)
        for (guint jj = m; jj-- > 0;)
          L (ii, jj) = g_str_equal (W (a, start + ii), W (b, start + jj))
                         ? L (ii + 1, jj + 1) + 1 : MAX (L (ii + 1, jj), L (ii, jj + 1));
      while (i < n || j < m)
        {
          if (i < n && j < m && g_str_equal (W (a, start + i), W (b, start + j)))
            add (pieces, TRELLIS_DIFF_SAME, W (a, start + i++)), j++;
          else if (i < n && (j == m || L (i + 1, j) >= L (i, j + 1)))
            add (pieces, TRELLIS_DIFF_REMOVED, W (a, start + i++));
          else
            add (pieces, TRELLIS_DIFF_ADDED, W (b, start + j++));
        }
#undef L
    }
  for (guint i = end_a; i < a->len; i++)
    add (pieces, TRELLIS_DIFF_SAME, W (a, i));
  return pieces;
}

/* Whether @pieces add or remove anything */
gboolean
trellis_text_diff_changed (GPtrArray *pieces)
{
  for (guint i = 0; i < pieces->len; i++)
    if (((TrellisDiffPiece *) g_ptr_array_index (pieces, i))->op != TRELLIS_DIFF_SAME)
      return TRUE;
  return FALSE;
}
