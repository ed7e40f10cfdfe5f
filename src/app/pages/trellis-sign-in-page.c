/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sign-in-page.c: the first thing on the shared PC, and what a locked window shows
 *
 * Modes: "choose" lists the active staff to click; "password" asks the chosen person for
 * their password; "change" makes someone who was given a one-time password choose their
 * own. A locked window starts in "password" for the person who locked it, with a way for
 * somebody else to sign in instead. Nothing about any child is on this page.
 *
 * A home of a usual size lists everyone who can sign in. A provider with thousands of
 * accounts in one file must not wait for thousands of rows: beyond MAX_LISTED people the
 * page lists those who signed in last and a field to find a name, and never shows more than
 * MAX_LISTED rows, however many accounts there are.
 */
#define G_LOG_DOMAIN "trellis-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-a11y.h"
#include "trellis-sign-in-page.h"

#define MAX_LISTED 20   /* a whole staff team of a children's home */
#define MAX_RECENT 8

struct _TrellisSignInPage
{
  AdwBin               parent_instance;

  AdwStatusPage       *status;
  GtkStack            *stack;
  GtkListBox          *people;
  GtkSearchEntry      *find_entry;
  GtkLabel            *more_label;
  AdwAvatar           *avatar;
  GtkLabel            *person_label;
  AdwPasswordEntryRow *password_row;
  GtkButton           *other_button;
  GtkButton           *change_button;
  GtkButton           *change_other_button;
  AdwPasswordEntryRow *new_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel            *error_label;

  char                *hint;         /* added to the description, e.g. for a demo home */
  TrellisContext      *context;      /* the home shown; nobody signed in through it here */
  GListModel          *staff;        /* the people listed now, in the order shown */
  gboolean             many;         /* more than MAX_LISTED can sign in */
  TrellisStaff        *chosen;
  TrellisStaff        *signed_in;    /* waiting to choose their own password */
  char                *given;        /* the one-time password, until it is replaced */
  gboolean             locked;
  char                *checking;     /* the password being checked on a worker, or NULL */
  gboolean             changing;     /* a first password being chosen, on the worker */
  GCancellable        *cancellable;
  GtkWidget           *sign_in_button;   /* template */
};

G_DEFINE_FINAL_TYPE (TrellisSignInPage, trellis_sign_in_page, ADW_TYPE_BIN)

/* The home the page signs people in to. */
static TrellisStore *
page_store (TrellisSignInPage *self)
{
  return self->context != NULL ? trellis_context_get_store (self->context) : NULL;
}

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (TrellisSignInPage *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A password leaves memory wiped, not just freed. */
static void
forget_text (char *text)
{
  if (text != NULL)
    memset (text, 0, strlen (text));
  g_free (text);
}

static void
forget_given (TrellisSignInPage *self)
{
  forget_text (g_steal_pointer (&self->given));
}

static void
clear_entries (TrellisSignInPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
}

static void
ask_password (TrellisSignInPage *self,
              TrellisStaff      *staff)
{
  g_set_object (&self->chosen, staff);
  gtk_label_set_text (self->person_label, trellis_staff_get_display_name (staff));
  adw_avatar_set_text (self->avatar, trellis_staff_get_display_name (staff));
  clear_entries (self);
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "password");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_person_activated_cb (TrellisSignInPage *self,
                        GtkListBoxRow     *row)
{
  g_autoptr(TrellisStaff) staff = g_list_model_get_item (self->staff,
                                                         gtk_list_box_row_get_index (row));
  ask_password (self, staff);
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  TrellisStaff *staff = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, trellis_staff_get_display_name (staff), TRUE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_staff_get_display_name (staff));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               trellis_role_to_label (trellis_staff_get_role (staff)));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
show_more (TrellisSignInPage *self,
           const char        *text)
{
  gtk_label_set_text (self->more_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), text != NULL);
}

/* The people to list for what is typed in the find field: everyone in a home of a usual
 * size; otherwise those who signed in last, or the first MAX_LISTED whose name matches. */
