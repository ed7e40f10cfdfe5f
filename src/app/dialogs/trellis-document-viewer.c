/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-document-viewer.c: a document attached to a child's file, on screen
 *
 * The store reads the document on its worker (an audited look at the child's file); a PDF's
 * pages are drawn by Poppler on a thread of their own, one at a time, from the bytes in
 * memory (never a file in the clear on the shared PC). Previous and next page, zoom, and find:
 * the words found are marked on the page and the viewer goes to the next page that has them.
 * A picture is shown whole, fitted to the window.
 *
 * Keys: Ctrl+Page Down and Ctrl+Page Up turn the page, Ctrl+plus and Ctrl+minus zoom,
 * Ctrl+F finds, Escape closes.
 */
#define G_LOG_DOMAIN "trellis-document-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-document-viewer.h"
#include "trellis-pdf-view.h"

#define MIN_ZOOM 0.25
#define MAX_ZOOM 4.0

struct _TrellisDocumentViewer
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *title;
  GtkStack          *stack;
  AdwStatusPage     *status;
  GtkPicture        *picture;
  GtkWidget         *previous;
  GtkWidget         *next;
  GtkWidget         *zoom_in;
  GtkWidget         *zoom_out;
  GtkSearchEntry    *search;
  GtkLabel          *found;
  GtkWidget         *search_box;

  TrellisContext    *context;
  TrellisAttachment *attachment;
  GCancellable      *cancellable;
  TrellisPdfView    *pdf;
  guint              page;
  guint              n_pages;
  double             zoom;
  char              *find;         /* the words to mark, or NULL */
  gboolean           drawing;      /* a page is being drawn on its thread */
  gboolean           again;        /* ... and something changed since it began */
};

G_DEFINE_FINAL_TYPE (TrellisDocumentViewer, trellis_document_viewer, ADW_TYPE_WINDOW)

typedef struct
{
  TrellisPdfView *pdf;
  guint           page;
  double          scale;
  char           *find;
} Drawing;

static void
drawing_free (Drawing *drawing)
{
  trellis_pdf_view_unref (drawing->pdf);
  g_free (drawing->find);
  g_free (drawing);
}

static void
draw_in_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Drawing *drawing = data;
  GError *error = NULL;
  cairo_surface_t *surface = trellis_pdf_view_render (drawing->pdf, drawing->page,
                                                      drawing->scale, drawing->find, &error);

  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

/* cairo's ARGB32 is GDK's default memory format on every machine Trellis runs on */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) pixels = NULL;

  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, pixels, stride);
}

static void draw_page (TrellisDocumentViewer *self);

static void
update_controls (TrellisDocumentViewer *self)
{
  gboolean pdf = self->pdf != NULL;
  g_autofree char *where = NULL;

  if (pdf)
    /* Translators: "Page 2 of 12" */
    where = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  adw_window_title_set_subtitle (self->title, where != NULL ? where : "");
  gtk_widget_set_visible (self->previous, pdf);
  gtk_widget_set_visible (self->next, pdf);
  gtk_widget_set_visible (self->zoom_in, pdf);
  gtk_widget_set_visible (self->zoom_out, pdf);
  gtk_widget_set_visible (self->search_box, pdf);
  gtk_widget_set_sensitive (self->previous, pdf && self->page > 0);
  gtk_widget_set_sensitive (self->next, pdf && self->page + 1 < self->n_pages);
  gtk_widget_set_sensitive (self->zoom_in, pdf && self->zoom < MAX_ZOOM);
  gtk_widget_set_sensitive (self->zoom_out, pdf && self->zoom > MIN_ZOOM);
  if (pdf && self->find != NULL)
    {
      guint n = trellis_pdf_view_count_matches (self->pdf, self->page, self->find);
      g_autofree char *text = n > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                    "%u found on this page",
                                                                    "%u found on this page", n),
                                                       n)
                                    : g_strdup (_("Not found"));
      gtk_label_set_text (self->found, text);
    }
  else
    gtk_label_set_text (self->found, "");
}

