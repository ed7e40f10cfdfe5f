/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-pdf-writer.c: cairo's PDF surface, written to a private file moved into place whole
 */
#define G_LOG_DOMAIN "trellis-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "trellis-error.h"
#include "trellis-pdf-writer.h"

typedef struct
{
  int fd;
  int saved_errno;
} PdfSink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/**
 * trellis_pdf_write:
 * @title: (nullable): the PDF's title, shown by viewers
 * @draw_page: draws each page in turn; it may stop the writing (when cancelled)
 *
 * Writes a PDF at @path, readable by its owner only (0600), like the database the details
 * come from. The PDF is written to a new file beside @path and moved into place only when
 * complete: a failed or stopped export leaves no half file and whatever was at @path as it
 * was, and nobody else can read the file while it is written.
 */
gboolean
trellis_pdf_write (const char              *path,
                   const char              *title,
                   double                   page_width,
                   double                   page_height,
                   guint                    n_pages,
                   TrellisPdfDrawPageFunc   draw_page,
                   gpointer                 user_data,
                   GError                 **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr(GError) draw_error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  PdfSink sink = { -1, 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw_page != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_name = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (dir, temp_name, NULL);
  sink.fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_fd, &sink, page_width, page_height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Trellis");
  cr = cairo_create (surface);

  for (guint i = 0; i < n_pages && draw_error == NULL; i++)
    {
      if (draw_page (cr, i, user_data, &draw_error))
        cairo_show_page (cr);
      else
        g_assert (draw_error != NULL);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (draw_error == NULL && status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.saved_errno = errno;
  if (!g_close (sink.fd, NULL) && sink.saved_errno == 0)
    sink.saved_errno = EIO;
  if (draw_error == NULL && status == CAIRO_STATUS_SUCCESS && sink.saved_errno == 0 &&
      g_rename (temp_path, path) != 0)
    sink.saved_errno = errno;

  if (draw_error != NULL)
    {
      g_unlink (temp_path);
      g_propagate_error (error, g_steal_pointer (&draw_error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS || sink.saved_errno != 0)
    {
      g_unlink (temp_path);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path,
                   sink.saved_errno != 0 ? g_strerror (sink.saved_errno)
                                         : cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
