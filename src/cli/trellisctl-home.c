/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-home.c: “trellisctl home show|set”, the home’s settings
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

/* What “home set” can set: how soon the PC locks, and how often each health check falls
 * due (months). */
typedef enum
{
  SETTING_IDLE_LOCK,
  SETTING_ASSESSMENT_UNDER_5,
  SETTING_ASSESSMENT_FROM_5,
  SETTING_DENTAL,
  SETTING_SIGHT,
} Setting;

static const char * const setting_names[] = {
  [SETTING_IDLE_LOCK] = "idle-lock-minutes",
  [SETTING_ASSESSMENT_UNDER_5] = "health-assessment-under-5-months",
  [SETTING_ASSESSMENT_FROM_5] = "health-assessment-from-5-months",
  [SETTING_DENTAL] = "dental-months",
  [SETTING_SIGHT] = "sight-months",
};

/* “home set SETTING VALUE”: what a usage error says names the word that is wrong and where
 * it stood, since a script's author reads it far from the command line. The range is the
 * store's to check. */
static gboolean
parse_set (int       argc,
           char    **argv,
           Setting  *setting,
           guint64  *value,
           GError  **error)
{
  g_autofree char *names = NULL;
  guint i;

  {
    GString *list = g_string_new (setting_names[0]);

    for (i = 1; i < G_N_ELEMENTS (setting_names); i++)
      g_string_append_printf (list, ", %s", setting_names[i]);
    names = g_string_free (list, FALSE);
  }
  if (argc < 3)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Give the setting and its value: trellisctl home set SETTING N, the "
                     "setting one of %s"), names);
      return FALSE;
    }
  for (i = 0; i < G_N_ELEMENTS (setting_names); i++)
    if (g_str_equal (argv[2], setting_names[i]))
      break;
  if (i == G_N_ELEMENTS (setting_names))
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown setting “%s” in trellisctl home set: the setting is one of %s"),
                   argv[2], names);
      return FALSE;
    }
  *setting = i;
  if (argc < 4)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Give the number after %s: trellisctl home set %s N"), argv[2], argv[2]);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT, value, NULL))
    {
      if (*setting == SETTING_IDLE_LOCK)
        g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                     _("idle-lock-minutes takes a whole number of minutes from 1 to 60, not "
                       "“%s”: trellisctl home set idle-lock-minutes N"), argv[3]);
      else
        g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                     _("%s takes a whole number of months, not “%s”"), argv[2], argv[3]);
      return FALSE;
    }
  if (argc > 4)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unexpected “%s” after trellisctl home set %s %s: give one "
                     "setting at a time"), argv[4], argv[2], argv[3]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
home_set (TrellisContext  *context,
          Setting          setting,
          guint            value,
          GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisHealthIntervals intervals;

  if (setting == SETTING_IDLE_LOCK)
    {
      if (!trellis_store_set_idle_lock_minutes (store, trellis_context_get_actor (context), value,
                                                error))
        return FALSE;
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Trellis now locks after %u minute without use\n",
                            "Trellis now locks after %u minutes without use\n",
                            value), value);
      return TRUE;
    }

  if (!trellis_store_get_health_intervals (store, &intervals, error))
    return FALSE;
  switch (setting)
    {
    case SETTING_ASSESSMENT_UNDER_5: intervals.assessment_under_5 = value; break;
    case SETTING_ASSESSMENT_FROM_5:  intervals.assessment_from_5 = value; break;
    case SETTING_DENTAL:             intervals.dental = value; break;
    case SETTING_SIGHT:              intervals.sight = value; break;
    case SETTING_IDLE_LOCK:
    default:                         g_assert_not_reached ();
    }
  if (!trellis_store_set_health_intervals (store, trellis_context_get_actor (context), &intervals,
                                           error))
    return FALSE;
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s is now %u month\n", "%s is now %u months\n", value),
           setting_names[setting], value);
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
  {
    TrellisHealthIntervals intervals;
    const struct { const char *what; guint months; Setting setting; } due[] = {
      { N_("Health assessment before the 5th birthday"), 0, SETTING_ASSESSMENT_UNDER_5 },
      { N_("Health assessment from the 5th birthday"), 0, SETTING_ASSESSMENT_FROM_5 },
      { N_("Dental check"), 0, SETTING_DENTAL },
      { N_("Sight test"), 0, SETTING_SIGHT },
    };

    if (!trellis_store_get_health_intervals (store, &intervals, error))
      return FALSE;
    for (guint i = 0; i < G_N_ELEMENTS (due); i++)
      {
        guint months = due[i].setting == SETTING_ASSESSMENT_UNDER_5 ? intervals.assessment_under_5
                     : due[i].setting == SETTING_ASSESSMENT_FROM_5 ? intervals.assessment_from_5
                     : due[i].setting == SETTING_DENTAL ? intervals.dental : intervals.sight;
        g_autofree char *every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "every %u month",
                                                               "every %u months", months),
                                                  months);

        g_print ("%s: %s (%s)\n", _(due[i].what), every, setting_names[due[i].setting]);
      }
  }
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
  guint64 value = 0;
  Setting setting = SETTING_IDLE_LOCK;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "home", "show|set SETTING N",
                                 _("The home’s settings, which only a Manager or an "
                                   "Administrator can change. idle-lock-minutes: how long "
                                   "Trellis may be left unused before it locks itself, from 1 to "
                                   "60 minutes. health-assessment-under-5-months, "
                                   "health-assessment-from-5-months, dental-months, "
                                   "sight-months: how often each health check falls due, from 1 "
                                   "to 36 months."),
                                 entries, &argc, &argv, error))
    return FALSE;

  verb = argc > 1 ? argv[1] : "show";
  if (g_str_equal (verb, "set"))
    return parse_set (argc, argv, &setting, &value, error) &&
           (context = trellisctl_sign_in (cli, error)) != NULL &&
           home_set (context, setting, value, error);
  if (g_str_equal (verb, "show"))
    return (context = trellisctl_sign_in (cli, error)) != NULL &&
           home_show (cli, context, error);

  g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
               _("Unknown home command “%s”: home takes show or set"), verb);
  return FALSE;
}
