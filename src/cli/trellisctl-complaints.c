/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-complaints.c: “trellisctl checklist CHILD-ID [done …]”, what a child has been
 * given and told; “trellisctl complaints CHILD-ID [record|outcome …]”, their complaints, and
 * “trellisctl complaints --counts”, the home's by month (Managers)
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

static const TrellisChecklistItem items[] = {
  TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE, TRELLIS_CHECKLIST_COMPLAINTS_PROCEDURE,
  TRELLIS_CHECKLIST_HOUSE_RULES, TRELLIS_CHECKLIST_STAYING_SAFE,
  TRELLIS_CHECKLIST_CARE_PLAN_EXPLAINED, TRELLIS_CHECKLIST_PLAN_COPY_GIVEN,
};

static gboolean
parse_child (int          argc,
             char       **argv,
             const char  *command,
             gint64      *child_id,
             GError     **error)
{
  if (argc < 2 || (*child_id = g_ascii_strtoll (argv[1], NULL, 10)) <= 0)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Name the child by number: trellisctl %s CHILD-ID"), command);
      return FALSE;
    }
  return TRUE;
}

/* A day given with @option, which the command needs */
static GDateTime *
parse_day (const char  *text,
           const char  *option,
           GError     **error)
{
  if (text == NULL)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Give the day with %s, as 20/11/2026 or 2026-11-20"), option);
      return NULL;
    }
  return trellis_date_parse (text, error);
}

/* One line per thing the child is given or told: when it was last done and by whom. */
static gboolean
print_checklist (TrellisContext  *context,
                 gint64           child_id,
                 GError         **error)
{
  g_autoptr(GListModel) entries =
    trellis_store_list_checklist (trellis_context_get_store (context),
                                  trellis_context_get_actor (context), child_id, error);

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(TrellisChecklistEntry) last = trellis_checklist_entry_find (entries, items[i]);
      g_autoptr(GString) line = g_string_new (NULL);

      trellisctl_append_padded (line, trellis_enum_to_nick (TRELLIS_TYPE_CHECKLIST_ITEM, items[i]),
                                22);
      if (last != NULL)
        {
          g_autofree char *day = trellis_date_format (trellis_checklist_entry_get_done_on (last));
          g_string_append_printf (line, _("done %s by %s"), day,
                                  trellis_checklist_entry_get_recorded_by (last));
        }
      else
        g_string_append (line, _("not yet done"));
      g_print ("%s\n", line->str);
    }
  return TRUE;
}

gboolean
trellisctl_command_checklist (Cli     *cli,
                              int      argc,
                              char   **argv,
                              GError **error)
{
  g_autofree char *item_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GDateTime) day = NULL;
  TrellisContext *context;
  gint64 child_id;
  gboolean done;
  int item = -1;
  GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_STRING, &item_text,
      N_("What (done): young-persons-guide, complaints-procedure, house-rules, staying-safe, "
         "care-plan-explained or plan-copy-given"), "ITEM" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day it was done (done), as 20/11/2026 or 2026-11-20"), "DATE" },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, N_("How it went, briefly (done)"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json (every entry)"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "checklist", "CHILD-ID [done]",
                                 _("What a child has been given and told since they came, as "
                                   "the guidance asks; “done” records one (the child’s Link "
                                   "Worker or a Manager)."),
                                 entries, &argc, &argv, error) ||
      !parse_child (argc, argv, "checklist", &child_id, error))
    return FALSE;
  done = argc > 2 && g_str_equal (argv[2], "done");
  if (argc > 2 && !done)
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown checklist command “%s”: checklist takes done"), argv[2]);
      return FALSE;
    }
  if (done)
    {
      item = item_text != NULL ? trellis_enum_from_nick (TRELLIS_TYPE_CHECKLIST_ITEM, item_text)
                               : -1;
      if (item < 0)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("Say what with --item: young-persons-guide, "
                                 "complaints-procedure, house-rules, staying-safe, "
                                 "care-plan-explained or plan-copy-given"));
          return FALSE;
        }
      if ((day = parse_day (date_text, "--date", error)) == NULL)
        return FALSE;
    }

  if ((context = trellisctl_sign_in (cli, error)) == NULL)
    return FALSE;
  if (done)
    {
      g_autofree char *when = trellis_date_format (day);

      if (trellis_store_record_checklist (trellis_context_get_store (context),
                                          trellis_context_get_actor (context), child_id, item,
                                          day, notes, error) == 0)
        return FALSE;
      g_print (_("Recorded: %s, on %s\n"), trellis_checklist_item_to_label (item), when);
    }
  else if (trellisctl_want_json (cli))
    {
      g_autoptr(GListModel) list =
        trellis_store_list_checklist (trellis_context_get_store (context),
                                      trellis_context_get_actor (context), child_id, error);
      return list != NULL && trellisctl_print_json_list (list, NULL, error);
    }
  return print_checklist (context, child_id, error);
}

