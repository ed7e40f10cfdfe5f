/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-enums.c: labels a care worker reads for the enumerations
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-enums.h"
#include "trellis-enum-types.h"

const char *
trellis_role_to_label (TrellisRole role)
{
  switch (role)
    {
    case TRELLIS_ROLE_ADMINISTRATOR: return _("Administrator");
    case TRELLIS_ROLE_MANAGER:       return _("Manager");
    case TRELLIS_ROLE_STAFF:         return _("Staff");
    case TRELLIS_ROLE_VISITOR:       return _("Visitor");
    default:                         return _("Unknown");
    }
}

const char *
trellis_legal_status_to_label (TrellisLegalStatus status)
{
  switch (status)
    {
    case TRELLIS_LEGAL_STATUS_CARE_ORDER:         return _("Care order (section 31)");
    case TRELLIS_LEGAL_STATUS_INTERIM_CARE_ORDER: return _("Interim care order (section 38)");
    case TRELLIS_LEGAL_STATUS_ACCOMMODATED:       return _("Accommodated (section 20)");
    case TRELLIS_LEGAL_STATUS_PLACEMENT_ORDER:    return _("Placement order");
    case TRELLIS_LEGAL_STATUS_REMAND:             return _("Remanded to local authority");
    case TRELLIS_LEGAL_STATUS_OTHER:              return _("Other");
    case TRELLIS_LEGAL_STATUS_UNKNOWN:
    default:                                      return _("Not recorded");
    }
}

const char *
trellis_change_reason_to_label (TrellisChangeReason reason)
{
  switch (reason)
    {
    case TRELLIS_CHANGE_REASON_FIRST_ASSIGNMENT: return _("First Link Worker");
    case TRELLIS_CHANGE_REASON_CHILD_REQUEST:
      return _("The child said the relationship was not working");
    case TRELLIS_CHANGE_REASON_STAFF_LEFT:
      return _("The Link Worker left or is on long-term absence");
    case TRELLIS_CHANGE_REASON_NO_RELATIONSHIP:
      return _("A positive relationship could not be established");
    case TRELLIS_CHANGE_REASON_MANAGER_DECISION:
      return _("The manager judged a change to be in the child’s best interests");
    default:
      return _("Unknown");
    }
}