static void
show_found (TrellisSignInPage *self,
            GListModel        *first_page)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autoptr(GListModel) found = first_page != NULL ? g_object_ref (first_page) : NULL;
  g_autoptr(GListStore) shown = g_list_store_new (TRELLIS_TYPE_STAFF);
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *more = NULL;

  if (self->context == NULL)
    return;

  if (self->many && *trimmed == '\0')
    {
      found = trellis_store_list_recent_sign_ins (page_store (self), MAX_RECENT, &error);
      more = _("Not in the list? Type your name to find it.");
    }
  if (found == NULL || (error == NULL && g_list_model_get_n_items (found) == 0))
    {
      g_clear_object (&found);
      g_clear_error (&error);
      found = trellis_store_find_sign_in_staff (page_store (self), trimmed, MAX_LISTED + 1, &error);
    }
  if (found == NULL)
    {
      show_error (self, error->message);
      found = G_LIST_MODEL (g_list_store_new (TRELLIS_TYPE_STAFF));
    }

  for (guint i = 0; i < MIN (g_list_model_get_n_items (found), MAX_LISTED); i++)
    {
      g_autoptr(TrellisStaff) staff = g_list_model_get_item (found, i);
      g_list_store_append (shown, staff);
    }
  if (*trimmed != '\0' && g_list_model_get_n_items (found) == 0)
    more = _("Nobody who can sign in has that name or username.");
  else if (g_list_model_get_n_items (found) > MAX_LISTED)
    more = _("More people match: type more of the name.");

  g_set_object (&self->staff, G_LIST_MODEL (shown));
  gtk_list_box_bind_model (self->people, self->staff, create_person_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->people), g_list_model_get_n_items (self->staff) > 0);
  show_more (self, self->many ? more : NULL);
}

static void
show_people (TrellisSignInPage *self)
{
  show_found (self, NULL);
}

static void
load_people (TrellisSignInPage *self,
             TrellisContext    *context)
{
  g_autoptr(GListModel) first = NULL;

  g_set_object (&self->context, context);
  first = trellis_store_find_sign_in_staff (trellis_context_get_store (context), NULL,
                                            MAX_LISTED + 1, NULL);
  self->many = first != NULL && g_list_model_get_n_items (first) > MAX_LISTED;
  gtk_widget_set_visible (GTK_WIDGET (self->find_entry), self->many);
  g_signal_handlers_block_by_func (self->find_entry, show_people, self);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  g_signal_handlers_unblock_by_func (self->find_entry, show_people, self);
  /* a home of a usual size shows the page just read: one query, not two */
  show_found (self, self->many ? NULL : first);
}

/* Enter in the find field chooses the first person found; Down goes into the list. */
static void
on_find_activated_cb (TrellisSignInPage *self)
{
  g_autoptr(TrellisStaff) first = NULL;

  show_people (self);
  if (g_list_model_get_n_items (self->staff) > 0)
    {
      first = g_list_model_get_item (self->staff, 0);
      ask_password (self, first);
    }
}

