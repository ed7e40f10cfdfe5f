/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-care-plans.c: a child's plans, kept version by version, written by whoever may
 * change the child's details, approved or returned by a Manager only, audited; when a plan
 * is due for review; what changed between two versions
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

  f->dir = trellis_test_make_dir ("store-care-plans");
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

/* A placement plan with @needs in its first section, to be reviewed on 1 March 2027 */
static TrellisCarePlanContent *
placement (const char *needs)
{
  TrellisCarePlanContent *content = trellis_care_plan_content_new (TRELLIS_CARE_PLAN_PLACEMENT);

  trellis_care_plan_content_set_section (content, 0, needs);
  trellis_care_plan_content_set_section (content, 1, "Phone call with Mum on Sundays");
  content->review_on = trellis_date_new (2027, 3, 1);
  return content;
}

/* Every save is a new version; none is changed; each names who and its audit row */
static void
test_versions_kept (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisCarePlanContent) first = placement ("  Settled routine at bedtime  ");
  g_autoptr(TrellisCarePlanContent) second = placement ("Settled routine at bedtime, and a "
                                                        "night light");
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(TrellisCarePlanVersion) v1 = NULL;
  g_autoptr(TrellisCarePlanVersion) now = NULL;
  g_autofree char *sql = NULL;
  gint64 plan, again;

  plan = trellis_store_save_care_plan (f->store, f->staff1, f->child, 0, first, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan, >, 0);
  again = trellis_store_save_care_plan (f->store, f->manager, f->child, plan, second, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, plan);

  versions = trellis_store_list_care_plan_versions (f->store, f->visitor, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);

  /* the first version is as it was saved, trimmed, by its author */
  v1 = trellis_store_get_care_plan (f->store, f->visitor, plan, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_care_plan_content_get_section (trellis_care_plan_version_get_content (v1),
                                                          "needs"), ==,
                   "Settled routine at bedtime");
  g_assert_cmpstr (trellis_care_plan_version_get_saved_by (v1), ==,
                   trellis_staff_get_display_name (f->staff1));
  g_assert_cmpint (trellis_care_plan_version_get_status (v1), ==, TRELLIS_CARE_PLAN_DRAFT);

  now = trellis_store_get_care_plan (f->store, f->visitor, plan, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_care_plan_version_get_version (now), ==, 2);
  g_assert_cmpint (trellis_care_plan_version_get_status (now), ==,
                   TRELLIS_CARE_PLAN_AWAITING_APPROVAL);
  g_assert_cmpstr (trellis_care_plan_version_get_saved_by (now), ==,
                   trellis_staff_get_display_name (f->manager));
  g_assert_true (g_str_has_suffix (trellis_care_plan_content_get_section (
                   trellis_care_plan_version_get_content (now), "needs"), "night light"));

  /* in the database: two versions, their sections, each tied to its audit row */
  sql = g_strdup_printf ("SELECT count(*) FROM care_plan_version v JOIN audit a ON "
                         "a.id = v.audit_id AND a.child_id = v.child_id AND "
                         "a.action = v.step || '-care-plan' WHERE v.plan_id = %" G_GINT64_FORMAT,
                         plan);
  g_assert_cmpint (count (f, sql), ==, 2);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM care_plan_section s JOIN care_plan_version v ON "
                         "v.id = s.version_id WHERE v.plan_id = %" G_GINT64_FORMAT
                         " AND s.key = 'needs' AND s.body = 'Settled routine at bedtime'", plan);
  g_assert_cmpint (count (f, sql), ==, 1);
}

/* Only a Manager approves; a Link Worker's approval and a Visitor's writing are refused
 * with nothing written */
