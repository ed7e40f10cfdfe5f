/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-person-dialog.c: adding someone to a child's network, or changing their details
 *
 * Who they are to the child, the contact arrangement (first, as it matters most), how to
 * reach them (their preferred language and whether an interpreter is needed above the phone
 * number) and their important dates. Save checks the form as the store will
 * (trellis_person_check()) and puts each problem under its field; the store then keeps it
 * on its worker or refuses, and a refusal keeps the dialog and everything typed.
 */
#define G_LOG_DOMAIN "trellis-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-error-row.h"
#include "trellis-person-dialog.h"

/* The text fields, by the person's property names, which are also the template's ids */
static const char * const text_fields[] = {
  "name", "role", "restriction-notes", "child-view", "language", "phone", "email", "address",
  "best-time", "other-date-label",
};
static const char * const date_fields[] = { "birthday", "other-date" };
static const char * const switch_fields[] = {
  "parental-responsibility", "involved", "interpreter",
};
/* the rows under each field, which say what is wrong with it */
static const char * const error_rows[] = {
  "name-error", "role-error", "restriction-notes-error", "child-view-error", "language-error",
  "phone-error", "email-error", "address-error", "best-time-error", "other-date-label-error",
  "birthday-error", "other-date-error",
};

struct _TrellisPersonDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  AdwComboRow     *relationship;
  AdwComboRow     *restriction;
  GtkLabel        *error_label;

  TrellisContext  *context;
  gint64           child_id;
  TrellisPerson   *person;     /* as read: its id and version, or a new one */
  gboolean         saving;
};

G_DEFINE_FINAL_TYPE (TrellisPersonDialog, trellis_person_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
field (TrellisPersonDialog *self,
       const char          *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                    TRELLIS_TYPE_PERSON_DIALOG, name));
}

static TrellisErrorRow *
error_row (TrellisPersonDialog *self,
           const char          *name)
{
  g_autofree char *id = g_strconcat (name, "-error", NULL);
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (self), TRELLIS_TYPE_PERSON_DIALOG,
                                                id);

  return row != NULL ? TRELLIS_ERROR_ROW (row) : NULL;
}

