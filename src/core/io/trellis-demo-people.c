/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo-people.c: the people around each demo child, and consent
 *
 * Parents and family from the child's own culture, in their preferred language (an
 * interpreter for some), with the contact arrangements a home really works with: supervised
 * contact, no contact, an address not to be shared. Every child has a social worker and an
 * Independent Reviewing Officer; many a teacher, the Named Nurse, a CAMHS worker. Some
 * birthdays fall in the next few weeks so "Coming up" has something in it. Consent for
 * photographs, leaflets and sharing, given, refused, or not asked yet.
 *
 * Drawn from a random stream of its own (trellis-demo.c), so the children and staff a seed
 * makes stay as they were.
 */
#define G_LOG_DOMAIN "trellis-demo"

#include "config.h"

#include <string.h>

#include "trellis-date.h"
#include "trellis-demo-people.h"

typedef struct
{
  const char *language;
  const char *mothers[4];
  const char *fathers[4];
  const char *elders[4];    /* a grandparent, aunt or uncle's first name */
} Family;

/* English last: any language not listed is treated as it */
static const Family families[] = {
  { "Arabic", { "Rania", "Samira", "Huda", "Mona" }, { "Khaled", "Mahmoud", "Sami", "Nabil" },
    { "Aisha", "Ibrahim", "Zainab", "Mustafa" } },
  { "Somali", { "Halima", "Faadumo", "Asha", "Hawa" }, { "Abdirahman", "Hassan", "Ismail", "Yusuf" },
    { "Khadija", "Abdullahi", "Maryan", "Ahmed" } },
  { "Polish", { "Agnieszka", "Katarzyna", "Magdalena", "Joanna" },
    { "Piotr", "Tomasz", "Krzysztof", "Marek" }, { "Halina", "Zbigniew", "Barbara", "Jan" } },
  { "Bengali", { "Nasima", "Rehana", "Shahana", "Ruksana" }, { "Abdul", "Mizanur", "Jamal", "Rafiq" },
    { "Amena", "Siraj", "Jahanara", "Abul" } },
  { "Portuguese", { "Ana", "Mariana", "Fernanda", "Luísa" }, { "João", "Ricardo", "Paulo", "Miguel" },
    { "Conceição", "António", "Fátima", "Manuel" } },
  { "Urdu", { "Nazia", "Shazia", "Farzana", "Samina" }, { "Imran", "Tariq", "Asif", "Kamran" },
    { "Zubaida", "Rashid", "Parveen", "Aslam" } },
  { "English", { "Kelly", "Donna", "Sarah", "Michelle" }, { "Darren", "Lee", "Craig", "Paul" },
    { "Maureen", "Brian", "Pauline", "Terry" } },
};

static const char * const social_workers[] = {
  "Claire Morgan", "Daniel Osei", "Priti Patel", "Rebecca Hughes", "Tom Gallagher",
  "Nadia Rahman",
};
static const char * const authorities[] = {
  "Leeds Children’s Services", "Bradford Children’s Social Care", "Kirklees Council",
  "Wakefield Children’s Services",
};
static const char * const iros[] = {
  "Margaret Ellis", "Sunil Kapoor", "Fiona McLeod", "Graham Whitfield",
};
static const char * const professionals[][2] = {
  { "Mrs Helen Carter", "Form tutor, Oakfield Academy" },
  { "Mr James Boateng", "Designated teacher, Riverside High School" },
  { "Sister Joy Adeyemi", "Named Nurse for Children Looked After, Leeds Community Healthcare" },
  { "Dr Leah Stein", "CAMHS, Leeds and York Partnership" },
  { "Kwame Asante", "Early Help, North Leeds hub" },
};
static const TrellisRelationship professional_roles[] = {
  TRELLIS_RELATIONSHIP_TEACHER, TRELLIS_RELATIONSHIP_TEACHER, TRELLIS_RELATIONSHIP_NAMED_NURSE,
  TRELLIS_RELATIONSHIP_CAMHS, TRELLIS_RELATIONSHIP_EARLY_HELP,
};
static const char * const views[] = {
  "I want to see Mum every week, not every fortnight",
  "I like it when Dad phones on Sundays",
  "I don’t want to see him right now",
  "Can my little brother come to visit?",
  "Grandma is the one I talk to most",
  "I want to keep in touch but only by text",
};
static const char * const times[] = {
  "Weekday evenings after 6", "Mornings before 10", "Weekends", "Any time; texts first",
  "Tuesdays and Thursdays",
};
#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static GDateTime *
days_before (GDateTime *day,
             int        days)
{
  return g_date_time_add_days (day, -days);
}

