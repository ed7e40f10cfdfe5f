/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-application.h: the Trellis application
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_APPLICATION (trellis_application_get_type ())
G_DECLARE_FINAL_TYPE (TrellisApplication, trellis_application, TRELLIS, APPLICATION,
                      AdwApplication)

typedef struct
{
  const char *action;
  const char *accels[3];
} TrellisAccels;

TrellisApplication *trellis_application_new          (void);
GSettings          *trellis_application_get_settings (TrellisApplication *self);
char               *trellis_application_dup_data_path (const char        *name);
const TrellisAccels *trellis_application_get_accels   (guint             *n_accels);

G_END_DECLS
