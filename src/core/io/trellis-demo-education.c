/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-education.c: the demo's appointments and education files
 *
 * For each child placed: a few health appointments (those past with what came of them,
 * some still to come); the school they go to, in the year group for their age (some moved
 * school when they came to live here), attendance for the latest terms (some below 90 %),
 * special educational needs (SEN support or an EHCP for about half, as for looked-after
 * children), an occasional suspension, homework and reading notes, and a parents' evening
 * with who went. Nothing that has to have happened is dated after today, nor (for a home
 * seen from a day to come) after the real today.
 */
#define G_LOG_DOMAIN "trellis-demo"

#include "config.h"

#include "trellis-date.h"
#include "trellis-demo-private.h"
#include "trellis-education-rules.h"

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const struct {
  const char *with_whom;
  const char *purpose;
  const char *outcome;
} appointments[] = {
  { "Dr Okafor, CAMHS", "Review of sleep and mood", "Melatonin to continue; seen again in 3 months" },
  { "Named Nurse for Children Looked After", "Review health assessment",
    "Immunisations up to date; weight and height recorded" },
  { "Mr Haddad, orthodontist", "Brace assessment", "Brace to be fitted; on the waiting list" },
  { "Dr Patel, Parkside Surgery", "Asthma review", "New preventer inhaler; spacer given" },
  { "Ms Nowak, speech and language therapy", "Assessment", "Weekly sessions in school agreed" },
  { "Audiology clinic, St Mary’s Hospital", "Hearing test", "Hearing normal in both ears" },
  { "Dr Chen, paediatrics", "Growth review", "No concerns; discharged to the GP" },
  { "School nurse, Mrs Adeyemi", "Drop-in about headaches", "Advised to drink more water; to see the optician" },
  { "Ms Kaur, CAMHS", "First appointment", "Offered six sessions of talking therapy; accepted" },
};

/* by phase: primary (Reception to Year 6), secondary (7 to 11), sixth form (12, 13) */
static const char *const primaries[] = {
  "Northgate Primary School", "Moorside Primary Academy", "St Joseph’s RC Primary School",
  "Brook Lane Junior School",
};
static const char *const secondaries[] = {
  "Oakfield Academy", "Riverside School", "St Anne’s Catholic High School",
  "Al-Noor Girls’ School", "Kingsway High School",
};
static const char *const colleges[] = {
  "Hillcrest Sixth Form College", "City College, Broad Street",
};

static const char *
pick_school (GRand *rand,
             int    year_group)
{
  if (year_group <= 6)
    return PICK (rand, primaries);
  if (year_group <= 11)
    return PICK (rand, secondaries);
  return PICK (rand, colleges);
}

static const char *const ehcp_needs[] = {
  "Social, emotional and mental health needs; a key adult in school every morning",
  "Speech, language and communication needs; therapy in school weekly",
  "Autism; a quiet space and visual timetable agreed",
  "Specific learning difficulty (dyslexia); extra time in tests",
};

static const char *const sen_support[] = {
  "Reading catch-up group three times a week",
  "Nurture group at lunchtime",
  "Maths intervention; a mentor checks in on Fridays",
};

static const char *const suspensions[] = {
  "Fighting at lunchtime", "Swearing at a member of staff", "Leaving school without permission",
  "Damage to a classroom door",
};

static const struct { const char *kind; const char *note; } support_notes[] = {
  { "homework", "Homework club on Tuesdays and Thursdays after school; going well" },
  { "homework", "Needs help to log in to the homework site; shown how twice" },
  { "reading", "Reads with a member of staff most evenings; now on chapter books" },
  { "reading", "Enjoys graphic novels; library card renewed" },
  { "reading", "Reads to the younger children at bedtime, and is proud of it" },
  { "homework", "Revision timetable made together for the mock exams" },
};

static const char *const attended_by[] = {
  "Link Worker", "Link Worker and social worker", "Link Worker and Mum",
  "Link Worker, with an interpreter", "Key worker and Dad", "Nobody from the home could go",
};

static const char *const school_events[] = {
  "Christmas concert", "Sports day", "Awards assembly", "Options evening",
  "Eid celebration assembly", "Science fair",
};

/* The term a day falls in, and the one before it: Autumn from September, Spring from
 * January, Summer from after Easter (taken as 15 April) */
static char *
term_of (GDateTime *day,
         int        back)
{
  static const char *const seasons[] = { "Spring", "Summer", "Autumn" };
  int month = g_date_time_get_month (day);
  int year = g_date_time_get_year (day);
  int season = month >= 9 ? 2 : (month > 4 || (month == 4 && g_date_time_get_day_of_month (day) >= 15)) ? 1 : 0;
  int index = year * 3 + season - back;

  return g_strdup_printf ("%s %d", seasons[index % 3], index / 3);
}

