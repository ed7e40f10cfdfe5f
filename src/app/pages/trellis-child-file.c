/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-file.c: a child's file — who they are, then its sections
 *
 * The header says who the child is (photo, name, age, where they live, their Link Worker);
 * below it each TrellisChildSection loads and shows one part of the file from the context:
 * personal details, placement, the Link Worker history, and who opened the record. Opening
 * a child deliberately is audited as a view; showing the same child again after a change
 * is not.
 */
#define G_LOG_DOMAIN "trellis-child-file"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-child-audit-section.h"
#include "trellis-child-details-section.h"
#include "trellis-child-file.h"
#include "trellis-child-row.h"
#include "trellis-link-workers-section.h"

struct _TrellisChildFile
{
  AdwBin               parent_instance;

  AdwPreferencesPage  *page;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *age_label;
  GtkLabel            *worker_label;
  GPtrArray           *sections;      /* TrellisChildSection, top to bottom */
  TrellisChildSection *audit;

  TrellisChild        *child;
  GCancellable        *cancellable;   /* the child being read on the store's worker */
};

G_DEFINE_FINAL_TYPE (TrellisChildFile, trellis_child_file, ADW_TYPE_BIN)

static GtkWidget *
build_header (TrellisChildFile *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  self->avatar = ADW_AVATAR (adw_avatar_new (96, NULL, TRUE));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->avatar));

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->name_label, TRUE);
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_selectable (self->name_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "title-1");
  self->age_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->age_label, TRUE);
  gtk_label_set_xalign (self->age_label, 0);
  self->worker_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->worker_label, TRUE);
  gtk_label_set_xalign (self->worker_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->worker_label), "dim-label");

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->age_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->worker_label));
  gtk_box_append (GTK_BOX (box), labels);

  return box;
}

static void
trellis_child_file_dispose (GObject *object)
{
  TrellisChildFile *self = TRELLIS_CHILD_FILE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->child);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_child_file_parent_class)->dispose (object);
}

static void
trellis_child_file_class_init (TrellisChildFileClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_child_file_dispose;
}

static void
add_section (TrellisChildFile *self,
             GtkWidget        *section)
{
  g_ptr_array_add (self->sections, section);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (section));
}

static void
trellis_child_file_init (TrellisChildFile *self)
{
  AdwPreferencesGroup *header;

  self->sections = g_ptr_array_new ();
  self->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->page));

  header = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_add (header, build_header (self));
  adw_preferences_page_add (self->page, header);

  add_section (self, trellis_child_details_section_new (TRELLIS_CHILD_DETAILS_PERSONAL));
  add_section (self, trellis_child_details_section_new (TRELLIS_CHILD_DETAILS_PLACEMENT));
  add_section (self, trellis_link_workers_section_new ());
  self->audit = TRELLIS_CHILD_SECTION (trellis_child_audit_section_new ());
  add_section (self, GTK_WIDGET (self->audit));
}

/* Who the child is, at the top of the file. */
static void
show_header (TrellisChildFile *self,
             TrellisChild     *child,
             GDateTime        *today)
{
  g_autofree char *name = NULL;
  g_autofree char *age = NULL;
  g_autofree char *admitted = NULL;
  g_autofree char *worker = NULL;
  const char *worker_name;
  GDateTime *left_on = NULL;   /* set for a child who has left */

  name = trellis_child_dup_ui_name (child);
  admitted = trellis_date_format (trellis_child_get_admission_date (child));
  if (!trellis_child_is_placed (child, today))
    {
      g_autofree char *left = NULL;

      left_on = trellis_child_get_leaving_date (child);
      left = trellis_date_format (left_on);
      /* Translators: "Aged 14 · left on 6 June 2024" */
      age = g_strdup_printf (_("Aged %d · left on %s"), trellis_child_get_age (child, today), left);
    }
  else if (admitted != NULL)
    /* Translators: "Aged 14 · living here since 17 March 2024" */
    age = g_strdup_printf (_("Aged %d · living here since %s"),
                           trellis_child_get_age (child, today), admitted);
  else
    age = g_strdup_printf (_("Aged %d"), trellis_child_get_age (child, today));

  worker_name = trellis_child_get_link_worker_name (child);
  if (left_on != NULL)
    {
      /* a child who has left has no Link Worker now: say who it was until they left */
      g_autofree char *until = trellis_date_format (left_on);
      /* Translators: "Link Worker until 6 June 2024: Priya Sharma" */
      worker = worker_name != NULL ? g_strdup_printf (_("Link Worker until %s: %s"), until,
                                                      worker_name)
                                   : g_strdup (_("No Link Worker when they left"));
    }
  else
    worker = worker_name != NULL ? g_strdup_printf (_("Link Worker: %s"), worker_name)
                                 : g_strdup (_("No Link Worker assigned"));

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->age_label, age);
  gtk_label_set_text (self->worker_label, worker);
  adw_avatar_set_text (self->avatar, name + strlen ("\u200E"));
  trellis_avatar_set_photo (self->avatar, trellis_child_get_photo (child));
}

