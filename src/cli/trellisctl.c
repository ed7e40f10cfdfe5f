/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl.c: Trellis from a terminal, over the same core and print libraries
 *
 * main() owns what the commands do not: the table of commands (which --help lists), the
 * global options, and every error message and exit status. Errors go to standard error with a
 * non-zero exit status (1 for a refusal or failure, 2 for a command line that is not
 * understood). Listings print one line per record, or with --format json a JSON array whose
 * field names are stable (see --help). The commands are in trellisctl-<command>.c.
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "trellisctl-private.h"

#define EXIT_USAGE 2

typedef struct
{
  const char            *name;
  const char            *summary;
  TrellisctlCommandFunc  func;
} TrellisctlCommand;

static const TrellisctlCommand commands[] = {
  { "demo", N_("Fill a new database with a demo home"), trellisctl_command_demo },
  { "children", N_("List the children of the home (--all: with those who have left)"),
    trellisctl_command_children },
  { "child", N_("Show one child’s details and Link Worker history"), trellisctl_command_child },
  { "health", N_("A child’s health checks and appointments, and recording them"),
    trellisctl_command_health },
  { "education", N_("A child’s school, attendance, exclusions, needs and school events"),
    trellisctl_command_education },
  { "people", N_("The people around a child, their contact arrangements, and adding one"),
    trellisctl_command_people },
  { "consent", N_("What consent has been given for a child, and recording an answer"),
    trellisctl_command_consent },
  { "checklist", N_("What a child has been given and told, and recording it"),
    trellisctl_command_checklist },
  { "complaints", N_("A child’s complaints and their outcomes; the home’s counts (--counts)"),
    trellisctl_command_complaints },
  { "plans", N_("A child’s plans, one in full, approving or returning one; what awaits approval"),
    trellisctl_command_plans },
  { "goals", N_("A child’s goals and progress ratings, risk areas and Stepping decisions"),
    trellisctl_command_goals },
  { "incidents", N_("A child’s incidents, counted each month, and recording one"),
    trellisctl_command_incidents },
  { "print", N_("Write a document as PDF: child-summary"), trellisctl_command_print },
  { "staff", N_("Staff accounts: list, add, reset-password, lock, unlock, leave"),
    trellisctl_command_staff },
  { "audit", N_("The audit trail: list, verify (Managers, Administrators)"),
    trellisctl_command_audit },
  { "home", N_("The home’s settings: show, set (Managers, Administrators set)"),
    trellisctl_command_home },
  { "password", N_("Change your own password"), trellisctl_command_password },
  { "recover", N_("Reset an Administrator’s password with the home’s recovery key"),
    trellisctl_command_recover },
  { "backup", N_("Write an encrypted, checked backup of the home"), trellisctl_command_backup },
  { "restore", N_("Put a backup in place of the home, keeping the home aside"),
    trellisctl_command_restore },
};

