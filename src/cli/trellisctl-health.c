/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-health.c: “trellisctl health CHILD-ID [record …]”, a child's health checks
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

static const TrellisHealthCheck checks[] = {
  TRELLIS_HEALTH_CHECK_ASSESSMENT, TRELLIS_HEALTH_CHECK_DENTAL, TRELLIS_HEALTH_CHECK_SIGHT,
};

static const TrellisRegistrationKind kinds[] = {
  TRELLIS_REGISTRATION_GP, TRELLIS_REGISTRATION_DENTIST, TRELLIS_REGISTRATION_OPTICIAN,
};

/* One line for each of GP, dentist and optician: the practice now, and since when. */
static gboolean
print_registrations (TrellisContext  *context,
                     gint64           child_id,
                     GError         **error)
{
  g_autoptr(GListModel) registrations =
    trellis_store_list_registrations (trellis_context_get_store (context),
                                      trellis_context_get_actor (context), child_id, error);

  if (registrations == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(TrellisRegistration) current = NULL;
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint j = 0; current == NULL && j < g_list_model_get_n_items (registrations); j++)
        {
          g_autoptr(TrellisRegistration) r = g_list_model_get_item (registrations, j);
          if (trellis_registration_get_kind (r) == kinds[i])
            current = g_steal_pointer (&r);
        }
      trellisctl_append_padded (line, trellis_registration_to_label (kinds[i]), 20);
      if (current != NULL)
        {
          g_autofree char *since = trellis_date_format (trellis_registration_get_registered_on (current));
          g_string_append_printf (line, _("%s, since %s"),
                                  trellis_registration_get_practice (current), since);
        }
      else
        g_string_append (line, _("not registered"));
      g_print ("%s\n", line->str);
    }
  return TRUE;
}

/* One line per check: what, last done, next due and how that stands today; then every
 * check recorded, newest first. */
static gboolean
print_health (TrellisContext  *context,
              gint64           child_id,
              GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(TrellisChild) child = trellis_store_get_child (store, actor, child_id, error);
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  TrellisHealthIntervals intervals = TRELLIS_HEALTH_INTERVALS_INIT;

  if (child == NULL ||
      (records = trellis_store_list_health_checks (store, actor, child_id, error)) == NULL ||
      !trellis_store_get_health_intervals (store, &intervals, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(TrellisHealthRecord) last = NULL;
      g_autoptr(GDateTime) due = NULL;
      g_autofree char *last_text = NULL;
      g_autofree char *due_text = NULL;
      g_autoptr(GString) line = g_string_new (NULL);
      TrellisDueState state;

      for (guint j = 0; last == NULL && j < g_list_model_get_n_items (records); j++)
        {
          g_autoptr(TrellisHealthRecord) r = g_list_model_get_item (records, j);
          if (trellis_health_record_get_check (r) == checks[i])
            last = g_steal_pointer (&r);
        }
      due = trellis_health_next_due (&intervals, checks[i], trellis_child_get_date_of_birth (child),
                                     trellis_child_get_admission_date (child),
                                     last != NULL ? trellis_health_record_get_done_on (last) : NULL);
      last_text = last != NULL ? trellis_date_format (trellis_health_record_get_done_on (last))
                               : NULL;
      due_text = due != NULL ? trellis_date_format (due) : g_strdup ("-");
      state = due != NULL ? trellis_due_state (due, today) : TRELLIS_DUE_LATER;

      trellisctl_append_padded (line, trellis_health_check_to_label (checks[i]), 20);
      if (last_text != NULL)
        g_string_append_printf (line, _("last %s, next due %s"), last_text, due_text);
      else
        g_string_append_printf (line, _("none recorded, due since %s"), due_text);
      if (state == TRELLIS_DUE_OVERDUE)
        g_string_append (line, _(" (overdue)"));
      else if (state == TRELLIS_DUE_SOON)
        g_string_append (line, _(" (due soon)"));
      g_print ("%s\n", line->str);
    }
  return print_registrations (context, child_id, error);
}

static gboolean
parse_check (const char          *text,
             TrellisHealthCheck  *check,
             GError             **error)
{
  int value = text != NULL ? trellis_enum_from_nick (TRELLIS_TYPE_HEALTH_CHECK, text) : -1;

  if (value < 0)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Say which check with --check: health-assessment, dental or sight"));
      return FALSE;
    }
  *check = value;
  return TRUE;
}

