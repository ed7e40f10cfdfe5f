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
  TRELLIS_AUDIT_ACTION_RECORD_CHECKLIST,   /*< nick=record-checklist >*/
  TRELLIS_AUDIT_ACTION_RECORD_COMPLAINT,   /*< nick=record-complaint >*/
  TRELLIS_AUDIT_ACTION_RECORD_COMPLAINT_OUTCOME, /*< nick=record-complaint-outcome >*/
  TRELLIS_AUDIT_ACTION_ADD_ATTACHMENT,     /*< nick=add-attachment >*/
  TRELLIS_AUDIT_ACTION_OPEN_ATTACHMENT,    /*< nick=open-attachment >*/
  TRELLIS_AUDIT_ACTION_SAVE_CARE_PLAN,     /*< nick=save-care-plan >*/
  TRELLIS_AUDIT_ACTION_SUBMIT_CARE_PLAN,   /*< nick=submit-care-plan >*/
  TRELLIS_AUDIT_ACTION_APPROVE_CARE_PLAN,  /*< nick=approve-care-plan >*/
  TRELLIS_AUDIT_ACTION_RETURN_CARE_PLAN,   /*< nick=return-care-plan >*/
  TRELLIS_AUDIT_ACTION_ADD_GOAL,           /*< nick=add-goal >*/
  TRELLIS_AUDIT_ACTION_RATE_GOAL,          /*< nick=rate-goal >*/
  TRELLIS_AUDIT_ACTION_FLAG_RISK,          /*< nick=flag-risk >*/
  TRELLIS_AUDIT_ACTION_RECORD_STEPPING,    /*< nick=record-stepping >*/
  TRELLIS_AUDIT_ACTION_RECORD_INCIDENT,    /*< nick=record-incident >*/
  TRELLIS_AUDIT_ACTION_ADD_PERSON,         /*< nick=add-person >*/
  TRELLIS_AUDIT_ACTION_EDIT_PERSON,        /*< nick=edit-person >*/
  TRELLIS_AUDIT_ACTION_RECORD_CONSENT,     /*< nick=record-consent >*/
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

/* What a child placed here is given and told, as the Link Working guidance lists it: each
 * done once at least, with the day and who did it (trellis-store-checklist.h). */
typedef enum
{
  TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE,  /*< nick=young-persons-guide >*/
  TRELLIS_CHECKLIST_COMPLAINTS_PROCEDURE, /*< nick=complaints-procedure >*/
  TRELLIS_CHECKLIST_HOUSE_RULES,          /*< nick=house-rules >*/
  TRELLIS_CHECKLIST_STAYING_SAFE,         /*< nick=staying-safe >*/
  TRELLIS_CHECKLIST_CARE_PLAN_EXPLAINED,  /*< nick=care-plan-explained >*/
  TRELLIS_CHECKLIST_PLAN_COPY_GIVEN,      /*< nick=plan-copy-given >*/
} TrellisChecklistItem;

/* Whether a child was satisfied with how their complaint was handled, as they said. */
typedef enum
{
  TRELLIS_SATISFIED_NOT_SAID, /*< nick=not-said >*/
  TRELLIS_SATISFIED_YES,      /*< nick=yes >*/
  TRELLIS_SATISFIED_NO,       /*< nick=no >*/
} TrellisSatisfied;
/* The plans kept for a child (trellis-care-plan.h): each is versioned and approved. */
typedef enum
{
  TRELLIS_CARE_PLAN_PLACEMENT,  /*< nick=placement >*/
  TRELLIS_CARE_PLAN_BEHAVIOUR,  /*< nick=behaviour >*/
  TRELLIS_CARE_PLAN_RISK,       /*< nick=risk >*/
  TRELLIS_CARE_PLAN_HEALTH,     /*< nick=health >*/
  TRELLIS_CARE_PLAN_EDUCATION,  /*< nick=education >*/
} TrellisCarePlanKind;

/* Where a care plan stands: written, waiting for a Manager, approved. */
typedef enum
{
  TRELLIS_CARE_PLAN_DRAFT,              /*< nick=draft >*/
  TRELLIS_CARE_PLAN_AWAITING_APPROVAL,  /*< nick=awaiting-approval >*/
  TRELLIS_CARE_PLAN_APPROVED,           /*< nick=approved >*/
} TrellisCarePlanStatus;

/* What made a version of a care plan: its step in the approval. */
typedef enum
{
  TRELLIS_CARE_PLAN_STEP_SAVE,     /*< nick=save >*/
  TRELLIS_CARE_PLAN_STEP_SUBMIT,   /*< nick=submit >*/
  TRELLIS_CARE_PLAN_STEP_APPROVE,  /*< nick=approve >*/
  TRELLIS_CARE_PLAN_STEP_RETURN,   /*< nick=return >*/
} TrellisCarePlanStep;

/* How likely and how serious a risk is, in a risk assessment; none for other plans. */
typedef enum
{
  TRELLIS_RISK_LEVEL_NONE,    /*< nick=none >*/
  TRELLIS_RISK_LEVEL_LOW,     /*< nick=low >*/
  TRELLIS_RISK_LEVEL_MEDIUM,  /*< nick=medium >*/
  TRELLIS_RISK_LEVEL_HIGH,    /*< nick=high >*/
} TrellisRiskLevel;

