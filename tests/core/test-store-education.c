/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-education.c: a child's health appointments and education file, recorded by
 * whoever may change the child's details, checked before they are kept, audited, and never
 * overwritten: an appointment's outcome keeps the version before, a change of school the
 * school before.
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

  f->dir = trellis_test_make_dir ("store-education");
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

/* The child's appointment with @id, current version, from the store's list */
static TrellisAppointment *
find_appointment (Fixture *f,
                  gint64   id)
{
  g_autoptr(GListModel) list = trellis_store_list_appointments (f->store, f->visitor, f->child,
                                                                NULL);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisAppointment) a = g_list_model_get_item (list, i);
      if (trellis_appointment_get_id (a) == id)
        return g_steal_pointer (&a);
    }
  return NULL;
}

/* A child of staff1's with nothing in their file yet (the demo's have much, dated
 * from the real today) */
static void
use_fresh_child (Fixture *f)
{
  g_autoptr(TrellisChild) child = trellis_test_make_child ("Lena", "Nowak", "2012-06-02");
  g_autoptr(GDateTime) admission = trellis_date_new (2025, 9, 1);
  g_autoptr(GError) error = NULL;

  trellis_child_set_admission_date (child, admission);
  f->child = trellis_store_add_child (f->store, f->manager, child, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (f->store, f->manager, f->child,
                                                   trellis_staff_get_id (f->staff1), admission,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  g_assert_no_error (error);
}

/* `audit verify`: every record names the audit row that made it */
static void
assert_audit_holds (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = -1;

  g_assert_true (trellis_store_verify_audit (f->store, f->manager, &broken, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
}

/* Recorded before it happens, listed upcoming first; its outcome recorded afterwards keeps
 * the version before, each tied to its own audit row. */
static void
test_appointment_outcome (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) soon = trellis_date_new (2026, 12, 3);
  g_autoptr(GDateTime) later = trellis_date_new (2027, 1, 15);
  g_autoptr(GDateTime) past = trellis_date_new (2026, 11, 2);
  g_autoptr(TrellisAppointment) current = NULL;
  g_autoptr(TrellisAppointment) first = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autofree char *sql = NULL;
  gint64 id_soon, id_later, id_past;
  guint upcoming = 0;

  use_fresh_child (f);
  id_later = trellis_store_record_appointment (f->store, f->staff1, f->child, later, NULL,
                                               "Mr Haddad, orthodontist", "Brace fitting",
                                               &error);
  g_assert_no_error (error);
  id_soon = trellis_store_record_appointment (f->store, f->manager, f->child, soon, " 9.30 ",
                                              "  Dr Okafor, CAMHS ", "Review of sleep",
                                              &error);
  g_assert_no_error (error);
  id_past = trellis_store_record_appointment (f->store, f->staff1, f->child, past, "14:05",
                                              "Nurse Adeyemi", "Immunisations", &error);
  g_assert_no_error (error);

  /* upcoming first, the soonest first; then the past */
  list = trellis_store_list_appointments (f->store, f->visitor, f->child, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisAppointment) a = g_list_model_get_item (list, i);
      g_autoptr(GDateTime) today = trellis_context_dup_today (f->context);
      if (trellis_appointment_is_upcoming (a, today))
        {
          g_assert_cmpuint (i, ==, upcoming);
          upcoming++;
        }
    }
  {
    g_autoptr(TrellisAppointment) a0 = g_list_model_get_item (list, 0);
    g_assert_cmpint (trellis_appointment_get_id (a0), ==, id_soon);
    g_assert_cmpstr (trellis_appointment_get_time (a0), ==, "09:30");
    g_assert_cmpstr (trellis_appointment_get_with_whom (a0), ==, "Dr Okafor, CAMHS");
  }
  g_assert_cmpuint (upcoming, >=, 2);

  /* a day to come has no outcome yet */
  g_assert_false (trellis_store_record_appointment_outcome (f->store, f->staff1, id_later,
                                                            "Fitted", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (trellis_store_record_appointment_outcome (f->store, f->staff1, id_past,
                                                           "  Two vaccines given  ", &error));
  g_assert_no_error (error);
  g_assert_true (trellis_store_record_appointment_outcome (f->store, f->manager, id_past,
                                                           "Two vaccines given; next in May",
                                                           &error));
  g_assert_no_error (error);

  current = find_appointment (f, id_past);
  g_assert_cmpstr (trellis_appointment_get_outcome (current), ==,
                   "Two vaccines given; next in May");
  g_assert_cmpint (trellis_appointment_get_version (current), ==, 3);
  g_assert_cmpstr (trellis_appointment_get_recorded_by (current), ==,
                   trellis_staff_get_display_name (f->manager));
  versions = trellis_store_list_appointment_versions (f->store, f->visitor, id_past, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  first = g_list_model_get_item (versions, 0);
  g_assert_cmpstr (trellis_appointment_get_outcome (first), ==, "");
  g_assert_cmpstr (trellis_appointment_get_purpose (first), ==, "Immunisations");
  g_assert_cmpstr (trellis_appointment_get_recorded_by (first), ==,
                   trellis_staff_get_display_name (f->staff1));

  /* in the database: the versions kept, each tied to the audit row that made it */
  sql = g_strdup_printf ("SELECT count(*) FROM appointment_version v JOIN audit a ON "
                         "a.id = v.audit_id AND a.child_id = v.child_id WHERE "
                         "v.appointment_id = %" G_GINT64_FORMAT " AND ((v.version = 1 AND "
                         "a.action = 'record-appointment') OR (v.version = 2 AND "
                         "a.action = 'record-appointment-outcome' AND "
                         "v.outcome = 'Two vaccines given'))", id_past);
  g_assert_cmpint (count (f, sql), ==, 2);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM appointment p JOIN audit a ON a.id = p.audit_id "
                         "WHERE p.id = %" G_GINT64_FORMAT " AND a.action = "
                         "'record-appointment-outcome' AND p.outcome = "
                         "'Two vaccines given; next in May'", id_past);
  g_assert_cmpint (count (f, sql), ==, 1);
  assert_audit_holds (f);
}

/* Refused, saying why, with nothing written */
static void
test_appointment_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) fine = trellis_date_new (2026, 12, 1);
  g_autoptr(GDateTime) long_ago = trellis_date_new (1990, 1, 1);
  g_autoptr(GDateTime) far = trellis_date_new (2036, 1, 1);
  g_autoptr(GDateTime) past = trellis_date_new (2026, 10, 1);
  g_autoptr(GError) error = NULL;
  int rows, versions, audited;
  gint64 id;
  struct {
    TrellisStaff *actor;
    GDateTime    *day;
    const char   *time;
    const char   *with;
    const char   *purpose;
    int           code;
    const char   *says;
  } cases[] = {
    { f->staff2, fine, NULL, "Dr Okafor", "Review", TRELLIS_ERROR_PERMISSION_DENIED, "Link Worker" },
    { f->visitor, fine, NULL, "Dr Okafor", "Review", TRELLIS_ERROR_PERMISSION_DENIED, "Visitors" },
    { f->staff1, NULL, NULL, "Dr Okafor", "Review", TRELLIS_ERROR_INVALID, "Enter the date" },
    { f->staff1, long_ago, NULL, "Dr Okafor", "Review", TRELLIS_ERROR_INVALID, "before" },
    { f->staff1, far, NULL, "Dr Okafor", "Review", TRELLIS_ERROR_INVALID, "future" },
    { f->staff1, fine, "25:00", "Dr Okafor", "Review", TRELLIS_ERROR_INVALID, "not a time" },
    { f->staff1, fine, "half two", "Dr Okafor", "Review", TRELLIS_ERROR_INVALID, "not a time" },
    { f->staff1, fine, NULL, "  ", "Review", TRELLIS_ERROR_INVALID, "who" },
    { f->staff1, fine, NULL, "Dr Okafor", "", TRELLIS_ERROR_INVALID, "what the appointment" },
  };

  use_fresh_child (f);
  id = trellis_store_record_appointment (f->store, f->staff1, f->child, past, NULL, "Dr Lee",
                                         "Asthma review", &error);
  g_assert_no_error (error);
  rows = count (f, "SELECT count(*) FROM appointment");
  versions = count (f, "SELECT count(*) FROM appointment_version");
  audited = count (f, "SELECT count(*) FROM audit WHERE action LIKE 'record-appointment%'");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) e = NULL;

      g_assert_cmpint (trellis_store_record_appointment (f->store, cases[i].actor, f->child,
                                                         cases[i].day, cases[i].time,
                                                         cases[i].with, cases[i].purpose, &e),
                       ==, 0);
      g_assert_error (e, TRELLIS_ERROR, cases[i].code);
      g_test_message ("%u: %s", i, e->message);
      g_assert_nonnull (strstr (e->message, cases[i].says));
    }
  /* outcomes: only by those who may write, of an appointment there is, with something said */
  {
    struct { TrellisStaff *actor; gint64 id; const char *outcome; int code; } outcomes[] = {
      { f->staff2, id, "Inhaler changed", TRELLIS_ERROR_PERMISSION_DENIED },
      { f->visitor, id, "Inhaler changed", TRELLIS_ERROR_PERMISSION_DENIED },
      { f->staff1, id + 1000, "Inhaler changed", TRELLIS_ERROR_NOT_FOUND },
      { f->staff1, id, "   ", TRELLIS_ERROR_INVALID },
    };
    for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
      {
        g_autoptr(GError) e = NULL;
        g_assert_false (trellis_store_record_appointment_outcome (f->store, outcomes[i].actor,
                                                                  outcomes[i].id,
                                                                  outcomes[i].outcome, &e));
        g_assert_error (e, TRELLIS_ERROR, outcomes[i].code);
      }
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM appointment"), ==, rows);
  g_assert_cmpint (count (f, "SELECT count(*) FROM appointment WHERE outcome <> '' AND "
                             "purpose = 'Asthma review'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM appointment_version"), ==, versions);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action LIKE "
                             "'record-appointment%'"), ==, audited);
}

