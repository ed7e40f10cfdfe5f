/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl.c: Trellis from a terminal, over the same core and print libraries
 *
 * Errors go to standard error with a non-zero exit status (1 for a refusal or failure, 2 for
 * a command line that is not understood). Listings print one line per record, or with
 * --format json a JSON array whose field names are stable (see --help).
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>

#include "trellis-child-summary.h"
#include "trellis-core.h"

#define EXIT_USAGE 2

typedef struct
{
  char         *db_path;
  char         *username;
  char         *format;
  TrellisStore *store;
  TrellisStaff *actor;
} Cli;

typedef int (*CommandFunc) (Cli *cli, int argc, char **argv);

/* A password in memory, wiped before it is freed */
typedef char Password;

static const char *description_text =
  N_("Commands:\n"
     "  demo --children N [--seed S]       Fill a new database with a demo home\n"
     "  children [--search TEXT] [--sort KEY] [--all]\n"
     "                                     List the children of the home (--all: with\n"
     "                                     those who have left, marked “left on DATE”)\n"
     "  child ID                           Show one child’s details\n"
     "  print child-summary --child ID -o OUT.pdf\n"
     "                                     Write a child’s summary as PDF\n"
     "  staff list|add USERNAME --name N --role R|reset-password USERNAME|unlock USERNAME|\n"
     "        leave USERNAME\n"
     "                                     Staff accounts (Administrators; Managers reset)\n"
     "  audit list [--child ID] [--search TEXT] | audit verify\n"
     "                                     The audit trail (Managers, Administrators)\n"
     "  home show | home set idle-lock-minutes N\n"
     "                                     The home’s settings (Managers, Administrators set)\n"
     "\n"
     "Run “trellisctl COMMAND --help” for a command’s options.\n"
     "\n"
     "JSON (--format json) fields of a child: id, given_name, family_name, preferred_name,\n"
     "date_of_birth (YYYY-MM-DD), age, gender, first_language, religion, legal_status,\n"
     "placing_authority, admission_date, leaving_date (YYYY-MM-DD or null), has_left (true\n"
     "once the leaving date has passed), link_worker (display name or null; for a child\n"
     "who has left, the Link Worker they had then), link_worker_until (the leaving date\n"
     "for a child who has left, else null), link_worker_history (child only: from, to\n"
     "(null while it runs), link_worker, reason code).\n"
     "JSON fields of an audit row: id, at, staff (display name), action (code), child_id,\n"
     "detail (as stored: codes and usernames); the text output says the same in words.\n"
     "\n"
     "Every command but demo signs in: --user NAME (or TRELLIS_USER) and the password,\n"
     "asked for without echo or taken from TRELLIS_PASSWORD. A new one-time password\n"
     "(staff add, staff reset-password) is typed twice when asked for, or taken from\n"
     "TRELLIS_NEW_PASSWORD; never from TRELLIS_PASSWORD.\n"
     "Environment: TRELLIS_DB names the database when --db is not given.\n"
     "Exit status: 0 success, 1 failure or refusal, 2 command line not understood.");

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("trellisctl: %s\n", message);
  return EXIT_FAILURE;
}

/* A command line that is not understood: exit status 2. */
static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("trellisctl: %s\n", message);
  return EXIT_USAGE;
}

static gboolean
want_json (Cli *cli)
{
  return g_strcmp0 (cli->format, "json") == 0;
}

/* Parses a command's options; its --help says "Usage: trellisctl COMMAND [OPTION…] PARAMETER"
 * with @command ("staff add") in place of COMMAND. */
