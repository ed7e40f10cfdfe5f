/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-text.c: what text a care record may hold
 *
 * A record is read on screen, printed and exported as JSON for years after it is typed. Bytes
 * that are not UTF-8 break the export; a tab or a line break in a name breaks a list; a
 * text-direction override shows "Ann" as "nnA" (and one username as another); a name of
 * megabytes makes a summary take minutes to print. Every script a family writes its names in
 * passes: letters, combining marks and the joiners that shape Persian, Urdu and Indic names.
 */
#define G_LOG_DOMAIN "trellis-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-error.h"
#include "trellis-text.h"

typedef enum
{
  FINE,
  TAB,
  LINE_BREAK,
  CONTROL,
  DIRECTION,
  INVISIBLE,
  PRIVATE_USE,
} Character;

/* Embeddings and overrides reorder the text around them; isolates and marks only help
 * mixed-direction text read as written, so notes may keep those. */
static gboolean
is_direction_override (gunichar c)
{
  return c >= 0x202A && c <= 0x202E;
}

static gboolean
is_direction_control (gunichar c)
{
  return is_direction_override (c) || c == 0x061C || c == 0x200E || c == 0x200F ||
         (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

static Character
classify (gunichar        c,
          TrellisTextKind kind)
{
  gboolean notes = kind == TRELLIS_TEXT_NOTES;

  if (c == '\t')
    return notes ? FINE : TAB;
  if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
    return notes ? FINE : LINE_BREAK;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
      return CONTROL;
    case G_UNICODE_FORMAT:
      /* zero-width non-joiner and joiner: part of how many names are spelt */
      if (c == 0x200C || c == 0x200D)
        return FINE;
      if (is_direction_control (c))
        return notes && !is_direction_override (c) ? FINE : DIRECTION;
      return notes ? FINE : INVISIBLE;
    case G_UNICODE_PRIVATE_USE:
      return PRIVATE_USE;
    case G_UNICODE_SURROGATE:
      return INVISIBLE;
    case G_UNICODE_UNASSIGNED:
      /* not every unassigned code point: a script newer than this GLib must still pass */
      return is_noncharacter (c) ? INVISIBLE : FINE;
    default:
      return FINE;
    }
}

/* Each names the field, then where the character is, then the character. */
static const char * const character_messages[] = {
  [TAB] = N_("%1$s: remove the tab at character %2$ld"),
  [LINE_BREAK] = N_("%1$s: remove the line break at character %2$ld"),
  [CONTROL] = N_("%1$s: remove the control character (U+%3$04X) at character %2$ld"),
  [DIRECTION] = N_("%1$s: remove the text-direction control (U+%3$04X) at character %2$ld"),
  [INVISIBLE] = N_("%1$s: remove the invisible character (U+%3$04X) at character %2$ld"),
  [PRIVATE_USE] = N_("%1$s: remove the private-use character (U+%3$04X) at character %2$ld"),
};

/**
 * trellis_text_check:
 * @text: (nullable): the text as it will be stored; %NULL and "" pass (whether a field may be
 *   empty is the record's rule)
 * @label: the field's name as the form shows it, translated: "First name"
 *
 * Refuses, naming @label and where in the text, what a care record never holds: bytes that
 * are not UTF-8, more characters than the kind allows, and in a line of text any control,
 * text-direction, invisible or private-use character.
 */
gboolean
trellis_text_check (const char       *text,
                    TrellisTextKind   kind,
                    const char       *label,
                    GError          **error)
{
  glong max = kind == TRELLIS_TEXT_NOTES ? TRELLIS_TEXT_NOTES_MAX_CHARS
                                         : TRELLIS_TEXT_LINE_MAX_CHARS;
  glong length;
  glong position = 1;

  g_return_val_if_fail (label != NULL, FALSE);

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s: this is not readable text (it is not UTF-8); type it again"), label);
      return FALSE;
    }

  length = g_utf8_strlen (text, -1);
  if (length > max)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   ngettext ("%s: use at most %ld character (this has %ld)",
                             "%s: use at most %ld characters (this has %ld)", max),
                   label, max, length);
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), position++)
    {
      gunichar c = g_utf8_get_char (p);
      Character what = classify (c, kind);

      if (what != FINE)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _(character_messages[what]), label, position, (guint) c);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * trellis_text_check_required:
 * @missing: what to say when @text is empty or only white space: "Enter the person’s name"
 *
 * As trellis_text_check() on @text without the white space around it, which must leave
 * something.
 */
gboolean
trellis_text_check_required (const char       *text,
                             TrellisTextKind   kind,
                             const char       *label,
                             const char       *missing,
                             GError          **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (missing != NULL, FALSE);

  if (*clean == '\0')
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, missing);
      return FALSE;
    }
  return trellis_text_check (clean, kind, label, error);
}
