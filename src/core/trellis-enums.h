/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-enums.h: enumerations shared by the model, the store and the UI.
 * Fed to gnome.mkenums_simple; the nicks are what the database stores.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_ROLE_ADMINISTRATOR, /*< nick=administrator >*/
  TRELLIS_ROLE_MANAGER,       /*< nick=manager >*/
  TRELLIS_ROLE_STAFF,         /*< nick=staff >*/
  TRELLIS_ROLE_VISITOR,       /*< nick=visitor >*/
} TrellisRole;

typedef enum
{
  TRELLIS_LEGAL_STATUS_UNKNOWN,            /*< nick=unknown >*/
  TRELLIS_LEGAL_STATUS_CARE_ORDER,         /*< nick=care-order >*/
  TRELLIS_LEGAL_STATUS_INTERIM_CARE_ORDER, /*< nick=interim-care-order >*/
  TRELLIS_LEGAL_STATUS_ACCOMMODATED,       /*< nick=accommodated >*/
  TRELLIS_LEGAL_STATUS_PLACEMENT_ORDER,    /*< nick=placement-order >*/
  TRELLIS_LEGAL_STATUS_REMAND,             /*< nick=remand >*/
  TRELLIS_LEGAL_STATUS_OTHER,              /*< nick=other >*/
} TrellisLegalStatus;

/* Why a Link Worker assignment began: the first one, or one of the reasons the guidance
 * allows for a change. */
typedef enum
{
  TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT, /*< nick=first-assignment >*/
  TRELLIS_CHANGE_REASON_CHILD_REQUEST,    /*< nick=child-request >*/
  TRELLIS_CHANGE_REASON_STAFF_LEFT,       /*< nick=staff-left >*/
  TRELLIS_CHANGE_REASON_NO_RELATIONSHIP,  /*< nick=no-relationship >*/
  TRELLIS_CHANGE_REASON_MANAGER_DECISION, /*< nick=manager-decision >*/
} TrellisChangeReason;

/* What a row of the audit trail records. The nick is the code the trail stores and
 * `trellisctl audit list --format json` prints; people read trellis_audit_action_to_label(). */
