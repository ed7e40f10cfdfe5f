/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-json-writer.h: records as JSON, from their properties, a row at a time
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_JSON_WRITER (trellis_json_writer_get_type ())
G_DECLARE_FINAL_TYPE (TrellisJsonWriter, trellis_json_writer, TRELLIS, JSON_WRITER, GObject)

/* Takes the next piece of the document; returns %FALSE with @error to stop the writing. */
typedef gboolean (*TrellisJsonWriteFunc) (const char  *text,
                                          gsize        length,
                                          gpointer     user_data,
                                          GError     **error);

TrellisJsonWriter *trellis_json_writer_new             (GDateTime            *today,
                                                        TrellisJsonWriteFunc  func,
                                                        gpointer              user_data);
TrellisJsonWriter *trellis_json_writer_new_for_stream  (GDateTime            *today,
                                                        GOutputStream        *stream);

void               trellis_json_writer_begin_array     (TrellisJsonWriter    *self);
void               trellis_json_writer_end_array       (TrellisJsonWriter    *self);
void               trellis_json_writer_begin_object    (TrellisJsonWriter    *self);
void               trellis_json_writer_end_object      (TrellisJsonWriter    *self);
void               trellis_json_writer_set_member_name (TrellisJsonWriter    *self,
                                                        const char           *name);
void               trellis_json_writer_add_null_value  (TrellisJsonWriter    *self);
void               trellis_json_writer_add_string_value (TrellisJsonWriter   *self,
                                                         const char          *value);
void               trellis_json_writer_add_int_value   (TrellisJsonWriter    *self,
                                                        gint64                value);
void               trellis_json_writer_add_boolean_value (TrellisJsonWriter  *self,
                                                          gboolean            value);
void               trellis_json_writer_add_date_value  (TrellisJsonWriter    *self,
                                                        GDateTime            *date);

void               trellis_json_writer_begin_record    (TrellisJsonWriter    *self,
                                                        GObject              *record);
void               trellis_json_writer_add_record      (TrellisJsonWriter    *self,
                                                        GObject              *record);
void               trellis_json_writer_add_snapshot    (TrellisJsonWriter    *self,
                                                        GObject              *record);
char              *trellis_json_writer_dup_snapshot    (GObject              *record);
void               trellis_json_writer_add_record_list (TrellisJsonWriter    *self,
                                                        GListModel           *records);

gboolean           trellis_json_writer_finish          (TrellisJsonWriter    *self,
                                                        GError              **error);

char              *trellis_json_writer_dup_member_name (GType                 type,
                                                        const char           *property);

G_END_DECLS
