/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-common.c: options, the database and signing in, for every command
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

G_DEFINE_QUARK (trellisctl-error-quark, trellisctl_error)

/* Parses a command's options and checks --format; its --help says "Usage: trellisctl COMMAND
 * [OPTION…] PARAMETER" with @command ("staff add") in place of COMMAND. */
gboolean
trellisctl_parse_options (Cli           *cli,
                          const char    *command,
                          const char    *parameter,
                          const char    *summary,
                          GOptionEntry  *entries,
                          int           *argc,
                          char        ***argv,
                          GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *prgname = g_strconcat ("trellisctl ", command, NULL);

  /* GOption prints the program's name at the start of the usage line */
  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE, local_error->message);
      return FALSE;
    }
  return trellisctl_check_format (cli, error);
}

gboolean
trellisctl_check_format (Cli     *cli,
                         GError **error)
{
  if (cli->format != NULL &&
      !g_str_equal (cli->format, "json") && !g_str_equal (cli->format, "text"))
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("--format takes “text” or “json”"));
      return FALSE;
    }
  return TRUE;
}

gboolean
trellisctl_want_json (Cli *cli)
{
  return g_strcmp0 (cli->format, "json") == 0;
}

/* "list, add or leave", for messages that say what a command takes */
char *
trellisctl_join_choices (const char * const *choices)
{
  guint n = g_strv_length ((char **) choices);
  g_autoptr(GString) head = NULL;

  g_return_val_if_fail (n > 0, NULL);

  if (n == 1)
    return g_strdup (choices[0]);
  head = g_string_new (choices[0]);
  for (guint i = 1; i + 1 < n; i++)
    g_string_append_printf (head, ", %s", choices[i]);
  /* Translators: the last of several choices, as in "list, add or leave" */
  return g_strdup_printf (_("%s or %s"), head->str, choices[n - 1]);
}

/* Returns: (transfer full): the store of --db, or %NULL */
TrellisStore *
trellisctl_open_store (Cli                    *cli,
                       TrellisStoreOpenFlags   flags,
                       GError                **error)
{
  if (cli->db_path == NULL)
    cli->db_path = g_strdup (g_getenv ("TRELLIS_DB"));
  if (cli->db_path == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Name the database with --db FILE"));
      return NULL;
    }

  /* brief: a window may have the same home open; it does the checkpoints */
  return trellis_store_open (cli->db_path, flags | TRELLIS_STORE_OPEN_BRIEF, error);
}

/**
 * trellisctl_sign_in:
 *
 * Opens the database and signs in as --user with a password, making the context every
 * command works in: once, for the whole program.
 *
 * Returns: (transfer none) (nullable): the context, which @cli keeps
 */
TrellisContext *
trellisctl_sign_in (Cli     *cli,
                    GError **error)
{
  return trellisctl_sign_in_full (cli, FALSE, NULL, error);
}

/**
 * trellisctl_sign_in_full:
 * @first_sign_in: whether someone whose password was set by someone else may sign in (to
 *   choose their own: trellisctl password)
 * @password: (out) (optional): the password they signed in with
 */
TrellisContext *
trellisctl_sign_in_full (Cli        *cli,
                         gboolean    first_sign_in,
                         Password  **password_out,
                         GError    **error)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisContext) context = NULL;
  g_autoptr(TrellisStaff) actor = NULL;
  g_autoptr(Password) password = NULL;
  gboolean must_change = FALSE;

  g_return_val_if_fail (cli->context == NULL, NULL);

  store = trellisctl_open_store (cli, TRELLIS_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return NULL;

  if (!trellis_store_has_home (store))
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                   _("The database “%s” has no home yet: create one in Trellis, or try "
                     "“trellisctl --db %s demo --children 12”"), cli->db_path, cli->db_path);
      return NULL;
    }
  /* before signing in: the store counts failed attempts by the context's clock */
  context = trellis_context_new (store, error);
  if (context == NULL)
    return NULL;

  if (cli->username == NULL)
    cli->username = g_strdup (g_getenv ("TRELLIS_USER"));
  if (cli->username == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Sign in with --user NAME (the password is asked for, or taken "
                             "from TRELLIS_PASSWORD)"));
      return NULL;
    }

  password = trellisctl_read_password (_("Password: "));
  if (password == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                           _("No password: set TRELLIS_PASSWORD or run trellisctl in a terminal"));
      return NULL;
    }

  actor = trellis_store_sign_in (store, cli->username, password, &must_change, error);
  if (actor == NULL)
    return NULL;
  if (must_change && !first_sign_in)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                   _("%s must choose their own password first: sign in to Trellis once"),
                   cli->username);
      return NULL;
    }

  trellis_context_set_actor (context, actor);
  cli->context = g_steal_pointer (&context);
  if (password_out != NULL)
    *password_out = g_steal_pointer (&password);
  return cli->context;
}

/* A deliberate opening of a child's record, audited as one, with their Link Worker history */
TrellisChild *
trellisctl_view_child (TrellisContext  *context,
                       gint64           id,
                       GListModel     **history,
                       GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(TrellisChild) child = trellis_store_view_child (store, actor, id, error);

  if (child == NULL)
    return NULL;
  *history = trellis_store_list_assignments (store, actor, id, error);
  if (*history == NULL)
    return NULL;
  return g_steal_pointer (&child);
}