static void
print_complaint (TrellisComplaint *complaint)
{
  g_autofree char *made = trellis_date_format (trellis_complaint_get_made_on (complaint));

  g_print ("%" G_GINT64_FORMAT "  %s  %s\n", trellis_complaint_get_id (complaint), made,
           trellis_complaint_get_about (complaint));
  if (trellis_complaint_is_open (complaint))
    g_print (_("    made to %s; open\n"), trellis_complaint_get_made_to (complaint));
  else
    {
      g_autofree char *settled = trellis_date_format (trellis_complaint_get_resolved_on (complaint));
      g_print (_("    made to %s; settled %s: %s (%s)\n"),
               trellis_complaint_get_made_to (complaint), settled,
               trellis_complaint_get_outcome (complaint),
               trellis_satisfied_to_label (trellis_complaint_get_satisfied (complaint)));
    }
}

static gboolean
print_counts (TrellisContext  *context,
              guint            months,
              GError         **error)
{
  g_autoptr(GArray) counts = trellis_store_count_complaints (trellis_context_get_store (context),
                                                             trellis_context_get_actor (context),
                                                             months, error);

  if (counts == NULL)
    return FALSE;
  if (counts->len == 0)
    g_print (_("No complaints in the last %u months\n"), months);
  for (guint i = 0; i < counts->len; i++)
    {
      TrellisComplaintCount *count = &g_array_index (counts, TrellisComplaintCount, i);
      g_autoptr(GDateTime) first = trellis_date_new (count->year, count->month, 1);
      g_autofree char *month = g_date_time_format (first, "%B %Y");

      /* Translators: "November 2026: 3 made, 1 open, 1 not satisfied" */
      g_print (_("%s: %u made, %u open, %u not satisfied\n"), month, count->made, count->open,
               count->not_satisfied);
    }
  return TRUE;
}

