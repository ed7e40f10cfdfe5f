/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-record.c: versions and changes of a record, from its flagged properties
 *
 * A record type flags the properties a person edits; snapshots (the earlier versions the
 * store keeps) and diffs (the fields the audit trail names) follow from that alone.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "store-home.h"
#include "trellis-core.h"

/* A record kept as a test's types declare it: each property's value in a table, so a type
 * that adds a property needs nothing but the property. */
typedef struct
{
  GObject     parent_instance;
  GHashTable *values; /* name → GValue */
} TestRecord;

typedef struct
{
  GObjectClass parent_class;
} TestRecordClass;

typedef TestRecord TestRecordPlus;
typedef TestRecordClass TestRecordPlusClass;

G_DEFINE_TYPE (TestRecord, test_record, G_TYPE_OBJECT)
G_DEFINE_TYPE (TestRecordPlus, test_record_plus, test_record_get_type ())

static void
free_value (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

static void
test_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GValue *stored = g_hash_table_lookup (((TestRecord *) object)->values, pspec->name);

  if (stored != NULL)
    g_value_copy (stored, value);
  else
    g_param_value_set_default (pspec, value);
}

static void
test_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GValue *stored = g_new0 (GValue, 1);

  g_value_init (stored, pspec->value_type);
  g_value_copy (value, stored);
  g_hash_table_replace (((TestRecord *) object)->values, g_strdup (pspec->name), stored);
}

static void
test_record_finalize (GObject *object)
{
  g_hash_table_unref (((TestRecord *) object)->values);
  G_OBJECT_CLASS (test_record_parent_class)->finalize (object);
}

#define VERSIONED (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | TRELLIS_PARAM_VERSIONED)

static void
test_record_class_init (TestRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_record_get_property;
  object_class->set_property = test_record_set_property;
  object_class->finalize = test_record_finalize;

  g_object_class_install_property (object_class, 1,
    g_param_spec_string ("full-name", "Full name", NULL, "", VERSIONED));
  g_object_class_install_property (object_class, 2,
    g_param_spec_boxed ("seen-on", "Seen on", NULL, G_TYPE_DATE_TIME, VERSIONED));
  /* kept by the store, not edited: in neither a snapshot nor a diff */
  g_object_class_install_property (object_class, 3,
    g_param_spec_int ("revision", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, 4,
    g_param_spec_enum ("legal-status", "Legal status", NULL, TRELLIS_TYPE_LEGAL_STATUS,
                       TRELLIS_LEGAL_STATUS_UNKNOWN, VERSIONED));
}

static void
test_record_init (TestRecord *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_value);
}

/* The same record a release later, with one more field: only the property is new. */
static void
test_record_plus_class_init (TestRecordPlusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject asks each class that installs properties to read and write them */
  object_class->get_property = test_record_get_property;
  object_class->set_property = test_record_set_property;
  g_object_class_install_property (object_class, 1,
    g_param_spec_string ("favourite-food", "Favourite food", NULL, "", VERSIONED));
}

static void
test_record_plus_init (TestRecordPlus *self)
{
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static GObject *
make_record (GType       type,
             const char *name)
{
  g_autoptr(GDateTime) seen = trellis_date_from_iso ("2024-05-06");

  return g_object_new (type, "full-name", name, "seen-on", seen, "revision", 3,
                       "legal-status", TRELLIS_LEGAL_STATUS_ACCOMMODATED, NULL);
}

static void
test_snapshot (void)
{
  g_autoptr(GObject) record = make_record (test_record_get_type (), "Ana \"Nan\" Lopes");
  g_autofree char *text = trellis_json_writer_dup_snapshot (record);
  g_autoptr(JsonObject) object = parse_object (text);
  g_autoptr(GList) members = json_object_get_members (object);

  /* the versioned properties, in the order they were installed, and nothing else */
  g_assert_cmpuint (g_list_length (members), ==, 3);
  g_assert_cmpstr (g_list_nth_data (members, 0), ==, "full_name");
  g_assert_cmpstr (g_list_nth_data (members, 1), ==, "seen_on");
  g_assert_cmpstr (g_list_nth_data (members, 2), ==, "legal_status");
  g_assert_cmpstr (json_object_get_string_member (object, "full_name"), ==, "Ana \"Nan\" Lopes");
  g_assert_cmpstr (json_object_get_string_member (object, "seen_on"), ==, "2024-05-06");
  g_assert_cmpstr (json_object_get_string_member (object, "legal_status"), ==, "accommodated");
  g_assert_false (json_object_has_member (object, "revision"));
}

static void
test_diff (void)
{
  g_autoptr(GObject) a = make_record (test_record_get_type (), "Ana Lopes");
  g_autoptr(GObject) b = make_record (test_record_get_type (), "Ana Lopes");
  g_autoptr(GDateTime) later = trellis_date_from_iso ("2024-05-07");
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *changes = NULL;

  /* what the store keeps for itself is no change a person made */
  g_object_set (b, "revision", 4, NULL);
  none = trellis_record_diff (a, b);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_null (trellis_record_dup_changes (a, b));

  g_object_set (b, "seen-on", later, "legal-status", TRELLIS_LEGAL_STATUS_CARE_ORDER, NULL);
  changed = trellis_record_diff (a, b);
  g_assert_cmpuint (g_strv_length (changed), ==, 2);
  g_assert_cmpstr (changed[0], ==, "seen-on");
  g_assert_cmpstr (changed[1], ==, "legal-status");
  changes = trellis_record_dup_changes (a, b);
  g_assert_cmpstr (changes, ==, "seen-on,legal-status");

  /* the words come from the property */
  g_assert_cmpstr (trellis_record_get_label (test_record_get_type (), "seen-on"), ==, "Seen on");
  g_assert_null (trellis_record_get_label (test_record_get_type (), "revision"));
}

/* A property added to a type is snapshotted and diffed with nothing else written for it */
static void
test_new_property (void)
{
  g_autoptr(GObject) a = make_record (test_record_plus_get_type (), "Ana Lopes");
  g_autoptr(GObject) b = make_record (test_record_plus_get_type (), "Ana Lopes");
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *changes = NULL;
  g_auto(GStrv) matching = NULL;

  g_object_set (a, "favourite-food", "Pão de queijo", NULL);
  text = trellis_json_writer_dup_snapshot (a);
  object = parse_object (text);
  members = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (members), ==, 4);
  g_assert_cmpstr (g_list_nth_data (members, 3), ==, "favourite_food");
  g_assert_cmpstr (json_object_get_string_member (object, "favourite_food"), ==, "Pão de queijo");

  changes = trellis_record_dup_changes (a, b);
  g_assert_cmpstr (changes, ==, "favourite-food");
  g_assert_cmpstr (trellis_record_get_label (test_record_plus_get_type (), "favourite-food"), ==,
                   "Favourite food");

  /* and the child's own fields are found by their words in the audit trail's search */
  matching = trellis_audit_fields_matching ("date of birth");
  g_assert_true (g_strv_contains ((const char * const *) matching, "date-of-birth"));
}

