/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plans-section.c: a child's plans, where each stands and when it is reviewed
 *
 * One row for each plan (placement plan, Behaviour Management Plan, each risk assessment,
 * health care plan, Personal Education Plan): its status as a badge, its version, and its
 * review date with "Review due" or "Overdue" beside it when so (rules/trellis-care-plan-rules.c).
 * Activating a row opens the plan; its clock button shows what each version changed. "New
 * plan" offers each kind to those who may write the child's plans: their Link Worker and
 * Managers. The section's own actions (plans.*) open the dialogs, which belong to the window.
 */
#define G_LOG_DOMAIN "trellis-care-plans-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-care-plan-dialog.h"
#include "trellis-care-plan-history.h"
#include "trellis-a11y.h"
#include "trellis-care-plans-section.h"
#include "trellis-menu-button.h"

static const TrellisCarePlanKind kinds[] = {
  TRELLIS_CARE_PLAN_PLACEMENT, TRELLIS_CARE_PLAN_BEHAVIOUR, TRELLIS_CARE_PLAN_RISK,
  TRELLIS_CARE_PLAN_HEALTH, TRELLIS_CARE_PLAN_EDUCATION,
};

struct _TrellisCarePlansSection
{
  TrellisChildSection  parent_instance;

  GtkWidget           *new_button;
  GPtrArray           *rows;        /* the plans' rows, top to bottom */
  GtkWidget           *empty;       /* "No plans yet" */
  GString             *summary;     /* what the rows say, for the tests */

  TrellisContext      *context;     /* of the child shown */
  TrellisChild        *child;
};

G_DEFINE_FINAL_TYPE (TrellisCarePlansSection, trellis_care_plans_section,
                     TRELLIS_TYPE_CHILD_SECTION)

static void
trellis_care_plans_section_clear (TrellisChildSection *section)
{
  TrellisCarePlansSection *self = TRELLIS_CARE_PLANS_SECTION (section);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (self->empty, FALSE);
  g_string_truncate (self->summary, 0);
}

static void
trellis_care_plans_section_read_async (TrellisChildSection *section,
                                       TrellisContext      *context,
                                       TrellisChild        *child,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  trellis_store_list_care_plans_async (trellis_context_get_store (context),
                                       trellis_context_get_actor (context),
                                       TRELLIS_CARE_PLAN_LIST_CHILD, trellis_child_get_id (child),
                                       cancellable, callback, user_data);
}

static GtkWidget *
badge (const char *text,
       const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* The row of @plan: what it is, where it stands, its review */
static GtkWidget *
plan_row (TrellisCarePlansSection *self,
          TrellisCarePlanVersion  *plan,
          GDateTime               *today)
{
  const TrellisCarePlanContent *content = trellis_care_plan_version_get_content (plan);
  TrellisCarePlanStatus status = trellis_care_plan_version_get_status (plan);
  TrellisDueState due = trellis_care_plan_review_state (content->review_on, today);
  g_autofree char *title = trellis_care_plan_version_dup_title (plan);
  g_autofree char *review = content->review_on != NULL ? trellis_date_format (content->review_on)
                                                      : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *target = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *history = gtk_button_new_from_icon_name ("document-open-recent-symbolic");
  const char *due_text = due == TRELLIS_DUE_OVERDUE ? _("Overdue")
                         : due == TRELLIS_DUE_SOON ? _("Review due") : NULL;

  if (review != NULL)
    /* Translators: "Version 3 · Review by 1 March 2027" */
    subtitle = g_strdup_printf (_("Version %u · Review by %s"),
                                trellis_care_plan_version_get_version (plan), review);
  else
    subtitle = g_strdup_printf (_("Version %u · No review date yet"),
                                trellis_care_plan_version_get_version (plan));
  if (content->kind == TRELLIS_CARE_PLAN_RISK && content->risk_level != TRELLIS_RISK_LEVEL_NONE)
    {
      /* Translators: "Version 2 · Review by 1 March 2027 · Risk: High" */
      g_autofree char *with_level = g_strdup_printf (_("%s · Risk: %s"), subtitle,
                                                     trellis_risk_level_to_label (content->risk_level));
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_level);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "plans.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x",
                                    trellis_care_plan_version_get_plan_id (plan));

  if (due_text != NULL && status != TRELLIS_CARE_PLAN_DRAFT)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               badge (due_text, due == TRELLIS_DUE_OVERDUE ? "error" : "warning"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             badge (trellis_care_plan_status_to_label (status),
                                    status == TRELLIS_CARE_PLAN_APPROVED ? "success"
                                    : status == TRELLIS_CARE_PLAN_AWAITING_APPROVAL ? "accent"
                                    : "dim-label"));
  gtk_widget_set_valign (history, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (history, "flat");
  gtk_widget_set_tooltip_text (history, _("Version history"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (history), "plans.history");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (history), "x",
                                    trellis_care_plan_version_get_plan_id (plan));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), history);
  {
    /* the button's name is the history of this plan, not of the row above it */
    g_autofree char *name = g_strdup_printf (_("Version history of %s"), title);
    trellis_a11y_name (history, name);
  }

  g_string_append_printf (self->summary, "%s · %s · %s%s%s\n", title,
                          trellis_care_plan_status_to_label (status), subtitle,
                          due_text != NULL && status != TRELLIS_CARE_PLAN_DRAFT ? " · " : "",
                          due_text != NULL && status != TRELLIS_CARE_PLAN_DRAFT ? due_text : "");
  return row;
}

