/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-children.c: “trellisctl children”, the children of the home, one line each
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

static void
print_child_line (TrellisChild *child,
                  GDateTime    *today)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, trellis_child_get_id (child));
  g_autofree char *name = trellis_child_dup_display_name (child);
  g_autofree char *dob = trellis_date_format (trellis_child_get_date_of_birth (child));
  g_autofree char *age = g_strdup_printf (_("aged %d"), trellis_child_get_age (child, today));
  const char *worker = trellis_child_get_link_worker_name (child);

  trellisctl_append_padded (line, id, 5);
  trellisctl_append_padded (line, name, 26);
  trellisctl_append_padded (line, dob, 17);
  trellisctl_append_padded (line, age, 8);
  if (trellis_child_is_placed (child, today))
    g_string_append (line, worker != NULL ? worker : _("no Link Worker"));
  else
    {
      g_autofree char *left = trellis_date_format (trellis_child_get_leaving_date (child));

      trellisctl_append_padded (line, worker != NULL ? worker : _("no Link Worker"), 22);
      /* Translators: marks a child who has left in "trellisctl children --all" */
      g_string_append_printf (line, _("left on %s"), left);
    }
  g_print ("%s\n", g_strchomp (line->str));
}

gboolean
trellisctl_command_children (Cli     *cli,
                             int      argc,
                             char   **argv,
                             GError **error)
{
  g_autofree char *search = NULL;
  g_autofree char *sort = NULL;
  gboolean all = FALSE;
  g_autoptr(TrellisChildList) list = NULL;
  g_autoptr(GDateTime) today = NULL;
  TrellisContext *context;
  guint n;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only children whose names contain every word of TEXT"), "TEXT" },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort,
      N_("name (default), family-name, age or admission-date"), "KEY" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Include children who have left"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  if (!trellisctl_parse_options (cli, "children", NULL,
                                 _("List the children of the home, one line each. With --all, "
                                   "the children who have left are marked “left on DATE”."),
                                 entries, &argc, &argv, error) ||
      (context = trellisctl_sign_in (cli, error)) == NULL)
    return FALSE;

  today = trellis_context_dup_today (context);
  list = trellis_store_list_children (trellis_context_get_store (context),
                                      trellis_context_get_actor (context));
  if (sort != NULL)
    {
      int value = trellis_enum_from_nick (TRELLIS_TYPE_CHILD_SORT, sort);

      if (value < 0)
        {
          g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                               _("--sort takes name, family-name, age or admission-date"));
          return FALSE;
        }
      trellis_child_list_set_sort (list, value);
    }
  trellis_child_list_set_include_former (list, all);
  trellis_child_list_set_search (list, search);
  if (trellis_child_list_get_error (list) != NULL)
    {
      g_propagate_error (error, g_error_copy (trellis_child_list_get_error (list)));
      return FALSE;
    }

  if (trellisctl_want_json (cli))
    return trellisctl_print_json_list (G_LIST_MODEL (list), today, error);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);

      print_child_line (child, today);
    }
  /* a note, not an error: the search ran and found nobody */
  if (n == 0 && search != NULL)
    g_printerr (_("No child’s name contains “%s”\n"), search);

  return TRUE;
}
