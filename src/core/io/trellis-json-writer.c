/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-json-writer.c: records as JSON, from their properties, a row at a time
 *
 * One writer for every JSON Trellis gives out (trellisctl --format json today, the exports
 * next), so a field is named and formatted in one place. A record is written from its
 * GObject properties: the member is the property's name with '-' turned into '_', an enum
 * is its nick, a GDateTime a day ("YYYY-MM-DD"), and a property added to a model type
 * appears without anything written here. The few exceptions each type has (a property
 * left out, renamed, or followed by values worked out from the record) are the tables
 * below.
 *
 * The text is handed on a piece at a time as the document grows, never held whole, so a
 * listing of 50,000 children costs the memory of one. It is laid out the way json-glib's
 * pretty generator lays it out, which is what scripts reading trellisctl have always seen:
 * two spaces a level, "name" : value, [] for an empty array.
 */
#define G_LOG_DOMAIN "trellis-json"

#include "config.h"

#include "trellis-assignment.h"
#include "trellis-audit-entry.h"
#include "trellis-child.h"
#include "trellis-date.h"
#include "trellis-json-writer.h"
#include "trellis-record.h"

/* the size at which the text so far is handed on */
#define CHUNK_SIZE 16384

typedef enum
{
  RULE_LEAVE_OUT    = 1 << 0,
  RULE_TIMESTAMP    = 1 << 1, /* a moment, not a day: ISO 8601 date, time and offset */
  RULE_ZERO_IS_NULL = 1 << 2, /* a reference to another record, where 0 means none */
} RuleFlags;

typedef void (*ExtraFunc) (TrellisJsonWriter *self,
                           GObject           *record);

typedef struct
{
  const char *property;
  const char *member;    /* NULL: the property's own name with '-' as '_' */
  RuleFlags   flags;
  ExtraFunc   then;      /* members worked out from the record, written after this one */
} Rule;

typedef struct
{
  GType       (*get_type) (void);
  const Rule   *rules;
  gsize         n_rules;
} TypeRules;

/* One member of a record as the writer writes it, worked out once per type */
typedef struct
{
  GParamSpec *pspec;
  char       *prefix;    /* the quoted member name and " : " */
  RuleFlags   flags;
  ExtraFunc   then;
} Step;

typedef struct
{
  gboolean object;
  guint    count;        /* members or elements written so far */
} Frame;

struct _TrellisJsonWriter
{
  GObject               parent_instance;

  GDateTime            *today;
  TrellisJsonWriteFunc  func;
  gpointer              user_data;
  GOutputStream        *stream;
  GString              *buffer;
  GArray               *frames;     /* one Frame per open array or object */
  gboolean              named;      /* a member's name is written and waits for its value */
  gboolean              done;       /* the document's one top-level value is complete */
  GHashTable           *plans;      /* GType → GArray of Step */
  GError               *error;      /* the first the write function gave */
};

G_DEFINE_FINAL_TYPE (TrellisJsonWriter, trellis_json_writer, G_TYPE_OBJECT)

static void add_child_age               (TrellisJsonWriter *self, GObject *record);
static void add_child_has_left          (TrellisJsonWriter *self, GObject *record);
static void add_child_link_worker_until (TrellisJsonWriter *self, GObject *record);

/* The names and fields scripts have read since trellisctl's first release (its --help lists
 * them): change them only with a note to the people whose scripts read them. */
static const Rule child_rules[] = {
  { "version", .flags = RULE_LEAVE_OUT },            /* the store's count of edits */
  { "date-of-birth", .then = add_child_age },
  { "leaving-date", .then = add_child_has_left },
  { "photo", .flags = RULE_LEAVE_OUT },              /* an image: a file of its own */
  { "link-worker-id", .flags = RULE_LEAVE_OUT },     /* staff ids are the store's */
  { "link-worker-name", "link_worker", .then = add_child_link_worker_until },
  { "display-name", .flags = RULE_LEAVE_OUT },       /* made from the names above */
};

