/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-file.c: a child's file — who they are, then its sections
 *
 * The header says who the child is (photo, name, age, where they live, their Link Worker);
 * below it each TrellisChildSection loads and shows one part of the file from the context,
 * on the store's worker: personal details, placement, the Link Worker history, and who
 * opened the record. Opening
 * a child deliberately is audited as a view; showing the same child again after a change
 * is not.
 *
 * What a person can do with the file shown (edit, change the Link Worker, print, export)
 * are the file's own actions, child.*, offered as the signed-in person's role allows for
 * this child (see core/security); each says what was asked with a signal, and the window,
 * which owns the editors, dialogs and the printer, does it. Their keyboard shortcuts work
 * wherever the keyboard is in the window, the children list included.
 */
#define G_LOG_DOMAIN "trellis-child-file"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-a11y.h"
#include "trellis-application.h"
#include "trellis-care-plans-section.h"
#include "trellis-child-audit-section.h"
#include "trellis-child-details-section.h"
#include "trellis-child-file.h"
#include "trellis-child-row.h"
#include "trellis-education-section.h"
#include "trellis-attachments-section.h"
#include "trellis-checklist-section.h"
#include "trellis-people-section.h"
#include "trellis-complaints-section.h"
#include "trellis-goals-section.h"
#include "trellis-health-section.h"
#include "trellis-incidents-section.h"
#include "trellis-link-workers-section.h"
#include "trellis-menu-button.h"
#include "trellis-risks-section.h"

struct _TrellisChildFile
{
  AdwBin               parent_instance;

  /* template widgets */
  AdwWindowTitle      *title;
  GtkMenuButton       *menu_button;
  GtkStack            *stack;
  AdwPreferencesPage  *page;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *age_label;
  GtkLabel            *worker_label;
  GtkLabel            *health_label;
  GtkFlowBox          *jump_box;

  GPtrArray           *sections;      /* TrellisChildSection, top to bottom */
  TrellisChildSection *audit;
  TrellisChildSection *goals;

  /* owned */
  TrellisContext      *context;       /* whose view of the child this is */
  TrellisChild        *child;
  GHashTable          *enabled;       /* the child.* actions on offer now */
  gboolean             folded;
  GCancellable        *cancellable;   /* the child being read on the store's worker */
};

