/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window-private.h: what the window tests look at
 */
#pragma once

#include "trellis-child-editor.h"
#include "trellis-child-page.h"
#include "trellis-sign-in-page.h"
#include "trellis-window.h"

G_BEGIN_DECLS

const char         *trellis_window_get_visible_page  (TrellisWindow *self);
TrellisChildPage   *trellis_window_get_child_page    (TrellisWindow *self);
GListModel         *trellis_window_get_children      (TrellisWindow *self);
TrellisChildEditor *trellis_window_edit_child        (TrellisWindow *self);
TrellisStore       *trellis_window_get_store         (TrellisWindow *self);
TrellisStaff       *trellis_window_get_actor         (TrellisWindow *self);
void                trellis_window_set_search        (TrellisWindow *self,
                                                      const char    *text);
gboolean            trellis_window_create_home       (TrellisWindow *self,
                                                      const char    *path,
                                                      GError       **error);
void                trellis_window_set_create_fields (TrellisWindow *self,
                                                      const char    *home_name,
                                                      const char    *admin_name,
                                                      const char    *username,
                                                      const char    *password,
                                                      const char    *confirm);
const char         *trellis_window_get_welcome_error (TrellisWindow *self);
TrellisSignInPage  *trellis_window_get_sign_in_page  (TrellisWindow *self);
gboolean            trellis_window_action_enabled    (TrellisWindow *self,
                                                      const char    *action);
void                trellis_window_dismiss_toast     (TrellisWindow *self);
void                trellis_window_check_idle        (TrellisWindow *self,
                                                      int            seconds_since_use);
void                trellis_window_export_pdf        (TrellisWindow *self,
                                                      const char    *path);

G_END_DECLS
