/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window.h: the main window
 */
#pragma once

#include <adwaita.h>

#include "trellis-application.h"
#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_WINDOW (trellis_window_get_type ())
G_DECLARE_FINAL_TYPE (TrellisWindow, trellis_window, TRELLIS, WINDOW, AdwApplicationWindow)

TrellisWindow *trellis_window_new          (TrellisApplication *application);
gboolean       trellis_window_open_path    (TrellisWindow      *self,
                                            const char         *path,
                                            gboolean            create);
void           trellis_window_open_store   (TrellisWindow      *self,
                                            TrellisStore       *store);
void           trellis_window_select_child (TrellisWindow      *self,
                                            gint64              child_id);
void           trellis_window_lock         (TrellisWindow      *self);
gboolean       trellis_window_is_locked    (TrellisWindow      *self);
void           trellis_window_sign_out     (TrellisWindow      *self);

G_END_DECLS
