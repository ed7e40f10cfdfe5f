/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan-dialog.c: writing a child's plan, and a Manager's approval of it
 *
 * The plan's sections, each a text to write with the guidance's question showing while it
 * is empty; a risk assessment's level; the review date, typed as care workers write dates;
 * the day the child was given a copy, whether it was developed with them and their own
 * words. "Save Draft" keeps a version; "Submit for Approval" sends it to a Manager. Each
 * problem shows under its field before anything is sent (the store's own check,
 * trellis_care_plan_content_check()), and a refusal keeps the dialog and everything typed.
 *
 * A Manager reading a plan that awaits approval approves it, or returns it with a comment
 * saying what to change. Those who may not write the child's plans read it only.
 */
#define G_LOG_DOMAIN "trellis-care-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-care-plan-dialog.h"
#include "trellis-error-row.h"

struct _TrellisCarePlanDialog
{
  AdwWindow               parent_instance;

  GtkWidget              *save_button;
  GtkWidget              *submit_button;
  GPtrArray              *views;         /* GtkTextView, one per section */
  GPtrArray              *view_errors;   /* TrellisErrorRow under each */
  AdwComboRow            *level_row;     /* a risk assessment's; NULL for the rest */
  GtkEditable            *review_row;
  TrellisErrorRow        *review_error;
  GtkEditable            *given_row;
  TrellisErrorRow        *given_error;
  GtkSwitch              *with_child;
  GtkTextView            *child_words;
  GtkLabel               *error_label;

  TrellisContext         *context;
  TrellisChild           *child;
  TrellisCarePlanKind     kind;
  gint64                  plan_id;       /* 0 for a new plan */
  gboolean                busy;
  gboolean                dirty;         /* changed since it opened, and not kept */
};

G_DEFINE_FINAL_TYPE (TrellisCarePlanDialog, trellis_care_plan_dialog, ADW_TYPE_WINDOW)

static const TrellisRiskLevel levels[] = {
  TRELLIS_RISK_LEVEL_NONE, TRELLIS_RISK_LEVEL_LOW, TRELLIS_RISK_LEVEL_MEDIUM,
  TRELLIS_RISK_LEVEL_HIGH,
};

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (TrellisCarePlanDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->error_label));
      gtk_label_select_region (self->error_label, 0, 0);
    }
}

/* A problem with a text view: under it, and on it for a screen reader */
static void
mark_view (TrellisCarePlanDialog *self,
           guint                  index,
           const char            *message)
{
  trellis_error_row_set_message (g_ptr_array_index (self->view_errors, index), message);
  trellis_mark_field (g_ptr_array_index (self->views, index), message);
}

static void
on_view_changed_cb (GtkTextBuffer *buffer,
                    GtkWidget     *placeholder)
{
  TrellisCarePlanDialog *self = g_object_get_data (G_OBJECT (buffer), "dialog");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "index"));

  gtk_widget_set_visible (placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
  if (self != NULL && index < self->views->len)
    mark_view (self, index, NULL);
}

static void
clear_errors (TrellisCarePlanDialog *self)
{
  for (guint i = 0; i < self->views->len; i++)
    mark_view (self, i, NULL);
  trellis_error_row_set_message (self->review_error, NULL);
  trellis_error_row_set_message (self->given_error, NULL);
  show_error (self, NULL);
}

/* What the form says, as a plan's content; NULL with the problem under its field when a
 * date cannot be read. */
