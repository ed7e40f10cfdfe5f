/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-children-page.c: the children of the home, searched, sorted and chosen
 *
 * The page reads the children itself, from the context the window gives it, as the person
 * signed in may see them: a lazy list from the store, its rows read on the store's worker
 * ("Loading…" until they come), narrowed by the search field, sorted and with or without
 * the children who have left as this PC's settings say. It owns those
 * controls and their actions (children.sort-order, children.show-former). Choosing a child
 * (Enter, a click) emits ::child-chosen; the window decides what that opens. Moving the
 * pointer or the keyboard over rows opens nothing.
 */
#define G_LOG_DOMAIN "trellis-children-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-a11y.h"
#include "trellis-child-row.h"
#include "trellis-children-page.h"
#include "trellis-menu-button.h"

struct _TrellisChildrenPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  AdwWindowTitle     *sidebar_title;
  GtkRevealer        *demo_banner;
  GtkMenuButton      *menu_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *list_empty_page;

  /* owned */
  GSettings          *settings;
  TrellisContext     *context;
  TrellisChildList   *children;
  GtkSliceListModel  *shown;          /* the first rows, then all of them (see show_list()) */
  GtkSingleSelection *selection;
  GCancellable       *first_rows;     /* reading the rows shown first */
  GdkFrameClock      *grow_clock;
  gulong              grow_id;
  gint64              chosen_id;      /* the child the window shows, highlighted */
  gboolean            folded;
};

