/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-complaints.c: what a child is given and told, and the complaints they make:
 * recorded by whoever may change the child's details, checked before they are kept, never
 * changed, audited; the home's counts for a Manager; and documents attached to the file
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

  f->dir = trellis_test_make_dir ("store-complaints");
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

static void
test_checklist_recorded (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = trellis_date_new (2026, 10, 2);
  g_autoptr(GDateTime) again = trellis_date_new (2026, 11, 20);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TrellisChecklistEntry) newest = NULL;
  g_autofree char *tied = NULL;
  int rows = count (f, "SELECT count(*) FROM checklist_entry");
  gint64 id;

  g_assert_cmpint (trellis_store_record_checklist (f->store, f->staff1, f->child,
                                                   TRELLIS_CHECKLIST_STAYING_SAFE, first,
                                                   "  Walked the fire route together  ", &error),
                   >, 0);
  g_assert_no_error (error);
  /* done again, by a Manager: a new row, the first kept */
  id = trellis_store_record_checklist (f->store, f->manager, f->child,
                                       TRELLIS_CHECKLIST_STAYING_SAFE, again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist_entry"), ==, rows + 2);

  list = trellis_store_list_checklist (f->store, f->visitor, f->child, &error);
  g_assert_no_error (error);
  newest = trellis_checklist_entry_find (list, TRELLIS_CHECKLIST_STAYING_SAFE);
  g_assert_cmpint (trellis_checklist_entry_get_id (newest), ==, id);
  g_assert_true (trellis_date_equal (trellis_checklist_entry_get_done_on (newest), again));
  g_assert_cmpstr (trellis_checklist_entry_get_recorded_by (newest), ==,
                   trellis_staff_get_display_name (f->manager));
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist_entry WHERE notes = "
                             "'Walked the fire route together'"), ==, 1);

  tied = g_strdup_printf ("SELECT count(*) FROM checklist_entry e JOIN audit a ON "
                          "a.id = e.audit_id AND a.action = 'record-checklist' AND "
                          "a.child_id = e.child_id WHERE e.child_id = %" G_GINT64_FORMAT,
                          f->child);
  g_assert_cmpint (count (f, tied), ==,
                   count (f, "SELECT count(*) FROM checklist_entry WHERE child_id = "
                             "(SELECT child_id FROM checklist_entry ORDER BY id DESC LIMIT 1)"));
}

