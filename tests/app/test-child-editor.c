/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-child-editor.c: the form for a child's core details, driven with a context
 *
 * Whatever way the editor goes (saved, discarded, closed unchanged), it says it finished
 * exactly once, and the window that keeps it as a draft hears it once. What reached the
 * store is read back from the store.
 */
#include "config.h"

#include <adwaita.h>

#include "trellis-child-editor.h"
#include "trellis-core.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"
#include "trellis-window-private.h"

static char *tmpdir;

typedef struct
{
  guint  n_finished;
  guint  n_saved;
  gint64 saved_id;
} Heard;

static void
on_finished_cb (TrellisChildEditor *editor,
                Heard              *heard)
{
  heard->n_finished++;
}

static void
on_saved_cb (TrellisChildEditor *editor,
             gint64              id,
             Heard              *heard)
{
  heard->n_saved++;
  heard->saved_id = id;
}

static TrellisChild *
first_child (TrellisStore *store)
{
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, manager);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

static TrellisChild *
stored_child (TrellisStore *store,
              gint64        id)
{
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(GError) error = NULL;
  TrellisChild *child = trellis_store_get_child (store, manager, id, &error);

  g_assert_no_error (error);
  return child;
}

static TrellisChildEditor *
open_editor (TrellisContext *context,
             TrellisChild   *child,
             Heard          *heard)
{
  TrellisChildEditor *editor = trellis_child_editor_new (NULL, context, child);

  g_signal_connect (editor, "finished", G_CALLBACK (on_finished_cb), heard);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved_cb), heard);
  gtk_window_present (GTK_WINDOW (editor));
  trellis_test_spin (100);
  return editor;
}

/* The religion stored differs from what the tests type. */
static const char *
other_religion (TrellisChild *child)
{
  return g_strcmp0 (trellis_child_get_religion (child), "Quaker") == 0 ? "Buddhist" : "Quaker";
}

/* Closed with nothing typed: finished once, however often it is closed, and not again as
 * it is destroyed and let go. */
static void
test_closed_unchanged (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "unchanged.db", 3);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisChild) child = first_child (store);
  Heard heard = { 0 };
  TrellisChildEditor *editor = g_object_ref (open_editor (context, child, &heard));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (trellis_child_editor_get_text (editor, "given-name"), ==,
                   trellis_child_get_given_name (child));
  g_assert_false (trellis_child_editor_is_dirty (editor));

  gtk_window_close (GTK_WINDOW (editor));
  trellis_test_spin (50);
  g_assert_cmpuint (heard.n_finished, ==, 1);
  gtk_window_close (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (editor);
  trellis_test_spin (50);
  g_assert_null (editor);
  g_assert_cmpuint (heard.n_finished, ==, 1);
  g_assert_cmpuint (heard.n_saved, ==, 0);
}

/* Saved: the store holds what was typed, and the editor said saved, then finished, once. */
static void
test_saved (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "saved.db", 3);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisChild) child = first_child (store);
  g_autoptr(TrellisChild) after = NULL;
  g_autofree char *religion = g_strdup (other_religion (child));
  Heard heard = { 0 };
  TrellisChildEditor *editor = open_editor (context, child, &heard);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  trellis_child_editor_set_text (editor, "religion", religion);
  g_assert_true (trellis_child_editor_is_dirty (editor));
  g_assert_true (trellis_child_editor_save (editor));
  trellis_test_spin (50);

  g_assert_null (editor);
  g_assert_cmpuint (heard.n_saved, ==, 1);
  g_assert_cmpint (heard.saved_id, ==, trellis_child_get_id (child));
  g_assert_cmpuint (heard.n_finished, ==, 1);
  after = stored_child (store, trellis_child_get_id (child));
  g_assert_cmpstr (trellis_child_get_religion (after), ==, religion);
}

static AdwMessageDialog *
find_question (GtkWindow *over)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == over)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Closes @editor, which holds typing, and gives @answer to the question it asks. */
static void
close_and_answer (TrellisChildEditor *editor,
                  const char         *answer)
{
  AdwMessageDialog *question;

  gtk_window_close (GTK_WINDOW (editor));
  trellis_test_spin (100);
  question = find_question (GTK_WINDOW (editor));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, answer);
  trellis_test_spin (100);
}

/* Typing, then closing, asks first: keeping the typing finishes nothing; discarding it
 * finishes once and the store has nothing new. */
static void
test_discarded (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "discarded.db", 3);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisChild) child = first_child (store);
  g_autoptr(TrellisChild) after = NULL;
  gint64 id = trellis_child_get_id (child);
  guint versions = trellis_store_count_child_versions (store, trellis_context_get_actor (context),
                                                       id, NULL);
  Heard heard = { 0 };
  TrellisChildEditor *editor = open_editor (context, child, &heard);

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  trellis_child_editor_set_text (editor, "religion", other_religion (child));

  close_and_answer (editor, "keep");
  g_assert_nonnull (editor);
  g_assert_cmpuint (heard.n_finished, ==, 0);
  g_assert_true (trellis_child_editor_is_dirty (editor));

  /* held while the question that asked goes: GTK 4.8 drops the question after its parent
   * when the answer is given from here rather than by a click */
  g_object_ref (editor);
  close_and_answer (editor, "discard");
  g_assert_cmpuint (heard.n_finished, ==, 1);
  g_object_unref (editor);
  trellis_test_spin (50);
  g_assert_null (editor);
  g_assert_cmpuint (heard.n_finished, ==, 1);
  g_assert_cmpuint (heard.n_saved, ==, 0);
  after = stored_child (store, id);
  g_assert_cmpstr (trellis_child_get_religion (after), ==, trellis_child_get_religion (child));
  g_assert_cmpuint (trellis_store_count_child_versions (store, trellis_context_get_actor (context),
                                                        id, NULL), ==, versions);
}