G_DEFINE_FINAL_TYPE (TrellisChildrenPage, trellis_children_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHILD_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_empty_state (TrellisChildrenPage *self)
{
  TrellisStaff *actor = self->context != NULL ? trellis_context_get_actor (self->context) : NULL;
  guint n = self->children != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->children)) : 0;
  const char *search = self->children != NULL ? trellis_child_list_get_search (self->children)
                                              : NULL;

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (search != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("No child’s name contains “%s”"), search);
      adw_status_page_set_title (self->list_empty_page, _("No Children Found"));
      adw_status_page_set_description (self->list_empty_page, description);
    }
  else
    {
      adw_status_page_set_title (self->list_empty_page, _("No Children Yet"));
      if (trellis_permission_allows (actor, TRELLIS_ACTION_ADD_CHILD, 0))
        adw_status_page_set_description (self->list_empty_page,
                                         _("Add the first child with the + button"));
      else if (trellis_permission_allows (actor, TRELLIS_ACTION_MANAGE_STAFF, 0))
        adw_status_page_set_description (self->list_empty_page,
                                         _("A Manager adds the children. Add the Manager’s "
                                           "account from Staff Accounts in the main menu."));
      else
        adw_status_page_set_description (self->list_empty_page,
                                         _("A Manager adds the children of the home"));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* The list's highlight follows the child chosen, wherever the list has moved. */
static void
select_chosen (TrellisChildrenPage *self)
{
  guint position;

  if (self->children == NULL || self->chosen_id <= 0)
    return;

  position = trellis_child_list_find (self->children, self->chosen_id);
  if (position != G_MAXUINT &&
      gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

/* Enter, a click or a double-click on a row: the one way a child is chosen from the list. */
static void
on_list_activate_cb (TrellisChildrenPage *self,
                     guint                position)
{
  g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (self->children), position);

  /* a row still "Loading…" is not chosen: the person cannot yet see who it is */
  if (child == NULL || trellis_child_is_placeholder (child) || trellis_child_get_id (child) <= 0)
    return;

  g_signal_emit (self, signals[CHILD_CHOSEN], 0, trellis_child_get_id (child));
}

static void
on_children_changed_cb (TrellisChildrenPage *self)
{
  update_empty_state (self);
}

/* The list is one Tab stop: the arrows move between its rows, Tab and Shift+Tab leave it
 * (GTK 4.8's list view takes Tab to mean the next row). The list stops taking the focus
 * for a moment so the move goes past it. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *keys,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        TrellisChildrenPage   *self)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  GtkDirectionType direction;
  gboolean moved;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return GDK_EVENT_PROPAGATE;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK) || root == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (root, direction);
  gtk_widget_set_can_focus (list, TRUE);
  if (!moved)
    gtk_widget_child_focus (root, direction);   /* wrap round */
  return GDK_EVENT_STOP;
}

/* A single click (press and release on the same row) opens it, as in a GNOME sidebar. The
 * list itself only selects on a click; it is not set to activate on a single click, because
 * then merely hovering a row selects it. */
static void
on_row_released_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkListItem     *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint position = gtk_list_item_get_position (item);

  if (n_press == 1 && position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (row, "list.activate-item", "u", position);
}

/* A reloaded row drops the selection: the child on screen stays the one selected. */
static void
on_children_reloaded_cb (TrellisChildrenPage *self)
{
  if (self->selection != NULL &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    select_chosen (self);
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *row = trellis_child_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_row_released_cb), item, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  trellis_child_row_set_child (TRELLIS_CHILD_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
on_search_changed_cb (TrellisChildrenPage *self)
{
  if (self->children != NULL)
    trellis_child_list_set_search (self->children,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
apply_list_settings (TrellisChildrenPage *self)
{
  g_autofree char *sort = g_settings_get_string (self->settings, "sort-order");
  int value = trellis_enum_from_nick (TRELLIS_TYPE_CHILD_SORT, sort);

  if (self->children == NULL)
    return;

  trellis_child_list_set_sort (self->children, value < 0 ? TRELLIS_CHILD_SORT_NAME : value);
  trellis_child_list_set_include_former (self->children,
                                         g_settings_get_boolean (self->settings, "show-former"));
}

/* On a shared PC the header always says whose session this is, long after the toast. */
static void
show_who_is_signed_in (TrellisChildrenPage *self)
{
  TrellisStaff *actor = trellis_context_get_actor (self->context);
  /* Translators: under the home's name in the list's header, "Signed in: Joanne Mensah" */
  g_autofree char *who = g_strdup_printf (_("Signed in: %s"),
                                          trellis_staff_get_display_name (actor));

  adw_window_title_set_title (self->sidebar_title,
                              trellis_home_get_name (trellis_context_get_home (self->context)));
  adw_window_title_set_subtitle (self->sidebar_title, who);
}

/* Nothing about the last person's children stays: the list, the search and the highlight. */
static void
clear (TrellisChildrenPage *self)
{
  if (self->children != NULL)
    g_signal_handlers_disconnect_by_data (self->children, self);
  g_cancellable_cancel (self->first_rows);
  g_clear_object (&self->first_rows);
  if (self->grow_clock != NULL)
    g_clear_signal_handler (&self->grow_id, self->grow_clock);
  g_clear_object (&self->grow_clock);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->children);
  g_clear_object (&self->context);
  self->chosen_id = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* GTK 4.8's list view builds a row widget for about two hundred rows from the top at once,
 * whatever the screen shows (205 counted): read before it asks, they are built once. */
#define FIRST_ROWS (4 * TRELLIS_CHILD_LIST_PAGE_SIZE + 10)
/* More rows than the tallest screen shows: all the first frame needs to build */
#define FIRST_SHOWN TRELLIS_CHILD_LIST_PAGE_SIZE

static void
grow (TrellisChildrenPage *self)
{
  if (self->grow_clock != NULL)
    g_clear_signal_handler (&self->grow_id, self->grow_clock);
  g_clear_object (&self->grow_clock);
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  select_chosen (self);
}

static void
on_first_frame_cb (TrellisChildrenPage *self)
{
  grow (self);
}

/* The view is given the first rows the screen shows, and the rest after the frame that
 * shows them: building two hundred rows the screen does not show yet (GTK 4.8 does) would
 * keep the list off the screen for as long again. */
static void
show_list (TrellisChildrenPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  select_chosen (self);
  if (clock == NULL)
    {
      grow (self);
      return;
    }
  self->grow_clock = g_object_ref (clock);
  self->grow_id = g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame_cb),
                                           self, G_CONNECT_SWAPPED);
  /* a frame even if the list is not on screen now, so the rest is not left waiting */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
on_first_rows_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TrellisChildrenPage) self = user_data;
  g_autoptr(GError) error = NULL;

  trellis_child_list_load_first_finish (TRELLIS_CHILD_LIST (source), result, &error);
  /* signed out, or another list, meanwhile */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      (GObject *) self->children != source)
    return;
  /* otherwise, failed or not, the list is shown: a row not read is read as the view asks */
  if (error != NULL)
    g_debug ("The first rows were not read at once: %s", error->message);
  g_clear_object (&self->first_rows);
  show_list (self);
}

static void
load (TrellisChildrenPage *self)
{
  TrellisStore *store = trellis_context_get_store (self->context);
  TrellisStaff *actor = trellis_context_get_actor (self->context);

  self->children = trellis_store_list_children (store, actor);
  /* the rows are read on the store's worker: the list scrolls while they come */
  trellis_child_list_set_asynchronous (self->children, TRUE);
  apply_list_settings (self);
  g_signal_connect_object (self->children, "items-changed", G_CALLBACK (on_children_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->children)), 0,
                                          FIRST_SHOWN);
  /* told not to select before it has the list: selecting the first row would ask for it
   * before it is read, and have it built twice */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->shown));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* after the selection has taken the change in */
  g_signal_connect_object (self->children, "items-changed", G_CALLBACK (on_children_reloaded_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* the view is given the list when its first rows are here, so it builds them once */
  self->first_rows = g_cancellable_new ();
  trellis_child_list_load_first_async (self->children, FIRST_ROWS, self->first_rows,
                                       on_first_rows_cb, g_object_ref (self));
  gtk_revealer_set_reveal_child (self->demo_banner,
                                 trellis_home_get_is_demo (trellis_context_get_home (self->context)));
  show_who_is_signed_in (self);
  update_empty_state (self);
}

static void
trellis_children_page_dispose (GObject *object)
{
  TrellisChildrenPage *self = TRELLIS_CHILDREN_PAGE (object);
  GtkWidget *child;

  if (self->list_view != NULL)
    clear (self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_CHILDREN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_children_page_parent_class)->dispose (object);
}

static void
trellis_children_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisChildrenPage *self = TRELLIS_CHILDREN_PAGE (object);

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
trellis_children_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrellisChildrenPage *self = TRELLIS_CHILDREN_PAGE (object);

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
trellis_children_page_class_init (TrellisChildrenPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_children_page_dispose;
  object_class->get_property = trellis_children_page_get_property;
  object_class->set_property = trellis_children_page_set_property;

  /* The page stands alone in a narrow window: its header then has the window's buttons. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisChildrenPage::child-chosen:
   * @child_id: the child a person chose, with Enter or a click
   */
  signals[CHILD_CHOSEN] = g_signal_new ("child-chosen", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/pages/"
                                               "trellis-children-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisChildrenPage, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildrenPage, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildrenPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildrenPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildrenPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildrenPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildrenPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisChildrenPage, list_empty_page);
}

static void
trellis_children_page_init (TrellisChildrenPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GAction) sort_action = NULL;
  g_autoptr(GAction) former_action = NULL;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* how the list is sorted, and whether it shows who has left, are this PC's settings */
  self->settings = g_settings_new (APPLICATION_ID);
  sort_action = g_settings_create_action (self->settings, "sort-order");
  former_action = g_settings_create_action (self->settings, "show-former");
  g_action_map_add_action (G_ACTION_MAP (actions), sort_action);
  g_action_map_add_action (G_ACTION_MAP (actions), former_action);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "children", G_ACTION_GROUP (actions));
  g_signal_connect_object (self->settings, "changed::sort-order",
                           G_CALLBACK (apply_list_settings), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-former",
                           G_CALLBACK (apply_list_settings), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  trellis_a11y_name (GTK_WIDGET (self->list_view), _("Children"));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  trellis_menu_button_close_cleanly (self->menu_button);
}

GtkWidget *
trellis_children_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_CHILDREN_PAGE, NULL);
}

