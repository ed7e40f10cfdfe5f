/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-create-home-page.h: a new home and its first Administrator
 */
#pragma once

#include <adwaita.h>

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CREATE_HOME_PAGE (trellis_create_home_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCreateHomePage, trellis_create_home_page,
                      TRELLIS, CREATE_HOME_PAGE, AdwBin)

void     trellis_create_home_page_start      (TrellisCreateHomePage *self);
void     trellis_create_home_page_set_fields (TrellisCreateHomePage *self,
                                              const char            *home_name,
                                              const char            *admin_name,
                                              const char            *username,
                                              const char            *password,
                                              const char            *confirm);
gboolean trellis_create_home_page_create     (TrellisCreateHomePage *self,
                                              const char            *path,
                                              GError               **error);
const char *trellis_create_home_page_get_error (TrellisCreateHomePage *self);

G_END_DECLS
