/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-education-dialog.c: adding a record to a child's education file
 *
 * What to record first (a school and year group, a term's attendance, an exclusion, special
 * educational needs, a homework or reading note, a school event or parents' evening); the
 * rows that kind needs then show, titled for it. Record checks dates and numbers under their
 * fields; the store then keeps the record (on its worker) or refuses it, and a refusal goes
 * under the field it is about, keeping the dialog and everything typed, in every row, even
 * those of another kind.
 */
#define G_LOG_DOMAIN "trellis-education-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-education-dialog.h"
#include "trellis-error-row.h"

struct _TrellisEducationDialog
{
  AdwMessageDialog  parent_instance;

  AdwComboRow      *kind_row;
  AdwComboRow      *category_row;
  GtkEditable      *title_row;
  TrellisErrorRow  *title_error;
  AdwComboRow      *year_row;
  GtkEditable      *date_row;
  TrellisErrorRow  *date_error;
  GtkEditable      *possible_row;
  TrellisErrorRow  *possible_error;
  GtkEditable      *attended_row;
  TrellisErrorRow  *attended_error;
  GtkEditable      *days_row;
  TrellisErrorRow  *days_error;
  GtkEditable      *detail_row;
  TrellisErrorRow  *detail_error;
  GtkLabel         *error_label;

  TrellisContext   *context;
  gint64            child_id;
};

G_DEFINE_FINAL_TYPE (TrellisEducationDialog, trellis_education_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* kind_row's choices, in this order */
static const TrellisEducationKind kinds[] = {
  TRELLIS_EDUCATION_SCHOOL, TRELLIS_EDUCATION_ATTENDANCE, TRELLIS_EDUCATION_EXCLUSION,
  TRELLIS_EDUCATION_SPECIAL_NEEDS, TRELLIS_EDUCATION_SUPPORT, TRELLIS_EDUCATION_EVENT,
};

/* Which rows a kind needs, and their titles (NULL: hidden) */
typedef struct
{
  const char *title;
  const char *date;
  const char *detail;
  GType       category;     /* G_TYPE_NONE: hidden */
  gboolean    year;
  gboolean    sessions;
  gboolean    days;
} Form;

static Form
form_for (TrellisEducationKind kind)
{
  const char *date = _("Date (for example 20/11/2026)");
  const char *since = _("From (for example 02/09/2026)");

  switch (kind)
    {
    case TRELLIS_EDUCATION_SCHOOL:
      return (Form) { _("School"), since, NULL, G_TYPE_NONE, TRUE, FALSE, FALSE };
    case TRELLIS_EDUCATION_ATTENDANCE:
      return (Form) { _("Term (for example Autumn 2026)"), NULL, NULL, G_TYPE_NONE, FALSE, TRUE,
                      FALSE };
    case TRELLIS_EDUCATION_EXCLUSION:
      return (Form) { NULL, _("First day (for example 20/11/2026)"), _("Reason"),
                      TRELLIS_TYPE_EXCLUSION_KIND, FALSE, FALSE, TRUE };
    case TRELLIS_EDUCATION_SPECIAL_NEEDS:
      return (Form) { NULL, since, _("Notes (optional)"), TRELLIS_TYPE_SEN_LEVEL, FALSE, FALSE,
                      FALSE };
    case TRELLIS_EDUCATION_SUPPORT:
      return (Form) { NULL, date, _("Note"), TRELLIS_TYPE_SUPPORT_KIND, FALSE, FALSE, FALSE };
    case TRELLIS_EDUCATION_EVENT:
    default:
      return (Form) { _("What (for example Year 9 parents’ evening)"), date,
                      _("Who attended (optional)"), TRELLIS_TYPE_SCHOOL_EVENT_KIND, FALSE, FALSE,
                      FALSE };
    }
}

static const char *
category_label (GType type,
                int   value)
{
  if (type == TRELLIS_TYPE_EXCLUSION_KIND)
    return trellis_exclusion_kind_to_label (value);
  if (type == TRELLIS_TYPE_SEN_LEVEL)
    return trellis_sen_level_to_label (value);
  if (type == TRELLIS_TYPE_SUPPORT_KIND)
    return trellis_support_kind_to_label (value);
  return trellis_school_event_kind_to_label (value);
}

static TrellisEducationKind
selected_kind (TrellisEducationDialog *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return kinds[MIN (i, G_N_ELEMENTS (kinds) - 1)];
}

static void
clear_errors (TrellisEducationDialog *self)
{
  TrellisErrorRow *rows[] = { self->title_error, self->date_error, self->possible_error,
                              self->attended_error, self->days_error, self->detail_error };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    trellis_error_row_set_message (rows[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Shows @row titled @title, or hides it for NULL. An entry row's text keeps the name it
 * was first given, so screen readers are told the new one. */
static void
show_row (gpointer    row,
          const char *title)
{
  gtk_widget_set_visible (GTK_WIDGET (row), title != NULL);
  if (title == NULL)
    return;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (ADW_IS_ENTRY_ROW (row))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (row)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* The rows of the kind chosen, titled for it; what was typed in the others stays */
static void
on_kind_selected_cb (TrellisEducationDialog *self)
{
  Form form = form_for (selected_kind (self));

  clear_errors (self);
  show_row (self->title_row, form.title);
  show_row (self->date_row, form.date);
  show_row (self->detail_row, form.detail);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), form.year);
  gtk_widget_set_visible (GTK_WIDGET (self->possible_row), form.sessions);
  gtk_widget_set_visible (GTK_WIDGET (self->attended_row), form.sessions);
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), form.days);
  gtk_widget_set_visible (GTK_WIDGET (self->category_row), form.category != G_TYPE_NONE);
  if (form.category != G_TYPE_NONE)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      g_autoptr(GEnumClass) klass = g_type_class_ref (form.category);

      for (guint i = 0; i < klass->n_values; i++)
        gtk_string_list_append (labels, category_label (form.category, klass->values[i].value));
      adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
      adw_combo_row_set_selected (self->category_row, 0);
    }
}

/* Shows @message under the field it is about (by the words the store uses), or below the
 * form */
static void
show_error (TrellisEducationDialog *self,
            const char             *message)
{
  const TrellisFieldWords fields[] = {
    { _("sessions attended"), self->attended_error, self->attended_row },
    { _("Sessions attended"), self->attended_error, self->attended_row },
    { _("sessions"), self->possible_error, self->possible_row },
    { _("school days"), self->days_error, self->days_row },
    { _("not a term"), self->title_error, self->title_row },
    { _("the term"), self->title_error, self->title_row },
    { _("name of the school"), self->title_error, self->title_row },
    { _("School"), self->title_error, self->title_row },
    { _("what the event was"), self->title_error, self->title_row },
    { _("Enter the date"), self->date_error, self->date_row },
    { _("in the future"), self->date_error, self->date_row },
    { _("was born"), self->date_error, self->date_row },
    { _("reason"), self->detail_error, self->detail_row },
    { _("Reason"), self->detail_error, self->detail_row },
    { _("Notes"), self->detail_error, self->detail_row },
    { _("Note"), self->detail_error, self->detail_row },
    { _("Who attended"), self->detail_error, self->detail_row },
  };

  trellis_error_row_show_refusal (fields, G_N_ELEMENTS (fields), self->error_label, message);
}

static void
close_dialog (TrellisEducationDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_recorded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TrellisEducationDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_record_education_finish (TRELLIS_STORE (source), result, &error);

  if (self->context == NULL)
    return;   /* closed meanwhile */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", TRUE);
  if (id == 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0);
  close_dialog (self);
}

/* A whole number typed in @field, or FALSE with the reason under it */
static gboolean
read_count (GtkEditable     *field,
            TrellisErrorRow *error_row,
            guint           *value)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (field)));
  guint64 n = 0;

  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &n, NULL))
    {
      *value = n;
      return TRUE;
    }
  trellis_error_row_set_message (error_row, text[0] == '\0' ? _("Enter a number")
                                                            : _("Enter a whole number, such as 120"));
  gtk_widget_grab_focus (GTK_WIDGET (field));
  return FALSE;
}