G_DEFINE_FINAL_TYPE (TrellisChildFile, trellis_child_file, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* what a person asked to do with the child shown, one signal per child.* action */
enum {
  EDIT,
  CHANGE_LINK_WORKER,
  RECORD_HEALTH_CHECK,
  RECORD_CHECKLIST,
  RECORD_COMPLAINT,
  ADD_DOCUMENT,
  PRINT,
  EXPORT_PDF,
  ADD_GOAL,
  RECORD_INCIDENT,
  RECORD_APPOINTMENT,
  RECORD_APPOINTMENT_OUTCOME,
  RECORD_EDUCATION,
  N_SIGNALS
};

/* child.rate-goal names the goal: a signal of its own, with the goal's id */
static guint rate_goal_signal;

static guint signals[N_SIGNALS];
static guint record_outcome_signal;
static guint open_attachment_signal;

/* @parameter: the action's parameter type ("x": a record's id, given to the signal), or
 * NULL */
static const struct {
  const char *action;
  const char *signal;
  const char *parameter;
} action_signals[N_SIGNALS] = {
  [EDIT] = { "child.edit", "edit" },
  [CHANGE_LINK_WORKER] = { "child.change-link-worker", "change-link-worker" },
  [RECORD_HEALTH_CHECK] = { "child.record-health-check", "record-health-check" },
  [RECORD_CHECKLIST] = { "child.record-checklist", "record-checklist" },
  [RECORD_COMPLAINT] = { "child.record-complaint", "record-complaint" },
  [ADD_DOCUMENT] = { "child.add-document", "add-document" },
  [PRINT] = { "child.print", "print" },
  [EXPORT_PDF] = { "child.export-pdf", "export-pdf" },
  [ADD_GOAL] = { "child.add-goal", "add-goal" },
  [RECORD_INCIDENT] = { "child.record-incident", "record-incident" },
  [RECORD_APPOINTMENT] = { "child.record-appointment", "record-appointment" },
  [RECORD_APPOINTMENT_OUTCOME] = { "child.record-appointment-outcome",
                                   "record-appointment-outcome", "x" },
  [RECORD_EDUCATION] = { "child.record-education", "record-education" },
};

/* What records in the child's file: who may change the child's details may (the child's
 * Link Worker or a Manager) */
static const char *const record_actions[] = {
  "child.record-health-check", "child.record-appointment", "child.record-appointment-outcome",
  "child.record-education", "child.record-checklist", "child.record-complaint",
  "child.add-document", "child.add-goal", "child.rate-goal", "child.record-incident",
};

static void
set_enabled (TrellisChildFile *self,
             const char       *action,
             gboolean          enabled)
{
  if (enabled)
    g_hash_table_add (self->enabled, (gpointer) action);
  else
    g_hash_table_remove (self->enabled, action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

/* The actions follow the signed-in person's role for this child (the store would refuse
 * the rest anyway), and only while the file is on screen: behind the lock page, or with
 * the list alone in a narrow window, a shortcut does nothing to a child nobody sees. */
static void
update_actions (TrellisChildFile *self)
{
  TrellisStaff *actor = self->context != NULL ? trellis_context_get_actor (self->context) : NULL;
  gboolean shown = self->child != NULL && actor != NULL &&
                   gtk_widget_get_mapped (GTK_WIDGET (self));
  gint64 link_worker = self->child != NULL ? trellis_child_get_link_worker_id (self->child) : 0;

  set_enabled (self, "child.edit",
               shown && trellis_permission_allows (actor, TRELLIS_ACTION_EDIT_CHILD, link_worker));
  set_enabled (self, "child.change-link-worker",
               shown && trellis_permission_allows (actor, TRELLIS_ACTION_ASSIGN_LINK_WORKER, 0));
  for (guint i = 0; i < G_N_ELEMENTS (record_actions); i++)
    set_enabled (self, record_actions[i],
                 shown && trellis_permission_allows (actor, TRELLIS_ACTION_EDIT_CHILD,
                                                     link_worker));
  set_enabled (self, "child.print", shown);
  set_enabled (self, "child.export-pdf", shown);
}

static void
rate_goal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, rate_goal_signal, 0, g_variant_get_int64 (parameter));
}

static void
child_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  for (guint i = 0; i < N_SIGNALS; i++)
    if (g_str_equal (action_name, action_signals[i].action))
      {
        if (action_signals[i].parameter != NULL)
          g_signal_emit (widget, signals[i], 0, g_variant_get_int64 (parameter));
        else
          g_signal_emit (widget, signals[i], 0);
      }
}

/* The application's shortcuts for the child.* actions (one table, which the shortcuts
 * window lists), run on this file wherever the keyboard is in its window: GTK runs an
 * application accelerator on the window, where the file's actions are out of reach. */
static void
add_shortcuts (TrellisChildFile *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const TrellisAccels *accels;
  guint n_accels;

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  accels = trellis_application_get_accels (&n_accels);
  for (guint i = 0; i < n_accels; i++)
    if (g_str_has_prefix (accels[i].action, "child."))
      for (guint j = 0; accels[i].accels[j] != NULL; j++)
        gtk_shortcut_controller_add_shortcut (
          GTK_SHORTCUT_CONTROLLER (controller),
          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accels[i].accels[j]),
                            gtk_named_action_new (accels[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
trellis_child_file_dispose (GObject *object)
{
  TrellisChildFile *self = TRELLIS_CHILD_FILE (object);

  /* no read still on its way fills a section of a page that has gone */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  for (guint i = 0; self->sections != NULL && i < self->sections->len; i++)
    trellis_child_section_cancel (g_ptr_array_index (self->sections, i));
  g_clear_object (&self->child);
  g_clear_object (&self->context);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->enabled, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_CHILD_FILE);

  G_OBJECT_CLASS (trellis_child_file_parent_class)->dispose (object);
}

static void
trellis_child_file_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (trellis_child_file_parent_class)->map (widget);
  update_actions (TRELLIS_CHILD_FILE (widget));
}

static void
trellis_child_file_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (trellis_child_file_parent_class)->unmap (widget);
  update_actions (TRELLIS_CHILD_FILE (widget));
}