static void
on_drawn_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TrellisDocumentViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = g_task_propagate_pointer (G_TASK (result), &error);

  self->drawing = FALSE;
  if (self->pdf == NULL)
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;   /* closed meanwhile */
    }
  if (surface != NULL)
    {
      g_autoptr(GdkTexture) texture = texture_for_surface (surface);

      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->stack, "document");
      cairo_surface_destroy (surface);
    }
  else
    {
      adw_status_page_set_title (self->status, _("This Page Cannot Be Shown"));
      adw_status_page_set_description (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  update_controls (self);
  if (self->again)
    {
      self->again = FALSE;
      draw_page (self);
    }
}

/* The page as it should be now; one at a time, the latest wish drawn next. */
static void
draw_page (TrellisDocumentViewer *self)
{
  g_autoptr(GTask) task = NULL;
  Drawing *drawing;

  if (self->pdf == NULL)
    return;
  update_controls (self);
  if (self->drawing)
    {
      self->again = TRUE;
      return;
    }
  self->drawing = TRUE;
  drawing = g_new0 (Drawing, 1);
  drawing->pdf = trellis_pdf_view_ref (self->pdf);
  drawing->page = self->page;
  /* 96 pixels to the inch at 100 %, as the rest of the desktop */
  drawing->scale = self->zoom * 96.0 / 72.0 *
                   gtk_widget_get_scale_factor (GTK_WIDGET (self));
  drawing->find = g_strdup (self->find);
  task = g_task_new (NULL, NULL, on_drawn_cb, g_object_ref (self));
  g_task_set_task_data (task, drawing, (GDestroyNotify) drawing_free);
  g_task_run_in_thread (task, draw_in_thread);
}

static void
go_to (TrellisDocumentViewer *self,
       int                    page)
{
  if (self->pdf == NULL || page < 0 || (guint) page >= self->n_pages)
    return;
  self->page = page;
  draw_page (self);
}

static void
zoom_by (TrellisDocumentViewer *self,
         double                 factor)
{
  self->zoom = CLAMP (self->zoom * factor, MIN_ZOOM, MAX_ZOOM);
  draw_page (self);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisDocumentViewer *self = TRELLIS_DOCUMENT_VIEWER (widget);

  if (g_str_equal (action_name, "viewer.next"))
    go_to (self, self->page + 1);
  else if (g_str_equal (action_name, "viewer.previous"))
    go_to (self, (int) self->page - 1);
  else if (g_str_equal (action_name, "viewer.zoom-in"))
    zoom_by (self, 1.25);
  else if (g_str_equal (action_name, "viewer.zoom-out"))
    zoom_by (self, 0.8);
  else if (g_str_equal (action_name, "viewer.find"))
    gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void on_next_match_cb (TrellisDocumentViewer *self);

/* Enter in the search: the words marked on this page, or on the next page that has them;
 * Enter again, the next page after that. */
static void
on_search_activate_cb (TrellisDocumentViewer *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  int found;

  if (self->pdf == NULL)
    return;
  if (self->find != NULL && g_str_equal (self->find, text))
    {
      on_next_match_cb (self);
      return;
    }
  g_clear_pointer (&self->find, g_free);
  if (*text != '\0')
    {
      self->find = g_strdup (text);
      found = trellis_pdf_view_find (self->pdf, text, self->page);
      if (found >= 0)
        self->page = found;
    }
  draw_page (self);
}

static void
on_next_match_cb (TrellisDocumentViewer *self)
{
  int found;

  if (self->pdf == NULL || self->find == NULL)
    return;
  found = trellis_pdf_view_find (self->pdf, self->find, (self->page + 1) % self->n_pages);
  if (found >= 0)
    go_to (self, found);
}

static void
show_problem (TrellisDocumentViewer *self,
              const char            *message)
{
  adw_status_page_set_title (self->status, _("The Document Cannot Be Shown"));
  adw_status_page_set_description (self->status, message);
  adw_status_page_set_icon_name (self->status, "dialog-warning-symbolic");
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TrellisDocumentViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = trellis_store_read_attachment_finish (TRELLIS_STORE (source),
                                                                    result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;
  if (content == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  if (trellis_attachment_is_pdf (self->attachment))
    {
      self->pdf = trellis_pdf_view_new (content, &error);
      if (self->pdf == NULL)
        {
          show_problem (self, error->message);
          return;
        }
      self->n_pages = trellis_pdf_view_get_n_pages (self->pdf);
      draw_page (self);
    }
  else
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (content, &error);

      if (texture == NULL)
        {
          show_problem (self, error->message);
          return;
        }
      gtk_picture_set_can_shrink (self->picture, TRUE);
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->stack, "document");
      update_controls (self);
    }
}

static void
trellis_document_viewer_dispose (GObject *object)
{
  TrellisDocumentViewer *self = TRELLIS_DOCUMENT_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_object (&self->attachment);
  g_clear_pointer (&self->pdf, trellis_pdf_view_unref);
  g_clear_pointer (&self->find, g_free);

  G_OBJECT_CLASS (trellis_document_viewer_parent_class)->dispose (object);
}

static void
trellis_document_viewer_class_init (TrellisDocumentViewerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_document_viewer_dispose;

  gtk_widget_class_install_action (widget_class, "viewer.next", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.previous", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "viewer.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "viewer.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "viewer.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
trellis_document_viewer_init (TrellisDocumentViewer *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *search_label;

  self->zoom = 1.0;
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 900);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new ("", ""));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->previous = icon_button ("go-up-symbolic", _("Previous Page"), "viewer.previous");
  self->next = icon_button ("go-down-symbolic", _("Next Page"), "viewer.next");
  self->zoom_out = icon_button ("zoom-out-symbolic", _("Zoom Out"), "viewer.zoom-out");
  self->zoom_in = icon_button ("zoom-in-symbolic", _("Zoom In"), "viewer.zoom-in");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->previous);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->next);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->zoom_in);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->zoom_out);
  gtk_box_append (GTK_BOX (box), header);

  /* find: always there for a PDF, as a line under the header */
  self->search_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->search_box, "toolbar");
  search_label = gtk_label_new_with_mnemonic (_("_Find in the document"));
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (search_label), GTK_WIDGET (self->search));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in the document"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  self->found = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->found), "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->found), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Words found"), -1);
  gtk_box_append (GTK_BOX (self->search_box), search_label);
  gtk_box_append (GTK_BOX (self->search_box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (self->search_box), GTK_WIDGET (self->found));
  gtk_box_append (GTK_BOX (box), self->search_box);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate_cb), self);
  g_signal_connect_swapped (self->search, "next-match", G_CALLBACK (on_next_match_cb), self);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (loading), spinner);
  gtk_stack_add_named (self->stack, loading, "loading");
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->picture), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->picture), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->picture), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->picture), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->picture), "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->picture));
  gtk_stack_add_named (self->stack, scrolled, "document");
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  update_controls (self);
}

