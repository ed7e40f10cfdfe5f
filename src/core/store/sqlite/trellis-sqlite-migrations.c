/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite-migrations.c: bringing a database's schema up to date
 *
 * migrations/NNNN-name.sql, compiled in as a GResource, applied in order, each in a
 * transaction of its own; PRAGMA user_version holds the number of the last one applied.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-error.h"
#include "trellis-sqlite-private.h"

#define MIGRATIONS_PATH "/io/github/trellis/Trellis/store/migrations"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);

  g_assert (names != NULL);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));
  g_ptr_array_sort (sorted, compare_names);

  /* migration NNNN must be the NNNN-th file: a gap would skip a schema change */
  for (guint i = 0; i < sorted->len; i++)
    g_assert (g_ascii_strtoull (g_ptr_array_index (sorted, i), NULL, 10) == i + 1);

  return sorted;
}

guint
trellis_sqlite_get_latest_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  return migrations->len;
}

static int
read_user_version (TrellisSqlite *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (self->db == NULL)
    return -1;
  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

guint
trellis_sqlite_get_schema_version (TrellisSqlite *self)
{
  return MAX (read_user_version (self), 0);
}

/* One migration and its number, all or nothing: a transaction of its own, or a savepoint
 * when the store has one open already. */
static gboolean
apply (TrellisSqlite  *self,
       const char     *sql,
       guint           version,
       GError        **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", version);
  gboolean outermost = sqlite3_get_autocommit (self->db);

  if (!trellis_sqlite_exec (self, outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT migration", error))
    return FALSE;
  if (!trellis_sqlite_exec (self, sql, error) || !trellis_sqlite_exec (self, set_version, error))
    g_prefix_error (error, _("Could not upgrade the database to schema %u: "), version);
  else if (trellis_sqlite_exec (self, outermost ? "COMMIT" : "RELEASE migration", error))
    return TRUE;

  sqlite3_exec (self->db, outermost ? "ROLLBACK" : "ROLLBACK TO migration; RELEASE migration",
                NULL, NULL, NULL);
  return FALSE;
}

/* Applies the migrations the database lacks, up to @target. Refuses a database from a newer
 * Trellis. */
gboolean
trellis_sqlite_migrate (TrellisSqlite  *self,
                        guint           target,
                        GError        **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  int current = read_user_version (self);

  if (current < 0)
    return trellis_sqlite_set_error (self, error);
  if (self->flags & TRELLIS_SQLITE_OPEN_KEYRING)
    return TRUE;

  if ((guint) current > migrations->len)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_DATABASE_TOO_NEW,
                   _("“%s” was made by a newer version of Trellis (schema %d; this version "
                     "understands up to %u). Update Trellis to open it."),
                   self->path, current, migrations->len);
      return FALSE;
    }

  for (guint i = current; i < MIN (target, migrations->len); i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (!apply (self, sql, i + 1, error))
        return FALSE;
      g_debug ("Applied migration %s", name);
    }

  return TRUE;
}
