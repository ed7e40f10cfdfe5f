/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-people-section.c: the people around a child, their important dates coming up, and
 * what consent has been given
 *
 * Three parts of the child's file read together (trellis_store_list_people_async()):
 *
 * People: one row for each person — name, who they are to the child, their preferred
 * language and "Interpreter needed", how to reach them — with the contact arrangement beside
 * it as an icon and words ("Supervised contact only", "No contact", "Address not to be
 * shared"), never colour alone. The address of someone whose address is not to be shared is
 * never in the list, whoever reads it. Those who may change the child's file open a row to
 * change it and add people (people.add, people.edit).
 *
 * Coming up: birthdays and other important dates in the next TRELLIS_COMING_UP_DAYS days.
 *
 * Consent: the answer that counts for photographs and leaflets ("Not asked yet" when there
 * is none, so it is asked), and for each service information is shared with; people.record-
 * consent records another.
 */
#define G_LOG_DOMAIN "trellis-people-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-consent-dialog.h"
#include "trellis-people-section.h"
#include "trellis-person-dialog.h"

struct _TrellisPeopleSection
{
  TrellisChildSection       parent_instance;

  TrellisPeopleSectionKind  which;
  GPtrArray                *rows;       /* the rows shown, to take away */
  GString                  *text;       /* what the rows say: for the tests */

  TrellisContext           *context;    /* as last shown */
  TrellisChild             *child;
  GListModel               *people;
};

G_DEFINE_FINAL_TYPE (TrellisPeopleSection, trellis_people_section, TRELLIS_TYPE_CHILD_SECTION)

static void
trellis_people_section_clear (TrellisChildSection *section)
{
  TrellisPeopleSection *self = TRELLIS_PEOPLE_SECTION (section);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_string_truncate (self->text, 0);
  g_clear_object (&self->people);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.record-consent", FALSE);
}

static AdwActionRow *
add_row (TrellisPeopleSection *self,
         const char           *title,
         const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  g_string_append_printf (self->text, "%s | %s", title, subtitle != NULL ? subtitle : "");
  return ADW_ACTION_ROW (row);
}

/* An icon and words beside the row: what matters most about it, in a style that is never
 * the only way of saying so. */
static void
add_badge (TrellisPeopleSection *self,
           AdwActionRow         *row,
           const char           *icon,
           const char           *text,
           const char           *style)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  if (icon != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon);

      /* the words say it: the picture is not read out twice */
      gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      gtk_box_append (GTK_BOX (box), image);
    }
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "heading");
  if (style != NULL)
    gtk_widget_add_css_class (box, style);
  adw_action_row_add_suffix (row, box);
  g_string_append_printf (self->text, " | %s", text);
}

static void
end_row (TrellisPeopleSection *self)
{
  g_string_append_c (self->text, '\n');
}

