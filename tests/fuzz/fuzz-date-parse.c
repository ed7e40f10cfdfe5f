/* SPDX-License-Identifier: GPL-3.0-or-later
 * fuzz-date-parse.c: libFuzzer target for the date parser, the one parser of typed input so
 * far. Built with -Dfuzzing=true under clang; otherwise a plain program that runs the corpus
 * files given on its command line, so the suite keeps the target compiling and its corpus
 * passing.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "trellis-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  date = trellis_date_parse (text, &error);
  /* exactly one of a date or an error */
  g_assert ((date == NULL) != (error == NULL));
  if (date != NULL)
    {
      g_autofree char *iso = trellis_date_to_iso (date);
      g_autofree char *british = g_date_time_format (date, "%d/%m/%Y");
      g_autofree char *written = trellis_date_format (date);
      g_autoptr(GDateTime) again = trellis_date_from_iso (iso);
      g_autoptr(GDateTime) typed = trellis_date_parse (british, NULL);
      g_autoptr(GDateTime) read = trellis_date_parse (written, NULL);

      /* a date survives the round trip through the database and through each way Trellis
       * shows it, and falls in the years a record holds */
      g_assert (trellis_date_equal (date, again));
      g_assert (trellis_date_equal (date, typed));
      g_assert (trellis_date_equal (date, read));
      g_assert_cmpint (g_date_time_get_year (date), >=, TRELLIS_DATE_FIRST_YEAR);
      g_assert_cmpint (g_date_time_get_year (date), <=, TRELLIS_DATE_LAST_YEAR);
    }
  else
    {
      /* a message a person can read, however much was typed */
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), <, 256);
    }
  return 0;
}

#ifndef TRELLIS_FUZZING
int
main (int    argc,
      char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        return 1;
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
    }
  g_print ("1..1\nok 1 - %d corpus files\n", argc - 1);
  return 0;
}
#endif
