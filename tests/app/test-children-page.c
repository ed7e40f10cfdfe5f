/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-children-page.c: the children list, driven with a context as the window drives it
 *
 * The page reads the children itself from the context's home, as its signed-in person may
 * see them: the tests compare what it lists with what the database holds, search it, ask
 * it for the children who have left, and choose a child.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-child-row.h"
#include "trellis-children-page.h"
#include "trellis-core.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

/* The ids the store lists for @username, with or without the children who have left. */
static GArray *
stored_ids (TrellisStore *store,
            const char   *username,
            gboolean      include_former)
{
  g_autoptr(TrellisStaff) staff = trellis_test_lookup_staff (store, username);
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, staff);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  trellis_child_list_set_include_former (list, include_former);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = trellis_child_get_id (child);
      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
has_id (GArray *ids,
        gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The page inside a window of its own, so it is drawn as a person would see it. */
static TrellisChildrenPage *
show_page (GtkWindow **window)
{
  TrellisChildrenPage *page = TRELLIS_CHILDREN_PAGE (trellis_children_page_new ());

  *window = trellis_test_show_in_window (page, 360, 640);
  return page;
}

/* It lists what the database holds for the person signed in, every child once; nobody
 * signed in, nothing at all. */
static void
test_lists_the_home (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "list.db", 20);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  g_autoptr(GArray) ids = stored_ids (store, "staff1", FALSE);
  GtkWindow *window;
  TrellisChildrenPage *page = show_page (&window);
  GListModel *children;

  g_assert_null (trellis_children_page_get_children (page));
  trellis_children_page_set_context (page, context);
  children = trellis_children_page_get_children (page);
  g_assert_nonnull (children);
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, ids->len);
  /* its rows are read on the store's worker, not while the page draws */
  g_assert_true (trellis_child_list_get_asynchronous (TRELLIS_CHILD_LIST (children)));
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(TrellisChild) child = trellis_test_get_child (children, i);
      g_assert_true (has_id (ids, trellis_child_get_id (child)));
    }
  g_assert_null (trellis_children_page_get_empty_text (page));
  trellis_test_save_png (GTK_WIDGET (window), "page-children.png");

  /* signed out: the list goes */
  trellis_children_page_set_context (page, NULL);
  g_assert_null (trellis_children_page_get_children (page));

  gtk_window_destroy (window);
}

/* The search narrows the list to the names that match, says so when none does, and gives
 * the whole list back when emptied. */
static void
test_search_narrows (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "search.db", 30);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff2");
  GtkWindow *window;
  TrellisChildrenPage *page = show_page (&window);
  g_autoptr(TrellisChild) first = NULL;
  GListModel *children;
  guint n_all;

  trellis_children_page_set_context (page, context);
  children = trellis_children_page_get_children (page);
  n_all = g_list_model_get_n_items (children);
  first = trellis_test_get_child (children, 0);

  trellis_children_page_set_search (page, trellis_child_get_family_name (first));
  g_assert_cmpuint (g_list_model_get_n_items (children), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (children), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(TrellisChild) child = trellis_test_get_child (children, i);
      g_assert_cmpstr (trellis_child_get_family_name (child), ==,
                       trellis_child_get_family_name (first));
    }

  trellis_children_page_set_search (page, "zzzz nobody");
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 0);
  g_assert_nonnull (strstr (trellis_children_page_get_empty_text (page), "zzzz nobody"));
  trellis_test_save_png (GTK_WIDGET (window), "page-children-search-empty.png");

  trellis_children_page_set_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, n_all);

  /* another person signs in: the last one's search does not stay */
  {
    g_autoptr(TrellisContext) other = trellis_test_context (store, "manager");

    trellis_children_page_set_search (page, "zzzz nobody");
    trellis_children_page_set_context (page, other);
    g_assert_cmpuint (g_list_model_get_n_items (trellis_children_page_get_children (page)), ==,
                      n_all);
  }

  gtk_window_destroy (window);
}

/* "Show Children Who Have Left" is the page's own action: the list then holds everyone the
 * database has, those who left among them. */
static void
test_show_former (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "former.db", 40);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(GArray) placed = stored_ids (store, "manager", FALSE);
  g_autoptr(GArray) everyone = stored_ids (store, "manager", TRUE);
  GtkWindow *window;
  TrellisChildrenPage *page = show_page (&window);
  GListModel *children;

  /* the demo has children who have left, or this test would prove nothing */
  g_assert_cmpuint (everyone->len, >, placed->len);
  trellis_children_page_set_context (page, context);
  children = trellis_children_page_get_children (page);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, placed->len);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "children.show-former", NULL));
  trellis_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, everyone->len);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "children.show-former", NULL));
  trellis_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, placed->len);

  gtk_window_destroy (window);
}