static gboolean
parse_options (const char    *command,
               const char    *parameter,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strconcat ("trellisctl ", command, NULL);

  /* GOption prints the program's name at the start of the usage line */
  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("trellisctl: %s\n", error->message);
      *status = EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_format (Cli *cli,
              int *status)
{
  if (cli->format != NULL && !g_str_equal (cli->format, "json") && !g_str_equal (cli->format, "text"))
    {
      g_printerr ("trellisctl: %s\n", _("--format takes “text” or “json”"));
      *status = EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

static int
open_store (Cli                   *cli,
            TrellisStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  if (cli->db_path == NULL)
    cli->db_path = g_strdup (g_getenv ("TRELLIS_DB"));
  if (cli->db_path == NULL)
    {
      g_printerr ("trellisctl: %s\n", _("Name the database with --db FILE"));
      return EXIT_USAGE;
    }

  /* brief: a window may have the same home open; it does the checkpoints */
  cli->store = trellis_store_open (cli->db_path, flags | TRELLIS_STORE_OPEN_BRIEF, &error);
  if (cli->store == NULL)
    return fail ("%s", error->message);

  return EXIT_SUCCESS;
}

/* A line typed at the terminal without echo; %NULL when there is no terminal. */
static char *
read_from_tty (const char *prompt)
{
  struct termios saved, quiet;
  char buffer[512];
  char *line;
  FILE *tty;
  gboolean have_saved;

  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL)
    return NULL;

  /* echo off before the prompt shows, so nothing typed after it is flushed or echoed */
  have_saved = tcgetattr (fileno (tty), &saved) == 0;
  if (have_saved)
    {
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
    }
  fputs (prompt, tty);
  fflush (tty);
  if (fgets (buffer, sizeof buffer, tty) == NULL)
    buffer[0] = '\0';
  if (have_saved)
    tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fputs ("\n", tty);
  fclose (tty);

  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return line;
}

static void
forget_password (char *password)
{
  if (password != NULL)
    {
      memset (password, 0, strlen (password));
      g_free (password);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Password, forget_password)

/* The password for --user: TRELLIS_PASSWORD for scripts, otherwise asked for on the
 * terminal without echo. */
static char *
read_password (const char *prompt)
{
  const char *env = g_getenv ("TRELLIS_PASSWORD");

  if (env != NULL)
    return g_strdup (env);
  return read_from_tty (prompt);
}

static gboolean
have_tty (void)
{
  FILE *tty = fopen ("/dev/tty", "r+");

  if (tty == NULL)
    return FALSE;
  fclose (tty);
  return TRUE;
}

static gboolean
have_new_password (void)
{
  const char *env = g_getenv ("TRELLIS_NEW_PASSWORD");

  return (env != NULL && *env != '\0') || have_tty ();
}

static int
no_new_password (void)
{
  return fail (_("No password given: type the new one-time password when asked, in a "
                 "terminal, or set TRELLIS_NEW_PASSWORD. Nothing was changed."));
}

/* A new one-time password for someone else's account: TRELLIS_NEW_PASSWORD, or typed twice
 * at the terminal. Never TRELLIS_PASSWORD, which is the password of whoever runs the
 * command: the new account would get their password. */
static int
read_new_password (const char  *username,
                   char       **out)
{
  const char *env = g_getenv ("TRELLIS_NEW_PASSWORD");
  g_autofree char *prompt = NULL;
  g_autoptr(Password) first = NULL;
  g_autoptr(Password) again = NULL;

  if (env != NULL && *env != '\0')
    {
      *out = g_strdup (env);
      return EXIT_SUCCESS;
    }

  prompt = g_strdup_printf (_("New one-time password for %s: "), username);
  first = read_from_tty (prompt);
  if (first == NULL || *first == '\0')
    return no_new_password ();
  again = read_from_tty (_("Type it again: "));
  if (again == NULL || !g_str_equal (first, again))
    return fail (_("The two passwords typed are not the same. Nothing was changed."));

  *out = g_steal_pointer (&first);
  return EXIT_SUCCESS;
}

/* Opens the database and signs in as --user with a password. */
static int
open_as_user (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  gboolean must_change = FALSE;
  int status = open_store (cli, TRELLIS_STORE_OPEN_DEFAULT);

  if (status != EXIT_SUCCESS)
    return status;

  if (!trellis_store_has_home (cli->store))
    return fail (_("The database “%s” has no home yet: create one in Trellis, or try "
                   "“trellisctl --db %s demo --children 12”"), cli->db_path, cli->db_path);

  if (cli->username == NULL)
    cli->username = g_strdup (g_getenv ("TRELLIS_USER"));
  if (cli->username == NULL)
    {
      g_printerr ("trellisctl: %s\n", _("Sign in with --user NAME (the password is asked for, "
                                         "or taken from TRELLIS_PASSWORD)"));
      return EXIT_USAGE;
    }

  password = read_password (_("Password: "));
  if (password == NULL)
    return fail (_("No password: set TRELLIS_PASSWORD or run trellisctl in a terminal"));

  cli->actor = trellis_store_sign_in (cli->store, cli->username, password, &must_change, &error);
  memset (password, 0, strlen (password));
  if (cli->actor == NULL)
    return fail ("%s", error->message);
  if (must_change)
    {
      g_clear_object (&cli->actor);
      return fail (_("%s must choose their own password first: sign in to Trellis once"),
                   cli->username);
    }

  return EXIT_SUCCESS;
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *date)
{
  g_autofree char *iso = trellis_date_to_iso (date);

  json_builder_set_member_name (builder, name);
  if (iso != NULL)
    json_builder_add_string_value (builder, iso);
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
build_child (JsonBuilder  *builder,
             TrellisChild *child,
             GDateTime    *today)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, trellis_child_get_id (child));
  add_string (builder, "given_name", trellis_child_get_given_name (child));
  add_string (builder, "family_name", trellis_child_get_family_name (child));
  add_string (builder, "preferred_name", trellis_child_get_preferred_name (child));
  add_date (builder, "date_of_birth", trellis_child_get_date_of_birth (child));
  json_builder_set_member_name (builder, "age");
  json_builder_add_int_value (builder, trellis_child_get_age (child, today));
  add_string (builder, "gender", trellis_child_get_gender (child));
  add_string (builder, "first_language", trellis_child_get_first_language (child));
  add_string (builder, "religion", trellis_child_get_religion (child));
  add_string (builder, "legal_status",
              trellis_enum_to_nick (TRELLIS_TYPE_LEGAL_STATUS, trellis_child_get_legal_status (child)));
  add_string (builder, "placing_authority", trellis_child_get_placing_authority (child));
  add_date (builder, "admission_date", trellis_child_get_admission_date (child));
  add_date (builder, "leaving_date", trellis_child_get_leaving_date (child));
  json_builder_set_member_name (builder, "has_left");
  json_builder_add_boolean_value (builder, !trellis_child_is_placed (child, today));
  add_string (builder, "link_worker", trellis_child_get_link_worker_name (child));
  add_date (builder, "link_worker_until", trellis_child_is_placed (child, today)
                                            ? NULL : trellis_child_get_leaving_date (child));
}

/* Pads to a width in characters, not bytes, so names in any script line up. */
static void
append_padded (GString    *line,
               const char *text,
               guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

/* ---- commands ------------------------------------------------------------------------ */

static int
cmd_demo (Cli   *cli,
          int    argc,
          char **argv)
{
  int n_children = 12, seed = 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  int status = EXIT_SUCCESS;
  GOptionEntry entries[] = {
    { "children", 0, 0, G_OPTION_ARG_INT, &n_children, N_("How many children (1 to 100000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The same seed makes the same home"), "S" },
    { NULL }
  };

  if (!parse_options ("demo", NULL, _("Fill a new database with a demo home. Every demo "
                                      "account (admin, manager, staff1, staff2, visitor) has "
                                      "the password “trellis-demo”."),
                      entries, &argc, &argv, &status))
    return status;
  if (n_children < 1 || n_children > 100000)
    {
      g_printerr ("trellisctl: %s\n", _("--children takes a number from 1 to 100000"));
      return EXIT_USAGE;
    }

  status = open_store (cli, TRELLIS_STORE_OPEN_CREATE);
  if (status != EXIT_SUCCESS)
    return status;
  if (trellis_store_has_home (cli->store))
    return fail (_("“%s” already holds a home; give a new file for the demo"), cli->db_path);

  if (!trellis_demo_generate (cli->store, n_children, seed, today, &error))
    return fail ("%s", error->message);

  if (!want_json (cli))
    g_print (_("Made a demo home with %d children in %s\n"), n_children, cli->db_path);
  return EXIT_SUCCESS;
}

static int
cmd_children (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autofree char *search = NULL;
  g_autofree char *sort = NULL;
  gboolean all = FALSE;
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  int status = EXIT_SUCCESS;
  guint n;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Only children whose names contain every word of TEXT"), "TEXT" },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_("name (default), family-name, age or admission-date"), "KEY" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Include children who have left"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!parse_options ("children", NULL,
                      _("List the children of the home, one line each. With --all, the children "
                        "who have left are marked “left on DATE”."),
                      entries, &argc, &argv, &status) || !check_format (cli, &status))
    return status;

  status = open_as_user (cli);
  if (status != EXIT_SUCCESS)
    return status;

  list = trellis_store_list_children (cli->store, cli->actor);
  if (sort != NULL)
    {
      int value = trellis_enum_from_nick (TRELLIS_TYPE_CHILD_SORT, sort);
      if (value < 0)
        {
          g_printerr ("trellisctl: %s\n",
                      _("--sort takes name, family-name, age or admission-date"));
          return EXIT_USAGE;
        }
      trellis_child_list_set_sort (list, value);
    }
  trellis_child_list_set_include_former (list, all);
  trellis_child_list_set_search (list, search);
  if (trellis_child_list_get_error (list) != NULL)
    return fail ("%s", trellis_child_list_get_error (list)->message);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (want_json (cli))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);
          build_child (builder, child, today);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, trellis_child_get_id (child));
      g_autofree char *name = trellis_child_dup_display_name (child);
      g_autofree char *dob = trellis_date_format (trellis_child_get_date_of_birth (child));
      g_autofree char *age = g_strdup_printf (_("aged %d"), trellis_child_get_age (child, today));
      const char *worker = trellis_child_get_link_worker_name (child);

      append_padded (line, id, 5);
      append_padded (line, name, 26);
      append_padded (line, dob, 17);
      append_padded (line, age, 8);
      if (trellis_child_is_placed (child, today))
        g_string_append (line, worker != NULL ? worker : _("no Link Worker"));
      else
        {
          g_autofree char *left = trellis_date_format (trellis_child_get_leaving_date (child));

          append_padded (line, worker != NULL ? worker : _("no Link Worker"), 22);
          /* Translators: marks a child who has left in "trellisctl children --all" */
          g_string_append_printf (line, _("left on %s"), left);
        }
      g_print ("%s\n", g_strchomp (line->str));
    }
  if (n == 0 && search != NULL)
    g_printerr (_("No child’s name contains “%s”\n"), search);

  return EXIT_SUCCESS;
}

