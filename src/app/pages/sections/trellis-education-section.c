/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-education-section.c: a child's school, attendance and the rest of their education
 *
 * The school the child is at now and their year group (with the schools before, kept), their
 * special educational needs, attendance in the latest terms ("Persistent absence" beside a
 * term below 90 %), exclusions, the latest homework and reading notes, and school events and
 * parents' evenings with who attended. Add… (child.record-education) shows to those who may
 * record: the child's Link Worker and Managers.
 */
#define G_LOG_DOMAIN "trellis-education-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-education-section.h"

/* How many of the latest terms, notes and events the page shows; trellisctl and the
 * printed file have the rest */
#define SHOWN_LATEST 3

struct _TrellisEducationSection
{
  TrellisChildSection  parent_instance;

  GPtrArray           *rows;     /* shown now, top to bottom */
  GHashTable          *values;   /* field name → what a row shows: for the tests */
};

G_DEFINE_FINAL_TYPE (TrellisEducationSection, trellis_education_section,
                     TRELLIS_TYPE_CHILD_SECTION)

static void
trellis_education_section_clear (TrellisChildSection *section)
{
  TrellisEducationSection *self = TRELLIS_EDUCATION_SECTION (section);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->values);
}

/* A row titled @title showing @subtitle, known to the tests as @field; with a badge when
 * @badge is given. */
static void
add_row (TrellisEducationSection *self,
         const char              *field,
         const char              *title,
         const char              *subtitle,
         const char              *badge)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (badge != NULL)
    {
      GtkWidget *label = gtk_label_new (badge);
      g_autofree char *key = g_strconcat (field, "-badge", NULL);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      g_hash_table_insert (self->values, g_steal_pointer (&key), g_strdup (badge));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  g_hash_table_insert (self->values, g_strdup (field), g_strdup (subtitle));
}

/* "Summary · 14 October 2026" */
static char *
dated_summary (TrellisEducationRecord *record)
{
  g_autofree char *summary = trellis_education_record_dup_summary (record);
  g_autofree char *day = trellis_date_format (trellis_education_record_get_date (record));

  /* Translators: "Suspension · 2 days · Fighting · 14 October 2026" */
  return g_strdup_printf (_("%s · %s"), summary, day);
}

static void
show_school (TrellisEducationSection *self,
             GPtrArray               *schools)
{
  g_autoptr(GString) before = g_string_new (NULL);
  g_autofree char *now = NULL;

  if (schools->len == 0)
    {
      add_row (self, "school", _("School"), _("Not recorded"), NULL);
      return;
    }
  {
    g_autofree char *summary = trellis_education_record_dup_summary (schools->pdata[0]);
    g_autofree char *since = trellis_date_format (
      trellis_education_record_get_date (schools->pdata[0]));

    /* Translators: "Riverside School · Year 9 · since 2 November 2026" */
    now = g_strdup_printf (_("%s · since %s"), summary, since);
  }
  add_row (self, "school", _("School"), now, NULL);
  /* a change of school or of year group keeps the one before, shown here */
  for (guint i = 1; i < schools->len; i++)
    {
      g_autofree char *summary = dated_summary (schools->pdata[i]);

      if (before->len > 0)
        g_string_append (before, "; ");
      g_string_append (before, summary);
    }
  if (before->len > 0)
    add_row (self, "previous-schools", _("Earlier school years"), before->str, NULL);
}

/* The newest record of each term, newest term first (records come newest first) */
static void
show_attendance (TrellisEducationSection *self,
                 GPtrArray               *attendance)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint shown = 0;

  for (guint i = 0; i < attendance->len && shown < SHOWN_LATEST; i++)
    {
      TrellisEducationRecord *r = attendance->pdata[i];
      const char *term = trellis_education_record_get_title (r);
      g_autofree char *summary = NULL;
      g_autofree char *title = NULL;
      g_autofree char *field = NULL;
      guint possible = trellis_education_record_get_possible (r);
      guint attended = trellis_education_record_get_attended (r);

      if (!g_hash_table_add (seen, (gpointer) term))
        continue;
      summary = trellis_education_record_dup_summary (r);
      /* Translators: "Attendance, Autumn 2026" */
      title = g_strdup_printf (_("Attendance, %s"), term);
      field = g_strdup_printf ("attendance-%u", shown++);
      add_row (self, field, title, summary,
               trellis_attendance_is_persistent_absence (possible, attended)
               ? _("Persistent absence") : NULL);
    }
  if (shown == 0)
    add_row (self, "attendance-0", _("Attendance"), _("None recorded"), NULL);
}

