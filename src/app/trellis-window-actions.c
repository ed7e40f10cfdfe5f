/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window-actions.c: what the window's menus, buttons and shortcuts do
 *
 * Each action is enabled only while the signed-in person's role allows it (see
 * trellis_window_update_actions()); the store refuses the rest anyway. What is done to the
 * child shown is asked for by the child's file (its child.* actions) and done here.
 */
#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-application.h"
#include "trellis-audit-window.h"
#include "trellis-awaiting-approval-window.h"
#include "trellis-complaint-dialogs.h"
#include "trellis-document-viewer.h"
#include "trellis-goal-dialog.h"
#include "trellis-appointment-dialog.h"
#include "trellis-education-dialog.h"
#include "trellis-health-check-dialog.h"
#include "trellis-health-section.h"
#include "trellis-incident-dialog.h"
#include "trellis-password-dialog.h"
#include "trellis-preferences-window.h"
#include "trellis-staff-window.h"
#include "trellis-window-private.h"

#define DEMO_CHILDREN 24
#define DEMO_SEED     2026

static void
show_create_home_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (!trellis_window_may_leave_home (self))
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "create-home");
  trellis_create_home_page_start (self->create_home_page);
}

static void
show_welcome_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_stack_set_visible_child_name (TRELLIS_WINDOW (widget)->main_stack, "welcome");
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autofree char *path = trellis_application_dup_data_path ("demo.db");
  g_autoptr(TrellisStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_today ();

  if (!trellis_window_may_leave_home (self))
    return;
  store = trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE, &error);
  if (store != NULL && !trellis_store_has_home (store))
    trellis_demo_generate (store, DEMO_CHILDREN, DEMO_SEED, today, &error);

  if (error != NULL)
    {
      trellis_welcome_page_show_error (self->welcome_page, error->message);
      return;
    }

  trellis_window_open_store (self, store);
}

static void
open_chosen_home (TrellisWindow *self,
                  const char    *path)
{
  trellis_window_open_path (self, path, FALSE);
}

/* Another home's database: a way out of the demo, or to a home kept elsewhere. */
static void
open_home_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *folder_path = trellis_application_dup_data_path (NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  GtkFileChooserNative *dialog;

  if (!trellis_window_may_leave_home (self))
    return;
  dialog = gtk_file_chooser_native_new (_("Open a Home"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Trellis homes"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  trellis_window_choose_file (self, dialog, open_chosen_home);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  trellis_children_page_start_search (self->children_page);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (TRELLIS_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_child_saved_cb (TrellisWindow *self,
                   gint64         child_id)
{
  /* what was saved is on show again, read afresh: no new view in the audit trail */
  trellis_window_reload_child (self, child_id);
  trellis_window_toast (self, _("Saved"));
}

/* An editor that closed for good is nobody's draft any more. It says so once
 * (TrellisChildEditor::finished); hearing it of an editor that is no draft is a mistake. */
static void
on_editor_finished_cb (TrellisWindow *self,
                       GtkWidget     *editor)
{
  GHashTableIter iter;
  gpointer drafts;
  gboolean found = FALSE;

  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, NULL, &drafts))
    found |= g_ptr_array_remove (drafts, editor);
  if (!found)
    g_warning ("An editor finished that was nobody's draft");
}

static gboolean
present_again (gpointer data)
{
  TrellisWindow *self = data;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* The keyboard goes back to the list and the child once an editor is off the screen (and
 * its own dialogs with it): a window manager need not hand it back to the window the editor
 * came from (openbox does not). */
static void
on_editor_unmapped_cb (TrellisWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_again, g_object_ref (self), g_object_unref);
}

