/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-preferences-window.h: the home's settings, changeable by those allowed to
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PREFERENCES_WINDOW (trellis_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPreferencesWindow, trellis_preferences_window, TRELLIS,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

TrellisPreferencesWindow *trellis_preferences_window_new            (GtkWindow                *parent,
                                                                     TrellisContext           *context);
gboolean                  trellis_preferences_window_can_change     (TrellisPreferencesWindow *self);
guint                     trellis_preferences_window_get_idle_lock  (TrellisPreferencesWindow *self);
gboolean                  trellis_preferences_window_set_idle_lock  (TrellisPreferencesWindow *self,
                                                                     guint                     minutes,
                                                                     GError                  **error);
const char               *trellis_preferences_window_get_note       (TrellisPreferencesWindow *self);

G_END_DECLS
