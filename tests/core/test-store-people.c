/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-people.c: the people around a child and consent, kept by whoever may change the
 * child's details, versioned, audited, read back from the database
 */
#include "config.h"

#include <string.h>

#include "store-home.h"
#include "trellis-test-utils.h"

typedef struct
{
  char           *dir;
  TrellisStore   *store;
  TrellisContext *context;
  TrellisStaff   *manager;
  TrellisStaff   *staff1;
  TrellisStaff   *staff2;
  TrellisStaff   *visitor;
  gint64          child;      /* staff1's */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);

  f->dir = trellis_test_make_dir ("store-people");
  f->store = trellis_test_open_demo (f->dir, "home.db", 6);
  f->context = trellis_context_new (f->store, &error);
  g_assert_no_error (error);
  trellis_clock_set_today (trellis_context_get_clock (f->context), today);
  f->manager = trellis_test_lookup_staff (f->store, "manager");
  f->staff1 = trellis_test_lookup_staff (f->store, "staff1");
  f->staff2 = trellis_test_lookup_staff (f->store, "staff2");
  f->visitor = trellis_test_lookup_staff (f->store, "visitor");
  f->child = trellis_test_first_child_of (f->store, f->staff1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->manager);
  g_clear_object (&f->staff1);
  g_clear_object (&f->staff2);
  g_clear_object (&f->visitor);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  g_clear_pointer (&f->dir, g_free);
}

static int
count (Fixture    *f,
       const char *sql)
{
  return store_count_rows (trellis_store_get_path (f->store), sql);
}

static TrellisPerson *
make_aunt (void)
{
  g_autoptr(GDateTime) birthday = trellis_date_new (1984, 12, 2);

  return g_object_new (TRELLIS_TYPE_PERSON,
                       "name", "  Halima Farah ",
                       "relationship", TRELLIS_RELATIONSHIP_AUNT_UNCLE,
                       "phone", "07700 900456",
                       "address", "12 Canal Street, Leeds",
                       "language", "Somali",
                       "interpreter", TRUE,
                       "best-time", "Weekday evenings",
                       "birthday", birthday,
                       "restriction", TRELLIS_CONTACT_SUPERVISED,
                       "restriction-notes", "At the family centre, per the care plan",
                       "child-view", "Wants to see her every fortnight",
                       NULL);
}

static TrellisPerson *
find (GListModel *people,
      gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(TrellisPerson) p = g_list_model_get_item (people, i);

      if (trellis_person_get_id (p) == id)
        return g_steal_pointer (&p);
    }
  return NULL;
}

/* Added by the Link Worker, read back as kept, tied to its audit row which names no detail */
static void
test_added (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPerson) aunt = make_aunt ();
  g_autoptr(GListModel) people = NULL;
  g_autoptr(TrellisPerson) read = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  id = trellis_store_add_person (f->store, f->staff1, f->child, aunt, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  people = trellis_store_list_people (f->store, f->staff1, f->child, &error);
  g_assert_no_error (error);
  read = find (people, id);
  g_assert_nonnull (read);
  g_assert_cmpstr (trellis_person_get_name (read), ==, "Halima Farah");
  g_assert_cmpint (trellis_person_get_relationship (read), ==, TRELLIS_RELATIONSHIP_AUNT_UNCLE);
  g_assert_cmpstr (trellis_person_get_language (read), ==, "Somali");
  g_assert_true (trellis_person_get_interpreter (read));
  g_assert_cmpint (trellis_person_get_restriction (read), ==, TRELLIS_CONTACT_SUPERVISED);
  g_assert_cmpstr (trellis_person_get_child_view (read), ==, "Wants to see her every fortnight");
  g_assert_cmpint (trellis_person_get_version (read), ==, 1);
  g_assert_cmpstr (trellis_person_get_recorded_by (read), ==,
                   trellis_staff_get_display_name (f->staff1));

  /* in the database as the store said */
  sql = g_strdup_printf ("SELECT count(*) FROM person_version v JOIN audit a ON a.id = v.audit_id "
                         "AND a.action = 'add-person' AND a.child_id = v.child_id WHERE "
                         "v.person_id = %" G_GINT64_FORMAT " AND v.restriction = 'supervised' "
                         "AND v.language = 'Somali' AND v.interpreter = 1", id);
  g_assert_cmpint (count (f, sql), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'add-person' AND "
                             "(detail LIKE '%Halima%' OR detail LIKE '%Somali%')"), ==, 0);
}

