/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-error-row.c: what is wrong with the field above it, in the error style
 *
 * The row sits under its field in the same list and shows only while there is a problem.
 * The field is marked too, for the eye (the "error" style) and for a screen reader (invalid,
 * with the problem as its description). Editing the field clears both: a message never
 * stays after the person has started to put it right.
 */
#define G_LOG_DOMAIN "trellis-error-row"

#include "config.h"

#include <string.h>

#include "trellis-error-row.h"

struct _TrellisErrorRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *label;
  GtkWidget         *field;      /* weak */
};

G_DEFINE_FINAL_TYPE (TrellisErrorRow, trellis_error_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * trellis_mark_field:
 * @field: an editable field, such as an #AdwEntryRow
 * @problem: (nullable): what is wrong, or %NULL when nothing is
 *
 * Marks @field as wrong, for the eye and for a screen reader that reaches it.
 */
void
trellis_mark_field (GtkWidget  *field,
                    const char *problem)
{
  GtkAccessible *text;

  g_return_if_fail (GTK_IS_WIDGET (field));

  text = GTK_IS_EDITABLE (field) && gtk_editable_get_delegate (GTK_EDITABLE (field)) != NULL
           ? GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (field)))
           : GTK_ACCESSIBLE (field);

  if (problem != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (text, GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (text, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
on_field_changed_cb (TrellisErrorRow *self)
{
  trellis_error_row_set_message (self, NULL);
}

/* The field is given once, in code or in a template, and the row follows it from then on. */
static void
set_field (TrellisErrorRow *self,
           GtkWidget       *field)
{
  g_assert (self->field == NULL);

  if (field == NULL)
    return;
  g_return_if_fail (GTK_IS_EDITABLE (field));
  g_set_weak_pointer (&self->field, field);
  g_signal_connect_swapped (field, "changed", G_CALLBACK (on_field_changed_cb), self);
}

static void
trellis_error_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisErrorRow *self = TRELLIS_ERROR_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_object (value, self->field);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_error_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrellisErrorRow *self = TRELLIS_ERROR_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      set_field (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_error_row_dispose (GObject *object)
{
  TrellisErrorRow *self = (TrellisErrorRow *)object;

  if (self->field != NULL)
    g_signal_handlers_disconnect_by_data (self->field, self);
  g_clear_weak_pointer (&self->field);

  G_OBJECT_CLASS (trellis_error_row_parent_class)->dispose (object);
}

static void
trellis_error_row_class_init (TrellisErrorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_error_row_dispose;
  object_class->get_property = trellis_error_row_get_property;
  object_class->set_property = trellis_error_row_set_property;

  /**
   * TrellisErrorRow:field:
   *
   * The editable field whose problems the row shows; editing it clears them.
   */
  properties[PROP_FIELD] =
    g_param_spec_object ("field", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_error_row_init (TrellisErrorRow *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->label), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), GTK_WIDGET (self->label));

  /* a message, not a stop for Tab: the field in error is where the keyboard goes */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "error-row");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * trellis_error_row_new:
 * @field: the editable field whose problems this row shows
 */
GtkWidget *
trellis_error_row_new (GtkWidget *field)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (field), NULL);

  return g_object_new (TRELLIS_TYPE_ERROR_ROW, "field", field, NULL);
}

/**
 * trellis_error_row_set_message:
 * @message: (nullable): what is wrong with the field, or %NULL to clear it
 */
void
trellis_error_row_set_message (TrellisErrorRow *self,
                               const char      *message)
{
  g_return_if_fail (TRELLIS_IS_ERROR_ROW (self));

  gtk_label_set_text (self->label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), message != NULL);
  /* the row is what a screen reader lands on: it says the message */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  message != NULL ? message : "", -1);
  if (self->field != NULL)
    trellis_mark_field (self->field, message);
}

/* The message shown, or %NULL when the field is fine. */
const char *
trellis_error_row_get_message (TrellisErrorRow *self)
{
  g_return_val_if_fail (TRELLIS_IS_ERROR_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (self->label) : NULL;
}

/**
 * trellis_error_row_show_refusal:
 * @fields: the form's fields, each with words a refusal about it holds, in the order to try
 * @below: the label under the form, for a refusal about no field shown
 *
 * Shows the store's refusal @message under the first field on screen whose words it holds,
 * and takes the focus there; or in @below, focused, for a screen reader to read.
 */
void
trellis_error_row_show_refusal (const TrellisFieldWords *fields,
                                guint                    n_fields,
                                GtkLabel                *below,
                                const char              *message)
{
  for (guint i = 0; i < n_fields; i++)
    if (strstr (message, fields[i].says) != NULL &&
        gtk_widget_is_visible (GTK_WIDGET (fields[i].field)))
      {
        trellis_error_row_set_message (fields[i].row, message);
        gtk_widget_grab_focus (GTK_WIDGET (fields[i].field));
        return;
      }
  gtk_label_set_text (below, message);
  gtk_widget_set_visible (GTK_WIDGET (below), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (below));
  gtk_label_select_region (below, 0, 0);
}
