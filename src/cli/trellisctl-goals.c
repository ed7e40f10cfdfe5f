/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-goals.c: “trellisctl goals CHILD-ID [add|rate GOAL-ID]”, a child's goals with
 * their ratings, risk areas and Stepping decisions
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

/* One line per goal with its ratings oldest first; the risk areas at their level now; the
 * Stepping decisions, newest first. */
static gboolean
print_goals (TrellisContext  *context,
             gint64           child_id,
             GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GListModel) goals = trellis_store_list_goals (store, actor, child_id, error);
  g_autoptr(GListModel) risks = NULL;
  g_autoptr(GListModel) stepping = NULL;
  gboolean seen[TRELLIS_RISK_AREA_GOING_MISSING + 1] = { FALSE, };

  if (goals == NULL ||
      (risks = trellis_store_list_risks (store, actor, child_id, error)) == NULL ||
      (stepping = trellis_store_list_stepping (store, actor, child_id, error)) == NULL)
    return FALSE;

  if (g_list_model_get_n_items (goals) == 0)
    g_print ("%s\n", _("No goals yet"));
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(TrellisGoal) goal = g_list_model_get_item (goals, i);
      GListModel *ratings = trellis_goal_get_ratings (goal);
      g_autofree char *review = trellis_date_format (trellis_goal_get_review_on (goal));
      g_autoptr(GString) line = g_string_new (NULL);
      TrellisDueState state = trellis_goal_review_state (trellis_goal_get_review_on (goal),
                                                         today);

      g_string_append_printf (line, "%" G_GINT64_FORMAT "  ", trellis_goal_get_id (goal));
      trellisctl_append_padded (line, trellis_goal_domain_to_label (trellis_goal_get_domain (goal)),
                                12);
      g_string_append_printf (line, _("%s: from %u to %u, review by %s"),
                              trellis_goal_get_what (goal), trellis_goal_get_baseline (goal),
                              trellis_goal_get_target (goal), review);
      if (state == TRELLIS_DUE_OVERDUE)
        g_string_append (line, _(" (review overdue)"));
      else if (state == TRELLIS_DUE_SOON)
        g_string_append (line, _(" (review due)"));
      g_print ("%s\n", line->str);
      for (guint j = 0; j < g_list_model_get_n_items (ratings); j++)
        {
          g_autoptr(TrellisGoalRating) r = g_list_model_get_item (ratings, j);
          g_autofree char *when = trellis_date_format (trellis_goal_rating_get_rated_on (r));

          /* Translators: "    rated 5 on 3 November 2026 by Sam Carter" */
          g_print (_("    rated %u on %s by %s\n"), trellis_goal_rating_get_rating (r), when,
                   trellis_goal_rating_get_recorded_by (r));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(TrellisRiskFlag) flag = g_list_model_get_item (risks, i);
      TrellisRiskArea area = trellis_risk_flag_get_area (flag);
      g_autofree char *since = NULL;
      g_autofree char *level = NULL;

      if (area > TRELLIS_RISK_AREA_GOING_MISSING || seen[area])
        continue;
      seen[area] = TRUE;
      since = trellis_date_format (trellis_risk_flag_get_flagged_on (flag));
      level = g_utf8_strdown (trellis_risk_level_to_label (trellis_risk_flag_get_level (flag)),
                              -1);
      /* Translators: "Risk: Going missing, high since 14 November 2026" */
      g_print (_("Risk: %s, %s since %s\n"), trellis_risk_area_to_label (area), level, since);
    }
  for (guint i = 0; i < g_list_model_get_n_items (stepping); i++)
    {
      g_autoptr(TrellisSteppingDecision) d = g_list_model_get_item (stepping, i);
      g_autofree char *when = trellis_date_format (trellis_stepping_decision_get_decided_on (d));

      /* Translators: "Stepped up on 15 November 2026 by Team meeting: why" */
      g_print (_("%s on %s by %s: %s\n"),
               trellis_stepping_to_label (trellis_stepping_decision_get_direction (d)), when,
               trellis_stepping_decision_get_decided_by (d),
               trellis_stepping_decision_get_reason (d));
    }
  return TRUE;
}

/* {"goals": [goal… with "ratings"], "risks": [flag…, newest first], "stepping": […]} */
static gboolean
print_goals_json (TrellisContext  *context,
                  gint64           child_id,
                  GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(GListModel) goals = trellis_store_list_goals (store, actor, child_id, error);
  g_autoptr(GListModel) risks = NULL;
  g_autoptr(GListModel) stepping = NULL;
  g_autoptr(TrellisJsonWriter) writer = NULL;

  if (goals == NULL ||
      (risks = trellis_store_list_risks (store, actor, child_id, error)) == NULL ||
      (stepping = trellis_store_list_stepping (store, actor, child_id, error)) == NULL)
    return FALSE;
  writer = trellisctl_json_writer_new (NULL);
  trellis_json_writer_begin_object (writer);
  trellis_json_writer_set_member_name (writer, "goals");
  trellis_json_writer_begin_array (writer);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(TrellisGoal) goal = g_list_model_get_item (goals, i);

      trellis_json_writer_begin_record (writer, G_OBJECT (goal));
      trellis_json_writer_set_member_name (writer, "ratings");
      trellis_json_writer_add_record_list (writer, trellis_goal_get_ratings (goal));
      trellis_json_writer_end_object (writer);
    }
  trellis_json_writer_end_array (writer);
  trellis_json_writer_set_member_name (writer, "risks");
  trellis_json_writer_add_record_list (writer, risks);
  trellis_json_writer_set_member_name (writer, "stepping");
  trellis_json_writer_add_record_list (writer, stepping);
  trellis_json_writer_end_object (writer);
  return trellis_json_writer_finish (writer, error);
}

