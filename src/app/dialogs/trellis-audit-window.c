/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-audit-window.c: who looked at or changed what, newest first, with a search and a
 * check of the hash chain
 */
#define G_LOG_DOMAIN "trellis-audit-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-audit-window.h"
#include "trellis-child-row.h"
#include "trellis-record-list.h"

struct _TrellisAuditWindow
{
  AdwWindow       parent_instance;

  GtkSearchEntry *search;
  GtkListBox     *list;
  AdwStatusPage  *empty;
  GtkStack       *stack;
  GtkLabel       *check_label;

  GtkWidget      *check_button;

  TrellisStore   *store;
  TrellisStaff   *actor;
  GListStore     *rows;
  GCancellable   *cancellable;   /* the check on the store's worker */
};

G_DEFINE_FINAL_TYPE (TrellisAuditWindow, trellis_audit_window, ADW_TYPE_WINDOW)

/* "Joanne Mensah · Assigned a Link Worker",
 * "14:02, 23 November 2026 · Amira Hassan · Nia Brown (First Link Worker)": the words a
 * person reads, never the codes the trail stores */
GtkWidget *
trellis_audit_row_new (TrellisAuditEntry *entry,
                       gboolean           with_child)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) local = trellis_audit_entry_get_at (entry) != NULL
                                 ? g_date_time_to_local (trellis_audit_entry_get_at (entry)) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%H:%M, %-d %B %Y")
                                        : g_strdup ("");
  g_autofree char *title = g_strdup_printf ("%s · %s", trellis_audit_entry_get_staff_label (entry),
                                            trellis_audit_entry_get_action_label (entry));
  g_autofree char *detail = trellis_audit_entry_dup_detail_label (entry);
  g_autoptr(GString) subtitle = g_string_new (when);

  if (with_child && *trellis_audit_entry_get_child_name (entry) != '\0')
    {
      /* "أميرة Hassan" in an English window reads as on the child's page */
      g_autofree char *child =
        trellis_dup_ui_name_in_line (trellis_audit_entry_get_child_name (entry));

      g_string_append_printf (subtitle, " · %s", child);
    }
  if (*detail != '\0')
    g_string_append_printf (subtitle, " · %s", detail);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  return row;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return trellis_audit_row_new (item, TRUE);
}

static void
reload (TrellisAuditWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autoptr(GListModel) listed = trellis_store_list_audit (self->store, self->actor, 0, text,
                                                           TRELLIS_AUDIT_ROWS_SHOWN, &error);

  adw_status_page_set_description (self->empty, listed == NULL ? error->message : NULL);
  g_clear_object (&self->rows);
  self->rows = trellis_record_list_show (self->list, _("Audit trail"), TRELLIS_TYPE_AUDIT_ENTRY,
                                         listed, create_row, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->rows)) > 0
                                      ? "list" : "empty");
}

/* Says what the check of the hash chain found. */
static const char *
show_check (TrellisAuditWindow *self,
            gboolean            holds,
            gint64              broken,
            guint               n,
            const GError       *error)
{
  g_autofree char *text = NULL;

  if (holds)
    {
      text = g_strdup_printf (_("The audit trail is intact: all %u entries check out."), n);
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "success");
    }
  else
    {
      g_autofree char *entry = g_strdup_printf ("%" G_GINT64_FORMAT, broken);

      text = error != NULL ? g_strdup (error->message)
                           : g_strdup_printf (_("The audit trail was changed outside Trellis, "
                                                "from entry %s on. Tell the registered "
                                                "manager."), entry);
      gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "error");
    }
  gtk_label_set_text (self->check_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->check_label), TRUE);
  return gtk_label_get_text (self->check_label);
}

/* Checks the hash chain and says what it found: synchronously, for the tests; the Check
 * button runs the same check on the store's worker. */
const char *
trellis_audit_window_check (TrellisAuditWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 broken = 0;
  guint n = 0;
  gboolean holds;

  holds = trellis_store_verify_audit (self->store, self->actor, &broken, &n, &error);
  return show_check (self, holds, broken, n, error);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  TrellisAuditWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 broken = 0;
  guint n = 0;
  gboolean holds;

  holds = trellis_store_verify_audit_finish (TRELLIS_STORE (source), result, &broken, &n, &error);
  /* the window closed, or a new check replaced this one */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (self->check_button, TRUE);
  show_check (self, holds, broken, n, error);
}

/* A home's whole trail takes a while to read and hash: not on the UI thread. */
static void
on_check_cb (TrellisAuditWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->check_button, FALSE);
  trellis_store_verify_audit_async (self->store, self->actor, self->cancellable, on_checked_cb,
                                    self);
}

static void
on_search_changed_cb (TrellisAuditWindow *self)
{
  reload (self);
}

static void
trellis_audit_window_dispose (GObject *object)
{
  TrellisAuditWindow *self = (TrellisAuditWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (trellis_audit_window_parent_class)->dispose (object);
}

static void
trellis_audit_window_class_init (TrellisAuditWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_audit_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisAuditWindow, search);
  gtk_widget_class_bind_template_child (widget_class, TrellisAuditWindow, list);
  gtk_widget_class_bind_template_child (widget_class, TrellisAuditWindow, empty);
  gtk_widget_class_bind_template_child (widget_class, TrellisAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisAuditWindow, check_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisAuditWindow, check_button);
  gtk_widget_class_bind_template_callback (widget_class, on_check_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
}

static void
trellis_audit_window_init (TrellisAuditWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TrellisAuditWindow *
trellis_audit_window_new (GtkWindow    *parent,
                          TrellisContext *context)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  TrellisAuditWindow *self = g_object_new (TRELLIS_TYPE_AUDIT_WINDOW,
                                           "transient-for", parent,
                                           NULL);

  self->store = g_object_ref (store);
  self->actor = g_object_ref (actor);
  reload (self);
  return self;
}

void
trellis_audit_window_set_search (TrellisAuditWindow *self,
                                 const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  reload (self);
}

guint
trellis_audit_window_get_n_rows (TrellisAuditWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}
