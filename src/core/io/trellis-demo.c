/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-demo.c: deterministic demo data
 *
 * The same seed and the same "today" always make the same home, so screenshots, tests and
 * benchmark runs can be compared. The children's names come from the families a London home
 * actually looks after: English, Arabic, Somali, Polish, Bengali, Portuguese and Urdu
 * speaking; some go by a name written in their own script.
 */
#define G_LOG_DOMAIN "trellis-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-date.h"
#include "trellis-demo-people.h"
#include "trellis-demo-private.h"
#include "trellis-demo.h"
#include "trellis-error.h"
#include "trellis-password.h"
#include "trellis-transaction.h"

typedef struct
{
  const char *latin;
  const char *script; /* the same name in the family's script, or NULL */
} Name;

typedef struct
{
  const char *language;
  const char *religions[3];
  const Name *girls;
  guint       n_girls;
  const Name *boys;
  guint       n_boys;
  const char * const *families;
  guint       n_families;
  guint       weight;
  gboolean    gendered_families; /* Polish: -ski becomes -ska for a girl */
} Culture;

#define N(x) { x, NULL }

static const Name english_girls[] = {
  N ("Olivia"), N ("Amelia"), N ("Isla"), N ("Ava"), { "Charlotte", "Lottie" }, N ("Grace"),
  N ("Lily"), { "Jessica", "Jess" }, N ("Chloe"), { "Elizabeth", "Beth" }, N ("Poppy"),
  N ("Ruby"), N ("Keisha"), N ("Shanice"),
};
static const Name english_boys[] = {
  N ("Oliver"), N ("George"), N ("Harry"), N ("Noah"), N ("Jack"), N ("Leo"),
  { "Alexander", "Alex" }, { "William", "Will" }, { "Thomas", "Tom" }, N ("Alfie"),
  N ("Kyle"), N ("Jayden"), N ("Tyrese"), N ("Callum"),
};
static const char * const english_families[] = {
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker", "Roberts",
  "Wright", "Campbell", "Thompson", "Clarke", "Murphy", "Okafor", "Mensah",
};

static const Name arabic_girls[] = {
  { "Amira", "أميرة" }, { "Layla", "ليلى" }, { "Fatima", "فاطمة" }, { "Yasmin", "ياسمين" },
  { "Nour", "نور" }, { "Maryam", "مريم" }, { "Huda", "هدى" }, { "Salma", "سلمى" },
};
static const Name arabic_boys[] = {
  { "Omar", "عمر" }, { "Yusuf", "يوسف" }, { "Ahmed", "أحمد" }, { "Karim", "كريم" },
  { "Hamza", "حمزة" }, { "Bilal", "بلال" }, { "Tariq", "طارق" }, { "Zaid", "زيد" },
};
static const char * const arabic_families[] = {
  "Hassan", "Al-Sayed", "Mansour", "Haddad", "Khalil", "Nasser", "Aziz", "Saleh",
};

static const Name somali_girls[] = {
  N ("Hodan"), N ("Ayaan"), N ("Sagal"), N ("Ifrah"), N ("Hibo"), N ("Nimco"), N ("Ubah"),
  N ("Sahra"),
};
static const Name somali_boys[] = {
  N ("Abdi"), N ("Mohamed"), N ("Liban"), N ("Guled"), N ("Ayanle"), N ("Mahad"), N ("Yonis"),
  N ("Farah"),
};
static const char * const somali_families[] = {
  "Ali", "Warsame", "Abdullahi", "Hussein", "Jama", "Omar", "Mohamud", "Osman",
};

static const Name polish_girls[] = {
  N ("Zofia"), N ("Łucja"), N ("Maja"), N ("Zuzanna"), N ("Hanna"), N ("Oliwia"),
  N ("Wiktoria"), N ("Alicja"),
};
static const Name polish_boys[] = {
  N ("Jakub"), N ("Szymon"), N ("Kacper"), N ("Mikołaj"), N ("Filip"), N ("Wojciech"),
  N ("Antoni"), N ("Bartosz"),
};
static const char * const polish_families[] = {
  "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
  "Szymański",
};

