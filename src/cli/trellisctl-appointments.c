/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-appointments.c: “trellisctl health CHILD-ID appointments | appointment |
 * outcome”, a child's health appointments and what came of each
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>

#include "trellisctl-private.h"

/* One line each, the upcoming first: when, with whom, what for, and what came of it */
gboolean
trellisctl_print_appointments (Cli             *cli,
                               TrellisContext  *context,
                               gint64           child_id,
                               GError         **error)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GListModel) list = trellis_store_list_appointments (trellis_context_get_store (context),
                                                                trellis_context_get_actor (context),
                                                                child_id, error);

  if (list == NULL)
    return FALSE;
  if (trellisctl_want_json (cli))
    return trellisctl_print_json_list (list, NULL, error);
  if (g_list_model_get_n_items (list) == 0)
    g_print ("%s\n", _("No appointments recorded"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisAppointment) a = g_list_model_get_item (list, i);
      g_autofree char *when = trellis_appointment_dup_when (a);
      const char *outcome = trellis_appointment_get_outcome (a);

      /* Translators: "#12  3 December 2026 at 09:30  Dr Okafor, CAMHS: Review of sleep" */
      g_print (_("#%lld  %s  %s: %s"), (long long) trellis_appointment_get_id (a), when,
               trellis_appointment_get_with_whom (a), trellis_appointment_get_purpose (a));
      if (outcome[0] != '\0')
        g_print (_(" — outcome: %s"), outcome);
      else if (trellis_date_compare (trellis_appointment_get_date (a), today) > 0)
        g_print ("%s", _(" (upcoming)"));
      else
        g_print ("%s", _(" (no outcome recorded)"));
      g_print ("\n");
    }
  return TRUE;
}

gboolean
trellisctl_record_appointment (Cli             *cli,
                               TrellisContext  *context,
                               gint64           child_id,
                               GDateTime       *day,
                               const char      *time,
                               const char      *with_whom,
                               const char      *purpose,
                               GError         **error)
{
  gint64 id = trellis_store_record_appointment (trellis_context_get_store (context),
                                                trellis_context_get_actor (context), child_id,
                                                day, time, with_whom, purpose, error);
  g_autofree char *when = NULL;

  if (id == 0)
    return FALSE;
  when = trellis_date_format (day);
  g_print (_("Recorded: appointment #%lld on %s\n"), (long long) id, when);
  return trellisctl_print_appointments (cli, context, child_id, error);
}

gboolean
trellisctl_record_appointment_outcome (Cli             *cli,
                                       TrellisContext  *context,
                                       gint64           child_id,
                                       gint64           appointment_id,
                                       const char      *outcome,
                                       GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  g_autoptr(GListModel) versions = NULL;

  if (!trellis_store_record_appointment_outcome (store, trellis_context_get_actor (context),
                                                 appointment_id, outcome, error))
    return FALSE;
  versions = trellis_store_list_appointment_versions (store, trellis_context_get_actor (context),
                                                      appointment_id, error);
  if (versions == NULL)
    return FALSE;
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Recorded the outcome of appointment #%lld"
                        " (%u version before it kept)\n",
                        "Recorded the outcome of appointment #%lld"
                        " (%u versions before it kept)\n",
                        g_list_model_get_n_items (versions)),
           (long long) appointment_id, g_list_model_get_n_items (versions));
  return trellisctl_print_appointments (cli, context, child_id, error);
}
