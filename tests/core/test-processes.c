/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-processes.c: one home's database used by the window and by trellisctl at once
 *
 * The window's process keeps its store open for hours while other code in the same process
 * (a file chooser sniffing content types, a thumbnailer) opens and closes the database's
 * files, and trellisctl or another window writes to it. Nothing acknowledged may be lost.
 * TRELLISCTL names the trellisctl binary to run (meson sets it).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-core.h"
#include "trellis-test-utils.h"

#define NEW_PASSWORD "a one-time phrase"

static const char *self_path;

static const char *
trellisctl_path (void)
{
  const char *path = g_getenv ("TRELLISCTL");

  g_assert_nonnull (path);
  return path;
}

/* Runs trellisctl with @args as @user; returns its exit status and standard output. */
static int
run_trellisctl (const char  *db,
                const char  *user,
                char       **out,
                ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) trellisctl_path ());
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, (char *) "--user");
  g_ptr_array_add (argv, (char *) user);
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "TRELLIS_PASSWORD", TRELLIS_DEMO_PASSWORD, TRUE);
  g_subprocess_launcher_setenv (launcher, "TRELLIS_NEW_PASSWORD", NEW_PASSWORD, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  if (stderr_text != NULL && *stderr_text != '\0')
    g_test_message ("trellisctl %s: %s", (char *) argv->pdata[5], stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* Another Trellis (a window in another session of the PC) changes one field of a child,
 * through its own store, and closes: this program run with --other-program (see trellis-test-utils.c). */
static void
run_other_window (const char *db,
                  gint64      child_id,
                  const char *field,
                  const char *value)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = trellis_test_run_other_program (self_path, db, child_id, field, value, TRUE,
                                            &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
}

/* What the window's process does to the files without meaning to: open, read, close. */
static void
touch_with_gio (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (name);
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_test (name, G_FILE_TEST_EXISTS))
        continue;
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, 0, NULL, NULL);
      g_assert_nonnull (info);
      g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
    }
}

static gint64
nth_child_id (TrellisStore *store,
              TrellisStaff *actor,
              guint         n)
{
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, actor);
  g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), n);

  g_assert_nonnull (child);
  return trellis_child_get_id (child);
}

/* Reads with trellisctl, a fresh process, what is in the file. */
static void
assert_gender_in_file (const char *path,
                       gint64      child_id,
                       const char *gender)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, child_id);
  g_autofree char *child_json = NULL;
  g_autofree char *expected = g_strdup_printf ("\"gender\" : \"%s\"", gender);

  g_assert_cmpint (run_trellisctl (path, "manager", &child_json, "child", id, "--format", "json",
                                   NULL), ==, 0);
  if (strstr (child_json, expected) == NULL)
    g_error ("child %s in the file: %s, not %s", id, child_json, expected);
}

static void
assert_all_writes_kept (const char *path,
                        gint64      window_child,
                        gint64      other_child)
{
  g_autofree char *staff = NULL;
  g_autofree char *verify = NULL;

  assert_gender_in_file (path, window_child, "Saved in the window");
  assert_gender_in_file (path, other_child, "Saved in another window");
  g_assert_cmpint (run_trellisctl (path, "admin", &staff, "staff", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (staff, "newbie"));
  g_assert_cmpint (run_trellisctl (path, "manager", &verify, "audit", "verify", NULL), ==, 0);
  g_assert_nonnull (strstr (verify, "intact"));
}

static void
test_gio_close_keeps_writes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-processes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "home.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisStaff) manager = NULL;
  g_autoptr(TrellisChild) child = NULL;
  gint64 id, other_id;

  /* the window: a home open, someone signed in, a child on screen */
  store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_demo_generate (store, 6, 3, today, &error));
  manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  id = nth_child_id (store, manager, 0);
  other_id = nth_child_id (store, manager, 1);
  child = trellis_store_get_child (store, manager, id, &error);
  g_assert_no_error (error);

  /* a file chooser in the same process looks into the database's folder */
  touch_with_gio (path);

  /* trellisctl, and another Trellis, in other processes, write and close */
  g_assert_cmpint (run_trellisctl (path, "admin", NULL, "staff", "add", "newbie",
                                   "--name", "Nia Newbie", "--role", "staff", NULL), ==, 0);
  touch_with_gio (path);
  run_other_window (path, other_id, "gender", "Saved in another window");

  /* the window saves, and is told it is saved */
  trellis_child_set_gender (child, "Saved in the window");
  g_assert_true (trellis_store_update_child (store, manager, child, &error));
  g_assert_no_error (error);

  /* all are in the file, while the window is open and after it closes */
  assert_all_writes_kept (path, id, other_id);
  g_clear_object (&child);
  g_clear_object (&manager);
  g_clear_object (&store);
  assert_all_writes_kept (path, id, other_id);
}