typedef enum
{
  TRELLIS_AUDIT_ACTION_VIEW_CHILD,         /*< nick=view-child >*/
  TRELLIS_AUDIT_ACTION_ADD_CHILD,          /*< nick=add-child >*/
  TRELLIS_AUDIT_ACTION_EDIT_CHILD,         /*< nick=edit-child >*/
  TRELLIS_AUDIT_ACTION_ASSIGN_LINK_WORKER, /*< nick=assign-link-worker >*/
  TRELLIS_AUDIT_ACTION_SIGN_IN,            /*< nick=sign-in >*/
  TRELLIS_AUDIT_ACTION_SIGN_IN_FAILED,     /*< nick=sign-in-failed >*/
  TRELLIS_AUDIT_ACTION_ACCOUNT_LOCKED,     /*< nick=account-locked >*/
  TRELLIS_AUDIT_ACTION_SIGN_OUT,           /*< nick=sign-out >*/
  TRELLIS_AUDIT_ACTION_ADD_STAFF,          /*< nick=add-staff >*/
  TRELLIS_AUDIT_ACTION_RESET_PASSWORD,     /*< nick=reset-password >*/
  TRELLIS_AUDIT_ACTION_CHANGE_PASSWORD,    /*< nick=change-password >*/
  TRELLIS_AUDIT_ACTION_UNLOCK_STAFF,       /*< nick=unlock-staff >*/
  TRELLIS_AUDIT_ACTION_STAFF_LEFT,         /*< nick=staff-left >*/
  TRELLIS_AUDIT_ACTION_RESTORE_STAFF,      /*< nick=restore-staff >*/
  TRELLIS_AUDIT_ACTION_CHANGE_IDLE_LOCK,   /*< nick=change-idle-lock >*/
  TRELLIS_AUDIT_ACTION_SIGN_IN_WAITING,    /*< nick=sign-in-waiting >*/
  TRELLIS_AUDIT_ACTION_LOCK_STAFF,         /*< nick=lock-staff >*/
  TRELLIS_AUDIT_ACTION_RECOVER_ADMINISTRATOR, /*< nick=recover-administrator >*/
  TRELLIS_AUDIT_ACTION_ENCRYPT_HOME,       /*< nick=encrypt-home >*/
  TRELLIS_AUDIT_ACTION_BACK_UP,            /*< nick=back-up >*/
  TRELLIS_AUDIT_ACTION_RESTORE,            /*< nick=restore >*/
  TRELLIS_AUDIT_ACTION_BACK_UP_FAILED,     /*< nick=back-up-failed >*/
  TRELLIS_AUDIT_ACTION_CHANGE_BACKUP_FOLDER, /*< nick=change-backup-folder >*/
  TRELLIS_AUDIT_ACTION_RECORD_HEALTH_CHECK, /*< nick=record-health-check >*/
  TRELLIS_AUDIT_ACTION_CHANGE_HEALTH_INTERVALS, /*< nick=change-health-intervals >*/
  TRELLIS_AUDIT_ACTION_RECORD_REGISTRATION, /*< nick=record-registration >*/
  TRELLIS_AUDIT_ACTION_RECORD_APPOINTMENT, /*< nick=record-appointment >*/
  TRELLIS_AUDIT_ACTION_RECORD_APPOINTMENT_OUTCOME, /*< nick=record-appointment-outcome >*/
  /* an education record: "record-" and the TrellisEducationKind's nick */
  TRELLIS_AUDIT_ACTION_RECORD_SCHOOL,      /*< nick=record-school >*/
  TRELLIS_AUDIT_ACTION_RECORD_ATTENDANCE,  /*< nick=record-attendance >*/
  TRELLIS_AUDIT_ACTION_RECORD_EXCLUSION,   /*< nick=record-exclusion >*/
  TRELLIS_AUDIT_ACTION_RECORD_SPECIAL_NEEDS, /*< nick=record-special-needs >*/
  TRELLIS_AUDIT_ACTION_RECORD_EDUCATION_SUPPORT, /*< nick=record-education-support >*/
  TRELLIS_AUDIT_ACTION_RECORD_SCHOOL_EVENT, /*< nick=record-school-event >*/
} TrellisAuditAction;

/* A health check a looked-after child has, and when it falls due (trellis-health-rules.h). */
typedef enum
{
  TRELLIS_HEALTH_CHECK_ASSESSMENT, /*< nick=health-assessment >*/
  TRELLIS_HEALTH_CHECK_DENTAL,     /*< nick=dental >*/
  TRELLIS_HEALTH_CHECK_SIGHT,      /*< nick=sight >*/
} TrellisHealthCheck;

/* Where a looked-after child is registered for their health care. */
typedef enum
{
  TRELLIS_REGISTRATION_GP,        /*< nick=gp >*/
  TRELLIS_REGISTRATION_DENTIST,   /*< nick=dentist >*/
  TRELLIS_REGISTRATION_OPTICIAN,  /*< nick=optician >*/
} TrellisRegistrationKind;

/* The kinds of record in a child's education file (trellis-education-record.h). */
typedef enum
{
  TRELLIS_EDUCATION_SCHOOL,        /*< nick=school >*/
  TRELLIS_EDUCATION_ATTENDANCE,    /*< nick=attendance >*/
  TRELLIS_EDUCATION_EXCLUSION,     /*< nick=exclusion >*/
  TRELLIS_EDUCATION_SPECIAL_NEEDS, /*< nick=special-needs >*/
  TRELLIS_EDUCATION_SUPPORT,       /*< nick=education-support >*/
  TRELLIS_EDUCATION_EVENT,         /*< nick=school-event >*/
} TrellisEducationKind;

