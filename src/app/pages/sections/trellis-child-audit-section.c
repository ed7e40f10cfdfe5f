/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-audit-section.c: who opened or changed a child's record
 *
 * The newest entries of the child's own audit trail, for those allowed to read it (a
 * Manager checking who has looked at a child's file); hidden from everyone else.
 */
#define G_LOG_DOMAIN "trellis-child-audit-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-audit-window.h"
#include "trellis-child-audit-section.h"

#define N_SHOWN 12

struct _TrellisChildAuditSection
{
  TrellisChildSection  parent_instance;

  GtkListBox          *list;
  GListModel          *entries;
};

G_DEFINE_FINAL_TYPE (TrellisChildAuditSection, trellis_child_audit_section,
                     TRELLIS_TYPE_CHILD_SECTION)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return trellis_audit_row_new (item, FALSE);
}

static gboolean
trellis_child_audit_section_is_shown_to (TrellisChildSection *section,
                                         TrellisContext      *context)
{
  return trellis_permission_allows (trellis_context_get_actor (context),
                                    TRELLIS_ACTION_READ_AUDIT, 0);
}

static void
trellis_child_audit_section_clear (TrellisChildSection *section)
{
  TrellisChildAuditSection *self = TRELLIS_CHILD_AUDIT_SECTION (section);

  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  g_clear_object (&self->entries);
}

static void
trellis_child_audit_section_read_async (TrellisChildSection *section,
                                        TrellisContext      *context,
                                        TrellisChild        *child,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  trellis_store_list_audit_async (trellis_context_get_store (context),
                                  trellis_context_get_actor (context),
                                  trellis_child_get_id (child), NULL, N_SHOWN, cancellable,
                                  callback, user_data);
}

static gboolean
trellis_child_audit_section_show (TrellisChildSection  *section,
                                  TrellisContext       *context,
                                  TrellisChild         *child,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  TrellisChildAuditSection *self = TRELLIS_CHILD_AUDIT_SECTION (section);
  g_autoptr(GListModel) entries = NULL;

  entries = trellis_store_list_audit_finish (trellis_context_get_store (context), result, error);
  if (entries == NULL)
    return FALSE;

  g_set_object (&self->entries, entries);
  gtk_list_box_bind_model (self->list, entries, create_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), TRUE);
  return TRUE;
}

static void
trellis_child_audit_section_dispose (GObject *object)
{
  TrellisChildAuditSection *self = TRELLIS_CHILD_AUDIT_SECTION (object);

  g_clear_object (&self->entries);
  G_OBJECT_CLASS (trellis_child_audit_section_parent_class)->dispose (object);
}

static void
trellis_child_audit_section_class_init (TrellisChildAuditSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_child_audit_section_dispose;
  section_class->is_shown_to = trellis_child_audit_section_is_shown_to;
  section_class->read_async = trellis_child_audit_section_read_async;
  section_class->show = trellis_child_audit_section_show;
  section_class->clear = trellis_child_audit_section_clear;
}

static void
trellis_child_audit_section_init (TrellisChildAuditSection *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   _("Who opened or changed this record"));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
trellis_child_audit_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_CHILD_AUDIT_SECTION, NULL);
}

guint
trellis_child_audit_section_get_n (TrellisChildAuditSection *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_AUDIT_SECTION (self), 0);
  return self->entries != NULL ? g_list_model_get_n_items (self->entries) : 0;
}
