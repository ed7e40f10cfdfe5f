/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-care-plans.c: the demo's children's plans
 *
 * Every child placed has a placement plan, written by their Link Worker and approved by the
 * Manager in two to four versions; some have a Behaviour Management Plan and risk
 * assessments; a few plans await approval, and some are due or overdue for review. The text
 * is put together from what Link Workers write, with the child's own name, language and
 * faith, and their own words. Drawn from a random stream of its own, so a seed's children
 * and staff stay as they were.
 */
#define G_LOG_DOMAIN "trellis-demo"

#include "config.h"

#include "trellis-date.h"
#include "trellis-demo-private.h"

#define PICK_ONE(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char * const needs[] = {
  "%s needs a calm, predictable start to the day: staff wake %s gently at 7.15 and breakfast "
  "is eaten together.",
  "%s settles best with a clear plan for the week on the kitchen wall; changes are explained "
  "the day before, never on the day.",
  "%s is working on cooking simple meals and managing pocket money, with a Link Worker "
  "session each Wednesday.",
  "%s finds evenings hard. A member of staff checks in at 9pm and the lamp stays on in the "
  "hallway.",
};

static const char * const contact[] = {
  "Phone call with Mum every Sunday at 6pm; supervised visit at the family centre every "
  "other Saturday.",
  "Video call with grandmother in Sylhet on Fridays; contact with Dad is by letter only, "
  "read with the Link Worker.",
  "Sees older brother each fortnight at the library café; no contact with the former "
  "partner of Mum (court order).",
  "Monthly visit from aunt, who is also the emergency contact; %s would like this to be "
  "weekly.",
};

static const char * const schools[] = {
  "Northgate Academy", "Riverside School", "St Anne's Church of England School",
  "Bow Community School",
};

static const char * const school_support[] = {
  "Homework club on Tuesdays.",
  "Reading is behind: staff read with %s at bedtime.",
  "Tutor comes on Thursdays; the designated teacher meets the Link Worker each half term.",
  "Has an EHCP for speech and language; a teaching assistant in lessons.",
};

static const char * const health[] = {
  "Registered with the GP; review health assessment done. Asthma: blue inhaler kept in the "
  "school bag and the office.",
  "Dental treatment under way; next appointment booked. Sleeps poorly: bedtime routine "
  "agreed with CAMHS.",
  "No health concerns. Eats halal food; the menu is planned with %s every Sunday.",
  "Wears glasses for reading; sight test due in spring. Seeing the school nurse about "
  "worries.",
};

static const char * const leisure[] = {
  "Football training on Saturday mornings; staff drive there and back.",
  "Youth club on Thursday evenings with two friends from school.",
  "Swimming lessons at the leisure centre; learning to swim 25 metres.",
  "Art group at the library; has asked for a sketchbook for birthdays.",
};

static const char * const behaviours[] = {
  "Shouting and slamming doors when plans change at short notice.",
  "Refusing to come home on time after school, sometimes until late evening.",
  "Throwing things in the bedroom after difficult phone calls with family.",
};

static const char * const triggers[] = {
  "Cancelled contact; being told no in front of others; tiredness late in the evening.",
  "News from home, especially about younger siblings; the run-up to court dates.",
};

static const char * const calming[] = {
  "Time alone with music for ten minutes, then a walk with a trusted member of staff.",
  "A drink and a quiet talk in the garden; drawing helps.",
};

static const char * const response[] = {
  "Stay calm, give space, keep others away, and talk in a low voice. Offer a choice. Record "
  "what happened the same day and tell the Link Worker.",
  "Do not argue in the moment. Remind of the plan agreed together, then follow up the next "
  "morning, never at bedtime.",
};

static const char * const praise[] = {
  "Loves being trusted with jobs (walking the home's dog). A text home to Mum on good days.",
  "Proud of football: notice effort at training. Points towards a cinema trip each month.",
};

