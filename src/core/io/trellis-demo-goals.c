/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-goals.c: the demo's goals, risk areas, Stepping decisions and incidents
 *
 * Each child placed has two to four goals in different domains, agreed some months ago and
 * rated about monthly since, mostly getting better with the odd step back; some have risk
 * areas flagged (a few at a level that changed), an occasional Stepping Up or Down
 * decision, and some have incidents, missing episodes with their return interviews among
 * them. Everything is recorded by the child's Link Worker, on days that have come and not
 * before the child came to live here.
 */
#define G_LOG_DOMAIN "trellis-demo"

#include "config.h"

#include "trellis-date.h"
#include "trellis-demo-private.h"

static const char * const goals[][4] = {
  [TRELLIS_GOAL_DOMAIN_SOCIAL] = {
    "Join a club or team outside school and go most weeks",
    "Invite a friend round for tea",
    "Talk to Mum on the phone every Sunday without arguing",
    "Eat with the house at least four evenings a week",
  },
  [TRELLIS_GOAL_DOMAIN_EMOTIONAL] = {
    "Tell an adult when I start to feel angry, before it boils over",
    "Use my calm box when I can’t sleep",
    "Talk about Dad with my counsellor",
    "Write in my feelings diary three times a week",
  },
  [TRELLIS_GOAL_DOMAIN_ACADEMIC] = {
    "Get to school on time every day",
    "Read for twenty minutes each night with my Link Worker",
    "Hand in maths homework each week",
    "Practise English with the tutor on Tuesdays",
  },
  [TRELLIS_GOAL_DOMAIN_HEALTH] = {
    "Go to bed by ten on school nights",
    "Walk or cycle to school three days a week",
    "Go to the dentist without being worried",
    "Cut down on energy drinks to one a day",
  },
  [TRELLIS_GOAL_DOMAIN_INDEPENDENCE] = {
    "Cook a meal for the house once a week",
    "Take the bus into town on my own",
    "Do my own washing",
    "Budget my pocket money and save for trainers",
  },
};

static const char * const interviewers[] = {
  "Amira Haddad", "Tomasz Nowicki", "Grace Mensah", "Priya Shah", "Ifeoma Okafor",
  "Siobhan Doyle",
};

static const char * const went[] = {
  "Did not come back from school; reported to the police at 22:00 and found at a friend’s "
  "house the next morning",
  "Left the house after an argument about phone time; came back by taxi at 01:30",
  "Not back from town by curfew; phone switched off; returned on their own at 23:45",
  "Went to see an older cousin in another town without saying; brought back by police",
};

static const char * const said[] = {
  "Wanted to see my friends and my phone died",
  "I was angry and needed to get away. I went to the park",
  "I was at my nan’s. She said it was fine",
  "Said an older boy had bought food and given a lift; would not say who",
  "Chose not to talk today; agreed to talk to their Link Worker tomorrow",
};

static const char * const behaviour[] = {
  "Shouted at staff and threw a cup in the kitchen after being told no to a sleepover",
  "Damaged a door in the lounge during an argument with another young person",
  "Refused to come down for school and swore at staff; calmed after an hour",
  "Took another young person’s headphones and would not give them back",
};

static const char * const holds[] = {
  "Held by two staff for about two minutes to stop them running into the road; no injuries",
  "Guided away from another young person by the arm during a fight; calm within five minutes",
};

static const char * const reasons[][2] = {
  { "Team around the child meeting", "Two missing episodes in a month; safety plan agreed" },
  { "Social worker and home manager", "School attendance below 80 per cent since half term" },
  { "Child in care review", "Settled well, no incidents since the summer; less contact needed" },
};

static int
between (GRand *rand,
         int    from,
         int    to)
{
  return g_rand_int_range (rand, from, to + 1);
}