static char *
dup_person_subtitle (TrellisPerson *person)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) who = g_ptr_array_new ();
  g_autoptr(GPtrArray) reach = g_ptr_array_new ();
  const char *role = trellis_person_get_role (person);
  const char *language = trellis_person_get_language (person);
  g_autofree char *in_language = NULL;
  g_autofree char *when = NULL;

  if (!trellis_person_get_involved (person))
    g_ptr_array_add (who, (gpointer) _("No longer involved"));
  g_ptr_array_add (who, (gpointer) trellis_relationship_to_label (trellis_person_get_relationship (person)));
  if (*role != '\0')
    g_ptr_array_add (who, (gpointer) role);
  if (trellis_person_get_parental_responsibility (person))
    g_ptr_array_add (who, (gpointer) _("Parental responsibility"));
  g_ptr_array_add (who, NULL);
  {
    g_autofree char *line = g_strjoinv (" · ", (char **) who->pdata);
    g_string_append (text, line);
  }

  if (*language != '\0')
    {
      /* Translators: "Speaks Somali", the person's preferred language */
      in_language = g_strdup_printf (_("Speaks %s"), language);
      g_ptr_array_add (reach, in_language);
    }
  if (trellis_person_get_interpreter (person))
    g_ptr_array_add (reach, (gpointer) _("Interpreter needed"));
  if (*trellis_person_get_phone (person) != '\0')
    g_ptr_array_add (reach, (gpointer) trellis_person_get_phone (person));
  if (*trellis_person_get_email (person) != '\0')
    g_ptr_array_add (reach, (gpointer) trellis_person_get_email (person));
  if (*trellis_person_get_best_time (person) != '\0')
    {
      /* Translators: "Best time: weekday evenings" */
      when = g_strdup_printf (_("Best time: %s"), trellis_person_get_best_time (person));
      g_ptr_array_add (reach, when);
    }
  if (reach->len > 0)
    {
      g_autofree char *line = NULL;

      g_ptr_array_add (reach, NULL);
      line = g_strjoinv (" · ", (char **) reach->pdata);
      g_string_append_printf (text, "\n%s", line);
    }
  /* never in a list, whoever reads it: the address is in the editor for those who may */
  if (trellis_person_get_restriction (person) == TRELLIS_CONTACT_ADDRESS_WITHHELD)
    g_string_append_printf (text, "\n%s", _("Address hidden"));
  else if (*trellis_person_get_address (person) != '\0')
    g_string_append_printf (text, "\n%s", trellis_person_get_address (person));
  if (*trellis_person_get_restriction_notes (person) != '\0')
    g_string_append_printf (text, "\n%s", trellis_person_get_restriction_notes (person));
  if (*trellis_person_get_child_view (person) != '\0')
    /* Translators: the child's own view of keeping in touch with this person */
    g_string_append_printf (text, _("\nIn their words: “%s”"),
                            trellis_person_get_child_view (person));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_person_activated_cb (AdwActionRow         *row,
                        TrellisPeopleSection *self)
{
  TrellisPerson *person = g_object_get_data (G_OBJECT (row), "person");

  gtk_widget_activate_action (GTK_WIDGET (self), "people.edit", "x",
                              trellis_person_get_id (person));
}

static void
show_people (TrellisPeopleSection *self,
             gboolean              may_edit)
{
  guint n = g_list_model_get_n_items (self->people);

  if (n == 0)
    {
      add_row (self, _("Nobody recorded yet"),
               _("Family, friends and the professionals around the child"));
      end_row (self);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisPerson) person = g_list_model_get_item (self->people, i);
      g_autofree char *subtitle = dup_person_subtitle (person);
      TrellisContactRestriction restriction = trellis_person_get_restriction (person);
      AdwActionRow *row = add_row (self, trellis_person_get_name (person), subtitle);

      if (restriction != TRELLIS_CONTACT_NO_RESTRICTION)
        add_badge (self, row, trellis_contact_restriction_icon (restriction),
                   trellis_contact_restriction_to_label (restriction),
                   restriction == TRELLIS_CONTACT_NONE ? "error" : "warning");
      if (!trellis_person_get_involved (person))
        gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
      if (may_edit)
        {
          g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person),
                                  g_object_unref);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_signal_connect (row, "activated", G_CALLBACK (on_person_activated_cb), self);
        }
      end_row (self);
    }
}

static void
show_coming_up (TrellisPeopleSection *self,
                GDateTime            *today)
{
  g_autoptr(GPtrArray) items = trellis_people_coming_up (self->people, today,
                                                         TRELLIS_COMING_UP_DAYS);

  if (items->len == 0)
    {
      add_row (self, _("Nothing in the next 30 days"), _("Birthdays and other important dates"));
      end_row (self);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      TrellisComingUp *item = g_ptr_array_index (items, i);
      g_autofree char *day = g_date_time_format (item->on, "%A %-d %B");
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *when;
      g_autofree char *in_days = NULL;

      /* Translators: "Birthday: Halima Farah (Aunt or uncle)" */
      title = g_strdup_printf (_("%s: %s (%s)"), item->what, trellis_person_get_name (item->person),
                               trellis_relationship_to_label (
                                 trellis_person_get_relationship (item->person)));
      if (item->days == 0)
        when = _("today");
      else if (item->days == 1)
        when = _("tomorrow");
      else
        when = in_days = g_strdup_printf (ngettext ("in %d day", "in %d days", item->days), item->days);
      /* Translators: "Tuesday 2 December · in 9 days" */
      subtitle = g_strdup_printf (_("%s · %s"), day, when);
      add_row (self, title, subtitle);
      end_row (self);
    }
}