static TrellisCarePlanContent *
read_form (TrellisCarePlanDialog *self)
{
  g_autoptr(TrellisCarePlanContent) content = trellis_care_plan_content_new (self->kind);
  const struct { GtkEditable *row; TrellisErrorRow *error; GDateTime **date; } dates[] = {
    { self->review_row, self->review_error, &content->review_on },
    { self->given_row, self->given_error, &content->given_on },
  };
  gboolean ok = TRUE;

  for (guint i = 0; i < self->views->len; i++)
    {
      g_autofree char *text = text_of (g_ptr_array_index (self->views, i));
      trellis_care_plan_content_set_section (content, i, text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *typed = gtk_editable_get_text (dates[i].row);

      if (*typed == '\0')
        continue;
      *dates[i].date = trellis_date_parse (typed, &error);
      if (*dates[i].date == NULL)
        {
          trellis_error_row_set_message (dates[i].error, error->message);
          if (ok)
            gtk_widget_grab_focus (GTK_WIDGET (dates[i].row));
          ok = FALSE;
        }
    }
  if (self->level_row != NULL)
    content->risk_level = levels[adw_combo_row_get_selected (self->level_row)];
  content->with_child = gtk_switch_get_active (self->with_child);
  g_free (content->child_comments);
  content->child_comments = text_of (self->child_words);
  return ok ? g_steal_pointer (&content) : NULL;
}

/* Shows @message under the field @field names (trellis_care_plan_content_check()) */
static void
show_field_error (TrellisCarePlanDialog *self,
                  const char            *field,
                  const char            *message)
{
  guint n = 0;
  const TrellisCarePlanSection *sections = trellis_care_plan_kind_sections (self->kind, &n);

  if (field != NULL && g_str_has_prefix (field, "section:"))
    for (guint i = 0; i < n; i++)
      if (g_str_equal (field + strlen ("section:"), sections[i].key))
        {
          mark_view (self, i, message);
          gtk_widget_grab_focus (g_ptr_array_index (self->views, i));
          return;
        }
  if (g_strcmp0 (field, "review-on") == 0)
    {
      trellis_error_row_set_message (self->review_error, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->review_row));
    }
  else if (g_strcmp0 (field, "given-on") == 0)
    {
      trellis_error_row_set_message (self->given_error, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
    }
  else
    show_error (self, message);
}

static void
set_busy (TrellisCarePlanDialog *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
  gtk_widget_set_sensitive (self->submit_button, !busy);
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TrellisCarePlanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_save_care_plan_finish (TRELLIS_STORE (source), result, &error);

  set_busy (self, FALSE);
  if (self->context == NULL)
    return;   /* closed meanwhile */
  if (id == 0)
    {
      /* the dialog stays, and everything typed in it */
      show_error (self, error->message);
      return;
    }
  self->plan_id = id;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save (TrellisCarePlanDialog *self,
      gboolean               submit)
{
  g_autoptr(TrellisCarePlanContent) content = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  if (self->busy)
    return;
  clear_errors (self);
  content = read_form (self);
  if (content == NULL)
    return;
  today = trellis_context_dup_today (self->context);
  if (!trellis_care_plan_content_check (content, trellis_child_get_date_of_birth (self->child),
                                        today, submit, &field, &error))
    {
      show_field_error (self, field, error->message);
      return;
    }
  set_busy (self, TRUE);
  trellis_store_save_care_plan_async (trellis_context_get_store (self->context),
                                      trellis_context_get_actor (self->context),
                                      trellis_child_get_id (self->child), self->plan_id, content,
                                      submit, NULL, on_saved_cb, g_object_ref (self));
}

static void
on_save_clicked_cb (TrellisCarePlanDialog *self)
{
  save (self, FALSE);
}

static void
on_submit_clicked_cb (TrellisCarePlanDialog *self)
{
  save (self, TRUE);
}

static void
on_decided_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TrellisCarePlanDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (trellis_store_save_care_plan_finish (TRELLIS_STORE (source), result, &error) == 0)
    {
      if (self->context != NULL)
        show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
decide (TrellisCarePlanDialog *self,
        gboolean               approve,
        const char            *comment)
{
  if (self->busy)
    return;
  self->busy = TRUE;
  show_error (self, NULL);
  trellis_store_decide_care_plan_async (trellis_context_get_store (self->context),
                                        trellis_context_get_actor (self->context),
                                        self->plan_id, approve, comment, NULL, on_decided_cb,
                                        g_object_ref (self));
}

static void
on_approve_clicked_cb (TrellisCarePlanDialog *self)
{
  decide (self, TRUE, NULL);
}

/* Return…: the comment is asked for first, and must be given */
static void
on_return_response_cb (AdwMessageDialog      *dialog,
                       const char            *response,
                       TrellisCarePlanDialog *self)
{
  GtkEditable *comment = g_object_get_data (G_OBJECT (dialog), "comment");
  TrellisErrorRow *error = g_object_get_data (G_OBJECT (dialog), "error");
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "return"))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  text = g_strstrip (g_strdup (gtk_editable_get_text (comment)));
  if (*text == '\0')
    {
      gtk_window_present (GTK_WINDOW (dialog));
      trellis_error_row_set_message (error, _("Say what needs to change before it can be "
                                              "approved"));
      gtk_widget_grab_focus (GTK_WIDGET (comment));
      return;
    }
  decide (self, FALSE, text);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_return_clicked_cb (TrellisCarePlanDialog *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *comment = adw_entry_row_new ();
  GtkWidget *error = trellis_error_row_new (comment);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Return the Plan?"),
                                                       _("It goes back to draft with your "
                                                         "comment, for its author to change.")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("What needs to change"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), comment);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error);
  adw_message_dialog_set_extra_child (dialog, group);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "return", _("_Return"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "return", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* a refused Return keeps the dialog and the comment */
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "comment", comment);
  g_object_set_data (G_OBJECT (dialog), "error", error);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_return_response_cb), self, 0);
  gtk_window_set_focus (GTK_WINDOW (dialog), comment);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mark_dirty (TrellisCarePlanDialog *self)
{
  self->dirty = TRUE;
}