static const char *description_text =
  N_("Run “trellisctl COMMAND --help” for a command’s options.\n"
     "\n"
     "JSON (--format json) fields of a child: id, given_name, family_name, preferred_name,\n"
     "date_of_birth (YYYY-MM-DD), age, gender, first_language, religion, legal_status,\n"
     "placing_authority, admission_date, leaving_date (YYYY-MM-DD or null), has_left (true\n"
     "once the leaving date has passed), allergies, medication (\"\" when none),\n"
     "link_worker (display name or null; for a child\n"
     "who has left, the Link Worker they had then), link_worker_until (the leaving date\n"
     "for a child who has left, else null), link_worker_history (child only: from, to\n"
     "(null while it runs), link_worker, reason code).\n"
     "JSON fields of an audit row: id, at, staff (display name), action (code), child_id,\n"
     "detail (as stored: codes and usernames); the text output says the same in words.\n"
     "JSON fields of a health check (health): id, child_id, check (health-assessment,\n"
     "dental or sight), done_on (YYYY-MM-DD), notes, recorded_by (display name).\n"
     "JSON fields of an appointment (health ID appointments): id, child_id, date (YYYY-MM-DD),\n"
     "time (HH:MM or \"\"), with_whom, purpose, outcome (\"\" until recorded), version,\n"
     "recorded_by.\n"
     "JSON fields of an education record (education): id, child_id, kind (school,\n"
     "attendance, exclusion, special-needs, education-support, school-event), date,\n"
     "category, title (school, term or event), detail, year_group (-1 but for a school),\n"
     "possible, attended, days, recorded_by.\n"
     "JSON fields of a person (people): id, child_id, version, name, relationship, role,\n"
     "parental_responsibility, phone, email, address (\"\" where not to be shared and not\n"
     "yours to read), language, interpreter, best_time, birthday, other_date,\n"
     "other_date_label, restriction (none, supervised, no-contact, address-withheld),\n"
     "restriction_notes, child_view, involved, recorded_by.\n"
     "JSON fields of a consent answer (consent): id, child_id, subject, detail, decision\n"
     "(given, refused, without), given_by_id (0: the child), given_by, decided_on, reason,\n"
     "recorded_by.\n"
     "JSON fields of a checklist entry (checklist): id, child_id, item (its code), done_on,\n"
     "notes, recorded_by. Of a complaint (complaints): id, child_id, made_on, about, made_to,\n"
     "recorded_by, resolved_on (null while open), handled, outcome, satisfied (yes, no,\n"
     "not-said), outcome_recorded_by.\n"
     "JSON fields of a plan (plans): plan_id, child_id, kind (placement, behaviour, risk,\n"
     "health, education), version, status (draft, awaiting-approval, approved), step (save,\n"
     "submit, approve, return), review_on, risk_level (none, low, medium, high), given_on,\n"
     "developed_with_child, child_comments, comment, saved_by, saved_at; show adds sections.\n"
     "JSON of goals: goals (id, child_id, domain, what, baseline, target, set_on, review_on,\n"
     "recorded_by, ratings: id, goal_id, rating, rated_on, recorded_by), risks (id, child_id,\n"
     "area, level, flagged_on, recorded_by; newest first) and stepping (id, child_id,\n"
     "direction up or down, decided_on, decided_by, reason, recorded_by).\n"
     "JSON of incidents: incidents (id, child_id, kind, happened_on, time, what, interview_on\n"
     "(or null), interview_by, child_said, recorded_by) and per_month (month YYYY-MM,\n"
     "behaviour, physical_intervention, missing, total; the last twelve months).\n"
     "\n"
     "Every command but demo, recover and restore signs in: --user NAME (or TRELLIS_USER) and the password,\n"
     "asked for without echo or taken from TRELLIS_PASSWORD. A new one-time password\n"
     "(staff add, staff reset-password) is typed twice when asked for, or taken from\n"
     "TRELLIS_NEW_PASSWORD; never from TRELLIS_PASSWORD.\n"
     "Environment: TRELLIS_DB names the database when --db is not given.\n"
     "Exit status: 0 success, 1 failure or refusal, 2 command line not understood.");

/* The commands and what they do, from the table, then the rest of the description */
static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) g_utf8_strlen (commands[i].name, -1));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-*s  %s", width, commands[i].name,
                            _(commands[i].summary));
  g_string_append_printf (text, "\n\n%s", _(description_text));
  return g_string_free (text, FALSE);
}

static const TrellisctlCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return &commands[i];
  return NULL;
}

static gboolean
run_command (Cli      *cli,
             int       argc,
             char    **argv,
             GError  **error)
{
  const TrellisctlCommand *command = find_command (argv[1]);
  const char *names[G_N_ELEMENTS (commands) + 1] = { NULL };
  g_autofree char *choices = NULL;

  if (!trellisctl_check_format (cli, error))
    return FALSE;
  if (command != NULL)
    return command->func (cli, argc - 1, argv + 1, error);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    names[i] = commands[i].name;
  choices = trellisctl_join_choices (names);
  g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
               _("Unknown command “%s”: trellisctl takes %s; see “trellisctl --help”"),
               argv[1], choices);
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  Cli cli = { 0 };
  int status;
  GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &cli.db_path, N_("The home’s database file"), "FILE" },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &cli.username, N_("Act as this member of staff"),
      "NAME" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &cli.format, N_("text (default) or json"), "FORMAT" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and stop"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  description = describe_commands ();
  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_summary (context, _("Look after a Trellis home’s records from a terminal."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("trellisctl: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (version)
    {
      g_print ("trellisctl %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }

  if (run_command (&cli, argc, argv, &error))
    status = EXIT_SUCCESS;
  else
    {
      g_printerr ("trellisctl: %s\n", error->message);
      status = g_error_matches (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE)
               ? EXIT_USAGE : EXIT_FAILURE;
    }

  g_clear_object (&cli.context);
  g_free (cli.db_path);
  g_free (cli.username);
  g_free (cli.format);
  return status;
}
