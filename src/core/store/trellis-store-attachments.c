/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-attachments.c: documents attached to a child's file
 *
 * A local authority care plan, an EHCP, a letter: a PDF or a photograph (PNG or JPEG, known by
 * its first bytes, never its name), up to TRELLIS_ATTACHMENT_MAX_BYTES, with a title, its own
 * date and where it came from. Kept in the database, so it is encrypted and backed up with the
 * rest of the file; attached by whoever may change the child's details; never changed; tied
 * to its audit row. Opening one is a look at the child's record, and is audited as one.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

/**
 * trellis_store_add_attachment:
 * @dated_on: the document's own date
 * @source: (nullable): where it came from ("Birmingham Children’s Services")
 * @file_name: the name of the file it was read from, kept to give it back by
 * @content: the file
 * @thumbnail: (nullable): a small PNG of its first page, made by whoever can draw one
 *
 * Returns: the new attachment's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_add_attachment (TrellisStore  *self,
                              TrellisStaff  *actor,
                              gint64         child_id,
                              const char    *title,
                              const char    *source,
                              GDateTime     *dated_on,
                              const char    *file_name,
                              GBytes        *content,
                              GBytes        *thumbnail,
                              GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *name = g_strstrip (g_strdup (title != NULL ? title : ""));
  g_autofree char *from = g_strstrip (g_strdup (source != NULL ? source : ""));
  g_autofree char *file = g_path_get_basename (file_name != NULL && *file_name ? file_name
                                                                              : "document");
  g_autofree char *detail = NULL;
  const char *media_type;
  gsize size = content != NULL ? g_bytes_get_size (content) : 0;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL ||
      !trellis_text_check_required (name, TRELLIS_TEXT_LINE, _("Title"),
                                    _("Give the document a title"), error) ||
      !trellis_text_check (from, TRELLIS_TEXT_LINE, _("From"), error) ||
      !trellis_store_check_day_happened (self, child, dated_on, error))
    return 0;
  if (size == 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, _("“%s” is empty"), file);
      return 0;
    }
  if (size > TRELLIS_ATTACHMENT_MAX_BYTES)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *most = g_format_size (TRELLIS_ATTACHMENT_MAX_BYTES);

      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s): a document may be up to %s. Scan it at a lower "
                     "resolution, or split it."), file, have, most);
      return 0;
    }
  if ((media_type = trellis_attachment_sniff (content)) == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("“%s” is not a PDF, a PNG or a JPEG picture: save or scan it as one of "
                     "those first"), file);
      return 0;
    }

  detail = g_strdup_printf ("%s %" G_GSIZE_FORMAT, media_type, size);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "add-attachment", child_id,
                                detail, &audit_id, error) ||
      !trellis_sqlite_attachment_insert (self->db, child_id, name, from, dated_on, file,
                                         media_type, content, thumbnail,
                                         trellis_staff_get_id (actor),
                                         audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/* Newest first, without their content; anyone signed in who may read the child. */
GListModel *
trellis_store_list_attachments (TrellisStore  *self,
                                TrellisStaff  *actor,
                                gint64         child_id,
                                GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_attachment_list (self->db, child_id, error);
}

/**
 * trellis_store_read_attachment:
 *
 * A document's content, for someone opening it: audited, as any look at a child's file is.
 *
 * Returns: (transfer full): the content, or %NULL with @error set
 */
GBytes *
trellis_store_read_attachment (TrellisStore  *self,
                               TrellisStaff  *actor,
                               gint64         id,
                               GError       **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisAttachment) attachment = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  tx = trellis_store_begin_as (self, actor, TRELLIS_ACTION_READ_CHILD, error);
  if (tx == NULL || !trellis_sqlite_attachment_get (self->db, id, &attachment, error))
    return NULL;
  if (attachment == NULL)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                   _("There is no document %lld"), (long long) id);
      return NULL;
    }
  detail = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!trellis_sqlite_attachment_read (self->db, id, &content, error) ||
      !trellis_store_audit (self, trellis_staff_get_id (actor), "open-attachment",
                            trellis_attachment_get_child_id (attachment), detail, error) ||
      !trellis_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&content);
}

