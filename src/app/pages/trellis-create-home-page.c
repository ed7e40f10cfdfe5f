/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-create-home-page.c: a new home and its first Administrator
 *
 * The form checks its fields from the top down; the first one that is wrong says why and
 * gets the keyboard, and what was typed stays. Enter walks the fields and, in the last one,
 * creates the home. A home that could not be made leaves no file behind. The password goes
 * nowhere but into Argon2, on a thread of its own (most of a second, with a spinner); the
 * home is then made encrypted, the page emits ::created and the window signs the new
 * Administrator in, and the home's recovery key is shown once, to be written down.
 */
#define G_LOG_DOMAIN "trellis-create-home-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-application.h"
#include "trellis-create-home-page.h"
#include "trellis-recovery-key-dialog.h"

struct _TrellisCreateHomePage
{
  AdwBin               parent_instance;

  AdwEntryRow         *home_name_row;
  AdwEntryRow         *admin_name_row;
  AdwEntryRow         *admin_username_row;
  AdwPasswordEntryRow *admin_password_row;
  AdwPasswordEntryRow *admin_confirm_row;
  GtkLabel            *error_label;
  GtkSpinner          *spinner;

  GCancellable        *cancellable;  /* while Argon2 runs */
};

G_DEFINE_FINAL_TYPE (TrellisCreateHomePage, trellis_create_home_page, ADW_TYPE_BIN)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
free_database_path (const char *stem)
{
  g_autofree char *name = g_strdup_printf ("%s.db", stem);
  char *path = trellis_application_dup_data_path (name);

  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (name);
      g_free (path);
      name = g_strdup_printf ("%s-%u.db", stem, i);
      path = trellis_application_dup_data_path (name);
    }
  return path;
}

static void
remove_database_files (const char *path)
{
  const char *suffixes[] = {
    "", "-wal", "-shm", "-journal", ".keyring", ".keyring-wal", ".keyring-shm",
    ".keyring-journal",
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* What making the home needs once Argon2 is done */
typedef struct
{
  char    *db_path;
  char    *home_name;
  char    *admin_name;
  char    *username;
  char    *password;   /* wiped as soon as Argon2 has it */
  gboolean existed;
} Making;

static void
making_free (Making *making)
{
  g_free (making->db_path);
  g_free (making->home_name);
  g_free (making->admin_name);
  g_free (making->username);
  if (making->password != NULL)
    memset (making->password, 0, strlen (making->password));
  g_free (making->password);
  g_free (making);
}

static void
derive_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Making *making = task_data;
  GError *error = NULL;
  TrellisPasswordKey *key = trellis_password_key_new (making->password, &error);

  memset (making->password, 0, strlen (making->password));
  if (key == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, key, (GDestroyNotify) trellis_password_key_free);
}

static void
set_working (TrellisCreateHomePage *self,
             gboolean               working)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create-home.create", !working);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), working);
  gtk_spinner_set_spinning (self->spinner, working);
}

static void
show_error (TrellisCreateHomePage *self,
            const GError          *error,
            GtkWidget             *wrong)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (wrong != NULL)
    gtk_widget_grab_focus (wrong);
}

static void
on_derived_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  TrellisCreateHomePage *self = TRELLIS_CREATE_HOME_PAGE (source);
  Making *making = g_task_get_task_data (G_TASK (result));
  g_autoptr(TrellisPasswordKey) key = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(TrellisStaff) admin = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  set_working (self, FALSE);
  if (key == NULL)
    g_set_error_literal (&error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                         _("Could not protect the password: the computer is short of memory"));
  else if ((store = trellis_store_open (making->db_path, TRELLIS_STORE_OPEN_CREATE, &error)) != NULL)
    admin = trellis_store_create_home_with_key (store, making->home_name, FALSE,
                                                making->admin_name, making->username, key,
                                                &error);
  if (admin == NULL)
    {
      /* a home that could not be made leaves no file behind, or the next try would make
       * "home-2.db" beside an empty "home.db" */
      g_clear_object (&store);
      if (!making->existed)
        remove_database_files (making->db_path);
      show_error (self, error, NULL);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_signal_emit (self, signals[CREATED], 0, store, admin);
  trellis_recovery_key_dialog_present (GTK_WIDGET (self), trellis_store_take_recovery_key (store));
}

/**
 * trellis_create_home_page_create:
 * @path: (nullable): where to make the database; a new file in the data folder when %NULL
 *
 * Checks the form and starts making the home: ::created follows once Argon2 is done. On a
 * problem the form says what, keeps what was typed, and this returns %FALSE.
 */
