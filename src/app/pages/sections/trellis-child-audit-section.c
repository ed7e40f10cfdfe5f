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
trellis_child_audit_section_load (TrellisChildSection  *section,
                                  TrellisContext       *context,
                                  TrellisChild         *child,
                                  GError              **error)
{
  TrellisChildAuditSection *self = TRELLIS_CHILD_AUDIT_SECTION (section);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(GListModel) entries = NULL;

  if (trellis_permission_allows (actor, TRELLIS_ACTION_READ_AUDIT, 0))
    {
      entries = trellis_store_list_audit (trellis_context_get_store (context), actor,
                                          trellis_child_get_id (child), NULL, N_SHOWN, error);
      if (entries == NULL)
        return FALSE;
    }

  g_set_object (&self->entries, entries);
  gtk_list_box_bind_model (self->list, entries, create_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), entries != NULL);
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
  G_OBJECT_CLASS (klass)->dispose = trellis_child_audit_section_dispose;
  TRELLIS_CHILD_SECTION_CLASS (klass)->load = trellis_child_audit_section_load;
}

static void
trellis_child_audit_section_init (TrellisChildAuditSection *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   _("Who opened or changed this record"));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
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
