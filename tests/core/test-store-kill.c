/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-store-kill.c: an encrypted home killed while it is written
 *
 * A writer (this program again, with --writer) signs in and saves children one by one,
 * printing each one's number once the store has said it is saved; it is killed with SIGKILL
 * at a random moment, again and again. After every kill the home opens with a password,
 * every child the writer was told was saved is there, the integrity check is clean and the
 * audit trail, keyed and with its head in the keyring, verifies. TRELLIS_KILLS sets how
 * many kills (20 in the suite; 200 or more by hand).
 */
#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-home.h"
#include "trellis-core.h"
#include "trellis-store-private.h"

static const char *self_path;

static int
writer (const char *path,
        gint64      first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
  g_autoptr(TrellisStaff) manager = NULL;

  if (store == NULL ||
      (manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL,
                                        &error)) == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }
  for (gint64 n = first;; n++)
    {
      g_autofree char *name = g_strdup_printf ("Kill%" G_GINT64_FORMAT, n);
      g_autoptr(TrellisChild) child = store_make_child (name, "2014-05-06");

      if (trellis_store_add_child (store, manager, child, &error) <= 0)
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      /* told: saved */
      printf ("%" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }
  return 0;
}

/* The children the writers saved: their numbers, from the names */
static gint64
count_saved (const char *path)
{
  return store_count_rows (path, "SELECT count(*) FROM child WHERE given_name LIKE 'Kill%'");
}

static void
test_kill_encrypted_home (void)
{
  const char *wanted = g_getenv ("TRELLIS_KILLS");
  guint kills = wanted != NULL ? (guint) g_ascii_strtoull (wanted, NULL, 10) : 20;
  g_autofree char *dir = g_dir_make_tmp ("trellis-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "home.db", NULL);
  g_autoptr(GDateTime) today = trellis_date_today ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GError) error = NULL;
  gint64 acknowledged = 0;

  {
    g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_true (trellis_demo_generate (store, 6, 1, today, &error));
    g_assert_no_error (error);
  }

  for (guint k = 0; k < kills; k++)
    {
      g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, acknowledged);
      const char *argv[] = { self_path, "--writer", path, first, NULL };
      g_autoptr(GString) said = g_string_new (NULL);
      char buffer[256];
      ssize_t got;
      GPid pid;
      int out;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                               NULL, &out, NULL, &error));
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 30000, 250000));
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
      while ((got = read (out, buffer, sizeof buffer)) > 0)
        g_string_append_len (said, buffer, got);
      close (out);
      /* the last whole line is the last child the writer was told was saved */
      {
        g_auto(GStrv) lines = g_strsplit (said->str, "\n", -1);
        guint n = g_strv_length (lines);

        for (guint i = 0; i + 1 < n; i++)
          acknowledged = MAX (acknowledged, g_ascii_strtoll (lines[i], NULL, 10) + 1);
      }

      {
        g_autoptr(TrellisStore) store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT,
                                                            &error);
        g_autoptr(TrellisStaff) manager = NULL;
        gint64 saved, broken = -1;

        g_assert_no_error (error);
        /* opening signs in: the integrity check runs as the home is unsealed */
        manager = trellis_store_sign_in (store, "manager", TRELLIS_DEMO_PASSWORD, NULL, &error);
        g_assert_no_error (error);
        saved = count_saved (path);
        /* every child it was told of, and at most the one in flight besides */
        g_assert_cmpint (saved, >=, acknowledged);
        g_assert_cmpint (saved, <=, acknowledged + 1);
        acknowledged = saved;
        g_assert_cmpint (store_count_rows (path, "SELECT count(*) FROM pragma_integrity_check "
                                                 "WHERE integrity_check <> 'ok'"), ==, 0);
        g_assert_true (trellis_store_verify_audit (store, manager, &broken, NULL, &error));
        g_assert_no_error (error);
      }
    }
  g_test_message ("%u kills, %" G_GINT64_FORMAT " children saved", kills, acknowledged);
  g_assert_cmpint (acknowledged, >, (gint64) kills / 2);
}

int
main (int    argc,
      char **argv)
{
  self_path = argv[0];
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return writer (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-kill/encrypted-home", test_kill_encrypted_home);
  return g_test_run ();
}