/* The latest few of @records, each dated, as one row per record */
static void
show_latest (TrellisEducationSection *self,
             GPtrArray               *records,
             const char              *field,
             const char              *title)
{
  for (guint i = 0; i < records->len && i < SHOWN_LATEST; i++)
    {
      g_autofree char *summary = dated_summary (records->pdata[i]);
      g_autofree char *key = g_strdup_printf ("%s-%u", field, i);

      add_row (self, key, title, summary, NULL);
    }
  if (records->len == 0)
    {
      g_autofree char *key = g_strdup_printf ("%s-0", field);

      add_row (self, key, title, _("None recorded"), NULL);
    }
}

static void
trellis_education_section_read_async (TrellisChildSection *section,
                                      TrellisContext      *context,
                                      TrellisChild        *child,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  trellis_store_list_education_async (trellis_context_get_store (context),
                                      trellis_context_get_actor (context),
                                      trellis_child_get_id (child), cancellable, callback,
                                      user_data);
}

static gboolean
trellis_education_section_show (TrellisChildSection  *section,
                                TrellisContext       *context,
                                TrellisChild         *child,
                                GAsyncResult         *result,
                                GError              **error)
{
  TrellisEducationSection *self = TRELLIS_EDUCATION_SECTION (section);
  g_autoptr(GListModel) records = NULL;
  GPtrArray *by_kind[TRELLIS_EDUCATION_EVENT + 1];

  records = trellis_store_list_education_finish (trellis_context_get_store (context), result,
                                                 error);
  if (records == NULL)
    return FALSE;
  trellis_education_section_clear (section);
  for (guint k = 0; k < G_N_ELEMENTS (by_kind); k++)
    by_kind[k] = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      TrellisEducationRecord *r = g_list_model_get_item (records, i);
      guint kind = trellis_education_record_get_kind (r);

      g_ptr_array_add (by_kind[MIN (kind, G_N_ELEMENTS (by_kind) - 1)], r);
    }

  show_school (self, by_kind[TRELLIS_EDUCATION_SCHOOL]);
  if (by_kind[TRELLIS_EDUCATION_SPECIAL_NEEDS]->len > 0)
    {
      g_autofree char *needs = dated_summary (by_kind[TRELLIS_EDUCATION_SPECIAL_NEEDS]->pdata[0]);
      add_row (self, "special-needs", _("Special educational needs"), needs, NULL);
    }
  else
    add_row (self, "special-needs", _("Special educational needs"), _("Not recorded"), NULL);
  show_attendance (self, by_kind[TRELLIS_EDUCATION_ATTENDANCE]);
  show_latest (self, by_kind[TRELLIS_EDUCATION_EXCLUSION], "exclusion", _("Exclusion"));
  show_latest (self, by_kind[TRELLIS_EDUCATION_SUPPORT], "support", _("Homework and reading"));
  show_latest (self, by_kind[TRELLIS_EDUCATION_EVENT], "event",
               _("School events and parents’ evenings"));

  for (guint k = 0; k < G_N_ELEMENTS (by_kind); k++)
    g_ptr_array_unref (by_kind[k]);
  return TRUE;
}

static const char *
trellis_education_section_get_value (TrellisChildSection *section,
                                     const char          *field)
{
  TrellisEducationSection *self = TRELLIS_EDUCATION_SECTION (section);

  return g_hash_table_lookup (self->values, field);
}

static void
trellis_education_section_finalize (GObject *object)
{
  TrellisEducationSection *self = TRELLIS_EDUCATION_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (trellis_education_section_parent_class)->finalize (object);
}

static void
trellis_education_section_class_init (TrellisEducationSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = trellis_education_section_finalize;
  section_class->read_async = trellis_education_section_read_async;
  section_class->show = trellis_education_section_show;
  section_class->clear = trellis_education_section_clear;
  section_class->get_value = trellis_education_section_get_value;
}

static void
trellis_education_section_init (TrellisEducationSection *self)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("A_dd…"));

  self->rows = g_ptr_array_new ();
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Education"));
  gtk_widget_set_tooltip_text (add, _("Add to the education file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "child.record-education");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  g_object_bind_property (add, "sensitive", add, "visible", G_BINDING_SYNC_CREATE);
}

GtkWidget *
trellis_education_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_EDUCATION_SECTION, NULL);
}
