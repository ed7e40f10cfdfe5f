/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-demo.c: “trellisctl demo”, a new database filled with a demo home
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

gboolean
trellisctl_command_demo (Cli     *cli,
                         int      argc,
                         char   **argv,
                         GError **error)
{
  g_autoptr(TrellisStore) store = NULL;
  char *recovery_key = NULL;
  int n_children = 12, seed = 1;
  g_autoptr(GDateTime) today = trellis_date_today ();
  GOptionEntry entries[] = {
    { "children", 0, 0, G_OPTION_ARG_INT, &n_children, N_("How many children (1 to 100000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The same seed makes the same home"), "S" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "demo", NULL,
                                 _("Fill a new database with a demo home. Every demo account "
                                   "(admin, manager, staff1, staff2, visitor) has the password "
                                   "“trellis-demo”."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (n_children < 1 || n_children > 100000)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("--children takes a number from 1 to 100000"));
      return FALSE;
    }

  /* no context: there is no home yet, nor anybody to sign in */
  /* the test suite's way to make a home as Trellis did before encryption, to change it
   * behind Trellis's back with sqlite3 */
  store = trellisctl_open_store (cli, TRELLIS_STORE_OPEN_CREATE |
                                      (g_getenv ("TRELLIS_TEST_UNENCRYPTED") != NULL
                                         ? TRELLIS_STORE_OPEN_UNENCRYPTED : 0), error);
  if (store == NULL)
    return FALSE;
  if (trellis_store_has_home (store))
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                   _("“%s” already holds a home; give a new file for the demo"), cli->db_path);
      return FALSE;
    }

  if (!trellis_demo_generate (store, n_children, seed, today, error))
    return FALSE;

  recovery_key = trellis_store_take_recovery_key (store);
  if (!trellisctl_want_json (cli))
    {
      g_print (_("Made a demo home with %d children in %s\n"), n_children, cli->db_path);
      /* a demo home's password is public anyway; its recovery key is shown as a new
       * home's is, once */
      if (recovery_key != NULL)
        g_print (_("Its recovery key (shown only now): %s\n"), recovery_key);
    }
  trellis_store_free_recovery_key (recovery_key);
  return TRUE;
}