static gint64
record (Fixture                     *f,
        TrellisStaff                *actor,
        const TrellisEducationEntry *entry,
        GError                     **error)
{
  return trellis_store_record_education (f->store, actor, f->child, entry, error);
}

/* The newest record of @kind in the child's file */
static TrellisEducationRecord *
newest_of (Fixture              *f,
           TrellisEducationKind  kind)
{
  g_autoptr(GListModel) list = trellis_store_list_education (f->store, f->visitor, f->child,
                                                             NULL);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TrellisEducationRecord) r = g_list_model_get_item (list, i);
      if (trellis_education_record_get_kind (r) == kind)
        return g_steal_pointer (&r);
    }
  return NULL;
}

static int
count_of_child (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM education_record WHERE "
                                          "child_id = %" G_GINT64_FORMAT, f->child);
  return count (f, sql);
}

/* Every kind kept as entered, read back; a change of school keeps the one before */
static void
test_education_recorded (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) sept = trellis_date_new (2025, 9, 3);
  g_autoptr(GDateTime) moved = trellis_date_new (2026, 11, 2);
  g_autoptr(GDateTime) oct = trellis_date_new (2026, 10, 14);
  g_autoptr(TrellisEducationRecord) school = NULL;
  g_autoptr(TrellisEducationRecord) attendance = NULL;
  g_autoptr(TrellisEducationRecord) exclusion = NULL;
  g_autoptr(TrellisEducationRecord) needs = NULL;
  g_autoptr(TrellisEducationRecord) event = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *sql = NULL;
  int schools;
  TrellisEducationEntry entries[] = {
    { .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = sept, .title = "Oakfield Academy",
      .year_group = 8 },
    { .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = moved, .title = " Riverside School ",
      .year_group = 9 },
    { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "autumn   2026", .possible = 120,
      .attended = 107 },
    { .kind = TRELLIS_EDUCATION_EXCLUSION, .on_date = oct, .category = "suspension",
      .days = 2, .detail = "Fighting at lunchtime" },
    { .kind = TRELLIS_EDUCATION_SPECIAL_NEEDS, .on_date = oct, .category = "ehcp",
      .detail = "Speech and language" },
    { .kind = TRELLIS_EDUCATION_SUPPORT, .on_date = oct, .category = "reading",
      .detail = "Reads with staff most evenings" },
    { .kind = TRELLIS_EDUCATION_EVENT, .on_date = oct, .category = "parents-evening",
      .title = "Year 9 parents’ evening", .detail = "Link Worker and social worker" },
  };

  use_fresh_child (f);
  schools = count (f, "SELECT count(*) FROM education_record WHERE kind = 'school'");
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_assert_cmpint (record (f, i % 2 ? f->manager : f->staff1, &entries[i], &error), >, 0);
      g_assert_no_error (error);
    }

  school = newest_of (f, TRELLIS_EDUCATION_SCHOOL);
  g_assert_cmpstr (trellis_education_record_get_title (school), ==, "Riverside School");
  g_assert_cmpint (trellis_education_record_get_year_group (school), ==, 9);
  g_assert_cmpint (count (f, "SELECT count(*) FROM education_record WHERE kind = 'school'"),
                   ==, schools + 2);
  sql = g_strdup_printf ("SELECT count(*) FROM education_record WHERE child_id = "
                         "%" G_GINT64_FORMAT " AND title = 'Oakfield Academy' AND "
                         "year_group = 8 AND on_date = '2025-09-03'", f->child);
  g_assert_cmpint (count (f, sql), ==, 1);

  attendance = newest_of (f, TRELLIS_EDUCATION_ATTENDANCE);
  g_assert_cmpstr (trellis_education_record_get_title (attendance), ==, "Autumn 2026");
  g_assert_cmpuint (trellis_education_record_get_possible (attendance), ==, 120);
  g_assert_cmpuint (trellis_education_record_get_attended (attendance), ==, 107);
  summary = trellis_education_record_dup_summary (attendance);
  g_assert_cmpstr (summary, ==, "89.1 % (107 of 120 sessions)");

  exclusion = newest_of (f, TRELLIS_EDUCATION_EXCLUSION);
  g_assert_cmpstr (trellis_education_record_get_category (exclusion), ==, "suspension");
  g_assert_cmpuint (trellis_education_record_get_days (exclusion), ==, 2);
  needs = newest_of (f, TRELLIS_EDUCATION_SPECIAL_NEEDS);
  g_assert_cmpstr (trellis_education_record_get_category (needs), ==, "ehcp");
  event = newest_of (f, TRELLIS_EDUCATION_EVENT);
  g_assert_cmpstr (trellis_education_record_get_detail (event), ==,
                   "Link Worker and social worker");
  g_assert_cmpstr (trellis_education_record_get_recorded_by (event), ==,
                   trellis_staff_get_display_name (f->staff1));

  /* each tied to its own audit row, and audit verify holds them to it */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM education_record e JOIN audit a ON "
                         "a.id = e.audit_id AND a.child_id = e.child_id AND "
                         "a.action = 'record-' || e.kind WHERE e.child_id = %" G_GINT64_FORMAT,
                         f->child);
  g_assert_cmpint (count (f, sql), ==, count_of_child (f));
  assert_audit_holds (f);
}

