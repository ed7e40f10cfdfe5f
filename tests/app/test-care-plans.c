/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-care-plans.c: a child's plans on their page, the plan editor, a Manager's approval,
 * the version history and "Awaiting your approval", driven with a context as the window
 * drives them; pictures of each saved to look at
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-awaiting-approval-window.h"
#include "trellis-care-plan-dialog.h"
#include "trellis-care-plan-history.h"
#include "trellis-care-plans-section.h"
#include "trellis-child-file.h"
#include "trellis-core.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

typedef struct
{
  TrellisStore   *store;
  TrellisContext *worker;     /* staff1, the child's Link Worker */
  TrellisContext *manager;
  TrellisChild   *child;
  gint64          placement;  /* approved, overdue for review, two changes of text */
  gint64          behaviour;  /* awaiting approval */
} Home;

static TrellisCarePlanContent *
content (TrellisCarePlanKind  kind,
         const char          *first,
         int                  year,
         int                  month,
         int                  day)
{
  TrellisCarePlanContent *c = trellis_care_plan_content_new (kind);

  trellis_care_plan_content_set_section (c, 0, first);
  c->review_on = trellis_date_new (year, month, day);
  return c;
}

/* A child of staff1's of their own (the demo's have plans), with three plans */
static void
home_set_up (Home       *home,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GDateTime) admission = trellis_date_new (2025, 9, 1);
  g_autoptr(TrellisChild) added = trellis_test_make_child ("Lena", "Nowak", "2014-06-02");
  g_autoptr(TrellisStaff) sam = NULL;
  g_autoptr(TrellisCarePlanContent) first = NULL;
  g_autoptr(TrellisCarePlanContent) second = NULL;
  g_autoptr(TrellisCarePlanContent) bmp = NULL;
  gint64 id;

  home->store = trellis_test_open_demo (tmpdir, name, 6);
  home->worker = trellis_test_context (home->store, "staff1");
  home->manager = trellis_test_context (home->store, "manager");
  trellis_context_set_today (home->worker, today);
  trellis_context_set_today (home->manager, today);
  sam = g_object_ref (trellis_context_get_actor (home->worker));

  trellis_child_set_admission_date (added, admission);
  id = trellis_store_add_child (home->store, trellis_context_get_actor (home->manager), added,
                                &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (home->store,
                                                   trellis_context_get_actor (home->manager), id,
                                                   trellis_staff_get_id (sam), admission,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  home->child = trellis_store_get_child (home->store, sam, id, &error);

  first = content (TRELLIS_CARE_PLAN_PLACEMENT, "Lena needs a calm start to the day", 2026, 11,
                   20);
  second = content (TRELLIS_CARE_PLAN_PLACEMENT, "Lena needs a calm and unhurried start to the "
                    "day, with breakfast together", 2026, 11, 20);
  trellis_care_plan_content_set_section (second, 1, "Video call with her brother on Sundays");
  home->placement = trellis_store_save_care_plan (home->store, sam, id, 0, first, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_store_save_care_plan (home->store, sam, id, home->placement, second,
                                                 TRUE, &error), ==, home->placement);
  g_assert_true (trellis_store_approve_care_plan (home->store,
                                                  trellis_context_get_actor (home->manager),
                                                  home->placement, &error));
  bmp = content (TRELLIS_CARE_PLAN_BEHAVIOUR, "Slams doors when contact is cancelled", 2026, 12,
                 10);
  home->behaviour = trellis_store_save_care_plan (home->store, sam, id, 0, bmp, TRUE, &error);
  g_assert_no_error (error);
}

static void
home_tear_down (Home *home)
{
  g_clear_object (&home->child);
  g_clear_object (&home->worker);
  g_clear_object (&home->manager);
  g_clear_object (&home->store);
}

/* The child's risk assessment as the store keeps it now, or NULL */
static TrellisCarePlanVersion *
find_risk (Home *home)
{
  g_autoptr(GListModel) plans = trellis_store_list_care_plans (home->store,
                                                               trellis_context_get_actor (home->worker),
                                                               trellis_child_get_id (home->child),
                                                               NULL);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(TrellisCarePlanVersion) plan = g_list_model_get_item (plans, i);
      if (trellis_care_plan_version_get_kind (plan) == TRELLIS_CARE_PLAN_RISK)
        return g_steal_pointer (&plan);
    }
  return NULL;
}

/* Each plan with its status, version and review; "Overdue" past the review date, "Review
 * due" within four weeks of it */