static void
trellis_child_file_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisChildFile *self = TRELLIS_CHILD_FILE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_child_file_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TrellisChildFile *self = TRELLIS_CHILD_FILE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_child_file_class_init (TrellisChildFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_child_file_dispose;
  object_class->get_property = trellis_child_file_get_property;
  object_class->set_property = trellis_child_file_set_property;
  widget_class->map = trellis_child_file_map;
  widget_class->unmap = trellis_child_file_unmap;

  /* The file stands alone in a narrow window: its header then leads back to the list and
   * has the window's buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (guint i = 0; i < N_SIGNALS; i++)
    {
      if (action_signals[i].parameter != NULL)
        signals[i] = g_signal_new (action_signals[i].signal, G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   G_TYPE_INT64);
      else
        signals[i] = g_signal_new (action_signals[i].signal, G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
      gtk_widget_class_install_action (widget_class, action_signals[i].action,
                                       action_signals[i].parameter, child_action);
    }
  rate_goal_signal = g_signal_new ("rate-goal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_install_action (widget_class, "child.rate-goal", "x", rate_goal_action);
  /**
   * TrellisChildFile::record-complaint-outcome:
   * @complaint: the complaint, as the file shows it
   *
   * The person asked to record how one of the child's complaints was handled.
   */
  record_outcome_signal = g_signal_new ("record-complaint-outcome", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        TRELLIS_TYPE_COMPLAINT);
  /**
   * TrellisChildFile::open-attachment:
   * @attachment: the document
   *
   * The person asked to open one of the child's documents.
   */
  open_attachment_signal = g_signal_new ("open-attachment", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         TRELLIS_TYPE_ATTACHMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/pages/"
                                               "trellis-child-file.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, title);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, page);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, avatar);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, name_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, age_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, worker_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, health_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildFile, jump_box);
}

/* A complaint's "Outcome…": for the window, as the child.* actions are */
static void
on_record_outcome_cb (TrellisChildFile *self,
                      TrellisComplaint *complaint)
{
  g_signal_emit (self, record_outcome_signal, 0, complaint);
}

/* Moves the keyboard to @section's first control or row, which brings it into view. */
static void
on_jump_clicked_cb (GtkButton *button,
                    GtkWidget *section)
{
  gtk_widget_child_focus (section, GTK_DIR_TAB_FORWARD);
}

/* A document's row: for the window, which opens it */
static void
on_open_attachment_cb (TrellisChildFile  *self,
                       TrellisAttachment *attachment)
{
  g_signal_emit (self, open_attachment_signal, 0, attachment);
}

static void
add_section (TrellisChildFile *self,
             GtkWidget        *section)
{
  const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (section));
  GtkWidget *jump = gtk_button_new_with_label (title);
  GtkWidget *child;

  g_ptr_array_add (self->sections, section);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (section));

  /* the button is the one stop for Tab, not the flow box's child around it */
  gtk_widget_add_css_class (jump, "pill");
  gtk_widget_add_css_class (jump, "jump");
  gtk_widget_set_tooltip_text (jump, title);
  g_signal_connect_object (jump, "clicked", G_CALLBACK (on_jump_clicked_cb), section, 0);
  gtk_flow_box_append (self->jump_box, jump);
  child = gtk_widget_get_parent (jump);
  gtk_widget_set_focusable (child, FALSE);
  g_object_bind_property (section, "visible", child, "visible", G_BINDING_SYNC_CREATE);
}