/* Refused, saying why, with nothing written */
static void
test_education_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) fine = trellis_date_new (2026, 10, 1);
  g_autoptr(GDateTime) future = trellis_date_new (2026, 12, 1);
  g_autofree char *too_long = g_strnfill (TRELLIS_EDUCATION_NOTES_MAX_CHARS + 1, 'x');
  int rows = count (f, "SELECT count(*) FROM education_record");
  int audited = count (f, "SELECT count(*) FROM audit WHERE action IN ('record-school', "
                          "'record-attendance', 'record-exclusion', 'record-special-needs', "
                          "'record-education-support', 'record-school-event')");
  struct {
    TrellisStaff          *actor;
    TrellisEducationEntry  entry;
    int                    code;
    const char            *says;
  } cases[] = {
    { f->staff2, { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "Autumn 2026",
                   .possible = 100, .attended = 90 }, TRELLIS_ERROR_PERMISSION_DENIED, "Link Worker" },
    { f->visitor, { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "Autumn 2026",
                    .possible = 100, .attended = 90 }, TRELLIS_ERROR_PERMISSION_DENIED, "Visitors" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "Autumn 2026",
                   .possible = 100, .attended = 101 }, TRELLIS_ERROR_INVALID, "more than" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "Autumn 2026",
                   .possible = 0, .attended = 0 }, TRELLIS_ERROR_INVALID, "how many sessions" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_ATTENDANCE, .title = "Winter 2026",
                   .possible = 100, .attended = 90 }, TRELLIS_ERROR_INVALID, "not a term" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = fine, .title = "",
                   .year_group = 9 }, TRELLIS_ERROR_INVALID, "name of the school" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = fine, .title = "Oakfield",
                   .year_group = 14 }, TRELLIS_ERROR_INVALID, "year group" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_SCHOOL, .on_date = future, .title = "Oakfield",
                   .year_group = 9 }, TRELLIS_ERROR_INVALID, "future" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_EXCLUSION, .on_date = fine, .category = "expelled",
                   .days = 2, .detail = "x" }, TRELLIS_ERROR_INVALID, "suspension" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_EXCLUSION, .on_date = fine,
                   .category = "suspension", .days = 0, .detail = "x" },
      TRELLIS_ERROR_INVALID, "1 to 45" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_EXCLUSION, .on_date = fine,
                   .category = "suspension", .days = 2, .detail = "" },
      TRELLIS_ERROR_INVALID, "reason" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_SPECIAL_NEEDS, .on_date = fine,
                   .category = "ehcp", .detail = too_long }, TRELLIS_ERROR_INVALID, "2000" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_SUPPORT, .on_date = fine,
                   .category = "homework", .detail = "" }, TRELLIS_ERROR_INVALID, "note" },
    { f->staff1, { .kind = TRELLIS_EDUCATION_EVENT, .on_date = fine,
                   .category = "parents-evening", .title = "" }, TRELLIS_ERROR_INVALID, "what" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (record (f, cases[i].actor, &cases[i].entry, &error), ==, 0);
      g_assert_error (error, TRELLIS_ERROR, cases[i].code);
      g_test_message ("%u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM education_record"), ==, rows);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action IN ('record-school', "
                             "'record-attendance', 'record-exclusion', 'record-special-needs', "
                             "'record-education-support', 'record-school-event')"), ==, audited);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-appointments/outcome-keeps-versions", test_appointment_outcome);
  ADD ("/store-appointments/refused", test_appointment_refused);
  ADD ("/store-education/recorded", test_education_recorded);
  ADD ("/store-education/refused", test_education_refused);

  return g_test_run ();
}
