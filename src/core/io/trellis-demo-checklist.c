/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-checklist.c: a demo child's "given and told" and their complaints
 *
 * Most of what the guidance asks is done in a child's first fortnight; a few things are still
 * to do for some children, as in any home. About a third of the children have made a
 * complaint or two this year, most of them settled, not all to the child's satisfaction.
 */
#define G_LOG_DOMAIN "trellis-demo"

#include "config.h"

#include "trellis-date.h"
#include "trellis-demo-private.h"

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* a note that fits each item (in the order of items below), or none */
static const char * const checklist_notes[][3] = {
  { "Read together in the lounge; asked good questions", "Easy-read version given as well",
    "Went through it with an interpreter" },
  { "Knows they can ring the Children’s Commissioner", "Explained with the easy-read leaflet",
    "Asked who else they could tell" },
  { "Talked about bedtimes and phones", "Agreed to try the house rules for a month",
    "Went through them with an interpreter" },
  { "Practised the fire route twice", "Knows the meeting point by the gate",
    "Was there for the fire drill on the first weekend" },
  { "Explained with their social worker", "Went through the plan at the review",
    "Asked for the parts about school again" },
  { "Keeps it in their room", "Given in their first language as well",
    "Asked for a copy for their mum" },
};

static const char * const complaints[] = {
  "Pocket money was late again",
  "Not allowed to stay up to watch the match",
  "Another young person went into my room",
  "The Wi-Fi goes off at ten",
  "I wasn’t told my contact with Mum was cancelled",
  "Food at tea time is always the same",
  "Staff talked about me in front of others",
  "I want to choose my own clothes",
  "Nobody asked me before moving my room around",
};

static const char * const told[] = {
  "Their Link Worker", "The night staff", "The Manager", "Their social worker",
  "Their Independent Reviewing Officer", "A teacher at school",
};

static const struct { const char *handled; const char *outcome; } settled[] = {
  { "Talked it through with them the same day", "Pocket money is now paid every Friday" },
  { "The Manager met with them and their Link Worker", "Agreed a later bedtime at weekends" },
  { "Raised at the house meeting", "Everyone agreed knocking before going into rooms" },
  { "Apology from the member of staff", "Staff reminded about privacy at the team meeting" },
  { "Menu planned together at the house meeting", "They choose one tea each week" },
  { "Passed to their social worker", "Contact moved to Saturday, and they were told why" },
};

gboolean
trellis_demo_add_checklist_and_complaints (TrellisStore  *store,
                                           TrellisStaff  *manager,
                                           GRand         *rand,
                                           gint64         id,
                                           TrellisChild  *child,
                                           GDateTime     *latest,
                                           GError       **error)
{
  static const TrellisChecklistItem items[] = {
    TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE, TRELLIS_CHECKLIST_COMPLAINTS_PROCEDURE,
    TRELLIS_CHECKLIST_HOUSE_RULES, TRELLIS_CHECKLIST_STAYING_SAFE,
    TRELLIS_CHECKLIST_CARE_PLAN_EXPLAINED, TRELLIS_CHECKLIST_PLAN_COPY_GIVEN,
  };
  GDateTime *admitted = trellis_child_get_admission_date (child);
  int days_here, n_complaints;

  if (admitted == NULL || trellis_date_compare (admitted, latest) > 0)
    return TRUE;
  days_here = (int) (g_date_time_difference (latest, admitted) / G_TIME_SPAN_DAY);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GDateTime) on = g_date_time_add_days (admitted, g_rand_int_range (rand, 0, 15));

      if (g_rand_int_range (rand, 0, 100) >= 85 || trellis_date_compare (on, latest) > 0)
        continue;
      if (trellis_store_record_checklist (store, manager, id, items[i], on,
                                          g_rand_int_range (rand, 0, 2)
                                            ? PICK (rand, checklist_notes[i]) : "",
                                          error) == 0)
        return FALSE;
    }

  n_complaints = g_rand_int_range (rand, 0, 100) < 35 ? g_rand_int_range (rand, 1, 3) : 0;
  for (int i = 0; i < n_complaints && days_here > 7; i++)
    {
      g_autoptr(GDateTime) made = g_date_time_add_days (latest,
                                                        -g_rand_int_range (rand, 0,
                                                                           MIN (days_here, 300)));
      gint64 complaint;

      complaint = trellis_store_record_complaint (store, manager, id, made, PICK (rand, complaints),
                                                  PICK (rand, told), error);
      if (complaint == 0)
        return FALSE;
      if (g_rand_int_range (rand, 0, 100) < 75)
        {
          g_autoptr(GDateTime) on = g_date_time_add_days (made, g_rand_int_range (rand, 1, 15));
          guint which = g_rand_int_range (rand, 0, G_N_ELEMENTS (settled));
          TrellisSatisfied satisfied = g_rand_int_range (rand, 0, 100) < 70
                                         ? TRELLIS_SATISFIED_YES
                                         : g_rand_int_range (rand, 0, 2) ? TRELLIS_SATISFIED_NO
                                                                        : TRELLIS_SATISFIED_NOT_SAID;

          if (trellis_date_compare (on, latest) > 0)
            continue;
          if (!trellis_store_record_complaint_outcome (store, manager, complaint, on,
                                                       settled[which].handled,
                                                       settled[which].outcome, satisfied, error))
            return FALSE;
        }
    }
  return TRUE;
}