static int
parse_child_id (const char *text,
                gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_printerr ("trellisctl: %s\n", _("Give the child’s number, as “trellisctl children” lists it"));
      return EXIT_USAGE;
    }
  *id = value;
  return EXIT_SUCCESS;
}

static int
cmd_child (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  int status = EXIT_SUCCESS;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!parse_options ("child", "ID", _("Show one child’s details and Link Worker history."),
                      entries, &argc, &argv, &status) || !check_format (cli, &status))
    return status;
  if ((status = parse_child_id (argc > 1 ? argv[1] : NULL, &id)) != EXIT_SUCCESS)
    return status;
  if ((status = open_as_user (cli)) != EXIT_SUCCESS)
    return status;

  child = trellis_store_view_child (cli->store, cli->actor, id, &error);
  if (child != NULL)
    history = trellis_store_list_assignments (cli->store, cli->actor, id, &error);
  if (child == NULL || history == NULL)
    return fail ("%s", error->message);

  if (want_json (cli))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      build_child (builder, child, today);
      json_builder_set_member_name (builder, "link_worker_history");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(TrellisAssignment) a = g_list_model_get_item (history, i);
          json_builder_begin_object (builder);
          add_date (builder, "from", trellis_assignment_get_start_date (a));
          add_date (builder, "to", trellis_assignment_get_end_date (a));
          add_string (builder, "link_worker", trellis_assignment_get_staff_name (a));
          add_string (builder, "reason", trellis_enum_to_nick (TRELLIS_TYPE_CHANGE_REASON,
                                                               trellis_assignment_get_reason (a)));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_SUCCESS;
    }

  {
    g_autofree char *full = trellis_child_dup_full_name (child);
    g_autofree char *dob = trellis_date_format (trellis_child_get_date_of_birth (child));
    g_autofree char *admitted = trellis_date_format (trellis_child_get_admission_date (child));
    g_autofree char *left = trellis_date_format (trellis_child_get_leaving_date (child));
    const char *worker = trellis_child_get_link_worker_name (child);

    g_print ("%s: %s\n", _("Name"), full);
    g_print ("%s: %s\n", _("Preferred name"), trellis_child_get_preferred_name (child));
    g_print ("%s: %s (%s %d)\n", _("Date of birth"), dob, _("aged"),
             trellis_child_get_age (child, today));
    g_print ("%s: %s\n", _("Gender"), trellis_child_get_gender (child));
    g_print ("%s: %s\n", _("First language"), trellis_child_get_first_language (child));
    g_print ("%s: %s\n", _("Religion"), trellis_child_get_religion (child));
    g_print ("%s: %s\n", _("Legal status"),
             trellis_legal_status_to_label (trellis_child_get_legal_status (child)));
    g_print ("%s: %s\n", _("Placing authority"), trellis_child_get_placing_authority (child));
    g_print ("%s: %s\n", _("Admission date"), admitted ? admitted : "");
    g_print ("%s: %s\n", _("Leaving date"), left ? left : "");
    if (trellis_child_is_placed (child, today))
      g_print ("%s: %s\n", _("Link Worker"), worker ? worker : _("none assigned"));
    else
      /* Translators: "Link Worker until 6 June 2024: Priya Sharma" */
      g_print (_("Link Worker until %s: %s\n"), left,
               worker ? worker : _("none when they left"));
    for (guint i = 0; i < g_list_model_get_n_items (history); i++)
      {
        g_autoptr(TrellisAssignment) a = g_list_model_get_item (history, i);
        g_autofree char *from = trellis_date_format (trellis_assignment_get_start_date (a));
        g_autofree char *to = trellis_date_format (trellis_assignment_get_end_date (a));
        g_print ("  %s – %s  %s  (%s)\n", from, to ? to : _("now"),
                 trellis_assignment_get_staff_name (a),
                 trellis_change_reason_to_label (trellis_assignment_get_reason (a)));
      }
  }
  return EXIT_SUCCESS;
}

