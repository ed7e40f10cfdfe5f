/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-window-private.h: what the window's own files share, and what its tests look at
 *
 * The window is split by concern, as GNOME Text Editor splits its window:
 *   trellis-window.c          the chrome, navigation between the pages, sessions
 *   trellis-window-lock.c     the shared PC: lock, sign-out, idle time, unsaved editors
 *   trellis-window-actions.c  what the menus and buttons do
 *   print/trellis-window-print.c  printing and PDF export of the child shown
 */
#pragma once

#include "trellis-child-editor.h"
#include "trellis-child-file.h"
#include "trellis-children-page.h"
#include "trellis-create-home-page.h"
#include "trellis-link-worker-dialog.h"
#include "trellis-sign-in-page.h"
#include "trellis-welcome-page.h"
#include "trellis-window.h"

G_BEGIN_DECLS

struct _TrellisWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  TrellisWelcomePage    *welcome_page;
  TrellisCreateHomePage *create_home_page;
  AdwLeaflet          *leaflet;
  TrellisChildrenPage *children_page;
  TrellisChildFile    *child_file;
  TrellisSignInPage   *sign_in_page;
  AdwWindowTitle      *sign_in_title;
  GtkMenuButton       *sign_in_menu_button;

  /* owned */
  GSettings           *settings;
  TrellisContext      *context;         /* the home open, who is signed in, today */
  TrellisStore        *store;
  TrellisStaff        *actor;
  TrellisHome         *home;
  gint64               current_child_id;
  gulong               store_changed_id;
  TrellisLinkWorkerDialog *link_worker_dialog;   /* weak */
  GHashTable          *drafts;          /* staff id -> GPtrArray of their open editors */
  gint64               last_activity;   /* monotonic µs */
  gboolean             locked;          /* the actor's session waits behind the lock page */
  guint                idle_source;
  guint                idle_lock_minutes; /* the home's setting */
  GHashTable          *enabled;         /* the window actions on offer now */
  AdwToast            *last_toast;      /* weak */
  GListModel          *toast_children;  /* the toast overlay's, watched to name new toasts */

  /* the automatic backups (trellis-window-backups.c) */
  GtkInfoBar          *backup_banner;   /* template: the warning over the children */
  GtkLabel            *backup_banner_label;
  GtkButton           *backup_banner_button;
  guint                backup_timer;    /* the hourly look for the daily backup */
  GCancellable        *backup_cancellable;  /* a backup the window waits for */
};

/* shared between the window's files */
typedef void (*TrellisWindowFileFunc) (TrellisWindow *self,
                                       const char    *path);

void       trellis_window_choose_file             (TrellisWindow        *self,
                                                   GtkFileChooserNative *dialog,
                                                   TrellisWindowFileFunc chosen);
void       trellis_window_toast                   (TrellisWindow  *self,
                                                   const char     *text);
void       trellis_window_update_actions          (TrellisWindow  *self);
void       trellis_window_end_session             (TrellisWindow  *self);
void       trellis_window_show_child              (TrellisWindow  *self,
                                                   gint64          child_id,
                                                   gboolean        opened);
void       trellis_window_select_shown_child      (TrellisWindow  *self);
void       trellis_window_reload_child            (TrellisWindow  *self,
                                                   gint64          child_id);
GPtrArray *trellis_window_drafts_of               (TrellisWindow  *self,
                                                   TrellisStaff   *staff);
void       trellis_window_show_drafts             (TrellisWindow  *self,
                                                   TrellisStaff   *staff);
gboolean   trellis_window_typing_keeps_home_open  (TrellisWindow  *self,
                                                   gboolean        quitting);
gboolean   trellis_window_may_leave_home          (TrellisWindow  *self);
void       trellis_window_read_idle_lock          (TrellisWindow  *self);
void       trellis_window_close_other_windows     (TrellisWindow  *self);
void       trellis_window_sign_out_for_restore    (TrellisWindow  *self);
void       trellis_window_close_home              (TrellisWindow  *self);
void       trellis_window_sign_out_of_store       (TrellisWindow  *self,
                                                   TrellisStaff   *actor,
                                                   gboolean        back_up);
void       trellis_window_start_backups           (TrellisWindow  *self);
void       trellis_window_stop_backups            (TrellisWindow  *self);
void       trellis_window_update_backup_banner    (TrellisWindow  *self);
void       trellis_window_class_init_backups      (GtkWidgetClass *widget_class);
void       trellis_window_init_lock               (TrellisWindow  *self);
void       trellis_window_class_init_lock         (GtkWidgetClass *widget_class);
void       trellis_window_class_init_actions      (GtkWidgetClass *widget_class);
void       trellis_window_init_actions            (TrellisWindow  *self);
void       trellis_window_init_print              (TrellisWindow  *self);

/* for the tests */

const char         *trellis_window_get_visible_page  (TrellisWindow *self);
TrellisChildFile   *trellis_window_get_child_file    (TrellisWindow *self);
GListModel         *trellis_window_get_children      (TrellisWindow *self);
TrellisChildEditor *trellis_window_edit_child        (TrellisWindow *self);
TrellisStore       *trellis_window_get_store         (TrellisWindow *self);
TrellisStaff       *trellis_window_get_actor         (TrellisWindow *self);
TrellisSignInPage  *trellis_window_get_sign_in_page  (TrellisWindow *self);
gboolean            trellis_window_action_enabled    (TrellisWindow *self,
                                                      const char    *action);
void                trellis_window_dismiss_toast     (TrellisWindow *self);
void                trellis_window_check_idle        (TrellisWindow *self,
                                                      int            seconds_since_use);
void                trellis_window_export_pdf        (TrellisWindow *self,
                                                      const char    *path);

G_END_DECLS
