/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-watch.c: noticing what other programs commit to the database
 *
 * trellisctl, or Trellis on another session of the same PC, writes to the same file through
 * its own connection, and the store's ::changed signal knows nothing of it. While a window
 * has the store open it watches the database and its -wal: every commit by anyone writes to
 * the -wal, so a file monitor wakes the store at once, and the store asks SQLite (PRAGMA
 * data_version, which changes only for other connections' commits) whether it was somebody
 * else. A one-second check covers file systems where file monitors see nothing (network
 * folders); it costs one PRAGMA and reads no page of the file.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-store-private.h"

#define POLL_SECONDS 1

struct _TrellisStoreWatch
{
  TrellisStore *store;          /* unowned: the store owns this and frees it first */
  GFileMonitor *monitors[2];    /* the database, its -wal */
  guint         poll_source;
};

static void
on_file_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  TrellisStoreWatch *watch = user_data;

  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
      event == G_FILE_MONITOR_EVENT_CREATED)
    trellis_store_check_for_changes (watch->store);
}

static gboolean
on_poll_cb (gpointer user_data)
{
  TrellisStoreWatch *watch = user_data;

  trellis_store_check_for_changes (watch->store);
  return G_SOURCE_CONTINUE;
}

TrellisStoreWatch *
trellis_store_watch_new (TrellisStore *store)
{
  TrellisStoreWatch *watch = g_new0 (TrellisStoreWatch, 1);
  const char *path = trellis_store_get_path (store);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  const char *names[] = { path, wal };

  watch->store = store;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (names[i]);
      g_autoptr(GError) error = NULL;

      watch->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
      if (watch->monitors[i] == NULL)
        {
          g_debug ("Not watching %s: %s", names[i], error->message);
          continue;
        }
      g_file_monitor_set_rate_limit (watch->monitors[i], 200);
      g_signal_connect (watch->monitors[i], "changed", G_CALLBACK (on_file_changed_cb), watch);
    }
  watch->poll_source = g_timeout_add_seconds (POLL_SECONDS, on_poll_cb, watch);

  return watch;
}

void
trellis_store_watch_free (TrellisStoreWatch *watch)
{
  if (watch == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (watch->monitors); i++)
    if (watch->monitors[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (watch->monitors[i], watch);
        g_file_monitor_cancel (watch->monitors[i]);
        g_clear_object (&watch->monitors[i]);
      }
  g_clear_handle_id (&watch->poll_source, g_source_remove);
  g_free (watch);
}
