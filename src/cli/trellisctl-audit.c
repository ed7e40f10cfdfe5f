/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-audit.c: “trellisctl audit list|verify”, the audit trail
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

/* In words: when, who, what, about which child, and the account or reason */
static void
print_audit_text (GListModel *rows)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TrellisAuditEntry) e = g_list_model_get_item (rows, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (trellis_audit_entry_get_at (e));
      g_autofree char *when = g_date_time_format (local, "%-d %b %Y %H:%M");
      g_autofree char *detail = trellis_audit_entry_dup_detail_label (e);
      g_autoptr(GString) line = g_string_new (NULL);

      trellisctl_append_padded (line, when, 17);
      trellisctl_append_padded (line, trellis_audit_entry_get_staff_label (e), 20);
      trellisctl_append_padded (line, trellis_audit_entry_get_action_label (e), 26);
      if (*trellis_audit_entry_get_child_name (e) != '\0')
        trellisctl_append_padded (line, trellis_audit_entry_get_child_name (e), 0);
      g_string_append (line, detail);
      g_print ("%s\n", g_strchomp (line->str));
    }
}

static gboolean
audit_verify (TrellisContext  *context,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 broken = 0;
  guint n = 0;
  g_autofree char *row = NULL;

  if (trellis_store_verify_audit (trellis_context_get_store (context),
                                  trellis_context_get_actor (context), &broken, &n, &local_error))
    {
      g_print (_("The audit trail is intact (%u rows)\n"), n);
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* the row number outside the translatable text, so that it is never localised */
  row = g_strdup_printf ("%" G_GINT64_FORMAT, broken);
  g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
               _("The audit trail was changed outside Trellis: row %s does not match the chain"),
               row);
  return FALSE;
}

gboolean
trellisctl_command_audit (Cli     *cli,
                          int      argc,
                          char   **argv,
                          GError **error)
{
  gint64 child_id = 0;
  int limit = 200;
  g_autofree char *search = NULL;
  g_autoptr(GListModel) rows = NULL;
  TrellisContext *context;
  const char *verb = argc > 1 && argv[1][0] != '-' ? argv[1] : NULL;
  gboolean list = g_strcmp0 (verb, "list") == 0;
  gboolean verify = g_strcmp0 (verb, "verify") == 0;
  GOptionEntry entries[] = {
    { "child", 'c', 0, G_OPTION_ARG_INT64, &child_id, N_("Only this child’s trail (list)"), "ID" },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only rows whose person, child or words for what was done and why contain TEXT, "
         "ignoring case (list)"), "TEXT" },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N rows, newest first (list)"), "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("text (default, in words) or json (with the stored codes)"), "FORMAT" },
    { NULL }
  };
  GOptionEntry no_entries[] = { { NULL } };

  if (!trellisctl_parse_options (cli,
                                 verify ? "audit verify" : list ? "audit list" : "audit",
                                 verify || list ? NULL : "list|verify",
                                 verify ? _("Check the audit trail’s hash chain and report the "
                                            "first row changed outside Trellis.")
                                        : _("The audit trail: who looked at or changed what, and "
                                            "when, newest first. “audit verify” checks the hash "
                                            "chain and reports the first broken row."),
                                 verify ? no_entries : entries, &argc, &argv, error))
    return FALSE;

  verb = argc > 1 ? argv[1] : "list";
  if (!g_str_equal (verb, "list") && !g_str_equal (verb, "verify"))
    {
      g_set_error (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_USAGE,
                   _("Unknown audit command “%s”: audit takes list or verify"), verb);
      return FALSE;
    }
  context = trellisctl_sign_in (cli, error);
  if (context == NULL)
    return FALSE;

  if (g_str_equal (verb, "verify"))
    return audit_verify (context, error);

  rows = trellis_store_list_audit (trellis_context_get_store (context),
                                   trellis_context_get_actor (context), child_id, search,
                                   MAX (limit, 1), error);
  if (rows == NULL)
    return FALSE;
  /* with the stored codes, for scripts */
  if (trellisctl_want_json (cli))
    return trellisctl_print_json_list (rows, NULL, error);
  print_audit_text (rows);
  return TRUE;
}
