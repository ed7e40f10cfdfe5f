/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-private.h: what the files of the SQLite backend share
 *
 * The only header that includes <sqlite3.h>, and only files in this folder include it.
 */
#pragma once

#include <sqlite3.h>

#include "trellis-sqlite-crypt.h"

#include "trellis-error.h"
#include "trellis-sqlite.h"

G_BEGIN_DECLS

struct _TrellisSqlite
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt, prepared once */
  gboolean    brief;        /* TRELLIS_SQLITE_OPEN_BRIEF */
  TrellisSqliteOpenFlags flags;
  TrellisCryptKey *key;     /* the pages' key, or NULL for an unencrypted file */
};

/* Makes an object (or any pointer) of the row @stmt is on. */
typedef gpointer (*TrellisSqliteRowFunc)  (sqlite3_stmt *stmt);
/* Reads what it needs of the row @stmt is on into @user_data. */
typedef void     (*TrellisSqliteReadFunc) (sqlite3_stmt *stmt,
                                           gpointer      user_data);

/* What trellis_sqlite_read_id_text() reads the first two columns into */
typedef struct
{
  gint64  *id;
  char   **text;
} TrellisSqliteIdText;

void          trellis_sqlite_read_id_text (sqlite3_stmt          *stmt,
                                           gpointer               user_data);
TrellisError  trellis_sqlite_error_code   (int                    result);
gboolean      trellis_sqlite_set_error    (TrellisSqlite         *self,
                                           GError               **error);
gboolean      trellis_sqlite_exec         (TrellisSqlite         *self,
                                           const char            *sql,
                                           GError               **error);
sqlite3_stmt *trellis_sqlite_prepare      (TrellisSqlite         *self,
                                           const char            *sql,
                                           GError               **error);
gboolean      trellis_sqlite_step_done    (TrellisSqlite         *self,
                                           sqlite3_stmt          *stmt,
                                           GError               **error);
gboolean      trellis_sqlite_read_first   (TrellisSqlite         *self,
                                           sqlite3_stmt          *stmt,
                                           TrellisSqliteReadFunc  func,
                                           gpointer               user_data,
                                           gboolean              *found,
                                           GError               **error);
gboolean      trellis_sqlite_get_one      (TrellisSqlite         *self,
                                           sqlite3_stmt          *stmt,
                                           TrellisSqliteRowFunc   func,
                                           gpointer               result,
                                           GError               **error);
gboolean      trellis_sqlite_get_int64    (TrellisSqlite         *self,
                                           sqlite3_stmt          *stmt,
                                           gint64                *value,
                                           gboolean              *found,
                                           GError               **error);
GListModel   *trellis_sqlite_get_list     (TrellisSqlite         *self,
                                           sqlite3_stmt          *stmt,
                                           GType                  item_type,
                                           TrellisSqliteRowFunc   func,
                                           GError               **error);

void          trellis_sqlite_bind_text    (sqlite3_stmt          *stmt,
                                           int                    index,
                                           const char            *text);
void          trellis_sqlite_bind_date    (sqlite3_stmt          *stmt,
                                           int                    index,
                                           GDateTime             *date);
const char   *trellis_sqlite_column_text  (sqlite3_stmt          *stmt,
                                           int                    column);
GDateTime    *trellis_sqlite_column_date  (sqlite3_stmt          *stmt,
                                           int                    column);
char         *trellis_sqlite_like_pattern (const char            *text);

G_END_DECLS