static void
on_discard_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        TrellisCarePlanDialog *self)
{
  if (g_str_equal (response, "discard"))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing with changes not kept asks first: a plan is long to write again */
static gboolean
trellis_care_plan_dialog_close_request (GtkWindow *window)
{
  TrellisCarePlanDialog *self = TRELLIS_CARE_PLAN_DIALOG (window);
  GtkWidget *dialog;

  if (!self->dirty)
    return GTK_WINDOW_CLASS (trellis_care_plan_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("What you wrote in this plan has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
trellis_care_plan_dialog_dispose (GObject *object)
{
  TrellisCarePlanDialog *self = TRELLIS_CARE_PLAN_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->child);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->view_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_care_plan_dialog_parent_class)->dispose (object);
}

static void
trellis_care_plan_dialog_class_init (TrellisCarePlanDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_care_plan_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = trellis_care_plan_dialog_close_request;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
trellis_care_plan_dialog_init (TrellisCarePlanDialog *self)
{
  self->views = g_ptr_array_new ();
  self->view_errors = g_ptr_array_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 760);
}

/* A text to write, in a frame, with @prompt showing while it is empty */
static GtkWidget *
text_field (TrellisCarePlanDialog  *self,
            const char             *title,
            const char             *prompt,
            const char             *text,
            gboolean                editable,
            GtkTextView           **view_out)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *placeholder = gtk_label_new (prompt);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 88);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, prompt,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);

  /* GTK 4.8's text view has no placeholder of its own */
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_xalign (GTK_LABEL (placeholder), 0);
  gtk_widget_set_valign (placeholder, GTK_ALIGN_START);
  gtk_widget_set_halign (placeholder, GTK_ALIGN_FILL);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_set_margin_top (placeholder, 10);
  gtk_widget_set_can_target (placeholder, FALSE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_visible (placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
  g_object_set_data (G_OBJECT (buffer), "dialog", self);
  g_object_set_data (G_OBJECT (buffer), "index", GUINT_TO_POINTER (self->views->len));
  g_signal_connect (buffer, "changed", G_CALLBACK (on_view_changed_cb), placeholder);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), view);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), placeholder);
  gtk_frame_set_child (GTK_FRAME (frame), overlay);
  gtk_widget_add_css_class (frame, "view");
  *view_out = GTK_TEXT_VIEW (view);
  return frame;
}

static GtkWidget *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return group;
}

static char *
typed_date (GDateTime *date)
{
  return date != NULL ? g_date_time_format (date, "%d/%m/%Y") : g_strdup ("");
}

