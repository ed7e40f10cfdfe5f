/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-people.c: “trellisctl people CHILD-ID [add …]”, the people around a child, and
 * “trellisctl consent CHILD-ID [record …]”, what consent has been given
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

static gboolean
usage (GError     **error,
       const char  *message)
{
  g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE, message);
  return FALSE;
}

/* "COMMAND CHILD-ID [SUB]": the child's number, and whether @sub was asked for */
static gboolean
parse_child_command (int          argc,
                     char       **argv,
                     const char  *command,
                     const char  *sub,
                     gint64      *child_id,
                     gboolean    *has_sub,
                     GError     **error)
{
  if (argc < 2 || (*child_id = g_ascii_strtoll (argv[1], NULL, 10)) <= 0)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Name the child by number: trellisctl %s CHILD-ID"), command);
      return FALSE;
    }
  *has_sub = argc > 2 && g_str_equal (argv[2], sub);
  if (argc > 2 && !*has_sub)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown %s command “%s”: %s takes %s"), command, argv[2], command, sub);
      return FALSE;
    }
  return TRUE;
}

/* @nick as a value of @type, or a usage error naming the choices */
static gboolean
parse_nick (GType         type,
            const char   *nick,
            const char   *option,
            int          *value,
            GError      **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GStrvBuilder) nicks = g_strv_builder_new ();
  g_auto(GStrv) choices = NULL;
  g_autofree char *joined = NULL;

  *value = nick != NULL ? trellis_enum_from_nick (type, nick) : -1;
  if (*value >= 0)
    return TRUE;
  for (guint i = 0; i < klass->n_values; i++)
    g_strv_builder_add (nicks, klass->values[i].value_nick);
  choices = g_strv_builder_end (nicks);
  joined = trellisctl_join_choices ((const char * const *) choices);
  g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE, _("Say %s: %s"), option, joined);
  return FALSE;
}

/* One line for each person: name, who they are, their language, and the contact
 * arrangement in capitals where there is one; then the dates coming up. */
static gboolean
print_people (TrellisContext  *context,
              gint64           child_id,
              GError         **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GPtrArray) coming = NULL;

  people = trellis_store_list_people (trellis_context_get_store (context),
                                      trellis_context_get_actor (context), child_id, error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(TrellisPerson) person = g_list_model_get_item (people, i);
      g_autoptr(GString) line = g_string_new (NULL);
      TrellisContactRestriction restriction = trellis_person_get_restriction (person);

      trellisctl_append_padded (line, trellis_person_get_name (person), 24);
      g_string_append (line, trellis_relationship_to_label (trellis_person_get_relationship (person)));
      if (trellis_person_get_parental_responsibility (person))
        g_string_append (line, _(", parental responsibility"));
      if (*trellis_person_get_language (person) != '\0')
        g_string_append_printf (line, ", %s", trellis_person_get_language (person));
      if (trellis_person_get_interpreter (person))
        g_string_append (line, _(", interpreter needed"));
      if (restriction != TRELLIS_CONTACT_NO_RESTRICTION)
        g_string_append_printf (line, " [%s]", trellis_contact_restriction_to_label (restriction));
      if (!trellis_person_get_involved (person))
        g_string_append (line, _(" (no longer involved)"));
      g_print ("%s\n", line->str);
    }
  if (g_list_model_get_n_items (people) == 0)
    g_print ("%s\n", _("Nobody recorded yet"));

  coming = trellis_people_coming_up (people, today, TRELLIS_COMING_UP_DAYS);
  for (guint i = 0; i < coming->len; i++)
    {
      TrellisComingUp *item = g_ptr_array_index (coming, i);
      g_autofree char *day = trellis_date_format (item->on);

      if (i == 0)
        g_print ("\n%s\n", _("Coming up:"));
      g_print ("  %s  %s: %s\n", day, item->what, trellis_person_get_name (item->person));
    }
  return TRUE;
}