/* Shows @child in the header and every section. */
static gboolean
show_child (TrellisChildFile  *self,
            TrellisContext    *context,
            TrellisChild      *child,
            GError           **error)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);

  g_set_object (&self->child, child);
  show_header (self, child, today);
  for (guint i = 0; i < self->sections->len; i++)
    if (!trellis_child_section_load (g_ptr_array_index (self->sections, i), context, child,
                                     error))
      return FALSE;
  return TRUE;
}

/**
 * trellis_child_file_load:
 * @opened: a person chose to open the record (audited as a view), rather than the file
 *   showing the same child again after a change
 *
 * Shows the child numbered @child_id as @context's signed-in person may see them. On an
 * error the file keeps showing what it showed.
 */
gboolean
trellis_child_file_load (TrellisChildFile  *self,
                         TrellisContext    *context,
                         gint64             child_id,
                         gboolean           opened,
                         GError           **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(TrellisChild) child = NULL;

  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), FALSE);

  /* what is shown now must not be replaced by an older read arriving late */
  g_cancellable_cancel (self->cancellable);
  child = opened ? trellis_store_view_child (store, actor, child_id, error)
                 : trellis_store_get_child (store, actor, child_id, error);
  return child != NULL && show_child (self, context, child, error);
}

static void
on_child_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TrellisChildFile *self = g_task_get_source_object (task);
  TrellisContext *context = g_task_get_task_data (task);
  g_autoptr(TrellisChild) child = NULL;
  GError *error = NULL;

  child = g_async_result_is_tagged (result, trellis_store_view_child_async)
            ? trellis_store_view_child_finish (TRELLIS_STORE (source), result, &error)
            : trellis_store_get_child_finish (TRELLIS_STORE (source), result, &error);
  /* cancelled: the page has gone, or another child is being opened; leave it be */
  if (child == NULL || g_task_return_error_if_cancelled (task) ||
      !show_child (self, context, child, &error))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * trellis_child_file_load_async:
 *
 * trellis_child_file_load() with the child read on the store's worker, so the window keeps
 * drawing: the file shows what it showed until the child arrives, with no blank in between
 * however fast that is. Loading another child, or the page going, cancels this: a cancelled
 * load changes nothing on screen and finishes with G_IO_ERROR_CANCELLED (a deliberate
 * opening already under way is audited all the same).
 */
void
trellis_child_file_load_async (TrellisChildFile    *self,
                               TrellisContext      *context,
                               gint64               child_id,
                               gboolean             opened,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  GTask *task;

  g_return_if_fail (TRELLIS_IS_CHILD_FILE (self));
  g_return_if_fail (TRELLIS_IS_CONTEXT (context));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, trellis_child_file_load_async);
  g_task_set_task_data (task, g_object_ref (context), g_object_unref);
  if (opened)
    trellis_store_view_child_async (store, actor, child_id, self->cancellable, on_child_read_cb,
                                    task);
  else
    trellis_store_get_child_async (store, actor, child_id, self->cancellable, on_child_read_cb,
                                   task);
}

gboolean
trellis_child_file_load_finish (TrellisChildFile  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

TrellisChild *
trellis_child_file_get_child (TrellisChildFile *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), NULL);
  return self->child;
}

/* How many rows "Who opened or changed this record" shows: for the tests. */
guint
trellis_child_file_get_n_audit (TrellisChildFile *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), 0);
  return trellis_child_audit_section_get_n (TRELLIS_CHILD_AUDIT_SECTION (self->audit));
}

/* What the file shows for a field ("date-of-birth", "legal-name", "name", "link-worker",
 * "latest-link-worker" …): for the tests. */
const char *
trellis_child_file_get_value (TrellisChildFile *self,
                              const char       *field)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), NULL);

  if (g_str_equal (field, "name"))
    return gtk_label_get_text (self->name_label);
  if (g_str_equal (field, "link-worker"))
    return gtk_label_get_text (self->worker_label);
  for (guint i = 0; i < self->sections->len; i++)
    {
      const char *value = trellis_child_section_get_value (g_ptr_array_index (self->sections, i),
                                                           field);
      if (value != NULL)
        return value;
    }
  return NULL;
}
