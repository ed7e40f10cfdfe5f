/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-attachments-section.c: the documents attached to a child's file
 *
 * Newest first: a picture of the first page, the title, and the document's date, where it
 * came from and its size. A row opens the document (::open-attachment, which the file passes
 * to the window); "Add document…" (child.add-document) shows to those who may add one: the
 * child's Link Worker and Managers.
 */
#define G_LOG_DOMAIN "trellis-attachments-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-attachments-section.h"

struct _TrellisAttachmentsSection
{
  TrellisChildSection  parent_instance;

  GPtrArray           *rows;
  AdwActionRow        *empty_row;
};

G_DEFINE_FINAL_TYPE (TrellisAttachmentsSection, trellis_attachments_section,
                     TRELLIS_TYPE_CHILD_SECTION)

enum {
  OPEN_ATTACHMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
trellis_attachments_section_clear (TrellisChildSection *section)
{
  TrellisAttachmentsSection *self = TRELLIS_ATTACHMENTS_SECTION (section);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), FALSE);
}

static void
trellis_attachments_section_read_async (TrellisChildSection *section,
                                        TrellisContext      *context,
                                        TrellisChild        *child,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  trellis_store_list_attachments_async (trellis_context_get_store (context),
                                        trellis_context_get_actor (context),
                                        trellis_child_get_id (child), cancellable, callback,
                                        user_data);
}

static void
on_row_activated_cb (AdwActionRow              *row,
                     TrellisAttachmentsSection *self)
{
  g_signal_emit (self, signals[OPEN_ATTACHMENT], 0,
                 g_object_get_data (G_OBJECT (row), "attachment"));
}

/* The first page's picture, or the kind of file's icon when there is none */
static GtkWidget *
thumbnail_for (TrellisAttachment *attachment)
{
  GBytes *png = trellis_attachment_get_thumbnail (attachment);
  g_autoptr(GdkTexture) texture = png != NULL ? gdk_texture_new_from_bytes (png, NULL) : NULL;
  GtkWidget *picture;

  if (texture == NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (trellis_attachment_is_pdf (attachment)
                                                        ? "x-office-document-symbolic"
                                                        : "image-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
      return icon;
    }
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_widget_set_size_request (picture, 48, 48);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  return picture;
}

static gboolean
trellis_attachments_section_show (TrellisChildSection  *section,
                                  TrellisContext       *context,
                                  TrellisChild         *child,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  TrellisAttachmentsSection *self = TRELLIS_ATTACHMENTS_SECTION (section);
  g_autoptr(GListModel) attachments = NULL;
  guint n;

  attachments = trellis_store_list_attachments_finish (trellis_context_get_store (context),
                                                       result, error);
  if (attachments == NULL)
    return FALSE;
  trellis_attachments_section_clear (section);
  n = g_list_model_get_n_items (attachments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisAttachment) attachment = g_list_model_get_item (attachments, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *day = trellis_date_format (trellis_attachment_get_dated_on (attachment));
      g_autofree char *size = g_format_size (trellis_attachment_get_size (attachment));
      g_autofree char *subtitle = NULL;
      const char *source = trellis_attachment_get_source (attachment);

      /* Translators: "12 October 2026 · Birmingham Children’s Services · 1.2 MB" */
      subtitle = *source != '\0' ? g_strdup_printf (_("%s · %s · %s"), day, source, size)
                                 : g_strdup_printf (_("%s · %s"), day, size);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     trellis_attachment_get_title (attachment));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), thumbnail_for (attachment));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the document"));
      g_object_set_data_full (G_OBJECT (row), "attachment", g_object_ref (attachment),
                              g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), n == 0);
  return TRUE;
}

static const char *
trellis_attachments_section_get_value (TrellisChildSection *section,
                                       const char          *field)
{
  TrellisAttachmentsSection *self = TRELLIS_ATTACHMENTS_SECTION (section);

  if (g_str_equal (field, "newest-document"))
    return self->rows->len > 0
           ? adw_preferences_row_get_title (g_ptr_array_index (self->rows, 0)) : "";
  return NULL;
}

static void
trellis_attachments_section_dispose (GObject *object)
{
  TrellisAttachmentsSection *self = TRELLIS_ATTACHMENTS_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_attachments_section_parent_class)->dispose (object);
}

static void
trellis_attachments_section_class_init (TrellisAttachmentsSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_attachments_section_dispose;
  section_class->read_async = trellis_attachments_section_read_async;
  section_class->show = trellis_attachments_section_show;
  section_class->clear = trellis_attachments_section_clear;
  section_class->get_value = trellis_attachments_section_get_value;

  /**
   * TrellisAttachmentsSection::open-attachment:
   * @attachment: the document to open
   */
  signals[OPEN_ATTACHMENT] = g_signal_new ("open-attachment", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           1, TRELLIS_TYPE_ATTACHMENT);
}

static void
trellis_attachments_section_init (TrellisAttachmentsSection *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add doc_ument…"));

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Documents"));
  self->empty_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No documents attached"));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_row), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->empty_row));

  gtk_widget_set_tooltip_text (add, _("Attach a care plan, an EHCP, a letter or a picture"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "child.add-document");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  g_object_bind_property (add, "sensitive", add, "visible", G_BINDING_SYNC_CREATE);
}

GtkWidget *
trellis_attachments_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_ATTACHMENTS_SECTION, NULL);
}
