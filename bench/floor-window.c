/* SPDX-License-Identifier: GPL-3.0-or-later
 * floor-window.c: the floor that Trellis's first frame and sign-in are measured against
 *
 * The least a libadwaita program can do to show a window: an AdwApplicationWindow with a
 * header bar and a line of text, timed by the same probe as Trellis (bench-probe.h, with
 * TRELLIS_BENCH_FIRST_FRAME=1).
 *
 * With FLOOR_DB=FILE it goes on, like Trellis signing in, to a second step timed by the
 * probe: for FLOOR_USER (unless unset) it makes a key from FLOOR_PASSWORD with Argon2id at
 * libsodium's MODERATE cost, the work an encrypted home's sign-in must do to unwrap its key
 * (FILE itself is an unencrypted twin of the home, which plain SQLite can read), then runs one query for
 * the names of the children in the home, in Trellis's default order, into a GtkStringList
 * shown by a GtkListView. It prints "password-check SECONDS" before the probe's "then".
 *
 * build-aux/bench compiles it with pkg-config; it is not part of Trellis's build.
 */
#include <adwaita.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "bench-probe.h"

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (name));
}

static gboolean
check_password (sqlite3 *db)
{
  const char *user = g_getenv ("FLOOR_USER");
  const char *password = g_getenv ("FLOOR_PASSWORD");
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  gint64 start = g_get_monotonic_time ();

  if (user == NULL)
    return TRUE;
  if (password == NULL || sodium_init () < 0 ||
      sqlite3_prepare_v2 (db, "SELECT password_hash FROM staff WHERE username = ?1", -1, &stmt,
                          NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      unsigned char key[32], salt[crypto_pwhash_SALTBYTES] = { 0 };

      ok = crypto_pwhash (key, sizeof key, password, strlen (password), salt,
                          crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE,
                          crypto_pwhash_ALG_ARGON2ID13) == 0;
    }
  sqlite3_finalize (stmt);
  printf ("password-check %.4f\n", (g_get_monotonic_time () - start) / 1e6);
  return ok;
}

/* The probe's second step: one query into a GtkListView */
static void
show_list (GtkWidget *toplevel)
{
  const char *sql =
    "SELECT coalesce(nullif(preferred_name, ''), given_name) || ' ' || family_name FROM child "
    "WHERE leaving_date IS NULL OR leaving_date > date('now') "
    "ORDER BY coalesce(nullif(preferred_name, ''), given_name) COLLATE NOCASE, "
    "family_name COLLATE NOCASE, id";
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled, *view;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (g_getenv ("FLOOR_DB"), &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      !check_password (db) ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("floor-window: %s\n", db ? sqlite3_errmsg (db) : "no database");
      _exit (1);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    gtk_string_list_append (names, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (
                              G_LIST_MODEL (g_steal_pointer (&names)))), factory);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (adw_application_window_get_content (ADW_APPLICATION_WINDOW (toplevel))),
                  scrolled);
}

static void
startup_cb (GApplication *app)
{
  bench_probe_install (g_getenv ("FLOOR_DB") != NULL ? show_list : NULL,
                       GTK_TYPE_STRING_OBJECT);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Floor"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* the size Trellis opens at, from its settings' defaults */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.trellis.BenchFloor",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