static void
test_section (void)
{
  Home home = { 0 };
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  const char *plans;

  home_set_up (&home, "section.db");
  g_assert_true (trellis_child_file_load (file, home.worker,
                                          trellis_child_get_id (home.child), FALSE, &error));
  trellis_test_wait_while ((TrellisTestBusyFunc) trellis_child_file_is_loading, file);
  plans = trellis_child_file_get_value (file, "care-plans");
  g_assert_cmpstr (plans, ==,
                   "Placement plan · Approved · Version 3 · Review by 20 November 2026 · Overdue\n"
                   "Behaviour Management Plan · Awaiting approval · Version 1 · Review by "
                   "10 December 2026 · Review due\n");
  {
    GtkWindow *window = trellis_test_show_in_window (file, 800, 1000);

    /* the plans are below the fold: the keyboard brings them into view */
    gtk_widget_grab_focus (trellis_test_get_row (file, "Placement plan"));
    trellis_test_spin (400);
    trellis_test_save_png (GTK_WIDGET (window), "care-plans-section.png");
    gtk_window_set_child (window, NULL);
    gtk_window_destroy (window);
  }
  g_object_unref (file);
  home_tear_down (&home);
}

/* Waits until @window has gone (or 5 s) */
static void
wait_gone (gpointer window)
{
  GtkWidget *weak = window;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  for (guint i = 0; weak != NULL && i < 500; i++)
    trellis_test_spin (10);
  g_assert_null (weak);
}

/* The Link Worker writes a plan: each problem under its field, nothing lost; then kept */
static void
test_editor (void)
{
  Home home = { 0 };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  TrellisCarePlanDialog *dialog;
  g_autoptr(TrellisCarePlanVersion) risk = NULL;
  g_autoptr(GDateTime) review = trellis_date_new (2027, 2, 1);

  home_set_up (&home, "editor.db");
  dialog = TRELLIS_CARE_PLAN_DIALOG (trellis_care_plan_dialog_new_plan (parent, home.worker,
                                                                        home.child,
                                                                        TRELLIS_CARE_PLAN_RISK));
  gtk_window_present (GTK_WINDOW (dialog));
  trellis_test_spin (100);

  /* nothing written: said under the risk, which must be said */
  g_signal_emit_by_name (trellis_test_get_button (dialog, "_Submit for Approval"), "clicked");
  trellis_test_spin (50);
  g_assert_cmpstr (trellis_care_plan_dialog_get_error (dialog, "section:risk"), ==,
                   "Say what the risk is");

  trellis_care_plan_dialog_set_section (dialog, 0, "Going missing after family contact");
  trellis_care_plan_dialog_set_section (dialog, 2, "Check in at 9pm; call the police after an "
                                        "hour");
  g_assert_null (trellis_care_plan_dialog_get_error (dialog, "section:risk"));
  trellis_test_type_into (dialog, "Review date (for example 1/3/2027)", "31/02/2027");
  g_signal_emit_by_name (trellis_test_get_button (dialog, "_Submit for Approval"), "clicked");
  trellis_test_spin (50);
  g_assert_nonnull (trellis_care_plan_dialog_get_error (dialog, "review-on"));
  trellis_test_type_into (dialog, "Review date (for example 1/3/2027)", "1/2/2027");
  g_signal_emit_by_name (trellis_test_get_button (dialog, "_Submit for Approval"), "clicked");
  trellis_test_spin (50);
  /* a risk assessment goes for approval with its level */
  g_assert_cmpstr (trellis_care_plan_dialog_get_error (dialog, ""), ==,
                   "Choose the level of the risk: low, medium or high");
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_get_row (dialog, "Level of risk")), 3);
  trellis_test_save_png (GTK_WIDGET (dialog), "care-plan-editor.png");
  /* nothing was kept while it was refused; closing now asks first, and keeps it open */
  g_assert_null (find_risk (&home));
  gtk_window_close (GTK_WINDOW (dialog));
  trellis_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  {
    AdwMessageDialog *ask = trellis_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (dialog));

    g_assert_nonnull (ask);
    g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, "Discard Changes?");
    adw_message_dialog_response (ask, "keep");
    trellis_test_spin (50);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_signal_emit_by_name (trellis_test_get_button (dialog, "_Submit for Approval"), "clicked");
  wait_gone (dialog);
  risk = find_risk (&home);
  g_assert_nonnull (risk);
  g_assert_cmpint (trellis_care_plan_version_get_status (risk), ==,
                   TRELLIS_CARE_PLAN_AWAITING_APPROVAL);
  g_assert_cmpint (trellis_care_plan_version_get_content (risk)->risk_level, ==,
                   TRELLIS_RISK_LEVEL_HIGH);
  g_assert_true (trellis_date_equal (trellis_care_plan_version_get_content (risk)->review_on,
                                     review));
  g_assert_cmpstr (trellis_care_plan_content_get_section (trellis_care_plan_version_get_content (risk),
                                                          "actions"), ==,
                   "Check in at 9pm; call the police after an hour");
  g_assert_cmpstr (trellis_care_plan_version_get_saved_by (risk), ==,
                   trellis_staff_get_display_name (trellis_context_get_actor (home.worker)));
  gtk_window_destroy (parent);
  home_tear_down (&home);
}

