/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-people-rules.c: the important dates coming up in a child's network, and whether
 * there is consent for something
 *
 * A date comes round on the same month and day each year. Someone born on 29 February has
 * their birthday on 28 February in a year that has no 29th: the day before the month ends,
 * so it is never missed in a "coming up" list that ends on the 28th.
 *
 * Consent is the latest answer for the same thing: for sharing (and "other") the named
 * service or thing must match too, ignoring case; photographs and leaflets are one thing
 * each. Answers are ordered by the day they were given and then as they were recorded.
 */
#define G_LOG_DOMAIN "trellis-people-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-people-rules.h"

void
trellis_coming_up_free (TrellisComingUp *item)
{
  if (item == NULL)
    return;
  g_clear_object (&item->person);
  g_free (item->what);
  g_clear_pointer (&item->on, g_date_time_unref);
  g_free (item);
}

static GDateTime *
in_year (GDateTime *date,
         int        year)
{
  int month = g_date_time_get_month (date);
  int day = g_date_time_get_day_of_month (date);

  if (month == 2 && day == 29 && !g_date_is_leap_year (year))
    day = 28;
  return trellis_date_new (year, month, day);
}

/**
 * trellis_date_next_occurrence:
 * @date: a birthday or an anniversary
 * @today: the day to count from
 *
 * Returns: (transfer full): the day @date next comes round, @today itself if it falls today
 */
GDateTime *
trellis_date_next_occurrence (GDateTime *date,
                              GDateTime *today)
{
  int year;
  GDateTime *next;

  g_return_val_if_fail (date != NULL && today != NULL, NULL);

  year = g_date_time_get_year (today);
  next = in_year (date, year);
  if (trellis_date_compare (next, today) < 0)
    {
      g_date_time_unref (next);
      next = in_year (date, year + 1);
    }
  return next;
}

static int
compare_coming_up (gconstpointer a,
                   gconstpointer b)
{
  const TrellisComingUp *x = *(TrellisComingUp * const *) a;
  const TrellisComingUp *y = *(TrellisComingUp * const *) b;

  if (x->days != y->days)
    return x->days < y->days ? -1 : 1;
  return g_utf8_collate (trellis_person_get_name (x->person), trellis_person_get_name (y->person));
}

static void
add_if_coming_up (GPtrArray     *items,
                  TrellisPerson *person,
                  GDateTime     *date,
                  const char    *what,
                  GDateTime     *today,
                  guint          days)
{
  g_autoptr(GDateTime) next = NULL;
  TrellisComingUp *item;
  gint64 ahead;

  if (date == NULL)
    return;
  next = trellis_date_next_occurrence (date, today);
  ahead = g_date_time_difference (next, today) / G_TIME_SPAN_DAY;
  if (ahead > days)
    return;

  item = g_new0 (TrellisComingUp, 1);
  item->person = g_object_ref (person);
  item->what = g_strdup (what);
  item->on = g_steal_pointer (&next);
  item->days = (int) ahead;
  item->years = g_date_time_get_year (item->on) - g_date_time_get_year (date);
  g_ptr_array_add (items, item);
}

/**
 * trellis_people_coming_up:
 * @people: #TrellisPerson, a child's network
 * @days: how far ahead to look; a date @days away is included
 *
 * The birthdays and other important dates of the people still involved that fall from
 * @today to @days after it, soonest first.
 *
 * Returns: (transfer container) (element-type TrellisComingUp)
 */
GPtrArray *
trellis_people_coming_up (GListModel *people,
                          GDateTime  *today,
                          guint       days)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_coming_up_free);

  g_return_val_if_fail (G_IS_LIST_MODEL (people) && today != NULL, items);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(TrellisPerson) person = g_list_model_get_item (people, i);
      const char *label = trellis_person_get_other_date_label (person);

      if (!trellis_person_get_involved (person))
        continue;
      add_if_coming_up (items, person, trellis_person_get_birthday (person), _("Birthday"),
                        today, days);
      add_if_coming_up (items, person, trellis_person_get_other_date (person),
                        label != NULL && *label != '\0' ? label : _("Important date"),
                        today, days);
    }
  g_ptr_array_sort (items, compare_coming_up);
  return items;
}

static gboolean
same_detail (TrellisConsentSubject  subject,
             const char            *a,
             const char            *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (subject == TRELLIS_CONSENT_PHOTOGRAPHS || subject == TRELLIS_CONSENT_LEAFLETS)
    return TRUE;
  fa = g_utf8_casefold (g_strstrip (g_strdup (a != NULL ? a : "")), -1);
  fb = g_utf8_casefold (g_strstrip (g_strdup (b != NULL ? b : "")), -1);
  return g_strcmp0 (fa, fb) == 0;
}

