/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-child-file.c: a child's file, driven with a context as the window drives it
 *
 * The file reads what it shows itself: the tests give it a context (a home, who is signed
 * in, the day) and a child's number, and read back what a person would see and what the
 * audit trail says about it.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-child-file.h"
#include "trellis-core.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

static guint
count_views (TrellisStore *store,
             gint64        child_id)
{
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(GListModel) trail = trellis_store_list_audit (store, manager, child_id, NULL, 1000,
                                                          NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (trail); i++)
    {
      g_autoptr(TrellisAuditEntry) entry = g_list_model_get_item (trail, i);
      n += g_str_equal (trellis_audit_entry_get_action (entry), "view-child");
    }
  return n;
}

static gint64
first_child_of (TrellisStore *store,
                TrellisStaff *worker)
{
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, manager);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (trellis_child_get_link_worker_id (child) == trellis_staff_get_id (worker))
        return trellis_child_get_id (child);
    }
  g_assert_not_reached ();
}

/* Opening a child is a look at the record, audited once; showing the same child again
 * after a change is not. What the file says comes from the record. */
static void
test_opening_and_refreshing (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "file.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) fixed = trellis_date_new (2026, 11, 23);
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  gint64 id = first_child_of (store, sam);
  guint views = count_views (store, id);
  g_autofree char *dob = NULL;

  trellis_context_set_today (context, fixed);
  g_assert_true (trellis_child_file_load (file, context, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_views (store, id), ==, views + 1);
  child = trellis_store_get_child (store, trellis_context_get_actor (context), id, NULL);
  dob = trellis_date_format (trellis_child_get_date_of_birth (child));
  g_assert_cmpstr (trellis_child_file_get_value (file, "date-of-birth"), ==, dob);
  g_assert_cmpstr (trellis_child_file_get_value (file, "link-worker"), ==,
                   "Link Worker: Sam Carter");
  g_assert_nonnull (strstr (trellis_child_file_get_value (file, "latest-link-worker"), "now"));
  /* a Manager sees who opened the record: at least the opening just made */
  g_assert_cmpuint (trellis_child_file_get_n_audit (file), >=, 1);

  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  g_assert_cmpuint (count_views (store, id), ==, views + 1);

  g_object_unref (file);
}

/* Sam, Staff, sees his key child's file but not who opened it; a child who is not there
 * is refused with a reason, and the file keeps what it showed. */
static void
test_what_staff_see (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "staff.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  gint64 id = first_child_of (store, trellis_context_get_actor (context));

  g_assert_true (trellis_child_file_load (file, context, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_child_file_get_n_audit (file), ==, 0);
  g_assert_false (trellis_child_file_load (file, context, 99999, TRUE, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (trellis_child_get_id (trellis_child_file_get_child (file)), ==, id);

  g_object_unref (file);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  tmpdir = trellis_test_make_dir ("child-file");

  g_test_add_func ("/child-file/opening-and-refreshing", test_opening_and_refreshing);
  g_test_add_func ("/child-file/what-staff-see", test_what_staff_see);

  return g_test_run ();
}