static int
cmd_print (Cli   *cli,
           int    argc,
           char **argv)
{
  gint64 child_id = 0;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisHome) home = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  int status = EXIT_SUCCESS;
  gboolean summary = argc > 1 && g_str_equal (argv[1], "child-summary");
  GOptionEntry entries[] = {
    { "child", 'c', 0, G_OPTION_ARG_INT64, &child_id, N_("The child’s number"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the PDF"), "FILE" },
    { NULL }
  };

  if (!parse_options (summary ? "print child-summary" : "print", summary ? NULL : "DOCUMENT",
                      summary ? _("Write a child’s summary (details and Link Worker history) "
                                  "as PDF.")
                              : _("Write a document as PDF. Documents: child-summary."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    {
      g_printerr ("trellisctl: %s\n", _("Name the document to print: child-summary"));
      return EXIT_USAGE;
    }
  if (!g_str_equal (argv[1], "child-summary"))
    return usage_error (_("Unknown document “%s”: trellisctl print writes child-summary"),
                        argv[1]);
  if (child_id <= 0 || output == NULL)
    {
      g_printerr ("trellisctl: %s\n", _("Give --child ID and -o OUT.pdf"));
      return EXIT_USAGE;
    }
  if ((status = open_as_user (cli)) != EXIT_SUCCESS)
    return status;

  home = trellis_store_get_home (cli->store, &error);
  if (home != NULL)
    child = trellis_store_view_child (cli->store, cli->actor, child_id, &error);
  if (child != NULL)
    history = trellis_store_list_assignments (cli->store, cli->actor, child_id, &error);
  if (history == NULL)
    return fail ("%s", error->message);

  doc = trellis_child_summary_new (home, child, history, today);
  if (!trellis_document_write_pdf (doc, output, &error))
    return fail ("%s", error->message);

  if (!want_json (cli))
    {
      g_autofree char *name = trellis_child_dup_display_name (child);
      g_autofree char *where = g_filename_display_name (output);

      g_print (_("Wrote the child summary of %s to %s\n"), name, where);
    }
  return EXIT_SUCCESS;
}

static TrellisStaff *
find_staff (Cli        *cli,
            const char *username)
{
  g_autoptr(GError) error = NULL;
  TrellisStaff *staff = trellis_store_lookup_staff (cli->store, username, &error);

  if (staff == NULL)
    fail (_("There is no account “%s” in this home"), username);
  return staff;
}

/* Who an account is, for messages: "Nia Brown (nbrown)" */
static char *
describe_staff (TrellisStaff *staff)
{
  return g_strdup_printf ("%s (%s)", trellis_staff_get_display_name (staff),
                          trellis_staff_get_username (staff));
}

static int
staff_list (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) staff = trellis_store_list_staff (cli->store, cli->actor, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (staff == NULL)
    return fail ("%s", error->message);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(TrellisStaff) s = g_list_model_get_item (staff, i);
      const char *role = trellis_enum_to_nick (TRELLIS_TYPE_ROLE, trellis_staff_get_role (s));

      if (want_json (cli))
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, trellis_staff_get_id (s));
          add_string (builder, "username", trellis_staff_get_username (s));
          add_string (builder, "display_name", trellis_staff_get_display_name (s));
          add_string (builder, "role", role);
          json_builder_set_member_name (builder, "active");
          json_builder_add_boolean_value (builder, trellis_staff_get_active (s));
          json_builder_set_member_name (builder, "locked");
          json_builder_add_boolean_value (builder, trellis_staff_get_locked (s));
          json_builder_end_object (builder);
        }
      else
        {
          g_autoptr(GString) line = g_string_new (NULL);
          append_padded (line, trellis_staff_get_username (s), 12);
          append_padded (line, trellis_staff_get_display_name (s), 24);
          append_padded (line, role, 14);
          if (trellis_staff_get_locked (s))
            g_string_append (line, _("locked"));
          else if (!trellis_staff_get_active (s))
            g_string_append (line, _("left"));
          g_print ("%s\n", g_strchomp (line->str));
        }
    }
  json_builder_end_array (builder);
  if (want_json (cli))
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      print_json (root);
    }
  return EXIT_SUCCESS;
}