/* An edit keeps the earlier version; a save from an old version is refused; no longer
 * involved is a version too, never a deletion. */
static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPerson) aunt = make_aunt ();
  g_autoptr(TrellisPerson) edit = NULL;
  g_autoptr(TrellisPerson) stale = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(TrellisPerson) newest = NULL;
  g_autoptr(TrellisPerson) oldest = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GListModel) people = NULL;
  gint64 id = trellis_store_add_person (f->store, f->staff1, f->child, aunt, &error);

  g_assert_no_error (error);
  people = trellis_store_list_people (f->store, f->staff1, f->child, &error);
  edit = find (people, id);
  stale = trellis_person_copy (edit);
  g_object_set (edit, "restriction", TRELLIS_CONTACT_NONE, "phone", "07700 900999", NULL);
  g_assert_true (trellis_store_update_person (f->store, f->manager, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_person_get_version (edit), ==, 2);

  /* someone else's change in between is not overwritten */
  g_object_set (stale, "phone", "07700 900000", NULL);
  g_assert_false (trellis_store_update_person (f->store, f->staff1, stale, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT);
  g_clear_error (&error);

  /* nothing changed: nothing kept */
  g_assert_true (trellis_store_update_person (f->store, f->staff1, edit, &error));
  g_object_set (edit, "involved", FALSE, NULL);
  g_assert_true (trellis_store_update_person (f->store, f->staff1, edit, &error));
  g_assert_no_error (error);

  versions = trellis_store_list_person_versions (f->store, f->visitor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 3);
  newest = g_list_model_get_item (versions, 0);
  oldest = g_list_model_get_item (versions, 2);
  g_assert_false (trellis_person_get_involved (newest));
  g_assert_cmpint (trellis_person_get_restriction (newest), ==, TRELLIS_CONTACT_NONE);
  g_assert_cmpint (trellis_person_get_restriction (oldest), ==, TRELLIS_CONTACT_SUPERVISED);
  g_assert_cmpstr (trellis_person_get_phone (oldest), ==, "07700 900456");

  sql = g_strdup_printf ("SELECT count(*) FROM person_version v JOIN audit a ON "
                         "a.id = v.audit_id AND a.child_id = v.child_id WHERE v.person_id = %"
                         G_GINT64_FORMAT " AND a.action = 'edit-person'", id);
  g_assert_cmpint (count (f, sql), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'edit-person' AND "
                             "detail LIKE '% phone,restriction'"), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT version FROM person WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (count (f, sql), ==, 3);
}

/* Refused, saying why, with nothing written */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) future = trellis_date_new (2027, 1, 1);
  int people = count (f, "SELECT count(*) FROM person_version");
  int audited = count (f, "SELECT count(*) FROM audit WHERE action LIKE '%-person'");
  struct {
    TrellisStaff *actor;
    const char   *property;
    int           code;
    const char   *says;
  } cases[] = {
    { f->staff2, NULL, TRELLIS_ERROR_PERMISSION_DENIED, "Link Worker" },
    { f->visitor, NULL, TRELLIS_ERROR_PERMISSION_DENIED, "Visitors" },
    { f->staff1, "name", TRELLIS_ERROR_INVALID, "name" },
    { f->staff1, "phone", TRELLIS_ERROR_INVALID, "phone number" },
    { f->staff1, "email", TRELLIS_ERROR_INVALID, "email address" },
    { f->staff1, "language", TRELLIS_ERROR_INVALID, "interpreter" },
    { f->staff1, "birthday", TRELLIS_ERROR_INVALID, "future" },
    { f->staff1, "other-date", TRELLIS_ERROR_INVALID, "important date" },
  };
  const char *texts[] = { NULL, NULL, "   ", "call me", "nobody-at-example", "", NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisPerson) person = make_aunt ();

      if (g_strcmp0 (cases[i].property, "birthday") == 0)
        g_object_set (person, "birthday", future, NULL);
      else if (g_strcmp0 (cases[i].property, "other-date") == 0)
        g_object_set (person, "other-date", future, "birthday", NULL, NULL);
      else if (cases[i].property != NULL)
        g_object_set (person, cases[i].property, texts[i], NULL);
      g_assert_cmpint (trellis_store_add_person (f->store, cases[i].actor, f->child, person,
                                                 &error), ==, 0);
      g_assert_error (error, TRELLIS_ERROR, cases[i].code);
      g_test_message ("%u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM person_version"), ==, people);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action LIKE '%-person'"), ==,
                   audited);
}

