/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan-history.c: every version of a plan, and what each changed
 *
 * Newest first, one expandable row per version: its step (saved, submitted, approved,
 * returned), who and when. Open, it shows each section whose text changed since the version
 * before, word by word (model/trellis-text-diff.c): added words underlined on green, removed
 * words struck through on red, so the change reads without telling the colours apart; a
 * screen reader hears "Added: …" and "Removed: …". A Manager's comment shows with its
 * version. Read on the store's worker.
 */
#define G_LOG_DOMAIN "trellis-care-plan-history"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-care-plan-history.h"

struct _TrellisCarePlanHistory
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *title;
  AdwPreferencesGroup *group;
  GString             *text;       /* what the rows say, for the tests */
  gboolean             loading;
  TrellisContext      *context;
};

G_DEFINE_FINAL_TYPE (TrellisCarePlanHistory, trellis_care_plan_history, ADW_TYPE_WINDOW)

/**
 * trellis_care_plan_history_diff_markup:
 * @spoken: (out) (optional): the change as a screen reader says it
 *
 * Returns: Pango markup of @after with what was added since @before underlined and what was
 *   removed struck through, each on its colour
 */
char *
trellis_care_plan_history_diff_markup (const char  *before,
                                       const char  *after,
                                       char       **spoken)
{
  g_autoptr(GPtrArray) pieces = trellis_text_diff (before, after);
  GString *markup = g_string_new (NULL);
  GString *said = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      TrellisDiffPiece *piece = g_ptr_array_index (pieces, i);
      g_autofree char *escaped = g_markup_escape_text (piece->text, -1);
      g_autofree char *words = g_strstrip (g_strdup (piece->text));

      switch (piece->op)
        {
        case TRELLIS_DIFF_ADDED:
          g_string_append_printf (markup, "<span underline=\"double\" background=\"#c5ecd0\" "
                                  "foreground=\"#0b4a1d\">%s</span>", escaped);
          /* Translators: what a screen reader says of words added to a plan */
          g_string_append_printf (said, _("Added: %s. "), words);
          break;
        case TRELLIS_DIFF_REMOVED:
          g_string_append_printf (markup, "<span strikethrough=\"true\" background=\"#f6cbcb\" "
                                  "foreground=\"#6b0f0f\">%s</span>", escaped);
          g_string_append_printf (said, _("Removed: %s. "), words);
          break;
        case TRELLIS_DIFF_SAME:
        default:
          g_string_append (markup, escaped);
        }
    }
  if (spoken != NULL)
    *spoken = g_string_free (said, FALSE);
  else
    g_string_free (said, TRUE);
  return g_string_free (markup, FALSE);
}

static GtkWidget *
change_label (const char *heading,
              const char *before,
              const char *after,
              GString    *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (heading);
  g_autofree char *spoken = NULL;
  g_autofree char *markup = trellis_care_plan_history_diff_markup (before, after, &spoken);
  GtkWidget *body = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (body), markup);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (body), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  spoken, -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), body);
  g_string_append_printf (text, "  %s: %s\n", heading, spoken);
  return box;
}

