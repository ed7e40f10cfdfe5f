/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-staff.c: “trellisctl staff VERB”, the staff accounts
 *
 * Each verb has its own --help, options and function in the table below.
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

typedef struct
{
  const char   *username;  /* the account the verb is about */
  const char   *name;      /* add: the person's full name */
  int           role;      /* add */
  TrellisStaff *target;    /* reset-password, unlock, leave: the account as it is */
  char         *who;       /* the same, for messages: "Nia Brown (nbrown)" */
  Password     *one_time;  /* add, reset-password: the account's new one-time password */
} StaffArgs;

static void
staff_args_clear (StaffArgs *args)
{
  g_clear_object (&args->target);
  g_clear_pointer (&args->who, g_free);
  g_clear_pointer (&args->one_time, trellisctl_forget_password);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StaffArgs, staff_args_clear)

typedef enum
{
  STAFF_OPTION_NAME_ROLE = 1 << 0,
  STAFF_OPTION_FORMAT    = 1 << 1,
} StaffOptions;

typedef struct
{
  const char   *verb;
  const char   *parameter; /* after [OPTION…] in the verb's --help */
  const char   *summary;
  StaffOptions  options;
  gboolean      existing;  /* about an account that is already there */
  gboolean      one_time;  /* gives the account a new one-time password */
  const char   *done;      /* what was done to whom, for an existing account */
  gboolean    (*func) (Cli *cli, TrellisContext *context, StaffArgs *args, GError **error);
  /* or, for a verb that is one store call on the account: that call */
  gboolean    (*account_func) (TrellisStore *store, TrellisStaff *actor, gint64 staff_id,
                               GError **error);
} StaffVerb;

static void
print_staff_text (GListModel *staff)
{
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(TrellisStaff) s = g_list_model_get_item (staff, i);
      g_autoptr(GString) line = g_string_new (NULL);

      trellisctl_append_padded (line, trellis_staff_get_username (s), 12);
      trellisctl_append_padded (line, trellis_staff_get_display_name (s), 24);
      trellisctl_append_padded (line, trellis_enum_to_nick (TRELLIS_TYPE_ROLE,
                                                            trellis_staff_get_role (s)), 14);
      if (trellis_staff_get_locked (s))
        g_string_append (line, _("locked"));
      else if (!trellis_staff_get_active (s))
        g_string_append (line, _("left"));
      g_print ("%s\n", g_strchomp (line->str));
    }
}

static gboolean
staff_list (Cli             *cli,
            TrellisContext  *context,
            StaffArgs       *args,
            GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(GListModel) staff = trellis_store_list_staff (store, actor, error);

  if (staff == NULL)
    return FALSE;
  if (trellisctl_want_json (cli))
    return trellisctl_print_json_list (staff, NULL, error);
  print_staff_text (staff);
  return TRUE;
}

static gboolean
staff_add (Cli             *cli,
           TrellisContext  *context,
           StaffArgs       *args,
           GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(TrellisStaff) added = NULL;

  added = trellis_store_create_account (store, actor, args->username, args->name,
                                        args->role, args->one_time, error);
  if (added == NULL)
    return FALSE;
  g_print (_("Added %s (%s)\n"), trellis_staff_get_display_name (added),
           trellis_staff_get_username (added));
  return TRUE;
}

static gboolean
staff_reset_password (Cli             *cli,
                      TrellisContext  *context,
                      StaffArgs       *args,
                      GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);

  return trellis_store_reset_password (store, actor,
                                       trellis_staff_get_id (args->target), args->one_time,
                                       error);
}

static gboolean
staff_leave (Cli             *cli,
             TrellisContext  *context,
             StaffArgs       *args,
             GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);

  return trellis_store_set_staff_active (store, actor,
                                         trellis_staff_get_id (args->target), FALSE, error);
}

static const StaffVerb verbs[] = {
  {
    .verb = "list",
    .summary = N_("List the staff accounts: username, name, role, and whether locked or left."),
    .options = STAFF_OPTION_FORMAT,
    .func = staff_list,
  },
  {
    .verb = "add",
    .parameter = "USERNAME",
    .summary = N_("Add an account (Administrators). Its one-time password is typed twice when "
                  "asked for, or taken from TRELLIS_NEW_PASSWORD; the person chooses their own "
                  "when they first sign in."),
    .options = STAFF_OPTION_NAME_ROLE,
    .one_time = TRUE,
    .func = staff_add,
  },
  {
    .verb = "reset-password",
    .parameter = "USERNAME",
    .summary = N_("Give an account a new one-time password, typed twice when asked for or taken "
                  "from TRELLIS_NEW_PASSWORD; the person chooses their own at the next sign-in. "
                  "Managers reset Staff and Visitors; Administrators anyone but themselves."),
    .existing = TRUE,
    .one_time = TRUE,
    .done = N_("Reset the password of %s; they choose their own at the next sign-in\n"),
    .func = staff_reset_password,
  },
  {
    .verb = "lock",
    .parameter = "USERNAME",
    .summary = N_("Lock an account by hand: even its right password is refused until it is "
                  "unlocked. Managers lock Staff and Visitors; Administrators anyone but "
                  "themselves."),
    .existing = TRUE,
    .done = N_("Locked %s\n"),
    .account_func = trellis_store_lock_staff,
  },
  {
    .verb = "unlock",
    .parameter = "USERNAME",
    .summary = N_("Unlock an account that was locked by hand."),
    .existing = TRUE,
    .done = N_("Unlocked %s\n"),
    .account_func = trellis_store_unlock_staff,
  },
  {
    .verb = "leave",
    .parameter = "USERNAME",
    .summary = N_("Mark someone as having left: their name stays on what they wrote, but they "
                  "can no longer sign in (Administrators)."),
    .existing = TRUE,
    .done = N_("Marked %s as having left; they can no longer sign in\n"),
    .func = staff_leave,
  },
};