static const struct { const char *risk; const char *signs; const char *actions; int level; } risks[] = {
  { "Going missing after family contact",
    "Quiet and withdrawn after calls; packing a bag; asking about train times.",
    "Check in after every contact. If not home by the agreed time, phone, then follow the "
    "missing-from-care protocol after one hour and tell the police.", TRELLIS_RISK_LEVEL_HIGH },
  { "Contact with older adults online",
    "New phone or clothes nobody can explain; secretive about messages.",
    "Talk openly about staying safe online; Link Worker reviews settings with the child each "
    "month; share concerns with the social worker the same day.", TRELLIS_RISK_LEVEL_MEDIUM },
  { "Self-harm when distressed",
    "Long sleeves in hot weather; staying in the bedroom; saying they are a burden.",
    "Check in every hour at night when worried; keep sharp items locked away; CAMHS crisis "
    "line on the office wall.", TRELLIS_RISK_LEVEL_HIGH },
  { "Road safety when upset",
    "Running off during arguments outdoors.",
    "Keep conversations that may upset for indoors; walk on the inside of the pavement.",
    TRELLIS_RISK_LEVEL_LOW },
};

static const char * const child_words[] = {
  "I want to see my little sister more.",
  "I like it here but I don't like being woken up early.",
  "Can I do my own washing now?",
  "Football is the best bit of my week.",
  "I want to stay at the same school.",
  "أريد أن أتكلم مع جدتي أكثر — I want to talk to my grandmother more.",
};

/* A placement plan's text, in the child's name */
static TrellisCarePlanContent *
placement_for (GRand        *rand,
               TrellisChild *child,
               const char   *name,
               GDateTime    *latest)
{
  TrellisCarePlanContent *content = trellis_care_plan_content_new (TRELLIS_CARE_PLAN_PLACEMENT);
  const char *faith = trellis_child_get_religion (child);
  g_autofree char *identity = g_strdup_printf ("Speaks %s at home; staff learn a few words. %s%s",
                                               trellis_child_get_first_language (child),
                                               *faith != '\0' ? "Faith: " : "",
                                               *faith != '\0' ? faith : "");

  content->sections[0] = (g_free (content->sections[0]),
                          g_strdup_printf (PICK_ONE (rand, needs), name, name));
  content->sections[1] = (g_free (content->sections[1]),
                          g_strdup_printf (PICK_ONE (rand, contact), name));
  {
    /* the school year a child of their age is in, in England */
    g_autofree char *support = g_strdup_printf (PICK_ONE (rand, school_support), name);
    g_autofree char *school = g_strdup_printf ("Year %d at %s; attendance %d%% this term. %s",
                                               CLAMP (trellis_child_get_age (child, latest) - 5, 1,
                                                      13),
                                               PICK_ONE (rand, schools),
                                               g_rand_int_range (rand, 82, 100), support);
    trellis_care_plan_content_set_section (content, 2, school);
  }
  content->sections[3] = (g_free (content->sections[3]),
                          g_strdup_printf (PICK_ONE (rand, health), name));
  trellis_care_plan_content_set_section (content, 4, identity);
  trellis_care_plan_content_set_section (content, 5, PICK_ONE (rand, leisure));
  return content;
}

/* A plan's versions: drafted (sometimes twice), submitted, and approved unless @awaiting;
 * the Manager returns some first, asking for more. Returns: the plan's id, or 0 */
static gint64
keep_versions (TrellisStore            *store,
               TrellisStaff            *worker,
               TrellisStaff            *manager,
               GRand                   *rand,
               gint64                   child_id,
               TrellisCarePlanContent  *content,
               gboolean                 awaiting,
               GError                 **error)
{
  gint64 plan = 0;
  int drafts = g_rand_int_range (rand, 0, 3);   /* 2 to 4 versions in all */

  for (int i = 0; i < drafts; i++)
    {
      if (i == 1)
        {
          g_autofree char *more = g_strconcat (content->sections[0],
                                               " Agreed at the review meeting.", NULL);
          trellis_care_plan_content_set_section (content, 0, more);
        }
      if ((plan = trellis_store_save_care_plan (store, worker, child_id, plan, content, FALSE,
                                                error)) == 0)
        return 0;
    }
  content->with_child = g_rand_int_range (rand, 0, 100) < 75;
  if (content->with_child)
    {
      g_free (content->child_comments);
      content->child_comments = g_strdup (PICK_ONE (rand, child_words));
    }
  if ((plan = trellis_store_save_care_plan (store, worker, child_id, plan, content, TRUE,
                                            error)) == 0)
    return 0;
  if (!awaiting && !trellis_store_approve_care_plan (store, manager, plan, error))
    return 0;
  return plan;
}