static gboolean
on_find_key_pressed_cb (TrellisSignInPage *self,
                        guint              keyval,
                        guint              keycode,
                        GdkModifierType    state)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->people, 0);

  if (keyval != GDK_KEY_Down || first == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

/* The keyboard starts on the list of people: arrows move, Enter chooses. */
static void
focus_first_person (TrellisSignInPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->people, 0);

  /* among thousands, finding the name is quicker than scrolling to it */
  if (self->many)
    gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  else if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
finish (TrellisSignInPage *self,
        TrellisStaff      *staff)
{
  g_autoptr(TrellisStaff) who = g_object_ref (staff);

  forget_given (self);
  clear_entries (self);
  g_clear_object (&self->signed_in);
  g_signal_emit (self, signals[SIGNED_IN], 0, who);
}

/**
 * trellis_sign_in_page_sign_in:
 *
 * Signs @username in. On success the page emits ::signed-in, or first asks them to choose
 * their own password. Returns: %FALSE when refused; the page says why.
 */
/* What the store answered (@staff, or %NULL with @error) for @password. */
static gboolean
take_answer (TrellisSignInPage *self,
             TrellisStaff      *staff,
             gboolean           must_change,
             const char        *password,
             GError            *error)
{
  if (must_change && staff != NULL)
    {
      forget_given (self);
      self->given = g_strdup (password);
    }
  /* @password may be the entry's own text: nothing reads it after this */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  if (staff == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  if (must_change)
    {
      g_set_object (&self->signed_in, staff);
      adw_status_page_set_title (self->status, _("Choose Your Own Password"));
      adw_status_page_set_description (self->status,
                                       _("You signed in with a password someone gave you. "
                                         "Choose one only you know: at least 10 characters."));
      gtk_stack_set_visible_child_name (self->stack, "change");
      gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
      return TRUE;
    }

  finish (self, staff);
  return TRUE;
}

gboolean
trellis_sign_in_page_sign_in (TrellisSignInPage *self,
                              const char        *username,
                              const char        *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) staff = NULL;
  gboolean must_change = FALSE;

  g_return_val_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  staff = trellis_store_sign_in (page_store (self), username, password, &must_change, &error);
  return take_answer (self, staff, must_change, password, error);
}

static void
on_password_changed_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(TrellisSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean changed = trellis_store_change_password_finish (TRELLIS_STORE (source), result,
                                                           &error);

  /* the page started afresh meanwhile (a lock, someone else) */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->changing)
    return;
  self->changing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), TRUE);
  if (!changed)
    {
      show_error (self, error->message);
      return;
    }
  finish (self, self->signed_in);
}

/**
 * trellis_sign_in_page_change_password:
 *
 * Choose Your Own Password. Returns: %FALSE, with the page saying why, when the two differ
 * or the new one is too weak; %TRUE when the change has started: Argon2 runs on the store's
 * worker, and the page goes on (or says why not) when it is done.
 */
gboolean
trellis_sign_in_page_change_password (TrellisSignInPage *self,
                                      const char        *password,
                                      const char        *confirm)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self), FALSE);
  g_return_val_if_fail (self->signed_in != NULL, FALSE);

  if (self->changing)
    return TRUE;
  if (g_strcmp0 (password, confirm) != 0)
    {
      show_error (self, _("The two passwords are not the same"));
      return FALSE;
    }
  if (!trellis_password_check_strength (password,
                                        trellis_staff_get_username (self->signed_in), &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->changing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), FALSE);
  trellis_store_change_password_async (page_store (self), self->signed_in, self->given, password,
                                       self->cancellable, on_password_changed_cb,
                                       g_object_ref (self));
  return TRUE;
}

gboolean
trellis_sign_in_page_is_changing (TrellisSignInPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self), FALSE);
  return self->changing;
}

/* The entries' texts are copied before anything clears the entries: a pointer into an
 * entry's buffer dies with the text it points at. */
static char *
take_text (GtkEditable *editable)
{
  return g_strdup (gtk_editable_get_text (editable));
}

/* While Argon2 checks a password on a worker, the page keeps drawing and takes no second
 * try. */
static void
set_checking (TrellisSignInPage *self,
              gboolean           checking)
{
  /* the field stays focusable (taking a focused entry's sensitivity away upsets GTK); it
   * just takes no typing */
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !checking);
  gtk_widget_set_sensitive (self->sign_in_button, !checking);
  gtk_widget_set_sensitive (GTK_WIDGET (self->other_button), !checking);
  if (!checking && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "password"))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_signed_in_async_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(TrellisSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisStaff) staff = NULL;
  char *password;
  gboolean must_change = FALSE;

  staff = trellis_store_sign_in_finish (TRELLIS_STORE (source), result, &must_change, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* stop_checking() has forgotten the password already */

  password = g_steal_pointer (&self->checking);
  set_checking (self, FALSE);
  take_answer (self, staff, must_change, password, error);
  forget_text (password);
}

static void
on_sign_in_cb (TrellisSignInPage *self)
{
  if (self->chosen == NULL || self->checking != NULL)
    return;

  self->checking = take_text (GTK_EDITABLE (self->password_row));
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_checking (self, TRUE);
  trellis_store_sign_in_async (page_store (self), trellis_staff_get_username (self->chosen),
                               self->checking, self->cancellable, on_signed_in_async_cb,
                               g_object_ref (self));
}

/* A page that starts afresh (another person, a lock) forgets a check still running; the
 * store counts and audits it all the same. */
