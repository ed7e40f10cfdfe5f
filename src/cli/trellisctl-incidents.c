/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-incidents.c: “trellisctl incidents CHILD-ID [record …]”, a child's incidents
 * and how many each month
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

#define MONTHS 12

/* The twelve months to today's, newest first, then every incident newest first */
static gboolean
print_incidents (TrellisContext  *context,
                 GListModel      *incidents,
                 GError         **error)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GArray) months = trellis_store_count_incidents (incidents, today, MONTHS);

  for (guint i = months->len; i > 0; i--)
    {
      TrellisIncidentMonth *m = &g_array_index (months, TrellisIncidentMonth, i - 1);
      g_autoptr(GDateTime) first = trellis_date_new (m->year, m->month, 1);
      g_autofree char *month = g_date_time_format (first, "%B %Y");
      g_autoptr(GString) line = g_string_new (NULL);

      trellisctl_append_padded (line, month, 16);
      /* Translators: counts of each kind of incident in a month */
      g_string_append_printf (line, _("%u in all: %u behaviour, %u physical intervention, "
                                      "%u missing"), m->total,
                              m->count[TRELLIS_INCIDENT_BEHAVIOUR],
                              m->count[TRELLIS_INCIDENT_PHYSICAL_INTERVENTION],
                              m->count[TRELLIS_INCIDENT_MISSING]);
      g_print ("%s\n", line->str);
    }
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(TrellisIncident) incident = g_list_model_get_item (incidents, i);
      g_autofree char *day = trellis_date_format (trellis_incident_get_happened_on (incident));

      g_print ("\n%s, %s: %s (%s)\n  %s\n", day, trellis_incident_get_time (incident),
               trellis_incident_kind_to_label (trellis_incident_get_kind (incident)),
               trellis_incident_get_recorded_by (incident), trellis_incident_get_what (incident));
      if (trellis_incident_get_interview_on (incident) != NULL)
        {
          GDateTime *on = trellis_incident_get_interview_on (incident);
          g_autofree char *held = trellis_date_format (on);

          g_print (_("  Return interview on %s by %s: %s\n"), held,
                   trellis_incident_get_interview_by (incident),
                   trellis_incident_get_child_said (incident));
        }
    }
  return TRUE;
}

/* {"incidents": [incident…, newest first], "per_month": [{"month": "2026-11", "behaviour": 0,
 * "physical_intervention": 0, "missing": 1, "total": 1}, … oldest first]} */
static gboolean
print_incidents_json (TrellisContext  *context,
                      GListModel      *incidents,
                      GError         **error)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GArray) months = trellis_store_count_incidents (incidents, today, MONTHS);
  g_autoptr(TrellisJsonWriter) writer = trellisctl_json_writer_new (NULL);

  trellis_json_writer_begin_object (writer);
  trellis_json_writer_set_member_name (writer, "incidents");
  trellis_json_writer_add_record_list (writer, incidents);
  trellis_json_writer_set_member_name (writer, "per_month");
  trellis_json_writer_begin_array (writer);
  for (guint i = 0; i < months->len; i++)
    {
      TrellisIncidentMonth *m = &g_array_index (months, TrellisIncidentMonth, i);
      g_autofree char *month = g_strdup_printf ("%04d-%02d", m->year, m->month);

      trellis_json_writer_begin_object (writer);
      trellis_json_writer_set_member_name (writer, "month");
      trellis_json_writer_add_string_value (writer, month);
      trellis_json_writer_set_member_name (writer, "behaviour");
      trellis_json_writer_add_int_value (writer, m->count[TRELLIS_INCIDENT_BEHAVIOUR]);
      trellis_json_writer_set_member_name (writer, "physical_intervention");
      trellis_json_writer_add_int_value (writer,
                                         m->count[TRELLIS_INCIDENT_PHYSICAL_INTERVENTION]);
      trellis_json_writer_set_member_name (writer, "missing");
      trellis_json_writer_add_int_value (writer, m->count[TRELLIS_INCIDENT_MISSING]);
      trellis_json_writer_set_member_name (writer, "total");
      trellis_json_writer_add_int_value (writer, m->total);
      trellis_json_writer_end_object (writer);
    }
  trellis_json_writer_end_array (writer);
  trellis_json_writer_end_object (writer);
  return trellis_json_writer_finish (writer, error);
}

static gboolean
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE, message);
  return FALSE;
}

gboolean
trellisctl_command_incidents (Cli     *cli,
                              int      argc,
                              char   **argv,
                              GError **error)
{
  g_autofree char *kind_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *time = NULL;
  g_autofree char *what = NULL;
  g_autofree char *interview_text = NULL;
  g_autofree char *interview_by = NULL;
  g_autofree char *child_said = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) interview_on = NULL;
  g_autoptr(GListModel) incidents = NULL;
  TrellisContext *context;
  gint64 child_id;
  gboolean record;
  int kind = -1;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("behaviour, physical-intervention or missing (record)"), "KIND" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day it happened, as 20/11/2026 or 2026-11-20 (record)"), "DATE" },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time, N_("The time, as 21:30 (record)"), "TIME" },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("What happened (record)"), "TEXT" },
    { "interview-date", 0, 0, G_OPTION_ARG_STRING, &interview_text,
      N_("The day of the return interview after a missing episode (record)"), "DATE" },
    { "interview-by", 0, 0, G_OPTION_ARG_STRING, &interview_by,
      N_("Who held the return interview (record)"), "NAME" },
    { "child-said", 0, 0, G_OPTION_ARG_STRING, &child_said,
      N_("What the child said at the return interview (record)"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "incidents", "CHILD-ID [record]",
                                 _("A child’s incidents and how many each month; “record” adds "
                                   "one (the child’s Link Worker or a Manager)."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2 || (child_id = g_ascii_strtoll (argv[1], NULL, 10)) <= 0)
    return usage (error, _("Name the child by number: trellisctl incidents CHILD-ID"));
  record = argc > 2 && g_str_equal (argv[2], "record");
  if (argc > 2 && !record)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown incidents command “%s”: incidents takes record"), argv[2]);
      return FALSE;
    }
  if (record)
    {
      kind = kind_text != NULL ? trellis_enum_from_nick (TRELLIS_TYPE_INCIDENT_KIND, kind_text)
                               : -1;
      if (kind < 0)
        return usage (error, _("Say which kind with --kind: behaviour, physical-intervention or "
                               "missing"));
      if (date_text == NULL)
        return usage (error, _("Give the day it happened with --date"));
      if ((day = trellis_date_parse (date_text, error)) == NULL ||
          (interview_text != NULL &&
           (interview_on = trellis_date_parse (interview_text, error)) == NULL))
        return FALSE;
    }

  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;
  if (record)
    {
      TrellisIncidentReport report = {
        kind, day, time, what, interview_on, interview_by, child_said,
      };
      g_autofree char *when = trellis_date_format (day);

      if (trellis_store_record_incident (trellis_context_get_store (context),
                                         trellis_context_get_actor (context), child_id, &report,
                                         error) == 0)
        return FALSE;
      g_print (_("Recorded: %s on %s\n"), trellis_incident_kind_to_label (kind), when);
    }
  incidents = trellis_store_list_incidents (trellis_context_get_store (context),
                                            trellis_context_get_actor (context), child_id, error);
  if (incidents == NULL)
    return FALSE;
  if (trellisctl_want_json (cli))
    return print_incidents_json (context, incidents, error);
  return print_incidents (context, incidents, error);
}
