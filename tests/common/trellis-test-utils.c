/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-test-utils.c: what the tests share: a home to test, its people, another program
 *
 * Each test binary used to carry its own copy of these; they live here once. "Another
 * program" is the test binary run again with --other-program: a second Trellis process
 * that opens the same database through its own store and changes one child, as trellisctl
 * or a second window would.
 */
#include "config.h"

#include "trellis-test-utils.h"

#define DEMO_SEED 7

/* A new empty folder in the temporary directory, named for what it is for. */
char *
trellis_test_make_dir (const char *purpose)
{
  g_autofree char *template = g_strdup_printf ("trellis-%s-XXXXXX", purpose);
  char *dir = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (dir);
  return dir;
}

/* A demo home of @n_children in @dir/@name, its dates relative to today. */
TrellisStore *
trellis_test_open_demo (const char *dir,
                        const char *name,
                        guint       n_children)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  TrellisStore *store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  trellis_demo_generate (store, n_children, DEMO_SEED, today, &error);
  g_assert_no_error (error);
  return store;
}

TrellisStaff *
trellis_test_lookup_staff (TrellisStore *store,
                           const char   *username)
{
  g_autoptr(GError) error = NULL;
  TrellisStaff *staff = trellis_store_lookup_staff (store, username, &error);

  g_assert_no_error (error);
  g_assert_nonnull (staff);
  return staff;
}

TrellisChild *
trellis_test_make_child (const char *given,
                         const char *family,
                         const char *iso_date_of_birth)
{
  TrellisChild *child = trellis_child_new ();
  g_autoptr(GDateTime) date = trellis_date_from_iso (iso_date_of_birth);

  trellis_child_set_given_name (child, given);
  trellis_child_set_family_name (child, family);
  trellis_child_set_date_of_birth (child, date);
  return child;
}

/* The context of @store's home with @username signed in (without a password: the tests
 * check signing in elsewhere). */
TrellisContext *
trellis_test_context (TrellisStore *store,
                      const char   *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) staff = trellis_test_lookup_staff (store, username);
  TrellisContext *context = trellis_context_new (store, &error);

  g_assert_no_error (error);
  trellis_context_set_actor (context, staff);
  return context;
}

/* The number of the first child in the list whose Link Worker is @worker, read as them
 * (everyone reads every child of the home). */
gint64
trellis_test_first_child_of (TrellisStore *store,
                             TrellisStaff *worker)
{
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, worker);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (trellis_child_get_link_worker_id (child) == trellis_staff_get_id (worker))
        return trellis_child_get_id (child);
    }
  g_assert_not_reached ();
}

/* How often child @child_id's record (0: any child's) was opened, as the audit trail says,
 * read by @reader (who may read it). */
guint
trellis_test_count_views (TrellisStore *store,
                          TrellisStaff *reader,
                          gint64        child_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) trail = trellis_store_list_audit (store, reader, child_id, NULL, G_MAXINT,
                                                          &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (trail); i++)
    {
      g_autoptr(TrellisAuditEntry) entry = g_list_model_get_item (trail, i);
      n += g_str_equal (trellis_audit_entry_get_action (entry), "view-child");
    }
  return n;
}

/* Item @position of a children list, waited for while the list reads it on the store's
 * worker (the window's list is asynchronous; a synchronous one answers at once). */
TrellisChild *
trellis_test_get_child (GListModel *list,
                        guint       position)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  TrellisChild *child = g_list_model_get_item (list, position);

  g_assert_nonnull (child);
  while (trellis_child_is_placeholder (child))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      g_object_unref (child);
      child = g_list_model_get_item (list, position);
      g_assert_nonnull (child);
    }
  return child;
}

/* Runs the main loop while @busy says @data is busy: the answers of the store's worker
 * arrive there. Fails the test after ten seconds. */
void
trellis_test_wait_while (TrellisTestBusyFunc busy,
                         gpointer            data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (busy (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static gboolean
list_is_loading (gpointer list)
{
  return trellis_child_list_get_n_loading (list) > 0;
}

/* Waits until @list has read every page it was reading (after a change, rows a view holds
 * are read again on the worker and replaced when they come). */
void
trellis_test_wait_for_pages (TrellisChildList *list)
{
  trellis_test_wait_while (list_is_loading, list);
}

typedef struct
{
  GPtrArray *changes;
  GThread   *thread;
} Recorder;

static void
recorder_free (gpointer data,
               GClosure *closure)
{
  Recorder *recorder = data;

  g_ptr_array_unref (recorder->changes);
  g_free (recorder);
}

static void
on_changed_cb (TrellisStore      *store,
               TrellisRecordKind  kind,
               gint64             id,
               Recorder          *recorder)
{
  const char *nick = trellis_enum_to_nick (TRELLIS_TYPE_RECORD_KIND, kind);

  /* the UI's handlers run here: never on the store's worker */
  g_assert_true (g_thread_self () == recorder->thread);
  if (id == TRELLIS_RECORD_ID_MANY)
    g_ptr_array_add (recorder->changes, g_strdup_printf ("%s many", nick));
  else
    g_ptr_array_add (recorder->changes, g_strdup_printf ("%s %" G_GINT64_FORMAT, nick, id));
}

/**
 * trellis_test_record_changes:
 *
 * Keeps every ::changed @store announces from now on, "kind id" or "kind many", in the
 * order announced, and checks each is announced on this thread.
 *
 * Returns: (transfer full): the changes, added to as they come (the test may empty it)
 */
GPtrArray *
trellis_test_record_changes (TrellisStore *store)
{
  Recorder *recorder = g_new0 (Recorder, 1);

  recorder->changes = g_ptr_array_new_with_free_func (g_free);
  recorder->thread = g_thread_self ();
  g_signal_connect_data (store, "changed", G_CALLBACK (on_changed_cb), recorder, recorder_free,
                         0);
  return g_ptr_array_ref (recorder->changes);
}

gboolean
trellis_test_is_other_program (int    argc,
                               char **argv)
{
  return argc == 7 && g_str_equal (argv[1], "--other-program");
}

/* --other-program DB ID PROPERTY VALUE HOW: signs in as the demo manager and sets one
 * property of one child, through a store of its own. HOW is "open" for a person opening the
 * record first (audited as a view, as a window does), "quiet" to read it without a view. */
int
trellis_test_other_program (int    argc,
                            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisStaff) manager = NULL;
  g_autoptr(TrellisChild) child = NULL;

  g_assert_true (trellis_test_is_other_program (argc, argv));
  store = trellis_store_open (argv[2], TRELLIS_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
  if (manager != NULL)
    child = g_str_equal (argv[6], "open")
              ? trellis_store_view_child (store, manager, g_ascii_strtoll (argv[3], NULL, 10), &error)
              : trellis_store_get_child (store, manager, g_ascii_strtoll (argv[3], NULL, 10), &error);
  if (child != NULL)
    {
      g_object_set (child, argv[4], argv[5], NULL);
      trellis_store_update_child (store, manager, child, &error);
    }
  if (error != NULL)
    {
      g_printerr ("other program: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* Starts this test binary (@self_path) as another program changing @property of a child,
 * opening the record first (audited) if @opens. */
GSubprocess *
trellis_test_run_other_program (const char  *self_path,
                                const char  *db,
                                gint64       child_id,
                                const char  *property,
                                const char  *value,
                                gboolean     opens,
                                GError     **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, child_id);

  return g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, error, self_path, "--other-program", db, id,
                           property, value, opens ? "open" : "quiet", NULL);
}