const char *
trellis_audit_action_to_label (TrellisAuditAction action)
{
  switch (action)
    {
    case TRELLIS_AUDIT_ACTION_VIEW_CHILD:         return _("Opened the record");
    case TRELLIS_AUDIT_ACTION_ADD_CHILD:          return _("Added the child");
    case TRELLIS_AUDIT_ACTION_EDIT_CHILD:         return _("Changed details");
    case TRELLIS_AUDIT_ACTION_ASSIGN_LINK_WORKER: return _("Assigned a Link Worker");
    case TRELLIS_AUDIT_ACTION_SIGN_IN:            return _("Signed in");
    case TRELLIS_AUDIT_ACTION_SIGN_IN_FAILED:     return _("Wrong password");
    case TRELLIS_AUDIT_ACTION_ACCOUNT_LOCKED:     return _("Account locked");
    case TRELLIS_AUDIT_ACTION_SIGN_OUT:           return _("Signed out");
    case TRELLIS_AUDIT_ACTION_ADD_STAFF:          return _("Added a staff account");
    case TRELLIS_AUDIT_ACTION_RESET_PASSWORD:     return _("Reset a password");
    case TRELLIS_AUDIT_ACTION_CHANGE_PASSWORD:    return _("Changed own password");
    case TRELLIS_AUDIT_ACTION_UNLOCK_STAFF:       return _("Unlocked an account");
    case TRELLIS_AUDIT_ACTION_STAFF_LEFT:         return _("Marked an account as left");
    case TRELLIS_AUDIT_ACTION_RESTORE_STAFF:      return _("Restored an account");
    case TRELLIS_AUDIT_ACTION_CHANGE_IDLE_LOCK:   return _("Changed the lock time");
    case TRELLIS_AUDIT_ACTION_SIGN_IN_WAITING:    return _("Too many tries: told to wait");
    case TRELLIS_AUDIT_ACTION_LOCK_STAFF:         return _("Locked an account");
    case TRELLIS_AUDIT_ACTION_RECOVER_ADMINISTRATOR:
      return _("Reset an Administrator’s password with the recovery key");
    case TRELLIS_AUDIT_ACTION_ENCRYPT_HOME:       return _("Encrypted the home’s records");
    case TRELLIS_AUDIT_ACTION_BACK_UP:            return _("Backed up the home");
    case TRELLIS_AUDIT_ACTION_RESTORE:            return _("Restored the home from a backup");
    case TRELLIS_AUDIT_ACTION_BACK_UP_FAILED:     return _("A backup failed");
    case TRELLIS_AUDIT_ACTION_CHANGE_BACKUP_FOLDER:
      return _("Chose the folder for backups");
    case TRELLIS_AUDIT_ACTION_RECORD_HEALTH_CHECK:
      return _("Recorded a health check");
    case TRELLIS_AUDIT_ACTION_CHANGE_HEALTH_INTERVALS:
      return _("Changed when health checks fall due");
    case TRELLIS_AUDIT_ACTION_RECORD_REGISTRATION:
      return _("Recorded a GP, dentist or optician");
    case TRELLIS_AUDIT_ACTION_RECORD_APPOINTMENT:
      return _("Recorded an appointment");
    case TRELLIS_AUDIT_ACTION_RECORD_APPOINTMENT_OUTCOME:
      return _("Recorded an appointment’s outcome");
    case TRELLIS_AUDIT_ACTION_RECORD_SCHOOL:      return _("Recorded a school");
    case TRELLIS_AUDIT_ACTION_RECORD_ATTENDANCE:  return _("Recorded school attendance");
    case TRELLIS_AUDIT_ACTION_RECORD_EXCLUSION:   return _("Recorded an exclusion");
    case TRELLIS_AUDIT_ACTION_RECORD_SPECIAL_NEEDS:
      return _("Recorded special educational needs");
    case TRELLIS_AUDIT_ACTION_RECORD_EDUCATION_SUPPORT:
      return _("Recorded a homework or reading note");
    case TRELLIS_AUDIT_ACTION_RECORD_SCHOOL_EVENT:
      return _("Recorded a school event");
    case TRELLIS_AUDIT_ACTION_ADD_PERSON:
      return _("Added a person in the child’s network");
    case TRELLIS_AUDIT_ACTION_EDIT_PERSON:
      return _("Changed a person in the child’s network");
    case TRELLIS_AUDIT_ACTION_RECORD_CONSENT:
      return _("Recorded consent");
    case TRELLIS_AUDIT_ACTION_RECORD_CHECKLIST:
      return _("Recorded what the child was given or told");
    case TRELLIS_AUDIT_ACTION_RECORD_COMPLAINT:
      return _("Recorded a complaint");
    case TRELLIS_AUDIT_ACTION_RECORD_COMPLAINT_OUTCOME:
      return _("Recorded how a complaint was handled");
    case TRELLIS_AUDIT_ACTION_ADD_ATTACHMENT:
      return _("Attached a document");
    case TRELLIS_AUDIT_ACTION_OPEN_ATTACHMENT:
      return _("Opened a document");
    case TRELLIS_AUDIT_ACTION_SAVE_CARE_PLAN:     return _("Saved a plan");
    case TRELLIS_AUDIT_ACTION_SUBMIT_CARE_PLAN:
      return _("Submitted a plan for approval");
    case TRELLIS_AUDIT_ACTION_APPROVE_CARE_PLAN:  return _("Approved a plan");
    case TRELLIS_AUDIT_ACTION_RETURN_CARE_PLAN:
      return _("Returned a plan with a comment");
    case TRELLIS_AUDIT_ACTION_ADD_GOAL:           return _("Added a goal");
    case TRELLIS_AUDIT_ACTION_RATE_GOAL:          return _("Rated progress towards a goal");
    case TRELLIS_AUDIT_ACTION_FLAG_RISK:          return _("Flagged a risk area");
    case TRELLIS_AUDIT_ACTION_RECORD_STEPPING:    return _("Recorded a Stepping Up or Down decision");
    case TRELLIS_AUDIT_ACTION_RECORD_INCIDENT:    return _("Recorded an incident");
    default:                                      return _("Unknown");
    }
}

const char *
trellis_health_check_to_label (TrellisHealthCheck check)
{
  switch (check)
    {
    case TRELLIS_HEALTH_CHECK_ASSESSMENT: return _("Health assessment");
    case TRELLIS_HEALTH_CHECK_DENTAL:     return _("Dental check");
    case TRELLIS_HEALTH_CHECK_SIGHT:      return _("Sight test");
    default:                              return _("Unknown");
    }
}

const char *
trellis_registration_to_label (TrellisRegistrationKind kind)
{
  switch (kind)
    {
    case TRELLIS_REGISTRATION_GP:       return _("GP");
    case TRELLIS_REGISTRATION_DENTIST:  return _("Dentist");
    case TRELLIS_REGISTRATION_OPTICIAN: return _("Optician");
    default:                            return _("Unknown");
    }
}