/* A Manager opens what awaits approval, and approves it; a plan decided leaves the list */
static void
test_approval (void)
{
  Home home = { 0 };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  TrellisAwaitingApprovalWindow *awaiting;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(TrellisCarePlanVersion) plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  home_set_up (&home, "approval.db");
  awaiting = TRELLIS_AWAITING_APPROVAL_WINDOW (trellis_awaiting_approval_window_new (parent,
                                                                                   home.manager));
  gtk_window_present (GTK_WINDOW (awaiting));
  trellis_test_wait_while ((TrellisTestBusyFunc) trellis_awaiting_approval_window_is_loading,
                           awaiting);
  g_assert_nonnull (strstr (trellis_awaiting_approval_window_get_text (awaiting),
                            "Lena Nowak\u2069: Behaviour Management Plan · Version 1 · submitted by "));
  trellis_test_spin (100);
  trellis_test_save_png (GTK_WIDGET (awaiting), "care-plans-awaiting.png");

  plan = trellis_store_get_care_plan (home.store, trellis_context_get_actor (home.manager),
                                      home.behaviour, 0, &error);
  dialog = trellis_care_plan_dialog_new (GTK_WINDOW (awaiting), home.manager, home.child, plan, 0);
  gtk_window_present (dialog);
  trellis_test_spin (150);
  trellis_test_save_png (GTK_WIDGET (dialog), "care-plan-approval.png");
  g_signal_emit_by_name (trellis_test_get_button (dialog, "_Approve"), "clicked");
  wait_gone (dialog);
  g_clear_object (&plan);
  plan = trellis_store_get_care_plan (home.store, trellis_context_get_actor (home.worker),
                                      home.behaviour, 0, &error);
  g_assert_cmpint (trellis_care_plan_version_get_status (plan), ==, TRELLIS_CARE_PLAN_APPROVED);
  trellis_test_spin (100);
  trellis_test_wait_while ((TrellisTestBusyFunc) trellis_awaiting_approval_window_is_loading,
                           awaiting);
  g_assert_null (strstr (trellis_awaiting_approval_window_get_text (awaiting), "Lena Nowak"));

  /* a Link Worker reading a plan has no Approve */
  dialog = trellis_care_plan_dialog_new (parent, home.worker, home.child, plan, 0);
  g_assert_null (trellis_test_find_button (dialog, "_Approve"));
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (awaiting));
  gtk_window_destroy (parent);
  home_tear_down (&home);
}

/* Every version, newest first, with what each changed word by word */
static void
test_history (void)
{
  Home home = { 0 };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  TrellisCarePlanHistory *history;
  const char *text;
  g_autofree char *spoken = NULL;
  g_autofree char *markup = trellis_care_plan_history_diff_markup ("Calm start", "Calm & quiet start",
                                                                   &spoken);

  g_assert_cmpstr (spoken, ==, "Added: & quiet. ");
  g_assert_nonnull (strstr (markup, "underline=\"double\""));
  g_assert_nonnull (strstr (markup, "&amp; quiet"));

  home_set_up (&home, "history.db");
  history = TRELLIS_CARE_PLAN_HISTORY (trellis_care_plan_history_new (parent, home.worker,
                                                                      home.placement));
  gtk_window_present (GTK_WINDOW (history));
  trellis_test_wait_while ((TrellisTestBusyFunc) trellis_care_plan_history_is_loading, history);
  text = trellis_care_plan_history_get_text (history);
  g_assert_true (g_str_has_prefix (text, "Version 3: Approved · "));
  g_assert_nonnull (strstr (text, "Version 2: Submitted for approval · "));
  g_assert_nonnull (strstr (text, "How the home will meet the child’s needs: Added: and "
                                  "unhurried. Added: , with breakfast together. "));
  g_assert_nonnull (strstr (text, "Contact with family: Added: Video call with her brother on "
                                  "Sundays. "));
  g_assert_nonnull (strstr (text, "Version 1: Saved · "));
  trellis_test_spin (150);
  trellis_test_save_png (GTK_WIDGET (history), "care-plan-history.png");
  gtk_window_destroy (GTK_WINDOW (history));
  gtk_window_destroy (parent);
  home_tear_down (&home);
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "care-plans");

  g_test_add_func ("/care-plans/section", test_section);
  g_test_add_func ("/care-plans/editor", test_editor);
  g_test_add_func ("/care-plans/approval", test_approval);
  g_test_add_func ("/care-plans/history", test_history);

  return g_test_run ();
}