static TrellisChildEditor *
open_editor (TrellisWindow *self,
             TrellisChild  *child)
{
  TrellisChildEditor *editor = trellis_child_editor_new (GTK_WINDOW (self), self->context, child);

  GPtrArray *drafts = trellis_window_drafts_of (self, self->actor);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_child_saved_cb), self,
                           G_CONNECT_SWAPPED);
  /* kept with its author while open, so a lock hides it and their return brings it back */
  g_ptr_array_add (drafts, g_object_ref (editor));
  g_signal_connect_object (editor, "finished", G_CALLBACK (on_editor_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "unmap", G_CALLBACK (on_editor_unmapped_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

TrellisChildEditor *
trellis_window_edit_child (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->current_child_id > 0, NULL);

  return open_editor (self, trellis_child_file_get_child (self->child_file));
}

/* child.edit on the child's file */
static void
on_edit_child_cb (TrellisWindow *self)
{
  trellis_window_edit_child (self);
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (TRELLIS_WINDOW (widget), NULL);
}

static void
on_link_worker_changed_cb (TrellisWindow *self)
{
  trellis_window_toast (self, _("Link Worker changed"));
}

/* child.change-link-worker on the child's file */
static void
on_change_link_worker_cb (TrellisWindow *self)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);
  g_autoptr(GError) error = NULL;
  TrellisLinkWorkerDialog *dialog;

  dialog = trellis_link_worker_dialog_new (GTK_WINDOW (self), self->context, child,
                                           &error);
  if (dialog == NULL)
    {
      trellis_window_toast (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_link_worker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->link_worker_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_recorded_cb (TrellisWindow *self)
{
  trellis_window_toast (self, _("Recorded in the child’s file"));
}

/* child.record-health-check on the child's file */
static void
on_record_health_check_cb (TrellisWindow *self)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);
  TrellisHealthCheckDialog *dialog;

  if (child == NULL)
    return;
  dialog = trellis_health_check_dialog_new (GTK_WINDOW (self), self->context, child);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The forms that add a record to a section of the file: the section shows it when the
 * store says the child changed; the toast says it was kept. */
static void
present_form (TrellisWindow     *self,
              TrellisFormDialog *dialog)
{
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* child.record-checklist on the child's file */
static void
on_record_checklist_cb (TrellisWindow *self)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);

  if (child != NULL)
    present_form (self, trellis_checklist_dialog_new (GTK_WINDOW (self), self->context, child));
}

/* child.record-complaint on the child's file */
static void
on_record_complaint_cb (TrellisWindow *self)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);

  if (child != NULL)
    present_form (self, trellis_complaint_dialog_new (GTK_WINDOW (self), self->context, child));
}

typedef struct
{
  GWeakRef  window;
  gint64    child_id;
  char     *path;
} Attaching;

static void
attaching_free (Attaching *attaching)
{
  g_weak_ref_clear (&attaching->window);
  g_free (attaching->path);
  g_free (attaching);
}

static void
on_document_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Attaching *attaching = user_data;
  g_autoptr(TrellisWindow) self = g_weak_ref_get (&attaching->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  TrellisChild *child = self != NULL ? trellis_child_file_get_child (self->child_file) : NULL;

  if (child != NULL && trellis_child_get_id (child) == attaching->child_id)
    {
      if (content == NULL)
        trellis_window_toast (self, error->message);
      else
        present_form (self, trellis_attachment_dialog_new (GTK_WINDOW (self), self->context,
                                                           child, attaching->path, content));
    }
  attaching_free (attaching);
}

/* The file chosen: far too large a file is refused before it is read; the rest is read
 * (off the UI thread) and described in the form, where the store has the last word. */
static void
document_chosen (TrellisWindow *self,
                 const char    *path)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  Attaching *attaching;

  if (child == NULL)
    return;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > TRELLIS_ATTACHMENT_MAX_BYTES)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *have = g_format_size (g_file_info_get_size (info));
      g_autofree char *most = g_format_size (TRELLIS_ATTACHMENT_MAX_BYTES);
      g_autofree char *message = g_strdup_printf (_("“%s” is too large (%s): a document may "
                                                    "be up to %s"), name, have, most);
      trellis_window_toast (self, message);
      return;
    }
  attaching = g_new0 (Attaching, 1);
  g_weak_ref_init (&attaching->window, self);
  attaching->child_id = trellis_child_get_id (child);
  attaching->path = g_strdup (path);
  g_file_load_bytes_async (file, NULL, on_document_loaded_cb, attaching);
}

/* child.add-document on the child's file */
static void
on_add_document_cb (TrellisWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  if (trellis_child_file_get_child (self->child_file) == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Attach a Document"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDFs and pictures"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  trellis_window_choose_file (self, dialog, document_chosen);
}

/* A document's row on the child's file */
static void
on_open_attachment_cb (TrellisWindow     *self,
                       TrellisAttachment *attachment)
{
  TrellisDocumentViewer *viewer = trellis_document_viewer_new (GTK_WINDOW (self), self->context,
                                                               attachment);

  gtk_window_present (GTK_WINDOW (viewer));
}

/* A complaint's Outcome… on the child's file */
static void
on_record_complaint_outcome_cb (TrellisWindow    *self,
                                TrellisComplaint *complaint)
{
  present_form (self, trellis_complaint_outcome_dialog_new (GTK_WINDOW (self), self->context,
                                                            complaint));
}

/* child.add-goal on the child's file */
static void
on_add_goal_cb (TrellisWindow *self)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);
  TrellisGoalDialog *dialog;

  if (child == NULL)
    return;
  dialog = trellis_goal_dialog_new_add (GTK_WINDOW (self), self->context, child);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* child.rate-goal on the child's file, for the goal shown with @goal_id */
