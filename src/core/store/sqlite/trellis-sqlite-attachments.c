/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-attachments.c: documents attached to a child's file
 *
 * The list never reads the content: a child's page lists fifty scanned letters without
 * reading fifty blobs. The content is read alone, when a document is opened.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include "trellis-sqlite-private.h"

static gpointer
attachment_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) dated_on = trellis_sqlite_column_date (stmt, 4);
  TrellisAttachment *attachment;

  attachment = trellis_attachment_new (sqlite3_column_int64 (stmt, 0),
                                 sqlite3_column_int64 (stmt, 1),
                                 trellis_sqlite_column_text (stmt, 2),
                                 trellis_sqlite_column_text (stmt, 3),
                                 dated_on,
                                 trellis_sqlite_column_text (stmt, 5),
                                 trellis_sqlite_column_text (stmt, 6),
                                 sqlite3_column_int64 (stmt, 7),
                                 trellis_sqlite_column_text (stmt, 8));
  if (sqlite3_column_type (stmt, 9) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) thumbnail = g_bytes_new (sqlite3_column_blob (stmt, 9),
                                                 sqlite3_column_bytes (stmt, 9));
      trellis_attachment_set_thumbnail (attachment, thumbnail);
    }
  return attachment;
}

#define ATTACHMENT_COLUMNS \
  "SELECT a.id, a.child_id, a.title, a.source, a.dated_on, a.file_name, a.media_type, " \
  "a.size, s.display_name, a.thumbnail FROM attachment a JOIN staff s ON s.id = a.added_by "

/* Newest first, by attachment_by_child. */
GListModel *
trellis_sqlite_attachment_list (TrellisSqlite  *self,
                                gint64          child_id,
                                GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               ATTACHMENT_COLUMNS "WHERE a.child_id = ?1 "
                                               "ORDER BY a.dated_on DESC, a.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return trellis_sqlite_get_list (self, stmt, TRELLIS_TYPE_ATTACHMENT, attachment_from_row,
                                  error);
}

gboolean
trellis_sqlite_attachment_get (TrellisSqlite      *self,
                               gint64              id,
                               TrellisAttachment **attachment,
                               GError            **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, ATTACHMENT_COLUMNS "WHERE a.id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_get_one (self, stmt, attachment_from_row, attachment, error);
}

static void
read_content (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  GBytes **content = user_data;

  *content = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* *@content: NULL when there is no such row */
gboolean
trellis_sqlite_attachment_read (TrellisSqlite  *self,
                                gint64          id,
                                GBytes        **content,
                                GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self, "SELECT content FROM attachment "
                                                     "WHERE id = ?1", error);

  *content = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return trellis_sqlite_read_first (self, stmt, read_content, content, NULL, error);
}

gboolean
trellis_sqlite_attachment_insert (TrellisSqlite  *self,
                                  gint64          child_id,
                                  const char     *title,
                                  const char     *source,
                                  GDateTime      *dated_on,
                                  const char     *file_name,
                                  const char     *media_type,
                                  GBytes         *content,
                                  GBytes         *thumbnail,
                                  gint64          added_by,
                                  gint64          audit_id,
                                  gint64         *id,
                                  GError        **error)
{
  sqlite3_stmt *stmt = trellis_sqlite_prepare (self,
                                               "INSERT INTO attachment (child_id, title, source, "
                                               "dated_on, file_name, media_type, size, content, "
                                               "added_by, audit_id, thumbnail) VALUES (?1, ?2, "
                                               "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);

  if (stmt != NULL)
    {
      gsize size = 0;
      gconstpointer data = g_bytes_get_data (content, &size);

      sqlite3_bind_int64 (stmt, 1, child_id);
      trellis_sqlite_bind_text (stmt, 2, title);
      trellis_sqlite_bind_text (stmt, 3, source);
      trellis_sqlite_bind_date (stmt, 4, dated_on);
      trellis_sqlite_bind_text (stmt, 5, file_name);
      trellis_sqlite_bind_text (stmt, 6, media_type);
      sqlite3_bind_int64 (stmt, 7, size);
      /* SQLite copies it: the caller's bytes may go as soon as this returns */
      sqlite3_bind_blob64 (stmt, 8, data, size, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, added_by);
      sqlite3_bind_int64 (stmt, 10, audit_id);
      if (thumbnail != NULL)
        {
          gsize n = 0;
          gconstpointer png = g_bytes_get_data (thumbnail, &n);
          sqlite3_bind_blob64 (stmt, 11, png, n, SQLITE_TRANSIENT);
        }
      else
        sqlite3_bind_null (stmt, 11);
    }
  if (!trellis_sqlite_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}
