/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan-dialog.h: writing a child's plan, and a Manager's approval of it
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CARE_PLAN_DIALOG (trellis_care_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCarePlanDialog, trellis_care_plan_dialog, TRELLIS,
                      CARE_PLAN_DIALOG, AdwWindow)

GtkWindow *trellis_care_plan_dialog_new      (GtkWindow              *parent,
                                              TrellisContext         *context,
                                              TrellisChild           *child,
                                              TrellisCarePlanVersion *plan,
                                              TrellisCarePlanKind     kind);
GtkWindow *trellis_care_plan_dialog_new_plan (GtkWindow              *parent,
                                              TrellisContext         *context,
                                              TrellisChild           *child,
                                              TrellisCarePlanKind     kind);
void       trellis_care_plan_dialog_open     (GtkWindow              *parent,
                                              TrellisContext         *context,
                                              gint64                  plan_id);

/* for the tests */
void       trellis_care_plan_dialog_set_section (TrellisCarePlanDialog *self,
                                                 guint                  index,
                                                 const char            *text);
const char *trellis_care_plan_dialog_get_error  (TrellisCarePlanDialog *self,
                                                 const char            *field);

G_END_DECLS