const char *
trellis_checklist_item_to_label (TrellisChecklistItem item)
{
  switch (item)
    {
    case TRELLIS_CHECKLIST_YOUNG_PERSONS_GUIDE:
      return _("Young Person’s Guide given and read with them");
    case TRELLIS_CHECKLIST_COMPLAINTS_PROCEDURE:
      return _("Complaints procedure given and explained");
    case TRELLIS_CHECKLIST_HOUSE_RULES:
      return _("House rules explained");
    case TRELLIS_CHECKLIST_STAYING_SAFE:
      return _("Staying safe: fire precautions and what to do when the alarm sounds");
    case TRELLIS_CHECKLIST_CARE_PLAN_EXPLAINED:
      return _("Care plan and placement plan explained");
    case TRELLIS_CHECKLIST_PLAN_COPY_GIVEN:
      return _("Given a copy of their placement plan");
    default:
      return _("Unknown");
    }
}

const char *
trellis_care_plan_kind_to_label (TrellisCarePlanKind kind)
{
  switch (kind)
    {
    case TRELLIS_CARE_PLAN_PLACEMENT: return _("Placement plan");
    case TRELLIS_CARE_PLAN_BEHAVIOUR: return _("Behaviour Management Plan");
    case TRELLIS_CARE_PLAN_RISK:      return _("Risk assessment");
    case TRELLIS_CARE_PLAN_HEALTH:    return _("Health care plan");
    case TRELLIS_CARE_PLAN_EDUCATION: return _("Personal Education Plan");
    default:                          return _("Unknown");
    }
}

const char *
trellis_satisfied_to_label (TrellisSatisfied satisfied)
{
  switch (satisfied)
    {
    case TRELLIS_SATISFIED_YES:      return _("Satisfied");
    case TRELLIS_SATISFIED_NO:       return _("Not satisfied");
    case TRELLIS_SATISFIED_NOT_SAID: return _("Did not say");
    default:                         return _("Unknown");
    }
}

const char *
trellis_care_plan_status_to_label (TrellisCarePlanStatus status)
{
  switch (status)
    {
    case TRELLIS_CARE_PLAN_DRAFT:             return _("Draft");
    case TRELLIS_CARE_PLAN_AWAITING_APPROVAL: return _("Awaiting approval");
    case TRELLIS_CARE_PLAN_APPROVED:          return _("Approved");
    default:                                  return _("Unknown");
    }
}

const char *
trellis_care_plan_step_to_label (TrellisCarePlanStep step)
{
  switch (step)
    {
    case TRELLIS_CARE_PLAN_STEP_SAVE:    return _("Saved");
    case TRELLIS_CARE_PLAN_STEP_SUBMIT:  return _("Submitted for approval");
    case TRELLIS_CARE_PLAN_STEP_APPROVE: return _("Approved");
    case TRELLIS_CARE_PLAN_STEP_RETURN:  return _("Returned");
    default:                             return _("Unknown");
    }
}

const char *
trellis_risk_level_to_label (TrellisRiskLevel level)
{
  switch (level)
    {
    case TRELLIS_RISK_LEVEL_LOW:    return _("Low");
    case TRELLIS_RISK_LEVEL_MEDIUM: return _("Medium");
    case TRELLIS_RISK_LEVEL_HIGH:   return _("High");
    case TRELLIS_RISK_LEVEL_NONE:
    default:                        return _("Not given");
    }
}

const char *
trellis_goal_domain_to_label (TrellisGoalDomain domain)
{
  switch (domain)
    {
    case TRELLIS_GOAL_DOMAIN_SOCIAL:       return _("Social");
    case TRELLIS_GOAL_DOMAIN_EMOTIONAL:    return _("Emotional");
    case TRELLIS_GOAL_DOMAIN_ACADEMIC:     return _("Academic");
    case TRELLIS_GOAL_DOMAIN_HEALTH:       return _("Health");
    case TRELLIS_GOAL_DOMAIN_INDEPENDENCE: return _("Independence");
    default:                               return _("Unknown");
    }
}

const char *
trellis_risk_area_to_label (TrellisRiskArea area)
{
  switch (area)
    {
    case TRELLIS_RISK_AREA_EMOTIONAL_WELLBEING: return _("Emotional wellbeing");
    case TRELLIS_RISK_AREA_ATTENDANCE:          return _("Attendance");
    case TRELLIS_RISK_AREA_BEHAVIOUR:           return _("Behaviour");
    case TRELLIS_RISK_AREA_EXPLOITATION:        return _("Exploitation");
    case TRELLIS_RISK_AREA_GOING_MISSING:       return _("Going missing");
    default:                                    return _("Unknown");
    }
}

const char *
trellis_stepping_to_label (TrellisStepping direction)
{
  switch (direction)
    {
    case TRELLIS_STEPPING_UP:   return _("Stepped up");
    case TRELLIS_STEPPING_DOWN: return _("Stepped down");
    default:                    return _("Unknown");
    }
}

