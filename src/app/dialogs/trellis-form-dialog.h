/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-form-dialog.h: a short form that records something in a child's file
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_FORM_DIALOG (trellis_form_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisFormDialog, trellis_form_dialog, TRELLIS, FORM_DIALOG,
                      AdwMessageDialog)

/* Called when the person asks to record and every date typed reads as a date: starts the
 * store's call, whose answer goes to trellis_form_dialog_finish(). */
typedef void (*TrellisFormSubmitFunc) (TrellisFormDialog *form,
                                       gpointer           user_data);

TrellisFormDialog *trellis_form_dialog_new        (GtkWindow          *parent,
                                                   const char         *heading,
                                                   const char         *body,
                                                   const char         *submit_label);
AdwComboRow       *trellis_form_dialog_add_choice (TrellisFormDialog  *self,
                                                   const char         *title,
                                                   GListModel         *labels);
GtkEditable       *trellis_form_dialog_add_date   (TrellisFormDialog  *self,
                                                   const char         *title,
                                                   GDateTime          *initial);
GtkEditable       *trellis_form_dialog_add_line   (TrellisFormDialog  *self,
                                                   const char         *title);
GtkTextBuffer     *trellis_form_dialog_add_text   (TrellisFormDialog  *self,
                                                   const char         *title);
void               trellis_form_dialog_set_submit (TrellisFormDialog  *self,
                                                   TrellisFormSubmitFunc func,
                                                   gpointer            user_data,
                                                   GDestroyNotify      destroy);
/* While submitting: the day read from @field */
GDateTime         *trellis_form_dialog_get_date   (TrellisFormDialog  *self,
                                                   GtkEditable        *field);
char              *trellis_form_dialog_dup_text   (GtkTextBuffer      *buffer);
/* The store's answer: %NULL when it kept the record (the dialog says "recorded" and goes),
 * or why not (the dialog stays with everything typed and says why, under the date when the
 * message is about the date typed). */
void               trellis_form_dialog_finish     (TrellisFormDialog  *self,
                                                   const GError       *error);

G_END_DECLS