/**
 * trellis_demo_add_care_plans:
 * @latest: the last day anything may have happened on
 * @awaiting: leave this child's newest plan awaiting approval
 */
gboolean
trellis_demo_add_care_plans (TrellisStore  *store,
                             TrellisStaff  *worker,
                             TrellisStaff  *manager,
                             GRand         *rand,
                             gint64         child_id,
                             TrellisChild  *child,
                             GDateTime     *latest,
                             gboolean       awaiting,
                             GError       **error)
{
  g_autofree char *name = trellis_child_dup_display_name (child);
  const char *first = trellis_child_get_preferred_name (child);
  g_autoptr(TrellisCarePlanContent) placement = NULL;
  g_autoptr(TrellisCarePlanContent) bmp = NULL;
  gboolean has_bmp = g_rand_int_range (rand, 0, 100) < 45;
  int n_risks = g_rand_int_range (rand, 0, 100) < 55 ? g_rand_int_range (rand, 1, 3) : 0;
  int first_risk = g_rand_int_range (rand, 0, G_N_ELEMENTS (risks));

  if (*first == '\0')
    first = trellis_child_get_given_name (child);
  placement = placement_for (rand, child, first, latest);
  /* reviewed every six months or so: a few are overdue, some due soon */
  placement->review_on = g_date_time_add_days (latest, g_rand_int_range (rand, -20, 170));
  if (g_rand_int_range (rand, 0, 100) < 70)
    placement->given_on = g_date_time_add_days (latest, -g_rand_int_range (rand, 7, 60));
  if (keep_versions (store, worker, manager, rand, child_id, placement,
                     awaiting && !has_bmp && n_risks == 0, error) == 0)
    return FALSE;

  if (has_bmp)
    {
      bmp = trellis_care_plan_content_new (TRELLIS_CARE_PLAN_BEHAVIOUR);
      trellis_care_plan_content_set_section (bmp, 0, PICK_ONE (rand, behaviours));
      trellis_care_plan_content_set_section (bmp, 1, PICK_ONE (rand, triggers));
      trellis_care_plan_content_set_section (bmp, 2, PICK_ONE (rand, calming));
      trellis_care_plan_content_set_section (bmp, 3, PICK_ONE (rand, response));
      trellis_care_plan_content_set_section (bmp, 4, PICK_ONE (rand, praise));
      bmp->review_on = g_date_time_add_days (latest, g_rand_int_range (rand, 10, 90));
      if (keep_versions (store, worker, manager, rand, child_id, bmp, awaiting && n_risks == 0,
                         error) == 0)
        return FALSE;
    }
  for (int i = 0; i < n_risks; i++)
    {
      g_autoptr(TrellisCarePlanContent) risk = trellis_care_plan_content_new (TRELLIS_CARE_PLAN_RISK);
      guint which = (first_risk + i) % G_N_ELEMENTS (risks);

      trellis_care_plan_content_set_section (risk, 0, risks[which].risk);
      trellis_care_plan_content_set_section (risk, 1, risks[which].signs);
      trellis_care_plan_content_set_section (risk, 2, risks[which].actions);
      risk->risk_level = risks[which].level;
      risk->review_on = g_date_time_add_days (latest, g_rand_int_range (rand, -5, 60));
      if (keep_versions (store, worker, manager, rand, child_id, risk,
                         awaiting && i == n_risks - 1, error) == 0)
        return FALSE;
    }
  return TRUE;
}
