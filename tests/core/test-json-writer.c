/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-json-writer.c: records as JSON from their properties, read back with json-glib
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "trellis-core.h"

/* ---- what the writer hands on -------------------------------------------------------- */

typedef struct
{
  GString *text;
  guint    pieces;
  gsize    longest;
} Collected;

static gboolean
collect (const char  *text,
         gsize        length,
         gpointer     user_data,
         GError     **error)
{
  Collected *collected = user_data;

  g_string_append_len (collected->text, text, length);
  collected->pieces++;
  collected->longest = MAX (collected->longest, length);
  return TRUE;
}

/* The whole document @write writes, with @today as the day */
static char *
write_document (void     (*write) (TrellisJsonWriter *writer, gpointer data),
                gpointer   data)
{
  Collected collected = { g_string_new (NULL), 0, 0 };
  g_autoptr(GDateTime) today = trellis_date_new (2026, 3, 1);
  g_autoptr(TrellisJsonWriter) writer = trellis_json_writer_new (today, collect, &collected);
  g_autoptr(GError) error = NULL;

  write (writer, data);
  g_assert_true (trellis_json_writer_finish (writer, &error));
  g_assert_no_error (error);
  return g_string_free (collected.text, FALSE);
}

static void
write_record (TrellisJsonWriter *writer,
              gpointer           record)
{
  trellis_json_writer_add_record (writer, record);
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* ---- the layout json-glib's pretty generator gave trellisctl before ---------------------- */

typedef enum
{
  OP_BEGIN_ARRAY, OP_END_ARRAY, OP_BEGIN_OBJECT, OP_END_OBJECT,
  OP_NAME, OP_NULL, OP_STRING, OP_INT, OP_BOOLEAN,
} Op;

typedef struct
{
  Op          op;
  const char *text;
  gint64      number;
} Step;

/* Empty and full arrays and objects, nested; strings that must be escaped, and some that
 * must not (UTF-8 in any script, '/'). */
static const Step steps[] = {
  { OP_BEGIN_ARRAY },
  { OP_BEGIN_OBJECT },
  { OP_NAME, "id" }, { OP_INT, NULL, 2 },
  { OP_NAME, "negative" }, { OP_INT, NULL, G_MININT64 },
  { OP_NAME, "name" }, { OP_STRING, "Quote\" back\\slash\ttab\nline\r\b\f\x01\x7f end" },
  { OP_NAME, "scripts" }, { OP_STRING, "Zoë Łucja عائشة জয়া 🙂 a/b" },
  { OP_NAME, "empty" }, { OP_STRING, "" },
  { OP_NAME, "none" }, { OP_NULL },
  { OP_NAME, "yes" }, { OP_BOOLEAN, NULL, TRUE },
  { OP_NAME, "no" }, { OP_BOOLEAN, NULL, FALSE },
  { OP_NAME, "no rows" }, { OP_BEGIN_ARRAY }, { OP_END_ARRAY },
  { OP_NAME, "no members" }, { OP_BEGIN_OBJECT }, { OP_END_OBJECT },
  { OP_NAME, "\"odd\" name" }, { OP_BEGIN_ARRAY },
    { OP_NULL }, { OP_INT, NULL, 7 }, { OP_STRING, "x" },
    { OP_BEGIN_OBJECT }, { OP_NAME, "deep" }, { OP_BEGIN_ARRAY }, { OP_BEGIN_ARRAY },
    { OP_END_ARRAY }, { OP_END_ARRAY }, { OP_END_OBJECT },
  { OP_END_ARRAY },
  { OP_END_OBJECT },
  { OP_BEGIN_OBJECT }, { OP_END_OBJECT },
  { OP_BEGIN_ARRAY }, { OP_END_ARRAY },
  { OP_END_ARRAY },
};

static void
write_steps (TrellisJsonWriter *writer,
             gpointer           data)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    switch (steps[i].op)
      {
      case OP_BEGIN_ARRAY: trellis_json_writer_begin_array (writer); break;
      case OP_END_ARRAY: trellis_json_writer_end_array (writer); break;
      case OP_BEGIN_OBJECT: trellis_json_writer_begin_object (writer); break;
      case OP_END_OBJECT: trellis_json_writer_end_object (writer); break;
      case OP_NAME: trellis_json_writer_set_member_name (writer, steps[i].text); break;
      case OP_NULL: trellis_json_writer_add_null_value (writer); break;
      case OP_STRING: trellis_json_writer_add_string_value (writer, steps[i].text); break;
      case OP_INT: trellis_json_writer_add_int_value (writer, steps[i].number); break;
      case OP_BOOLEAN: trellis_json_writer_add_boolean_value (writer, steps[i].number); break;
      }
}

