/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-test-utils.h: what the tests share: a home to test, its people, another program
 */
#pragma once

#include "trellis-core.h"

G_BEGIN_DECLS

char           *trellis_test_make_dir       (const char    *purpose);
TrellisStore   *trellis_test_open_demo      (const char    *dir,
                                             const char    *name,
                                             guint          n_children);
TrellisStaff   *trellis_test_lookup_staff   (TrellisStore  *store,
                                             const char    *username);
TrellisChild   *trellis_test_make_child     (const char    *given,
                                             const char    *family,
                                             const char    *iso_date_of_birth);
TrellisContext *trellis_test_context        (TrellisStore  *store,
                                             const char    *username);
gint64          trellis_test_first_child_of (TrellisStore  *store,
                                             TrellisStaff  *worker);
guint           trellis_test_count_views    (TrellisStore  *store,
                                             TrellisStaff  *reader,
                                             gint64         child_id);
TrellisChild   *trellis_test_get_child      (GListModel    *list,
                                             guint          position);
void            trellis_test_wait_for_pages (TrellisChildList *list);
GPtrArray      *trellis_test_record_changes (TrellisStore  *store);

/* Answers whether @data is still busy (reading on the store's worker …). */
typedef gboolean (*TrellisTestBusyFunc) (gpointer data);
void            trellis_test_wait_while     (TrellisTestBusyFunc busy,
                                             gpointer            data);

gboolean        trellis_test_is_other_program (int          argc,
                                               char       **argv);
int             trellis_test_other_program    (int          argc,
                                               char       **argv);
GSubprocess    *trellis_test_run_other_program (const char  *self_path,
                                                const char  *db,
                                                gint64       child_id,
                                                const char  *property,
                                                const char  *value,
                                                gboolean     opens,
                                                GError     **error);

G_END_DECLS
