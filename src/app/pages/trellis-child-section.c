/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-section.c: one part of a child's file, which loads what it shows
 *
 * A child's file (TrellisChildFile) is a header and a column of sections: the details, the
 * Link Workers, who opened the record, and the parts of the file that come next (plans,
 * health, education …). Each section is a group of rows that reads its own data from the
 * context when the file shows a child, so adding one touches neither the window nor the
 * other sections.
 *
 * The UI thread never waits on the disk: a section reads with the store's _async call (on
 * the store's worker), under a cancellable of its own that a newer read, showing no child,
 * or the section going away cancels; an answer that arrives after that changes nothing.
 * Meanwhile the section shows a row that says it is loading, never an empty "no records"
 * state; showing the same child again after a change keeps what it shows until the new
 * answer replaces it, so nothing blinks. A read that fails says so in the section, in the
 * store's words.
 */
#define G_LOG_DOMAIN "trellis-child-section"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-child-section.h"

typedef struct
{
  GCancellable *cancellable;   /* the read under way, or NULL */
  gint64        child_id;      /* the child shown or being read; 0 for none */
  GtkWidget    *status;        /* the row saying "Loading…" or what went wrong, or NULL */
  char         *error;         /* what went wrong, while the status row says so */
  gboolean      loading;
} TrellisChildSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TrellisChildSection, trellis_child_section,
                                     ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One read: the section is held weakly, so a section that goes away is disposed (which
 * cancels the read) rather than kept alive until the worker answers. */
typedef struct
{
  GWeakRef        section;
  TrellisContext *context;
  TrellisChild   *child;
  GCancellable   *cancellable;
} Read;

static void
read_free (Read *read)
{
  g_weak_ref_clear (&read->section);
  g_clear_object (&read->context);
  g_clear_object (&read->child);
  g_clear_object (&read->cancellable);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Read, read_free)

static void
set_loading (TrellisChildSection *self,
             gboolean             loading)
{
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);

  if (priv->loading == loading)
    return;
  priv->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
remove_status (TrellisChildSection *self)
{
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);

  if (priv->status != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_steal_pointer (&priv->status));
  g_clear_pointer (&priv->error, g_free);
}

/* The row in place of the section's own while it loads (@error NULL) or after it failed. */
static void
show_status (TrellisChildSection *self,
             const GError        *error)
{
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *prefix;

  remove_status (self);
  if (error == NULL)
    {
      prefix = gtk_spinner_new ();
      gtk_spinner_start (GTK_SPINNER (prefix));
      gtk_accessible_update_property (GTK_ACCESSIBLE (prefix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Loading…"), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Loading…"));
    }
  else
    {
      prefix = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (prefix, "error");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("This part of the file could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      priv->error = g_strdup (error->message);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  priv->status = row;
}

/* Shows @child with the store's answer @result (NULL for a section that reads nothing). */
static void
show (TrellisChildSection *self,
      TrellisContext      *context,
      TrellisChild        *child,
      GAsyncResult        *result)
{
  TrellisChildSectionClass *klass = TRELLIS_CHILD_SECTION_GET_CLASS (self);
  g_autoptr(GError) error = NULL;

  remove_status (self);
  if (!klass->show (self, context, child, result, &error))
    {
      g_debug ("A section of a child’s file could not be read: %s", error->message);
      klass->clear (self);
      show_status (self, error);
    }
  set_loading (self, FALSE);
}

static void
on_read_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Read) read = user_data;
  g_autoptr(TrellisChildSection) self = NULL;
  TrellisChildSectionPrivate *priv;

  /* a newer read took over, no child is shown, or the section has gone: nothing here is
   * this answer's to change */
  if (g_cancellable_is_cancelled (read->cancellable) ||
      (self = g_weak_ref_get (&read->section)) == NULL)
    return;
  priv = trellis_child_section_get_instance_private (self);
  g_assert (priv->cancellable == read->cancellable);
  g_clear_object (&priv->cancellable);
  show (self, read->context, read->child, result);
}

static gboolean
trellis_child_section_real_is_shown_to (TrellisChildSection *self,
                                        TrellisContext      *context)
{
  return TRUE;
}