static char *
generate_steps (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    switch (steps[i].op)
      {
      case OP_BEGIN_ARRAY: json_builder_begin_array (builder); break;
      case OP_END_ARRAY: json_builder_end_array (builder); break;
      case OP_BEGIN_OBJECT: json_builder_begin_object (builder); break;
      case OP_END_OBJECT: json_builder_end_object (builder); break;
      case OP_NAME: json_builder_set_member_name (builder, steps[i].text); break;
      case OP_NULL: json_builder_add_null_value (builder); break;
      case OP_STRING: json_builder_add_string_value (builder, steps[i].text); break;
      case OP_INT: json_builder_add_int_value (builder, steps[i].number); break;
      case OP_BOOLEAN: json_builder_add_boolean_value (builder, steps[i].number); break;
      }
  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

static void
test_layout (void)
{
  g_autofree char *written = write_document (write_steps, NULL);
  g_autofree char *generated = generate_steps ();

  /* the bytes scripts have always read from trellisctl, a row at a time instead of whole */
  g_assert_cmpstr (written, ==, generated);
}

/* json-glib 1.6 lets U+001F through unescaped, which no parser reads back */
static void
write_unit_separator (TrellisJsonWriter *writer,
                      gpointer           data)
{
  trellis_json_writer_add_string_value (writer, "a\x1f" "b");
}

static void
test_control_characters (void)
{
  g_autofree char *written = write_document (write_unit_separator, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (written, ==, "\"a\\u001fb\"\n");
  g_assert_true (json_parser_load_from_data (parser, written, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (json_parser_get_root (parser)), ==, "a\x1f" "b");
}

/* ---- every property of every record, read back --------------------------------------- */

static GDateTime *
date (int year, int month, int day)
{
  return trellis_date_new (year, month, day);
}

static TrellisChild *
make_child (GDateTime *leaving)
{
  TrellisChild *child = trellis_child_new ();
  g_autoptr(GDateTime) dob = date (2012, 3, 14);
  g_autoptr(GDateTime) admitted = date (2024, 9, 2);
  g_autoptr(GBytes) photo = g_bytes_new_static ("\x89PNG", 4);

  trellis_child_set_id (child, 42);
  trellis_child_set_version (child, 3);
  trellis_child_set_given_name (child, "Ayesha \"Ash\"");
  trellis_child_set_family_name (child, "Rahman");
  trellis_child_set_preferred_name (child, "আয়েশা");
  trellis_child_set_date_of_birth (child, dob);
  trellis_child_set_gender (child, "Female");
  trellis_child_set_first_language (child, "Bengali");
  trellis_child_set_religion (child, "Muslim");
  trellis_child_set_legal_status (child, TRELLIS_LEGAL_STATUS_ACCOMMODATED);
  trellis_child_set_placing_authority (child, "London Borough of Tower Hamlets");
  trellis_child_set_admission_date (child, admitted);
  trellis_child_set_leaving_date (child, leaving);
  trellis_child_set_photo (child, photo);
  trellis_child_set_link_worker (child, 7, "Priya Sharma");
  return child;
}

/* One record of each kind, every field holding something */
static GPtrArray *
make_records (void)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) start = date (2024, 9, 2);
  g_autoptr(GDateTime) end = date (2025, 1, 6);
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 2, 27, 14, 5, 9.25);
  TrellisStaff *staff = trellis_staff_new (7, "psharma", "Priya Sharma", TRELLIS_ROLE_MANAGER,
                                           FALSE);

  trellis_staff_set_locked (staff, TRUE);
  g_ptr_array_add (records, make_child (end));
  g_ptr_array_add (records, staff);
  g_ptr_array_add (records, trellis_assignment_new (5, 42, 7, "Priya Sharma", start, end,
                                                    TRELLIS_CHANGE_REASON_CHILD_REQUEST,
                                                    "Asked for a woman"));
  g_ptr_array_add (records, trellis_audit_entry_new (9, at, "Joanne Mensah", "edit-child", 42,
                                                     "Ayesha Rahman", "given-name,religion",
                                                     "Priya Sharma"));
  g_ptr_array_add (records, trellis_home_new ("Oak House – Tŷ Derw", TRUE));
  return records;
}

