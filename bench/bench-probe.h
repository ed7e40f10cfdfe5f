/* SPDX-License-Identifier: GPL-3.0-or-later
 * bench-probe.h: the first-frame probe of build-aux/bench, one copy for both programs timed
 *
 * Included by Trellis (src/app/main.c) and by the floor it is measured against
 * (bench/floor-window.c), so that both are timed by exactly the same code. It does nothing
 * unless TRELLIS_BENCH_FIRST_FRAME=1 is in the environment: bench_probe_install() returns at
 * once, and Trellis runs as it always does.
 *
 * When it is set, a handler on the GDK frame clock's "after-paint" of the first toplevel
 * prints "first-frame SECONDS" on standard output, SECONDS being the time since
 * TRELLIS_BENCH_T0 (microseconds of the real-time clock, as `date +%s%6N` gives it, taken by
 * the benchmark just before it starts the program) or, without it, since the process started
 * (/proc/self/stat, to 1/100 s). Then the process ends at once with _exit(0), so that
 * `/usr/bin/time -f %M` reports the peak memory at the first frame.
 *
 * A program may instead go on to a second step (signing in, filling a list): @then runs from
 * an idle after the first frame, and the first frame painted after it in which a GtkListView
 * of @item_type with at least one item is mapped prints "then SECONDS" (since @then was
 * called) and ends the process likewise.
 */
#pragma once

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

typedef void (*BenchProbeStep) (GtkWidget *toplevel);

typedef struct
{
  BenchProbeStep  then;
  GType           item_type;
  GtkWidget      *toplevel;
  gint64          then_started;  /* monotonic µs; 0 until @then has run */
  gboolean        first_done;
} BenchProbe;

static BenchProbe bench_probe;

/* Seconds since TRELLIS_BENCH_T0, or since this process started */
static inline double
bench_probe_elapsed (void)
{
  const char *t0 = g_getenv ("TRELLIS_BENCH_T0");
  g_autofree char *stat = NULL;
  const char *end;
  guint64 ticks = 0;
  struct timespec boot;

  if (t0 != NULL)
    return (g_get_real_time () - g_ascii_strtoll (t0, NULL, 10)) / 1e6;

  /* field 22 of /proc/self/stat, after the ")" that ends the program's name */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (end = strrchr (stat, ')')) == NULL)
    return -1;
  for (int field = 2; field < 22 && end != NULL; field++)
    end = strchr (end + 1, ' ');
  if (end != NULL)
    ticks = g_ascii_strtoull (end + 1, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &boot);
  return boot.tv_sec + boot.tv_nsec / 1e9 - (double) ticks / sysconf (_SC_CLK_TCK);
}

static inline void
bench_probe_report (const char *what,
                    double      seconds)
{
  printf ("%s %.4f\n", what, seconds);
  fflush (stdout);
  /* no teardown: the peak memory is the one at this frame */
  _exit (0);
}

/* A mapped GtkListView showing at least one item of @type, anywhere under @widget */
static inline gboolean
bench_probe_find_list (GtkWidget *widget,
                       GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LIST_VIEW (widget))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
      g_autoptr(GObject) item = NULL;

      /* the item, not the model's item type: selection models say only G_TYPE_OBJECT */
      if (model != NULL && g_list_model_get_n_items (model) > 0)
        item = g_list_model_get_item (model, 0);
      if (item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (bench_probe_find_list (child, type))
      return TRUE;
  return FALSE;
}

static inline gboolean
bench_probe_run_then (gpointer data)
{
  bench_probe.then_started = g_get_monotonic_time ();
  bench_probe.then (bench_probe.toplevel);
  gtk_widget_queue_draw (bench_probe.toplevel);
  return G_SOURCE_REMOVE;
}

static inline void
bench_probe_after_paint_cb (GdkFrameClock *clock,
                            gpointer       data)
{
  if (!bench_probe.first_done)
    {
      bench_probe.first_done = TRUE;
      if (bench_probe.then == NULL)
        bench_probe_report ("first-frame", bench_probe_elapsed ());
      printf ("first-frame %.4f\n", bench_probe_elapsed ());
      g_idle_add_full (G_PRIORITY_DEFAULT, bench_probe_run_then, NULL, NULL);
      return;
    }
  if (bench_probe.then_started != 0 &&
      bench_probe_find_list (bench_probe.toplevel, bench_probe.item_type))
    bench_probe_report ("then", (g_get_monotonic_time () - bench_probe.then_started) / 1e6);
}

static inline void
bench_probe_realize_cb (GtkWidget *toplevel)
{
  g_signal_connect (gtk_widget_get_frame_clock (toplevel), "after-paint",
                    G_CALLBACK (bench_probe_after_paint_cb), NULL);
}

static inline void
bench_probe_toplevels_changed_cb (GListModel *toplevels,
                                  guint       position,
                                  guint       removed,
                                  guint       added)
{
  if (bench_probe.toplevel != NULL || added == 0)
    return;
  bench_probe.toplevel = g_list_model_get_item (toplevels, position);
  g_object_unref (bench_probe.toplevel);  /* the list holds it; so does the program */
  if (gtk_widget_get_realized (bench_probe.toplevel))
    bench_probe_realize_cb (bench_probe.toplevel);
  else
    g_signal_connect (bench_probe.toplevel, "realize", G_CALLBACK (bench_probe_realize_cb), NULL);
}

/* Call once GTK is initialised, before the first window is made (from "startup"). */
static inline void
bench_probe_install (BenchProbeStep then,
                     GType          item_type)
{
  if (g_strcmp0 (g_getenv ("TRELLIS_BENCH_FIRST_FRAME"), "1") != 0)
    return;
  bench_probe.then = then;
  bench_probe.item_type = item_type;
  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (bench_probe_toplevels_changed_cb), NULL);
}
