/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-checklist-entry.c: one thing a child was given or told, when, and who did it
 *
 * Read-only, made whole by trellis_checklist_entry_new(); the JSON writer writes the
 * properties in this order.
 */
#include "config.h"

#include "trellis-checklist-entry.h"
#include "trellis-enum-types.h"

struct _TrellisChecklistEntry
{
  GObject               parent_instance;

  gint64                id;
  gint64                child_id;
  TrellisChecklistItem  item;
  GDateTime            *done_on;
  char                 *notes;
  char                 *recorded_by;
};

G_DEFINE_FINAL_TYPE (TrellisChecklistEntry, trellis_checklist_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_ITEM,
  PROP_DONE_ON,
  PROP_NOTES,
  PROP_RECORDED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trellis_checklist_entry_finalize (GObject *object)
{
  TrellisChecklistEntry *self = (TrellisChecklistEntry *)object;

  g_clear_pointer (&self->done_on, g_date_time_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->recorded_by, g_free);

  G_OBJECT_CLASS (trellis_checklist_entry_parent_class)->finalize (object);
}

static void
trellis_checklist_entry_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TrellisChecklistEntry *self = TRELLIS_CHECKLIST_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_CHILD_ID: g_value_set_int64 (value, self->child_id); break;
    case PROP_ITEM: g_value_set_enum (value, self->item); break;
    case PROP_DONE_ON: g_value_set_boxed (value, self->done_on); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_RECORDED_BY: g_value_set_string (value, self->recorded_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_checklist_entry_class_init (TrellisChecklistEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trellis_checklist_entry_finalize;
  object_class->get_property = trellis_checklist_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ITEM] =
    g_param_spec_enum ("item", NULL, NULL, TRELLIS_TYPE_CHECKLIST_ITEM,
                       TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE, ro);
  properties[PROP_DONE_ON] = g_param_spec_boxed ("done-on", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", ro);
  properties[PROP_RECORDED_BY] = g_param_spec_string ("recorded-by", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_checklist_entry_init (TrellisChecklistEntry *self)
{
}

TrellisChecklistEntry *
trellis_checklist_entry_new (gint64                id,
                             gint64                child_id,
                             TrellisChecklistItem  item,
                             GDateTime            *done_on,
                             const char           *notes,
                             const char           *recorded_by)
{
  TrellisChecklistEntry *self = g_object_new (TRELLIS_TYPE_CHECKLIST_ENTRY, NULL);

  self->id = id;
  self->child_id = child_id;
  self->item = item;
  self->done_on = done_on != NULL ? g_date_time_ref (done_on) : NULL;
  self->notes = g_strdup (notes != NULL ? notes : "");
  self->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  return self;
}

gint64
trellis_checklist_entry_get_id (TrellisChecklistEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST_ENTRY (self), 0);
  return self->id;
}

gint64
trellis_checklist_entry_get_child_id (TrellisChecklistEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST_ENTRY (self), 0);
  return self->child_id;
}

TrellisChecklistItem
trellis_checklist_entry_get_item (TrellisChecklistEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST_ENTRY (self), TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE);
  return self->item;
}

GDateTime *
trellis_checklist_entry_get_done_on (TrellisChecklistEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST_ENTRY (self), NULL);
  return self->done_on;
}

const char *
trellis_checklist_entry_get_notes (TrellisChecklistEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST_ENTRY (self), NULL);
  return self->notes;
}

const char *
trellis_checklist_entry_get_recorded_by (TrellisChecklistEntry *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHECKLIST_ENTRY (self), NULL);
  return self->recorded_by;
}

TrellisChecklistEntry *
trellis_checklist_entry_find (GListModel           *entries,
                              TrellisChecklistItem  item)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(TrellisChecklistEntry) entry = g_list_model_get_item (entries, i);

      if (entry->item == item)
        return g_steal_pointer (&entry);
    }
  return NULL;
}
