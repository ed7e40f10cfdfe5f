/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-awaiting-approval-window.c: the plans a Manager is asked to approve
 *
 * Every plan in the home awaiting approval, the longest waiting first: whose it is, what
 * it is, who submitted it and when. Activating one opens it, to approve or return with a
 * comment; the list follows the store's changes, so a plan decided leaves it. From the main
 * menu, for Managers (win.show-awaiting-approval).
 */
#define G_LOG_DOMAIN "trellis-awaiting-approval-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-awaiting-approval-window.h"
#include "trellis-care-plan-dialog.h"

struct _TrellisAwaitingApprovalWindow
{
  AdwWindow            parent_instance;

  GtkStack            *stack;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
  GString             *text;       /* what the rows say, for the tests */
  guint                loading;
  TrellisContext      *context;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (TrellisAwaitingApprovalWindow, trellis_awaiting_approval_window,
                     ADW_TYPE_WINDOW)

static void
on_row_activated_cb (AdwActionRow                  *row,
                     TrellisAwaitingApprovalWindow *self)
{
  gint64 plan_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "plan-id"));

  trellis_care_plan_dialog_open (GTK_WINDOW (self), self->context, plan_id);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TrellisAwaitingApprovalWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) plans = trellis_store_list_care_plans_finish (TRELLIS_STORE (source),
                                                                      result, &error);

  self->loading--;
  if (plans == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_group_set_description (self->group, error->message);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_string_truncate (self->text, 0);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(TrellisCarePlanVersion) plan = g_list_model_get_item (plans, i);
      g_autofree char *what = trellis_care_plan_version_dup_title (plan);
      g_autofree char *when = trellis_date_format_moment (trellis_care_plan_version_get_saved_at (plan));
      /* Translators: "Amira Hassan: Placement plan"; the name is isolated (U+2068 …
       * U+2069) so one in Arabic or Urdu script does not turn the line around */
      g_autofree char *title = g_strdup_printf (_("\u2068%s\u2069: %s"),
                                                trellis_care_plan_version_get_child_name (plan),
                                                what);
      /* Translators: "Version 3 · submitted by Priya Sharma, 24 November 2026 at 09:30" */
      g_autofree char *subtitle = g_strdup_printf (_("Version %u · submitted by %s, %s"),
                                                   trellis_care_plan_version_get_version (plan),
                                                   trellis_care_plan_version_get_saved_by (plan),
                                                   when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);
      gtk_accessible_update_property (GTK_ACCESSIBLE (go), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open"), -1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "plan-id",
                         GSIZE_TO_POINTER (trellis_care_plan_version_get_plan_id (plan)));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      g_string_append_printf (self->text, "%s · %s\n", title, subtitle);
    }
  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "list" : "empty");
}

static void
reload (TrellisAwaitingApprovalWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading++;
  trellis_store_list_care_plans_async (trellis_context_get_store (self->context),
                                       trellis_context_get_actor (self->context),
                                       TRELLIS_CARE_PLAN_LIST_AWAITING, 0, self->cancellable,
                                       on_read_cb, g_object_ref (self));
}

static void
on_store_changed_cb (TrellisAwaitingApprovalWindow *self,
                     TrellisRecordKind              kind,
                     gint64                         id)
{
  if (kind == TRELLIS_RECORD_KIND_CHILD)
    reload (self);
}

static void
trellis_awaiting_approval_window_dispose (GObject *object)
{
  TrellisAwaitingApprovalWindow *self = TRELLIS_AWAITING_APPROVAL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);

  G_OBJECT_CLASS (trellis_awaiting_approval_window_parent_class)->dispose (object);
}

static void
trellis_awaiting_approval_window_class_init (TrellisAwaitingApprovalWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_awaiting_approval_window_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
trellis_awaiting_approval_window_init (TrellisAwaitingApprovalWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->rows = g_ptr_array_new ();
  self->text = g_string_new (NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Awaiting Your Approval"));
  gtk_box_append (GTK_BOX (box), header);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Plans awaiting approval"));
  adw_preferences_group_set_description (self->group,
                                         _("Open a plan to approve it, or to return it with a "
                                           "comment"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "object-select-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Awaits Your Approval"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Plans submitted for approval will show here"));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, page, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 560);
}

GtkWindow *
trellis_awaiting_approval_window_new (GtkWindow      *parent,
                                      TrellisContext *context)
{
  TrellisAwaitingApprovalWindow *self;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);

  self = g_object_new (TRELLIS_TYPE_AWAITING_APPROVAL_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (trellis_context_get_store (context), "changed",
                           G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WINDOW (self);
}

gboolean
trellis_awaiting_approval_window_is_loading (TrellisAwaitingApprovalWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_AWAITING_APPROVAL_WINDOW (self), FALSE);
  return self->loading > 0;
}

const char *
trellis_awaiting_approval_window_get_text (TrellisAwaitingApprovalWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_AWAITING_APPROVAL_WINDOW (self), NULL);
  return self->text->str;
}