/* The part of a child's life a goal is about (trellis-goal.h). */
typedef enum
{
  TRELLIS_GOAL_DOMAIN_SOCIAL,       /*< nick=social >*/
  TRELLIS_GOAL_DOMAIN_EMOTIONAL,    /*< nick=emotional >*/
  TRELLIS_GOAL_DOMAIN_ACADEMIC,     /*< nick=academic >*/
  TRELLIS_GOAL_DOMAIN_HEALTH,       /*< nick=health >*/
  TRELLIS_GOAL_DOMAIN_INDEPENDENCE, /*< nick=independence >*/
} TrellisGoalDomain;

/* An area of risk flagged for a child (trellis-risk-flag.h). */
typedef enum
{
  TRELLIS_RISK_AREA_EMOTIONAL_WELLBEING, /*< nick=emotional-wellbeing >*/
  TRELLIS_RISK_AREA_ATTENDANCE,          /*< nick=attendance >*/
  TRELLIS_RISK_AREA_BEHAVIOUR,           /*< nick=behaviour >*/
  TRELLIS_RISK_AREA_EXPLOITATION,        /*< nick=exploitation >*/
  TRELLIS_RISK_AREA_GOING_MISSING,       /*< nick=going-missing >*/
} TrellisRiskArea;

/* (A risk area's level is a TrellisRiskLevel, as a risk assessment's: never "none".) */

/* A Stepping Up / Stepping Down decision: more support around the child, or less. */
typedef enum
{
  TRELLIS_STEPPING_UP,   /*< nick=up >*/
  TRELLIS_STEPPING_DOWN, /*< nick=down >*/
} TrellisStepping;

/* What kind of incident (trellis-incident.h). */
typedef enum
{
  TRELLIS_INCIDENT_BEHAVIOUR,             /*< nick=behaviour >*/
  TRELLIS_INCIDENT_PHYSICAL_INTERVENTION, /*< nick=physical-intervention >*/
  TRELLIS_INCIDENT_MISSING,               /*< nick=missing >*/
} TrellisIncidentKind;

#define TRELLIS_N_INCIDENT_KINDS 3

/* Who a person in a child's network is to them (trellis-person.h) */
typedef enum
{
  TRELLIS_RELATIONSHIP_MOTHER,         /*< nick=mother >*/
  TRELLIS_RELATIONSHIP_FATHER,         /*< nick=father >*/
  TRELLIS_RELATIONSHIP_GRANDPARENT,    /*< nick=grandparent >*/
  TRELLIS_RELATIONSHIP_SIBLING,        /*< nick=sibling >*/
  TRELLIS_RELATIONSHIP_AUNT_UNCLE,     /*< nick=aunt-uncle >*/
  TRELLIS_RELATIONSHIP_FOSTER_CARER,   /*< nick=foster-carer >*/
  TRELLIS_RELATIONSHIP_FRIEND,         /*< nick=friend >*/
  TRELLIS_RELATIONSHIP_SOCIAL_WORKER,  /*< nick=social-worker >*/
  TRELLIS_RELATIONSHIP_IRO,            /*< nick=iro >*/
  TRELLIS_RELATIONSHIP_TEACHER,        /*< nick=teacher >*/
  TRELLIS_RELATIONSHIP_GP,             /*< nick=gp >*/
  TRELLIS_RELATIONSHIP_EARLY_HELP,     /*< nick=early-help >*/
  TRELLIS_RELATIONSHIP_NAMED_NURSE,    /*< nick=named-nurse >*/
  TRELLIS_RELATIONSHIP_CAMHS,          /*< nick=camhs >*/
  TRELLIS_RELATIONSHIP_OTHER,          /*< nick=other >*/
} TrellisRelationship;

/* What contact the child may have with a person, shown wherever the person appears */
typedef enum
{
  TRELLIS_CONTACT_NO_RESTRICTION,      /*< nick=none >*/
  TRELLIS_CONTACT_SUPERVISED,          /*< nick=supervised >*/
  TRELLIS_CONTACT_NONE,                /*< nick=no-contact >*/
  TRELLIS_CONTACT_ADDRESS_WITHHELD,    /*< nick=address-withheld >*/
} TrellisContactRestriction;

/* What consent is asked for (trellis-consent.h) */
typedef enum
{
  TRELLIS_CONSENT_SHARING,             /*< nick=sharing >*/
  TRELLIS_CONSENT_PHOTOGRAPHS,         /*< nick=photographs >*/
  TRELLIS_CONSENT_LEAFLETS,            /*< nick=leaflets >*/
  TRELLIS_CONSENT_OTHER,               /*< nick=other >*/
} TrellisConsentSubject;

/* The answer recorded: given, refused, or going ahead without it for a stated reason */
typedef enum
{
  TRELLIS_CONSENT_GIVEN,               /*< nick=given >*/
  TRELLIS_CONSENT_REFUSED,             /*< nick=refused >*/
  TRELLIS_CONSENT_WITHOUT,             /*< nick=without >*/
} TrellisConsentDecision;

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
const char *trellis_checklist_item_to_label (TrellisChecklistItem item);
const char *trellis_satisfied_to_label     (TrellisSatisfied    satisfied);
const char *trellis_care_plan_kind_to_label   (TrellisCarePlanKind   kind);
const char *trellis_care_plan_status_to_label (TrellisCarePlanStatus status);
const char *trellis_care_plan_step_to_label   (TrellisCarePlanStep   step);
const char *trellis_risk_level_to_label       (TrellisRiskLevel      level);
const char *trellis_goal_domain_to_label   (TrellisGoalDomain   domain);
const char *trellis_risk_area_to_label     (TrellisRiskArea     area);
const char *trellis_stepping_to_label      (TrellisStepping     direction);
const char *trellis_incident_kind_to_label (TrellisIncidentKind kind);

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