static const StaffVerb *
find_verb (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (name, verbs[i].verb))
      return &verbs[i];
  return NULL;
}

/* "list|add|…" or "list, add … or leave" */
static char *
join_verbs (gboolean in_words)
{
  const char *names[G_N_ELEMENTS (verbs) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    names[i] = verbs[i].verb;
  return in_words ? trellisctl_join_choices (names) : g_strjoinv ("|", (char **) names);
}

static TrellisStaff *
find_staff (TrellisContext  *context,
            const char      *username,
            GError         **error)
{
  TrellisStaff *staff = trellis_store_lookup_staff (trellis_context_get_store (context),
                                                    username, NULL);

  if (staff == NULL)
    g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                 _("There is no account “%s” in this home"), username);
  return staff;
}

gboolean
trellisctl_command_staff (Cli     *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *role_nick = NULL;
  g_autofree char *command = NULL;
  g_autofree char *all_verbs = join_verbs (FALSE);
  g_auto(StaffArgs) args = { NULL, };
  const StaffVerb *verb = find_verb (argc > 1 && argv[1][0] != '-' ? argv[1] : NULL);
  const char *verb_name;
  TrellisContext *context;
  GOptionEntry all_entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The person’s full name (add)"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_nick,
      N_("administrator, manager, staff or visitor (add)"), "ROLE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json (list)"),
      "FORMAT" },
    { NULL }
  };
  /* the verbs each of all_entries is for */
  const StaffOptions entry_options[] = { STAFF_OPTION_NAME_ROLE, STAFF_OPTION_NAME_ROLE,
                                         STAFF_OPTION_FORMAT };
  GOptionEntry entries[G_N_ELEMENTS (all_entries)] = { { NULL } };

  /* a verb's --help shows only its own options */
  for (guint i = 0, n = 0; i + 1 < G_N_ELEMENTS (all_entries); i++)
    if (verb == NULL || (verb->options & entry_options[i]))
      entries[n++] = all_entries[i];

  command = verb != NULL ? g_strconcat ("staff ", verb->verb, NULL) : g_strdup ("staff");
  if (!trellisctl_parse_options (cli, command,
                                 verb != NULL ? verb->parameter : all_verbs,
                                 verb != NULL ? _(verb->summary)
                                 : _("Staff accounts. A new or reset password is a one-time "
                                     "password, typed twice when asked for or taken from "
                                     "TRELLIS_NEW_PASSWORD (never from TRELLIS_PASSWORD); the "
                                     "person chooses their own when they first sign in. Run "
                                     "“trellisctl staff VERB --help” for a verb’s options."),
                                 entries, &argc, &argv, error))
    return FALSE;

  verb_name = argc > 1 ? argv[1] : "list";
  verb = find_verb (verb_name);
  if (verb == NULL)
    {
      g_autofree char *choices = join_verbs (TRUE);

      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown staff command “%s”: staff takes %s"), verb_name, choices);
      return FALSE;
    }
  if (verb->parameter != NULL && argc < 3)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Name the account: trellisctl staff %s USERNAME"), verb->verb);
      return FALSE;
    }
  args.username = argc > 2 ? argv[2] : NULL;
  args.name = name;
  args.role = trellis_enum_from_nick (TRELLIS_TYPE_ROLE, role_nick);
  if ((verb->options & STAFF_OPTION_NAME_ROLE) && (name == NULL || args.role < 0))
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Give --name and --role (administrator, manager, staff or "
                             "visitor)"));
      return FALSE;
    }
  /* refuse before signing in, so that nothing at all is written */
  if (verb->one_time && !trellisctl_have_new_password ())
    return trellisctl_no_new_password (error);
  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;

  if (verb->existing)
    {
      args.target = find_staff (context, args.username, error);
      if (args.target == NULL)
        return FALSE;
      args.who = g_strdup_printf ("%s (%s)", trellis_staff_get_display_name (args.target),
                                  trellis_staff_get_username (args.target));
    }
  if (verb->one_time)
    {
      args.one_time = trellisctl_read_new_password (args.username, error);
      if (args.one_time == NULL)
        return FALSE;
    }
  if (verb->account_func != NULL
        ? !verb->account_func (trellis_context_get_store (context),
                               trellis_context_get_actor (context),
                               trellis_staff_get_id (args.target), error)
        : !verb->func (cli, context, &args, error))
    return FALSE;
  if (verb->done != NULL)
    g_print (_(verb->done), args.who);
  return TRUE;
}
