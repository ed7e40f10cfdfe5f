/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-record.c: the versioned fields of a record, declared once on its properties
 *
 * A record type says which of its properties are a person's edits by flagging their param
 * specs TRELLIS_PARAM_VERSIONED, and what each is called in their nicks. From that alone the
 * store keeps an earlier version (trellis_json_writer_dup_snapshot()), names the fields an
 * edit changed in the audit trail (trellis_record_diff()), and the audit trail shows them
 * in words (trellis_record_get_label()). Nothing lists a type's fields by hand.
 */
#define G_LOG_DOMAIN "trellis-record"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-record.h"

/* In the order the class installed them, which is the order a snapshot writes them */
static int
compare_pspecs (gconstpointer a,
                gconstpointer b)
{
  GParamSpec *pa = *(GParamSpec **) a;
  GParamSpec *pb = *(GParamSpec **) b;
  guint da = g_type_depth (pa->owner_type);
  guint db = g_type_depth (pb->owner_type);

  if (da != db)
    return da < db ? -1 : 1;
  return pa->param_id < pb->param_id ? -1 : pa->param_id > pb->param_id;
}

static gboolean
can_compare (GParamSpec *pspec)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
    case G_TYPE_BOOLEAN:
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_INT64:
    case G_TYPE_ENUM:
      return TRUE;
    default:
      return pspec->value_type == G_TYPE_DATE_TIME || pspec->value_type == G_TYPE_BYTES;
    }
}

/**
 * trellis_record_list_properties:
 * @n_properties: (out): how many
 *
 * The properties of @type in the order they were installed (a parent's first), the order
 * a record's fields are read and written everywhere.
 *
 * Returns: (transfer container) (array length=n_properties): the param specs
 */
GParamSpec **
trellis_record_list_properties (GType  type,
                                guint *n_properties)
{
  g_autoptr(GTypeClass) klass = NULL;
  GParamSpec **pspecs;

  g_return_val_if_fail (g_type_is_a (type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (n_properties != NULL, NULL);

  klass = g_type_class_ref (type);
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), n_properties);
  qsort (pspecs, *n_properties, sizeof *pspecs, compare_pspecs);
  return pspecs;
}

/**
 * trellis_record_list_versioned:
 * @n_versioned: (out) (optional): how many
 *
 * The readable and writable properties of @type flagged %TRELLIS_PARAM_VERSIONED, in the
 * order they were installed (a parent's first).
 *
 * Returns: (transfer container) (array length=n_versioned): the param specs, %NULL-ended
 */
GParamSpec **
trellis_record_list_versioned (GType  type,
                               guint *n_versioned)
{
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *versioned;
  guint n = 0;

  g_return_val_if_fail (g_type_is_a (type, G_TYPE_OBJECT), NULL);

  pspecs = trellis_record_list_properties (type, &n);
  versioned = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      if ((pspecs[i]->flags & TRELLIS_PARAM_VERSIONED) == 0)
        continue;
      /* a snapshot must hold the field and a diff must see it change, or it is lost */
      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE || !can_compare (pspecs[i]))
        {
          g_critical ("%s cannot version “%s”: it must be readable and writable, and its "
                      "type (%s) compared here", g_type_name (type), pspecs[i]->name,
                      g_type_name (pspecs[i]->value_type));
          continue;
        }
      g_ptr_array_add (versioned, pspecs[i]);
    }
  if (n_versioned != NULL)
    *n_versioned = versioned->len;
  g_ptr_array_add (versioned, NULL);
  return (GParamSpec **) g_ptr_array_free (versioned, FALSE);
}

/* Returns: (transfer none) (nullable): @property of @type if it is versioned */
GParamSpec *
trellis_record_find_versioned (GType       type,
                               const char *property)
{
  g_autoptr(GTypeClass) klass = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (g_type_is_a (type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  klass = g_type_class_ref (type);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  if (pspec == NULL || (pspec->flags & TRELLIS_PARAM_VERSIONED) == 0)
    return NULL;
  return pspec;
}

/**
 * trellis_record_get_label:
 *
 * What a person calls the versioned @property of @type: its nick, translated.
 *
 * Returns: (nullable): the words, or %NULL when @type versions no such property
 */
const char *
trellis_record_get_label (GType       type,
                          const char *property)
{
  GParamSpec *pspec = trellis_record_find_versioned (type, property);

  if (pspec == NULL)
    return NULL;
  /* the nick is marked N_() where the type installs it; GLib gives the property's name when
   * a type forgot it, which is better than nothing */
  return g_dgettext (GETTEXT_PACKAGE, g_param_spec_get_nick (pspec));
}

/* Whether @a and @b hold the same value of @pspec: strings by their text, days by the day,
 * bytes by their contents, the rest as GLib compares them. */
gboolean
trellis_record_values_equal (GParamSpec *pspec,
                             GObject    *a,
                             GObject    *b)
{
  g_auto(GValue) va = G_VALUE_INIT;
  g_auto(GValue) vb = G_VALUE_INIT;

  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (a) && G_IS_OBJECT (b), FALSE);

  g_value_init (&va, pspec->value_type);
  g_value_init (&vb, pspec->value_type);
  g_object_get_property (a, pspec->name, &va);
  g_object_get_property (b, pspec->name, &vb);

  if (G_TYPE_FUNDAMENTAL (pspec->value_type) == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (&va), g_value_get_string (&vb)) == 0;
  if (pspec->value_type == G_TYPE_DATE_TIME)
    return trellis_date_equal (g_value_get_boxed (&va), g_value_get_boxed (&vb));
  if (pspec->value_type == G_TYPE_BYTES)
    {
      GBytes *ba = g_value_get_boxed (&va);
      GBytes *bb = g_value_get_boxed (&vb);

      return (ba == NULL && bb == NULL) || (ba != NULL && bb != NULL && g_bytes_equal (ba, bb));
    }
  return g_param_values_cmp (pspec, &va, &vb) == 0;
}

/**
 * trellis_record_diff:
 *
 * The versioned properties that differ between two versions of one record, of one type.
 *
 * Returns: (transfer full): their names, in the order the type installed them; empty when
 *   nothing a person edits changed
 */
GStrv
trellis_record_diff (GObject *a,
                     GObject *b)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree GParamSpec **pspecs = NULL;

  g_return_val_if_fail (G_IS_OBJECT (a) && G_IS_OBJECT (b), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), NULL);

  pspecs = trellis_record_list_versioned (G_OBJECT_TYPE (a), NULL);
  for (guint i = 0; pspecs[i] != NULL; i++)
    if (!trellis_record_values_equal (pspecs[i], a, b))
      g_strv_builder_add (names, pspecs[i]->name);
  return g_strv_builder_end (names);
}

/**
 * trellis_record_dup_changes:
 *
 * trellis_record_diff() as the audit trail's detail holds it, "gender,religion".
 *
 * Returns: (transfer full) (nullable): the names, or %NULL when none changed
 */
char *
trellis_record_dup_changes (GObject *a,
                            GObject *b)
{
  g_auto(GStrv) names = trellis_record_diff (a, b);

  if (names == NULL || names[0] == NULL)
    return NULL;
  return g_strjoinv (",", names);
}