static int
cmd_staff (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *role_nick = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Password) one_time = NULL;
  g_autoptr(TrellisStaff) target = NULL;
  g_autofree char *who = NULL;
  int status = EXIT_SUCCESS;
  const char *verb = argc > 1 && argv[1][0] != '-' ? argv[1] : NULL;
  const char *command = "staff";
  const char *parameter = "list|add|reset-password|unlock|leave";
  const char *summary = _("Staff accounts. A new or reset password is a one-time password, "
                          "typed twice when asked for or taken from TRELLIS_NEW_PASSWORD (never "
                          "from TRELLIS_PASSWORD); the person chooses their own when they first "
                          "sign in. Run “trellisctl staff VERB --help” for a verb’s options.");
  GOptionEntry all_entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The person’s full name (add)"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_nick,
      N_("administrator, manager, staff or visitor (add)"), "ROLE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json (list)"),
      "FORMAT" },
    { NULL }
  };
  GOptionEntry add_entries[] = { all_entries[0], all_entries[1], { NULL } };
  GOptionEntry list_entries[] = { all_entries[2], { NULL } };
  GOptionEntry no_entries[] = { { NULL } };
  GOptionEntry *entries = all_entries;

  if (g_strcmp0 (verb, "list") == 0)
    {
      command = "staff list";
      parameter = NULL;
      summary = _("List the staff accounts: username, name, role, and whether locked or left.");
      entries = list_entries;
    }
  else if (g_strcmp0 (verb, "add") == 0)
    {
      command = "staff add";
      parameter = "USERNAME";
      summary = _("Add an account (Administrators). Its one-time password is typed twice when "
                  "asked for, or taken from TRELLIS_NEW_PASSWORD; the person chooses their own "
                  "when they first sign in.");
      entries = add_entries;
    }
  else if (g_strcmp0 (verb, "reset-password") == 0)
    {
      command = "staff reset-password";
      parameter = "USERNAME";
      summary = _("Give an account a new one-time password, typed twice when asked for or taken "
                  "from TRELLIS_NEW_PASSWORD; the person chooses their own at the next sign-in. "
                  "Managers reset Staff and Visitors; Administrators anyone but themselves.");
      entries = no_entries;
    }
  else if (g_strcmp0 (verb, "unlock") == 0)
    {
      command = "staff unlock";
      parameter = "USERNAME";
      summary = _("Unlock an account locked after too many wrong passwords.");
      entries = no_entries;
    }
  else if (g_strcmp0 (verb, "leave") == 0)
    {
      command = "staff leave";
      parameter = "USERNAME";
      summary = _("Mark someone as having left: their name stays on what they wrote, but they "
                  "can no longer sign in (Administrators).");
      entries = no_entries;
    }

  if (!parse_options (command, parameter, summary, entries, &argc, &argv, &status) ||
      !check_format (cli, &status))
    return status;
  verb = argc > 1 ? argv[1] : "list";
  if (!g_str_equal (verb, "list") && !g_str_equal (verb, "add") &&
      !g_str_equal (verb, "reset-password") && !g_str_equal (verb, "unlock") &&
      !g_str_equal (verb, "leave"))
    return usage_error (_("Unknown staff command “%s”: staff takes list, add, reset-password, "
                          "unlock or leave"), verb);
  if (!g_str_equal (verb, "list") && argc < 3)
    return usage_error (_("Name the account: trellisctl staff %s USERNAME"), verb);
  if (g_str_equal (verb, "add") &&
      (name == NULL || trellis_enum_from_nick (TRELLIS_TYPE_ROLE, role_nick) < 0))
    return usage_error (_("Give --name and --role (administrator, manager, staff or visitor)"));
  /* refuse before signing in, so that nothing at all is written */
  if ((g_str_equal (verb, "add") || g_str_equal (verb, "reset-password")) && !have_new_password ())
    return no_new_password ();
  if ((status = open_as_user (cli)) != EXIT_SUCCESS)
    return status;

  if (g_str_equal (verb, "list"))
    return staff_list (cli);

  if (g_str_equal (verb, "add"))
    {
      g_autoptr(TrellisStaff) added = NULL;
      int role = trellis_enum_from_nick (TRELLIS_TYPE_ROLE, role_nick);

      if ((status = read_new_password (argv[2], &one_time)) != EXIT_SUCCESS)
        return status;
      added = trellis_store_create_account (cli->store, cli->actor, argv[2], name, role, one_time,
                                            &error);
      if (added == NULL)
        return fail ("%s", error->message);
      g_print (_("Added %s (%s)\n"), trellis_staff_get_display_name (added),
               trellis_staff_get_username (added));
      return EXIT_SUCCESS;
    }

  target = find_staff (cli, argv[2]);
  if (target == NULL)
    return EXIT_FAILURE;
  who = describe_staff (target);

  if (g_str_equal (verb, "leave"))
    {
      if (!trellis_store_set_staff_active (cli->store, cli->actor, trellis_staff_get_id (target),
                                           FALSE, &error))
        return fail ("%s", error->message);
      g_print (_("Marked %s as having left; they can no longer sign in\n"), who);
    }
  else if (g_str_equal (verb, "unlock"))
    {
      if (!trellis_store_unlock_staff (cli->store, cli->actor, trellis_staff_get_id (target),
                                       &error))
        return fail ("%s", error->message);
      g_print (_("Unlocked %s\n"), who);
    }
  else
    {
      if ((status = read_new_password (argv[2], &one_time)) != EXIT_SUCCESS)
        return status;
      if (!trellis_store_reset_password (cli->store, cli->actor, trellis_staff_get_id (target),
                                         one_time, &error))
        return fail ("%s", error->message);
      g_print (_("Reset the password of %s; they choose their own at the next sign-in\n"), who);
    }
  return EXIT_SUCCESS;
}