static void
on_rate_goal_cb (TrellisWindow *self,
                 gint64         goal_id)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);
  TrellisGoal *goal = trellis_child_file_lookup_goal (self->child_file, goal_id);
  TrellisGoalDialog *dialog;

  if (child == NULL || goal == NULL)
    return;
  dialog = trellis_goal_dialog_new_rate (GTK_WINDOW (self), self->context, child, goal);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* child.record-incident on the child's file */
static void
on_record_incident_cb (TrellisWindow *self)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);
  TrellisIncidentDialog *dialog;

  if (child == NULL)
    return;
  dialog = trellis_incident_dialog_new (GTK_WINDOW (self), self->context, child);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
present_recording (TrellisWindow *self,
                   GtkWidget     *dialog)
{
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* child.record-appointment on the child's file */
static void
on_record_appointment_cb (TrellisWindow *self)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);

  if (child != NULL)
    present_recording (self, GTK_WIDGET (trellis_appointment_dialog_new (GTK_WINDOW (self),
                                                                         self->context, child,
                                                                         NULL)));
}

/* child.record-appointment-outcome on one of the appointments the health section shows */
static void
on_record_appointment_outcome_cb (TrellisWindow *self,
                                  gint64         appointment_id)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);
  TrellisChildSection *health = trellis_child_file_get_section (self->child_file,
                                                                TRELLIS_TYPE_HEALTH_SECTION);
  g_autoptr(TrellisAppointment) appointment = NULL;

  if (child == NULL || health == NULL)
    return;
  appointment = trellis_health_section_find_appointment (TRELLIS_HEALTH_SECTION (health),
                                                         appointment_id);
  if (appointment != NULL)
    present_recording (self, GTK_WIDGET (trellis_appointment_dialog_new (GTK_WINDOW (self),
                                                                         self->context, child,
                                                                         appointment)));
}

/* child.record-education on the child's file */
static void
on_record_education_cb (TrellisWindow *self)
{
  TrellisChild *child = trellis_child_file_get_child (self->child_file);

  if (child != NULL)
    present_recording (self, GTK_WIDGET (trellis_education_dialog_new (GTK_WINDOW (self),
                                                                       self->context, child)));
}

static void
show_audit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisAuditWindow *audit = trellis_audit_window_new (GTK_WINDOW (self), self->context);

  gtk_window_present (GTK_WINDOW (audit));
}

/* win.show-awaiting-approval: the plans a Manager is asked to approve */
static void
show_awaiting_approval_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  gtk_window_present (trellis_awaiting_approval_window_new (GTK_WINDOW (self), self->context));
}

static void
show_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisStaffWindow *staff = trellis_staff_window_new (GTK_WINDOW (self), self->context);

  gtk_window_present (GTK_WINDOW (staff));
}

static void
on_password_changed_cb (TrellisWindow *self)
{
  trellis_window_toast (self, _("Your password has been changed"));
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisPasswordDialog *dialog = trellis_password_dialog_new (GTK_WINDOW (self), self->context);

  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_password_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  TrellisPreferencesWindow *prefs;

  if (self->store == NULL)
    return;

  prefs = trellis_preferences_window_new (GTK_WINDOW (self), self->context);
  gtk_window_present (GTK_WINDOW (prefs));
}

void
trellis_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-create-home", NULL,
                                   show_create_home_action);
  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL, show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open-home", NULL, open_home_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "win.show-audit", NULL, show_audit_action);
  gtk_widget_class_install_action (widget_class, "win.show-staff", NULL, show_staff_action);
  gtk_widget_class_install_action (widget_class, "win.show-awaiting-approval", NULL,
                                   show_awaiting_approval_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.change-password", NULL,
                                   change_password_action);
}

/* What the child's file asks for (its child.* actions) needs the window: editors are kept
 * with their author through a lock, and dialogs belong to the window. */
void
trellis_window_init_actions (TrellisWindow *self)
{
  g_signal_connect_object (self->child_file, "edit", G_CALLBACK (on_edit_child_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "change-link-worker",
                           G_CALLBACK (on_change_link_worker_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "record-health-check",
                           G_CALLBACK (on_record_health_check_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "record-checklist",
                           G_CALLBACK (on_record_checklist_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "record-complaint",
                           G_CALLBACK (on_record_complaint_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "record-complaint-outcome",
                           G_CALLBACK (on_record_complaint_outcome_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "add-document",
                           G_CALLBACK (on_add_document_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "open-attachment",
                           G_CALLBACK (on_open_attachment_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "add-goal", G_CALLBACK (on_add_goal_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "rate-goal", G_CALLBACK (on_rate_goal_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "record-incident",
                           G_CALLBACK (on_record_incident_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "record-appointment",
                           G_CALLBACK (on_record_appointment_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "record-appointment-outcome",
                           G_CALLBACK (on_record_appointment_outcome_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->child_file, "record-education",
                           G_CALLBACK (on_record_education_cb), self, G_CONNECT_SWAPPED);
}
