/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-link-worker-dialog.c: a Manager changes a child's Link Worker
 *
 * Nothing is chosen for the Manager: a wrong record must take a deliberate choice. The form
 * checks itself as it is filled in, with the same rule the store enforces
 * (trellis_child_check_link_worker_start()), so Change is offered only when the store will
 * take it and the problem shows while the person can still mend it. The store has the last
 * word: if it refuses anyway, the dialog comes back with what was chosen and says why.
 */
#define G_LOG_DOMAIN "trellis-link-worker-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-error-row.h"
#include "trellis-link-worker-dialog.h"

struct _TrellisLinkWorkerDialog
{
  AdwMessageDialog  parent_instance;

  AdwComboRow      *staff_row;
  AdwComboRow      *reason_row;
  GtkEditable      *date_row;
  GtkEditable      *note_row;

  TrellisContext   *context;
  TrellisStore     *store;
  TrellisStaff     *actor;
  TrellisChild     *child;
  GListStore       *workers;     /* TrellisStaff, in the order of staff_row */
  char             *guidance;    /* the body while nothing is wrong */
  char             *problem;
};

G_DEFINE_FINAL_TYPE (TrellisLinkWorkerDialog, trellis_link_worker_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The reasons a home's guidance allows for changing a Link Worker, in the order offered. */
static const TrellisChangeReason change_reasons[] = {
  TRELLIS_CHANGE_REASON_CHILD_REQUEST, TRELLIS_CHANGE_REASON_STAFF_LEFT,
  TRELLIS_CHANGE_REASON_NO_RELATIONSHIP, TRELLIS_CHANGE_REASON_MANAGER_DECISION,
};

static gboolean
needs_reason (TrellisLinkWorkerDialog *self)
{
  return trellis_child_get_link_worker_id (self->child) != 0;
}

static void
show_problem (TrellisLinkWorkerDialog *self,
              const char              *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               problem != NULL ? problem : self->guidance);
  trellis_mark_field (GTK_WIDGET (self->date_row), problem);
}

/* Offers Change only when everything is chosen and the date is one the store will take. */
static void
check_form (TrellisLinkWorkerDialog *self)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (self->context);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  gboolean chosen = adw_combo_row_get_selected (self->staff_row) != GTK_INVALID_LIST_POSITION;
  gboolean reasoned = !needs_reason (self) ||
                      adw_combo_row_get_selected (self->reason_row) != GTK_INVALID_LIST_POSITION;

  start = trellis_date_parse (gtk_editable_get_text (self->date_row), &error);
  if (start != NULL)
    trellis_child_check_link_worker_start (self->child, start, today, &error);

  show_problem (self, error != NULL ? error->message : NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "change",
                                           chosen && reasoned && error == NULL);
}

static void
present_again (gpointer data)
{
  g_autoptr(GtkWindow) self = data;

  gtk_window_present (self);
}

static void
on_response_cb (TrellisLinkWorkerDialog *self,
                const char              *response)
{
  guint position = adw_combo_row_get_selected (self->staff_row);
  guint reason = adw_combo_row_get_selected (self->reason_row);
  g_autoptr(TrellisStaff) chosen = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "change"))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (position != GTK_INVALID_LIST_POSITION)
    chosen = g_list_model_get_item (G_LIST_MODEL (self->workers), position);
  start = trellis_date_parse (gtk_editable_get_text (self->date_row), &error);
  if (chosen != NULL && start != NULL &&
      trellis_store_assign_link_worker (self->store, self->actor,
                                        trellis_child_get_id (self->child),
                                        trellis_staff_get_id (chosen), start,
                                        needs_reason (self) && reason != GTK_INVALID_LIST_POSITION
                                          ? change_reasons[reason]
                                          : TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT,
                                        gtk_editable_get_text (self->note_row), &error))
    {
      g_signal_emit (self, signals[CHANGED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* refused all the same (another window changed the history, say): libadwaita has hidden
   * the dialog by now; it comes back with what was chosen and the reason */
  show_problem (self, error != NULL ? error->message : _("Choose the new Link Worker"));
  g_idle_add_once (present_again, g_object_ref (self));
}

/* The keyboard starts at the first choice, as it would in any form. */
static void
on_map_cb (TrellisLinkWorkerDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->staff_row));
}

