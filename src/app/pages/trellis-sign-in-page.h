/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sign-in-page.h: choosing who you are, your password, and unlocking
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SIGN_IN_PAGE (trellis_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisSignInPage, trellis_sign_in_page, TRELLIS, SIGN_IN_PAGE, AdwBin)

GtkWidget  *trellis_sign_in_page_new             (void);
void        trellis_sign_in_page_choose          (TrellisSignInPage *self,
                                                  TrellisContext    *context);
void        trellis_sign_in_page_lock            (TrellisSignInPage *self,
                                                  TrellisContext    *context,
                                                  TrellisStaff      *locked_by);
gboolean           trellis_sign_in_page_is_changing   (TrellisSignInPage *self);
gboolean    trellis_sign_in_page_sign_in         (TrellisSignInPage *self,
                                                  const char        *username,
                                                  const char        *password);
gboolean    trellis_sign_in_page_change_password (TrellisSignInPage *self,
                                                  const char        *password,
                                                  const char        *confirm);
void        trellis_sign_in_page_walk_away       (TrellisSignInPage *self);
void        trellis_sign_in_page_forget_home     (TrellisSignInPage *self);
void        trellis_sign_in_page_set_hint        (TrellisSignInPage *self,
                                                  const char        *hint);
const char *trellis_sign_in_page_get_mode        (TrellisSignInPage *self);
const char *trellis_sign_in_page_get_error       (TrellisSignInPage *self);
const char *trellis_sign_in_page_get_title       (TrellisSignInPage *self);
char      **trellis_sign_in_page_dup_people      (TrellisSignInPage *self);
gboolean    trellis_sign_in_page_find            (TrellisSignInPage *self,
                                                  const char        *text);

G_END_DECLS