/* An address not to be shared is read only by those who may change the child's file */
static void
test_address_withheld (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPerson) father = g_object_new (TRELLIS_TYPE_PERSON,
                                                  "name", "Tomasz Nowak",
                                                  "relationship", TRELLIS_RELATIONSHIP_FATHER,
                                                  "address", "4 Mill Lane, Bradford",
                                                  "restriction",
                                                  TRELLIS_CONTACT_ADDRESS_WITHHELD, NULL);
  gint64 id = trellis_store_add_person (f->store, f->staff1, f->child, father, &error);
  TrellisStaff *readers[] = { f->staff1, f->manager, f->staff2, f->visitor };
  const char *expect[] = { "4 Mill Lane, Bradford", "4 Mill Lane, Bradford", "", "" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr(GListModel) people = trellis_store_list_people (f->store, readers[i], f->child,
                                                                &error);
      g_autoptr(TrellisPerson) read = find (people, id);

      g_assert_no_error (error);
      g_assert_cmpint (trellis_person_get_restriction (read), ==,
                       TRELLIS_CONTACT_ADDRESS_WITHHELD);
      g_assert_cmpstr (trellis_person_get_address (read), ==, expect[i]);
    }
}

/* Consent: given or refused by the child or someone with parental responsibility; going
 * ahead without it needs a reason; the latest answer counts. */