static void
stop_checking (TrellisSignInPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->changing)
    {
      self->changing = FALSE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), TRUE);
    }
  if (self->checking != NULL)
    {
      forget_text (g_steal_pointer (&self->checking));
      set_checking (self, FALSE);
    }
}

static void
on_change_cb (TrellisSignInPage *self)
{
  char *password = take_text (GTK_EDITABLE (self->new_row));
  char *confirm = take_text (GTK_EDITABLE (self->confirm_row));

  trellis_sign_in_page_change_password (self, password, confirm);
  forget_text (password);
  forget_text (confirm);
}

/* Back to the list of people. Someone who signed in with a one-time password and leaves
 * without choosing their own is signed out again: they never got further than this page. */
static void
on_other_cb (TrellisSignInPage *self)
{
  if (self->signed_in != NULL)
    trellis_store_sign_out (page_store (self), self->signed_in);
  trellis_sign_in_page_choose (self, self->context);
}

/**
 * trellis_sign_in_page_walk_away:
 *
 * Nobody has touched the page for a while: a first sign-in left on "Choose Your Own
 * Password" is signed out, and its one-time password forgotten, so the next person cannot
 * choose a password for them; a half-typed password is cleared.
 */
void
trellis_sign_in_page_walk_away (TrellisSignInPage *self)
{
  g_return_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self));

  if (self->signed_in != NULL)
    on_other_cb (self);
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

/**
 * trellis_sign_in_page_forget_home:
 *
 * Lets go of the home shown, so that nothing holds it open: before the window puts a backup
 * in its place. trellis_sign_in_page_choose() shows a home again.
 */
void
trellis_sign_in_page_forget_home (TrellisSignInPage *self)
{
  g_return_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self));

  stop_checking (self);
  forget_given (self);
  gtk_list_box_bind_model (self->people, NULL, NULL, NULL, NULL);
  g_clear_object (&self->staff);
  g_clear_object (&self->chosen);
  g_clear_object (&self->signed_in);
  g_clear_object (&self->context);
}

static void
trellis_sign_in_page_dispose (GObject *object)
{
  TrellisSignInPage *self = (TrellisSignInPage *)object;

  stop_checking (self);
  forget_given (self);
  g_clear_pointer (&self->hint, g_free);
  g_clear_object (&self->context);
  g_clear_object (&self->staff);
  g_clear_object (&self->chosen);
  g_clear_object (&self->signed_in);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (trellis_sign_in_page_parent_class)->dispose (object);
}

static void
trellis_sign_in_page_class_init (TrellisSignInPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_sign_in_page_dispose;

  /**
   * TrellisSignInPage::signed-in:
   * @staff: who signed in (or unlocked)
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, TRELLIS_TYPE_STAFF);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/trellis/Trellis/pages/"
                                               "trellis-sign-in-page.ui");
#define BIND(field) gtk_widget_class_bind_template_child (widget_class, TrellisSignInPage, field)
  BIND (status);
  BIND (stack);
  BIND (people);
  BIND (find_entry);
  BIND (more_label);
  BIND (avatar);
  BIND (person_label);
  BIND (password_row);
  BIND (sign_in_button);
  BIND (other_button);
  BIND (new_row);
  BIND (confirm_row);
  BIND (change_button);
  BIND (change_other_button);
  BIND (error_label);
#undef BIND
}

static void
trellis_sign_in_page_init (TrellisSignInPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* choose */
  trellis_a11y_name (GTK_WIDGET (self->find_entry), _("Find your name"));
  g_signal_connect_swapped (self->find_entry, "search-changed", G_CALLBACK (show_people), self);
  g_signal_connect_swapped (self->find_entry, "activate", G_CALLBACK (on_find_activated_cb), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_find_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);
  trellis_a11y_name (GTK_WIDGET (self->people), _("People who can sign in"));
  g_signal_connect_swapped (self->people, "row-activated", G_CALLBACK (on_person_activated_cb),
                            self);

  /* password */
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (on_sign_in_cb), self);
  g_signal_connect_swapped (self->sign_in_button, "clicked", G_CALLBACK (on_sign_in_cb), self);
  g_signal_connect_swapped (self->other_button, "clicked", G_CALLBACK (on_other_cb), self);

  /* change */
  g_signal_connect_swapped (self->confirm_row, "entry-activated", G_CALLBACK (on_change_cb), self);
  g_signal_connect_swapped (self->change_button, "clicked", G_CALLBACK (on_change_cb), self);
  g_signal_connect_swapped (self->change_other_button, "clicked", G_CALLBACK (on_other_cb), self);
}