/* Where the plan stands, and what a Manager said returning it */
static void
add_status (TrellisCarePlanDialog  *self,
            AdwPreferencesPage     *page,
            TrellisCarePlanVersion *plan,
            gboolean                approver)
{
  TrellisCarePlanStatus status = trellis_care_plan_version_get_status (plan);
  GtkWidget *group = add_group (page, _("Status"), NULL);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = trellis_date_format_moment (trellis_care_plan_version_get_saved_at (plan));
  /* Translators: "Version 3 · Submitted for approval by Priya Sharma, 24 November 2026 at 09:30" */
  g_autofree char *subtitle = g_strdup_printf (_("Version %u · %s by %s, %s"),
                                               trellis_care_plan_version_get_version (plan),
                                               trellis_care_plan_step_to_label (
                                                 trellis_care_plan_version_get_step (plan)),
                                               trellis_care_plan_version_get_saved_by (plan), when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_care_plan_status_to_label (status));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (trellis_care_plan_version_get_step (plan) == TRELLIS_CARE_PLAN_STEP_RETURN)
    {
      GtkWidget *comment = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Returned with a comment"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (comment), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (comment),
                                   trellis_care_plan_version_get_comment (plan));
      gtk_widget_add_css_class (comment, "warning");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), comment);
    }

  if (approver && status == TRELLIS_CARE_PLAN_AWAITING_APPROVAL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *approve = gtk_button_new_with_mnemonic (_("_Approve"));
      GtkWidget *ret = gtk_button_new_with_mnemonic (_("Re_turn…"));
      GtkWidget *approval = add_group (page, _("Your approval"),
                                       _("Read the plan, then approve it or return it with a "
                                         "comment saying what to change"));

      gtk_widget_add_css_class (approve, "suggested-action");
      gtk_widget_add_css_class (approve, "pill");
      gtk_widget_add_css_class (ret, "pill");
      gtk_box_append (GTK_BOX (box), approve);
      gtk_box_append (GTK_BOX (box), ret);
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (approve, "clicked", G_CALLBACK (on_approve_clicked_cb), self);
      g_signal_connect_swapped (ret, "clicked", G_CALLBACK (on_return_clicked_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (approval), box);
    }
}

