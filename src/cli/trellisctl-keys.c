/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-keys.c: “trellisctl password”, “recover”, “backup” and “restore”
 *
 * A person changes their own password (at a first sign-in too, which is how a script sets
 * up an account it was given a one-time password for); and an Administrator's password is
 * reset with the home's recovery key when nobody else can. Passwords and the recovery key
 * are asked for without echo, or taken from the environment for scripts; none is printed.
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

gboolean
trellisctl_command_password (Cli     *cli,
                             int      argc,
                             char   **argv,
                             GError **error)
{
  g_autoptr(Password) current = NULL;
  g_autoptr(Password) chosen = NULL;
  GOptionEntry entries[] = { { NULL } };
  TrellisContext *context;
  TrellisStaff *actor;

  if (!trellisctl_parse_options (cli, "password", NULL,
                                 _("Change your own password (--user NAME), also the one-time "
                                   "password an account was given. The current one is asked "
                                   "for or taken from TRELLIS_PASSWORD; the new one is typed "
                                   "twice or taken from TRELLIS_NEW_PASSWORD."),
                                 entries, &argc, &argv, error))
    return FALSE;
  /* refuse before signing in, so that nothing at all is written */
  if (!trellisctl_have_new_password ())
    return trellisctl_no_new_password (error);
  context = trellisctl_sign_in_full (cli, TRUE, &current, error);
  if (context == NULL)
    return FALSE;
  actor = trellis_context_get_actor (context);
  chosen = trellisctl_read_new_password (trellis_staff_get_username (actor), error);
  if (chosen == NULL ||
      !trellis_store_change_password (trellis_context_get_store (context), actor, current,
                                      chosen, error))
    return FALSE;
  g_print (_("Changed the password of %s\n"), trellis_staff_get_username (actor));
  return TRUE;
}

