/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-welcome-page.h: the first thing a new installation shows
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_WELCOME_PAGE (trellis_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisWelcomePage, trellis_welcome_page, TRELLIS, WELCOME_PAGE, AdwBin)

void        trellis_welcome_page_show_error (TrellisWelcomePage *self,
                                             const char         *message);
const char *trellis_welcome_page_get_error  (TrellisWelcomePage *self);

G_END_DECLS