GtkWidget *
trellis_sign_in_page_new (void)
{
  return g_object_new (TRELLIS_TYPE_SIGN_IN_PAGE, NULL);
}

/* The list of people to click, for a newly opened home or after signing out. */
void
trellis_sign_in_page_choose (TrellisSignInPage *self,
                             TrellisContext    *context)
{
  g_return_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (TRELLIS_IS_CONTEXT (context));

  stop_checking (self);
  self->locked = FALSE;
  forget_given (self);
  g_clear_object (&self->signed_in);
  g_clear_object (&self->chosen);
  load_people (self, context);
  clear_entries (self);
  show_error (self, NULL);
  adw_status_page_set_icon_name (self->status, "system-users-symbolic");
  adw_status_page_set_title (self->status, _("Who Is Signing In?"));
  if (self->hint != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", _("Choose your name, then type your password"),
                                               self->hint);
      adw_status_page_set_description (self->status, text);
    }
  else
    adw_status_page_set_description (self->status, _("Choose your name, then type your password"));
  gtk_stack_set_visible_child_name (self->stack, "choose");
  focus_first_person (self);
}

/* What a locked window shows: the person who was using it can unlock it; anyone else can
 * sign in instead. */
void
trellis_sign_in_page_lock (TrellisSignInPage *self,
                           TrellisContext    *context,
                           TrellisStaff      *locked_by)
{
  g_autofree char *title = NULL;

  g_return_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (TRELLIS_IS_CONTEXT (context));

  stop_checking (self);
  load_people (self, context);
  self->locked = TRUE;
  /* Translators: shown on a locked window, "Locked by Sam Carter" */
  title = g_strdup_printf (_("Locked by %s"), trellis_staff_get_display_name (locked_by));
  adw_status_page_set_icon_name (self->status, "system-lock-screen-symbolic");
  adw_status_page_set_title (self->status, title);
  adw_status_page_set_description (self->status,
                                   _("Type the password to carry on, or sign in as someone "
                                     "else. Nothing typed before is lost."));
  ask_password (self, locked_by);
}

const char *
trellis_sign_in_page_get_mode (TrellisSignInPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
trellis_sign_in_page_get_error (TrellisSignInPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label) : NULL;
}

const char *
trellis_sign_in_page_get_title (TrellisSignInPage *self)
{
  g_return_val_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self), NULL);
  return adw_status_page_get_title (self->status);
}

void
trellis_sign_in_page_set_hint (TrellisSignInPage *self,
                               const char        *hint)
{
  g_return_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self));

  g_free (self->hint);
  self->hint = g_strdup (hint);
}

/* For the tests: the names listed now, in order (free with g_strfreev()). */
char **
trellis_sign_in_page_dup_people (TrellisSignInPage *self)
{
  GStrvBuilder *names = g_strv_builder_new ();
  char **out;

  g_return_val_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self), NULL);

  for (guint i = 0; self->staff != NULL && i < g_list_model_get_n_items (self->staff); i++)
    {
      g_autoptr(TrellisStaff) staff = g_list_model_get_item (self->staff, i);
      g_strv_builder_add (names, trellis_staff_get_display_name (staff));
    }
  out = g_strv_builder_end (names);
  g_strv_builder_unref (names);
  return out;
}

/* For the tests: what a person types in "Find your name", or %FALSE if the home is small
 * enough to list everyone and the field is not shown. */
gboolean
trellis_sign_in_page_find (TrellisSignInPage *self,
                           const char        *text)
{
  g_return_val_if_fail (TRELLIS_IS_SIGN_IN_PAGE (self), FALSE);

  if (!self->many)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
  show_people (self);
  return TRUE;
}