/* What each record's JSON leaves out, on purpose: a property that goes missing from the JSON
 * without being added here fails the test. */
static const struct {
  const char *type;
  const char *left_out[8];
  const char *extra[4];      /* members worked out from the record, not properties */
} expected[] = {
  { "TrellisChild", { "version", "photo", "link-worker-id", "display-name" },
    { "age", "has_left", "link_worker_until" } },
  { "TrellisStaff", { NULL } },
  { "TrellisAssignment", { "id", "child-id", "staff-id", "note" } },
  { "TrellisAuditEntry", { "child-name", "subject-name" } },
  { "TrellisHome", { NULL } },
};

static guint
expected_for (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].type, g_type_name (type)))
      return i;
  g_assert_not_reached ();
}

/* The member holds the property's value: the same string, number, truth, enum nick, day or
 * moment. */
static void
assert_member_is_property (JsonObject *object,
                           const char *member,
                           GObject    *record,
                           GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (record, pspec->name, &value);

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      g_assert_cmpstr (json_node_get_string (node), ==, g_value_get_string (&value));
      break;
    case G_TYPE_BOOLEAN:
      g_assert_cmpint (json_node_get_boolean (node), ==, g_value_get_boolean (&value));
      break;
    case G_TYPE_INT:
      g_assert_cmpint (json_node_get_int (node), ==, g_value_get_int (&value));
      break;
    case G_TYPE_INT64:
      g_assert_cmpint (json_node_get_int (node), ==, g_value_get_int64 (&value));
      break;
    case G_TYPE_ENUM:
      g_assert_cmpint (trellis_enum_from_nick (pspec->value_type, json_node_get_string (node)),
                       ==, g_value_get_enum (&value));
      break;
    default:
      {
        GDateTime *expected_date = g_value_get_boxed (&value);
        const char *text = json_node_get_string (node);
        g_autoptr(GDateTime) read = NULL;

        g_assert_true (pspec->value_type == G_TYPE_DATE_TIME);
        if (expected_date == NULL)
          {
            g_assert_true (JSON_NODE_HOLDS_NULL (node));
            break;
          }
        g_assert_nonnull (text);
        /* a day, or a moment (the audit's "at") with its time and offset */
        read = strlen (text) == 10 ? trellis_date_from_iso (text)
                                   : g_date_time_new_from_iso8601 (text, NULL);
        g_assert_nonnull (read);
        if (strlen (text) == 10)
          {
            g_autofree char *iso = trellis_date_to_iso (expected_date);

            g_assert_cmpstr (text, ==, iso);
          }
        else
          g_assert_true (g_date_time_equal (read, expected_date));
      }
      break;
    }
}

static void
test_every_property (void)
{
  g_autoptr(GPtrArray) records = make_records ();

  for (guint r = 0; r < records->len; r++)
    {
      GObject *record = records->pdata[r];
      GType type = G_OBJECT_TYPE (record);
      guint e = expected_for (type);
      g_autofree char *text = write_document (write_record, record);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object = parse_object (text, parser);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs = 0;
      guint n_members = 0;

      g_test_message ("%s: %s", g_type_name (type), text);
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
      g_assert_cmpuint (n_pspecs, >, 0);
      for (guint i = 0; i < n_pspecs; i++)
        {
          g_autofree char *member = trellis_json_writer_dup_member_name (type, pspecs[i]->name);
          gboolean left_out = g_strv_contains (expected[e].left_out, pspecs[i]->name);

          if (left_out)
            {
              g_assert_null (member);
              continue;
            }
          g_assert_nonnull (member);
          assert_member_is_property (object, member, record, pspecs[i]);
          n_members++;
        }
      for (guint i = 0; expected[e].extra[i] != NULL; i++)
        {
          g_assert_true (json_object_has_member (object, expected[e].extra[i]));
          n_members++;
        }
      /* nothing else, and every property left out is one there is */
      g_assert_cmpuint (json_object_get_size (object), ==, n_members);
      for (guint i = 0; expected[e].left_out[i] != NULL; i++)
        g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                                        expected[e].left_out[i]));
    }
}

