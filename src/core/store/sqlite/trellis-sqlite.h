/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-sqlite.h: the backend seam under the store
 *
 * The store's policy files (../trellis-store-<area>.c) decide who may do what, what is valid,
 * what is audited and who is told; the functions declared here only read and write rows, and
 * are the only code that speaks SQL. They run inside the transaction the policy layer opened
 * and never open one of their own (the migrations aside), never check permissions, never
 * audit and never emit signals. Rows come back as the model's GObjects.
 *
 * Words for people stay above the seam: a row that is not there is a NULL (or *found FALSE)
 * with no error, and the caller says what is missing. A GError from here means the database
 * itself said no, and its code says why (trellis-error.h): LOCKED (busy in another program),
 * TOO_LARGE (no room), NOT_A_TRELLIS_DATABASE, CORRUPT, UNAVAILABLE (cannot open, read or
 * write the file), CONFLICT (a unique key: the record is there already), DATABASE (the
 * rest). A second backend maps its own results to the same codes.
 *
 * Internal to libtrellis-core: the SQLite backend is the only one today. A PostgreSQL backend
 * for providers with several homes would implement these same functions (see docs/store.md).
 * This header does not include <sqlite3.h>; only the files in this folder do.
 */
#pragma once

#include <gio/gio.h>

#include "trellis-assignment.h"
#include "trellis-audit-entry.h"
#include "trellis-care-plan-version.h"
#include "trellis-child.h"
#include "trellis-appointment.h"
#include "trellis-education-record.h"
#include "trellis-enums.h"
#include "trellis-attachment.h"
#include "trellis-checklist-entry.h"
#include "trellis-complaint.h"
#include "trellis-goal.h"
#include "trellis-goal-rating.h"
#include "trellis-incident.h"
#include "trellis-risk-flag.h"
#include "trellis-stepping-decision.h"
#include "trellis-health-record.h"
#include "trellis-health-rules.h"
#include "trellis-registration.h"
#include "trellis-home.h"
#include "trellis-staff.h"

G_BEGIN_DECLS

typedef struct _TrellisSqlite TrellisSqlite;

/* What marks a database file as Trellis's: PRAGMA application_id, the bytes 'T' 'R' 'L' 'S'
 * at offset 68 of the file. Set by migration 0005 (every new home runs it as it is made). */
#define TRELLIS_SQLITE_APPLICATION_ID 0x54524c53
/* ... and the keyring beside an encrypted one: 'T' 'R' 'L' 'K' */
#define TRELLIS_SQLITE_KEYRING_ID 0x54524c4b

typedef enum
{
  TRELLIS_SQLITE_OPEN_BRIEF = 1 << 0, /* leave the -wal and -shm to the other connections */
  TRELLIS_SQLITE_OPEN_CHECK = 1 << 1, /* run PRAGMA quick_check before anything else */
  TRELLIS_SQLITE_OPEN_KEYRING = 1 << 2, /* a keyring: its own application_id, no migrations */
} TrellisSqliteOpenFlags;

/* The connection (trellis-sqlite.c). @level is the nesting level of the transaction:
 * 0 for the outermost, which takes the write lock at once. */
TrellisSqlite *trellis_sqlite_open                (const char              *path,
                                                   TrellisSqliteOpenFlags   flags,
                                                   GError                 **error);
/* An encrypted file (trellis-sqlite-crypt.c): @key is TRELLIS_CRYPT_KEY_BYTES long,
 * @file_id TRELLIS_CRYPT_FILE_ID_BYTES. A new, empty file is made encrypted. */
TrellisSqlite *trellis_sqlite_open_encrypted      (const char              *path,
                                                   const guint8            *key,
                                                   const guint8            *file_id,
                                                   TrellisSqliteOpenFlags   flags,
                                                   GError                 **error);
/* Copies encrypted @self with the online backup API into @path, a new empty file. */
gboolean       trellis_sqlite_back_up_encrypted   (TrellisSqlite           *self,
                                                   const char              *path,
                                                   const guint8            *key,
                                                   const guint8            *file_id,
                                                   GError                 **error);