static void
add_consent_row (TrellisPeopleSection  *self,
                 const char            *title,
                 TrellisConsentAnswer   answer,
                 TrellisConsent        *latest)
{
  g_autofree char *subtitle = NULL;
  AdwActionRow *row;

  if (latest != NULL)
    {
      g_autofree char *day = trellis_date_format (trellis_consent_get_decided_on (latest));

      if (answer == TRELLIS_CONSENT_ANSWER_WITHOUT)
        /* Translators: "Safeguarding referral · 1 October 2026 · recorded by Sam Carter" */
        subtitle = g_strdup_printf (_("%s · %s · recorded by %s"),
                                    trellis_consent_get_reason (latest), day,
                                    trellis_consent_get_recorded_by (latest));
      else
        /* Translators: "Answered by Amina Rahman on 1 October 2026 · recorded by Sam Carter" */
        subtitle = g_strdup_printf (_("Answered by %s on %s · recorded by %s"),
                                    trellis_consent_get_given_by (latest), day,
                                    trellis_consent_get_recorded_by (latest));
    }
  row = add_row (self, title, subtitle != NULL ? subtitle : _("Ask the child and those with "
                                                              "parental responsibility"));
  switch (answer)
    {
    case TRELLIS_CONSENT_ANSWER_GIVEN:
      add_badge (self, row, "emblem-ok-symbolic", _("Given"), "success");
      break;
    case TRELLIS_CONSENT_ANSWER_REFUSED:
      add_badge (self, row, "action-unavailable-symbolic", _("Refused"), "error");
      break;
    case TRELLIS_CONSENT_ANSWER_WITHOUT:
      add_badge (self, row, "dialog-warning-symbolic", _("Without consent"), "warning");
      break;
    case TRELLIS_CONSENT_ANSWER_NOT_ASKED:
    default:
      add_badge (self, row, "dialog-warning-symbolic", _("Not asked yet"), "warning");
      break;
    }
  end_row (self);
}

static void
show_consent (TrellisPeopleSection *self,
              GListModel           *consents)
{
  g_autoptr(GPtrArray) standings = trellis_consent_standings (consents);

  for (guint i = 0; i < standings->len; i++)
    {
      TrellisConsentStanding *standing = g_ptr_array_index (standings, i);
      g_autofree char *title = NULL;

      if (standing->subject == TRELLIS_CONSENT_SHARING)
        /* Translators: "Sharing information with: CAMHS" */
        title = g_strdup_printf (_("Sharing information with: %s"), standing->detail);
      else if (standing->subject == TRELLIS_CONSENT_OTHER)
        title = g_strdup (standing->detail);
      else
        title = g_strdup (trellis_consent_subject_to_label (standing->subject));
      add_consent_row (self, title, standing->answer, standing->latest);
    }
}

static void
trellis_people_section_read_async (TrellisChildSection *section,
                                   TrellisContext      *context,
                                   TrellisChild        *child,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  trellis_store_list_people_async (trellis_context_get_store (context),
                                   trellis_context_get_actor (context),
                                   trellis_child_get_id (child), cancellable, callback,
                                   user_data);
}

static gboolean
trellis_people_section_show (TrellisChildSection  *section,
                             TrellisContext       *context,
                             TrellisChild         *child,
                             GAsyncResult         *result,
                             GError              **error)
{
  TrellisPeopleSection *self = TRELLIS_PEOPLE_SECTION (section);
  g_autoptr(GDateTime) today = trellis_context_dup_today (context);
  g_autoptr(GListModel) consents = NULL;
  g_autoptr(GListModel) people = NULL;
  gboolean may_edit;

  people = trellis_store_list_people_finish (trellis_context_get_store (context), result,
                                             &consents, error);
  if (people == NULL)
    return FALSE;
  trellis_people_section_clear (section);
  g_set_object (&self->people, people);
  g_set_object (&self->context, context);
  g_set_object (&self->child, child);
  may_edit = trellis_permission_allows (trellis_context_get_actor (context),
                                        TRELLIS_ACTION_EDIT_CHILD,
                                        trellis_child_get_link_worker_id (child));

  switch (self->which)
    {
    case TRELLIS_PEOPLE_SECTION_PEOPLE:
      show_people (self, may_edit);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add", may_edit);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.edit", may_edit);
      break;
    case TRELLIS_PEOPLE_SECTION_COMING_UP:
      show_coming_up (self, today);
      break;
    case TRELLIS_PEOPLE_SECTION_CONSENT:
    default:
      show_consent (self, consents);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.record-consent", may_edit);
      break;
    }
  return TRUE;
}