/**
 * trellis_document_viewer_new:
 *
 * Shows @attachment, read as @context's person (which the audit trail records).
 */
TrellisDocumentViewer *
trellis_document_viewer_new (GtkWindow         *parent,
                             TrellisContext    *context,
                             TrellisAttachment *attachment)
{
  TrellisDocumentViewer *self;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (attachment), NULL);

  self = g_object_new (TRELLIS_TYPE_DOCUMENT_VIEWER, "transient-for", parent,
                       "title", trellis_attachment_get_title (attachment), NULL);
  self->context = g_object_ref (context);
  self->attachment = g_object_ref (attachment);
  adw_window_title_set_title (self->title, trellis_attachment_get_title (attachment));
  trellis_store_read_attachment_async (trellis_context_get_store (context),
                                       trellis_context_get_actor (context),
                                       trellis_attachment_get_id (attachment), self->cancellable,
                                       on_read_cb, g_object_ref (self));
  trellis_a11y_tidy (GTK_WIDGET (self));
  return self;
}

guint
trellis_document_viewer_get_page (TrellisDocumentViewer *self)
{
  return self->page;
}

guint
trellis_document_viewer_get_n_pages (TrellisDocumentViewer *self)
{
  return self->n_pages;
}

gboolean
trellis_document_viewer_is_busy (TrellisDocumentViewer *self)
{
  return self->drawing || g_str_equal (gtk_stack_get_visible_child_name (self->stack), "loading");
}

GdkPaintable *
trellis_document_viewer_get_paintable (TrellisDocumentViewer *self)
{
  return gtk_picture_get_paintable (self->picture);
}