typedef enum
{
  TRELLIS_EXCLUSION_SUSPENSION,    /*< nick=suspension >*/
  TRELLIS_EXCLUSION_PERMANENT,     /*< nick=permanent >*/
} TrellisExclusionKind;

/* Special educational needs: none, SEN support in school, or an Education, Health and Care
 * Plan. */
typedef enum
{
  TRELLIS_SEN_NONE,                /*< nick=none >*/
  TRELLIS_SEN_SUPPORT,             /*< nick=sen-support >*/
  TRELLIS_SEN_EHCP,                /*< nick=ehcp >*/
} TrellisSenLevel;

/* What a support note is about. */
typedef enum
{
  TRELLIS_SUPPORT_HOMEWORK,        /*< nick=homework >*/
  TRELLIS_SUPPORT_READING,         /*< nick=reading >*/
} TrellisSupportKind;

typedef enum
{
  TRELLIS_SCHOOL_EVENT_EVENT,            /*< nick=school-event >*/
  TRELLIS_SCHOOL_EVENT_PARENTS_EVENING,  /*< nick=parents-evening >*/
} TrellisSchoolEventKind;

/* What kind of record a change was to: the detail of TrellisStore::changed
 * ("changed::child") and its first argument. One kind for each table of the home's
 * records; the home's settings are part of the home, a child's kept versions part of the
 * child. */
typedef enum
{
  TRELLIS_RECORD_KIND_HOME,       /*< nick=home >*/
  TRELLIS_RECORD_KIND_STAFF,      /*< nick=staff >*/
  TRELLIS_RECORD_KIND_CHILD,      /*< nick=child >*/
  TRELLIS_RECORD_KIND_ASSIGNMENT, /*< nick=assignment >*/
  TRELLIS_RECORD_KIND_AUDIT,      /*< nick=audit >*/
} TrellisRecordKind;

/* The row id of a change to several records of a kind, or to ones nobody knows (another
 * program's commit): every view of that kind reloads. Never a row's id. */
#define TRELLIS_RECORD_ID_MANY G_GINT64_CONSTANT (-1)

typedef enum
{
  TRELLIS_CHILD_SORT_NAME,           /*< nick=name >*/
  TRELLIS_CHILD_SORT_FAMILY_NAME,    /*< nick=family-name >*/
  TRELLIS_CHILD_SORT_AGE,            /*< nick=age >*/
  TRELLIS_CHILD_SORT_ADMISSION_DATE, /*< nick=admission-date >*/
} TrellisChildSort;

const char *trellis_role_to_label          (TrellisRole         role);
const char *trellis_legal_status_to_label  (TrellisLegalStatus  status);
const char *trellis_change_reason_to_label (TrellisChangeReason reason);
const char *trellis_audit_action_to_label  (TrellisAuditAction  action);
const char *trellis_health_check_to_label  (TrellisHealthCheck  check);
const char *trellis_registration_to_label  (TrellisRegistrationKind kind);
const char *trellis_education_kind_to_label (TrellisEducationKind kind);
const char *trellis_exclusion_kind_to_label (TrellisExclusionKind kind);
const char *trellis_sen_level_to_label     (TrellisSenLevel     level);
const char *trellis_support_kind_to_label  (TrellisSupportKind  kind);
const char *trellis_school_event_kind_to_label (TrellisSchoolEventKind kind);

/* Whether @text starts a word of @label, ignoring case */
gboolean    trellis_label_matches           (const char         *label,
                                             const char         *text);
/* The nicks whose label matches @text: how a search for the words a person reads finds the
 * codes the database stores. Empty for an empty @text. */
GStrv       trellis_audit_actions_matching  (const char         *text);
GStrv       trellis_change_reasons_matching (const char         *text);

/* nick <-> value for the database and the command line; -1 when unknown */
const char *trellis_enum_to_nick   (GType       enum_type,
                                    int         value);
int         trellis_enum_from_nick (GType       enum_type,
                                    const char *nick);

G_END_DECLS