static gboolean
trellis_care_plans_section_show (TrellisChildSection  *section,
                                 TrellisContext       *context,
                                 TrellisChild         *child,
                                 GAsyncResult         *result,
                                 GError              **error)
{
  TrellisCarePlansSection *self = TRELLIS_CARE_PLANS_SECTION (section);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GListModel) plans = NULL;
  TrellisStaff *actor = trellis_context_get_actor (context);

  plans = trellis_store_list_care_plans_finish (trellis_context_get_store (context), result, error);
  if (plans == NULL)
    return FALSE;
  trellis_care_plans_section_clear (section);
  g_set_object (&self->context, context);
  g_set_object (&self->child, child);
  gtk_widget_set_visible (self->new_button,
                          trellis_permission_allows (actor, TRELLIS_ACTION_EDIT_CHILD,
                                                     trellis_child_get_link_worker_id (child)));

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(TrellisCarePlanVersion) plan = g_list_model_get_item (plans, i);
      GtkWidget *row = plan_row (self, plan, today);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (self->empty, self->rows->len == 0);
  return TRUE;
}

static const char *
trellis_care_plans_section_get_value (TrellisChildSection *section,
                                      const char          *field)
{
  TrellisCarePlansSection *self = TRELLIS_CARE_PLANS_SECTION (section);

  if (g_str_equal (field, "care-plans"))
    return self->summary->str;
  return NULL;
}

static GtkWindow *
parent_window (TrellisCarePlansSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TrellisCarePlansSection *self = TRELLIS_CARE_PLANS_SECTION (widget);
  int kind = trellis_enum_from_nick (TRELLIS_TYPE_CARE_PLAN_KIND,
                                     g_variant_get_string (parameter, NULL));
  GtkWindow *dialog;

  if (self->child == NULL || kind < 0)
    return;
  dialog = trellis_care_plan_dialog_new_plan (parent_window (self), self->context, self->child,
                                              kind);
  gtk_window_present (dialog);
}

static void
open_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TrellisCarePlansSection *self = TRELLIS_CARE_PLANS_SECTION (widget);

  if (self->child == NULL)
    return;
  trellis_care_plan_dialog_open (parent_window (self), self->context,
                                 g_variant_get_int64 (parameter));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrellisCarePlansSection *self = TRELLIS_CARE_PLANS_SECTION (widget);
  GtkWindow *history;

  if (self->child == NULL)
    return;
  history = trellis_care_plan_history_new (parent_window (self), self->context,
                                           g_variant_get_int64 (parameter));
  gtk_window_present (history);
}

static void
trellis_care_plans_section_dispose (GObject *object)
{
  TrellisCarePlansSection *self = TRELLIS_CARE_PLANS_SECTION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->summary != NULL)
    g_string_free (g_steal_pointer (&self->summary), TRUE);

  G_OBJECT_CLASS (trellis_care_plans_section_parent_class)->dispose (object);
}

static void
trellis_care_plans_section_class_init (TrellisCarePlansSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_care_plans_section_dispose;
  section_class->read_async = trellis_care_plans_section_read_async;
  section_class->show = trellis_care_plans_section_show;
  section_class->clear = trellis_care_plans_section_clear;
  section_class->get_value = trellis_care_plans_section_get_value;

  gtk_widget_class_install_action (widget_class, "plans.new", "s", new_plan_action);
  gtk_widget_class_install_action (widget_class, "plans.open", "x", open_plan_action);
  gtk_widget_class_install_action (widget_class, "plans.history", "x", history_action);
}

static void
trellis_care_plans_section_init (TrellisCarePlansSection *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  self->rows = g_ptr_array_new ();
  self->summary = g_string_new (NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Plans"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Each plan is approved by a Manager; every version "
                                           "is kept"));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *action = g_strdup_printf ("plans.new::%s",
                                                 trellis_enum_to_nick (TRELLIS_TYPE_CARE_PLAN_KIND,
                                                                       kinds[i]));
      g_menu_append (menu, trellis_care_plan_kind_to_label (kinds[i]), action);
    }
  self->new_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->new_button), _("_New Plan"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->new_button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->new_button), G_MENU_MODEL (menu));
  trellis_menu_button_close_cleanly (GTK_MENU_BUTTON (self->new_button));
  /* GTK 4.8 names neither a menu button with a label nor the button inside it */
  trellis_a11y_name (self->new_button, _("New Plan"));
  trellis_a11y_name (gtk_widget_get_first_child (self->new_button), _("New Plan"));
  gtk_widget_set_tooltip_text (self->new_button, _("Write a new plan for the child"));
  gtk_widget_set_valign (self->new_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->new_button, "flat");
  gtk_widget_set_visible (self->new_button, FALSE);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->new_button);

  self->empty = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty), _("No plans yet"));
  gtk_widget_set_visible (self->empty, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty);
}

GtkWidget *
trellis_care_plans_section_new (void)
{
  return g_object_new (TRELLIS_TYPE_CARE_PLANS_SECTION, NULL);
}