/* ---- a child, as scripts read one -------------------------------------------------------- */

static void
test_child (void)
{
  g_autoptr(GDateTime) left = date (2026, 1, 31);
  g_autoptr(TrellisChild) child = make_child (left);
  g_autofree char *text = write_document (write_record, child);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = parse_object (text, parser);
  g_autoptr(GList) members = json_object_get_members (object);
  const char *order[] = {
    "id", "given_name", "family_name", "preferred_name", "date_of_birth", "age", "gender",
    "first_language", "religion", "legal_status", "placing_authority", "admission_date",
    "leaving_date", "has_left", "allergies", "medication", "link_worker", "link_worker_until",
    NULL
  };
  guint i = 0;

  /* the fields and their order that trellisctl --help documents */
  for (GList *l = members; l != NULL; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, order[i]);
  g_assert_null (order[i]);

  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 42);
  g_assert_cmpstr (json_object_get_string_member (object, "given_name"), ==, "Ayesha \"Ash\"");
  g_assert_cmpstr (json_object_get_string_member (object, "preferred_name"), ==, "আয়েশা");
  g_assert_cmpstr (json_object_get_string_member (object, "date_of_birth"), ==, "2012-03-14");
  g_assert_cmpstr (json_object_get_string_member (object, "legal_status"), ==, "accommodated");
  /* counted at the writer's day, 1 March 2026 */
  g_assert_cmpint (json_object_get_int_member (object, "age"), ==, 13);
  g_assert_true (json_object_get_boolean_member (object, "has_left"));
  g_assert_cmpstr (json_object_get_string_member (object, "link_worker"), ==, "Priya Sharma");
  g_assert_cmpstr (json_object_get_string_member (object, "link_worker_until"), ==,
                   "2026-01-31");
}

static void
test_child_placed (void)
{
  g_autoptr(TrellisChild) child = make_child (NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  trellis_child_set_link_worker (child, 0, NULL);
  text = write_document (write_record, child);
  object = parse_object (text, parser);
  g_assert_true (json_object_get_null_member (object, "leaving_date"));
  g_assert_false (json_object_get_boolean_member (object, "has_left"));
  g_assert_true (json_object_get_null_member (object, "link_worker"));
  g_assert_true (json_object_get_null_member (object, "link_worker_until"));
}

/* An audit row about no child says null, not child 0 */
static void
test_audit_without_child (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 2, 27, 9, 0, 0);
  g_autoptr(TrellisAuditEntry) entry = trellis_audit_entry_new (3, at, "", "sign-in-failed", 0,
                                                                "", "nobody", "");
  g_autofree char *text = write_document (write_record, entry);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = parse_object (text, parser);

  g_assert_true (json_object_get_null_member (object, "child_id"));
  g_assert_cmpstr (json_object_get_string_member (object, "at"), ==, "2026-02-27T09:00:00Z");
}

/* ---- a type the writer has never seen ------------------------------------------------- */

#define TEST_TYPE_RECORD (test_record_get_type ())
G_DECLARE_FINAL_TYPE (TestRecord, test_record, TEST, RECORD, GObject)

struct _TestRecord
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TestRecord, test_record, G_TYPE_OBJECT)

enum { PROP_0, PROP_SHOE_SIZE, PROP_NICKNAME, PROP_ROLE, PROP_KEEN, PROP_SEEN_ON };

