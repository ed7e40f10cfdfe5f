/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-plans.c: “trellisctl plans CHILD-ID [show|approve|return PLAN]” and
 * “trellisctl plans awaiting”: a child's plans, and a Manager's approval of them
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

/* One line for a plan as it is now: its number, what it is, where it stands, its review */
static void
print_plan_line (TrellisCarePlanVersion *plan,
                 GDateTime              *today,
                 gboolean                with_child)
{
  const TrellisCarePlanContent *content = trellis_care_plan_version_get_content (plan);
  TrellisDueState due = trellis_care_plan_review_state (content->review_on, today);
  g_autofree char *title = trellis_care_plan_version_dup_title (plan);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             trellis_care_plan_version_get_plan_id (plan));
  g_autofree char *version = g_strdup_printf (_("v%u"), trellis_care_plan_version_get_version (plan));
  g_autoptr(GString) line = g_string_new (NULL);

  trellisctl_append_padded (line, number, 5);
  if (with_child)
    trellisctl_append_padded (line, trellis_care_plan_version_get_child_name (plan), 20);
  trellisctl_append_padded (line, title, 44);
  trellisctl_append_padded (line, trellis_care_plan_status_to_label (
                                    trellis_care_plan_version_get_status (plan)), 18);
  trellisctl_append_padded (line, version, 4);
  if (content->review_on != NULL)
    {
      g_autofree char *review = trellis_date_format (content->review_on);
      g_string_append_printf (line, _("review by %s"), review);
      if (due == TRELLIS_DUE_OVERDUE)
        g_string_append (line, _(" (overdue)"));
      else if (due == TRELLIS_DUE_SOON)
        g_string_append (line, _(" (review due)"));
    }
  else
    g_string_append (line, _("no review date"));
  g_print ("%s\n", g_strchomp (line->str));
}

static gboolean
print_plans (Cli         *cli,
             TrellisContext *context,
             GListModel  *plans,
             gboolean     with_child,
             GError     **error)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);

  if (trellisctl_want_json (cli))
    return trellisctl_print_json_list (plans, today, error);
  if (g_list_model_get_n_items (plans) == 0)
    g_print ("%s\n", with_child ? _("Nothing awaits approval") : _("No plans yet"));
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(TrellisCarePlanVersion) plan = g_list_model_get_item (plans, i);
      print_plan_line (plan, today, with_child);
    }
  return TRUE;
}

/* A version in full: its sections, the review, the child's copy and words */
static gboolean
print_version (Cli                     *cli,
               TrellisContext          *context,
               TrellisCarePlanVersion  *version,
               GError                 **error)
{
  const TrellisCarePlanContent *content = trellis_care_plan_version_get_content (version);
  guint n = 0;
  const TrellisCarePlanSection *sections = trellis_care_plan_kind_sections (content->kind, &n);
  g_autofree char *title = trellis_care_plan_version_dup_title (version);
  g_autofree char *when = trellis_date_format_moment (trellis_care_plan_version_get_saved_at (version));

  if (trellisctl_want_json (cli))
    {
      g_autoptr(GDateTime) today = trellis_context_dup_today (context);
      g_autoptr(TrellisJsonWriter) writer = trellisctl_json_writer_new (today);

      trellis_json_writer_begin_record (writer, G_OBJECT (version));
      trellis_json_writer_set_member_name (writer, "sections");
      trellis_json_writer_begin_object (writer);
      for (guint i = 0; i < n; i++)
        {
          trellis_json_writer_set_member_name (writer, sections[i].key);
          trellis_json_writer_add_string_value (writer, content->sections[i]);
        }
      trellis_json_writer_end_object (writer);
      trellis_json_writer_end_object (writer);
      return trellis_json_writer_finish (writer, error);
    }

  g_print ("%s\n", title);
  g_print (_("Version %u: %s by %s, %s\n"), trellis_care_plan_version_get_version (version),
           trellis_care_plan_step_to_label (trellis_care_plan_version_get_step (version)),
           trellis_care_plan_version_get_saved_by (version), when);
  g_print (_("Status: %s\n"), trellis_care_plan_status_to_label (
                                trellis_care_plan_version_get_status (version)));
  if (*trellis_care_plan_version_get_comment (version) != '\0')
    g_print (_("Comment: %s\n"), trellis_care_plan_version_get_comment (version));
  if (content->kind == TRELLIS_CARE_PLAN_RISK)
    g_print (_("Level of risk: %s\n"), trellis_risk_level_to_label (content->risk_level));
  if (content->review_on != NULL)
    {
      g_autofree char *review = trellis_date_format (content->review_on);
      g_print (_("Review by: %s\n"), review);
    }
  if (content->given_on != NULL)
    {
      g_autofree char *given = trellis_date_format (content->given_on);
      g_print (_("Child given a copy: %s\n"), given);
    }
  g_print (_("Developed with the child: %s\n"), content->with_child ? _("yes") : _("no"));
  for (guint i = 0; i < n; i++)
    g_print ("\n%s\n%s\n", _(sections[i].title),
             *content->sections[i] != '\0' ? content->sections[i] : _("(not written)"));
  if (*content->child_comments != '\0')
    g_print ("\n%s\n%s\n", _("The child’s own words"), content->child_comments);
  return TRUE;
}

