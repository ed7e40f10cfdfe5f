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
  GListModel     *rows;
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

  g_clear_object (&self->rows);
  self->rows = trellis_store_list_audit (self->store, self->actor, 0, text,
                                         TRELLIS_AUDIT_ROWS_SHOWN, &error);
  if (self->rows == NULL)
    {
      adw_status_page_set_description (self->empty, error->message);
      self->rows = G_LIST_MODEL (g_list_store_new (TRELLIS_TYPE_AUDIT_ENTRY));
    }
  else
    adw_status_page_set_description (self->empty, NULL);
  gtk_list_box_bind_model (self->list, self->rows, create_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (self->rows) > 0 ? "list" : "empty");
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
trellis_audit_window_dispose (GObject *object)
{
  TrellisAuditWindow *self = (TrellisAuditWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
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
}

static void
trellis_audit_window_init (TrellisAuditWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *check = gtk_button_new_with_mnemonic (_("_Check"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Audit Trail"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);

  gtk_widget_set_tooltip_text (check, _("Check that nobody changed the trail outside Trellis"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), check);
  g_signal_connect_swapped (check, "clicked", G_CALLBACK (on_check_cb), self);
  self->check_button = check;
  gtk_box_append (GTK_BOX (box), header);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text",
                _("Search by person, child or what was done"), NULL);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (reload), self);
  self->check_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->check_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_label), FALSE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  trellis_a11y_name (GTK_WIDGET (self->list), _("Audit trail"));
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "system-search-symbolic");
  adw_status_page_set_title (self->empty, _("Nothing Found"));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");

  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->check_label));
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->stack));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
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
  return g_list_model_get_n_items (self->rows);
}