/* Refused, saying why, with nothing written */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) tomorrow = trellis_date_new (2026, 11, 24);
  g_autoptr(GDateTime) fine = trellis_date_new (2026, 11, 1);
  g_autoptr(GDateTime) long_ago = trellis_date_new (1990, 1, 1);
  int entries = count (f, "SELECT count(*) FROM checklist_entry");
  int complaints = count (f, "SELECT count(*) FROM complaint");
  int audited = count (f, "SELECT count(*) FROM audit");
  struct {
    TrellisStaff *actor;
    GDateTime    *day;
    const char   *about;
    const char   *to;
    int           code;
    const char   *says;
  } cases[] = {
    { f->staff2, fine, "Pocket money", "Sam", TRELLIS_ERROR_PERMISSION_DENIED, "Link Worker" },
    { f->visitor, fine, "Pocket money", "Sam", TRELLIS_ERROR_PERMISSION_DENIED, "Visitors" },
    { f->staff1, NULL, "Pocket money", "Sam", TRELLIS_ERROR_INVALID, "Enter the date" },
    { f->staff1, tomorrow, "Pocket money", "Sam", TRELLIS_ERROR_INVALID, "in the future" },
    { f->staff1, long_ago, "Pocket money", "Sam", TRELLIS_ERROR_INVALID, "before" },
    { f->staff1, fine, "   ", "Sam", TRELLIS_ERROR_INVALID, "what the complaint is about" },
    { f->staff1, fine, "Pocket money", "", TRELLIS_ERROR_INVALID, "whom the child told" },
    { f->staff1, fine, "Pocket money", "Sam\nJones", TRELLIS_ERROR_INVALID, "Made to" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (trellis_store_record_complaint (f->store, cases[i].actor, f->child,
                                                       cases[i].day, cases[i].about,
                                                       cases[i].to, &error), ==, 0);
      g_assert_error (error, TRELLIS_ERROR, cases[i].code);
      g_test_message ("%u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_clear_error (&error);
      if (i < 5)
        {
          g_assert_cmpint (trellis_store_record_checklist (f->store, cases[i].actor, f->child,
                                                           TRELLIS_CHECKLIST_HOUSE_RULES,
                                                           cases[i].day, NULL, &error), ==, 0);
          g_assert_error (error, TRELLIS_ERROR, cases[i].code);
        }
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM checklist_entry"), ==, entries);
  g_assert_cmpint (count (f, "SELECT count(*) FROM complaint"), ==, complaints);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit"), ==, audited);
}

static void
test_complaint_outcome (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) made = trellis_date_new (2026, 11, 2);
  g_autoptr(GDateTime) before = trellis_date_new (2026, 11, 1);
  g_autoptr(GDateTime) settled = trellis_date_new (2026, 11, 9);
  g_autoptr(GDateTime) appealed = trellis_date_new (2026, 11, 16);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TrellisComplaint) complaint = NULL;
  int outcomes = count (f, "SELECT count(*) FROM complaint_outcome");
  int tied = count (f, "SELECT count(*) FROM complaint_outcome o JOIN audit a ON "
                       "a.id = o.audit_id AND a.action = 'record-complaint-outcome' AND "
                       "a.child_id = o.child_id");
  gint64 id;

  id = trellis_store_record_complaint (f->store, f->staff1, f->child, made,
                                       "Not allowed to stay up for the match",
                                       "Sam (night staff)", &error);
  g_assert_no_error (error);
  list = trellis_store_list_complaints (f->store, f->visitor, f->child, &error);
  complaint = g_list_model_get_item (list, 0);
  g_assert_cmpint (trellis_complaint_get_id (complaint), ==, id);
  g_assert_true (trellis_complaint_is_open (complaint));
  g_clear_object (&complaint);
  g_clear_object (&list);

  /* not before it was made; not by another Link Worker; nothing written */
  g_assert_false (trellis_store_record_complaint_outcome (f->store, f->staff1, id, before,
                                                          "Talked it through", "Agreed",
                                                          TRELLIS_SATISFIED_YES, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "before the complaint was made"));
  g_clear_error (&error);
  g_assert_false (trellis_store_record_complaint_outcome (f->store, f->staff2, id, settled,
                                                          "Talked it through", "Agreed",
                                                          TRELLIS_SATISFIED_YES, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (trellis_store_record_complaint_outcome (f->store, f->staff1, 999999, settled,
                                                          "Talked it through", "Agreed",
                                                          TRELLIS_SATISFIED_YES, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM complaint_outcome"), ==, outcomes);

  g_assert_true (trellis_store_record_complaint_outcome (f->store, f->staff1, id, settled,
                                                         "Talked it through with the manager",
                                                         "Can stay up for cup finals",
                                                         TRELLIS_SATISFIED_NO, &error));
  g_assert_no_error (error);
  /* the child appealed: a second outcome, the first kept */
  g_assert_true (trellis_store_record_complaint_outcome (f->store, f->manager, id, appealed,
                                                         "Met with the child and their IRO",
                                                         "Stays up for any final",
                                                         TRELLIS_SATISFIED_YES, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM complaint_outcome"), ==, outcomes + 2);

  list = trellis_store_list_complaints (f->store, f->visitor, f->child, &error);
  complaint = g_list_model_get_item (list, 0);
  g_assert_false (trellis_complaint_is_open (complaint));
  g_assert_cmpstr (trellis_complaint_get_outcome (complaint), ==, "Stays up for any final");
  g_assert_cmpint (trellis_complaint_get_satisfied (complaint), ==, TRELLIS_SATISFIED_YES);
  g_assert_true (trellis_date_equal (trellis_complaint_get_resolved_on (complaint), appealed));
  g_assert_cmpint (count (f, "SELECT count(*) FROM complaint_outcome o JOIN audit a ON "
                             "a.id = o.audit_id AND a.action = 'record-complaint-outcome' AND "
                             "a.child_id = o.child_id"), ==, tied + 2);
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GDateTime) october = trellis_date_new (2026, 10, 14);
  g_autoptr(GDateTime) november = trellis_date_new (2026, 11, 3);
  TrellisComplaintCount *latest;
  guint made_before = 0;
  gint64 id;

  /* a Manager's: not a Link Worker's */
  g_assert_null (trellis_store_count_complaints (f->store, f->staff1, 12, &error));
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  before = trellis_store_count_complaints (f->store, f->manager, 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    if (g_array_index (before, TrellisComplaintCount, i).month == 11)
      made_before = g_array_index (before, TrellisComplaintCount, i).made;

  g_assert_cmpint (trellis_store_record_complaint (f->store, f->staff1, f->child, october,
                                                   "Food", "Key worker", &error), >, 0);
  id = trellis_store_record_complaint (f->store, f->staff1, f->child, november, "Wi-Fi",
                                       "Key worker", &error);
  g_assert_cmpint (trellis_store_record_complaint (f->store, f->staff1, f->child, november,
                                                   "Bedtime", "Key worker", &error), >, 0);
  g_assert_true (trellis_store_record_complaint_outcome (f->store, f->staff1, id, november,
                                                         "Explained", "Router moved",
                                                         TRELLIS_SATISFIED_NO, &error));
  g_assert_no_error (error);

  counts = trellis_store_count_complaints (f->store, f->manager, 2, &error);
  g_assert_no_error (error);
  latest = &g_array_index (counts, TrellisComplaintCount, 0);
  g_assert_cmpuint (latest->year, ==, 2026);
  g_assert_cmpuint (latest->month, ==, 11);
  g_assert_cmpuint (latest->made, ==, made_before + 2);
  g_assert_cmpuint (latest->not_satisfied, >=, 1);
  g_assert_cmpuint (g_array_index (counts, TrellisComplaintCount, 1).month, ==, 10);
}

/* A PDF's first bytes, and a pretend body: the store knows a document by its first bytes */
static GBytes *
make_pdf (gsize size)
{
  char *data = g_malloc0 (size);

  memcpy (data, "%PDF-1.4\n", 9);
  return g_bytes_new_take (data, size);
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dated = trellis_date_new (2026, 10, 12);
  g_autoptr(GBytes) pdf = make_pdf (4000);
  g_autoptr(GBytes) huge = make_pdf (TRELLIS_ATTACHMENT_MAX_BYTES + 1);
  g_autoptr(GBytes) text = g_bytes_new_static ("Dear Sam,", 9);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TrellisAttachment) newest = NULL;
  int rows = count (f, "SELECT count(*) FROM attachment");
  int opened = count (f, "SELECT count(*) FROM audit WHERE action = 'open-attachment'");
  gint64 id;

  /* refused, saying why, with nothing kept */
  g_assert_cmpint (trellis_store_add_attachment (f->store, f->staff1, f->child, "Care plan", NULL,
                                                 dated, "/home/sam/care-plan.pdf", huge, NULL, &error),
                   ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“care-plan.pdf” is too large"));
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_add_attachment (f->store, f->staff1, f->child, "Letter", NULL,
                                                 dated, "letter.pdf", text, NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a PDF"));
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_add_attachment (f->store, f->staff1, f->child, "  ", NULL,
                                                 dated, "care-plan.pdf", pdf, NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (trellis_store_add_attachment (f->store, f->visitor, f->child, "Care plan", NULL,
                                                 dated, "care-plan.pdf", pdf, NULL, &error), ==, 0);
  g_assert_error (error, TRELLIS_ERROR, TRELLIS_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment"), ==, rows);

  id = trellis_store_add_attachment (f->store, f->staff1, f->child, " Care plan ",
                                     "Birmingham Children’s Services", dated,
                                     "/home/sam/care-plan.pdf", pdf, NULL, &error);
  g_assert_no_error (error);
  list = trellis_store_list_attachments (f->store, f->visitor, f->child, &error);
  newest = g_list_model_get_item (list, 0);
  g_assert_cmpint (trellis_attachment_get_id (newest), ==, id);
  g_assert_cmpstr (trellis_attachment_get_title (newest), ==, "Care plan");
  g_assert_cmpstr (trellis_attachment_get_file_name (newest), ==, "care-plan.pdf");
  g_assert_cmpstr (trellis_attachment_get_media_type (newest), ==, "application/pdf");
  g_assert_cmpint (trellis_attachment_get_size (newest), ==, 4000);

  /* opened by a Visitor: the same bytes, and a look at the child's file in the trail */
  back = trellis_store_read_attachment (f->store, f->visitor, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit WHERE action = 'open-attachment'"), ==,
                   opened + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attachment t JOIN audit a ON "
                             "a.id = t.audit_id AND a.action = 'add-attachment' AND "
                             "a.child_id = t.child_id"), ==, rows + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-complaints/checklist-recorded", test_checklist_recorded);
  ADD ("/store-complaints/refused", test_refused);
  ADD ("/store-complaints/outcome", test_complaint_outcome);
  ADD ("/store-complaints/counts", test_counts);
  ADD ("/store-complaints/attachments", test_attachments);

  return g_test_run ();
}