static void
build (TrellisCarePlanDialog  *self,
       TrellisCarePlanVersion *plan)
{
  TrellisStaff *actor = trellis_context_get_actor (self->context);
  gboolean writer = trellis_permission_allows (actor, TRELLIS_ACTION_EDIT_CHILD,
                                               trellis_child_get_link_worker_id (self->child));
  gboolean approver = trellis_permission_allows (actor, TRELLIS_ACTION_APPROVE_CARE_PLAN, 0);
  g_autoptr(TrellisCarePlanContent) empty = trellis_care_plan_content_new (self->kind);
  const TrellisCarePlanContent *content = plan != NULL ? trellis_care_plan_version_get_content (plan)
                                                       : empty;
  g_autofree char *title = trellis_care_plan_content_dup_title (content);
  g_autofree char *name = trellis_child_dup_display_name (self->child);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (writer ? _("_Cancel") : _("_Close"));
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  GtkWidget *group;
  guint n = 0;
  const TrellisCarePlanSection *sections = trellis_care_plan_kind_sections (self->kind, &n);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, name));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->submit_button = gtk_button_new_with_mnemonic (_("_Submit for Approval"));
  gtk_widget_add_css_class (self->submit_button, "suggested-action");
  self->save_button = gtk_button_new_with_mnemonic (_("Save _Draft"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->submit_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_widget_set_visible (self->submit_button, writer);
  gtk_widget_set_visible (self->save_button, writer);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  g_signal_connect_swapped (self->submit_button, "clicked", G_CALLBACK (on_submit_clicked_cb),
                            self);
  gtk_box_append (GTK_BOX (box), header);

  if (plan != NULL)
    add_status (self, page, plan, approver);
  /* a Manager reading a plan awaiting approval is there to approve it, not resubmit it */
  if (plan != NULL && approver &&
      trellis_care_plan_version_get_status (plan) == TRELLIS_CARE_PLAN_AWAITING_APPROVAL)
    gtk_widget_remove_css_class (self->submit_button, "suggested-action");

  group = add_group (page, _("Review"), NULL);
  if (self->kind == TRELLIS_CARE_PLAN_RISK)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
        gtk_string_list_append (labels, trellis_risk_level_to_label (levels[i]));
      self->level_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->level_row), _("Level of risk"));
      adw_combo_row_set_model (self->level_row, G_LIST_MODEL (labels));
      for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
        if (levels[i] == content->risk_level)
          adw_combo_row_set_selected (self->level_row, i);
      gtk_widget_set_sensitive (GTK_WIDGET (self->level_row), writer);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->level_row));
    }
  {
    g_autofree char *review = typed_date (content->review_on);

    self->review_row = GTK_EDITABLE (adw_entry_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row),
                                   _("Review date (for example 1/3/2027)"));
    gtk_editable_set_text (self->review_row, review);
    gtk_widget_set_sensitive (GTK_WIDGET (self->review_row), writer);
    self->review_error = TRELLIS_ERROR_ROW (trellis_error_row_new (GTK_WIDGET (self->review_row)));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->review_row));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->review_error));
  }

  for (guint i = 0; i < n; i++)
    {
      GtkTextView *view;
      GtkWidget *error = g_object_new (TRELLIS_TYPE_ERROR_ROW, NULL);

      group = add_group (page, _(sections[i].title), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 text_field (self, _(sections[i].title), _(sections[i].prompt),
                                             content->sections[i], writer, &view));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error);
      g_ptr_array_add (self->views, view);
      g_ptr_array_add (self->view_errors, error);
    }

  group = add_group (page, _("With the child"), NULL);
  {
    g_autofree char *given = typed_date (content->given_on);
    GtkWidget *with_row = adw_action_row_new ();

    self->given_row = GTK_EDITABLE (adw_entry_row_new ());
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->given_row),
                                   _("Child given a copy on (optional)"));
    gtk_editable_set_text (self->given_row, given);
    gtk_widget_set_sensitive (GTK_WIDGET (self->given_row), writer);
    self->given_error = TRELLIS_ERROR_ROW (trellis_error_row_new (GTK_WIDGET (self->given_row)));
    self->with_child = GTK_SWITCH (gtk_switch_new ());
    gtk_switch_set_active (self->with_child, content->with_child);
    gtk_widget_set_valign (GTK_WIDGET (self->with_child), GTK_ALIGN_CENTER);
    gtk_widget_set_sensitive (GTK_WIDGET (self->with_child), writer);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (with_row), _("Developed with the child"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (with_row), GTK_WIDGET (self->with_child));
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (with_row), GTK_WIDGET (self->with_child));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->with_child),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Developed with the child"),
                                    -1);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->given_row));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->given_error));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), with_row);
  }
  group = add_group (page, _("The child’s own words"),
                     _("What the child says about the plan, as they said it"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             text_field (self, _("The child’s own words"),
                                         _("For example: “I want to see my brother more”"),
                                         content->child_comments, writer, &self->child_words));
  /* not a section: its changes do not touch the sections' error rows */
  g_object_set_data (G_OBJECT (gtk_text_view_get_buffer (self->child_words)), "dialog", NULL);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 12);

  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_window_set_content (ADW_WINDOW (self), box);

  /* what is typed from now on is the person's, not what the plan said */
  for (guint i = 0; i < self->views->len; i++)
    g_signal_connect_swapped (gtk_text_view_get_buffer (g_ptr_array_index (self->views, i)),
                              "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->child_words), "changed",
                            G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->review_row, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->given_row, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (self->with_child, "notify::active", G_CALLBACK (mark_dirty), self);
  if (self->level_row != NULL)
    g_signal_connect_swapped (self->level_row, "notify::selected", G_CALLBACK (mark_dirty), self);

  if (self->views->len > 0 && writer)
    gtk_window_set_focus (GTK_WINDOW (self), g_ptr_array_index (self->views, 0));
}

/**
 * trellis_care_plan_dialog_new:
 * @plan: (nullable): the plan as it is now, or %NULL for a new plan of @kind
 *
 * The plan of @child, as @context's person may see it: to write, to approve, or to read.
 */
