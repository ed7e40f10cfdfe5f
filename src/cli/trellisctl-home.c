/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-home.c: “trellisctl home show|set”, the home’s settings
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

/* “home set SETTING VALUE”: what a usage error says names the word that is wrong and where
 * it stood, since a script's author reads it far from the command line. */
static gboolean
parse_set (int       argc,
           char    **argv,
           guint64  *minutes,
           GError  **error)
{
  if (argc < 3)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Give the setting and its value: trellisctl home set "
                             "idle-lock-minutes N"));
      return FALSE;
    }
  if (!g_str_equal (argv[2], "idle-lock-minutes"))
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown setting “%s” in trellisctl home set: the setting is "
                     "idle-lock-minutes"), argv[2]);
      return FALSE;
    }
  if (argc < 4)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Give the number of minutes after idle-lock-minutes: trellisctl "
                             "home set idle-lock-minutes N"));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT, minutes, NULL))
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("idle-lock-minutes takes a whole number of minutes from 1 to 60, not "
                     "“%s”: trellisctl home set idle-lock-minutes N"), argv[3]);
      return FALSE;
    }
  if (argc > 4)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unexpected “%s” after trellisctl home set idle-lock-minutes %s: give one "
                     "setting at a time"), argv[4], argv[3]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
home_set (TrellisContext  *context,
          guint            minutes,
          GError         **error)
{
  if (!trellis_store_set_idle_lock_minutes (trellis_context_get_store (context),
                                            trellis_context_get_actor (context), minutes, error))
    return FALSE;
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Trellis now locks after %u minute without use\n",
                        "Trellis now locks after %u minutes without use\n",
                        minutes), minutes);
  return TRUE;
}

static gboolean
home_show (Cli             *cli,
           TrellisContext  *context,
           GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TrellisHome) home = NULL;
  g_autofree char *lock = NULL;
  guint current;

  home = trellis_store_get_home (store, error);
  if (home == NULL)
    return FALSE;
  current = trellis_store_get_idle_lock_minutes (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (trellisctl_want_json (cli))
    {
      g_autoptr(TrellisJsonWriter) writer = trellisctl_json_writer_new (NULL);

      trellis_json_writer_begin_record (writer, G_OBJECT (home));
      /* a setting the store keeps beside the home */
      trellis_json_writer_set_member_name (writer, "idle_lock_minutes");
      trellis_json_writer_add_int_value (writer, current);
      trellis_json_writer_end_object (writer);
      return trellis_json_writer_finish (writer, error);
    }

  g_print ("%s: %s\n", _("Name"), trellis_home_get_name (home));
  if (trellis_home_get_is_demo (home))
    g_print ("%s\n", _("A demo home: every account’s password is “trellis-demo”"));
  lock = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", current),
                          current);
  /* the setting's name too, for “home set idle-lock-minutes” */
  g_print ("%s: %s (idle-lock-minutes)\n", _("Locks when unused for"), lock);
  return TRUE;
}

gboolean
trellisctl_command_home (Cli     *cli,
                         int      argc,
                         char   **argv,
                         GError **error)
{
  TrellisContext *context;
  const char *verb;
  guint64 minutes = 0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "home", "show|set idle-lock-minutes N",
                                 _("The home’s settings. idle-lock-minutes: how long Trellis may "
                                   "be left unused before it locks itself, from 1 to 60 minutes; "
                                   "only a Manager or an Administrator can change it."),
                                 entries, &argc, &argv, error))
    return FALSE;

  verb = argc > 1 ? argv[1] : "show";
  if (g_str_equal (verb, "set"))
    return parse_set (argc, argv, &minutes, error) &&
           (context = trellisctl_sign_in (cli, error)) != NULL &&
           home_set (context, minutes, error);
  if (g_str_equal (verb, "show"))
    return (context = trellisctl_sign_in (cli, error)) != NULL &&
           home_show (cli, context, error);

  g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
               _("Unknown home command “%s”: home takes show or set"), verb);
  return FALSE;
}