/* A birthday @years ago; within the next few weeks when @soon */
static GDateTime *
birthday (GRand     *rand,
          GDateTime *today,
          int        years,
          gboolean   soon)
{
  g_autoptr(GDateTime) ago = g_date_time_add_years (today, -years);

  return g_date_time_add_days (ago, soon ? g_rand_int_range (rand, 1, 26)
                                         : -g_rand_int_range (rand, 1, 330));
}

static char *
phone (GRand *rand)
{
  return g_strdup_printf ("07700 900%03d", g_rand_int_range (rand, 0, 1000));
}

/* "Kowalski" for him is "Kowalska" for her */
static char *
her_surname (const char *family)
{
  if (g_str_has_suffix (family, "ski") || g_str_has_suffix (family, "cki"))
    {
      char *name = g_strdup (family);
      name[strlen (name) - 1] = 'a';
      return name;
    }
  return g_strdup (family);
}

static gint64
add (TrellisStore   *store,
     TrellisStaff   *manager,
     gint64          child_id,
     TrellisPerson  *person,
     GError        **error)
{
  g_autoptr(TrellisPerson) owned = person;

  return trellis_store_add_person (store, manager, child_id, owned, error);
}

gboolean
trellis_demo_add_people (TrellisStore  *store,
                         TrellisStaff  *manager,
                         GRand         *rand,
                         gint64         child_id,
                         TrellisChild  *child,
                         GDateTime     *today,
                         GError       **error)
{
  const char *language = trellis_child_get_first_language (child);
  const char *family_name = trellis_child_get_family_name (child);
  const Family *family = &families[G_N_ELEMENTS (families) - 1];
  gboolean english;
  g_autofree char *mum_name = NULL, *dad_name = NULL, *elder_name = NULL, *her = NULL;
  g_autofree char *mum_phone = phone (rand), *dad_phone = phone (rand);
  g_autofree char *sw_email = NULL, *sw_phone = phone (rand);
  g_autoptr(GDateTime) real_today = trellis_date_today ();
  GDateTime *latest = trellis_date_compare (today, real_today) < 0 ? today : real_today;
  GDateTime *admitted = trellis_child_get_admission_date (child);
  g_autoptr(GDateTime) mum_born = NULL;
  g_autoptr(GDateTime) dad_born = NULL;
  g_autoptr(GDateTime) elder_born = NULL;
  gboolean interpreter, pr, in_english, close;
  const char *best_time, *view;
  TrellisContactRestriction mum_contact, dad_contact;
  gint64 mum;
  int roll;
  const char *sw;

  /* one draw at a time, in order: the order C evaluates a call's arguments in is its own */
  roll = g_rand_int_range (rand, 28, 46);
  mum_born = birthday (rand, latest, roll, g_rand_int_range (rand, 0, 100) < 30);
  roll = g_rand_int_range (rand, 30, 50);
  dad_born = birthday (rand, latest, roll, FALSE);
  roll = g_rand_int_range (rand, 55, 78);
  elder_born = birthday (rand, latest, roll, g_rand_int_range (rand, 0, 100) < 40);

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_strcmp0 (families[i].language, language) == 0)
      family = &families[i];
  english = g_str_equal (family->language, "English");
  her = her_surname (family_name);
  mum_name = g_strdup_printf ("%s %s", PICK (rand, family->mothers), her);
  dad_name = g_strdup_printf ("%s %s", PICK (rand, family->fathers), family_name);

  /* Mum: parental responsibility; in her own language, often with an interpreter */
  roll = g_rand_int_range (rand, 0, 100);
  mum_contact = roll < 35 ? TRELLIS_CONTACT_SUPERVISED
                          : roll < 45 ? TRELLIS_CONTACT_ADDRESS_WITHHELD
                                      : TRELLIS_CONTACT_NO_RESTRICTION;
  interpreter = !english && g_rand_int_range (rand, 0, 100) < 60;
  best_time = PICK (rand, times);
  view = PICK (rand, views);
  mum = add (store, manager, child_id,
             g_object_new (TRELLIS_TYPE_PERSON, "name", mum_name,
                           "relationship", TRELLIS_RELATIONSHIP_MOTHER,
                           "parental-responsibility", TRUE, "phone", mum_phone,
                           "address", "Flat 3, 18 Chapel Road, Leeds LS7 3AB",
                           "language", family->language,
                           "interpreter", interpreter,
                           "best-time", best_time, "birthday", mum_born,
                           "restriction", mum_contact,
                           "restriction-notes", mum_contact == TRELLIS_CONTACT_SUPERVISED
                                                  ? "At the family centre, fortnightly, as the "
                                                    "care plan says" : "",
                           "child-view", view, NULL),
             error);
  if (mum == 0)
    return FALSE;

  /* Dad: for most; the restrictions a court or the care plan set */
  if (g_rand_int_range (rand, 0, 100) < 75)
    {
      roll = g_rand_int_range (rand, 0, 100);
      dad_contact = roll < 20 ? TRELLIS_CONTACT_NONE
                              : roll < 35 ? TRELLIS_CONTACT_ADDRESS_WITHHELD
                                          : roll < 50 ? TRELLIS_CONTACT_SUPERVISED
                                                      : TRELLIS_CONTACT_NO_RESTRICTION;
      pr = g_rand_int_range (rand, 0, 100) < 70;
      in_english = !english && g_rand_boolean (rand);
      interpreter = !english && !in_english && g_rand_int_range (rand, 0, 100) < 40;
      if (add (store, manager, child_id,
                 g_object_new (TRELLIS_TYPE_PERSON, "name", dad_name,
                               "relationship", TRELLIS_RELATIONSHIP_FATHER,
                               "parental-responsibility", pr,
                               "phone", dad_contact == TRELLIS_CONTACT_NONE ? "" : dad_phone,
                               "address", "22 Harehills Lane, Leeds LS8 4HS",
                               "language", in_english ? "English" : family->language,
                               "interpreter", interpreter,
                               "birthday", dad_born, "restriction", dad_contact,
                               "restriction-notes", dad_contact == TRELLIS_CONTACT_NONE
                                                      ? "No contact: court order, see the care "
                                                        "plan" : "",
                               NULL),
               error) == 0)
        return FALSE;
    }

  /* a grandparent, aunt or uncle the child is close to, some with a date to remember */
  elder_name = g_strdup_printf ("%s %s", PICK (rand, family->elders), family_name);
  {
    g_autofree char *elder_phone = phone (rand);
    g_autoptr(GDateTime) remembered = days_before (latest, g_rand_int_range (rand, 680, 3000));
    gboolean anniversary = g_rand_int_range (rand, 0, 100) < 35;

    close = g_rand_boolean (rand);
    interpreter = !english && g_rand_int_range (rand, 0, 100) < 70;
    best_time = PICK (rand, times);
    view = g_rand_boolean (rand) ? PICK (rand, views) : "";

    if (add (store, manager, child_id,
             g_object_new (TRELLIS_TYPE_PERSON, "name", elder_name,
                           "relationship", close ? TRELLIS_RELATIONSHIP_GRANDPARENT
                                                 : TRELLIS_RELATIONSHIP_AUNT_UNCLE,
                           "phone", elder_phone, "language", family->language,
                           "interpreter", interpreter,
                           "best-time", best_time, "birthday", elder_born,
                           "other-date", anniversary ? remembered : NULL,
                           "other-date-label", anniversary ? "Anniversary of Grandad’s death" : "",
                           "child-view", view, NULL),
             error) == 0)
      return FALSE;
  }

  /* a friend from school, now and then */
  if (g_rand_int_range (rand, 0, 100) < 40)
    {
      gboolean soon = g_rand_boolean (rand);
      g_autoptr(GDateTime) friend_born = birthday (rand, latest,
                                                   MAX (trellis_child_get_age (child, latest),
                                                        6), soon);
      const char *friend = g_rand_boolean (rand) ? "Jade Wilson" : "Kacper Nowak";

      if (add (store, manager, child_id,
               g_object_new (TRELLIS_TYPE_PERSON, "name", friend,
                             "relationship", TRELLIS_RELATIONSHIP_FRIEND,
                             "birthday", friend_born, "best-time", "After school", NULL),
               error) == 0)
        return FALSE;
    }

  /* the professionals: a social worker and an IRO for every child, some others */
  sw = PICK (rand, social_workers);
  sw_email = g_strdup_printf ("%s@example.gov.uk", sw);
  g_strdelimit (sw_email, " ", '.');
  {
    g_autofree char *lower = g_ascii_strdown (sw_email, -1);
    const char *authority = PICK (rand, authorities);
    const char *iro = PICK (rand, iros);

    if (add (store, manager, child_id,
             g_object_new (TRELLIS_TYPE_PERSON, "name", sw,
                           "relationship", TRELLIS_RELATIONSHIP_SOCIAL_WORKER,
                           "role", authority, "phone", sw_phone, "email", lower,
                           "best-time", "Office hours, 9 to 5", NULL),
             error) == 0 ||
        add (store, manager, child_id,
             g_object_new (TRELLIS_TYPE_PERSON, "name", iro,
                           "relationship", TRELLIS_RELATIONSHIP_IRO,
                           "role", "Independent Reviewing Service", NULL),
             error) == 0)
      return FALSE;
  }
  for (guint i = 0; i < G_N_ELEMENTS (professionals); i++)
    if (g_rand_int_range (rand, 0, 100) < 40 &&
        add (store, manager, child_id,
             g_object_new (TRELLIS_TYPE_PERSON, "name", professionals[i][0],
                           "relationship", professional_roles[i], "role", professionals[i][1],
                           NULL),
             error) == 0)
      return FALSE;

  /* consent: photographs by Mum (or the child), leaflets by the child, sharing with school */
  if (admitted != NULL && trellis_date_compare (admitted, latest) <= 0)
    {
      int since = (int) (g_date_time_difference (latest, admitted) / G_TIME_SPAN_DAY);
      int after = g_rand_int_range (rand, 1, 30);   /* drawn once: MIN() reads it twice */
      g_autoptr(GDateTime) asked = g_date_time_add_days (admitted, MIN (since, after));

      gint64 giver;

      roll = g_rand_int_range (rand, 0, 100);
      giver = g_rand_boolean (rand) ? mum : 0;
      if (roll < 80 &&
          trellis_store_record_consent (store, manager, child_id, TRELLIS_CONSENT_PHOTOGRAPHS,
                                        NULL, roll < 60 ? TRELLIS_CONSENT_GIVEN
                                                        : TRELLIS_CONSENT_REFUSED,
                                        giver, asked, NULL,
                                        error) == 0)
        return FALSE;
      if (g_rand_int_range (rand, 0, 100) < 60 &&
          trellis_store_record_consent (store, manager, child_id, TRELLIS_CONSENT_LEAFLETS,
                                        NULL, TRELLIS_CONSENT_GIVEN, 0, asked,
                                        english ? "" : "In the family’s language too", error) == 0)
        return FALSE;
      if (g_rand_int_range (rand, 0, 100) < 70 &&
          trellis_store_record_consent (store, manager, child_id, TRELLIS_CONSENT_SHARING,
                                        "School nurse", TRELLIS_CONSENT_GIVEN, mum, asked, NULL,
                                        error) == 0)
        return FALSE;
      if (g_rand_int_range (rand, 0, 100) < 15 &&
          trellis_store_record_consent (store, manager, child_id, TRELLIS_CONSENT_SHARING,
                                        "Police", TRELLIS_CONSENT_WITHOUT, 0, asked,
                                        "Safeguarding referral: the child was at risk of harm",
                                        error) == 0)
        return FALSE;
    }
  return TRUE;
}
