/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-child.c: “trellisctl child ID”, one child’s details and Link Worker history
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

static gboolean
parse_child_id (const char  *text,
                gint64      *id,
                GError     **error)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                           _("Give the child’s number, as “trellisctl children” lists it"));
      return FALSE;
    }
  *id = value;
  return TRUE;
}

static gboolean
print_child_json (TrellisChild  *child,
                  GListModel    *history,
                  GDateTime     *today,
                  GError       **error)
{
  g_autoptr(TrellisJsonWriter) writer = trellisctl_json_writer_new (today);

  trellis_json_writer_begin_record (writer, G_OBJECT (child));
  trellis_json_writer_set_member_name (writer, "link_worker_history");
  trellis_json_writer_add_record_list (writer, history);
  trellis_json_writer_end_object (writer);
  return trellis_json_writer_finish (writer, error);
}

static void
print_child_text (TrellisChild *child,
                  GListModel   *history,
                  GDateTime    *today)
{
  g_autofree char *full = trellis_child_dup_full_name (child);
  g_autofree char *dob = trellis_date_format (trellis_child_get_date_of_birth (child));
  g_autofree char *admitted = trellis_date_format (trellis_child_get_admission_date (child));
  g_autofree char *left = trellis_date_format (trellis_child_get_leaving_date (child));
  const char *worker = trellis_child_get_link_worker_name (child);

  g_print ("%s: %s\n", _("Name"), full);
  g_print ("%s: %s\n", _("Preferred name"), trellis_child_get_preferred_name (child));
  g_print ("%s: %s (%s %d)\n", _("Date of birth"), dob, _("aged"),
           trellis_child_get_age (child, today));
  g_print ("%s: %s\n", _("Gender"), trellis_child_get_gender (child));
  g_print ("%s: %s\n", _("First language"), trellis_child_get_first_language (child));
  g_print ("%s: %s\n", _("Religion"), trellis_child_get_religion (child));
  g_print ("%s: %s\n", _("Legal status"),
           trellis_legal_status_to_label (trellis_child_get_legal_status (child)));
  g_print ("%s: %s\n", _("Placing authority"), trellis_child_get_placing_authority (child));
  g_print ("%s: %s\n", _("Admission date"), admitted ? admitted : "");
  g_print ("%s: %s\n", _("Leaving date"), left ? left : "");
  if (trellis_child_is_placed (child, today))
    g_print ("%s: %s\n", _("Link Worker"), worker ? worker : _("none assigned"));
  else
    /* Translators: "Link Worker until 6 June 2024: Priya Sharma" */
    g_print (_("Link Worker until %s: %s\n"), left, worker ? worker : _("none when they left"));
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TrellisAssignment) a = g_list_model_get_item (history, i);
      g_autofree char *from = trellis_date_format (trellis_assignment_get_start_date (a));
      g_autofree char *to = trellis_date_format (trellis_assignment_get_end_date (a));

      g_print ("  %s – %s  %s  (%s)\n", from, to ? to : _("now"),
               trellis_assignment_get_staff_name (a),
               trellis_change_reason_to_label (trellis_assignment_get_reason (a)));
    }
}

gboolean
trellisctl_command_child (Cli     *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GDateTime) today = NULL;
  TrellisContext *context;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "child", "ID",
                                 _("Show one child’s details and Link Worker history."),
                                 entries, &argc, &argv, error) ||
      !parse_child_id (argc > 1 ? argv[1] : NULL, &id, error) ||
      (context = trellisctl_sign_in (cli, error)) == NULL)
    return FALSE;

  child = trellisctl_view_child (context, id, &history, error);
  if (child == NULL)
    return FALSE;

  today = trellis_context_dup_today (context);
  if (trellisctl_want_json (cli))
    return print_child_json (child, history, today, error);
  print_child_text (child, history, today);
  return TRUE;
}