static void
on_chosen_cb (TrellisChildrenPage *page,
              gint64               child_id,
              gint64              *chosen)
{
  *chosen = child_id;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Activating a row (Enter, a click) says which child was chosen, and the page writes no
 * look at the record: opening it is the window's business. The child shown stays
 * highlighted when the list reloads. */
static void
test_choosing (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "choose.db", 8);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  GtkWindow *window;
  TrellisChildrenPage *page = show_page (&window);
  g_autoptr(TrellisChild) third = NULL;
  GtkWidget *list;
  GtkSelectionModel *selection;
  gint64 chosen = 0;

  trellis_children_page_set_context (page, context);
  g_signal_connect (page, "child-chosen", G_CALLBACK (on_chosen_cb), &chosen);
  list = find_list_view (GTK_WIDGET (page));
  g_assert_nonnull (list);

  /* a row still being read ("Loading…": nobody can see who it is yet) chooses nobody */
  {
    g_autoptr(TrellisChild) loading =
      g_list_model_get_item (trellis_children_page_get_children (page), 2);

    g_assert_true (trellis_child_is_placeholder (loading));
    g_signal_emit_by_name (list, "activate", 2);
    g_assert_cmpint (chosen, ==, 0);
  }

  third = trellis_test_get_child (trellis_children_page_get_children (page), 2);
  g_signal_emit_by_name (list, "activate", 2);
  g_assert_cmpint (chosen, ==, trellis_child_get_id (third));

  trellis_children_page_show_chosen (page, chosen);
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  /* the list is sorted another way: the highlight follows the child */
  trellis_children_page_set_search (page, trellis_child_get_given_name (third));
  trellis_test_spin (50);
  {
    guint position = trellis_child_list_find (
      TRELLIS_CHILD_LIST (trellis_children_page_get_children (page)), chosen);

    g_assert_cmpuint (position, !=, G_MAXUINT);
    g_assert_true (gtk_selection_model_is_selected (selection, position));
  }

  gtk_window_destroy (window);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static void
count_cb (guint *n)
{
  (*n)++;
}

/* The rows a person sees first are built once, with the children in them: the page reads
 * the first rows before it gives the list to the view, so the view never asks for a page of
 * "Loading…" rows; the rest of the list follows the first frame. */
static void
test_first_rows_built_once (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "first.db", 80);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "manager");
  g_autoptr(GArray) ids = stored_ids (store, "manager", FALSE);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWindow *window;
  TrellisChildrenPage *page = show_page (&window);
  GListModel *children;
  GtkWidget *list;
  GListModel *shown;
  guint n_replaced = 0;

  trellis_children_page_set_context (page, context);
  children = trellis_children_page_get_children (page);
  /* a page read for "Loading…" rows replaces them: the view builds them again */
  g_signal_connect_swapped (children, "items-changed", G_CALLBACK (count_cb), &n_replaced);
  list = find_list_view (GTK_WIDGET (page));
  /* nothing for the view to build until the first rows are here */
  g_assert_null (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  trellis_test_wait_for_pages (TRELLIS_CHILD_LIST (children));
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_nonnull (shown);
  trellis_test_spin (200);

  /* every child, once the first frame is drawn: more than the first frame shows */
  g_assert_cmpuint (ids->len, >, 60);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, ids->len);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, ids->len);
  /* no row the view had built as "Loading…" was replaced */
  g_assert_cmpuint (n_replaced, ==, 0);
  g_assert_cmpuint (trellis_child_list_get_n_loading (TRELLIS_CHILD_LIST (children)), ==, 0);
  collect_labels (list, labels);
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, i)), !=, "Loading…");
  {
    g_autoptr(TrellisChild) first = g_list_model_get_item (children, 0);
    g_autofree char *name = trellis_child_dup_ui_name (first);
    gboolean found = FALSE;

    for (guint i = 0; i < labels->len; i++)
      found |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), name) == 0;
    g_assert_true (found);
  }

  gtk_window_destroy (window);
}

/* A row still being read says so, dimmed, and says nothing of any child; given the child
 * it shows the name read from the database, no longer dimmed. */
static void
test_loading_row (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "loading.db", 3);
  g_autoptr(TrellisStaff) manager = trellis_test_lookup_staff (store, "manager");
  g_autoptr(TrellisChildList) list = trellis_store_list_children (store, manager);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisChild) loading = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *name = NULL;
  GtkWidget *row = g_object_ref_sink (trellis_child_row_new ());
  GtkLabel *name_label;
  GtkLabel *detail_label;

  trellis_child_list_set_asynchronous (list, TRUE);
  loading = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (trellis_child_is_placeholder (loading));
  /* the avatar's initials, the name, the details */
  collect_labels (row, labels);
  g_assert_cmpuint (labels->len, ==, 3);
  name_label = g_ptr_array_index (labels, 1);
  detail_label = g_ptr_array_index (labels, 2);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_label), "heading"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (detail_label), "caption"));

  trellis_child_row_set_child (TRELLIS_CHILD_ROW (row), loading);
  g_assert_cmpstr (gtk_label_get_text (name_label), ==, "Loading…");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_label), "dim-label"));
  g_assert_cmpstr (gtk_label_get_text (detail_label), ==, "");

  child = trellis_store_get_child (store, manager, trellis_child_get_id (loading), &error);
  g_assert_no_error (error);
  name = trellis_child_dup_ui_name (child);
  trellis_child_row_set_child (TRELLIS_CHILD_ROW (row), child);
  g_assert_cmpstr (gtk_label_get_text (name_label), ==, name);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name_label), "dim-label"));
  g_assert_nonnull (strstr (gtk_label_get_text (detail_label), "Aged"));

  trellis_test_wait_for_pages (list);
  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "children-page");

  g_test_add_func ("/children-page/lists-the-home", test_lists_the_home);
  g_test_add_func ("/children-page/search-narrows", test_search_narrows);
  g_test_add_func ("/children-page/show-former", test_show_former);
  g_test_add_func ("/children-page/choosing", test_choosing);
  g_test_add_func ("/children-page/loading-row", test_loading_row);
  g_test_add_func ("/children-page/first-rows-built-once", test_first_rows_built_once);

  return g_test_run ();
}
