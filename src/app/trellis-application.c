/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-application.c: application actions, options and the first window
 */
#define G_LOG_DOMAIN "trellis-application"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-application.h"
#include "trellis-core.h"
#include "trellis-window.h"

struct _TrellisApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
  char          *database;   /* from --database */
};

G_DEFINE_FINAL_TYPE (TrellisApplication, trellis_application, ADW_TYPE_APPLICATION)

/* Where Trellis keeps a database called @name: $XDG_DATA_HOME/trellis/@name */
char *
trellis_application_dup_data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "trellis", name, NULL);
}

static int
trellis_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  TrellisApplication *self = TRELLIS_APPLICATION (app);
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("trellis %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);
      self->database = g_file_get_path (file);
    }

  return -1;
}

static void
trellis_application_activate (GApplication *app)
{
  TrellisApplication *self = TRELLIS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *last = NULL;
  const char *path = self->database;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (trellis_window_new (self));

  if (path == NULL)
    {
      last = g_settings_get_string (self->settings, "last-database");
      if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
        path = last;
    }

  if (path != NULL)
    trellis_window_open_path (TRELLIS_WINDOW (window), path, FALSE);

  gtk_window_present (window);
}

static void
on_about_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Trellis developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Trellis"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Trellis developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep each child’s details and Link Worker, with a "
                                       "sign-in for every member of staff and a record of who "
                                       "opened what, and print a child summary."),
                         "website", "https://github.com/trellis/trellis",
                         "issue-url", "https://github.com/trellis/trellis/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Trellis developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

/* Without a help viewer the help: link goes nowhere; say so, and what would mend it. */
static void
on_help_shown_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GtkWindow *parent = GTK_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;

  g_debug ("Could not show the help: %s", error->message);
  dialog = adw_message_dialog_new (parent, _("Help Could Not Be Opened"),
                                   _("This computer has no program to show Trellis’s help. Ask "
                                     "whoever looks after the computer to install “Help” "
                                     "(the yelp package), then press F1 again."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_help_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);

  if (parent != NULL)
    gtk_show_uri_full (parent, "help:trellis", GDK_CURRENT_TIME, NULL, on_help_shown_cb, NULL);
}

static void
on_quit_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* asking each window to close lets one with unsaved editing refuse */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
on_toplevel_map_cb (GtkWidget *window)
{
  trellis_a11y_tidy (window);
}

/* Every window and dialog, ours or libadwaita's, is tidied for screen readers when shown. */
static void
on_toplevels_changed_cb (GListModel *toplevels,
                         guint       position,
                         guint       removed,
                         guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "trellis-a11y") == NULL)
        {
          g_object_set_data (G_OBJECT (window), "trellis-a11y", GINT_TO_POINTER (TRUE));
          g_signal_connect (window, "map", G_CALLBACK (on_toplevel_map_cb), NULL);
          if (gtk_widget_get_mapped (window))
            trellis_a11y_tidy (window);
        }
    }
}

/* Every shortcut here is listed in the shortcuts window (gtk/help-overlay.ui); a test
 * checks that none is missing. */
static const TrellisAccels accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "child.print", { "<Control>p", NULL } },
  { "child.export-pdf", { "<Control><Shift>e", NULL } },
  { "child.edit", { "<Control>e", NULL } },
  { "win.add-child", { "<Control>n", NULL } },
  { "win.lock", { "<Control>l", NULL } },
  { "win.preferences", { "<Control>comma", NULL } },
};

/* The application's keyboard shortcuts, action by action. */
const TrellisAccels *
trellis_application_get_accels (guint *n_accels)
{
  *n_accels = G_N_ELEMENTS (accels);
  return accels;
}

static const GActionEntry app_actions[] = {
  { "about", on_about_cb },
  { "help", on_help_cb },
  { "quit", on_quit_cb },
};

static void
trellis_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (trellis_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (on_toplevels_changed_cb), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
trellis_application_finalize (GObject *object)
{
  TrellisApplication *self = (TrellisApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (trellis_application_parent_class)->finalize (object);
}

static void
trellis_application_class_init (TrellisApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = trellis_application_finalize;
  app_class->activate = trellis_application_activate;
  app_class->startup = trellis_application_startup;
  app_class->handle_local_options = trellis_application_handle_local_options;
}

static void
trellis_application_init (TrellisApplication *self)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and stop"), NULL },
    { NULL }
  };

  self->settings = g_settings_new (APPLICATION_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

TrellisApplication *
trellis_application_new (void)
{
  return g_object_new (TRELLIS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/trellis/Trellis",
                       NULL);
}

GSettings *
trellis_application_get_settings (TrellisApplication *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);
  return self->settings;
}