/* The window keeps an open editor as its author's draft and lets it go when it finishes:
 * once. Being told a second time (by the editor's destruction, say) is a warning, which
 * fails this test. */
static void
test_window_told_once (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "window.db", 3);
  g_autoptr(TrellisChild) child = first_child (store);
  TrellisWindow *window = trellis_window_new (NULL);
  TrellisChildEditor *editor;
  GPtrArray *drafts;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  trellis_window_open_store (window, store);
  g_assert_true (trellis_sign_in_page_sign_in (trellis_window_get_sign_in_page (window),
                                               "manager", TRELLIS_DEMO_PASSWORD));
  trellis_test_spin (200);
  trellis_window_select_child (window, trellis_child_get_id (child));
  trellis_test_spin (100);

  for (guint round = 0; round < 2; round++)
    {
      editor = trellis_window_edit_child (window);
      g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
      trellis_test_spin (100);
      drafts = trellis_window_drafts_of (window, trellis_window_get_actor (window));
      g_assert_cmpuint (drafts->len, ==, 1);

      if (round == 0)
        gtk_window_close (GTK_WINDOW (editor));
      else
        {
          trellis_child_editor_set_text (editor, "religion", other_religion (child));
          g_assert_true (trellis_child_editor_save (editor));
        }
      trellis_test_spin (200);
      g_assert_null (editor);
      g_assert_cmpuint (drafts->len, ==, 0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  trellis_test_spin (50);
}

/* Adding a child with the names and date of birth of one already here asks first: Cancel
 * keeps the editor and what was typed, and adds nothing; "Add Another Child" adds them. */
static void
test_same_child_asks_first (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "same.db", 3);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(TrellisChild) existing = first_child (store);
  g_autoptr(TrellisChildList) list = NULL;
  g_autofree char *dob = trellis_date_format (trellis_child_get_date_of_birth (existing));
  g_autofree char *upper = g_utf8_strup (trellis_child_get_family_name (existing), -1);
  Heard heard = { 0 };
  TrellisChildEditor *editor = open_editor (context, NULL, &heard);   /* a new child */
  AdwMessageDialog *question;
  guint before;

  list = trellis_store_list_children (store, trellis_context_get_actor (context));
  trellis_child_list_set_include_former (list, TRUE);
  trellis_test_wait_for_pages (list);
  before = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  trellis_child_editor_set_text (editor, "given-name", trellis_child_get_given_name (existing));
  trellis_child_editor_set_text (editor, "family-name", upper);   /* case does not matter */
  trellis_child_editor_set_text (editor, "date-of-birth", dob);

  /* Save, as the button does: the question comes */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  for (guint i = 0; i < 100 && trellis_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG,
                                                          GTK_WINDOW (editor)) == NULL; i++)
    trellis_test_spin (20);
  question = trellis_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==,
                   "Add Another Child With These Details?");
  trellis_test_save_png (GTK_WIDGET (question), "child-editor-same-child.png");

  /* as its button does: the answer, then the dialog goes */
  adw_message_dialog_response (question, "cancel");
  gtk_window_close (GTK_WINDOW (question));
  for (guint i = 0; i < 100 && trellis_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG,
                                                          GTK_WINDOW (editor)) != NULL; i++)
    trellis_test_spin (20);
  g_assert_nonnull (editor);
  g_assert_cmpuint (heard.n_saved, ==, 0);
  g_assert_cmpstr (trellis_child_editor_get_text (editor, "family-name"), ==, upper);
  g_assert_cmpint (trellis_store_find_same_child (store, trellis_context_get_actor (context),
                                                  existing, NULL), ==,
                   trellis_child_get_id (existing));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  for (guint i = 0; i < 100 && trellis_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG,
                                                          GTK_WINDOW (editor)) == NULL; i++)
    trellis_test_spin (20);
  question = trellis_test_find_dialog (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (editor));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "add");
  gtk_window_close (GTK_WINDOW (question));
  for (guint i = 0; i < 100 && heard.n_saved == 0; i++)
    trellis_test_spin (20);
  g_assert_cmpuint (heard.n_saved, ==, 1);

  g_clear_object (&list);
  list = trellis_store_list_children (store, trellis_context_get_actor (context));
  trellis_child_list_set_include_former (list, TRUE);
  trellis_test_wait_for_pages (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "child-editor");

  g_test_add_func ("/child-editor/closed-unchanged", test_closed_unchanged);
  g_test_add_func ("/child-editor/saved", test_saved);
  g_test_add_func ("/child-editor/discarded", test_discarded);
  g_test_add_func ("/child-editor/window-told-once", test_window_told_once);
  g_test_add_func ("/child-editor/same-child-asks-first", test_same_child_asks_first);

  return g_test_run ();
}
