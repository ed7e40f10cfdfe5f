/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-home.h: the children's home a database belongs to
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_HOME (trellis_home_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHome, trellis_home, TRELLIS, HOME, GObject)

TrellisHome *trellis_home_new         (const char  *name,
                                       gboolean     is_demo);
const char  *trellis_home_get_name    (TrellisHome *self);
gboolean     trellis_home_get_is_demo (TrellisHome *self);

gboolean     trellis_home_check_name  (const char   *name,
                                       GError      **error);

G_END_DECLS