static int
cmd_audit (Cli   *cli,
           int    argc,
           char **argv)
{
  gint64 child_id = 0;
  int limit = 200;
  g_autofree char *search = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_SUCCESS;
  const char *verb = argc > 1 && argv[1][0] != '-' ? argv[1] : NULL;
  GOptionEntry entries[] = {
    { "child", 'c', 0, G_OPTION_ARG_INT64, &child_id, N_("Only this child’s trail (list)"), "ID" },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only rows whose person, child or words for what was done and why contain TEXT, "
         "ignoring case (list)"), "TEXT" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N rows, newest first (list)"), "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default, in words) or json (with the stored codes)"), "FORMAT" },
    { NULL }
  };
  GOptionEntry no_entries[] = { { NULL } };

  if (g_strcmp0 (verb, "verify") == 0)
    {
      if (!parse_options ("audit verify", NULL,
                          _("Check the audit trail’s hash chain and report the first row "
                            "changed outside Trellis."), no_entries, &argc, &argv, &status))
        return status;
    }
  else if (!parse_options (g_strcmp0 (verb, "list") == 0 ? "audit list" : "audit",
                           g_strcmp0 (verb, "list") == 0 ? NULL : "list|verify",
                           _("The audit trail: who looked at or changed what, and when, newest "
                             "first. “audit verify” checks the hash chain and reports the first "
                             "broken row."),
                           entries, &argc, &argv, &status) || !check_format (cli, &status))
    return status;
  verb = argc > 1 ? argv[1] : "list";
  if (!g_str_equal (verb, "list") && !g_str_equal (verb, "verify"))
    return usage_error (_("Unknown audit command “%s”: audit takes list or verify"), verb);
  if ((status = open_as_user (cli)) != EXIT_SUCCESS)
    return status;

  if (g_str_equal (verb, "verify"))
    {
      gint64 broken = 0;
      guint n = 0;

      if (trellis_store_verify_audit (cli->store, cli->actor, &broken, &n, &error))
        {
          g_print (_("The audit trail is intact (%u rows)\n"), n);
          return EXIT_SUCCESS;
        }
      if (error != NULL)
        return fail ("%s", error->message);
      {
        g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, broken);
        return fail (_("The audit trail was changed outside Trellis: row %s does not match "
                       "the chain"), row);
      }
    }

  if (g_str_equal (verb, "list"))
    {
      g_autoptr(GListModel) rows = trellis_store_list_audit (cli->store, cli->actor, child_id,
                                                             search, MAX (limit, 1), &error);
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      if (rows == NULL)
        return fail ("%s", error->message);
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(TrellisAuditEntry) e = g_list_model_get_item (rows, i);
          g_autoptr(GDateTime) local = g_date_time_to_local (trellis_audit_entry_get_at (e));
          g_autofree char *iso = g_date_time_format_iso8601 (trellis_audit_entry_get_at (e));
          g_autofree char *when = g_date_time_format (local, "%-d %b %Y %H:%M");

          if (want_json (cli))
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "id");
              json_builder_add_int_value (builder, trellis_audit_entry_get_id (e));
              add_string (builder, "at", iso);
              add_string (builder, "staff", trellis_audit_entry_get_staff_name (e));
              add_string (builder, "action", trellis_audit_entry_get_action (e));
              json_builder_set_member_name (builder, "child_id");
              if (trellis_audit_entry_get_child_id (e) > 0)
                json_builder_add_int_value (builder, trellis_audit_entry_get_child_id (e));
              else
                json_builder_add_null_value (builder);
              add_string (builder, "detail", trellis_audit_entry_get_detail (e));
              json_builder_end_object (builder);
            }
          else
            {
              /* in words: who, what, about which child, and the account or reason */
              g_autoptr(GString) line = g_string_new (NULL);
              g_autofree char *detail = trellis_audit_entry_dup_detail_label (e);

              append_padded (line, when, 17);
              append_padded (line, trellis_audit_entry_get_staff_label (e), 20);
              append_padded (line, trellis_audit_entry_get_action_label (e), 26);
              if (*trellis_audit_entry_get_child_name (e) != '\0')
                append_padded (line, trellis_audit_entry_get_child_name (e), 0);
              g_string_append (line, detail);
              g_print ("%s\n", g_strchomp (line->str));
            }
        }
      json_builder_end_array (builder);
      if (want_json (cli))
        {
          g_autoptr(JsonNode) root = json_builder_get_root (builder);
          print_json (root);
        }
      return EXIT_SUCCESS;
    }

  g_assert_not_reached ();
}