static void
clear_errors (TrellisPersonDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    trellis_error_row_set_message (error_row (self, text_fields[i]), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    trellis_error_row_set_message (error_row (self, date_fields[i]), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* @message under @name's field, and the keyboard there; or below the header without one */
static void
show_error (TrellisPersonDialog *self,
            const char          *name,
            const char          *message)
{
  TrellisErrorRow *row = name != NULL ? error_row (self, name) : NULL;

  if (row != NULL)
    {
      trellis_error_row_set_message (row, message);
      gtk_widget_grab_focus (field (self, name));
      return;
    }
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
  gtk_label_select_region (self->error_label, 0, 0);
}

static void
fill_form (TrellisPersonDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (self->person, text_fields[i], &text, NULL);
      gtk_editable_set_text (GTK_EDITABLE (field (self, text_fields[i])), text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      g_autoptr(GDateTime) date = NULL;
      g_autofree char *text = NULL;

      g_object_get (self->person, date_fields[i], &date, NULL);
      text = date != NULL ? g_date_time_format (date, "%d/%m/%Y") : g_strdup ("");
      gtk_editable_set_text (GTK_EDITABLE (field (self, date_fields[i])), text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (switch_fields); i++)
    {
      gboolean on = FALSE;

      g_object_get (self->person, switch_fields[i], &on, NULL);
      gtk_switch_set_active (GTK_SWITCH (field (self, switch_fields[i])), on);
    }
  adw_combo_row_set_selected (self->relationship, trellis_person_get_relationship (self->person));
  adw_combo_row_set_selected (self->restriction, trellis_person_get_restriction (self->person));
}

/* The form as a person to save, or NULL with the problem shown under its field */
static TrellisPerson *
read_form (TrellisPersonDialog *self)
{
  g_autoptr(TrellisPerson) person = trellis_person_copy (self->person);
  g_autoptr(GDateTime) today = trellis_context_dup_today (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_object_set (person, text_fields[i],
                  gtk_editable_get_text (GTK_EDITABLE (field (self, text_fields[i]))), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                GTK_EDITABLE (field (self, date_fields[i])))));
      g_autoptr(GDateTime) date = NULL;

      if (*text != '\0' && (date = trellis_date_parse (text, &error)) == NULL)
        {
          show_error (self, date_fields[i], error->message);
          return NULL;
        }
      g_object_set (person, date_fields[i], date, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (switch_fields); i++)
    g_object_set (person, switch_fields[i],
                  gtk_switch_get_active (GTK_SWITCH (field (self, switch_fields[i]))), NULL);
  g_object_set (person,
                "relationship", (int) adw_combo_row_get_selected (self->relationship),
                "restriction", (int) adw_combo_row_get_selected (self->restriction),
                NULL);
  if (!trellis_person_check (person, today, &problem, &error))
    {
      show_error (self, problem, error->message);
      return NULL;
    }
  return g_steal_pointer (&person);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TrellisPersonDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_save_person_finish (TRELLIS_STORE (source), result, &error);

  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.save", TRUE);
  if (self->context == NULL)
    return;   /* closed meanwhile */
  if (id == 0)
    {
      show_error (self, NULL, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisPersonDialog *self = TRELLIS_PERSON_DIALOG (widget);
  g_autoptr(TrellisPerson) person = NULL;

  if (self->saving)
    return;
  clear_errors (self);
  person = read_form (self);
  if (person == NULL)
    return;
  self->saving = TRUE;
  gtk_widget_action_set_enabled (widget, "person.save", FALSE);
  trellis_store_save_person_async (trellis_context_get_store (self->context),
                                   trellis_context_get_actor (self->context), self->child_id,
                                   person, NULL, on_saved_cb, g_object_ref (self));
}

static void
trellis_person_dialog_dispose (GObject *object)
{
  TrellisPersonDialog *self = TRELLIS_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_PERSON_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (trellis_person_dialog_parent_class)->dispose (object);
}

static void
trellis_person_dialog_class_init (TrellisPersonDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_person_dialog_dispose;

  /**
   * TrellisPersonDialog::saved:
   * @id: the person's
   *
   * The store has kept the details; the dialog is about to go.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TRELLIS_TYPE_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonDialog, relationship);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonDialog, restriction);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonDialog, error_label);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, text_fields[i], FALSE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, date_fields[i], FALSE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (switch_fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, switch_fields[i], FALSE, 0);
  for (guint i = 0; i < G_N_ELEMENTS (error_rows); i++)
    gtk_widget_class_bind_template_child_full (widget_class, error_rows[i], FALSE, 0);
  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "person.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GListModel *
labels (GType         type,
        const char *(*to_label) (int))
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, to_label (klass->values[i].value));
  return G_LIST_MODEL (list);
}

static const char *
relationship_label (int value)
{
  return trellis_relationship_to_label (value);
}

static const char *
restriction_label (int value)
{
  return trellis_contact_restriction_to_label (value);
}

static void
trellis_person_dialog_init (TrellisPersonDialog *self)
{
  g_autoptr(GListModel) relationships = NULL;
  g_autoptr(GListModel) restrictions = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  relationships = labels (TRELLIS_TYPE_RELATIONSHIP, relationship_label);
  restrictions = labels (TRELLIS_TYPE_CONTACT_RESTRICTION, restriction_label);
  adw_combo_row_set_model (self->relationship, relationships);
  adw_combo_row_set_model (self->restriction, restrictions);
  /* a switch says what it is for: its row's title */
  for (guint i = 0; i < G_N_ELEMENTS (switch_fields); i++)
    {
      GtkWidget *sw = field (self, switch_fields[i]);
      GtkWidget *row = gtk_widget_get_ancestor (sw, ADW_TYPE_PREFERENCES_ROW);

      trellis_a11y_name (sw, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
}

/**
 * trellis_person_dialog_new:
 * @person: (nullable): the person to change, as read; %NULL to add someone
 *
 * The dialog to add someone to @child's network or change their details, as @context's
 * person.
 */
TrellisPersonDialog *
trellis_person_dialog_new (GtkWindow      *parent,
                           TrellisContext *context,
                           TrellisChild   *child,
                           TrellisPerson  *person)
{
  TrellisPersonDialog *self;
  g_autofree char *name = NULL;
  GtkWidget *involved;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  self = g_object_new (TRELLIS_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->child_id = trellis_child_get_id (child);
  self->person = person != NULL ? trellis_person_copy (person) : trellis_person_new ();
  name = trellis_child_dup_display_name (child);
  adw_window_title_set_title (self->window_title, person != NULL ? _("Change Details")
                                                                 : _("Add a Person"));
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), person != NULL ? _("Change Details")
                                                          : _("Add a Person"));
  /* someone new is involved: whether they still are is a question only later */
  involved = gtk_widget_get_ancestor (field (self, "involved"), ADW_TYPE_PREFERENCES_ROW);
  gtk_widget_set_visible (involved, person != NULL);
  fill_form (self);
  gtk_window_set_focus (GTK_WINDOW (self), field (self, "name"));
  return self;
}