const char *
trellis_incident_kind_to_label (TrellisIncidentKind kind)
{
  switch (kind)
    {
    case TRELLIS_INCIDENT_BEHAVIOUR:             return _("Behaviour incident");
    case TRELLIS_INCIDENT_PHYSICAL_INTERVENTION: return _("Physical intervention");
    case TRELLIS_INCIDENT_MISSING:               return _("Missing from care");
    default:                                     return _("Unknown");
    }
}

const char *
trellis_education_kind_to_label (TrellisEducationKind kind)
{
  switch (kind)
    {
    case TRELLIS_EDUCATION_SCHOOL:        return _("School");
    case TRELLIS_EDUCATION_ATTENDANCE:    return _("Attendance");
    case TRELLIS_EDUCATION_EXCLUSION:     return _("Exclusion");
    case TRELLIS_EDUCATION_SPECIAL_NEEDS: return _("Special educational needs");
    case TRELLIS_EDUCATION_SUPPORT:       return _("Homework and reading");
    case TRELLIS_EDUCATION_EVENT:         return _("School event");
    default:                              return _("Unknown");
    }
}

const char *
trellis_exclusion_kind_to_label (TrellisExclusionKind kind)
{
  switch (kind)
    {
    case TRELLIS_EXCLUSION_SUSPENSION: return _("Suspension");
    case TRELLIS_EXCLUSION_PERMANENT:  return _("Permanent exclusion");
    default:                           return _("Unknown");
    }
}

const char *
trellis_sen_level_to_label (TrellisSenLevel level)
{
  switch (level)
    {
    case TRELLIS_SEN_NONE:    return _("None");
    case TRELLIS_SEN_SUPPORT: return _("SEN support");
    case TRELLIS_SEN_EHCP:    return _("EHCP");
    default:                  return _("Unknown");
    }
}

const char *
trellis_support_kind_to_label (TrellisSupportKind kind)
{
  switch (kind)
    {
    case TRELLIS_SUPPORT_HOMEWORK: return _("Homework");
    case TRELLIS_SUPPORT_READING:  return _("Reading");
    default:                       return _("Unknown");
    }
}

const char *
trellis_school_event_kind_to_label (TrellisSchoolEventKind kind)
{
  switch (kind)
    {
    case TRELLIS_SCHOOL_EVENT_EVENT:           return _("School event");
    case TRELLIS_SCHOOL_EVENT_PARENTS_EVENING: return _("Parents’ evening");
    default:                                   return _("Unknown");
    }
}

/* Case-folded and normalised, so "opened", "OPENED" and "Opened" are the same words. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup ("");
}

/**
 * trellis_label_matches:
 * @label: words a person reads
 * @text: what they searched for
 *
 * Whether @text appears in @label at the start of a word, ignoring case: "signed" finds
 * "Signed in" and "Signed out" but not "Assigned a Link Worker".
 */
gboolean
trellis_label_matches (const char *label,
                       const char *text)
{
  g_autofree char *folded_label = NULL;
  g_autofree char *folded_text = NULL;

  if (label == NULL || text == NULL || *text == '\0')
    return FALSE;

  folded_label = fold (label);
  folded_text = fold (text);
  for (const char *p = strstr (folded_label, folded_text); p != NULL;
       p = strstr (g_utf8_next_char (p), folded_text))
    if (p == folded_label ||
        !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
      return TRUE;
  return FALSE;
}

static GStrv
nicks_matching (GType         enum_type,
                const char *(*to_label) (int value),
                const char   *text)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GStrvBuilder) nicks = g_strv_builder_new ();

  for (guint i = 0; i < klass->n_values; i++)
    if (trellis_label_matches (to_label (klass->values[i].value), text))
      g_strv_builder_add (nicks, klass->values[i].value_nick);
  return g_strv_builder_end (nicks);
}

static const char *
audit_action_label (int value)
{
  return trellis_audit_action_to_label (value);
}

static const char *
change_reason_label (int value)
{
  return trellis_change_reason_to_label (value);
}

GStrv
trellis_audit_actions_matching (const char *text)
{
  return nicks_matching (TRELLIS_TYPE_AUDIT_ACTION, audit_action_label, text);
}

GStrv
trellis_change_reasons_matching (const char *text)
{
  return nicks_matching (TRELLIS_TYPE_CHANGE_REASON, change_reason_label, text);
}

const char *
trellis_enum_to_nick (GType enum_type,
                      int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

int
trellis_enum_from_nick (GType       enum_type,
                        const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return -1;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);

  return ev != NULL ? ev->value : -1;
}
