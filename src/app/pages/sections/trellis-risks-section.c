/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-risks-section.c: the risk areas flagged for a child, and Stepping decisions
 *
 * Each area flagged, at its level now (the newest flag) and since when, the level shown with
 * an icon and its word (never colour alone); then the Stepping Up / Stepping Down decisions,
 * newest first, with who decided and why.
 */
#define G_LOG_DOMAIN "trellis-risks-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-risks-section.h"

struct _TrellisRisksSection
{
  TrellisChildSection  parent_instance;

  GtkWidget           *empty;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (TrellisRisksSection, trellis_risks_section, TRELLIS_TYPE_CHILD_SECTION)

static void
remove_rows (TrellisRisksSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
trellis_risks_section_clear (TrellisChildSection *section)
{
  TrellisRisksSection *self = TRELLIS_RISKS_SECTION (section);

  remove_rows (self);
  gtk_widget_set_visible (self->empty, FALSE);
}

static void
trellis_risks_section_read_async (TrellisChildSection *section,
                                  TrellisContext      *context,
                                  TrellisChild        *child,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  trellis_store_list_goals_async (trellis_context_get_store (context),
                                  trellis_context_get_actor (context),
                                  trellis_child_get_id (child), cancellable, callback,
                                  user_data);
}

static GtkWidget *
level_badge (TrellisRiskLevel level)
{
  static const char * const icons[] = {
    [TRELLIS_RISK_LEVEL_LOW] = "emblem-ok-symbolic",
    [TRELLIS_RISK_LEVEL_MEDIUM] = "dialog-information-symbolic",
    [TRELLIS_RISK_LEVEL_HIGH] = "dialog-warning-symbolic",
  };
  static const char * const styles[] = {
    [TRELLIS_RISK_LEVEL_LOW] = "success",
    [TRELLIS_RISK_LEVEL_MEDIUM] = "warning",
    [TRELLIS_RISK_LEVEL_HIGH] = "error",
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[level]);
  /* Translators: a risk level, "High risk" */
  g_autofree char *text = g_strdup_printf (_("%s risk"), trellis_risk_level_to_label (level));
  GtkWidget *label = gtk_label_new (text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_add_css_class (box, styles[level]);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
add_row (TrellisRisksSection *self,
         GtkWidget           *row)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  /* made after the window was tidied: named for screen readers now */
  trellis_a11y_tidy (row);
}

static gboolean
trellis_risks_section_show (TrellisChildSection  *section,
                            TrellisContext       *context,
                            TrellisChild         *child,
                            GAsyncResult         *result,
                            GError              **error)
{
  TrellisRisksSection *self = TRELLIS_RISKS_SECTION (section);
  g_autoptr(GListModel) risks = NULL;
  g_autoptr(GListModel) stepping = NULL;
  TrellisStore *store = trellis_context_get_store (context);
  g_autoptr(GListModel) goals = trellis_store_list_goals_finish (store, result, &risks, &stepping,
                                                                 error);
  gboolean seen[TRELLIS_RISK_AREA_GOING_MISSING + 1] = { FALSE, };

  if (goals == NULL)
    return FALSE;
  remove_rows (self);

  /* newest first: the first flag of each area is its level now */
  for (guint i = 0; i < g_list_model_get_n_items (risks); i++)
    {
      g_autoptr(TrellisRiskFlag) flag = g_list_model_get_item (risks, i);
      TrellisRiskArea area = trellis_risk_flag_get_area (flag);
      g_autofree char *since = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (area > TRELLIS_RISK_AREA_GOING_MISSING || seen[area])
        continue;
      seen[area] = TRUE;
      since = trellis_date_format (trellis_risk_flag_get_flagged_on (flag));
      /* Translators: "Since 2 October 2026 · Amira Haddad" */
      subtitle = g_strdup_printf (_("Since %s · %s"), since,
                                  trellis_risk_flag_get_recorded_by (flag));
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_risk_area_to_label (area));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 level_badge (trellis_risk_flag_get_level (flag)));
      add_row (self, row);
    }

  for (guint i = 0; i < g_list_model_get_n_items (stepping); i++)
    {
      g_autoptr(TrellisSteppingDecision) d = g_list_model_get_item (stepping, i);
      g_autofree char *when = trellis_date_format (trellis_stepping_decision_get_decided_on (d));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      TrellisStepping direction = trellis_stepping_decision_get_direction (d);

      /* Translators: "Stepped up on 20 November 2026" */
      title = g_strdup_printf (_("%s on %s"), trellis_stepping_to_label (direction), when);
      /* Translators: "Team around the child: no missing episodes since October" */
      subtitle = g_strdup_printf (_("%s: %s"), trellis_stepping_decision_get_decided_by (d),
                                  trellis_stepping_decision_get_reason (d));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (direction == TRELLIS_STEPPING_UP
                                                                 ? "go-up-symbolic"
                                                                 : "go-down-symbolic"));
      add_row (self, row);
    }
  gtk_widget_set_visible (self->empty, self->rows->len == 0);
  return TRUE;
}

/* For the tests: a risk area's label gives its row's subtitle and level, "stepping" the
 * newest decision's title */
static const char *
trellis_risks_section_get_value (TrellisChildSection *section,
                                 const char          *field)
{
  TrellisRisksSection *self = TRELLIS_RISKS_SECTION (section);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (self->rows, i);
      const char *title = adw_preferences_row_get_title (row);

      if (g_str_equal (field, title) ||
          (g_str_equal (field, "stepping") && g_str_has_prefix (title, _("Stepped"))))
        return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      if (g_str_equal (field, "stepping-title") && g_str_has_prefix (title, _("Stepped")))
        return title;
    }
  return NULL;
}

static void
trellis_risks_section_dispose (GObject *object)
{
  TrellisRisksSection *self = TRELLIS_RISKS_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_risks_section_parent_class)->dispose (object);
}

static void
trellis_risks_section_class_init (TrellisRisksSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_risks_section_dispose;
  section_class->read_async = trellis_risks_section_read_async;
  section_class->show = trellis_risks_section_show;
  section_class->clear = trellis_risks_section_clear;
  section_class->get_value = trellis_risks_section_get_value;
}

static void
trellis_risks_section_init (TrellisRisksSection *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Risks"));
  self->empty = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty),
                                 _("No risk areas flagged"));
  gtk_widget_set_visible (self->empty, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty);
}

GtkWidget *
trellis_risks_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_RISKS_SECTION, NULL);
}