static void
trellis_child_file_init (TrellisChildFile *self)
{
  GtkWidget *complaints, *documents;

  gtk_widget_init_template (GTK_WIDGET (self));
  trellis_menu_button_close_cleanly (self->menu_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->jump_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sections of the file"), -1);
  self->enabled = g_hash_table_new (g_str_hash, g_str_equal);
  self->sections = g_ptr_array_new ();

  add_section (self, trellis_child_details_section_new (TRELLIS_CHILD_DETAILS_PERSONAL));
  add_section (self, trellis_child_details_section_new (TRELLIS_CHILD_DETAILS_PLACEMENT));
  add_section (self, trellis_link_workers_section_new ());
  add_section (self, trellis_people_section_new (TRELLIS_PEOPLE_SECTION_PEOPLE));
  add_section (self, trellis_people_section_new (TRELLIS_PEOPLE_SECTION_COMING_UP));
  add_section (self, trellis_people_section_new (TRELLIS_PEOPLE_SECTION_CONSENT));
  add_section (self, trellis_care_plans_section_new ());
  add_section (self, trellis_health_section_new ());
  add_section (self, trellis_education_section_new ());
  self->goals = TRELLIS_CHILD_SECTION (trellis_goals_section_new ());
  add_section (self, GTK_WIDGET (self->goals));
  add_section (self, trellis_risks_section_new ());
  add_section (self, trellis_incidents_section_new ());
  add_section (self, trellis_checklist_section_new ());
  complaints = trellis_complaints_section_new ();
  g_signal_connect_object (complaints, "record-outcome", G_CALLBACK (on_record_outcome_cb), self,
                           G_CONNECT_SWAPPED);
  add_section (self, complaints);
  documents = trellis_attachments_section_new ();
  g_signal_connect_object (documents, "open-attachment", G_CALLBACK (on_open_attachment_cb), self,
                           G_CONNECT_SWAPPED);
  add_section (self, documents);
  self->audit = TRELLIS_CHILD_SECTION (trellis_child_audit_section_new ());
  add_section (self, GTK_WIDGET (self->audit));
  add_shortcuts (self);
  update_actions (self);
  /* a file filled after the window was shown is named for screen readers too */
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (trellis_a11y_tidy),
                           self, G_CONNECT_SWAPPED);
}

/* Allergies and medication, under who the child is, when there are any. */
static void
show_health (TrellisChildFile *self,
             TrellisChild     *child)
{
  const char *allergies = trellis_child_get_allergies (child);
  const char *medication = trellis_child_get_medication (child);
  g_autoptr(GString) text = g_string_new (NULL);

  if (*allergies != '\0')
    /* Translators: "Allergies: peanuts, penicillin" */
    g_string_append_printf (text, _("Allergies: %s"), allergies);
  if (*medication != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "Medication: salbutamol inhaler when needed" */
      g_string_append_printf (text, _("Medication: %s"), medication);
    }
  gtk_label_set_text (self->health_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->health_label), text->len > 0);
}

/* Who the child is, at the top of the file. */
static void
show_header (TrellisChildFile *self,
             TrellisChild     *child,
             GDateTime        *today)
{
  g_autofree char *name = NULL;
  g_autofree char *age = NULL;
  g_autofree char *admitted = NULL;
  g_autofree char *worker = NULL;
  const char *worker_name;
  GDateTime *left_on = NULL;   /* set for a child who has left */

  name = trellis_child_dup_ui_name (child);
  admitted = trellis_date_format (trellis_child_get_admission_date (child));
  if (!trellis_child_is_placed (child, today))
    {
      g_autofree char *left = NULL;

      left_on = trellis_child_get_leaving_date (child);
      left = trellis_date_format (left_on);
      /* Translators: "Aged 14 · left on 6 June 2024" */
      age = g_strdup_printf (_("Aged %d · left on %s"), trellis_child_get_age (child, today), left);
    }
  else if (admitted != NULL)
    /* Translators: "Aged 14 · living here since 17 March 2024" */
    age = g_strdup_printf (_("Aged %d · living here since %s"),
                           trellis_child_get_age (child, today), admitted);
  else
    age = g_strdup_printf (_("Aged %d"), trellis_child_get_age (child, today));

  worker_name = trellis_child_get_link_worker_name (child);
  if (left_on != NULL)
    {
      /* a child who has left has no Link Worker now: say who it was until they left */
      g_autofree char *until = trellis_date_format (left_on);
      /* Translators: "Link Worker until 6 June 2024: Priya Sharma" */
      worker = worker_name != NULL ? g_strdup_printf (_("Link Worker until %s: %s"), until,
                                                      worker_name)
                                   : g_strdup (_("No Link Worker when they left"));
    }
  else
    worker = worker_name != NULL ? g_strdup_printf (_("Link Worker: %s"), worker_name)
                                 : g_strdup (_("No Link Worker assigned"));

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->age_label, age);
  gtk_label_set_text (self->worker_label, worker);
  show_health (self, child);
  adw_avatar_set_text (self->avatar, name + strlen ("\u200E"));
  trellis_avatar_set_photo (self->avatar, trellis_child_get_photo (child));
}