static void
test_consent (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day1 = trellis_date_new (2026, 9, 1);
  g_autoptr(GDateTime) day2 = trellis_date_new (2026, 10, 1);
  g_autoptr(TrellisPerson) mother = g_object_new (TRELLIS_TYPE_PERSON, "name", "Amina Rahman",
                                                  "relationship", TRELLIS_RELATIONSHIP_MOTHER,
                                                  "parental-responsibility", TRUE, NULL);
  g_autoptr(TrellisPerson) friend = g_object_new (TRELLIS_TYPE_PERSON, "name", "Jade Wilson",
                                                  "relationship", TRELLIS_RELATIONSHIP_FRIEND,
                                                  NULL);
  g_autoptr(TrellisConsent) latest = NULL;
  TrellisConsentAnswer answer;
  gint64 mother_id = trellis_store_add_person (f->store, f->staff1, f->child, mother, &error);
  gint64 friend_id = trellis_store_add_person (f->store, f->staff1, f->child, friend, &error);
  int rows;

  g_assert_no_error (error);
  /* clear what the demo recorded for photographs, so the answers here are the only ones */
  g_assert_true (trellis_store_record_consent (f->store, f->staff1, f->child,
                                               TRELLIS_CONSENT_PHOTOGRAPHS, NULL,
                                               TRELLIS_CONSENT_REFUSED, 0, day1, NULL,
                                               &error) > 0);
  g_assert_true (trellis_store_check_consent (f->store, f->visitor, f->child,
                                              TRELLIS_CONSENT_PHOTOGRAPHS, NULL, &answer,
                                              NULL, &error));
  g_assert_cmpint (answer, ==, TRELLIS_CONSENT_ANSWER_REFUSED);
  g_assert_cmpint (trellis_store_record_consent (f->store, f->manager, f->child,
                                                 TRELLIS_CONSENT_PHOTOGRAPHS, NULL,
                                                 TRELLIS_CONSENT_GIVEN, mother_id, day2, NULL,
                                                 &error), >, 0);
  g_assert_true (trellis_store_check_consent (f->store, f->visitor, f->child,
                                              TRELLIS_CONSENT_PHOTOGRAPHS, NULL, &answer,
                                              &latest, &error));
  g_assert_cmpint (answer, ==, TRELLIS_CONSENT_ANSWER_GIVEN);
  g_assert_cmpstr (trellis_consent_get_given_by (latest), ==, "Amina Rahman");
  g_assert_cmpstr (trellis_consent_get_recorded_by (latest), ==,
                   trellis_staff_get_display_name (f->manager));

  /* sharing is per service */
  g_assert_cmpint (trellis_store_record_consent (f->store, f->staff1, f->child,
                                                 TRELLIS_CONSENT_SHARING, "CAMHS Leeds",
                                                 TRELLIS_CONSENT_GIVEN, 0, day1, NULL, &error),
                   >, 0);
  g_assert_true (trellis_store_check_consent (f->store, f->staff2, f->child,
                                              TRELLIS_CONSENT_SHARING, "camhs leeds", &answer,
                                              NULL, &error));
  g_assert_cmpint (answer, ==, TRELLIS_CONSENT_ANSWER_GIVEN);
  g_assert_true (trellis_store_check_consent (f->store, f->staff2, f->child,
                                              TRELLIS_CONSENT_SHARING, "Youth Offending Team",
                                              &answer, NULL, &error));
  g_assert_cmpint (answer, ==, TRELLIS_CONSENT_ANSWER_NOT_ASKED);

  /* refusals, with nothing written */
  rows = count (f, "SELECT count(*) FROM consent");
  g_assert_cmpint (trellis_store_record_consent (f->store, f->staff1, f->child,
                                                 TRELLIS_CONSENT_LEAFLETS, NULL,
                                                 TRELLIS_CONSENT_GIVEN, friend_id, day1, NULL,
                                                 &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "parental responsibility"));
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_record_consent (f->store, f->staff1, f->child,
                                                 TRELLIS_CONSENT_LEAFLETS, NULL,
                                                 TRELLIS_CONSENT_WITHOUT, 0, day1, "  ",
                                                 &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_record_consent (f->store, f->staff1, f->child,
                                                 TRELLIS_CONSENT_SHARING, " ",
                                                 TRELLIS_CONSENT_GIVEN, 0, day1, NULL,
                                                 &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_record_consent (f->store, f->staff2, f->child,
                                                 TRELLIS_CONSENT_LEAFLETS, NULL,
                                                 TRELLIS_CONSENT_GIVEN, 0, day1, NULL,
                                                 &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_record_consent (f->store, f->visitor, f->child,
                                                 TRELLIS_CONSENT_LEAFLETS, NULL,
                                                 TRELLIS_CONSENT_GIVEN, 0, day1, NULL,
                                                 &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consent"), ==, rows);

  /* going ahead without consent keeps the reason */
  g_assert_cmpint (trellis_store_record_consent (f->store, f->staff1, f->child,
                                                 TRELLIS_CONSENT_SHARING, "Police",
                                                 TRELLIS_CONSENT_WITHOUT, 0, day2,
                                                 "Safeguarding referral: risk of harm",
                                                 &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM consent k JOIN audit a ON a.id = k.audit_id "
                             "AND a.action = 'record-consent' AND a.child_id = k.child_id "
                             "WHERE k.decision = 'without' AND k.detail = 'Police' AND "
                             "k.reason = 'Safeguarding referral: risk of harm'"), ==, 1);
  g_assert_true (trellis_store_check_consent (f->store, f->staff2, f->child,
                                              TRELLIS_CONSENT_SHARING, "Police", &answer, NULL,
                                              &error));
  g_assert_cmpint (answer, ==, TRELLIS_CONSENT_ANSWER_WITHOUT);
  g_assert_true (trellis_consent_answer_allows (answer));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-people/added", test_added);
  ADD ("/store-people/versions", test_versions);
  ADD ("/store-people/refused", test_refused);
  ADD ("/store-people/address-withheld", test_address_withheld);
  ADD ("/store-people/consent", test_consent);

  return g_test_run ();
}