static gboolean
usage (GError    **error,
       const char *message)
{
  g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE, message);
  return FALSE;
}

/* A rating or a baseline typed on the command line: 1–10, else 0 */
static guint
parse_rating (const char *text)
{
  char *end = NULL;
  guint64 value = text != NULL ? g_ascii_strtoull (text, &end, 10) : 0;

  return text != NULL && *text != '\0' && *end == '\0' && value >= TRELLIS_GOAL_RATING_MIN &&
         value <= TRELLIS_GOAL_RATING_MAX ? value : 0;
}

gboolean
trellisctl_command_goals (Cli     *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  g_autofree char *rating_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *domain_text = NULL;
  g_autofree char *what = NULL;
  g_autofree char *baseline_text = NULL;
  g_autofree char *target_text = NULL;
  g_autoptr(GDateTime) day = NULL;
  TrellisContext *context;
  gint64 child_id, goal_id = 0, id;
  gboolean rate, add;
  int domain = -1;
  guint rating = 0, baseline = 0;
  GOptionEntry entries[] = {
    { "rating", 0, 0, G_OPTION_ARG_STRING, &rating_text,
      N_("Progress from 1 to 10 (rate), or the target (add)"), "N" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the rating, today if not given (rate); the review date (add)"), "DATE" },
    { "domain", 0, 0, G_OPTION_ARG_STRING, &domain_text,
      N_("social, emotional, academic, health or independence (add)"), "DOMAIN" },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("What the goal is (add)"), "TEXT" },
    { "baseline", 0, 0, G_OPTION_ARG_STRING, &baseline_text,
      N_("Where the child is now, 1 to 10 (add)"), "N" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target_text,
      N_("Where they mean to get to, 1 to 10 (add)"), "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "goals", "CHILD-ID [add|rate GOAL-ID]",
                                 _("A child’s goals with their progress ratings, the risk areas "
                                   "flagged and Stepping Up / Stepping Down decisions; “add” "
                                   "sets a goal, “rate GOAL-ID” rates progress towards one (the "
                                   "child’s Link Worker or a Manager)."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (argc < 2 || (child_id = g_ascii_strtoll (argv[1], NULL, 10)) <= 0)
    return usage (error, _("Name the child by number: trellisctl goals CHILD-ID"));
  rate = argc > 2 && g_str_equal (argv[2], "rate");
  add = argc > 2 && g_str_equal (argv[2], "add");
  if (argc > 2 && !rate && !add)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown goals command “%s”: goals takes add or rate"), argv[2]);
      return FALSE;
    }
  if (rate && (argc < 4 || (goal_id = g_ascii_strtoll (argv[3], NULL, 10)) <= 0))
    return usage (error, _("Name the goal by number: trellisctl goals CHILD-ID rate GOAL-ID"));
  if ((rate || add) && (rating = parse_rating (rating_text)) == 0 &&
      (rate || (rating = parse_rating (target_text)) == 0))
    return usage (error, rate ? _("Give the rating, 1 to 10, with --rating")
                              : _("Give the target, 1 to 10, with --target"));
  if (add)
    {
      domain = domain_text != NULL ? trellis_enum_from_nick (TRELLIS_TYPE_GOAL_DOMAIN,
                                                             domain_text) : -1;
      if (domain < 0)
        return usage (error, _("Say what the goal is about with --domain: social, emotional, "
                               "academic, health or independence"));
      if ((baseline = parse_rating (baseline_text)) == 0)
        return usage (error, _("Give where the child is now, 1 to 10, with --baseline"));
      if (date_text == NULL)
        return usage (error, _("Give the review date with --date"));
    }
  if (date_text != NULL && (day = trellis_date_parse (date_text, error)) == NULL)
    return FALSE;

  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;
  if (rate)
    {
      if (day == NULL)
        day = trellis_context_dup_today (context);
      id = trellis_store_rate_goal (trellis_context_get_store (context),
                                    trellis_context_get_actor (context), goal_id, rating, day,
                                    error);
      if (id == 0)
        return FALSE;
      g_print (_("Recorded: a rating of %u\n"), rating);
    }
  else if (add)
    {
      id = trellis_store_add_goal (trellis_context_get_store (context),
                                   trellis_context_get_actor (context), child_id, domain, what,
                                   baseline, rating, day, error);
      if (id == 0)
        return FALSE;
      g_print (_("Recorded: goal %lld\n"), (long long) id);
    }
  if (trellisctl_want_json (cli))
    return print_goals_json (context, child_id, error);
  return print_goals (context, child_id, error);
}