static void
test_approval (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisCarePlanContent) content = placement ("Needs a calm start to the day");
  g_autoptr(TrellisCarePlanVersion) now = NULL;
  g_autoptr(GListModel) awaiting = NULL;
  gboolean listed = FALSE;
  int versions, audited;
  gint64 plan;

  plan = trellis_store_save_care_plan (f->store, f->staff1, f->child, 0, content, TRUE, &error);
  g_assert_no_error (error);

  awaiting = trellis_store_list_care_plans_awaiting (f->store, f->manager, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (awaiting); i++)
    {
      g_autoptr(TrellisCarePlanVersion) v = g_list_model_get_item (awaiting, i);
      if (trellis_care_plan_version_get_plan_id (v) == plan)
        {
          listed = TRUE;
          g_assert_nonnull (trellis_care_plan_version_get_child_name (v));
        }
    }
  g_assert_true (listed);

  versions = count (f, "SELECT count(*) FROM care_plan_version");
  audited = count (f, "SELECT count(*) FROM audit WHERE action LIKE '%-care-plan'");

  /* the Link Worker who wrote it may not approve it */
  g_assert_false (trellis_store_approve_care_plan (f->store, f->staff1, plan, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* nor may a Visitor write one, or another Staff change a child not theirs */
  g_assert_cmpint (trellis_store_save_care_plan (f->store, f->visitor, f->child, plan, content,
                                                 FALSE, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_save_care_plan (f->store, f->staff2, f->child, plan, content,
                                                 FALSE, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM care_plan_version"), ==, versions);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action LIKE '%-care-plan'"), ==,
                   audited);

  g_assert_true (trellis_store_approve_care_plan (f->store, f->manager, plan, &error));
  g_assert_no_error (error);
  now = trellis_store_get_care_plan (f->store, f->staff2, plan, 0, &error);
  g_assert_cmpint (trellis_care_plan_version_get_status (now), ==, TRELLIS_CARE_PLAN_APPROVED);
  g_assert_cmpint (trellis_care_plan_version_get_step (now), ==, TRELLIS_CARE_PLAN_STEP_APPROVE);
  g_assert_cmpuint (trellis_care_plan_version_get_version (now), ==, 2);
  g_assert_cmpstr (trellis_care_plan_content_get_section (trellis_care_plan_version_get_content (now),
                                                          "needs"), ==,
                   "Needs a calm start to the day");
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'approve-care-plan'"),
                   >=, 1);

  /* approved once: not again */
  g_assert_false (trellis_store_approve_care_plan (f->store, f->manager, plan, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
}

/* A Manager returns a plan to draft, saying why; a return without a comment is refused */
static void
test_returned (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisCarePlanContent) content = placement ("Help with homework after tea");
  g_autoptr(TrellisCarePlanVersion) now = NULL;
  g_autofree char *sql = NULL;
  gint64 plan;

  plan = trellis_store_save_care_plan (f->store, f->staff1, f->child, 0, content, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (trellis_store_return_care_plan (f->store, f->manager, plan, "   ", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (trellis_store_return_care_plan (f->store, f->staff1, plan, "Fine", &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_true (trellis_store_return_care_plan (f->store, f->manager, plan,
                                                 "Say who takes her to school", &error));
  g_assert_no_error (error);
  now = trellis_store_get_care_plan (f->store, f->staff1, plan, 0, &error);
  g_assert_cmpint (trellis_care_plan_version_get_status (now), ==, TRELLIS_CARE_PLAN_DRAFT);
  g_assert_cmpstr (trellis_care_plan_version_get_comment (now), ==, "Say who takes her to school");
  sql = g_strdup_printf ("SELECT count(*) FROM care_plan_version WHERE plan_id = %"
                         G_GINT64_FORMAT " AND step = 'return' AND comment = "
                         "'Say who takes her to school'", plan);
  g_assert_cmpint (count (f, sql), ==, 1);
  /* a draft cannot be approved until it is submitted again */
  g_assert_false (trellis_store_approve_care_plan (f->store, f->manager, plan, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
}

/* What a plan must say: something written; to submit, a review date; a risk assessment its
 * risk and level; a copy given on a day that has come; the child's own words kept */
static void
test_checked (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisCarePlanContent) empty = trellis_care_plan_content_new (TRELLIS_CARE_PLAN_BEHAVIOUR);
  g_autoptr(TrellisCarePlanContent) risk = trellis_care_plan_content_new (TRELLIS_CARE_PLAN_RISK);
  g_autoptr(TrellisCarePlanContent) dated = placement ("Bedtime at nine");
  g_autoptr(TrellisCarePlanVersion) kept = NULL;
  int versions = count (f, "SELECT count(*) FROM care_plan_version");
  const char *field = NULL;
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  gint64 plan;

  g_assert_cmpint (trellis_store_save_care_plan (f->store, f->staff1, f->child, 0, empty, FALSE,
                                                 &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);

  trellis_care_plan_content_set_section (risk, 1, "Late evenings");
  g_assert_false (trellis_care_plan_content_check (risk, NULL, today, FALSE, &field, &error));
  g_assert_cmpstr (field, ==, "section:risk");
  g_clear_error (&error);
  trellis_care_plan_content_set_section (risk, 0, "Going missing after family contact");
  risk->review_on = trellis_date_new (2027, 1, 10);
  g_assert_false (trellis_care_plan_content_check (risk, NULL, today, TRUE, &field, &error));
  g_assert_cmpstr (field, ==, "risk-level");
  g_clear_error (&error);
  risk->risk_level = TRELLIS_RISK_LEVEL_HIGH;
  g_assert_true (trellis_care_plan_content_check (risk, NULL, today, TRUE, &field, &error));
  g_assert_no_error (error);

  /* no review date: a draft may wait for one, a submission not */
  g_clear_pointer (&dated->review_on, g_date_time_unref);
  g_assert_cmpint (trellis_store_save_care_plan (f->store, f->staff1, f->child, 0, dated, TRUE,
                                                 &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  /* a copy given tomorrow has not been given */
  dated->given_on = trellis_date_new (2026, 11, 24);
  g_assert_false (trellis_care_plan_content_check (dated, NULL, today, FALSE, &field, &error));
  g_assert_cmpstr (field, ==, "given-on");
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM care_plan_version"), ==, versions);

  g_clear_pointer (&dated->given_on, g_date_time_unref);
  dated->given_on = trellis_date_new (2026, 11, 23);
  dated->with_child = TRUE;
  g_free (dated->child_comments);
  dated->child_comments = g_strdup ("I want to stay up till ten on Fridays");
  plan = trellis_store_save_care_plan (f->store, f->staff1, f->child, 0, dated, FALSE, &error);
  g_assert_no_error (error);
  kept = trellis_store_get_care_plan (f->store, f->staff1, plan, 0, &error);
  g_assert_true (trellis_care_plan_version_get_content (kept)->with_child);
  g_assert_cmpstr (trellis_care_plan_version_get_content (kept)->child_comments, ==,
                   "I want to stay up till ten on Fridays");
  g_assert_true (trellis_date_equal (trellis_care_plan_version_get_content (kept)->given_on, today));
}

/* Due on the review date itself, overdue the day after, warned of 28 days before */
static void
test_due (void)
{
  g_autoptr(GDateTime) review = trellis_date_new (2027, 3, 1);
  g_autoptr(GDateTime) day_before = trellis_date_new (2027, 2, 28);
  g_autoptr(GDateTime) day_after = trellis_date_new (2027, 3, 2);
  g_autoptr(GDateTime) month_before = trellis_date_new (2027, 1, 31);
  g_autoptr(GDateTime) four_weeks_before = trellis_date_new (2027, 2, 1);

  g_assert_false (trellis_care_plan_is_due (review, day_before));
  g_assert_true (trellis_care_plan_is_due (review, review));
  g_assert_true (trellis_care_plan_is_due (review, day_after));
  g_assert_false (trellis_care_plan_is_due (NULL, day_after));

  g_assert_cmpint (trellis_care_plan_review_state (review, month_before), ==, TRELLIS_DUE_LATER);
  g_assert_cmpint (trellis_care_plan_review_state (review, four_weeks_before), ==, TRELLIS_DUE_SOON);
  g_assert_cmpint (trellis_care_plan_review_state (review, review), ==, TRELLIS_DUE_SOON);
  g_assert_cmpint (trellis_care_plan_review_state (review, day_after), ==, TRELLIS_DUE_OVERDUE);
  g_assert_cmpint (trellis_care_plan_review_state (NULL, day_after), ==, TRELLIS_DUE_LATER);
}

static char *
render (GPtrArray *pieces)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      TrellisDiffPiece *piece = g_ptr_array_index (pieces, i);
      const char *open = piece->op == TRELLIS_DIFF_ADDED ? "{+" :
                         piece->op == TRELLIS_DIFF_REMOVED ? "[-" : "";
      const char *close = piece->op == TRELLIS_DIFF_ADDED ? "+}" :
                          piece->op == TRELLIS_DIFF_REMOVED ? "-]" : "";
      g_string_append_printf (text, "%s%s%s", open, piece->text, close);
    }
  return g_string_free (text, FALSE);
}

/* Word by word, in reading order, what is removed before what replaces it */
static void
test_diff (void)
{
  g_autoptr(GPtrArray) same = trellis_text_diff ("Calm start", "Calm start");
  g_autoptr(GPtrArray) changed = trellis_text_diff ("Phone Mum on Sundays at six",
                                                    "Phone Mum and Gran on Saturdays at six");
  g_autoptr(GPtrArray) from_nothing = trellis_text_diff (NULL, "New text");
  g_autofree char *text = render (changed);
  g_autofree char *added = render (from_nothing);

  g_assert_false (trellis_text_diff_changed (same));
  g_assert_true (trellis_text_diff_changed (changed));
  g_assert_cmpstr (text, ==, "Phone Mum {+and Gran +}on [-Sundays -]{+Saturdays +}at six");
  g_assert_cmpstr (added, ==, "{+New text+}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-care-plans/versions-kept", test_versions_kept);
  ADD ("/store-care-plans/approval", test_approval);
  ADD ("/store-care-plans/returned", test_returned);
  ADD ("/store-care-plans/checked", test_checked);
  g_test_add_func ("/store-care-plans/due", test_due);
  g_test_add_func ("/store-care-plans/diff", test_diff);

  return g_test_run ();
}
