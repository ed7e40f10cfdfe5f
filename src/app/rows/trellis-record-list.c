/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-record-list.c: a boxed list showing one row per record the store listed
 *
 * The audit trail and the staff accounts are both short lists the store reads in one go
 * (the audit trail is capped, a home has few accounts) and shows a row each; this is what
 * they share. The windows keep the records in a list of their own, so one record can be
 * shown afresh where it stands without reading and sorting the rest again.
 */
#define G_LOG_DOMAIN "trellis-record-list"

#include "config.h"

#include "trellis-a11y.h"
#include "trellis-record-list.h"

/**
 * trellis_record_list_show:
 * @list: the list the rows go in
 * @accessible_name: what a screen reader calls the list, kept whatever its rows say
 * @item_type: the type of the records
 * @records: (nullable): what the store listed, or %NULL when it could not list them
 * @create_row: makes the row for one record
 * @user_data: for @create_row
 *
 * Shows @records in @list, a row each. Returns: (transfer full): the records shown, in a
 * list of the caller's own in which one can be replaced where it stands (the row follows).
 */
GListStore *
trellis_record_list_show (GtkListBox                 *list,
                          const char                 *accessible_name,
                          GType                       item_type,
                          GListModel                 *records,
                          GtkListBoxCreateWidgetFunc  create_row,
                          gpointer                    user_data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *shown;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  g_return_val_if_fail (records == NULL || G_IS_LIST_MODEL (records), NULL);

  shown = g_list_store_new (item_type);
  for (guint i = 0; records != NULL && i < g_list_model_get_n_items (records); i++)
    g_ptr_array_add (items, g_list_model_get_item (records, i));
  g_list_store_splice (shown, 0, 0, items->pdata, items->len);

  /* named for good: the accessibility tidy would otherwise name it after its first row */
  trellis_a11y_name (GTK_WIDGET (list), accessible_name);
  gtk_list_box_bind_model (list, G_LIST_MODEL (shown), create_row, user_data, NULL);
  return shown;
}