static const Name bengali_girls[] = {
  { "Ayesha", "আয়েশা" }, { "Nusrat", "নুসরাত" }, { "Tasnim", "তাসনিম" },
  { "Sumaiya", "সুমাইয়া" }, { "Farzana", "ফারজানা" }, { "Sadia", "সাদিয়া" },
};
static const Name bengali_boys[] = {
  { "Rahim", "রহিম" }, { "Arif", "আরিফ" }, { "Tanvir", "তানভীর" }, { "Imran", "ইমরান" },
  { "Rafiq", "রফিক" }, { "Nabil", "নাবিল" },
};
static const char * const bengali_families[] = {
  "Uddin", "Ahmed", "Chowdhury", "Hossain", "Islam", "Miah", "Rahman", "Khan",
};

static const Name portuguese_girls[] = {
  N ("Beatriz"), N ("Inês"), N ("Mariana"), N ("Leonor"), N ("Carolina"), N ("Matilde"),
};
static const Name portuguese_boys[] = {
  N ("João"), N ("Tiago"), N ("Rodrigo"), N ("Duarte"), N ("Gonçalo"), N ("Miguel"),
};
static const char * const portuguese_families[] = {
  "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins",
};

static const Name urdu_girls[] = {
  { "Zainab", "زینب" }, { "Hira", "حرا" }, { "Aleena", "علینہ" }, { "Mahnoor", "ماہ نور" },
};
static const Name urdu_boys[] = {
  { "Ali", "علی" }, { "Hassan", "حسن" }, { "Usman", "عثمان" }, { "Saad", "سعد" },
};
static const char * const urdu_families[] = {
  "Hussain", "Iqbal", "Malik", "Qureshi", "Butt", "Siddiqui",
};

#define POOL(x) x, G_N_ELEMENTS (x)

static const Culture cultures[] = {
  { "English", { "Christian", "No religion", "" },
    POOL (english_girls), POOL (english_boys), POOL (english_families), 40, FALSE },
  { "Arabic", { "Muslim", "Muslim", "Christian" },
    POOL (arabic_girls), POOL (arabic_boys), POOL (arabic_families), 14, FALSE },
  { "Somali", { "Muslim", "Muslim", "Muslim" },
    POOL (somali_girls), POOL (somali_boys), POOL (somali_families), 12, FALSE },
  { "Polish", { "Roman Catholic", "Roman Catholic", "No religion" },
    POOL (polish_girls), POOL (polish_boys), POOL (polish_families), 10, TRUE },
  { "Bengali", { "Muslim", "Muslim", "Hindu" },
    POOL (bengali_girls), POOL (bengali_boys), POOL (bengali_families), 10, FALSE },
  { "Portuguese", { "Roman Catholic", "No religion", "Christian" },
    POOL (portuguese_girls), POOL (portuguese_boys), POOL (portuguese_families), 7, FALSE },
  { "Urdu", { "Muslim", "Muslim", "Muslim" },
    POOL (urdu_girls), POOL (urdu_boys), POOL (urdu_families), 7, FALSE },
};

static const char * const authorities[] = {
  "London Borough of Hammersmith and Fulham", "Royal Borough of Kensington and Chelsea",
  "Westminster City Council", "London Borough of Brent", "London Borough of Ealing",
  "Birmingham City Council", "Manchester City Council", "Kent County Council",
};

static const char * const staff_given[] = {
  "Grace", "Daniel", "Aisha", "Tom", "Marta", "Kwame", "Sinead", "Ravi", "Hannah", "Joel",
  "Bukola", "Ewa", "Callum", "Nadia", "Rhys", "Fiona",
};
static const char * const staff_family[] = {
  "Okafor", "Byrne", "Rahman", "Fletcher", "Nowicka", "Asante", "Doyle", "Patel", "Morgan",
  "Levy", "Adeyemi", "Kaczmarek", "Reid", "Haddad", "Price", "Shaw",
};

static const struct {
  const char *username;
  const char *display_name;
  TrellisRole role;
} demo_accounts[] = {
  { "manager", "Joanne Mensah", TRELLIS_ROLE_MANAGER },
  { "staff1", "Sam Carter", TRELLIS_ROLE_STAFF },
  { "staff2", "Priya Sharma", TRELLIS_ROLE_STAFF },
  { "visitor", "Pat Reeves", TRELLIS_ROLE_VISITOR },
};

static gpointer
pick (GRand        *rand,
      gconstpointer array,
      gsize         element_size,
      guint         n)
{
  return (char *) array + element_size * g_rand_int_range (rand, 0, n);
}

#define PICK(rand, array, n) (*(typeof (&(array)[0])) pick ((rand), (array), sizeof (array)[0], (n)))