/* What versions held before they were made from the child's properties, by SQL */
#define OLD_VERSION_SQL                                                                  \
  "SELECT json_object('given_name', given_name, 'family_name', family_name, "            \
  "'preferred_name', preferred_name, 'date_of_birth', date_of_birth, 'gender', gender, " \
  "'first_language', first_language, 'religion', religion, 'legal_status', legal_status, " \
  "'placing_authority', placing_authority, 'admission_date', admission_date, "           \
  "'leaving_date', leaving_date, 'photo', hex(photo), 'allergies', allergies, "          \
  "'medication', medication, 'updated_at', updated_at, "                                 \
  "'updated_by', updated_by) FROM child WHERE id = ?1"

static char *
read_text (const char *path,
           const char *sql,
           gint64      id)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (store_open_raw (path, &db, SQLITE_OPEN_READONLY), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
check_version_row (StoreHome   *home,
                   TrellisChild *child,
                   void        (*edit) (TrellisChild *child),
                   const char   *expected_detail)
{
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_child_get_id (child);
  int version = trellis_child_get_version (child);
  g_autofree char *before = read_text (home->path, OLD_VERSION_SQL, id);
  g_autofree char *kept = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *sql = NULL;

  edit (child);
  trellis_store_update_child (home->store, home->manager, child, &error);
  g_assert_no_error (error);

  /* the kept version is what the row held, as versions have always been written */
  sql = g_strdup_printf ("SELECT data FROM child_version WHERE child_id = ?1 AND version = %d",
                         version);
  kept = read_text (home->path, sql, id);
  g_assert_cmpstr (kept, ==, before);
  detail = read_text (home->path, "SELECT detail FROM audit WHERE child_id = ?1 AND "
                                  "action = 'edit-child' ORDER BY id DESC LIMIT 1", id);
  g_assert_cmpstr (detail, ==, expected_detail);
}

static void
edit_names (TrellisChild *child)
{
  trellis_child_set_preferred_name (child, "Kuba");
  trellis_child_set_religion (child, "Roman Catholic");
}

static void
edit_photo_and_leaving (TrellisChild *child)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff };
  g_autoptr(GBytes) photo = g_bytes_new_static (png, sizeof png);
  g_autoptr(GDateTime) admitted = trellis_date_from_iso ("2023-09-01");
  g_autoptr(GDateTime) left = trellis_date_from_iso ("2030-07-31");

  trellis_child_set_photo (child, photo);
  trellis_child_set_admission_date (child, admitted);
  trellis_child_set_leaving_date (child, left);
}

static void
edit_photo_again (TrellisChild *child)
{
  trellis_child_set_photo (child, NULL);
  trellis_child_set_legal_status (child, TRELLIS_LEGAL_STATUS_CARE_ORDER);
}

static void
test_child_version_row (void)
{
  StoreHome home = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = store_make_child ("Jakub", "2012-04-05");
  g_autoptr(TrellisChild) back = NULL;

  store_home_set_up (&home);
  g_assert_cmpint (trellis_store_add_child (home.store, home.manager, child, &error), >, 0);
  g_assert_no_error (error);

  check_version_row (&home, child, edit_names, "preferred-name,religion");
  check_version_row (&home, child, edit_photo_and_leaving, "admission-date,leaving-date,photo");
  check_version_row (&home, child, edit_photo_again, "legal-status,photo");
  g_assert_cmpuint (trellis_store_count_child_versions (home.store, home.manager,
                                                        trellis_child_get_id (child), NULL),
                    ==, 3);
  back = trellis_store_get_child (home.store, home.manager, trellis_child_get_id (child), &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_child_get_version (back), ==, 4);

  g_clear_object (&back);
  store_home_tear_down (&home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/snapshot", test_snapshot);
  g_test_add_func ("/record/diff", test_diff);
  g_test_add_func ("/record/new-property", test_new_property);
  g_test_add_func ("/record/child-version-row", test_child_version_row);

  return g_test_run ();
}