static void
on_response_cb (TrellisEducationDialog *self,
                const char             *response)
{
  TrellisEducationKind kind = selected_kind (self);
  Form form = form_for (kind);
  g_autoptr(GDateTime) day = NULL;
  TrellisEducationEntry entry = { .kind = kind };

  if (!g_str_equal (response, "record"))
    {
      close_dialog (self);
      return;
    }

  /* keep the dialog, and what was typed, whatever happens next */
  gtk_window_present (GTK_WINDOW (self));
  clear_errors (self);
  if (form.date != NULL)
    {
      g_autoptr(GError) error = NULL;

      day = trellis_date_parse (gtk_editable_get_text (self->date_row), &error);
      if (day == NULL)
        {
          trellis_error_row_set_message (self->date_error, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
          return;
        }
    }
  if ((form.sessions && (!read_count (self->possible_row, self->possible_error, &entry.possible) ||
                         !read_count (self->attended_row, self->attended_error,
                                      &entry.attended))) ||
      (form.days && !read_count (self->days_row, self->days_error, &entry.days)))
    return;
  entry.on_date = day;
  if (form.title != NULL)
    entry.title = gtk_editable_get_text (self->title_row);
  if (form.detail != NULL)
    entry.detail = gtk_editable_get_text (self->detail_row);
  if (form.year)
    entry.year_group = adw_combo_row_get_selected (self->year_row);
  if (form.category != G_TYPE_NONE)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (form.category);
      guint i = adw_combo_row_get_selected (self->category_row);

      entry.category = i < klass->n_values ? klass->values[i].value_nick : NULL;
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", FALSE);
  trellis_store_record_education_async (trellis_context_get_store (self->context),
                                        trellis_context_get_actor (self->context),
                                        self->child_id, &entry, NULL, on_recorded_cb,
                                        g_object_ref (self));
}

static void
trellis_education_dialog_dispose (GObject *object)
{
  TrellisEducationDialog *self = TRELLIS_EDUCATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_EDUCATION_DIALOG);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (trellis_education_dialog_parent_class)->dispose (object);
}

