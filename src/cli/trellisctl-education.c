/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-education.c: “trellisctl education CHILD-ID [KIND …]”, a child's education file
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

/* What follows CHILD-ID to record one, and the kind it records */
static const struct {
  const char           *command;
  TrellisEducationKind  kind;
} commands[] = {
  { "school", TRELLIS_EDUCATION_SCHOOL },
  { "attendance", TRELLIS_EDUCATION_ATTENDANCE },
  { "exclusion", TRELLIS_EDUCATION_EXCLUSION },
  { "needs", TRELLIS_EDUCATION_SPECIAL_NEEDS },
  { "note", TRELLIS_EDUCATION_SUPPORT },
  { "event", TRELLIS_EDUCATION_EVENT },
};

/* Every record, newest first, under its kind's name; a term below 90 % says so */
static gboolean
print_education (TrellisContext  *context,
                 gint64           child_id,
                 GError         **error)
{
  g_autoptr(GListModel) records = trellis_store_list_education (trellis_context_get_store (context),
                                                                trellis_context_get_actor (context),
                                                                child_id, error);

  if (records == NULL)
    return FALSE;
  if (g_list_model_get_n_items (records) == 0)
    g_print ("%s\n", _("Nothing recorded"));
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(TrellisEducationRecord) r = g_list_model_get_item (records, i);
      g_autofree char *summary = trellis_education_record_dup_summary (r);
      g_autofree char *day = trellis_date_format (trellis_education_record_get_date (r));
      g_autoptr(GString) line = g_string_new (NULL);
      TrellisEducationKind kind = trellis_education_record_get_kind (r);

      trellisctl_append_padded (line, trellis_education_kind_to_label (kind), 28);
      if (kind == TRELLIS_EDUCATION_ATTENDANCE)
        g_string_append_printf (line, "%s: %s", trellis_education_record_get_title (r), summary);
      else
        g_string_append_printf (line, "%s, %s", day, summary);
      if (kind == TRELLIS_EDUCATION_ATTENDANCE &&
          trellis_attendance_is_persistent_absence (trellis_education_record_get_possible (r),
                                                    trellis_education_record_get_attended (r)))
        g_string_append (line, _(" (persistent absence)"));
      g_print ("%s\n", line->str);
    }
  return TRUE;
}

gboolean
trellisctl_command_education (Cli     *cli,
                              int      argc,
                              char   **argv,
                              GError **error)
{
  g_autofree char *date_text = NULL;
  g_autofree char *term = NULL;
  g_autofree char *school = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *what = NULL;
  int possible = -1, attended = -1, days = 0, year = -1;
  g_autoptr(GDateTime) day = NULL;
  TrellisEducationEntry entry = { 0 };
  TrellisContext *context;
  gint64 child_id;
  int command = -1;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day (from when, for school and needs), as 20/11/2026 or 2026-11-20"), "DATE" },
    { "school", 0, 0, G_OPTION_ARG_STRING, &school, N_("The school's name (school)"), "NAME" },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year group, 0 for Reception (school)"), "N" },
    { "term", 0, 0, G_OPTION_ARG_STRING, &term,
      N_("The term, as Autumn 2026 (attendance)"), "TERM" },
    { "possible", 0, 0, G_OPTION_ARG_INT, &possible, N_("Sessions possible (attendance)"), "N" },
    { "attended", 0, 0, G_OPTION_ARG_INT, &attended, N_("Sessions attended (attendance)"),
      "N" },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("suspension or permanent (exclusion); none, sen-support or ehcp (needs); homework or "
         "reading (note); school-event or parents-evening (event)"), "KIND" },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("School days (exclusion)"), "N" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes,
      N_("The reason (exclusion), notes (needs), the note (note), who attended (event)"),
      "TEXT" },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("What the event was (event)"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json (every record)"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "education",
                                 "CHILD-ID [school|attendance|exclusion|needs|note|event]",
                                 _("A child’s education file: school and year group, "
                                   "attendance by term, exclusions, special educational needs, "
                                   "homework and reading notes, school events. A kind after "
                                   "the child’s number records one (the child’s Link Worker "
                                   "or a Manager)."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2 || (child_id = g_ascii_strtoll (argv[1], NULL, 10)) <= 0)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Name the child by number: trellisctl education CHILD-ID"));
      return FALSE;
    }
  for (guint i = 0; argc > 2 && i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[2], commands[i].command))
      command = i;
  if (argc > 2 && command < 0)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown education command “%s”: education takes school, attendance, "
                     "exclusion, needs, note or event"), argv[2]);
      return FALSE;
    }
  if (command >= 0)
    {
      entry.kind = commands[command].kind;
      /* attendance is recorded on the day; everything else says when */
      if (entry.kind != TRELLIS_EDUCATION_ATTENDANCE)
        {
          if (date_text == NULL)
            {
              g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                                   _("Give the day with --date"));
              return FALSE;
            }
          if ((day = trellis_date_parse (date_text, error)) == NULL)
            return FALSE;
        }
      else if (possible < 0 || attended < 0)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("Give the sessions with --possible N --attended N"));
          return FALSE;
        }
      entry.on_date = day;
      entry.category = kind_text;
      entry.title = entry.kind == TRELLIS_EDUCATION_SCHOOL ? school
                    : entry.kind == TRELLIS_EDUCATION_ATTENDANCE ? term : what;
      entry.detail = notes;
      entry.year_group = year;
      entry.possible = MAX (possible, 0);
      entry.attended = MAX (attended, 0);
      entry.days = MAX (days, 0);
    }

  if ((context = trellisctl_sign_in (cli, error)) == NULL)
    return FALSE;
  if (command >= 0)
    {
      gint64 id = trellis_store_record_education (trellis_context_get_store (context),
                                                  trellis_context_get_actor (context), child_id,
                                                  &entry, error);
      if (id == 0)
        return FALSE;
      g_print (_("Recorded: %s #%lld\n"),
               trellis_education_kind_to_label (entry.kind), (long long) id);
    }
  else if (trellisctl_want_json (cli))
    {
      g_autoptr(GListModel) records =
        trellis_store_list_education (trellis_context_get_store (context),
                                      trellis_context_get_actor (context), child_id, error);
      return records != NULL && trellisctl_print_json_list (records, NULL, error);
    }
  return print_education (context, child_id, error);
}