gboolean
trellis_create_home_page_create (TrellisCreateHomePage  *self,
                                 const char             *path,
                                 GError                **error)
{
  const char *home_name = gtk_editable_get_text (GTK_EDITABLE (self->home_name_row));
  const char *admin_name = gtk_editable_get_text (GTK_EDITABLE (self->admin_name_row));
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->admin_username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->admin_password_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->admin_confirm_row));
  g_autofree char *db_path = path != NULL ? g_strdup (path) : free_database_path ("home");
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GTask) task = NULL;
  Making *making;

  g_autofree char *trimmed_name = g_strstrip (g_strdup (home_name));
  gboolean existed = g_file_test (db_path, G_FILE_TEST_EXISTS);
  GtkWidget *wrong = NULL;

  /* top to bottom: the first field that is wrong is where the keyboard goes; the names
   * are checked by the model's rules, the ones the store holds them to, so the page
   * explains a name the store would refuse before anything is made */
  if (*trimmed_name == '\0')
    {
      g_set_error (&local_error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Enter the name of the home"));
      wrong = GTK_WIDGET (self->home_name_row);
    }
  else if (!trellis_home_check_name (home_name, &local_error))
    wrong = GTK_WIDGET (self->home_name_row);
  else if (*admin_name == '\0' || *username == '\0')
    {
      g_set_error (&local_error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("Enter your name and a username"));
      wrong = GTK_WIDGET (*admin_name == '\0' ? self->admin_name_row : self->admin_username_row);
    }
  else if (!trellis_staff_check_display_name (admin_name, &local_error))
    wrong = GTK_WIDGET (self->admin_name_row);
  else if (!trellis_staff_check_username (username, &local_error))
    wrong = GTK_WIDGET (self->admin_username_row);
  else if (!trellis_password_check_strength (password, username, &local_error))
    wrong = GTK_WIDGET (self->admin_password_row);
  else if (!g_str_equal (password, confirm))
    {
      g_set_error (&local_error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("The two passwords are not the same"));
      wrong = GTK_WIDGET (self->admin_confirm_row);
    }

  if (wrong != NULL)
    {
      show_error (self, local_error, wrong);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  making = g_new0 (Making, 1);
  making->db_path = g_steal_pointer (&db_path);
  making->home_name = g_strdup (home_name);
  making->admin_name = g_strdup (admin_name);
  making->username = g_strdup (username);
  making->password = g_strdup (password);
  making->existed = existed;

  /* the password goes nowhere but into Argon2 */
  gtk_editable_set_text (GTK_EDITABLE (self->admin_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->admin_confirm_row), "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_derived_cb, NULL);
  g_task_set_task_data (task, making, (GDestroyNotify) making_free);
  set_working (self, TRUE);
  g_task_run_in_thread (task, derive_in_thread);
  return TRUE;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  trellis_create_home_page_create (TRELLIS_CREATE_HOME_PAGE (widget), NULL, NULL);
}

/* Enter in a field of the form goes on to the next; in the last, it creates. */
static void
on_field_activated_cb (GtkWidget             *row,
                       TrellisCreateHomePage *self)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->home_name_row), GTK_WIDGET (self->admin_name_row),
    GTK_WIDGET (self->admin_username_row), GTK_WIDGET (self->admin_password_row),
    GTK_WIDGET (self->admin_confirm_row),
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == row)
      {
        gtk_widget_grab_focus (order[i + 1]);
        return;
      }
  trellis_create_home_page_create (self, NULL, NULL);
}

static void
trellis_create_home_page_dispose (GObject *object)
{
  TrellisCreateHomePage *self = TRELLIS_CREATE_HOME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_CREATE_HOME_PAGE);
  G_OBJECT_CLASS (trellis_create_home_page_parent_class)->dispose (object);
}

static void
trellis_create_home_page_class_init (TrellisCreateHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_create_home_page_dispose;

  /**
   * TrellisCreateHomePage::created:
   * @store: the new home's store
   * @admin: its first Administrator, signed in
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   TRELLIS_TYPE_STORE, TRELLIS_TYPE_STAFF);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/pages/"
                                               "trellis-create-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisCreateHomePage, home_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisCreateHomePage, admin_name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisCreateHomePage, admin_username_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisCreateHomePage, admin_password_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisCreateHomePage, admin_confirm_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisCreateHomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisCreateHomePage, spinner);
  gtk_widget_class_install_action (widget_class, "create-home.create", NULL, create_action);
}

static void
trellis_create_home_page_init (TrellisCreateHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    AdwEntryRow *rows[] = {
      self->home_name_row, self->admin_name_row, self->admin_username_row,
      ADW_ENTRY_ROW (self->admin_password_row), ADW_ENTRY_ROW (self->admin_confirm_row),
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_signal_connect_object (rows[i], "entry-activated", G_CALLBACK (on_field_activated_cb),
                               self, 0);
  }
}

/* The keyboard starts at the top of the form. */
void
trellis_create_home_page_start (TrellisCreateHomePage *self)
{
  g_return_if_fail (TRELLIS_IS_CREATE_HOME_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->home_name_row));
}

/* For the tests: the form filled in as a person would. */
void
trellis_create_home_page_set_fields (TrellisCreateHomePage *self,
                                     const char            *home_name,
                                     const char            *admin_name,
                                     const char            *username,
                                     const char            *password,
                                     const char            *confirm)
{
  g_return_if_fail (TRELLIS_IS_CREATE_HOME_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->home_name_row), home_name);
  gtk_editable_set_text (GTK_EDITABLE (self->admin_name_row), admin_name);
  gtk_editable_set_text (GTK_EDITABLE (self->admin_username_row), username);
  gtk_editable_set_text (GTK_EDITABLE (self->admin_password_row), password);
  gtk_editable_set_text (GTK_EDITABLE (self->admin_confirm_row), confirm);
}

/* What the form says is wrong, or NULL: for the tests. */
const char *
trellis_create_home_page_get_error (TrellisCreateHomePage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CREATE_HOME_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label) : NULL;
}