gboolean
trellisctl_command_health (Cli     *cli,
                           int      argc,
                           char   **argv,
                           GError **error)
{
  g_autofree char *check_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *with = NULL;
  g_autofree char *practice = NULL;
  g_autofree char *time = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *outcome = NULL;
  gint64 appointment_id = 0;
  g_autoptr(GDateTime) day = NULL;
  int kind = -1;
  gboolean registering;
  TrellisHealthCheck check;
  TrellisContext *context;
  gint64 child_id, id;
  gboolean record;
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_STRING, &check_text,
      N_("Which check (record): health-assessment, dental or sight"), "CHECK" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day it was done (record), as 20/11/2026 or 2026-11-20"), "DATE" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("What came of it, briefly (record)"),
      "TEXT" },
    { "with", 0, 0, G_OPTION_ARG_STRING, &with,
      N_("gp, dentist or optician (register); who it is with (appointment)"), "WITH" },
    { "time", 0, 0, G_OPTION_ARG_STRING, &time, N_("Its time, as 14:30 (appointment)"),
      "TIME" },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose, N_("What it is for (appointment)"),
      "TEXT" },
    { "appointment", 0, 0, G_OPTION_ARG_INT64, &appointment_id,
      N_("Which appointment, by number (outcome)"), "NUMBER" },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_("What came of it (outcome)"),
      "TEXT" },
    { "practice", 0, 0, G_OPTION_ARG_STRING, &practice,
      N_("The practice's name (register)"), "NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json (the checks recorded)"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "health",
                                 "CHILD-ID [record|register|appointments|appointment|outcome]",
                                 _("A child’s health checks and when each is next due, and "
                                   "where they are registered; “record” adds a check and "
                                   "“register” a GP, dentist or optician. “appointments” lists "
                                   "the child’s appointments, the upcoming first; “appointment” "
                                   "adds one and “outcome” records what came of one, keeping "
                                   "the version before (the child’s Link Worker or a "
                                   "Manager)."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2 || (child_id = g_ascii_strtoll (argv[1], NULL, 10)) <= 0)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Name the child by number: trellisctl health CHILD-ID"));
      return FALSE;
    }
  if (argc > 2 && (g_str_equal (argv[2], "appointments") ||
                   g_str_equal (argv[2], "appointment") || g_str_equal (argv[2], "outcome")))
    {
      gboolean adding = g_str_equal (argv[2], "appointment");
      gboolean outcome_only = g_str_equal (argv[2], "outcome");

      if (adding && (date_text == NULL || (day = trellis_date_parse (date_text, error)) == NULL))
        {
          if (date_text == NULL)
            g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                                 _("Give the day of the appointment with --date"));
          return FALSE;
        }
      if (outcome_only && appointment_id <= 0)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("Say which appointment with --appointment NUMBER"));
          return FALSE;
        }
      if ((context = trellisctl_sign_in (cli, error)) == NULL)
        return FALSE;
      if (adding)
        return trellisctl_record_appointment (cli, context, child_id, day, time, with, purpose,
                                              error);
      if (outcome_only)
        return trellisctl_record_appointment_outcome (cli, context, child_id, appointment_id,
                                                      outcome, error);
      return trellisctl_print_appointments (cli, context, child_id, error);
    }
  record = argc > 2 && g_str_equal (argv[2], "record");
  registering = argc > 2 && g_str_equal (argv[2], "register");
  if (argc > 2 && !record && !registering)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown health command “%s”: health takes record, register, "
                     "appointments, appointment or outcome"), argv[2]);
      return FALSE;
    }
  if (registering)
    {
      kind = with != NULL ? trellis_enum_from_nick (TRELLIS_TYPE_REGISTRATION_KIND, with) : -1;
      if (kind < 0)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("Say where with --with: gp, dentist or optician"));
          return FALSE;
        }
      if (date_text == NULL)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("Give the day of the registration with --date"));
          return FALSE;
        }
      if ((day = trellis_date_parse (date_text, error)) == NULL)
        return FALSE;
    }
  if (record)
    {
      if (!parse_check (check_text, &check, error))
        return FALSE;
      if (date_text == NULL)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("Give the day of the check with --date"));
          return FALSE;
        }
      if ((day = trellis_date_parse (date_text, error)) == NULL)
        return FALSE;
    }

  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;
  if (registering)
    {
      g_autofree char *since = trellis_date_format (day);

      if (trellis_store_record_registration (trellis_context_get_store (context),
                                             trellis_context_get_actor (context), child_id,
                                             kind, practice, day, error) == 0)
        return FALSE;
      g_print (_("Recorded: %s registration since %s\n"), trellis_registration_to_label (kind),
               since);
      return print_health (context, child_id, error);
    }
  if (!record)
    {
      if (trellisctl_want_json (cli))
        {
          g_autoptr(GListModel) records =
            trellis_store_list_health_checks (trellis_context_get_store (context),
                                              trellis_context_get_actor (context), child_id,
                                              error);
          return records != NULL && trellisctl_print_json_list (records, NULL, error);
        }
      return print_health (context, child_id, error);
    }

  id = trellis_store_record_health_check (trellis_context_get_store (context),
                                          trellis_context_get_actor (context), child_id, check,
                                          day, notes, error);
  if (id == 0)
    return FALSE;
  {
    g_autofree char *when = trellis_date_format (day);
    g_print (_("Recorded: %s on %s\n"), trellis_health_check_to_label (check), when);
  }
  return print_health (context, child_id, error);
}