gboolean
trellisctl_command_complaints (Cli     *cli,
                               int      argc,
                               char   **argv,
                               GError **error)
{
  g_autofree char *date_text = NULL;
  g_autofree char *about = NULL;
  g_autofree char *to = NULL;
  g_autofree char *handled = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *satisfied_text = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GListModel) list = NULL;
  gboolean counts = FALSE;
  int months = 12, satisfied = TRELLIS_SATISFIED_NOT_SAID;
  TrellisContext *context;
  gint64 child_id = 0, complaint_id = 0;
  const char *command;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day it was made (record) or settled (outcome)"), "DATE" },
    { "about", 0, 0, G_OPTION_ARG_STRING, &about, N_("What it is about (record)"), "TEXT" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Whom the child told (record)"), "NAME" },
    { "handled", 0, 0, G_OPTION_ARG_STRING, &handled, N_("How it was handled (outcome)"),
      "TEXT" },
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome, N_("What came of it (outcome)"), "TEXT" },
    { "satisfied", 0, 0, G_OPTION_ARG_STRING, &satisfied_text,
      N_("Whether the child was satisfied (outcome): yes, no or not-said"), "ANSWER" },
    { "counts", 0, 0, G_OPTION_ARG_NONE, &counts,
      N_("The home’s complaints by month, without a child (Managers)"), NULL },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("How many months of counts (12)"), "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default) or json (the child’s complaints)"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "complaints", "CHILD-ID [record|outcome COMPLAINT-ID]",
                                 _("The complaints a child has made and how each was handled; "
                                   "“record” adds one and “outcome” records how one was "
                                   "settled (the child’s Link Worker or a Manager); --counts "
                                   "gives the home’s by month (Managers)."),
                                 entries, &argc, &argv, error))
    return FALSE;
  if (counts)
    {
      if (months < 1 || months > 120)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("--months takes a number from 1 to 120"));
          return FALSE;
        }
      return (context = trellisctl_sign_in (cli, error)) != NULL &&
             print_counts (context, months, error);
    }
  if (!parse_child (argc, argv, "complaints", &child_id, error))
    return FALSE;
  command = argc > 2 ? argv[2] : NULL;
  if (command != NULL && !g_str_equal (command, "record") && !g_str_equal (command, "outcome"))
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown complaints command “%s”: complaints takes record or outcome"),
                   command);
      return FALSE;
    }
  if (command != NULL && (day = parse_day (date_text, "--date", error)) == NULL)
    return FALSE;
  if (command != NULL && g_str_equal (command, "outcome"))
    {
      if (argc < 4 || (complaint_id = g_ascii_strtoll (argv[3], NULL, 10)) <= 0)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("Name the complaint by number: trellisctl complaints CHILD-ID "
                                 "outcome COMPLAINT-ID"));
          return FALSE;
        }
      if (satisfied_text != NULL &&
          (satisfied = trellis_enum_from_nick (TRELLIS_TYPE_SATISFIED, satisfied_text)) < 0)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("--satisfied takes yes, no or not-said"));
          return FALSE;
        }
    }

  if ((context = trellisctl_sign_in (cli, error)) == NULL)
    return FALSE;
  if (command != NULL && g_str_equal (command, "record"))
    {
      gint64 id = trellis_store_record_complaint (trellis_context_get_store (context),
                                                  trellis_context_get_actor (context), child_id,
                                                  day, about, to, error);
      if (id == 0)
        return FALSE;
      g_print (_("Recorded complaint %lld\n"), (long long) id);
    }
  else if (command != NULL)
    {
      /* the complaint must be this child's: a number typed for another child is refused */
      g_autoptr(GListModel) mine = trellis_store_list_complaints (trellis_context_get_store (context),
                                                                  trellis_context_get_actor (context),
                                                                  child_id, error);
      gboolean found = FALSE;

      if (mine == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (mine) && !found; i++)
        {
          g_autoptr(TrellisComplaint) c = g_list_model_get_item (mine, i);
          found = trellis_complaint_get_id (c) == complaint_id;
        }
      if (!found)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                       _("Child %lld has no complaint %lld"),
                       (long long) child_id, (long long) complaint_id);
          return FALSE;
        }
      if (!trellis_store_record_complaint_outcome (trellis_context_get_store (context),
                                                   trellis_context_get_actor (context),
                                                   complaint_id, day, handled, outcome,
                                                   satisfied, error))
        return FALSE;
      g_print (_("Recorded the outcome of complaint %lld\n"), (long long) complaint_id);
    }

  list = trellis_store_list_complaints (trellis_context_get_store (context),
                                        trellis_context_get_actor (context), child_id, error);
  if (list == NULL)
    return FALSE;
  if (command == NULL && trellisctl_want_json (cli))
    return trellisctl_print_json_list (list, NULL, error);
  if (g_list_model_get_n_items (list) == 0)
    g_print (_("No complaints recorded\n"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisComplaint) complaint = g_list_model_get_item (list, i);
      print_complaint (complaint);
    }
  return TRUE;
}
