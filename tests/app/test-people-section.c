/* SPDX-License-Identifier: GPL-3.0-or-later
 * test-people-section.c: the people around a child on their file — the contact arrangement
 * in words beside each person, a withheld address never shown, dates coming up, consent —
 * and the person dialog, which keeps what was typed when it is refused
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "trellis-child-file.h"
#include "trellis-core.h"
#include "trellis-error-row.h"
#include "trellis-people-section.h"
#include "trellis-person-dialog.h"
#include "trellis-test-gtk.h"
#include "trellis-test-utils.h"

static char *tmpdir;

static void
wait_for_sections (TrellisChildFile *file)
{
  trellis_test_wait_while ((TrellisTestBusyFunc) trellis_child_file_is_loading, file);
}

static gint64
add (TrellisStore  *store,
     TrellisStaff  *actor,
     gint64         child,
     TrellisPerson *person)
{
  g_autoptr(GError) error = NULL;
  gint64 id = trellis_store_add_person (store, actor, child, person, &error);

  g_assert_no_error (error);
  g_object_unref (person);
  return id;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static void
test_section (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "people.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(GDateTime) today = trellis_date_new (2026, 11, 23);
  g_autoptr(GDateTime) birthday = trellis_date_new (1984, 11, 28);
  g_autoptr(GDateTime) asked = trellis_date_new (2026, 10, 1);
  g_autoptr(TrellisChild) added = trellis_test_make_child ("Amira", "Hassan", "2013-03-04");
  g_autoptr(GError) error = NULL;
  TrellisChildFile *file = g_object_ref_sink (g_object_new (TRELLIS_TYPE_CHILD_FILE, NULL));
  const char *people, *coming_up, *consent;
  gint64 id, mother;

  /* a child of Sam's own, whose network is only what is added here */
  trellis_context_set_today (context, today);
  id = trellis_store_add_child (store, trellis_test_lookup_staff (store, "manager"), added,
                                &error);
  g_assert_no_error (error);
  g_assert_true (trellis_store_assign_link_worker (store,
                                                   trellis_test_lookup_staff (store, "manager"),
                                                   id, trellis_staff_get_id (sam), today,
                                                   TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, "",
                                                   &error));
  mother = add (store, sam, id,
                g_object_new (TRELLIS_TYPE_PERSON, "name", "Halima Hassan",
                              "relationship", TRELLIS_RELATIONSHIP_MOTHER,
                              "parental-responsibility", TRUE, "language", "Somali",
                              "interpreter", TRUE, "phone", "07700 900456",
                              "restriction", TRELLIS_CONTACT_SUPERVISED,
                              "birthday", birthday,
                              "child-view", "I want to see Hooyo every week", NULL));
  add (store, sam, id,
       g_object_new (TRELLIS_TYPE_PERSON, "name", "Yusuf Hassan",
                     "relationship", TRELLIS_RELATIONSHIP_FATHER,
                     "address", "4 Mill Lane, Bradford",
                     "restriction", TRELLIS_CONTACT_ADDRESS_WITHHELD, NULL));
  add (store, sam, id,
       g_object_new (TRELLIS_TYPE_PERSON, "name", "Claire Morgan",
                     "relationship", TRELLIS_RELATIONSHIP_SOCIAL_WORKER,
                     "role", "Leeds Children’s Services", "email", "claire.morgan@example.org",
                     NULL));
  g_assert_cmpint (trellis_store_record_consent (store, sam, id, TRELLIS_CONSENT_PHOTOGRAPHS,
                                                 NULL, TRELLIS_CONSENT_GIVEN, mother, asked,
                                                 NULL, &error), >, 0);

  g_assert_true (trellis_child_file_load (file, context, id, FALSE, &error));
  g_assert_no_error (error);
  wait_for_sections (file);
  people = trellis_child_file_get_value (file, "people");
  g_test_message ("%s", people);
  g_assert_nonnull (strstr (people, "Halima Hassan | Mother · Parental responsibility\n"
                                    "Speaks Somali · Interpreter needed · 07700 900456\n"
                                    "In their words: “I want to see Hooyo every week” | "
                                    "Supervised contact only\n"));
  g_assert_nonnull (strstr (people, "Yusuf Hassan | Father\nAddress hidden | "
                                    "Address not to be shared\n"));
  /* the address is not in the list even for the Link Worker, who may read it */
  g_assert_null (strstr (people, "Mill Lane"));
  g_assert_nonnull (strstr (people, "Claire Morgan | Social worker · Leeds Children’s Services\n"
                                    "claire.morgan@example.org\n"));

  coming_up = trellis_child_file_get_value (file, "coming-up");
  g_assert_cmpstr (coming_up, ==, "Birthday: Halima Hassan (Mother) | Saturday 28 November · "
                                  "in 5 days\n");
  consent = trellis_child_file_get_value (file, "consent");
  g_test_message ("%s", consent);
  g_assert_nonnull (strstr (consent, "Photographs | Answered by Halima Hassan on 1 October 2026"
                                     " · recorded by Sam Carter | Given\n"));
  g_assert_nonnull (strstr (consent, "Leaflets | Ask the child and those with parental "
                                     "responsibility | Not asked yet\n"));
  {
    GtkWindow *window = trellis_test_show_in_window (file, 900, 1800);
    GtkWidget *section = trellis_test_find_widget (file, is_type,
                                                   GSIZE_TO_POINTER (TRELLIS_TYPE_PEOPLE_SECTION));
    GtkWidget *scrolled = gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t at;

    trellis_test_spin (300);
    /* down to the people, past the details and health */
    g_assert_true (gtk_widget_compute_point (section, gtk_scrolled_window_get_child (
                                               GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adj, at.y - 12);
    trellis_test_spin (300);
    trellis_test_save_png (GTK_WIDGET (window), "child-file-people.png");
    gtk_window_set_child (window, NULL);
    gtk_window_destroy (window);
  }
  g_object_unref (file);
}


static gboolean
has_message (GtkWidget     *widget,
             gconstpointer  data)
{
  return TRELLIS_IS_ERROR_ROW (widget) &&
         trellis_error_row_get_message (TRELLIS_ERROR_ROW (widget)) != NULL;
}

static void
on_saved_cb (TrellisPersonDialog *dialog,
             gint64               id,
             gint64              *saved)
{
  *saved = id;
}

/* A bad email is refused under its field, nothing typed is lost, and nothing is kept; put
 * right, the person is kept as typed. */
static void
test_dialog (void)
{
  g_autoptr(TrellisStore) store = trellis_test_open_demo (tmpdir, "dialog.db", 6);
  g_autoptr(TrellisContext) context = trellis_test_context (store, "staff1");
  g_autoptr(TrellisStaff) sam = trellis_test_lookup_staff (store, "staff1");
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  gint64 id = trellis_test_first_child_of (store, sam);
  TrellisPersonDialog *dialog;
  GtkWidget *email;
  gint64 saved = 0;

  child = trellis_store_get_child (store, sam, id, NULL);
  before = trellis_store_list_people (store, sam, id, NULL);
  dialog = trellis_person_dialog_new (NULL, context, child, NULL);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (dialog));
  trellis_test_spin (200);
  trellis_test_type_into (dialog, "Name", "Piotr Kowalski");
  trellis_test_type_into (dialog, "Preferred language", "Polish");
  trellis_test_type_into (dialog, "Email", "piotr at example");
  gtk_switch_set_active (GTK_SWITCH (trellis_test_find_widget (dialog, is_type,
                                                               GSIZE_TO_POINTER (GTK_TYPE_SWITCH))),
                         TRUE);   /* parental responsibility, the first */
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_get_row (dialog,
                                                                   "Relationship or role")),
                              TRELLIS_RELATIONSHIP_FATHER);
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_get_row (dialog,
                                                                   "Contact arrangement")),
                              TRELLIS_CONTACT_SUPERVISED);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL);
  trellis_test_spin (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  email = trellis_test_get_row (dialog, "Email");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "piotr at example");
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  {
    GtkWidget *shown = trellis_test_find_widget (dialog, has_message, NULL);

    g_assert_nonnull (shown);
    g_assert_nonnull (strstr (trellis_error_row_get_message (TRELLIS_ERROR_ROW (shown)),
                              "Enter the email address in full"));
    /* under the email field */
    g_assert_true (gtk_widget_get_prev_sibling (shown) == email);
  }
  trellis_test_save_png (GTK_WIDGET (dialog), "person-dialog-refused.png");
  after = trellis_store_list_people (store, sam, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_clear_object (&after);

  gtk_editable_set_text (GTK_EDITABLE (email), "piotr@example.org");
  g_assert_cmpint (saved, ==, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "person.save", NULL);
  for (guint i = 0; i < 100 && dialog != NULL; i++)
    trellis_test_spin (50);
  g_assert_null (dialog);   /* saved, and gone */
  g_assert_cmpint (saved, >, 0);
  after = trellis_store_list_people (store, sam, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (after); i++)
      {
        g_autoptr(TrellisPerson) p = g_list_model_get_item (after, i);

        if (g_strcmp0 (trellis_person_get_name (p), "Piotr Kowalski") != 0)
          continue;
        found = TRUE;
        g_assert_cmpint (trellis_person_get_relationship (p), ==, TRELLIS_RELATIONSHIP_FATHER);
        g_assert_cmpint (trellis_person_get_restriction (p), ==, TRELLIS_CONTACT_SUPERVISED);
        g_assert_cmpstr (trellis_person_get_language (p), ==, "Polish");
        g_assert_cmpstr (trellis_person_get_email (p), ==, "piotr@example.org");
        g_assert_true (trellis_person_get_parental_responsibility (p));
      }
    g_assert_true (found);
  }
}

int
main (int   argc,
      char *argv[])
{
  tmpdir = trellis_test_init_gtk (&argc, &argv, "people-section");

  g_test_add_func ("/people-section/section", test_section);
  g_test_add_func ("/people-section/dialog", test_dialog);

  return g_test_run ();
}