/* Shows @child in the header; each section reads the rest on the store's worker and shows
 * it when it comes (a section that cannot read says so itself). */
static void
show_child (TrellisChildFile *self,
            TrellisContext   *context,
            TrellisChild     *child)
{
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);

  g_set_object (&self->child, child);
  show_header (self, child, today);
  for (guint i = 0; i < self->sections->len; i++)
    trellis_child_section_load (g_ptr_array_index (self->sections, i), context, child);

  g_set_object (&self->context, context);
  adw_window_title_set_title (self->title, gtk_label_get_text (self->name_label));
  gtk_stack_set_visible_child_name (self->stack, "child");
  update_actions (self);
}

static void
clear_sections (TrellisChildFile *self)
{
  for (guint i = 0; self->sections != NULL && i < self->sections->len; i++)
    trellis_child_section_clear (g_ptr_array_index (self->sections, i));
}

/**
 * trellis_child_file_load:
 * @opened: a person chose to open the record (audited as a view), rather than the file
 *   showing the same child again after a change
 *
 * Shows the child numbered @child_id as @context's signed-in person may see them. On an
 * error the file keeps showing what it showed. The child's record is read here; the
 * sections read the rest on the store's worker and fill in when it comes
 * (trellis_child_file_is_loading()).
 */
gboolean
trellis_child_file_load (TrellisChildFile  *self,
                         TrellisContext    *context,
                         gint64             child_id,
                         gboolean           opened,
                         GError           **error)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  g_autoptr(TrellisChild) child = NULL;

  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), FALSE);

  /* what is shown now must not be replaced by an older read arriving late */
  g_cancellable_cancel (self->cancellable);
  child = opened ? trellis_store_view_child (store, actor, child_id, error)
                 : trellis_store_get_child (store, actor, child_id, error);
  if (child == NULL)
    return FALSE;
  show_child (self, context, child);
  return TRUE;
}

static void
on_child_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TrellisChildFile *self = g_task_get_source_object (task);
  TrellisContext *context = g_task_get_task_data (task);
  g_autoptr(TrellisChild) child = NULL;
  GError *error = NULL;

  child = g_async_result_is_tagged (result, trellis_store_view_child_async)
            ? trellis_store_view_child_finish (TRELLIS_STORE (source), result, &error)
            : trellis_store_get_child_finish (TRELLIS_STORE (source), result, &error);
  /* cancelled: the page has gone, or another child is being opened; leave it be */
  if (child == NULL || g_task_return_error_if_cancelled (task))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      return;
    }
  show_child (self, context, child);
  g_task_return_boolean (task, TRUE);
}

/**
 * trellis_child_file_load_async:
 *
 * trellis_child_file_load() with the child read on the store's worker, so the window keeps
 * drawing: the file shows what it showed until the child arrives, with no blank in between
 * however fast that is. Loading another child, or the page going, cancels this: a cancelled
 * load changes nothing on screen and finishes with G_IO_ERROR_CANCELLED (a deliberate
 * opening already under way is audited all the same).
 */
