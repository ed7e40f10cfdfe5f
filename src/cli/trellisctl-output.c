/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-output.c: JSON and padded text, the two shapes trellisctl prints records in
 *
 * The JSON field names are documented in “trellisctl --help” and scripts rely on them.
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include "trellisctl-private.h"

void
trellisctl_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
trellisctl_json_add_date (JsonBuilder *builder,
                          const char  *name,
                          GDateTime   *date)
{
  g_autofree char *iso = trellis_date_to_iso (date);

  trellisctl_json_add_string (builder, name, iso);
}

void
trellisctl_json_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Begins a child's object and leaves it open, for “child” to add the Link Worker history. */
void
trellisctl_json_begin_child (JsonBuilder  *builder,
                             TrellisChild *child,
                             GDateTime    *today)
{
  gboolean placed = trellis_child_is_placed (child, today);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, trellis_child_get_id (child));
  trellisctl_json_add_string (builder, "given_name", trellis_child_get_given_name (child));
  trellisctl_json_add_string (builder, "family_name", trellis_child_get_family_name (child));
  trellisctl_json_add_string (builder, "preferred_name",
                              trellis_child_get_preferred_name (child));
  trellisctl_json_add_date (builder, "date_of_birth", trellis_child_get_date_of_birth (child));
  json_builder_set_member_name (builder, "age");
  json_builder_add_int_value (builder, trellis_child_get_age (child, today));
  trellisctl_json_add_string (builder, "gender", trellis_child_get_gender (child));
  trellisctl_json_add_string (builder, "first_language",
                              trellis_child_get_first_language (child));
  trellisctl_json_add_string (builder, "religion", trellis_child_get_religion (child));
  trellisctl_json_add_string (builder, "legal_status",
                              trellis_enum_to_nick (TRELLIS_TYPE_LEGAL_STATUS,
                                                    trellis_child_get_legal_status (child)));
  trellisctl_json_add_string (builder, "placing_authority",
                              trellis_child_get_placing_authority (child));
  trellisctl_json_add_date (builder, "admission_date", trellis_child_get_admission_date (child));
  trellisctl_json_add_date (builder, "leaving_date", trellis_child_get_leaving_date (child));
  json_builder_set_member_name (builder, "has_left");
  json_builder_add_boolean_value (builder, !placed);
  trellisctl_json_add_string (builder, "link_worker", trellis_child_get_link_worker_name (child));
  trellisctl_json_add_date (builder, "link_worker_until",
                            placed ? NULL : trellis_child_get_leaving_date (child));
}

/* Pads to a width in characters, not bytes, so names in any script line up. */
void
trellisctl_append_padded (GString    *line,
                          const char *text,
                          guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}