static const char *
trellis_people_section_get_value (TrellisChildSection *section,
                                  const char          *field)
{
  TrellisPeopleSection *self = TRELLIS_PEOPLE_SECTION (section);
  static const char * const fields[] = { "people", "coming-up", "consent" };

  return g_str_equal (field, fields[self->which]) ? self->text->str : NULL;
}

static void
toast (TrellisPeopleSection *self,
       const char           *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
on_person_saved_cb (TrellisPeopleSection *self)
{
  toast (self, _("Saved in the child’s file"));
}

static void
on_consent_recorded_cb (TrellisPeopleSection *self)
{
  toast (self, _("Recorded in the child’s file"));
}

static void
open_person (TrellisPeopleSection *self,
             TrellisPerson        *person)
{
  TrellisPersonDialog *dialog;

  if (self->context == NULL || self->child == NULL)
    return;
  dialog = trellis_person_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      self->context, self->child, person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_person (TRELLIS_PEOPLE_SECTION (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrellisPeopleSection *self = TRELLIS_PEOPLE_SECTION (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; self->people != NULL && i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr(TrellisPerson) person = g_list_model_get_item (self->people, i);

      if (trellis_person_get_id (person) == id)
        {
          open_person (self, person);
          return;
        }
    }
}

static void
record_consent_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TrellisPeopleSection *self = TRELLIS_PEOPLE_SECTION (widget);
  TrellisConsentDialog *dialog;

  if (self->context == NULL || self->child == NULL)
    return;
  dialog = trellis_consent_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                       self->child, self->people);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_consent_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
trellis_people_section_dispose (GObject *object)
{
  TrellisPeopleSection *self = TRELLIS_PEOPLE_SECTION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->child);
  g_clear_object (&self->people);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);

  G_OBJECT_CLASS (trellis_people_section_parent_class)->dispose (object);
}

static void
trellis_people_section_class_init (TrellisPeopleSectionClass *klass)
{
  TrellisChildSectionClass *section_class = TRELLIS_CHILD_SECTION_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = trellis_people_section_dispose;
  section_class->read_async = trellis_people_section_read_async;
  section_class->show = trellis_people_section_show;
  section_class->clear = trellis_people_section_clear;
  section_class->get_value = trellis_people_section_get_value;

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "people.record-consent", NULL,
                                   record_consent_action);
}

static void
trellis_people_section_init (TrellisPeopleSection *self)
{
  self->rows = g_ptr_array_new ();
  self->text = g_string_new (NULL);
}

GtkWidget *
trellis_people_section_new (TrellisPeopleSectionKind which)
{
  TrellisPeopleSection *self = g_object_new (TRELLIS_TYPE_PEOPLE_SECTION, NULL);
  GtkWidget *button = NULL;

  self->which = which;
  switch (which)
    {
    case TRELLIS_PEOPLE_SECTION_PEOPLE:
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("People"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Family, friends and professionals, with any "
                                               "contact arrangement"));
      button = gtk_button_new_with_mnemonic (_("Add _person…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.add");
      gtk_widget_set_tooltip_text (button, _("Add someone to the child’s network (Alt+P)"));
      break;
    case TRELLIS_PEOPLE_SECTION_COMING_UP:
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Coming up"));
      break;
    case TRELLIS_PEOPLE_SECTION_CONSENT:
    default:
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Consent"));
      button = gtk_button_new_with_mnemonic (_("Record _consent…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.record-consent");
      gtk_widget_set_tooltip_text (button, _("Record consent given, refused or gone ahead "
                                             "without"));
      break;
    }
  if (button != NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), button);
      g_object_bind_property (button, "sensitive", button, "visible", G_BINDING_SYNC_CREATE);
    }
  trellis_people_section_clear (TRELLIS_CHILD_SECTION (self));
  return GTK_WIDGET (self);
}
