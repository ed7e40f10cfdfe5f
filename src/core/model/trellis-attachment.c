/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-attachment.c: a document attached to a child's file, without its content
 *
 * Read-only, made whole by trellis_attachment_new(); the content is read apart, only when a
 * person opens the document (trellis_store_read_attachment()). The JSON writer writes the
 * properties in this order.
 */
#include "config.h"

#include <string.h>

#include "trellis-attachment.h"

struct _TrellisAttachment
{
  GObject     parent_instance;

  gint64      id;
  gint64      child_id;
  char       *title;
  char       *source;
  GDateTime  *dated_on;
  char       *file_name;
  char       *media_type;
  gint64      size;
  char       *added_by;
  GBytes     *thumbnail;
};

G_DEFINE_FINAL_TYPE (TrellisAttachment, trellis_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_DATED_ON,
  PROP_FILE_NAME,
  PROP_MEDIA_TYPE,
  PROP_SIZE,
  PROP_ADDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_attachment_finalize (GObject *object)
{
  TrellisAttachment *self = (TrellisAttachment *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->dated_on, g_date_time_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->added_by, g_free);
  g_clear_pointer (&self->thumbnail, g_bytes_unref);
  g_clear_pointer (&self->thumbnail, g_bytes_unref);

  G_OBJECT_CLASS (trellis_attachment_parent_class)->finalize (object);
}

static void
trellis_attachment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisAttachment *self = TRELLIS_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_DATED_ON: g_value_set_boxed (value, self->dated_on); break;
    case PROP_FILE_NAME: g_value_set_string (value, self->file_name); break;
    case PROP_MEDIA_TYPE: g_value_set_string (value, self->media_type); break;
    case PROP_SIZE: g_value_set_int64 (value, self->size); break;
    case PROP_ADDED_BY: g_value_set_string (value, self->added_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_attachment_class_init (TrellisAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_attachment_finalize;
  object_class->get_property = trellis_attachment_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", ro);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, "", ro);
  properties[PROP_DATED_ON] = g_param_spec_boxed ("dated-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, "", ro);
  properties[PROP_MEDIA_TYPE] = g_param_spec_string ("media-type", NULL, NULL, "", ro);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ADDED_BY] = g_param_spec_string ("added-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_attachment_init (TrellisAttachment *self)
{
}

TrellisAttachment *
trellis_attachment_new (gint64      id,
                        gint64      child_id,
                        const char *title,
                        const char *source,
                        GDateTime  *dated_on,
                        const char *file_name,
                        const char *media_type,
                        gint64      size,
                        const char *added_by)
{
  TrellisAttachment *self = g_object_new (TRELLIS_TYPE_ATTACHMENT, NULL);

  self->id = id;
  self->child_id = child_id;
  self->title = g_strdup (title != NULL ? title : "");
  self->source = g_strdup (source != NULL ? source : "");
  self->dated_on = dated_on != NULL ? g_date_time_ref (dated_on) : NULL;
  self->file_name = g_strdup (file_name != NULL ? file_name : "");
  self->media_type = g_strdup (media_type != NULL ? media_type : "");
  self->size = size;
  self->added_by = g_strdup (added_by != NULL ? added_by : "");
  return self;
}

gint64
trellis_attachment_get_id (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), 0);
  return self->id;
}

gint64
trellis_attachment_get_child_id (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), 0);
  return self->child_id;
}

const char *
trellis_attachment_get_title (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), NULL);
  return self->title;
}

const char *
trellis_attachment_get_source (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), NULL);
  return self->source;
}

GDateTime *
trellis_attachment_get_dated_on (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), NULL);
  return self->dated_on;
}

const char *
trellis_attachment_get_file_name (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), NULL);
  return self->file_name;
}

const char *
trellis_attachment_get_media_type (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), NULL);
  return self->media_type;
}

gint64
trellis_attachment_get_size (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), 0);
  return self->size;
}

const char *
trellis_attachment_get_added_by (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), NULL);
  return self->added_by;
}

gboolean
trellis_attachment_is_pdf (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), FALSE);
  return g_str_equal (self->media_type, "application/pdf");
}

const char *
trellis_attachment_sniff (GBytes *content)
{
  gsize size = 0;
  const guchar *data = content != NULL ? g_bytes_get_data (content, &size) : NULL;

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return "application/pdf";
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "image/jpeg";
  return NULL;
}

GBytes *
trellis_attachment_get_thumbnail (TrellisAttachment *self)
{
  g_return_val_if_fail (TRELLIS_IS_ATTACHMENT (self), NULL);
  return self->thumbnail;
}

/* Only while the attachment is being read */
void
trellis_attachment_set_thumbnail (TrellisAttachment *self,
                                  GBytes            *thumbnail)
{
  g_return_if_fail (TRELLIS_IS_ATTACHMENT (self));

  g_clear_pointer (&self->thumbnail, g_bytes_unref);
  self->thumbnail = thumbnail != NULL ? g_bytes_ref (thumbnail) : NULL;
}