static void
trellis_child_section_real_clear (TrellisChildSection *self)
{
}

static const char *
trellis_child_section_real_get_value (TrellisChildSection *self,
                                      const char          *field)
{
  return NULL;
}

static void
trellis_child_section_dispose (GObject *object)
{
  TrellisChildSection *self = TRELLIS_CHILD_SECTION (object);
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->status = NULL;   /* the group's to destroy */
  g_clear_pointer (&priv->error, g_free);

  G_OBJECT_CLASS (trellis_child_section_parent_class)->dispose (object);
}

static void
trellis_child_section_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisChildSection *self = TRELLIS_CHILD_SECTION (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, trellis_child_section_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_child_section_class_init (TrellisChildSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_child_section_dispose;
  object_class->get_property = trellis_child_section_get_property;
  klass->is_shown_to = trellis_child_section_real_is_shown_to;
  klass->clear = trellis_child_section_real_clear;
  klass->get_value = trellis_child_section_real_get_value;

  /* A read is under way on the store's worker. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_child_section_init (TrellisChildSection *self)
{
}

/**
 * trellis_child_section_load:
 *
 * Shows what the section shows of @child, as @context's signed-in person may see it, read
 * on the store's worker; hides the section from a person who may not see it. A read still
 * under way for an earlier call is cancelled.
 */
void
trellis_child_section_load (TrellisChildSection *self,
                            TrellisContext      *context,
                            TrellisChild        *child)
{
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);
  TrellisChildSectionClass *klass;
  gboolean another;
  Read *read;

  g_return_if_fail (TRELLIS_IS_CHILD_SECTION (self));
  g_return_if_fail (TRELLIS_IS_CONTEXT (context));
  g_return_if_fail (TRELLIS_IS_CHILD (child));

  klass = TRELLIS_CHILD_SECTION_GET_CLASS (self);
  if (!klass->is_shown_to (self, context))
    {
      trellis_child_section_clear (self);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  trellis_child_section_cancel (self);
  another = priv->child_id != trellis_child_get_id (child);
  priv->child_id = trellis_child_get_id (child);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  if (klass->read_async == NULL)
    {
      show (self, context, child, NULL);
      return;
    }

  /* another child's rows go at once; the same child's stay until the new answer */
  if (another || priv->error != NULL)
    {
      klass->clear (self);
      show_status (self, NULL);
    }
  set_loading (self, TRUE);
  priv->cancellable = g_cancellable_new ();
  read = g_new0 (Read, 1);
  g_weak_ref_init (&read->section, self);
  read->context = g_object_ref (context);
  read->child = g_object_ref (child);
  read->cancellable = g_object_ref (priv->cancellable);
  klass->read_async (self, context, child, priv->cancellable, on_read_cb, read);
}

/* Stops a read under way: what the section shows stays as it is. */
void
trellis_child_section_cancel (TrellisChildSection *self)
{
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);

  g_return_if_fail (TRELLIS_IS_CHILD_SECTION (self));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  set_loading (self, FALSE);
}

/* Shows no child: after a sign-out, nothing of the last person's child stays. */
void
trellis_child_section_clear (TrellisChildSection *self)
{
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);

  g_return_if_fail (TRELLIS_IS_CHILD_SECTION (self));

  trellis_child_section_cancel (self);
  remove_status (self);
  TRELLIS_CHILD_SECTION_GET_CLASS (self)->clear (self);
  priv->child_id = 0;
}

gboolean
trellis_child_section_get_loading (TrellisChildSection *self)
{
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_CHILD_SECTION (self), FALSE);
  return priv->loading;
}

/* What the section says went wrong, or NULL. */
const char *
trellis_child_section_get_error (TrellisChildSection *self)
{
  TrellisChildSectionPrivate *priv = trellis_child_section_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_CHILD_SECTION (self), NULL);
  return priv->error;
}

const char *
trellis_child_section_get_value (TrellisChildSection *self,
                                 const char          *field)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_SECTION (self), NULL);
  return TRELLIS_CHILD_SECTION_GET_CLASS (self)->get_value (self, field);
}