gboolean
trellisctl_command_recover (Cli     *cli,
                            int      argc,
                            char   **argv,
                            GError **error)
{
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(Password) recovery_key = NULL;
  g_autoptr(Password) one_time = NULL;
  GOptionEntry entries[] = { { NULL } };
  const char *username;

  if (!trellisctl_parse_options (cli, "recover", "ADMINISTRATOR",
                                 _("Give an Administrator a one-time password with the home’s "
                                   "recovery key, when every Administrator is locked out or "
                                   "has forgotten. The key is asked for or taken from "
                                   "TRELLIS_RECOVERY_KEY; the one-time password is typed twice "
                                   "or taken from TRELLIS_NEW_PASSWORD. Nobody signs in."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Name the Administrator: trellisctl recover USERNAME"));
      return FALSE;
    }
  username = argv[1];
  if (!trellisctl_have_new_password ())
    return trellisctl_no_new_password (error);

  store = trellisctl_open_store (cli, TRELLIS_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;
  recovery_key = g_strdup (g_getenv ("TRELLIS_RECOVERY_KEY"));
  if (recovery_key == NULL)
    recovery_key = trellisctl_read_password (_("Recovery key: "));
  if (recovery_key == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                           _("No recovery key: set TRELLIS_RECOVERY_KEY or run trellisctl in a "
                             "terminal"));
      return FALSE;
    }
  if (!trellis_store_unseal_with_recovery (store, recovery_key, error))
    return FALSE;
  one_time = trellisctl_read_new_password (username, error);
  if (one_time == NULL ||
      !trellis_store_recover_administrator (store, username, one_time, error))
    return FALSE;
  g_print (_("Gave %s a one-time password; they choose their own at the next sign-in\n"),
           username);
  return TRUE;
}

/* What `trellisctl backup --status` says: where the automatic backups go, the last good
 * one and any failure since, and the window's warning when it is too old. */
static gboolean
print_backup_status (TrellisContext  *context,
                     GError         **error)
{
  g_autoptr(TrellisBackupStatus) status =
    trellis_store_get_backup_status (trellis_context_get_store (context),
                                     trellis_context_get_actor (context), error);
  gint64 now = trellis_clock_get_now (trellis_context_get_clock (context));

  if (status == NULL)
    return FALSE;
  if (*status->folder != '\0')
    g_print (_("Automatic backups go to %s\n"), status->folder);
  else
    g_print (_("No folder is chosen for automatic backups\n"));
  if (status->last_good != 0)
    {
      g_autofree char *when = trellis_date_format_moment (status->last_good);
      g_print (_("Last good backup: %s (%s)\n"), when, status->last_file);
    }
  else
    g_print (_("Last good backup: none yet\n"));
  if (status->last_failed != 0)
    {
      g_autofree char *when = trellis_date_format_moment (status->last_failed);
      g_print (_("Failed since: %s: %s\n"), when, status->failure);
    }
  if (trellis_backup_status_is_overdue (status, now))
    g_print (_("Warning: the home has had no good backup for more than %d days\n"),
             TRELLIS_BACKUP_WARN_DAYS);
  return TRUE;
}

gboolean
trellisctl_command_backup (Cli     *cli,
                           int      argc,
                           char   **argv,
                           GError **error)
{
  g_autofree char *output = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *made = NULL;
  gboolean status = FALSE;
  TrellisContext *context;
  TrellisStore *store;
  TrellisStaff *actor;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the backup to FILE (Administrators); its keyring is written beside it as "
         "FILE.keyring"), "FILE" },
    { "set-folder", 0, 0, G_OPTION_ARG_FILENAME, &folder,
      N_("Send the automatic backups to FOLDER (Administrators; \"\" for none)"), "FOLDER" },
    { "status", 0, 0, G_OPTION_ARG_NONE, &status,
      N_("Say where the automatic backups go and when the last good one was made"), NULL },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "backup", NULL,
                                 _("Write an encrypted, checked backup of the home. It opens "
                                   "with any staff password of the home, or its recovery key. "
                                   "Without --output the backup goes to the home’s folder for "
                                   "automatic backups, which keeps the newest 30."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if ((output != NULL) + (folder != NULL) + status > 1)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Give one of --output, --set-folder and --status"));
      return FALSE;
    }
  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;
  store = trellis_context_get_store (context);
  actor = trellis_context_get_actor (context);

  if (status)
    return print_backup_status (context, error);
  if (folder != NULL)
    {
      g_autofree char *absolute = *folder != '\0' ? g_canonicalize_filename (folder, NULL)
                                                   : g_strdup ("");

      if (!trellis_store_set_backup_folder (store, actor, absolute, error))
        return FALSE;
      if (*absolute != '\0')
        g_print (_("Automatic backups go to %s\n"), absolute);
      else
        g_print (_("No automatic backups: no folder is chosen\n"));
      return TRUE;
    }
  if (output != NULL)
    {
      if (!trellis_store_back_up (store, actor, output, error))
        return FALSE;
      g_print (_("Backed up the home to %s and %s.keyring, and checked it\n"), output, output);
      return TRUE;
    }
  made = trellis_store_back_up_to_folder (store, actor, error);
  if (made == NULL)
    return FALSE;
  g_print (_("Backed up the home to %s and %s.keyring, and checked it\n"), made, made);
  return TRUE;
}

gboolean
trellisctl_command_restore (Cli     *cli,
                            int      argc,
                            char   **argv,
                            GError **error)
{
  g_autoptr(Password) password = NULL;
  g_autofree char *aside = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!trellisctl_parse_options (cli, "restore", "FILE",
                                 _("Put a backup in place of the home (--db), as an "
                                   "Administrator of the backup’s home (--user and their "
                                   "password). The home’s own files are first moved aside, "
                                   "never written over."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Name the backup: trellisctl restore FILE"));
      return FALSE;
    }
  if (cli->db_path == NULL)
    cli->db_path = g_strdup (g_getenv ("TRELLIS_DB"));
  if (cli->username == NULL)
    cli->username = g_strdup (g_getenv ("TRELLIS_USER"));
  if (cli->db_path == NULL || cli->username == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Name the home with --db FILE and sign in with --user NAME"));
      return FALSE;
    }
  password = trellisctl_read_password (_("Password: "));
  if (password == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                           _("No password: set TRELLIS_PASSWORD or run trellisctl in a terminal"));
      return FALSE;
    }
  if (!trellis_store_restore (argv[1], cli->db_path, cli->username, password, &aside, error))
    return FALSE;
  if (aside != NULL)
    g_print (_("Restored %s from %s; the home as it was is kept as %s\n"), cli->db_path,
             argv[1], aside);
  else
    g_print (_("Restored %s from %s\n"), cli->db_path, argv[1]);
  return TRUE;
}