static gboolean
add_appointments (TrellisStore  *store,
                  TrellisStaff  *manager,
                  GRand         *rand,
                  gint64         id,
                  GDateTime     *admitted,
                  GDateTime     *latest,
                  GDateTime     *today,
                  GError       **error)
{
  guint past = g_rand_int_range (rand, 0, 4);
  guint upcoming = g_rand_int_range (rand, 0, 3);
  static const char *const times[] = { "", "09:30", "10:15", "11:00", "14:00", "15:45", "16:20" };
  guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (appointments));

  for (guint i = 0; i < past + upcoming; i++)
    {
      /* each a different one */
      guint which = (first + i * 2) % G_N_ELEMENTS (appointments);
      gboolean is_past = i < past;
      g_autoptr(GDateTime) on = is_past ? g_date_time_add_days (latest,
                                                                 -g_rand_int_range (rand, 3, 200))
                                        : g_date_time_add_days (today,
                                                                 g_rand_int_range (rand, 2, 75));
      gint64 appointment;

      if (is_past && trellis_date_compare (on, admitted) < 0)
        continue;
      appointment = trellis_store_record_appointment (store, manager, id, on, PICK (rand, times),
                                                      appointments[which].with_whom,
                                                      appointments[which].purpose, error);
      if (appointment == 0)
        return FALSE;
      /* most outcomes are written up; one in five is still to do */
      if (is_past && g_rand_int_range (rand, 0, 100) < 80 &&
          !trellis_store_record_appointment_outcome (store, manager, appointment,
                                                     appointments[which].outcome, error))
        return FALSE;
    }
  return TRUE;
}

/* @days_ago before @latest, out of the summer holidays: schools hold nothing in August */
static GDateTime *
term_day (GDateTime *latest,
          int        days_ago)
{
  GDateTime *day = g_date_time_add_days (latest, -days_ago);

  if (g_date_time_get_month (day) == 8)
    {
      GDateTime *july = g_date_time_add_days (day, -g_date_time_get_day_of_month (day) - 7);

      g_date_time_unref (day);
      return july;
    }
  return day;
}

static gboolean
record (TrellisStore           *store,
        TrellisStaff           *manager,
        gint64                  id,
        TrellisEducationEntry   entry,
        GError                **error)
{
  return trellis_store_record_education (store, manager, id, &entry, error) > 0;
}