static const Rule assignment_rules[] = {
  { "id", .flags = RULE_LEAVE_OUT },
  { "child-id", .flags = RULE_LEAVE_OUT },           /* written inside the child */
  { "staff-id", .flags = RULE_LEAVE_OUT },
  { "start-date", "from" },
  { "end-date", "to" },
  { "staff-name", "link_worker" },
  { "note", .flags = RULE_LEAVE_OUT },
};

static const Rule audit_entry_rules[] = {
  { "at", .flags = RULE_TIMESTAMP },
  { "staff-name", "staff" },
  { "child-id", .flags = RULE_ZERO_IS_NULL },
  { "child-name", .flags = RULE_LEAVE_OUT },         /* child_id says which child */
  { "subject-name", .flags = RULE_LEAVE_OUT },       /* the detail holds the username */
};

static const TypeRules type_rules[] = {
  { trellis_child_get_type, child_rules, G_N_ELEMENTS (child_rules) },
  { trellis_assignment_get_type, assignment_rules, G_N_ELEMENTS (assignment_rules) },
  { trellis_audit_entry_get_type, audit_entry_rules, G_N_ELEMENTS (audit_entry_rules) },
};

static const TypeRules *
rules_for_type (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_rules); i++)
    if (type_rules[i].get_type () == type)
      return &type_rules[i];
  return NULL;
}

static const Rule *
find_rule (const TypeRules *rules,
           const char      *property)
{
  for (gsize i = 0; rules != NULL && i < rules->n_rules; i++)
    if (g_str_equal (rules->rules[i].property, property))
      return &rules->rules[i];
  return NULL;
}

static char *
member_from_property (const Rule *rule,
                      const char *property)
{
  if (rule != NULL && (rule->flags & RULE_LEAVE_OUT) != 0)
    return NULL;
  if (rule != NULL && rule->member != NULL)
    return g_strdup (rule->member);
  return g_strdelimit (g_strdup (property), "-", '_');
}

/* As json-glib escapes, but with every control character escaped: json-glib 1.6 passes
 * U+001F through as it is, which no JSON parser accepts. */
static void
append_quoted (GString    *out,
               const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out,
               guint    depth)
{
  static const char spaces[] = "                                ";

  for (guint n = depth * 2; n > 0; n -= MIN (n, sizeof spaces - 1))
    g_string_append_len (out, spaces, MIN (n, sizeof spaces - 1));
}

static void
flush (TrellisJsonWriter *self)
{
  if (self->buffer->len == 0)
    return;
  if (self->error == NULL)
    self->func (self->buffer->str, self->buffer->len, self->user_data, &self->error);
  g_string_truncate (self->buffer, 0);
}

