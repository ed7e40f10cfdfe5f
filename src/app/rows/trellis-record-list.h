/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-record-list.h: a boxed list showing one row per record the store listed
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GListStore *trellis_record_list_show (GtkListBox                 *list,
                                      const char                 *accessible_name,
                                      GType                       item_type,
                                      GListModel                 *records,
                                      GtkListBoxCreateWidgetFunc  create_row,
                                      gpointer                    user_data);

G_END_DECLS
