/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-people-rules.h: the important dates coming up in a child's network, and whether
 * there is consent for something
 *
 * Pure functions on calendar dates (trellis-date.h) and records already read: no clock, no
 * store.
 */
#pragma once

#include <gio/gio.h>

#include "trellis-consent.h"
#include "trellis-person.h"

G_BEGIN_DECLS

/* How far ahead the child's page looks for birthdays and anniversaries */
#define TRELLIS_COMING_UP_DAYS 30

/* One date coming up: whose, what (a birthday, or the label a person gave it) and when */
typedef struct
{
  TrellisPerson *person;
  char          *what;     /* "Birthday", or e.g. "Anniversary of Grandad’s death" */
  GDateTime     *on;       /* the day it next falls, on or after today */
  int            years;    /* the age they will be or the years since, 0 if not known */
  int            days;     /* days from today: 0 today, 1 tomorrow */
} TrellisComingUp;

void        trellis_coming_up_free       (TrellisComingUp *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisComingUp, trellis_coming_up_free)

GDateTime  *trellis_date_next_occurrence (GDateTime       *date,
                                          GDateTime       *today);
GPtrArray  *trellis_people_coming_up     (GListModel      *people,
                                          GDateTime       *today,
                                          guint            days);

/* What the latest answer about consent says */
typedef enum
{
  TRELLIS_CONSENT_ANSWER_NOT_ASKED, /* nothing recorded: ask first */
  TRELLIS_CONSENT_ANSWER_GIVEN,
  TRELLIS_CONSENT_ANSWER_REFUSED,
  TRELLIS_CONSENT_ANSWER_WITHOUT,   /* going ahead without consent, for a recorded reason */
} TrellisConsentAnswer;

TrellisConsentAnswer trellis_consent_answer (GListModel             *consents,
                                             TrellisConsentSubject   subject,
                                             const char             *detail,
                                             TrellisConsent        **latest);
gboolean             trellis_consent_answer_allows (TrellisConsentAnswer answer);

/* Where consent stands for one thing: what, and the answer that counts */
typedef struct
{
  TrellisConsentSubject  subject;
  char                  *detail;   /* the service or thing; "" for photographs and leaflets */
  TrellisConsentAnswer   answer;
  TrellisConsent        *latest;   /* NULL when not asked */
} TrellisConsentStanding;

void        trellis_consent_standing_free (TrellisConsentStanding *standing);
GPtrArray  *trellis_consent_standings     (GListModel             *consents);

G_END_DECLS