gboolean
trellisctl_command_plans (Cli     *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  g_autofree char *comment = NULL;
  int version = 0;
  TrellisContext *context;
  TrellisStore *store;
  TrellisStaff *actor;
  const char *verb;
  gint64 child_id = 0, plan_id = 0;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version,
      N_("Which version to show (show; the plan as it is now by default)"), "N" },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment,
      N_("What needs to change (return)"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "plans", "CHILD-ID [show|approve|return PLAN] | awaiting",
                                 _("A child’s plans (placement plan, Behaviour Management Plan, "
                                   "risk assessments, health care plan, Personal Education "
                                   "Plan), one in full with “show”, and a Manager’s “approve” "
                                   "or “return” with a comment; “awaiting” lists every plan "
                                   "awaiting approval."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc >= 2 && g_str_equal (argv[1], "awaiting"))
    verb = "awaiting";
  else if (argc < 2 || (child_id = g_ascii_strtoll (argv[1], NULL, 10)) <= 0)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Name the child by number: trellisctl plans CHILD-ID, or "
                             "trellisctl plans awaiting"));
      return FALSE;
    }
  else if (argc == 2)
    verb = "list";
  else if (g_str_equal (argv[2], "show") || g_str_equal (argv[2], "approve") ||
           g_str_equal (argv[2], "return"))
    {
      verb = argv[2];
      if (argc < 4 || (plan_id = g_ascii_strtoll (argv[3], NULL, 10)) <= 0)
        {
          g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                       _("Name the plan by number: trellisctl plans CHILD-ID %s PLAN"), verb);
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown plans command “%s”: plans takes show, approve or return"),
                   argv[2]);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("A version is a number from 1"));
      return FALSE;
    }
  if (g_str_equal (verb, "return") && comment == NULL)
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Say what needs to change with --comment"));
      return FALSE;
    }
  if (!trellisctl_check_format (cli, error))
    return FALSE;

  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;
  store = trellis_context_get_store (context);
  actor = trellis_context_get_actor (context);

  if (g_str_equal (verb, "awaiting") || g_str_equal (verb, "list"))
    {
      gboolean awaiting = g_str_equal (verb, "awaiting");
      g_autoptr(GListModel) plans = awaiting
        ? trellis_store_list_care_plans_awaiting (store, actor, error)
        : trellis_store_list_care_plans (store, actor, child_id, error);
      g_autoptr(TrellisChild) child = NULL;

      /* a child who is not there is said so, not shown with no plans */
      if (!awaiting && (child = trellis_store_get_child (store, actor, child_id, error)) == NULL)
        return FALSE;
      return plans != NULL && print_plans (cli, context, plans, awaiting, error);
    }

  {
    g_autoptr(TrellisCarePlanVersion) plan = trellis_store_get_care_plan (store, actor, plan_id,
                                                                          version, error);

    if (plan == NULL)
      return FALSE;
    if (trellis_care_plan_version_get_child_id (plan) != child_id)
      {
        g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                     _("Child %lld has no plan %lld"), (long long) child_id,
                     (long long) plan_id);
        return FALSE;
      }
    if (g_str_equal (verb, "show"))
      return print_version (cli, context, plan, error);
  }
  if (g_str_equal (verb, "approve")
        ? !trellis_store_approve_care_plan (store, actor, plan_id, error)
        : !trellis_store_return_care_plan (store, actor, plan_id, comment, error))
    return FALSE;
  {
    g_autoptr(TrellisCarePlanVersion) now = trellis_store_get_care_plan (store, actor, plan_id, 0,
                                                                         error);
    g_autofree char *title = now != NULL ? trellis_care_plan_version_dup_title (now) : NULL;

    if (now == NULL)
      return FALSE;
    if (!trellisctl_want_json (cli))
      g_print (g_str_equal (verb, "approve") ? _("Approved: %s, version %u\n")
                                             : _("Returned to draft: %s, version %u\n"),
               title, trellis_care_plan_version_get_version (now));
    else
      return print_version (cli, context, now, error);
  }
  return TRUE;
}
