/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-output.c: JSON and padded text, the two shapes trellisctl prints records in
 *
 * The JSON of records is written by the core's TrellisJsonWriter, from their properties; the
 * field names are documented in “trellisctl --help” and scripts rely on them.
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include "trellisctl-private.h"

/* Through g_print() like the rest of trellisctl's output, so that the console's character
 * set is applied the same way to both. */
static gboolean
print_text (const char  *text,
            gsize        length,
            gpointer     user_data,
            GError     **error)
{
  g_print ("%.*s", (int) length, text);
  return TRUE;
}

/* A JSON document on standard output, printed a piece at a time as the rows are read */
TrellisJsonWriter *
trellisctl_json_writer_new (GDateTime *today)
{
  return trellis_json_writer_new (today, print_text, NULL);
}

/* A listing as a JSON array, each record printed as it is read, so that a home of any size
 * lists in the memory of one record */
gboolean
trellisctl_print_json_list (GListModel  *records,
                            GDateTime   *today,
                            GError     **error)
{
  g_autoptr(TrellisJsonWriter) writer = trellisctl_json_writer_new (today);

  trellis_json_writer_add_record_list (writer, records);
  return trellis_json_writer_finish (writer, error);
}

/* Pads to a width in characters, not bytes, so names in any script line up. */
void
trellisctl_append_padded (GString    *line,
                          const char *text,
                          guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}