static void
trellis_education_dialog_class_init (TrellisEducationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_education_dialog_dispose;

  /**
   * TrellisEducationDialog::recorded:
   *
   * The store has kept the record; the dialog is about to go.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TRELLIS_TYPE_ERROR_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/dialogs/"
                                               "trellis-education-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TrellisEducationDialog, name)
  BIND (kind_row);
  BIND (category_row);
  BIND (title_row);
  BIND (title_error);
  BIND (year_row);
  BIND (date_row);
  BIND (date_error);
  BIND (possible_row);
  BIND (possible_error);
  BIND (attended_row);
  BIND (attended_error);
  BIND (days_row);
  BIND (days_error);
  BIND (detail_row);
  BIND (detail_error);
  BIND (error_label);
#undef BIND
}

static void
trellis_education_dialog_init (TrellisEducationDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (labels, trellis_education_kind_to_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  for (int i = TRELLIS_YEAR_GROUP_RECEPTION; i <= TRELLIS_YEAR_GROUP_MAX; i++)
    {
      g_autofree char *year = trellis_year_group_format (i);
      gtk_string_list_append (years, year);
    }
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
  g_signal_connect_swapped (self->kind_row, "notify::selected",
                            G_CALLBACK (on_kind_selected_cb), self);
  on_kind_selected_cb (self);
  g_signal_connect (self, "response", G_CALLBACK (on_response_cb), NULL);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
}

/**
 * trellis_education_dialog_new:
 *
 * The dialog to add to @child's education file, as @context's person.
 */
TrellisEducationDialog *
trellis_education_dialog_new (GtkWindow      *parent,
                              TrellisContext *context,
                              TrellisChild   *child)
{
  TrellisEducationDialog *self;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *typed = NULL;
  int year;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  self = g_object_new (TRELLIS_TYPE_EDUCATION_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->child_id = trellis_child_get_id (child);
  name = trellis_child_dup_display_name (child);
  body = g_strdup_printf (_("Something about %s’s school life. It is kept in the file, with "
                            "your name."), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  today = trellis_context_dup_today (context);
  typed = g_date_time_format (today, "%d/%m/%Y");
  gtk_editable_set_text (self->date_row, typed);
  /* the year group their age puts them in, as most children are */
  year = trellis_year_group_for_age (trellis_child_get_date_of_birth (child), today);
  adw_combo_row_set_selected (self->year_row, CLAMP (year, TRELLIS_YEAR_GROUP_RECEPTION,
                                                     TRELLIS_YEAR_GROUP_MAX));
  return self;
}