/**
 * trellis_children_page_set_context:
 * @context: (nullable): the home and who is signed in; %NULL when nobody is
 *
 * Lists the children @context's signed-in person may see, afresh: nothing of the last
 * person's list, search or choice stays.
 */
void
trellis_children_page_set_context (TrellisChildrenPage *self,
                                   TrellisContext      *context)
{
  g_return_if_fail (TRELLIS_IS_CHILDREN_PAGE (self));
  g_return_if_fail (context == NULL || TRELLIS_IS_CONTEXT (context));

  clear (self);
  if (context == NULL || trellis_context_get_actor (context) == NULL)
    return;

  self->context = g_object_ref (context);
  load (self);
}

/* The child the window shows: highlighted in the list, whatever the list does next. */
void
trellis_children_page_show_chosen (TrellisChildrenPage *self,
                                   gint64               child_id)
{
  g_return_if_fail (TRELLIS_IS_CHILDREN_PAGE (self));

  self->chosen_id = child_id;
  if (child_id <= 0 && self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  select_chosen (self);
}

/* The search field opens and takes the keyboard. */
void
trellis_children_page_start_search (TrellisChildrenPage *self)
{
  g_return_if_fail (TRELLIS_IS_CHILDREN_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Types @text in the search field; the list follows at once. */
void
trellis_children_page_set_search (TrellisChildrenPage *self,
                                  const char          *text)
{
  g_return_if_fail (TRELLIS_IS_CHILDREN_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* search-changed waits for the typing to pause; whoever sets the text wants it now */
  on_search_changed_cb (self);
}

/* The children listed now (TrellisChild), or NULL when nobody is signed in. */
GListModel *
trellis_children_page_get_children (TrellisChildrenPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILDREN_PAGE (self), NULL);
  return G_LIST_MODEL (self->children);
}

/* What the page says when it lists nobody, or NULL while it lists children. */
const char *
trellis_children_page_get_empty_text (TrellisChildrenPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILDREN_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "empty") != 0)
    return NULL;
  return adw_status_page_get_description (self->list_empty_page);
}