static const Culture *
pick_culture (GRand *rand)
{
  guint total = 0, roll;

  for (guint i = 0; i < G_N_ELEMENTS (cultures); i++)
    total += cultures[i].weight;

  roll = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (cultures); i++)
    {
      if (roll < cultures[i].weight)
        return &cultures[i];
      roll -= cultures[i].weight;
    }
  return &cultures[0];
}

static TrellisLegalStatus
pick_legal_status (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 50) return TRELLIS_LEGAL_STATUS_CARE_ORDER;
  if (roll < 75) return TRELLIS_LEGAL_STATUS_ACCOMMODATED;
  if (roll < 85) return TRELLIS_LEGAL_STATUS_INTERIM_CARE_ORDER;
  if (roll < 90) return TRELLIS_LEGAL_STATUS_PLACEMENT_ORDER;
  if (roll < 95) return TRELLIS_LEGAL_STATUS_REMAND;
  return TRELLIS_LEGAL_STATUS_OTHER;
}

static TrellisChild *
make_child (GRand     *rand,
            GDateTime *today)
{
  const Culture *culture = pick_culture (rand);
  gboolean girl = g_rand_boolean (rand);
  const Name *name = girl ? &PICK (rand, culture->girls, culture->n_girls)
                          : &PICK (rand, culture->boys, culture->n_boys);
  g_autofree char *family = g_strdup (PICK (rand, culture->families, culture->n_families));
  int age_days = g_rand_int_range (rand, 8 * 365, 18 * 365 - 30);
  int stay_days = g_rand_int_range (rand, 14, 3 * 365);
  gboolean has_left = g_rand_int_range (rand, 0, 100) < 12;
  g_autoptr(GDateTime) dob = g_date_time_add_days (today, -age_days);
  g_autoptr(GDateTime) admitted = NULL;
  TrellisChild *child = trellis_child_new ();

  stay_days = MIN (stay_days, age_days - 7 * 365);
  admitted = g_date_time_add_days (today, -stay_days);

  if (culture->gendered_families && girl && g_str_has_suffix (family, "ski"))
    family[strlen (family) - 1] = 'a';

  trellis_child_set_given_name (child, name->latin);
  trellis_child_set_family_name (child, family);
  /* English nicknames always; a name in the family's own script for some */
  if (name->script != NULL && (culture->girls == english_girls || culture->boys == english_boys ||
                               g_rand_int_range (rand, 0, 100) < 35))
    trellis_child_set_preferred_name (child, name->script);
  trellis_child_set_date_of_birth (child, dob);
  trellis_child_set_gender (child, girl ? "Female" : "Male");
  trellis_child_set_first_language (child, culture->language);
  trellis_child_set_religion (child, culture->religions[g_rand_int_range (rand, 0, 3)]);
  trellis_child_set_legal_status (child, pick_legal_status (rand));
  trellis_child_set_placing_authority (child, PICK (rand, authorities, G_N_ELEMENTS (authorities)));
  trellis_child_set_admission_date (child, admitted);

  if (has_left && stay_days > 60)
    {
      g_autoptr(GDateTime) left = g_date_time_add_days (admitted,
                                                        g_rand_int_range (rand, 30, stay_days));
      trellis_child_set_leaving_date (child, left);
    }

  return child;
}

/* About one child in five has an allergy, one in six a regular medication. */
static void
add_allergies_and_medication (GRand        *rand,
                              TrellisChild *child)
{
  static const char * const allergies[] = {
    "Peanuts and tree nuts (carries an adrenaline pen)", "Penicillin", "Hay fever",
    "Eggs", "Plasters (latex)", "Cats",
  };
  static const char * const medication[] = {
    "Salbutamol inhaler when needed", "Methylphenidate, 10 mg each morning",
    "Sertraline, 50 mg daily", "Cetirizine in the summer months",
  };

  if (g_rand_int_range (rand, 0, 100) < 20)
    trellis_child_set_allergies (child, allergies[g_rand_int_range (rand, 0,
                                                                    G_N_ELEMENTS (allergies))]);
  if (g_rand_int_range (rand, 0, 100) < 16)
    trellis_child_set_medication (child, medication[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (medication))]);
}

/* Most children placed have had their checks, some a while ago: a few are overdue. Never a
 * day after today, nor (for a home seen from a day to come) after the real today. */