/* Returns: (nullable): the version's row when it changed something */
static GtkWidget *
add_version (TrellisCarePlanHistory  *self,
             TrellisCarePlanVersion  *version,
             TrellisCarePlanVersion  *previous)
{
  const TrellisCarePlanContent *now = trellis_care_plan_version_get_content (version);
  const TrellisCarePlanContent *was = previous != NULL
                                        ? trellis_care_plan_version_get_content (previous) : NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *changes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *title = NULL;
  g_autofree char *when = trellis_date_format_moment (trellis_care_plan_version_get_saved_at (version));
  g_autofree char *subtitle = g_strdup_printf (_("%s, %s"),
                                               trellis_care_plan_version_get_saved_by (version),
                                               when);
  const char *comment = trellis_care_plan_version_get_comment (version);
  guint n = 0, n_changed = 0;
  const TrellisCarePlanSection *sections = trellis_care_plan_kind_sections (now->kind, &n);

  /* Translators: "Version 3: Approved" */
  title = g_strdup_printf (_("Version %u: %s"), trellis_care_plan_version_get_version (version),
                           trellis_care_plan_step_to_label (trellis_care_plan_version_get_step (version)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_string_append_printf (self->text, "%s · %s\n", title, subtitle);

  gtk_widget_set_margin_start (changes, 12);
  gtk_widget_set_margin_end (changes, 12);
  gtk_widget_set_margin_top (changes, 12);
  gtk_widget_set_margin_bottom (changes, 12);
  if (*comment != '\0')
    {
      g_autofree char *said = g_strdup_printf (_("Comment: %s"), comment);
      GtkWidget *label = gtk_label_new (said);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (changes), label);
      g_string_append_printf (self->text, "  %s\n", said);
    }
  for (guint i = 0; i < n; i++)
    {
      const char *before = was != NULL ? was->sections[i] : "";

      if (g_strcmp0 (before, now->sections[i]) == 0)
        continue;
      gtk_box_append (GTK_BOX (changes), change_label (_(sections[i].title), before,
                                                       now->sections[i], self->text));
      n_changed++;
    }
  if (g_strcmp0 (was != NULL ? was->child_comments : "", now->child_comments) != 0)
    {
      gtk_box_append (GTK_BOX (changes), change_label (_("The child’s own words"),
                                                       was != NULL ? was->child_comments : "",
                                                       now->child_comments, self->text));
      n_changed++;
    }
  if (was != NULL && !(now->review_on == NULL ? was->review_on == NULL
                       : was->review_on != NULL && trellis_date_equal (now->review_on,
                                                                       was->review_on)))
    {
      g_autofree char *date = now->review_on != NULL ? trellis_date_format (now->review_on)
                                                     : g_strdup (_("none"));
      g_autofree char *said = g_strdup_printf (_("Review date changed to %s"), date);
      GtkWidget *label = gtk_label_new (said);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (changes), label);
      g_string_append_printf (self->text, "  %s\n", said);
      n_changed++;
    }
  if (n_changed == 0)
    {
      GtkWidget *label = gtk_label_new (_("No change to the text"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (changes), label);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), changes);
  adw_preferences_group_add (self->group, row);
  return n_changed > 0 ? row : NULL;
}

static void
on_versions_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TrellisCarePlanHistory) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = trellis_store_list_care_plans_finish (TRELLIS_STORE (source),
                                                                         result, &error);
  gboolean expanded = FALSE;
  guint n;

  self->loading = FALSE;
  if (versions == NULL)
    {
      adw_preferences_group_set_description (self->group, error->message);
      return;
    }
  n = g_list_model_get_n_items (versions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisCarePlanVersion) version = g_list_model_get_item (versions, i);
      GtkWidget *row;
      g_autoptr(TrellisCarePlanVersion) previous = i + 1 < n ? g_list_model_get_item (versions,
                                                                                      i + 1)
                                                             : NULL;

      if (i == 0)
        {
          g_autofree char *title = trellis_care_plan_version_dup_title (version);
          adw_window_title_set_title (self->title, title);
          gtk_window_set_title (GTK_WINDOW (self), title);
        }
      row = add_version (self, version, previous);
      /* the newest change to the text is what people come for */
      if (row != NULL && !expanded)
        expanded = (adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE), TRUE);
    }
}

static void
trellis_care_plan_history_dispose (GObject *object)
{
  TrellisCarePlanHistory *self = TRELLIS_CARE_PLAN_HISTORY (object);

  g_clear_object (&self->context);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);

  G_OBJECT_CLASS (trellis_care_plan_history_parent_class)->dispose (object);
}

static void
trellis_care_plan_history_class_init (TrellisCarePlanHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = trellis_care_plan_history_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

static void
trellis_care_plan_history_init (TrellisCarePlanHistory *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();

  self->text = g_string_new (NULL);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Version History"), NULL));
  adw_window_title_set_subtitle (self->title, _("Version history"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), header);
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Versions, newest first"));
  adw_preferences_group_set_description (self->group,
                                         _("Open a version to see what it changed: added words "
                                           "are underlined, removed words struck through"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

GtkWindow *
trellis_care_plan_history_new (GtkWindow      *parent,
                               TrellisContext *context,
                               gint64          plan_id)
{
  TrellisCarePlanHistory *self;

  g_return_val_if_fail (TRELLIS_IS_CONTEXT (context), NULL);

  self = g_object_new (TRELLIS_TYPE_CARE_PLAN_HISTORY, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->loading = TRUE;
  trellis_store_list_care_plans_async (trellis_context_get_store (context),
                                       trellis_context_get_actor (context),
                                       TRELLIS_CARE_PLAN_LIST_VERSIONS, plan_id, NULL,
                                       on_versions_read_cb, g_object_ref (self));
  return GTK_WINDOW (self);
}

gboolean
trellis_care_plan_history_is_loading (TrellisCarePlanHistory *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_HISTORY (self), FALSE);
  return self->loading;
}

const char *
trellis_care_plan_history_get_text (TrellisCarePlanHistory *self)
{
  g_return_val_if_fail (TRELLIS_IS_CARE_PLAN_HISTORY (self), NULL);
  return self->text->str;
}