/**
 * trellis_consent_answer:
 * @consents: #TrellisConsent, the child's answers in any order
 * @detail: (nullable): the named service (for sharing) or the thing (for other)
 * @latest: (out) (optional) (transfer full): the answer that counts, %NULL when none
 *
 * Is there consent for @subject for this child?
 */
TrellisConsentAnswer
trellis_consent_answer (GListModel             *consents,
                        TrellisConsentSubject   subject,
                        const char             *detail,
                        TrellisConsent        **latest)
{
  TrellisConsent *best = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (consents), TRELLIS_CONSENT_ANSWER_NOT_ASKED);

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(TrellisConsent) consent = g_list_model_get_item (consents, i);
      int order;

      if (trellis_consent_get_subject (consent) != subject ||
          !same_detail (subject, trellis_consent_get_detail (consent), detail))
        continue;
      if (best != NULL)
        {
          order = trellis_date_compare (trellis_consent_get_decided_on (consent),
                                        trellis_consent_get_decided_on (best));
          if (order < 0 || (order == 0 &&
                            trellis_consent_get_id (consent) < trellis_consent_get_id (best)))
            continue;
        }
      g_set_object (&best, consent);
    }

  if (latest != NULL)
    *latest = best != NULL ? g_object_ref (best) : NULL;
  if (best == NULL)
    return TRELLIS_CONSENT_ANSWER_NOT_ASKED;
  {
    TrellisConsentDecision decision = trellis_consent_get_decision (best);

    g_object_unref (best);
    switch (decision)
      {
      case TRELLIS_CONSENT_GIVEN:   return TRELLIS_CONSENT_ANSWER_GIVEN;
      case TRELLIS_CONSENT_WITHOUT: return TRELLIS_CONSENT_ANSWER_WITHOUT;
      case TRELLIS_CONSENT_REFUSED:
      default:                      return TRELLIS_CONSENT_ANSWER_REFUSED;
      }
  }
}

/* Whether something may go ahead on this answer: consent given, or a reason recorded for
 * going ahead without it. Not asked means ask first. */
gboolean
trellis_consent_answer_allows (TrellisConsentAnswer answer)
{
  return answer == TRELLIS_CONSENT_ANSWER_GIVEN || answer == TRELLIS_CONSENT_ANSWER_WITHOUT;
}

void
trellis_consent_standing_free (TrellisConsentStanding *standing)
{
  if (standing == NULL)
    return;
  g_free (standing->detail);
  g_clear_object (&standing->latest);
  g_free (standing);
}

static void
add_standing (GPtrArray             *standings,
              GListModel            *consents,
              TrellisConsentSubject  subject,
              const char            *detail)
{
  TrellisConsentStanding *standing = g_new0 (TrellisConsentStanding, 1);

  standing->subject = subject;
  standing->detail = g_strdup (detail != NULL ? detail : "");
  standing->answer = trellis_consent_answer (consents, subject, detail, &standing->latest);
  g_ptr_array_add (standings, standing);
}

/**
 * trellis_consent_standings:
 * @consents: #TrellisConsent, the child's answers, newest first
 *
 * Where consent stands for photographs and leaflets, which every child is asked about (not
 * asked when nobody has been), then for each service shared with and each other thing asked
 * about, in the order of @consents.
 *
 * Returns: (transfer container) (element-type TrellisConsentStanding)
 */
GPtrArray *
trellis_consent_standings (GListModel *consents)
{
  GPtrArray *standings = g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_consent_standing_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (consents), standings);

  add_standing (standings, consents, TRELLIS_CONSENT_PHOTOGRAPHS, NULL);
  add_standing (standings, consents, TRELLIS_CONSENT_LEAFLETS, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(TrellisConsent) consent = g_list_model_get_item (consents, i);
      TrellisConsentSubject subject = trellis_consent_get_subject (consent);
      g_autofree char *folded = NULL;

      if (subject != TRELLIS_CONSENT_SHARING && subject != TRELLIS_CONSENT_OTHER)
        continue;
      folded = g_utf8_casefold (trellis_consent_get_detail (consent), -1);
      if (g_hash_table_add (seen, g_strdup_printf ("%d:%s", subject, folded)))
        add_standing (standings, consents, subject, trellis_consent_get_detail (consent));
    }
  return standings;
}