void
trellis_child_file_load_async (TrellisChildFile    *self,
                               TrellisContext      *context,
                               gint64               child_id,
                               gboolean             opened,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  TrellisStore *store = trellis_context_get_store (context);
  TrellisStaff *actor = trellis_context_get_actor (context);
  GTask *task;

  g_return_if_fail (TRELLIS_IS_CHILD_FILE (self));
  g_return_if_fail (TRELLIS_IS_CONTEXT (context));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, trellis_child_file_load_async);
  g_task_set_task_data (task, g_object_ref (context), g_object_unref);
  if (opened)
    trellis_store_view_child_async (store, actor, child_id, self->cancellable, on_child_read_cb,
                                    task);
  else
    trellis_store_get_child_async (store, actor, child_id, self->cancellable, on_child_read_cb,
                                   task);
}

gboolean
trellis_child_file_load_finish (TrellisChildFile  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Shows no child: after a sign-out, nothing of the last person's child stays. */
void
trellis_child_file_clear (TrellisChildFile *self)
{
  g_return_if_fail (TRELLIS_IS_CHILD_FILE (self));

  /* a child still on its way must not appear after the sign-out */
  g_cancellable_cancel (self->cancellable);
  clear_sections (self);
  g_clear_object (&self->child);
  g_clear_object (&self->context);
  adw_window_title_set_title (self->title, "");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);
}

/* Whether a child.* action is on offer now: what the tests check against the role. */
gboolean
trellis_child_file_action_enabled (TrellisChildFile *self,
                                   const char       *action)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), FALSE);
  return g_hash_table_contains (self->enabled, action);
}

/* Whether a section is still reading what it shows on the store's worker. */
gboolean
trellis_child_file_is_loading (TrellisChildFile *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), FALSE);

  for (guint i = 0; i < self->sections->len; i++)
    if (trellis_child_section_get_loading (g_ptr_array_index (self->sections, i)))
      return TRUE;
  return FALSE;
}

/* The file's first section of @type: for the tests. */
TrellisChildSection *
trellis_child_file_get_section (TrellisChildFile *self,
                                GType             type)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (self->sections, i), type))
      return g_ptr_array_index (self->sections, i);
  return NULL;
}

TrellisChild *
trellis_child_file_get_child (TrellisChildFile *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), NULL);
  return self->child;
}

/* How many rows "Who opened or changed this record" shows: for the tests. */
guint
trellis_child_file_get_n_audit (TrellisChildFile *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), 0);
  return trellis_child_audit_section_get_n (TRELLIS_CHILD_AUDIT_SECTION (self->audit));
}

/* What the file shows for a field ("date-of-birth", "legal-name", "name", "link-worker",
 * "latest-link-worker" …): for the tests. */
const char *
trellis_child_file_get_value (TrellisChildFile *self,
                              const char       *field)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), NULL);

  if (g_str_equal (field, "name"))
    return gtk_label_get_text (self->name_label);
  if (g_str_equal (field, "link-worker"))
    return gtk_label_get_text (self->worker_label);
  if (g_str_equal (field, "allergies-and-medication"))
    return gtk_widget_get_visible (GTK_WIDGET (self->health_label))
           ? gtk_label_get_text (self->health_label) : "";
  for (guint i = 0; i < self->sections->len; i++)
    {
      const char *value = trellis_child_section_get_value (g_ptr_array_index (self->sections, i),
                                                           field);
      if (value != NULL)
        return value;
    }
  return NULL;
}

/**
 * trellis_child_file_lookup_goal:
 *
 * Returns: (transfer none) (nullable): the goal shown with @goal_id, for child.rate-goal
 */
TrellisGoal *
trellis_child_file_lookup_goal (TrellisChildFile *self,
                                gint64            goal_id)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_FILE (self), NULL);

  return trellis_goals_section_lookup_goal (TRELLIS_GOALS_SECTION (self->goals), goal_id);
}
