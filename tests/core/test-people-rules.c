/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-people-rules.c: when a birthday or an anniversary next comes round, what is coming
 * up in the next 30 days, and which consent answer counts — to the day
 */
#include "config.h"

#include "trellis-core.h"

static void
assert_date (GDateTime *date,
             int        year,
             int        month,
             int        day)
{
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_year (date), ==, year);
  g_assert_cmpint (g_date_time_get_month (date), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, day);
}

static void
test_next_occurrence (void)
{
  struct { int by, bm, bd, ty, tm, td, ny, nm, nd; } cases[] = {
    { 1980, 12, 2, 2026, 11, 23, 2026, 12, 2 },  /* later this year */
    { 1980, 11, 23, 2026, 11, 23, 2026, 11, 23 }, /* today is today */
    { 1980, 11, 22, 2026, 11, 23, 2027, 11, 22 }, /* yesterday: next year */
    { 1980, 1, 1, 2026, 12, 31, 2027, 1, 1 },     /* over the new year */
    { 2012, 2, 29, 2026, 2, 1, 2026, 2, 28 },     /* leap day in a common year: the 28th */
    { 2012, 2, 29, 2026, 3, 1, 2027, 2, 28 },
    { 2012, 2, 29, 2027, 3, 1, 2028, 2, 29 },     /* and the 29th in a leap year */
    { 2012, 2, 29, 2028, 2, 29, 2028, 2, 29 },
    { 2012, 2, 28, 2028, 2, 29, 2029, 2, 28 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = trellis_date_new (cases[i].by, cases[i].bm, cases[i].bd);
      g_autoptr(GDateTime) today = trellis_date_new (cases[i].ty, cases[i].tm, cases[i].td);
      g_autoptr(GDateTime) next = trellis_date_next_occurrence (date, today);

      g_test_message ("case %u", i);
      assert_date (next, cases[i].ny, cases[i].nm, cases[i].nd);
    }
}

static TrellisPerson *
person (const char *name,
        GDateTime  *birthday,
        GDateTime  *other,
        const char *label,
        gboolean    involved)
{
  return g_object_new (TRELLIS_TYPE_PERSON, "name", name, "birthday", birthday,
                       "other-date", other, "other-date-label", label, "involved", involved,
                       NULL);
}

/* From today to 30 days on, both ends in; those no longer involved left out; soonest first */
static void
test_coming_up (void)
{
  g_autoptr(GDateTime) today = trellis_date_new (2027, 2, 1);
  g_autoptr(GDateTime) leap = trellis_date_new (2012, 2, 29);
  g_autoptr(GDateTime) day30 = trellis_date_new (1970, 3, 3);   /* 2027-03-03: day 30 */
  g_autoptr(GDateTime) day31 = trellis_date_new (1970, 3, 4);
  g_autoptr(GDateTime) today_then = trellis_date_new (2019, 2, 1);
  g_autoptr(GListStore) people = g_list_store_new (TRELLIS_TYPE_PERSON);
  g_autoptr(GPtrArray) items = NULL;
  TrellisComingUp *item;

  TrellisPerson *each[] = {
    person ("Leap", leap, NULL, NULL, TRUE),
    person ("Edge", day30, day31, "Too late", TRUE),
    person ("Gran", NULL, today_then, "Grandad’s anniversary", TRUE),
    person ("Gone", today_then, NULL, NULL, FALSE),
  };

  for (guint i = 0; i < G_N_ELEMENTS (each); i++)
    {
      g_list_store_append (people, each[i]);
      g_object_unref (each[i]);
    }

  items = trellis_people_coming_up (G_LIST_MODEL (people), today, TRELLIS_COMING_UP_DAYS);
  g_assert_cmpuint (items->len, ==, 3);
  item = items->pdata[0];
  g_assert_cmpstr (trellis_person_get_name (item->person), ==, "Gran");
  g_assert_cmpstr (item->what, ==, "Grandad’s anniversary");
  g_assert_cmpint (item->days, ==, 0);
  g_assert_cmpint (item->years, ==, 8);
  item = items->pdata[1];
  g_assert_cmpstr (trellis_person_get_name (item->person), ==, "Leap");
  assert_date (item->on, 2027, 2, 28);
  g_assert_cmpint (item->days, ==, 27);
  g_assert_cmpint (item->years, ==, 15);
  item = items->pdata[2];
  g_assert_cmpstr (trellis_person_get_name (item->person), ==, "Edge");
  g_assert_cmpint (item->days, ==, 30);
}

static TrellisConsent *
answer (gint64                  id,
        TrellisConsentSubject   subject,
        const char             *detail,
        TrellisConsentDecision  decision,
        int                     month,
        int                     day)
{
  g_autoptr(GDateTime) on = trellis_date_new (2026, month, day);

  return trellis_consent_new (id, 1, subject, detail, decision, 0, "Sam", on, "", "Mo");
}

static void
test_consent_answer (void)
{
  g_autoptr(GListStore) list = g_list_store_new (TRELLIS_TYPE_CONSENT);
  g_autoptr(TrellisConsent) latest = NULL;
  TrellisConsent *items[] = {
    answer (1, TRELLIS_CONSENT_PHOTOGRAPHS, "", TRELLIS_CONSENT_GIVEN, 3, 1),
    /* recorded later, but the answer of an earlier day */
    answer (2, TRELLIS_CONSENT_PHOTOGRAPHS, "", TRELLIS_CONSENT_REFUSED, 2, 1),
    answer (3, TRELLIS_CONSENT_SHARING, "School nurse", TRELLIS_CONSENT_GIVEN, 1, 1),
    answer (4, TRELLIS_CONSENT_SHARING, "School nurse", TRELLIS_CONSENT_REFUSED, 1, 1),
    answer (5, TRELLIS_CONSENT_LEAFLETS, "", TRELLIS_CONSENT_WITHOUT, 1, 1),
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_list_store_append (list, items[i]);
      g_object_unref (items[i]);
    }
  g_assert_cmpint (trellis_consent_answer (G_LIST_MODEL (list), TRELLIS_CONSENT_PHOTOGRAPHS,
                                           NULL, &latest), ==, TRELLIS_CONSENT_ANSWER_GIVEN);
  g_assert_cmpint (trellis_consent_get_id (latest), ==, 1);
  /* the same day: the one recorded last */
  g_assert_cmpint (trellis_consent_answer (G_LIST_MODEL (list), TRELLIS_CONSENT_SHARING,
                                           " SCHOOL NURSE", NULL), ==,
                   TRELLIS_CONSENT_ANSWER_REFUSED);
  g_assert_cmpint (trellis_consent_answer (G_LIST_MODEL (list), TRELLIS_CONSENT_SHARING,
                                           "GP", NULL), ==, TRELLIS_CONSENT_ANSWER_NOT_ASKED);
  g_assert_cmpint (trellis_consent_answer (G_LIST_MODEL (list), TRELLIS_CONSENT_OTHER,
                                           "Trip", NULL), ==, TRELLIS_CONSENT_ANSWER_NOT_ASKED);
  g_assert_cmpint (trellis_consent_answer (G_LIST_MODEL (list), TRELLIS_CONSENT_LEAFLETS,
                                           NULL, NULL), ==, TRELLIS_CONSENT_ANSWER_WITHOUT);
  g_assert_true (trellis_consent_answer_allows (TRELLIS_CONSENT_ANSWER_WITHOUT));
  g_assert_true (trellis_consent_answer_allows (TRELLIS_CONSENT_ANSWER_GIVEN));
  g_assert_false (trellis_consent_answer_allows (TRELLIS_CONSENT_ANSWER_REFUSED));
  g_assert_false (trellis_consent_answer_allows (TRELLIS_CONSENT_ANSWER_NOT_ASKED));

  /* where each thing stands: photographs and leaflets always, then each service once */
  {
    g_autoptr(GPtrArray) standings = trellis_consent_standings (G_LIST_MODEL (list));
    TrellisConsentStanding *s;

    g_assert_cmpuint (standings->len, ==, 3);
    s = standings->pdata[0];
    g_assert_cmpint (s->subject, ==, TRELLIS_CONSENT_PHOTOGRAPHS);
    g_assert_cmpint (s->answer, ==, TRELLIS_CONSENT_ANSWER_GIVEN);
    s = standings->pdata[1];
    g_assert_cmpint (s->subject, ==, TRELLIS_CONSENT_LEAFLETS);
    g_assert_cmpint (s->answer, ==, TRELLIS_CONSENT_ANSWER_WITHOUT);
    s = standings->pdata[2];
    g_assert_cmpstr (s->detail, ==, "School nurse");
    g_assert_cmpint (s->answer, ==, TRELLIS_CONSENT_ANSWER_REFUSED);
    g_assert_cmpint (trellis_consent_get_id (s->latest), ==, 4);
  }
  {
    g_autoptr(GListStore) none = g_list_store_new (TRELLIS_TYPE_CONSENT);
    g_autoptr(GPtrArray) standings = trellis_consent_standings (G_LIST_MODEL (none));

    g_assert_cmpuint (standings->len, ==, 2);
    g_assert_cmpint (((TrellisConsentStanding *) standings->pdata[1])->answer, ==,
                     TRELLIS_CONSENT_ANSWER_NOT_ASKED);
    g_assert_null (((TrellisConsentStanding *) standings->pdata[1])->latest);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people-rules/next-occurrence", test_next_occurrence);
  g_test_add_func ("/people-rules/coming-up", test_coming_up);
  g_test_add_func ("/people-rules/consent-answer", test_consent_answer);

  return g_test_run ();
}