static gboolean
add_health_checks (TrellisStore  *store,
                   TrellisStaff  *manager,
                   GRand         *rand,
                   gint64         id,
                   TrellisChild  *child,
                   GDateTime     *today,
                   GError       **error)
{
  static const struct { TrellisHealthCheck check; int percent, from, to; } checks[] = {
    { TRELLIS_HEALTH_CHECK_ASSESSMENT, 85, 20, 420 },
    { TRELLIS_HEALTH_CHECK_DENTAL, 80, 10, 260 },
    { TRELLIS_HEALTH_CHECK_SIGHT, 70, 30, 500 },
  };
  static const char * const notes[] = {
    "", "", "No concerns", "Follow-up booked", "Referred on; the letter is in the file",
    "Glad to have gone with their Link Worker",
  };
  static const struct { TrellisRegistrationKind kind; int percent; const char *practices[3]; } kinds[] = {
    { TRELLIS_REGISTRATION_GP, 95,
      { "Parkside Surgery", "Riverside Health Centre", "The Limes Medical Practice" } },
    { TRELLIS_REGISTRATION_DENTIST, 85,
      { "Bright Smile Dental", "High Street Dental Care", "Northgate Dental Practice" } },
    { TRELLIS_REGISTRATION_OPTICIAN, 60,
      { "Clear View Opticians", "Market Square Eyecare", "Specsavers, Broad Street" } },
  };
  g_autoptr(GDateTime) real_today = trellis_date_today ();
  GDateTime *latest = trellis_date_compare (today, real_today) < 0 ? today : real_today;
  GDateTime *admitted = trellis_child_get_admission_date (child);

  /* registered soon after coming to live here */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GDateTime) on = NULL;

      if (admitted == NULL || g_rand_int_range (rand, 0, 100) >= kinds[i].percent)
        continue;
      on = g_date_time_add_days (admitted, g_rand_int_range (rand, 0, 21));
      if (trellis_date_compare (on, latest) > 0)
        continue;
      if (trellis_store_record_registration (store, manager, id, kinds[i].kind,
                                             kinds[i].practices[g_rand_int_range (rand, 0, 3)],
                                             on, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(GDateTime) on = NULL;

      if (g_rand_int_range (rand, 0, 100) >= checks[i].percent)
        continue;
      on = g_date_time_add_days (latest, -g_rand_int_range (rand, checks[i].from,
                                                             checks[i].to));
      if (trellis_date_compare (on, trellis_child_get_date_of_birth (child)) < 0)
        continue;
      if (trellis_store_record_health_check (store, manager, id, checks[i].check, on,
                                             notes[g_rand_int_range (rand, 0,
                                                                     G_N_ELEMENTS (notes))],
                                             error) == 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * trellis_demo_generate:
 * @store: an empty database
 * @today: the date the demo home is seen from
 *
 * Makes a demo home with @n_children children, the demo accounts (admin, manager, staff1,
 * staff2, visitor, all with the password TRELLIS_DEMO_PASSWORD) and enough Link Workers for
 * them, in one transaction.
 */
gboolean
trellis_demo_generate (TrellisStore  *store,
                       guint          n_children,
                       guint32        seed,
                       GDateTime     *today,
                       GError       **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GRand) people_rand = g_rand_new_with_seed (seed ^ 0x70656f70u);
  /* a stream of its own, so the children and staff a seed makes stay as they were */
  g_autoptr(GRand) school_rand = g_rand_new_with_seed (seed ^ 0x7363686fu);
  g_autoptr(GRand) health_rand = g_rand_new_with_seed (seed ^ 0x6865616cu);
  g_autoptr(GRand) goals_rand = g_rand_new_with_seed (seed ^ 0x676f616cu);
  g_autoptr(GRand) plans_rand = g_rand_new_with_seed (seed ^ 0x706c616eu);
  g_autoptr(GRand) checklist_rand = g_rand_new_with_seed (seed ^ 0x63686b6cu);
  g_autoptr(GDateTime) real_today = trellis_date_today ();
  /* nothing recorded after today, nor (for a home seen from a day to come) after the real one */
  GDateTime *latest = trellis_date_compare (today, real_today) < 0 ? today : real_today;
  g_autoptr(TrellisStaff) admin = NULL;
  g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TrellisStaff) manager = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(TrellisPasswordKey) demo_key = NULL;
  g_autoptr(TrellisTransaction) tx = NULL;
  guint n_workers;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  /* one Argon2 derivation serves every demo account: they share a password anyway, and
   * Argon2id is slow on purpose */
  if (trellis_store_is_encrypted (store))
    demo_key = trellis_password_key_new (TRELLIS_DEMO_PASSWORD, error);
  else
    hash = trellis_password_hash (TRELLIS_DEMO_PASSWORD, error);
  if (demo_key == NULL && hash == NULL)
    return FALSE;

  tx = trellis_transaction_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (demo_key != NULL)
    admin = trellis_store_create_home_with_key (store, _("Oakfield House"), TRUE, "Dev Anand",
                                                "admin", demo_key, error);
  else
    admin = trellis_store_create_home (store, _("Oakfield House"), TRUE, "Dev Anand", "admin",
                                       hash, error);
  if (admin == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_accounts); i++)
    {
      g_autoptr(TrellisStaff) staff = NULL;

      /* an encrypted home's accounts get the demo's password all at once, below */
      staff = trellis_store_add_staff (store, admin, demo_accounts[i].username,
                                       demo_accounts[i].display_name, demo_accounts[i].role,
                                       hash, FALSE, error);
      if (staff == NULL)
        return FALSE;
      if (demo_accounts[i].role == TRELLIS_ROLE_MANAGER)
        manager = g_object_ref (staff);
      else if (demo_accounts[i].role == TRELLIS_ROLE_STAFF)
        g_ptr_array_add (workers, g_steal_pointer (&staff));
    }

  /* about one Link Worker for every three children */
  n_workers = MAX (workers->len, (n_children + 2) / 3);
  for (guint i = workers->len; i < n_workers; i++)
    {
      g_autofree char *username = g_strdup_printf ("staff%u", i + 1);
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               PICK (rand, staff_given, G_N_ELEMENTS (staff_given)),
                                               PICK (rand, staff_family,
                                                     G_N_ELEMENTS (staff_family)));
      TrellisStaff *staff = trellis_store_add_staff (store, admin, username, name,
                                                     TRELLIS_ROLE_STAFF, hash, FALSE, error);
      if (staff == NULL)
        return FALSE;
      g_ptr_array_add (workers, staff);
    }
  if (demo_key != NULL && !trellis_store_set_demo_passwords (store, admin, demo_key, error))
    return FALSE;

  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(TrellisChild) child = make_child (rand, today);
      GDateTime *admitted = trellis_child_get_admission_date (child);

      add_allergies_and_medication (health_rand, child);
      TrellisStaff *worker = g_ptr_array_index (workers, i % workers->len);
      gint64 id = trellis_store_add_child (store, manager, child, error);
      GDateTime *left = trellis_child_get_leaving_date (child);
      int days_since = (int) (g_date_time_difference (left != NULL ? left : today, admitted)
                              / G_TIME_SPAN_DAY);

      if (id == 0 ||
          !trellis_store_assign_link_worker (store, manager, id, trellis_staff_get_id (worker),
                                             admitted, TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT,
                                             "", error))
        return FALSE;
      if (!trellis_demo_add_people (store, manager, people_rand, id, child, today, error))
        return FALSE;
      if (left == NULL &&
          !trellis_demo_add_education (store, manager, school_rand, id, child, today, error))
        return FALSE;

      if (left == NULL && !add_health_checks (store, manager, health_rand, id, child, today, error))
        return FALSE;
      /* a plan or two of the second and fifth children await the Manager's approval */
      if (left == NULL &&
          !trellis_demo_add_care_plans (store, worker, manager, plans_rand, id, child, latest,
                                        i == 1 || i == 4, error))
        return FALSE;
      if (left == NULL &&
          !trellis_demo_add_checklist_and_complaints (store, manager, checklist_rand, id, child,
                                                      latest, error))
        return FALSE;
      if (left == NULL &&
          !trellis_demo_add_goals_and_incidents (store, worker, goals_rand, id, child, latest,
                                                 error))
        return FALSE;

      /* some children have had a change of Link Worker, for one of the allowed reasons */
      if (days_since > 90 && g_rand_int_range (rand, 0, 100) < 30)
        {
          TrellisStaff *next = g_ptr_array_index (workers, (i + 1 + g_rand_int_range (rand, 0, 3))
                                                           % workers->len);
          g_autoptr(GDateTime) from = g_date_time_add_days (admitted,
                                                            g_rand_int_range (rand, 30,
                                                                              days_since - 30));
          TrellisChangeReason reason = g_rand_int_range (rand, TRELLIS_CHANGE_REASON_CHILD_REQUEST,
                                                         TRELLIS_CHANGE_REASON_MANAGER_DECISION + 1);

          if (next != worker &&
              !trellis_store_assign_link_worker (store, manager, id, trellis_staff_get_id (next),
                                                 from, reason, "", error))
            return FALSE;
        }
    }

  return trellis_transaction_commit (tx, error);
}