static gboolean
add_goals (TrellisStore  *store,
           TrellisStaff  *worker,
           GRand         *rand,
           gint64         id,
           GDateTime     *admitted,
           GDateTime     *latest,
           int            days_here,
           GError       **error)
{
  int n = between (rand, 2, 4);
  int first = g_rand_int_range (rand, 0, TRELLIS_GOAL_DOMAIN_INDEPENDENCE + 1);

  for (int g = 0; g < n; g++)
    {
      TrellisGoalDomain domain = (first + g) % (TRELLIS_GOAL_DOMAIN_INDEPENDENCE + 1);
      /* agreed some weeks after the child came, within the last nine months */
      int ago = between (rand, 20, MIN (270, MAX (20, days_here - 14)));
      g_autoptr(GDateTime) set_on = g_date_time_add_days (latest, -ago);
      g_autoptr(GDateTime) review_on = g_date_time_add_months (set_on, between (rand, 3, 9));
      guint baseline = between (rand, 1, 4);
      guint target = MIN (10, baseline + between (rand, 3, 6));
      int rating = baseline;
      gint64 goal;

      if (trellis_date_compare (set_on, admitted) < 0)
        continue;
      goal = trellis_store_add_goal_full (store, worker, id, domain,
                                          goals[domain][g_rand_int_range (rand, 0, 4)],
                                          baseline, target, set_on, review_on, error);
      if (goal == 0)
        return FALSE;
      /* about monthly since, mostly up, now and then a step back */
      for (int day = between (rand, 14, 35); day < ago; day += between (rand, 21, 40))
        {
          g_autoptr(GDateTime) rated_on = g_date_time_add_days (set_on, day);
          int step = between (rand, -1, 2);   /* once: CLAMP() reads its argument thrice */

          rating = CLAMP (rating + step, 1, 10);
          if (trellis_store_rate_goal (store, worker, goal, rating, rated_on, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_risks (TrellisStore  *store,
           TrellisStaff  *worker,
           GRand         *rand,
           gint64         id,
           GDateTime     *latest,
           int            days_here,
           GError       **error)
{
  int n = g_rand_int_range (rand, 0, 100) < 55 ? between (rand, 1, 2) : 0;

  for (int i = 0; i < n; i++)
    {
      TrellisRiskArea area = g_rand_int_range (rand, 0, TRELLIS_RISK_AREA_GOING_MISSING + 1);
      TrellisRiskLevel level = g_rand_int_range (rand, TRELLIS_RISK_LEVEL_LOW,
                                                 TRELLIS_RISK_LEVEL_HIGH + 1);
      int ago = between (rand, 1, MAX (1, MIN (300, days_here - 1)));
      g_autoptr(GDateTime) on = g_date_time_add_days (latest, -ago);

      if (trellis_store_flag_risk (store, worker, id, area, level, on, error) == 0)
        return FALSE;
      /* a level that changed since: a new row, the first kept */
      if (ago > 40 && g_rand_int_range (rand, 0, 100) < 40)
        {
          g_autoptr(GDateTime) since = g_date_time_add_days (on, between (rand, 14, ago - 7));
          TrellisRiskLevel now = level == TRELLIS_RISK_LEVEL_LOW ? TRELLIS_RISK_LEVEL_MEDIUM
                                                                  : level - 1;

          if (trellis_store_flag_risk (store, worker, id, area, now, since, error) == 0)
            return FALSE;
        }
    }
  if (days_here > 60 && g_rand_int_range (rand, 0, 100) < 20)
    {
      int r = g_rand_int_range (rand, 0, G_N_ELEMENTS (reasons));
      g_autoptr(GDateTime) on = g_date_time_add_days (latest, -between (rand, 7, MIN (200,
                                                                                  days_here - 30)));

      if (trellis_store_record_stepping (store, worker, id,
                                         r == 2 ? TRELLIS_STEPPING_DOWN : TRELLIS_STEPPING_UP,
                                         on, reasons[r][0], reasons[r][1], error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_incidents (TrellisStore  *store,
               TrellisStaff  *worker,
               GRand         *rand,
               gint64         id,
               GDateTime     *latest,
               int            days_here,
               GError       **error)
{
  int n = g_rand_int_range (rand, 0, 100) < 45 ? between (rand, 1, 4) : 0;

  for (int i = 0; i < n; i++)
    {
      int ago = between (rand, 2, MAX (2, MIN (330, days_here - 1)));
      g_autoptr(GDateTime) on = g_date_time_add_days (latest, -ago);
      g_autoptr(GDateTime) held = g_date_time_add_days (on, between (rand, 1, 2));
      g_autofree char *time = g_strdup_printf ("%02d:%02d", between (rand, 7, 23),
                                               between (rand, 0, 11) * 5);
      int roll = g_rand_int_range (rand, 0, 100);
      TrellisIncidentReport report = { TRELLIS_INCIDENT_BEHAVIOUR, on, time, NULL, };

      if (roll < 40)
        {
          report.kind = TRELLIS_INCIDENT_MISSING;
          report.what = went[g_rand_int_range (rand, 0, G_N_ELEMENTS (went))];
          /* the return interview within three days, unless it has not happened yet */
          if (trellis_date_compare (held, latest) <= 0 && g_rand_int_range (rand, 0, 100) < 85)
            {
              report.interview_on = held;
              report.interview_by = interviewers[g_rand_int_range (rand, 0,
                                                                   G_N_ELEMENTS (interviewers))];
              report.child_said = said[g_rand_int_range (rand, 0, G_N_ELEMENTS (said))];
            }
        }
      else if (roll < 85)
        report.what = behaviour[g_rand_int_range (rand, 0, G_N_ELEMENTS (behaviour))];
      else
        {
          report.kind = TRELLIS_INCIDENT_PHYSICAL_INTERVENTION;
          report.what = holds[g_rand_int_range (rand, 0, G_N_ELEMENTS (holds))];
        }
      if (trellis_store_record_incident (store, worker, id, &report, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * trellis_demo_add_goals_and_incidents:
 * @worker: the child's Link Worker, who records it all
 *
 * Fills a placed child's goals, risks and incidents from @rand, a stream of their own.
 */
gboolean
trellis_demo_add_goals_and_incidents (TrellisStore  *store,
                                      TrellisStaff  *worker,
                                      GRand         *rand,
                                      gint64         child_id,
                                      TrellisChild  *child,
                                      GDateTime     *today,
                                      GError       **error)
{
  g_autoptr(GDateTime) real_today = trellis_date_today ();
  GDateTime *latest = trellis_date_compare (today, real_today) < 0 ? today : real_today;
  GDateTime *admitted = trellis_child_get_admission_date (child);
  int days_here;

  if (admitted == NULL || trellis_date_compare (admitted, latest) >= 0)
    return TRUE;
  days_here = (int) (g_date_time_difference (latest, admitted) / G_TIME_SPAN_DAY);
  if (days_here < 21)
    return TRUE;
  return add_goals (store, worker, rand, child_id, admitted, latest, days_here, error) &&
         add_risks (store, worker, rand, child_id, latest, days_here, error) &&
         add_incidents (store, worker, rand, child_id, latest, days_here, error);
}