typedef struct
{
  guint child;
  guint staff;
  guint home;
} Changes;

static void
on_changed_cb (TrellisStore      *store,
               TrellisRecordKind  kind,
               gint64             id,
               Changes           *changes)
{
  /* another program's commit: which rows, nobody knows */
  g_assert_cmpint (id, ==, TRELLIS_RECORD_ID_MANY);
  if (kind == TRELLIS_RECORD_KIND_CHILD)
    changes->child++;
  else if (kind == TRELLIS_RECORD_KIND_STAFF)
    changes->staff++;
  else if (kind == TRELLIS_RECORD_KIND_HOME)
    changes->home++;
}

static const char *
given_name_at (GListModel *list,
               guint       position)
{
  g_autoptr(TrellisChild) child = g_list_model_get_item (list, position);
  static char name[64];

  g_strlcpy (name, trellis_child_get_given_name (child), sizeof name);
  return name;
}

/* Runs the main loop until @done says so, for at most two seconds; returns how long. */
static gint64
wait_ms (gboolean (*done) (gpointer),
         gpointer   data)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (data) && g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
  return (g_get_monotonic_time () - start) / 1000;
}

typedef struct
{
  GListModel *list;
  guint       position;
  Changes    *changes;
} Waiting;

static gboolean
renamed (gpointer data)
{
  Waiting *w = data;
  return g_str_equal (given_name_at (w->list, w->position), "Renamed");
}

static gboolean
staff_changed (gpointer data)
{
  Waiting *w = data;
  return w->changes->staff > 0;
}

/* A window has the home open; another Trellis renames a child and trellisctl adds an
 * account: the store says so, and the list shows the new name, within two seconds, without
 * auditing a look nobody took. */
static void
test_changes_from_other_processes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trellis-processes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "home.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisStaff) manager = NULL;
  g_autoptr(TrellisChildList) list = NULL;
  Changes changes = { 0 };
  Waiting waiting = { NULL, 0, &changes };
  guint views;
  gint64 id, ms;

  store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_demo_generate (store, 6, 5, today, &error));
  manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  list = trellis_store_list_children (store, manager);
  trellis_child_list_set_sort (list, TRELLIS_CHILD_SORT_FAMILY_NAME);
  id = nth_child_id (store, manager, 0);
  waiting.list = G_LIST_MODEL (list);
  waiting.position = trellis_child_list_find (list, id);
  g_assert_cmpstr (given_name_at (waiting.list, waiting.position), !=, "Renamed");
  trellis_store_watch (store);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &changes);
  views = trellis_test_count_views (store, manager, 0);

  run_other_window (path, id, "given-name", "Renamed");
  ms = wait_ms (renamed, &waiting);
  g_test_message ("the list showed the new name after %" G_GINT64_FORMAT " ms", ms);
  g_assert_cmpstr (given_name_at (waiting.list, waiting.position), ==, "Renamed");
  g_assert_cmpuint (changes.child, >, 0);
  /* the other window's opening of the record, and nothing from this side */
  g_assert_cmpuint (trellis_test_count_views (store, manager, 0), ==, views + 1);

  memset (&changes, 0, sizeof changes);
  g_assert_cmpint (run_trellisctl (path, "admin", NULL, "staff", "add", "newbie",
                                   "--name", "Nia Newbie", "--role", "staff", NULL), ==, 0);
  ms = wait_ms (staff_changed, &waiting);
  g_test_message ("the store noticed trellisctl after %" G_GINT64_FORMAT " ms", ms);
  g_assert_cmpuint (changes.staff, >, 0);

  /* nothing from other programs, nothing announced */
  trellis_store_unwatch (store);
  memset (&changes, 0, sizeof changes);
  g_assert_false (trellis_store_check_for_changes (store));
  g_assert_cmpuint (changes.child + changes.staff + changes.home, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];
  if (trellis_test_is_other_program (argc, argv))
    return trellis_test_other_program (argc, argv);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/processes/gio-close-keeps-writes", test_gio_close_keeps_writes);
  g_test_add_func ("/processes/changes-from-other-processes", test_changes_from_other_processes);

  return g_test_run ();
}