static Frame *
current_frame (TrellisJsonWriter *self)
{
  if (self->frames->len == 0)
    return NULL;
  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

/* The line of the next member or element of @frame */
static void
next_line (TrellisJsonWriter *self,
           Frame             *frame)
{
  g_string_append (self->buffer, frame->count++ > 0 ? ",\n" : "\n");
  append_indent (self->buffer, self->frames->len);
}

/* Where a value goes: after its member's name in an object, on a line of its own in an
 * array, or as the whole document. */
static gboolean
begin_value (TrellisJsonWriter *self)
{
  Frame *frame = current_frame (self);

  if (frame == NULL)
    {
      if (self->done)
        {
          g_critical ("A JSON document holds one value: begin an array for several");
          return FALSE;
        }
      return TRUE;
    }
  if (frame->object)
    {
      if (!self->named)
        {
          g_critical ("A value in a JSON object needs trellis_json_writer_set_member_name()");
          return FALSE;
        }
      self->named = FALSE;
      return TRUE;
    }
  next_line (self, frame);
  return TRUE;
}

static void
end_value (TrellisJsonWriter *self)
{
  if (self->frames->len > 0)
    {
      if (self->buffer->len >= CHUNK_SIZE)
        flush (self);
      return;
    }
  /* a document ends its last line, as text files do */
  g_string_append_c (self->buffer, '\n');
  self->done = TRUE;
  flush (self);
}

static void
begin_container (TrellisJsonWriter *self,
                 gboolean           object)
{
  Frame frame = { object, 0 };

  if (!begin_value (self))
    return;
  g_string_append_c (self->buffer, object ? '{' : '[');
  g_array_append_val (self->frames, frame);
}

static void
end_container (TrellisJsonWriter *self,
               gboolean           object)
{
  Frame *frame = current_frame (self);

  if (frame == NULL || frame->object != object || self->named)
    {
      g_critical ("No JSON %s to end here", object ? "object" : "array");
      return;
    }
  /* json-glib indents the end of an empty object, though not of an empty array */
  if (frame->count > 0)
    g_string_append_c (self->buffer, '\n');
  if (frame->count > 0 || object)
    append_indent (self->buffer, self->frames->len - 1);
  g_array_set_size (self->frames, self->frames->len - 1);
  g_string_append_c (self->buffer, object ? '}' : ']');
  end_value (self);
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_param_spec_unref (step->pspec);
  g_free (step->prefix);
}

static gboolean
can_write (GParamSpec *pspec)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
    case G_TYPE_BOOLEAN:
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_INT64:
    case G_TYPE_ENUM:
      return TRUE;
    default:
      return pspec->value_type == G_TYPE_DATE_TIME;
    }
}

static GArray *
plan_for_type (TrellisJsonWriter *self,
               GType              type)
{
  GArray *plan = g_hash_table_lookup (self->plans, GSIZE_TO_POINTER (type));
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  const TypeRules *rules;
  guint n = 0;

  if (plan != NULL)
    return plan;

  klass = g_type_class_ref (type);
  pspecs = trellis_record_list_properties (type, &n);
  rules = rules_for_type (type);
  plan = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (plan, step_clear);

  for (gsize i = 0; rules != NULL && i < rules->n_rules; i++)
    if (g_object_class_find_property (G_OBJECT_CLASS (klass), rules->rules[i].property) == NULL)
      g_critical ("%s has no property “%s” for its JSON to leave out or rename",
                  g_type_name (type), rules->rules[i].property);

  for (guint i = 0; i < n; i++)
    {
      const Rule *rule = find_rule (rules, pspecs[i]->name);
      g_autofree char *member = member_from_property (rule, pspecs[i]->name);
      Step step = { NULL, };

      if (member == NULL || (pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      /* a new kind of value must be taught here or left out, not quietly dropped */
      if (!can_write (pspecs[i]))
        g_critical ("The JSON of %s cannot hold “%s”, a %s: leave it out or write it",
                    g_type_name (type), pspecs[i]->name, g_type_name (pspecs[i]->value_type));
      step.pspec = g_param_spec_ref (pspecs[i]);
      step.flags = rule != NULL ? rule->flags : 0;
      step.then = rule != NULL ? rule->then : NULL;
      {
        g_autoptr(GString) prefix = g_string_new (NULL);

        append_quoted (prefix, member);
        g_string_append (prefix, " : ");
        step.prefix = g_string_free (g_steal_pointer (&prefix), FALSE);
      }
      g_array_append_val (plan, step);
    }

  g_hash_table_insert (self->plans, GSIZE_TO_POINTER (type), plan);
  return plan;
}

static void
add_int_or_null (TrellisJsonWriter *self,
                 gint64             value,
                 RuleFlags          flags)
{
  if (value == 0 && (flags & RULE_ZERO_IS_NULL) != 0)
    trellis_json_writer_add_null_value (self);
  else
    trellis_json_writer_add_int_value (self, value);
}

/* Bytes (a photo) in a snapshot: upper-case hex, and "" for none, as the versions kept
 * before snapshots were written here (by SQLite's hex()) hold them. */
static void
add_bytes_value (TrellisJsonWriter *self,
                 GBytes            *bytes)
{
  static const char digits[] = "0123456789ABCDEF";
  const guint8 *data;
  gsize size = 0;
  g_autofree char *hex = NULL;

  data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  hex = g_malloc (size * 2 + 1);
  for (gsize i = 0; i < size; i++)
    {
      hex[2 * i] = digits[data[i] >> 4];
      hex[2 * i + 1] = digits[data[i] & 0xf];
    }
  hex[size * 2] = '\0';
  trellis_json_writer_add_string_value (self, hex);
}

static void
add_property_value (TrellisJsonWriter *self,
                    GObject           *record,
                    const Step        *step)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = step->pspec;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (record, pspec->name, &value);

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      trellis_json_writer_add_string_value (self, g_value_get_string (&value));
      break;
    case G_TYPE_BOOLEAN:
      trellis_json_writer_add_boolean_value (self, g_value_get_boolean (&value));
      break;
    case G_TYPE_INT:
      add_int_or_null (self, g_value_get_int (&value), step->flags);
      break;
    case G_TYPE_UINT:
      add_int_or_null (self, g_value_get_uint (&value), step->flags);
      break;
    case G_TYPE_INT64:
      add_int_or_null (self, g_value_get_int64 (&value), step->flags);
      break;
    case G_TYPE_ENUM:
      {
        GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                           g_value_get_enum (&value));

        trellis_json_writer_add_string_value (self, ev != NULL ? ev->value_nick : NULL);
      }
      break;
    default:
      if (pspec->value_type == G_TYPE_DATE_TIME && (step->flags & RULE_TIMESTAMP) != 0)
        {
          GDateTime *at = g_value_get_boxed (&value);
          g_autofree char *iso = at != NULL ? g_date_time_format_iso8601 (at) : NULL;

          trellis_json_writer_add_string_value (self, iso);
        }
      else if (pspec->value_type == G_TYPE_DATE_TIME)
        trellis_json_writer_add_date_value (self, g_value_get_boxed (&value));
      else if (pspec->value_type == G_TYPE_BYTES)
        add_bytes_value (self, g_value_get_boxed (&value));
      else
        trellis_json_writer_add_null_value (self);
      break;
    }
}