gboolean
trellisctl_command_people (Cli     *cli,
                           int      argc,
                           char   **argv,
                           GError **error)
{
  g_autofree char *name = NULL, *relationship = NULL, *role = NULL, *language = NULL;
  g_autofree char *restriction = NULL, *phone = NULL, *email = NULL, *address = NULL;
  g_autofree char *best_time = NULL, *birthday = NULL, *view = NULL, *notes = NULL;
  gboolean interpreter = FALSE, pr = FALSE;
  g_autoptr(TrellisPerson) person = NULL;
  g_autoptr(GDateTime) born = NULL;
  TrellisContext *context;
  int relation = 0, restricted = TRELLIS_CONTACT_NO_RESTRICTION;
  gint64 child_id, id;
  gboolean adding;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Their name (add)"), "NAME" },
    { "relationship", 0, 0, G_OPTION_ARG_STRING, &relationship,
      N_("Who they are to the child (add): mother, father, social-worker, iro …"), "WHO" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Organisation or details (add)"), "TEXT" },
    { "parental-responsibility", 0, 0, G_OPTION_ARG_NONE, &pr,
      N_("They have parental responsibility (add)"), NULL },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Preferred language (add)"),
      "LANGUAGE" },
    { "interpreter", 0, 0, G_OPTION_ARG_NONE, &interpreter, N_("An interpreter is needed (add)"),
      NULL },
    { "restriction", 0, 0, G_OPTION_ARG_STRING, &restriction,
      N_("Contact arrangement (add): none, supervised, no-contact or address-withheld"),
      "ARRANGEMENT" },
    { "restriction-notes", 0, 0, G_OPTION_ARG_STRING, &notes,
      N_("About the arrangement (add)"), "TEXT" },
    { "child-view", 0, 0, G_OPTION_ARG_STRING, &view,
      N_("The child’s view of keeping in touch (add)"), "TEXT" },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone (add)"), "NUMBER" },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Email (add)"), "ADDRESS" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Address (add)"), "TEXT" },
    { "best-time", 0, 0, G_OPTION_ARG_STRING, &best_time, N_("Best time to contact (add)"),
      "TEXT" },
    { "birthday", 0, 0, G_OPTION_ARG_STRING, &birthday, N_("Birthday (add)"), "DATE" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json (the people)"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "people", "CHILD-ID [add]",
                                 _("The people around a child, with any contact arrangement, "
                                   "and their important dates coming up; “add” adds someone "
                                   "(the child’s Link Worker or a Manager)."),
                                 entries, &argc, &argv, error) ||
      !parse_child_command (argc, argv, "people", "add", &child_id, &adding, error))
    return FALSE;
  if (adding)
    {
      if (name == NULL)
        return usage (error, _("Give their name with --name"));
      if (!parse_nick (TRELLIS_TYPE_RELATIONSHIP, relationship, "--relationship", &relation,
                       error) ||
          (restriction != NULL &&
           !parse_nick (TRELLIS_TYPE_CONTACT_RESTRICTION, restriction, "--restriction",
                        &restricted, error)) ||
          (birthday != NULL && (born = trellis_date_parse (birthday, error)) == NULL))
        return FALSE;
      person = g_object_new (TRELLIS_TYPE_PERSON, "name", name, "relationship", relation,
                             "role", role, "parental-responsibility", pr,
                             "language", language, "interpreter", interpreter,
                             "restriction", restricted, "restriction-notes", notes,
                             "child-view", view, "phone", phone, "email", email,
                             "address", address, "best-time", best_time, "birthday", born,
                             NULL);
    }

  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;
  if (adding)
    {
      id = trellis_store_add_person (trellis_context_get_store (context),
                                     trellis_context_get_actor (context), child_id, person,
                                     error);
      if (id == 0)
        return FALSE;
      g_print (_("Added: %s (%s)\n"), trellis_person_get_name (person),
               trellis_relationship_to_label (relation));
    }
  if (trellisctl_want_json (cli))
    {
      g_autoptr(GListModel) people =
        trellis_store_list_people (trellis_context_get_store (context),
                                   trellis_context_get_actor (context), child_id, error);
      return people != NULL && trellisctl_print_json_list (people, NULL, error);
    }
  return print_people (context, child_id, error);
}

/* The answer that counts for photographs and leaflets, then for each service or thing */
static gboolean
print_consent (TrellisContext  *context,
               gint64           child_id,
               GError         **error)
{
  g_autoptr(GListModel) consents = NULL;
  g_autoptr(GPtrArray) standings = NULL;

  consents = trellis_store_list_consents (trellis_context_get_store (context),
                                          trellis_context_get_actor (context), child_id, error);
  if (consents == NULL)
    return FALSE;
  standings = trellis_consent_standings (consents);
  for (guint i = 0; i < standings->len; i++)
    {
      TrellisConsentStanding *standing = g_ptr_array_index (standings, i);
      TrellisConsent *latest = standing->latest;
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *title = NULL;

      if (standing->subject == TRELLIS_CONSENT_SHARING)
        title = g_strdup_printf (_("Sharing with %s"), standing->detail);
      else if (standing->subject == TRELLIS_CONSENT_OTHER)
        title = g_strdup (standing->detail);
      else
        title = g_strdup (trellis_consent_subject_to_label (standing->subject));
      trellisctl_append_padded (line, title, 28);
      if (latest == NULL)
        g_string_append (line, _("not asked yet"));
      else
        {
          g_autofree char *day = trellis_date_format (trellis_consent_get_decided_on (latest));

          if (standing->answer == TRELLIS_CONSENT_ANSWER_WITHOUT)
            g_string_append_printf (line, _("going ahead without consent on %s: %s"), day,
                                    trellis_consent_get_reason (latest));
          else
            g_string_append_printf (line, standing->answer == TRELLIS_CONSENT_ANSWER_GIVEN
                                            ? _("given by %s on %s") : _("refused by %s on %s"),
                                    trellis_consent_get_given_by (latest), day);
          g_string_append_printf (line, _(" (recorded by %s)"),
                                  trellis_consent_get_recorded_by (latest));
        }
      g_print ("%s\n", line->str);
    }
  return TRUE;
}