GtkWindow *
trellis_care_plan_dialog_new (GtkWindow              *parent,
                              TrellisContext         *context,
                              TrellisChild           *child,
                              TrellisCarePlanVersion *plan,
                              TrellisCarePlanKind     kind)
{
  TrellisCarePlanDialog *self;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (TRELLIS_IS_CHILD (child), NULL);

  self = g_object_new (TRELLIS_TYPE_CARE_PLAN_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->child = g_object_ref (child);
  self->kind = plan != NULL ? trellis_care_plan_version_get_kind (plan) : kind;
  self->plan_id = plan != NULL ? trellis_care_plan_version_get_plan_id (plan) : 0;
  build (self, plan);
  return GTK_WINDOW (self);
}

GtkWindow *
trellis_care_plan_dialog_new_plan (GtkWindow           *parent,
                                   TrellisContext      *context,
                                   TrellisChild        *child,
                                   TrellisCarePlanKind  kind)
{
  return trellis_care_plan_dialog_new (parent, context, child, NULL, kind);
}

/* Opening a plan by its id: the plan, then its child, read on the store's worker */
typedef struct
{
  GtkWindow              *parent;   /* weak */
  TrellisContext         *context;
  TrellisCarePlanVersion *plan;
} Opening;

static void
opening_free (Opening *opening)
{
  g_clear_weak_pointer (&opening->parent);
  g_clear_object (&opening->context);
  g_clear_object (&opening->plan);
  g_free (opening);
}

static void
on_child_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Opening *opening = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) child = trellis_store_get_child_finish (TRELLIS_STORE (source), result,
                                                                  &error);

  if (child == NULL)
    g_warning ("Could not open the plan: %s", error->message);
  else if (opening->parent != NULL && gtk_widget_get_visible (GTK_WIDGET (opening->parent)))
    gtk_window_present (trellis_care_plan_dialog_new (opening->parent, opening->context, child,
                                                      opening->plan, 0));
  opening_free (opening);
}

static void
on_plan_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Opening *opening = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = trellis_store_list_care_plans_finish (TRELLIS_STORE (source),
                                                                         result, &error);

  if (versions == NULL || g_list_model_get_n_items (versions) == 0)
    {
      if (error != NULL)
        g_warning ("Could not open the plan: %s", error->message);
      opening_free (opening);
      return;
    }
  opening->plan = g_list_model_get_item (versions, 0);
  trellis_store_get_child_async (TRELLIS_STORE (source),
                                 trellis_context_get_actor (opening->context),
                                 trellis_care_plan_version_get_child_id (opening->plan), NULL,
                                 on_child_read_cb, opening);
}

/* Opens plan @plan_id as it is now, once it has been read */
void
trellis_care_plan_dialog_open (GtkWindow      *parent,
                               TrellisContext *context,
                               gint64          plan_id)
{
  Opening *opening = g_new0 (Opening, 1);

  g_return_if_fail (TRELLIS_IS_CONTEXT (context));

  g_set_weak_pointer (&opening->parent, parent);
  opening->context = g_object_ref (context);
  trellis_store_list_care_plans_async (trellis_context_get_store (context),
                                       trellis_context_get_actor (context),
                                       TRELLIS_CARE_PLAN_LIST_VERSIONS, plan_id, NULL,
                                       on_plan_read_cb, opening);
}

void
trellis_care_plan_dialog_set_section (TrellisCarePlanDialog *self,
                                      guint                  index,
                                      const char            *text)
{
  g_return_if_fail (TRELLIS_IS_CARE_PLAN_DIALOG (self));
  g_return_if_fail (index < self->views->len);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (g_ptr_array_index (self->views, index)),
                            text, -1);
}

/* What the dialog says is wrong with @field ("section:KEY", "review-on" …, or "" for the
 * plan as a whole), or NULL */
const char *
trellis_care_plan_dialog_get_error (TrellisCarePlanDialog *self,
                                    const char            *field)
{
  guint n = 0;
  const TrellisCarePlanSection *sections = trellis_care_plan_kind_sections (self->kind, &n);

  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_DIALOG (self), NULL);

  if (g_str_equal (field, "review-on"))
    return trellis_error_row_get_message (self->review_error);
  if (g_str_equal (field, "given-on"))
    return trellis_error_row_get_message (self->given_error);
  if (*field == '\0')
    return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label) : NULL;
  for (guint i = 0; g_str_has_prefix (field, "section:") && i < n; i++)
    if (g_str_equal (field + strlen ("section:"), sections[i].key))
      return trellis_error_row_get_message (g_ptr_array_index (self->view_errors, i));
  return NULL;
}