static void
add_child_age (TrellisJsonWriter *self,
               GObject           *record)
{
  trellis_json_writer_set_member_name (self, "age");
  trellis_json_writer_add_int_value (self, trellis_child_get_age (TRELLIS_CHILD (record),
                                                                  self->today));
}

/* true once the leaving date has passed */
static void
add_child_has_left (TrellisJsonWriter *self,
                    GObject           *record)
{
  trellis_json_writer_set_member_name (self, "has_left");
  trellis_json_writer_add_boolean_value (self, !trellis_child_is_placed (TRELLIS_CHILD (record),
                                                                         self->today));
}

/* link_worker is the Link Worker a child who has left had then, until this day */
static void
add_child_link_worker_until (TrellisJsonWriter *self,
                             GObject           *record)
{
  TrellisChild *child = TRELLIS_CHILD (record);

  trellis_json_writer_set_member_name (self, "link_worker_until");
  trellis_json_writer_add_date_value (self, trellis_child_is_placed (child, self->today)
                                              ? NULL
                                              : trellis_child_get_leaving_date (child));
}

static gboolean
write_to_stream (const char  *text,
                 gsize        length,
                 gpointer     user_data,
                 GError     **error)
{
  return g_output_stream_write_all (G_OUTPUT_STREAM (user_data), text, length, NULL, NULL,
                                    error);
}

static void
trellis_json_writer_finalize (GObject *object)
{
  TrellisJsonWriter *self = (TrellisJsonWriter *)object;

  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->frames);
  g_hash_table_unref (self->plans);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (trellis_json_writer_parent_class)->finalize (object);
}

static void
trellis_json_writer_class_init (TrellisJsonWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_json_writer_finalize;
}

static void
trellis_json_writer_init (TrellisJsonWriter *self)
{
  self->buffer = g_string_sized_new (CHUNK_SIZE + 4096);
  self->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  self->plans = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
}