static void
trellis_link_worker_dialog_dispose (GObject *object)
{
  TrellisLinkWorkerDialog *self = TRELLIS_LINK_WORKER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_LINK_WORKER_DIALOG);
  g_clear_object (&self->workers);

  G_OBJECT_CLASS (trellis_link_worker_dialog_parent_class)->dispose (object);
}

static void
trellis_link_worker_dialog_finalize (GObject *object)
{
  TrellisLinkWorkerDialog *self = TRELLIS_LINK_WORKER_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->child);
  g_free (self->guidance);
  g_free (self->problem);

  G_OBJECT_CLASS (trellis_link_worker_dialog_parent_class)->finalize (object);
}

static void
trellis_link_worker_dialog_class_init (TrellisLinkWorkerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_link_worker_dialog_dispose;
  object_class->finalize = trellis_link_worker_dialog_finalize;

  /**
   * TrellisLinkWorkerDialog::changed:
   *
   * The store has taken the change; the dialog is about to go.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-link-worker-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisLinkWorkerDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLinkWorkerDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLinkWorkerDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisLinkWorkerDialog, note_row);
}

static void
trellis_link_worker_dialog_init (TrellisLinkWorkerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->workers = g_list_store_new (TRELLIS_TYPE_STAFF);
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
  g_signal_connect_after (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect_swapped (self->staff_row, "notify::selected", G_CALLBACK (check_form), self);
  g_signal_connect_swapped (self->reason_row, "notify::selected", G_CALLBACK (check_form), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (check_form), self);
}

/**
 * trellis_link_worker_dialog_new:
 *
 * The dialog to change @child's Link Worker, offering every member of staff who may be one
 * (other than the present one). Returns: %NULL if the staff could not be listed.
 */
TrellisLinkWorkerDialog *
trellis_link_worker_dialog_new (GtkWindow       *parent,
                                TrellisContext  *context,
                                TrellisChild    *child,
                                GError         **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  TrellisLinkWorkerDialog *self;
  g_autoptr(GListModel) all_staff = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autofree char *today_text = trellis_date_format (today);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);
  g_return_val_if_fail (TRELLIS_IS_STAFF (actor), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  all_staff = trellis_store_list_staff (store, actor, error);
  if (all_staff == NULL)
    return NULL;

  self = g_object_new (TRELLIS_TYPE_LINK_WORKER_DIALOG, "transient-for", parent, "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  self->child = g_object_ref (child);

  for (guint i = 0; i < g_list_model_get_n_items (all_staff); i++)
    {
      g_autoptr(TrellisStaff) staff = g_list_model_get_item (all_staff, i);

      if (trellis_permission_may_be_link_worker (staff) &&
          trellis_staff_get_id (staff) != trellis_child_get_link_worker_id (child))
        {
          g_list_store_append (self->workers, staff);
          gtk_string_list_append (names, trellis_staff_get_display_name (staff));
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (change_reasons); i++)
    gtk_string_list_append (reasons, trellis_change_reason_to_label (change_reasons[i]));

  name = trellis_child_dup_display_name (child);
  heading = g_strdup_printf (_("Change %s’s Link Worker"), name);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  self->guidance = g_strdup (needs_reason (self)
                               ? _("A Link Worker changes only for a reason the home’s "
                                   "guidance allows. The change is kept in the history.")
                               : _("Choose the member of staff who will be this child’s "
                                   "Link Worker."));

  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->staff_row, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
  adw_combo_row_set_selected (self->reason_row, GTK_INVALID_LIST_POSITION);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), needs_reason (self));
  gtk_editable_set_text (self->date_row, today_text);
  check_form (self);

  return self;
}

/* For the tests: choose the new Link Worker by the name shown. */
gboolean
trellis_link_worker_dialog_choose (TrellisLinkWorkerDialog *self,
                                   const char              *display_name)
{
  g_return_val_if_fail (TRELLIS_IS_LINK_WORKER_DIALOG (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->workers)); i++)
    {
      g_autoptr(TrellisStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->workers), i);

      if (g_strcmp0 (trellis_staff_get_display_name (staff), display_name) == 0)
        {
          adw_combo_row_set_selected (self->staff_row, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* What is wrong with the form now, as the dialog shows it, or %NULL. */
const char *
trellis_link_worker_dialog_get_problem (TrellisLinkWorkerDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_LINK_WORKER_DIALOG (self), NULL);
  return self->problem;
}