static void
test_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  g_autoptr(GDateTime) seen = NULL;

  switch (prop_id)
    {
    case PROP_SHOE_SIZE: g_value_set_uint (value, 5); break;
    case PROP_NICKNAME: g_value_set_string (value, "Jo"); break;
    case PROP_ROLE: g_value_set_enum (value, TRELLIS_ROLE_VISITOR); break;
    case PROP_KEEN: g_value_set_boolean (value, TRUE); break;
    case PROP_SEEN_ON:
      seen = trellis_date_new (2025, 12, 24);
      g_value_set_boxed (value, seen);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_record_class_init (TestRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = test_record_get_property;
  /* installed one at a time, not in name order, to show the order is the class's */
  g_object_class_install_property (object_class, PROP_SHOE_SIZE,
    g_param_spec_uint ("shoe-size", NULL, NULL, 0, 60, 0, ro));
  g_object_class_install_property (object_class, PROP_NICKNAME,
    g_param_spec_string ("nickname", NULL, NULL, NULL, ro));
  g_object_class_install_property (object_class, PROP_ROLE,
    g_param_spec_enum ("role", NULL, NULL, TRELLIS_TYPE_ROLE, TRELLIS_ROLE_STAFF, ro));
  g_object_class_install_property (object_class, PROP_KEEN,
    g_param_spec_boolean ("keen", NULL, NULL, FALSE, ro));
  g_object_class_install_property (object_class, PROP_SEEN_ON,
    g_param_spec_boxed ("seen-on", NULL, NULL, G_TYPE_DATE_TIME, ro));
}

static void
test_record_init (TestRecord *self)
{
}

static void
test_new_type (void)
{
  g_autoptr(TestRecord) record = g_object_new (TEST_TYPE_RECORD, NULL);
  g_autofree char *text = write_document (write_record, record);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"shoe_size\" : 5,\n"
                   "  \"nickname\" : \"Jo\",\n"
                   "  \"role\" : \"visitor\",\n"
                   "  \"keen\" : true,\n"
                   "  \"seen_on\" : \"2025-12-24\"\n"
                   "}\n");
}

/* ---- a row at a time --------------------------------------------------------------------- */

static void
test_streams (void)
{
  g_autoptr(GListStore) children = g_list_store_new (TRELLIS_TYPE_CHILD);
  g_autoptr(GDateTime) today = trellis_date_new (2026, 3, 1);
  Collected collected = { g_string_new (NULL), 0, 0 };
  g_autoptr(TrellisJsonWriter) writer = trellis_json_writer_new (today, collect, &collected);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(TrellisJsonWriter) to_stream = trellis_json_writer_new_for_stream (today, stream);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(TrellisChild) child = make_child (NULL);

      trellis_child_set_id (child, i + 1);
      g_list_store_append (children, child);
    }

  trellis_json_writer_add_record_list (writer, G_LIST_MODEL (children));
  g_assert_true (trellis_json_writer_finish (writer, &error));
  g_assert_no_error (error);
  /* about 2 MB, handed on in pieces of a few rows rather than held whole */
  g_assert_cmpuint (collected.text->len, >, 1000000);
  g_assert_cmpuint (collected.pieces, >, 50);
  g_assert_cmpuint (collected.longest, <, 32768);

  g_assert_true (json_parser_load_from_data (parser, collected.text->str, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 3000);

  /* the same document through a stream, as an export writes it */
  trellis_json_writer_add_record_list (to_stream, G_LIST_MODEL (children));
  g_assert_true (trellis_json_writer_finish (to_stream, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  whole = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                    ==, collected.text->len);
  g_assert_true (memcmp (whole, collected.text->str, collected.text->len) == 0);
  g_string_free (collected.text, TRUE);
}

static gboolean
refuse (const char  *text,
        gsize        length,
        gpointer     user_data,
        GError     **error)
{
  guint *calls = user_data;

  (*calls)++;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The disc is full");
  return FALSE;
}

/* A piece that cannot be written stops the writing and is reported once, at the end */
static void
test_write_error (void)
{
  g_autoptr(GListStore) children = g_list_store_new (TRELLIS_TYPE_CHILD);
  guint calls = 0;
  g_autoptr(TrellisJsonWriter) writer = trellis_json_writer_new (NULL, refuse, &calls);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(TrellisChild) child = make_child (NULL);

      g_list_store_append (children, child);
    }
  trellis_json_writer_add_record_list (writer, G_LIST_MODEL (children));
  g_assert_false (trellis_json_writer_finish (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (calls, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/layout", test_layout);
  g_test_add_func ("/json-writer/control-characters", test_control_characters);
  g_test_add_func ("/json-writer/every-property", test_every_property);
  g_test_add_func ("/json-writer/child", test_child);
  g_test_add_func ("/json-writer/child-placed", test_child_placed);
  g_test_add_func ("/json-writer/audit-without-child", test_audit_without_child);
  g_test_add_func ("/json-writer/new-type", test_new_type);
  g_test_add_func ("/json-writer/streams", test_streams);
  g_test_add_func ("/json-writer/write-error", test_write_error);

  return g_test_run ();
}