gboolean
trellis_demo_add_education (TrellisStore  *store,
                            TrellisStaff  *manager,
                            GRand         *rand,
                            gint64         id,
                            TrellisChild  *child,
                            GDateTime     *today,
                            GError       **error)
{
  g_autoptr(GDateTime) real_today = trellis_date_today ();
  GDateTime *latest = trellis_date_compare (today, real_today) < 0 ? today : real_today;
  GDateTime *admitted = trellis_child_get_admission_date (child);
  GDateTime *born = trellis_child_get_date_of_birth (child);
  g_autoptr(GDateTime) started = NULL;
  int year = MIN (trellis_year_group_for_age (born, latest), TRELLIS_YEAR_GROUP_MAX);
  guint terms = g_rand_int_range (rand, 1, 4);
  gboolean struggling = g_rand_int_range (rand, 0, 100) < 25;
  int roll;

  if (admitted == NULL || trellis_date_compare (admitted, latest) > 0)
    return TRUE;
  if (!add_appointments (store, manager, rand, id, admitted, latest, today, error))
    return FALSE;
  if (year < TRELLIS_YEAR_GROUP_RECEPTION)
    return TRUE;

  /* a third came from a school elsewhere, and moved when they came to live here */
  if (g_rand_int_range (rand, 0, 100) < 33)
    {
      g_autoptr(GDateTime) before = g_date_time_add_days (admitted, -g_rand_int_range (rand, 200,
                                                                                        600));
      int then = trellis_year_group_for_age (born, before);

      if (then >= TRELLIS_YEAR_GROUP_RECEPTION && trellis_date_compare (before, born) > 0 &&
          !record (store, manager, id, (TrellisEducationEntry) {
                     .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = before,
                     .title = pick_school (rand, then),
                     .year_group = MIN (then, TRELLIS_YEAR_GROUP_MAX) },
                   error))
        return FALSE;
    }
  started = g_date_time_add_days (admitted, g_rand_int_range (rand, 0, 15));
  if (trellis_date_compare (started, latest) > 0)
    started = g_date_time_ref (latest);
  /* the school they went to from here, then each September the year group they moved up
   * into, as their Link Worker records it */
  {
    int then = trellis_year_group_for_age (born, started);
    const char *school = pick_school (rand, then);
    int from_year = g_date_time_get_year (started) + (g_date_time_get_month (started) >= 9);

    if (then >= TRELLIS_YEAR_GROUP_RECEPTION &&
        !record (store, manager, id, (TrellisEducationEntry) {
                   .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = started, .title = school,
                   .year_group = MIN (then, TRELLIS_YEAR_GROUP_MAX) }, error))
      return FALSE;
    for (int y = from_year; y <= g_date_time_get_year (latest); y++)
      {
        g_autoptr(GDateTime) september = trellis_date_new (y, 9, 3);
        int moved_up = trellis_year_group_for_age (born, september);

        if (trellis_date_compare (september, latest) > 0 || moved_up < 0 ||
            moved_up > TRELLIS_YEAR_GROUP_MAX)
          continue;
        /* a new school for secondary and for the sixth form */
        if (moved_up == 7 || moved_up == 12 || then < TRELLIS_YEAR_GROUP_RECEPTION)
          school = pick_school (rand, moved_up);
        then = moved_up;
        if (!record (store, manager, id, (TrellisEducationEntry) {
                       .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = september, .title = school,
                       .year_group = moved_up }, error))
          return FALSE;
      }
  }

  /* attendance for the latest terms, the oldest first; a quarter below 90 % */
  for (guint i = terms; i-- > 0;)
    {
      g_autofree char *term = term_of (latest, i);
      guint possible = g_rand_int_range (rand, 110, 141);
      guint missed = struggling ? g_rand_int_range (rand, possible / 10 + 1, possible / 4)
                                : g_rand_int_range (rand, 0, possible / 12);

      if (!record (store, manager, id, (TrellisEducationEntry) {
                     .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = term,
                     .possible = possible, .attended = possible - missed }, error))
        return FALSE;
    }

  roll = g_rand_int_range (rand, 0, 100);
  if (roll < 22 &&
      !record (store, manager, id, (TrellisEducationEntry) {
                 .kind = TRELLIS_EDUCATION_SPECIAL_NEEDS, .on_date = started,
                 .category = "ehcp", .detail = PICK (rand, ehcp_needs) }, error))
    return FALSE;
  if (roll >= 22 && roll < 50 &&
      !record (store, manager, id, (TrellisEducationEntry) {
                 .kind = TRELLIS_EDUCATION_SPECIAL_NEEDS, .on_date = started,
                 .category = "sen-support", .detail = PICK (rand, sen_support) }, error))
    return FALSE;

  /* an occasional suspension, most often of a child who is struggling */
  if (g_rand_int_range (rand, 0, 100) < (struggling ? 30 : 6))
    {
      g_autoptr(GDateTime) on = term_day (latest, g_rand_int_range (rand, 5, 120));

      if (trellis_date_compare (on, started) >= 0 &&
          !record (store, manager, id, (TrellisEducationEntry) {
                     .kind = TRELLIS_EDUCATION_EXCLUSION, .on_date = on,
                     .category = "suspension", .days = g_rand_int_range (rand, 1, 4),
                     .detail = PICK (rand, suspensions) }, error))
        return FALSE;
    }

  for (guint i = g_rand_int_range (rand, 0, 3), first = g_rand_int_range (rand, 0, 6); i > 0; i--)
    {
      guint which = (first + i) % G_N_ELEMENTS (support_notes);
      g_autoptr(GDateTime) on = g_date_time_add_days (latest, -g_rand_int_range (rand, 1, 90));

      if (trellis_date_compare (on, started) >= 0 &&
          !record (store, manager, id, (TrellisEducationEntry) {
                     .kind = TRELLIS_EDUCATION_SUPPORT, .on_date = on,
                     .category = support_notes[which].kind, .detail = support_notes[which].note },
                   error))
        return FALSE;
    }

  /* a parents' evening this term or last, and now and then a school event */
  {
    g_autoptr(GDateTime) on = term_day (latest, g_rand_int_range (rand, 7, 100));
    g_autofree char *what = year == TRELLIS_YEAR_GROUP_RECEPTION
                            ? g_strdup ("Reception parents’ evening")
                            : g_strdup_printf ("Year %d parents’ evening", year);

    if (trellis_date_compare (on, started) >= 0 &&
        !record (store, manager, id, (TrellisEducationEntry) {
                   .kind = TRELLIS_EDUCATION_EVENT, .on_date = on,
                   .category = "parents-evening", .title = what,
                   .detail = PICK (rand, attended_by) }, error))
      return FALSE;
  }
  if (g_rand_int_range (rand, 0, 100) < 40)
    {
      g_autoptr(GDateTime) on = term_day (latest, g_rand_int_range (rand, 3, 150));

      if (trellis_date_compare (on, started) >= 0 &&
          !record (store, manager, id, (TrellisEducationEntry) {
                     .kind = TRELLIS_EDUCATION_EVENT, .on_date = on,
                     .category = "school-event", .title = PICK (rand, school_events),
                     .detail = PICK (rand, attended_by) }, error))
        return FALSE;
    }
  return TRUE;
}