/* The person of child @child_id called @name, who answered; 0 for the child themselves */
static gboolean
find_giver (TrellisContext  *context,
            gint64           child_id,
            const char      *name,
            gint64          *id,
            GError         **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  g_autofree char *child_name = NULL;
  g_autofree char *child_folded = NULL;

  child = trellis_store_get_child (trellis_context_get_store (context),
                                   trellis_context_get_actor (context), child_id, error);
  if (child == NULL)
    return FALSE;
  child_name = trellis_child_dup_display_name (child);
  child_folded = g_utf8_casefold (child_name, -1);
  *id = 0;
  if (g_str_equal (wanted, "child") || g_str_equal (wanted, child_folded))
    return TRUE;
  people = trellis_store_list_people (trellis_context_get_store (context),
                                      trellis_context_get_actor (context), child_id, error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(TrellisPerson) person = g_list_model_get_item (people, i);
      g_autofree char *folded = g_utf8_casefold (trellis_person_get_name (person), -1);

      if (g_str_equal (folded, wanted))
        {
          *id = trellis_person_get_id (person);
          return TRUE;
        }
    }
  g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
               _("Nobody called “%s” is in %s’s network: --by takes “child” or the name of "
                 "someone with parental responsibility"), name, child_name);
  return FALSE;
}

gboolean
trellisctl_command_consent (Cli     *cli,
                            int      argc,
                            char   **argv,
                            GError **error)
{
  g_autofree char *subject_text = NULL, *service = NULL, *by = NULL, *date_text = NULL;
  g_autofree char *reason = NULL;
  gboolean given = FALSE, refused = FALSE, without = FALSE;
  g_autoptr(GDateTime) day = NULL;
  TrellisContext *context;
  TrellisConsentDecision decision = TRELLIS_CONSENT_GIVEN;
  int subject = 0;
  gint64 child_id, giver = 0;
  gboolean recording;
  GOptionEntry entries[] = {
    { "for", 0, 0, G_OPTION_ARG_STRING, &subject_text,
      N_("What for (record): sharing, photographs, leaflets or other"), "WHAT" },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("The service shared with, or the thing (record, for sharing and other)"), "NAME" },
    { "given", 0, 0, G_OPTION_ARG_NONE, &given, N_("Consent was given (record)"), NULL },
    { "refused", 0, 0, G_OPTION_ARG_NONE, &refused, N_("Consent was refused (record)"), NULL },
    { "without", 0, 0, G_OPTION_ARG_NONE, &without,
      N_("Going ahead without consent, with --reason (record)"), NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Who answered (record): “child” or someone with parental responsibility"), "NAME" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the answer (record; today if not given)"), "DATE" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why, going ahead without consent; notes otherwise (record)"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json (every answer, newest first)"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "consent", "CHILD-ID [record]",
                                 _("What consent the child and those with parental "
                                   "responsibility have given or refused; “record” adds an "
                                   "answer (the child’s Link Worker or a Manager)."),
                                 entries, &argc, &argv, error) ||
      !parse_child_command (argc, argv, "consent", "record", &child_id, &recording, error))
    return FALSE;
  if (recording)
    {
      if (!parse_nick (TRELLIS_TYPE_CONSENT_SUBJECT, subject_text, "--for", &subject, error))
        return FALSE;
      if (given + refused + without != 1)
        return usage (error, _("Say one of --given, --refused or --without"));
      decision = given ? TRELLIS_CONSENT_GIVEN : refused ? TRELLIS_CONSENT_REFUSED
                                                         : TRELLIS_CONSENT_WITHOUT;
      if (!without && by == NULL)
        return usage (error, _("Say who answered with --by: “child” or their name"));
      if (date_text != NULL && (day = trellis_date_parse (date_text, error)) == NULL)
        return FALSE;
    }

  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;
  if (recording)
    {
      if (day == NULL)
        day = trellis_context_dup_today (context);
      if (!without && !find_giver (context, child_id, by, &giver, error))
        return FALSE;
      if (trellis_store_record_consent (trellis_context_get_store (context),
                                        trellis_context_get_actor (context), child_id, subject,
                                        service, decision, giver, day, reason, error) == 0)
        return FALSE;
      g_print (_("Recorded: %s, %s\n"), trellis_consent_subject_to_label (subject),
               trellis_consent_decision_to_label (decision));
    }
  if (trellisctl_want_json (cli))
    {
      g_autoptr(GListModel) consents =
        trellis_store_list_consents (trellis_context_get_store (context),
                                     trellis_context_get_actor (context), child_id, error);
      return consents != NULL && trellisctl_print_json_list (consents, NULL, error);
    }
  return print_consent (context, child_id, error);
}
