/* SPDX-License-Identifier: GPL-3.0-or-later
 * main.c: the trellis program
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "trellis-application.h"
#include "trellis-window-private.h"

/* Benchmark hook, inert unless TRELLIS_BENCH_FIRST_FRAME=1 is set (build-aux/bench sets it):
 * the probe times the first painted frame, shared word for word with the floor window it is
 * compared with. With TRELLIS_BENCH_SIGN_IN=USERNAME (and TRELLIS_BENCH_PASSWORD) as well,
 * it then signs in on the sign-in page and times until the children list is painted. */
#include "../../bench/bench-probe.h"

static void
bench_sign_in (GtkWidget *toplevel)
{
  if (!TRELLIS_IS_WINDOW (toplevel) ||
      !trellis_sign_in_page_sign_in (trellis_window_get_sign_in_page (TRELLIS_WINDOW (toplevel)),
                                     g_getenv ("TRELLIS_BENCH_SIGN_IN"),
                                     g_getenv ("TRELLIS_BENCH_PASSWORD")))
    {
      g_printerr ("trellis: the benchmark could not sign in\n");
      _exit (1);
    }
}

static void
bench_startup_cb (GApplication *app)
{
  bench_probe_install (g_getenv ("TRELLIS_BENCH_SIGN_IN") != NULL ? bench_sign_in : NULL,
                       TRELLIS_TYPE_CHILD);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(TrellisApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = trellis_application_new ();
  g_signal_connect (app, "startup", G_CALLBACK (bench_startup_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