static gpointer
list_attachments_job (TrellisStore  *store,
                      gpointer       data,
                      GError       **error)
{
  TrellisStoreQuery *query = data;

  return trellis_store_list_attachments (store, query->actor, query->id, error);
}

void
trellis_store_list_attachments_async (TrellisStore        *self,
                                      TrellisStaff        *actor,
                                      gint64               child_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, list_attachments_job,
                           trellis_store_query_new (actor, child_id, NULL, 0),
                           (GDestroyNotify) trellis_store_query_free, g_object_unref,
                           cancellable, trellis_store_list_attachments_async, callback,
                           user_data);
}

GListModel *
trellis_store_list_attachments_finish (TrellisStore  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_attachments_async, error);
}

static gpointer
read_attachment_job (TrellisStore  *store,
                     gpointer       data,
                     GError       **error)
{
  TrellisStoreQuery *query = data;

  return trellis_store_read_attachment (store, query->actor, query->id, error);
}

/* trellis_store_read_attachment() on the store's worker: a scanned document can be large. */
void
trellis_store_read_attachment_async (TrellisStore        *self,
                                     TrellisStaff        *actor,
                                     gint64               id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, read_attachment_job, trellis_store_query_new (actor, id, NULL, 0),
                           (GDestroyNotify) trellis_store_query_free,
                           (GDestroyNotify) g_bytes_unref, cancellable,
                           trellis_store_read_attachment_async, callback, user_data);
}

GBytes *
trellis_store_read_attachment_finish (TrellisStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_read_attachment_async, error);
}

typedef struct
{
  TrellisStaff *actor;
  gint64        child_id;
  char         *title;
  char         *source;
  GDateTime    *dated_on;
  char         *file_name;
  GBytes       *content;
  GBytes       *thumbnail;
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_clear_object (&job->actor);
  g_free (job->title);
  g_free (job->source);
  g_clear_pointer (&job->dated_on, g_date_time_unref);
  g_free (job->file_name);
  g_clear_pointer (&job->content, g_bytes_unref);
  g_clear_pointer (&job->thumbnail, g_bytes_unref);
  g_free (job);
}

static gpointer
add_attachment_job (TrellisStore  *store,
                    gpointer       data,
                    GError       **error)
{
  AddJob *job = data;
  gint64 id = trellis_store_add_attachment (store, job->actor, job->child_id, job->title,
                                            job->source, job->dated_on, job->file_name,
                                            job->content, job->thumbnail, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

void
trellis_store_add_attachment_async (TrellisStore        *self,
                                    TrellisStaff        *actor,
                                    gint64               child_id,
                                    const char          *title,
                                    const char          *source,
                                    GDateTime           *dated_on,
                                    const char          *file_name,
                                    GBytes              *content,
                                    GBytes              *thumbnail,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AddJob *job = g_new0 (AddJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->child_id = child_id;
  job->title = g_strdup (title);
  job->source = g_strdup (source);
  job->dated_on = dated_on != NULL ? g_date_time_ref (dated_on) : NULL;
  job->file_name = g_strdup (file_name);
  job->content = content != NULL ? g_bytes_ref (content) : NULL;
  job->thumbnail = thumbnail != NULL ? g_bytes_ref (thumbnail) : NULL;
  trellis_store_run_async (self, add_attachment_job, job, (GDestroyNotify) add_job_free, g_free,
                           cancellable, trellis_store_add_attachment_async, callback, user_data);
}

gint64
trellis_store_add_attachment_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autofree gint64 *id = trellis_store_run_finish (self, result,
                                                    trellis_store_add_attachment_async, error);

  return id != NULL ? *id : 0;
}
