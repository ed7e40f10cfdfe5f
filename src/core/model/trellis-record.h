/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-record.h: the versioned fields of a record, declared once on its properties
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A property a person edits and the store keeps the earlier values of: set beside
 * G_PARAM_READWRITE in the model type's class_init, with the words a person reads as the
 * param spec's nick (marked N_()). Every edit is snapshotted and diffed from these, so a new
 * field of a child, a plan or a health record is versioned and audited by being flagged. */
#define TRELLIS_PARAM_VERSIONED (1 << G_PARAM_USER_SHIFT)

GParamSpec **trellis_record_list_properties (GType        type,
                                            guint       *n_properties);
GParamSpec **trellis_record_list_versioned (GType        type,
                                            guint       *n_versioned);
GParamSpec  *trellis_record_find_versioned (GType        type,
                                            const char  *property);
const char  *trellis_record_get_label      (GType        type,
                                            const char  *property);
gboolean     trellis_record_values_equal   (GParamSpec  *pspec,
                                            GObject     *a,
                                            GObject     *b);
GStrv        trellis_record_diff           (GObject     *a,
                                            GObject     *b);
char        *trellis_record_dup_changes    (GObject     *a,
                                            GObject     *b);

G_END_DECLS