static int
cmd_home (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisHome) home = NULL;
  int status = EXIT_SUCCESS;
  const char *verb;
  guint64 minutes = 0;
  guint current;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!parse_options ("home", "show|set idle-lock-minutes N",
                      _("The home’s settings. idle-lock-minutes: how long Trellis may be left "
                        "unused before it locks itself, from 1 to 60 minutes; only a Manager or "
                        "an Administrator can change it."),
                      entries, &argc, &argv, &status) || !check_format (cli, &status))
    return status;
  verb = argc > 1 ? argv[1] : "show";
  if (g_str_equal (verb, "set"))
    {
      if (argc != 4 || !g_str_equal (argv[2], "idle-lock-minutes"))
        {
          g_printerr ("trellisctl: %s\n", _("Give the setting and its value: trellisctl home set "
                                             "idle-lock-minutes N"));
          return EXIT_USAGE;
        }
      if (!g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT, &minutes, NULL))
        {
          g_printerr ("trellisctl: %s\n", _("idle-lock-minutes takes a number of minutes, from "
                                             "1 to 60"));
          return EXIT_USAGE;
        }
    }
  else if (!g_str_equal (verb, "show"))
    {
      g_printerr ("trellisctl: %s\n", _("home takes show or set"));
      return EXIT_USAGE;
    }
  if ((status = open_as_user (cli)) != EXIT_SUCCESS)
    return status;

  if (g_str_equal (verb, "set"))
    {
      if (!trellis_store_set_idle_lock_minutes (cli->store, cli->actor, minutes, &error))
        return fail ("%s", error->message);
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Trellis now locks after %u minute without use\n",
                            "Trellis now locks after %u minutes without use\n",
                            (guint) minutes), (guint) minutes);
      return EXIT_SUCCESS;
    }

  home = trellis_store_get_home (cli->store, &error);
  if (home == NULL)
    return fail ("%s", error->message);
  current = trellis_store_get_idle_lock_minutes (cli->store, &error);
  if (error != NULL)
    return fail ("%s", error->message);

  if (want_json (cli))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      add_string (builder, "name", trellis_home_get_name (home));
      json_builder_set_member_name (builder, "is_demo");
      json_builder_add_boolean_value (builder, trellis_home_get_is_demo (home));
      json_builder_set_member_name (builder, "idle_lock_minutes");
      json_builder_add_int_value (builder, current);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_SUCCESS;
    }

  g_print ("%s: %s\n", _("Name"), trellis_home_get_name (home));
  if (trellis_home_get_is_demo (home))
    g_print ("%s\n", _("A demo home: every account’s password is “trellis-demo”"));
  {
    g_autofree char *lock = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute",
                                                          "%u minutes", current), current);
    /* the setting's name too, for “home set idle-lock-minutes” */
    g_print ("%s: %s (idle-lock-minutes)\n", _("Locks when unused for"), lock);
  }
  return EXIT_SUCCESS;
}

static const struct {
  const char *name;
  CommandFunc func;
} commands[] = {
  { "demo", cmd_demo },
  { "children", cmd_children },
  { "child", cmd_child },
  { "print", cmd_print },
  { "staff", cmd_staff },
  { "audit", cmd_audit },
  { "home", cmd_home },
};

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean version = FALSE;
  Cli cli = { 0 };
  int status = EXIT_USAGE;
  GOptionEntry entries[] = {
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &cli.db_path, N_("The home’s database file"), "FILE" },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &cli.username, N_("Act as this member of staff"), "NAME" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &cli.format, N_("text (default) or json"), "FORMAT" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and stop"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_summary (context, _("Look after a Trellis home’s records from a terminal."));
  g_option_context_set_description (context, _(description_text));
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
  if (!check_format (&cli, &status))
    return status;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        status = commands[i].func (&cli, argc - 1, argv + 1);
        goto out;
      }

  status = usage_error (_("Unknown command “%s”; see “trellisctl --help”"), argv[1]);

out:
  g_clear_object (&cli.actor);
  g_clear_object (&cli.store);
  g_free (cli.db_path);
  g_free (cli.username);
  g_free (cli.format);
  return status;
}