/**
 * trellis_json_writer_new:
 * @today: (nullable): the day children's ages and leavings are counted at; %NULL for
 *   trellis_date_today()
 * @func: takes the text a piece at a time, in order
 *
 * A writer for one JSON document.
 */
TrellisJsonWriter *
trellis_json_writer_new (GDateTime            *today,
                         TrellisJsonWriteFunc  func,
                         gpointer              user_data)
{
  TrellisJsonWriter *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_JSON_WRITER, NULL);
  self->today = today != NULL ? g_date_time_ref (today) : trellis_date_today ();
  self->func = func;
  self->user_data = user_data;
  return self;
}

/* A writer for one JSON document written to @stream, for exports. */
TrellisJsonWriter *
trellis_json_writer_new_for_stream (GDateTime     *today,
                                    GOutputStream *stream)
{
  TrellisJsonWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = trellis_json_writer_new (today, write_to_stream, stream);
  self->stream = g_object_ref (stream);
  return self;
}

void
trellis_json_writer_begin_array (TrellisJsonWriter *self)
{
  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  begin_container (self, FALSE);
}

void
trellis_json_writer_end_array (TrellisJsonWriter *self)
{
  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  end_container (self, FALSE);
}

void
trellis_json_writer_begin_object (TrellisJsonWriter *self)
{
  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  begin_container (self, TRUE);
}

void
trellis_json_writer_end_object (TrellisJsonWriter *self)
{
  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  end_container (self, TRUE);
}

/* Names the member of the open object that the next value is. */
void
trellis_json_writer_set_member_name (TrellisJsonWriter *self,
                                     const char        *name)
{
  Frame *frame;

  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  g_return_if_fail (name != NULL);
  frame = current_frame (self);
  g_return_if_fail (frame != NULL && frame->object && !self->named);

  next_line (self, frame);
  append_quoted (self->buffer, name);
  g_string_append (self->buffer, " : ");
  self->named = TRUE;
}

void
trellis_json_writer_add_null_value (TrellisJsonWriter *self)
{
  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  if (!begin_value (self))
    return;
  g_string_append (self->buffer, "null");
  end_value (self);
}

/* A %NULL @value is written as null. */
void
trellis_json_writer_add_string_value (TrellisJsonWriter *self,
                                      const char        *value)
{
  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  if (!begin_value (self))
    return;
  if (value != NULL)
    append_quoted (self->buffer, value);
  else
    g_string_append (self->buffer, "null");
  end_value (self);
}

void
trellis_json_writer_add_int_value (TrellisJsonWriter *self,
                                   gint64             value)
{
  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  if (!begin_value (self))
    return;
  g_string_append_printf (self->buffer, "%" G_GINT64_FORMAT, value);
  end_value (self);
}

void
trellis_json_writer_add_boolean_value (TrellisJsonWriter *self,
                                       gboolean           value)
{
  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  if (!begin_value (self))
    return;
  g_string_append (self->buffer, value ? "true" : "false");
  end_value (self);
}

/* A day as "YYYY-MM-DD", or null. */
void
trellis_json_writer_add_date_value (TrellisJsonWriter *self,
                                    GDateTime         *date)
{
  g_autofree char *iso = trellis_date_to_iso (date);

  trellis_json_writer_add_string_value (self, iso);
}

/**
 * trellis_json_writer_begin_record:
 *
 * Writes @record as a JSON object of its properties and leaves the object open for the
 * caller to add members of its own (a child's Link Worker history, a setting of the home)
 * before trellis_json_writer_end_object().
 */
void
trellis_json_writer_begin_record (TrellisJsonWriter *self,
                                  GObject           *record)
{
  GArray *plan;

  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  g_return_if_fail (G_IS_OBJECT (record));

  plan = plan_for_type (self, G_OBJECT_TYPE (record));
  trellis_json_writer_begin_object (self);
  for (guint i = 0; i < plan->len; i++)
    {
      const Step *step = &g_array_index (plan, Step, i);

      next_line (self, current_frame (self));
      g_string_append (self->buffer, step->prefix);
      self->named = TRUE;
      add_property_value (self, record, step);
      if (step->then != NULL)
        step->then (self, record);
    }
}

