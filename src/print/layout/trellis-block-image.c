/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-block-image.c: a picture, centred, with an optional caption under it
 *
 * A picture keeps its proportions and stays whole on one page: one too tall for a page is
 * made smaller until it fits, caption and all.
 */
#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-document-private.h"
#include "trellis-error.h"

#define CAPTION_GAP 4.0

typedef struct
{
  cairo_surface_t *surface;
  double           share;   /* of the text width */
  double           width;   /* as drawn, in points */
  double           height;
} Image;

static void
image_free (gpointer data)
{
  Image *image = data;

  cairo_surface_destroy (image->surface);
  g_free (image);
}

static void
measure_image (TrellisBlock *block,
               double        width,
               double        page_body_height)
{
  Image *image = block->data;
  double pixels_wide = cairo_image_surface_get_width (image->surface);
  double pixels_high = cairo_image_surface_get_height (image->surface);
  double caption = 0;

  if (block->layouts->len > 0)
    {
      PangoLayout *layout = g_ptr_array_index (block->layouts, 0);

      pango_layout_set_width (layout, pango_units_from_double (width));
      caption = CAPTION_GAP + trellis_layout_get_height (layout);
    }

  image->width = width * image->share;
  image->height = image->width * pixels_high / pixels_wide;
  if (image->height > page_body_height - caption)
    {
      image->height = MAX (page_body_height - caption, 1);
      image->width = image->height * pixels_wide / pixels_high;
    }
  block->height = image->height + caption;
}

static void
draw_image (TrellisBlock           *block,
            cairo_t                *cr,
            const TrellisBlockArea *area)
{
  Image *image = block->data;

  cairo_save (cr);
  cairo_translate (cr, area->x + (area->width - image->width) / 2, area->y);
  cairo_scale (cr, image->width / cairo_image_surface_get_width (image->surface),
               image->height / cairo_image_surface_get_height (image->surface));
  cairo_set_source_surface (cr, image->surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  if (block->layouts->len > 0)
    {
      cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
      trellis_layout_show_at (cr, g_ptr_array_index (block->layouts, 0), area->x,
                              area->y + image->height + CAPTION_GAP);
    }
}

static const TrellisBlockClass image_class = { measure_image, draw_image, image_free };

/**
 * trellis_document_add_image:
 * @image: an image surface; the document keeps a reference
 * @width: the picture's share of the text width, more than 0 and at most 1
 * @caption: (nullable): a line under the picture
 */
void
trellis_document_add_image (TrellisDocument *self,
                            cairo_surface_t *image,
                            double           width,
                            const char      *caption)
{
  TrellisBlock *block;
  Image *data;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (image != NULL);
  g_return_if_fail (cairo_surface_get_type (image) == CAIRO_SURFACE_TYPE_IMAGE);
  g_return_if_fail (cairo_image_surface_get_width (image) > 0 &&
                    cairo_image_surface_get_height (image) > 0);
  g_return_if_fail (width > 0 && width <= 1);

  data = g_new0 (Image, 1);
  data->surface = cairo_surface_reference (image);
  data->share = width;

  block = trellis_document_append_block (self, &image_class);
  block->data = data;
  block->space_before = 8;
  block->space_after = 8;
  if (caption != NULL && *caption != '\0')
    pango_layout_set_alignment (trellis_block_add_text (block, self, caption,
                                                        TRELLIS_FONT_FAMILY " Italic 9", TRUE),
                                PANGO_ALIGN_CENTER);
}

/* A PNG file as a picture in the document. */
gboolean
trellis_document_add_image_from_file (TrellisDocument  *self,
                                      const char       *path,
                                      double            width,
                                      const char       *caption,
                                      GError          **error)
{
  cairo_surface_t *image;
  cairo_status_t status;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  image = cairo_image_surface_create_from_png (path);
  status = cairo_surface_status (image);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      cairo_surface_destroy (image);
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_FAILED,
                   _("Could not read the picture “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }

  trellis_document_add_image (self, image, width, caption);
  cairo_surface_destroy (image);
  return TRUE;
}