/* Writes an encrypted copy of @self (encrypted or not) to @path, which must not exist. */
gboolean       trellis_sqlite_copy_encrypted      (TrellisSqlite           *self,
                                                   const char              *path,
                                                   const guint8            *key,
                                                   const guint8            *file_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_verify_copy         (TrellisSqlite           *self,
                                                   const char              *path,
                                                   const guint8            *key,
                                                   const guint8            *file_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_is_encrypted        (TrellisSqlite           *self);
char          *trellis_sqlite_dup_uri             (TrellisSqlite           *self);
/* An encrypted file is sealed until someone gives its key, and again once they lock or sign
 * out: every call on a sealed connection fails with "sign in first". */
TrellisSqlite *trellis_sqlite_new_sealed          (const char              *path,
                                                   TrellisSqliteOpenFlags   flags);
gboolean       trellis_sqlite_unseal              (TrellisSqlite           *self,
                                                   const guint8            *key,
                                                   const guint8            *file_id,
                                                   GError                 **error);
void           trellis_sqlite_seal                (TrellisSqlite           *self);
gboolean       trellis_sqlite_is_sealed           (TrellisSqlite           *self);
gboolean       trellis_sqlite_set_sealed_error    (GError                 **error);
void           trellis_sqlite_close               (TrellisSqlite           *self);
gboolean       trellis_sqlite_begin               (TrellisSqlite           *self,
                                                   guint                    level,
                                                   GError                 **error);
gboolean       trellis_sqlite_commit              (TrellisSqlite           *self,
                                                   guint                    level,
                                                   GError                 **error);
void           trellis_sqlite_rollback            (TrellisSqlite           *self,
                                                   guint                    level);
gint64         trellis_sqlite_get_data_version    (TrellisSqlite           *self);
GStrv          trellis_sqlite_dup_statements      (TrellisSqlite           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSqlite, trellis_sqlite_close)

/* Schema migrations, compiled in as a GResource (trellis-sqlite-migrations.c) */
guint          trellis_sqlite_get_latest_version  (void);
guint          trellis_sqlite_get_schema_version  (TrellisSqlite           *self);
gboolean       trellis_sqlite_migrate             (TrellisSqlite           *self,
                                                   guint                    target,
                                                   GError                 **error);

/* SQLite's locks, held by its own open files (trellis-sqlite-locks.c) */
void           trellis_sqlite_use_ofd_locks       (void);
gboolean       trellis_sqlite_has_ofd_locks       (void);

/* The home (trellis-sqlite-home.c) */
gboolean       trellis_sqlite_home_get            (TrellisSqlite           *self,
                                                   TrellisHome            **home,
                                                   GError                 **error);
gboolean       trellis_sqlite_home_insert         (TrellisSqlite           *self,
                                                   const char              *name,
                                                   gboolean                 is_demo,
                                                   GError                 **error);
gboolean       trellis_sqlite_home_get_idle_lock  (TrellisSqlite           *self,
                                                   guint                   *minutes,
                                                   gboolean                *found,
                                                   GError                 **error);
gboolean       trellis_sqlite_home_set_idle_lock  (TrellisSqlite           *self,
                                                   guint                    minutes,
                                                   GError                 **error);

gboolean       trellis_sqlite_home_get_backup_folder (TrellisSqlite        *self,
                                                   char                   **folder,
                                                   char                   **created_at,
                                                   GError                 **error);
gboolean       trellis_sqlite_home_set_backup_folder (TrellisSqlite        *self,
                                                   const char              *folder,
                                                   GError                 **error);

/* A child's health checks and the home's intervals (trellis-sqlite-health.c) */
GListModel    *trellis_sqlite_health_list         (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_health_insert       (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   TrellisHealthCheck       check,
                                                   GDateTime               *done_on,
                                                   const char              *notes,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);
GListModel    *trellis_sqlite_registration_list   (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_registration_insert (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   TrellisRegistrationKind  kind,
                                                   const char              *practice,
                                                   GDateTime               *registered_on,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);
gboolean       trellis_sqlite_health_get_intervals (TrellisSqlite          *self,
                                                   TrellisHealthIntervals  *intervals,
                                                   GError                 **error);
gboolean       trellis_sqlite_health_set_intervals (TrellisSqlite          *self,
                                                   const TrellisHealthIntervals *intervals,
                                                   GError                 **error);

/* What a child was given and told, and their complaints (trellis-sqlite-checklist.c) */
GListModel    *trellis_sqlite_checklist_list      (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_checklist_insert    (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   TrellisChecklistItem     item,
                                                   GDateTime               *done_on,
                                                   const char              *notes,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);
GListModel    *trellis_sqlite_complaint_list      (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_complaint_get       (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   TrellisComplaint       **complaint,
                                                   GError                 **error);
gboolean       trellis_sqlite_complaint_insert    (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GDateTime               *made_on,
                                                   const char              *about,
                                                   const char              *made_to,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);
gboolean       trellis_sqlite_complaint_outcome_insert (TrellisSqlite      *self,
                                                   gint64                   complaint_id,
                                                   gint64                   child_id,
                                                   GDateTime               *resolved_on,
                                                   const char              *handled,
                                                   const char              *outcome,
                                                   TrellisSatisfied         satisfied,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   GError                 **error);
GArray        *trellis_sqlite_complaint_count_by_month (TrellisSqlite      *self,
                                                   GDateTime               *since,
                                                   GError                 **error);

/* Documents attached to a child's file (trellis-sqlite-attachments.c) */
GListModel    *trellis_sqlite_attachment_list     (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_attachment_get      (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   TrellisAttachment      **attachment,
                                                   GError                 **error);
gboolean       trellis_sqlite_attachment_read     (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   GBytes                 **content,
                                                   GError                 **error);
gboolean       trellis_sqlite_attachment_insert   (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   const char              *title,
                                                   const char              *source,
                                                   GDateTime               *dated_on,
                                                   const char              *file_name,
                                                   const char              *media_type,
                                                   GBytes                  *content,
                                                   GBytes                  *thumbnail,
                                                   gint64                   added_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);

/* A child's plans and their versions (trellis-sqlite-care-plans.c) */
GListModel    *trellis_sqlite_care_plan_list      (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
GListModel    *trellis_sqlite_care_plan_list_awaiting (TrellisSqlite       *self,
                                                   GError                 **error);
GListModel    *trellis_sqlite_care_plan_list_versions (TrellisSqlite       *self,
                                                   gint64                   plan_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_care_plan_get_version (TrellisSqlite         *self,
                                                   gint64                   plan_id,
                                                   guint                    number,
                                                   TrellisCarePlanVersion **version,
                                                   GError                 **error);
gboolean       trellis_sqlite_care_plan_insert    (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   TrellisCarePlanKind      kind,
                                                   gint64                  *id,
                                                   GError                 **error);
gboolean       trellis_sqlite_care_plan_add_version (TrellisSqlite         *self,
                                                   gint64                   plan_id,
                                                   gint64                   child_id,
                                                   guint                    number,
                                                   TrellisCarePlanStatus    status,
                                                   TrellisCarePlanStep      step,
                                                   const TrellisCarePlanContent *content,
                                                   const char              *comment,
                                                   gint64                   saved_by,
                                                   gint64                   saved_at,
                                                   gint64                   audit_id,
                                                   GError                 **error);

/* A child's goals and ratings, risk areas and Stepping decisions (trellis-sqlite-goals.c) */
GListModel    *trellis_sqlite_goal_list           (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_goal_get_child      (TrellisSqlite           *self,
                                                   gint64                   goal_id,
                                                   gint64                  *child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_goal_insert         (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   TrellisGoalDomain        domain,
                                                   const char              *what,
                                                   guint                    baseline,
                                                   guint                    target,
                                                   GDateTime               *set_on,
                                                   GDateTime               *review_on,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);
gboolean       trellis_sqlite_goal_rating_insert  (TrellisSqlite           *self,
                                                   gint64                   goal_id,
                                                   gint64                   child_id,
                                                   guint                    rating,
                                                   GDateTime               *rated_on,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);
GListModel    *trellis_sqlite_risk_list           (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_risk_insert         (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   TrellisRiskArea          area,
                                                   TrellisRiskLevel         level,
                                                   GDateTime               *flagged_on,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);
GListModel    *trellis_sqlite_stepping_list       (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_stepping_insert     (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   TrellisStepping          direction,
                                                   GDateTime               *decided_on,
                                                   const char              *decided_by,
                                                   const char              *reason,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);

/* Incidents in a child's care (trellis-sqlite-incidents.c) */
GListModel    *trellis_sqlite_incident_list       (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_incident_insert     (TrellisSqlite           *self,
                                                   TrellisIncident         *incident,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);

/* A child's appointments (trellis-sqlite-appointments.c) */
GListModel    *trellis_sqlite_appointment_list    (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
GListModel    *trellis_sqlite_appointment_versions (TrellisSqlite          *self,
                                                   gint64                   appointment_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_appointment_get     (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   TrellisAppointment     **appointment,
                                                   GError                 **error);
gboolean       trellis_sqlite_appointment_insert  (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GDateTime               *on_date,
                                                   const char              *time,
                                                   const char              *with_whom,
                                                   const char              *purpose,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);
gboolean       trellis_sqlite_appointment_set_outcome (TrellisSqlite       *self,
                                                   gint64                   id,
                                                   const char              *outcome,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   GError                 **error);

/* A child's education file (trellis-sqlite-education.c) */
GListModel    *trellis_sqlite_education_list      (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_education_insert    (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   const TrellisEducationEntry *entry,
                                                   GDateTime               *on_date,
                                                   gint64                   recorded_by,
                                                   gint64                   audit_id,
                                                   gint64                  *id,
                                                   GError                 **error);

/* Staff accounts (trellis-sqlite-staff.c). A username that is taken is
 * TRELLIS_ERROR_CONFLICT. */
gboolean       trellis_sqlite_staff_get           (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   TrellisStaff           **staff,
                                                   GError                 **error);
gboolean       trellis_sqlite_staff_lookup        (TrellisSqlite           *self,
                                                   const char              *username,
                                                   TrellisStaff           **staff,
                                                   GError                 **error);
gboolean       trellis_sqlite_staff_insert        (TrellisSqlite           *self,
                                                   const char              *username,
                                                   const char              *display_name,
                                                   TrellisRole              role,
                                                   const char              *password_hash,
                                                   gboolean                 must_change_password,
                                                   gint64                  *id,
                                                   GError                 **error);
GListModel    *trellis_sqlite_staff_list          (TrellisSqlite           *self,
                                                   gboolean                 sign_in_only,
                                                   GError                 **error);
GListModel    *trellis_sqlite_staff_find          (TrellisSqlite           *self,
                                                   const char              *text,
                                                   guint                    limit,
                                                   GError                 **error);
GListModel    *trellis_sqlite_staff_list_recent   (TrellisSqlite           *self,
                                                   guint                    limit,
                                                   GError                 **error);
gboolean       trellis_sqlite_staff_mark_signed_in (TrellisSqlite          *self,
                                                   gint64                   id,
                                                   GError                 **error);
gboolean       trellis_sqlite_staff_set_active    (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   gboolean                 active,
                                                   GError                 **error);

/* What signing in reads and writes of an account (trellis-sqlite-sign-in.c) */
typedef struct
{
  gint64   id;
  char    *username;
  char    *hash;          /* NULL: the account has no password and cannot sign in */
  gboolean active;
  gboolean locked;
  gboolean must_change;
  guint    failed;        /* wrong passwords in a row */
  gint64   last_failed;   /* µs since 1970 */
  GBytes  *wrapped;       /* an encrypted home's: the account's copy of the data key */
  gboolean administrator; /* read for signing in to a home made before encryption */
} TrellisAccount;

void           trellis_account_clear              (TrellisAccount          *account);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrellisAccount, trellis_account_clear)

/* By @username, or by @id when @username is NULL. */
gboolean       trellis_sqlite_account_read        (TrellisSqlite           *self,
                                                   const char              *username,
                                                   gint64                   id,
                                                   TrellisAccount          *account,
                                                   gboolean                *found,
                                                   GError                 **error);
/* @new_hash NULL and @must_change -1 keep what is there. */
gboolean       trellis_sqlite_account_update      (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   const char              *new_hash,
                                                   int                      must_change,
                                                   guint                    failed,
                                                   gint64                   last_failed,
                                                   gboolean                 locked,
                                                   GError                 **error);

/* Guesses at a password, per username as typed (trellis-sqlite-sign-in.c) */
typedef struct
{
  gint64 window_start;    /* µs since 1970 */
  guint  guesses;
  gint64 last_guess;      /* µs since 1970 */
  guint  refused;         /* turned away unchecked since the last audit row about it */
} TrellisGuesses;

gboolean       trellis_sqlite_guesses_read        (TrellisSqlite           *self,
                                                   const char              *username_key,
                                                   TrellisGuesses          *guesses,
                                                   gboolean                *found,
                                                   GError                 **error);
/* Writes @guesses and forgets every username whose window closed before @stale_before. */
gboolean       trellis_sqlite_guesses_write       (TrellisSqlite           *self,
                                                   const char              *username_key,
                                                   const TrellisGuesses    *guesses,
                                                   gint64                   stale_before,
                                                   GError                 **error);
gboolean       trellis_sqlite_guesses_forget      (TrellisSqlite           *self,
                                                   const char              *username_key,
                                                   GError                 **error);

/* The audit trail (trellis-sqlite-audit.c). Strings are never NULL; ids 0 are "none". */
typedef struct
{
  gint64      id;
  const char *at;
  gint64      staff_id;
  const char *action;
  gint64      child_id;
  const char *detail;
  const char *prev_hash;
  const char *hash;
} TrellisAuditRow;

/* What a search of the trail matches: @text as typed, @folded case-folded, and the codes
 * whose words matched it. */
typedef struct
{
  const char *text;
  const char *folded;
  GStrv       actions;
  GStrv       reasons;
  GStrv       fields;
} TrellisAuditSearch;

typedef gboolean (*TrellisAuditRowFunc) (const TrellisAuditRow *row,
                                         gpointer               user_data);

gboolean       trellis_sqlite_audit_get_last      (TrellisSqlite           *self,
                                                   gint64                  *id,
                                                   char                   **hash,
                                                   GError                 **error);
/* The newest row of @action: its id (0 when there is none), time and detail. */
gboolean       trellis_sqlite_audit_get_last_of   (TrellisSqlite           *self,
                                                   const char              *action,
                                                   gint64                  *id,
                                                   char                   **at,
                                                   char                   **detail,
                                                   GError                 **error);
gboolean       trellis_sqlite_audit_get_hash      (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   char                   **hash,
                                                   GError                 **error);
gboolean       trellis_sqlite_audit_check_records (TrellisSqlite           *self,
                                                   gint64                  *audit_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_audit_insert        (TrellisSqlite           *self,
                                                   const TrellisAuditRow   *row,
                                                   GError                 **error);
/* Every row in order, until @func returns FALSE. */
gboolean       trellis_sqlite_audit_foreach       (TrellisSqlite           *self,
                                                   TrellisAuditRowFunc      func,
                                                   gpointer                 user_data,
                                                   GError                 **error);
GListModel    *trellis_sqlite_audit_list          (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   const TrellisAuditSearch *search,
                                                   guint                    limit,
                                                   GError                 **error);

/* The keyring beside an encrypted home (trellis-sqlite-keyring.c) */
typedef struct
{
  guint8   file_id[16];   /* TRELLIS_CRYPT_FILE_ID_BYTES */
  GBytes  *recovery;      /* the data key wrapped with the recovery key, or NULL */
  gboolean has_home;
} TrellisKeyringRow;

void           trellis_keyring_row_clear          (TrellisKeyringRow       *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrellisKeyringRow, trellis_keyring_row_clear)

TrellisSqlite *trellis_sqlite_open_keyring        (const char              *path,
                                                   TrellisSqliteOpenFlags   flags,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_read        (TrellisSqlite           *self,
                                                   TrellisKeyringRow       *row,
                                                   gboolean                *found,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_init        (TrellisSqlite           *self,
                                                   const guint8            *file_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_set_recovery (TrellisSqlite          *self,
                                                   GBytes                  *wrapped,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_get_wrapped (TrellisSqlite           *self,
                                                   gint64                   staff_id,
                                                   GBytes                 **wrapped,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_set_wrapped (TrellisSqlite           *self,
                                                   gint64                   staff_id,
                                                   GBytes                  *wrapped,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_copy        (TrellisSqlite           *self,
                                                   TrellisSqlite           *db,
                                                   gint64                   staff_id,
                                                   gboolean                 home,
                                                   GError                 **error);
GArray        *trellis_sqlite_staff_take_passwordless (TrellisSqlite       *self,
                                                   const char              *marker,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_get_head    (TrellisSqlite           *self,
                                                   gint64                  *rows,
                                                   char                   **head,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_set_head    (TrellisSqlite           *self,
                                                   gint64                   rows,
                                                   const char              *head,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_add_pending (TrellisSqlite           *self,
                                                   const char              *at,
                                                   gint64                   staff_id,
                                                   const char              *action,
                                                   const char              *detail,
                                                   GError                 **error);
gboolean       trellis_sqlite_keyring_take_pending (TrellisSqlite          *self,
                                                   TrellisAuditRowFunc      func,
                                                   gpointer                 user_data,
                                                   GError                 **error);

gboolean       trellis_sqlite_child_find_same     (TrellisSqlite           *self,
                                                   const char              *given_name,
                                                   const char              *family_name,
                                                   GDateTime               *date_of_birth,
                                                   gint64                  *id,
                                                   GError                 **error);
gboolean       trellis_sqlite_child_set_audit     (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   gint64                   audit_id,
                                                   GError                 **error);

/* Children (trellis-sqlite-children.c). A child read here carries its Link Worker. */
gboolean       trellis_sqlite_child_get           (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   TrellisChild           **child,
                                                   GError                 **error);
GPtrArray     *trellis_sqlite_child_get_many      (TrellisSqlite           *self,
                                                   const gint64            *ids,
                                                   guint                    n_ids,
                                                   GError                 **error);
GArray        *trellis_sqlite_child_list_ids      (TrellisSqlite           *self,
                                                   const char * const      *words,
                                                   TrellisChildSort         sort,
                                                   gboolean                 include_former,
                                                   GDateTime               *today,
                                                   GError                 **error);
gint64         trellis_sqlite_child_insert        (TrellisSqlite           *self,
                                                   TrellisChild            *child,
                                                   const char              *search_key,
                                                   gint64                   staff_id,
                                                   GError                 **error);
/* Keeps @snapshot (trellis_json_writer_dup_snapshot() of the child as its row is now) as
 * the row's version, with when and by whom the row was last written. */
gboolean       trellis_sqlite_child_keep_version  (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   const char              *snapshot,
                                                   gint64                   staff_id,
                                                   GError                 **error);
/* Writes @child over the row at its id and version, and moves the version on. */
gboolean       trellis_sqlite_child_update        (TrellisSqlite           *self,
                                                   TrellisChild            *child,
                                                   const char              *search_key,
                                                   gint64                   staff_id,
                                                   GError                 **error);
gboolean       trellis_sqlite_child_count_versions (TrellisSqlite          *self,
                                                   gint64                   id,
                                                   guint                   *count,
                                                   GError                 **error);

/* Link Worker assignments (trellis-sqlite-link-workers.c) */
GListModel    *trellis_sqlite_assignment_list     (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   GError                 **error);
/* The child's Link Worker now, or until the child left; its end date as stored. */
gboolean       trellis_sqlite_assignment_get_running (TrellisSqlite        *self,
                                                   gint64                   child_id,
                                                   TrellisAssignment      **running,
                                                   GError                 **error);
gboolean       trellis_sqlite_assignment_set_end  (TrellisSqlite           *self,
                                                   gint64                   id,
                                                   GDateTime               *end_date,
                                                   GError                 **error);
gboolean       trellis_sqlite_assignment_insert   (TrellisSqlite           *self,
                                                   gint64                   child_id,
                                                   gint64                   staff_id,
                                                   GDateTime               *start_date,
                                                   GDateTime               *end_date,
                                                   TrellisChangeReason      reason,
                                                   const char              *note,
                                                   gint64                   recorded_by,
                                                   gint64                  *id,
                                                   GError                 **error);

G_END_DECLS
