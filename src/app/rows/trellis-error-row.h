/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-error-row.h: what is wrong with the field above it, in the error style
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_ERROR_ROW (trellis_error_row_get_type ())
G_DECLARE_FINAL_TYPE (TrellisErrorRow, trellis_error_row, TRELLIS, ERROR_ROW, AdwPreferencesRow)

GtkWidget  *trellis_error_row_new         (GtkWidget       *field);
void        trellis_error_row_set_message (TrellisErrorRow *self,
                                           const char      *message);
const char *trellis_error_row_get_message (TrellisErrorRow *self);
void        trellis_mark_field            (GtkWidget       *field,
                                           const char      *problem);

/* A field of a form, and words the store uses in a refusal about it */
typedef struct
{
  const char      *says;
  TrellisErrorRow *row;
  GtkEditable     *field;
} TrellisFieldWords;

void        trellis_error_row_show_refusal (const TrellisFieldWords *fields,
                                            guint                    n_fields,
                                            GtkLabel                *below,
                                            const char              *message);

G_END_DECLS