void
trellis_json_writer_add_record (TrellisJsonWriter *self,
                                GObject           *record)
{
  trellis_json_writer_begin_record (self, record);
  trellis_json_writer_end_object (self);
}

/**
 * trellis_json_writer_add_record_list:
 *
 * Writes the records of @records as an array, each as it is read: with a lazy list, only one
 * is in memory at a time.
 */
void
trellis_json_writer_add_record_list (TrellisJsonWriter *self,
                                     GListModel        *records)
{
  guint n;

  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  g_return_if_fail (G_IS_LIST_MODEL (records));

  n = g_list_model_get_n_items (records);
  trellis_json_writer_begin_array (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (records, i);

      trellis_json_writer_add_record (self, record);
    }
  trellis_json_writer_end_array (self);
}

/**
 * trellis_json_writer_add_snapshot:
 *
 * Writes the versioned properties of @record (trellis_record_list_versioned()) as a JSON
 * object, the earlier version the store keeps when a person edits it. Unlike
 * trellis_json_writer_add_record() it follows none of the type's rules for scripts: every
 * versioned property is there, under its own name with '-' as '_', and nothing else.
 */
void
trellis_json_writer_add_snapshot (TrellisJsonWriter *self,
                                  GObject           *record)
{
  g_autofree GParamSpec **pspecs = NULL;

  g_return_if_fail (TRELLIS_IS_JSON_WRITER (self));
  g_return_if_fail (G_IS_OBJECT (record));

  pspecs = trellis_record_list_versioned (G_OBJECT_TYPE (record), NULL);
  trellis_json_writer_begin_object (self);
  for (guint i = 0; pspecs[i] != NULL; i++)
    {
      g_autofree char *member = g_strdelimit (g_strdup (pspecs[i]->name), "-", '_');
      Step step = { pspecs[i], NULL, 0, NULL };

      trellis_json_writer_set_member_name (self, member);
      add_property_value (self, record, &step);
    }
  trellis_json_writer_end_object (self);
}

static gboolean
append_to_string (const char  *text,
                  gsize        length,
                  gpointer     user_data,
                  GError     **error)
{
  g_string_append_len (user_data, text, length);
  return TRUE;
}

/**
 * trellis_json_writer_dup_snapshot:
 *
 * trellis_json_writer_add_snapshot() as a document of its own.
 *
 * Returns: (transfer full): the JSON text
 */
char *
trellis_json_writer_dup_snapshot (GObject *record)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TrellisJsonWriter) writer = NULL;

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  writer = trellis_json_writer_new (NULL, append_to_string, text);
  trellis_json_writer_add_snapshot (writer, record);
  if (!trellis_json_writer_finish (writer, NULL))
    g_assert_not_reached ();  /* appending to a string does not fail */
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * trellis_json_writer_finish:
 *
 * Hands on the rest of the document once its top-level value is complete.
 *
 * Returns: %FALSE with the write function's error if any piece could not be written
 */
gboolean
trellis_json_writer_finish (TrellisJsonWriter  *self,
                            GError            **error)
{
  g_return_val_if_fail (TRELLIS_IS_JSON_WRITER (self), FALSE);
  g_return_val_if_fail (self->done && self->frames->len == 0, FALSE);

  flush (self);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * trellis_json_writer_dup_member_name:
 *
 * The member of a record's JSON that holds @property, for tests and documentation.
 *
 * Returns: (transfer full) (nullable): the member's name, or %NULL if the JSON leaves it out
 */
char *
trellis_json_writer_dup_member_name (GType       type,
                                     const char *property)
{
  g_return_val_if_fail (property != NULL, NULL);

  return member_from_property (find_rule (rules_for_type (type), property), property);
}
