/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-care-plan.c: the plans kept for a child, their sections and what a version holds
 *
 * The sections of each kind follow the guidance a Link Worker works from: the placement
 * plan says how the home meets the child's needs, the Behaviour Management Plan what staff
 * do "for colleagues to follow", and a risk assessment, one for each risk, what the risk
 * is, how to see it coming and what staff do. The prompts are the questions the guidance
 * asks; they show in an empty section and are never kept.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-care-plan.h"
#include "trellis-date.h"
#include "trellis-error.h"
#include "trellis-text.h"

static const TrellisCarePlanSection placement[] = {
  { "needs", N_("How the home will meet the child’s needs"),
    N_("What does the child need day to day, and how will staff meet it?") },
  { "contact", N_("Contact with family"),
    N_("Who does the child see or speak to, how often, and is it supervised?") },
  { "education", N_("Education"),
    N_("Where does the child go to school or college, and how will staff support them?") },
  { "health", N_("Health"),
    N_("Health needs, appointments and who looks after them") },
  { "identity", N_("Identity, culture and religion"),
    N_("Language, faith, food, hair and skin care, and what helps the child feel themselves") },
  { "leisure", N_("Friendships and activities"),
    N_("Clubs, hobbies and friends, and how staff help the child keep them") },
};

static const TrellisCarePlanSection behaviour[] = {
  { "behaviours", N_("Behaviour that worries staff"),
    N_("What does it look like, and when has it happened?") },
  { "triggers", N_("What can set it off"),
    N_("Places, times, people or news that make it more likely") },
  { "calming", N_("What helps the child calm down"),
    N_("What works early on, in the child’s own experience") },
  { "response", N_("What staff do"),
    N_("Steps every member of staff follows, in order") },
  { "praise", N_("Praise and rewards"),
    N_("What the child is proud of, and how staff notice it") },
};

static const TrellisCarePlanSection risk[] = {
  { "risk", N_("What the risk is"),
    N_("One risk: what could happen, and to whom") },
  { "signs", N_("Triggers and signs"),
    N_("What makes it more likely, and how staff can tell it is coming") },
  { "actions", N_("What staff do"),
    N_("To prevent it, and if it happens") },
};

static const TrellisCarePlanSection health[] = {
  { "needs", N_("Health needs"),
    N_("Conditions, allergies and medication, and what they mean day to day") },
  { "appointments", N_("Appointments and checks"),
    N_("Who sees the child, how often, and who goes with them") },
  { "wellbeing", N_("Emotional wellbeing"),
    N_("How the child is feeling, and any support such as CAMHS") },
  { "self-care", N_("Looking after themselves"),
    N_("What the child does for their own health, and what they are learning") },
};

static const TrellisCarePlanSection education[] = {
  { "school", N_("School and attendance"),
    N_("School or college, year group and attendance this term") },
  { "progress", N_("Progress and targets"),
    N_("How the child is doing, and the targets agreed at the PEP meeting") },
  { "support", N_("Support in school"),
    N_("Special educational needs, EHCP, tutoring and the designated teacher") },
  { "home", N_("Support at home"),
    N_("Homework, reading, and who helps") },
};

/**
 * trellis_care_plan_kind_sections:
 * @n_sections: (out): how many
 *
 * Returns: the sections of @kind, in the order they are shown and printed (titles and
 *   prompts untranslated: pass them to _())
 */
const TrellisCarePlanSection *
trellis_care_plan_kind_sections (TrellisCarePlanKind  kind,
                                 guint               *n_sections)
{
  switch (kind)
    {
    case TRELLIS_CARE_PLAN_PLACEMENT:
      *n_sections = G_N_ELEMENTS (placement);
      return placement;
    case TRELLIS_CARE_PLAN_BEHAVIOUR:
      *n_sections = G_N_ELEMENTS (behaviour);
      return behaviour;
    case TRELLIS_CARE_PLAN_RISK:
      *n_sections = G_N_ELEMENTS (risk);
      return risk;
    case TRELLIS_CARE_PLAN_HEALTH:
      *n_sections = G_N_ELEMENTS (health);
      return health;
    case TRELLIS_CARE_PLAN_EDUCATION:
      *n_sections = G_N_ELEMENTS (education);
      return education;
    default:
      *n_sections = 0;
      return NULL;
    }
}

/* An empty plan of @kind: every section "", no dates. */
TrellisCarePlanContent *
trellis_care_plan_content_new (TrellisCarePlanKind kind)
{
  TrellisCarePlanContent *content = g_new0 (TrellisCarePlanContent, 1);
  guint n = 0;

  trellis_care_plan_kind_sections (kind, &n);
  content->kind = kind;
  content->sections = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    content->sections[i] = g_strdup ("");
  content->child_comments = g_strdup ("");
  return content;
}

TrellisCarePlanContent *
trellis_care_plan_content_copy (const TrellisCarePlanContent *content)
{
  TrellisCarePlanContent *copy;

  g_return_val_if_fail (content != NULL, NULL);

  copy = g_new0 (TrellisCarePlanContent, 1);
  copy->kind = content->kind;
  copy->sections = g_strdupv (content->sections);
  copy->review_on = content->review_on != NULL ? g_date_time_ref (content->review_on) : NULL;
  copy->risk_level = content->risk_level;
  copy->given_on = content->given_on != NULL ? g_date_time_ref (content->given_on) : NULL;
  copy->with_child = content->with_child;
  copy->child_comments = g_strdup (content->child_comments);
  return copy;
}

void
trellis_care_plan_content_free (TrellisCarePlanContent *content)
{
  if (content == NULL)
    return;
  g_strfreev (content->sections);
  g_clear_pointer (&content->review_on, g_date_time_unref);
  g_clear_pointer (&content->given_on, g_date_time_unref);
  g_free (content->child_comments);
  g_free (content);
}

void
trellis_care_plan_content_set_section (TrellisCarePlanContent *content,
                                       guint                   index,
                                       const char             *text)
{
  g_return_if_fail (content != NULL);
  g_return_if_fail (index < g_strv_length (content->sections));

  g_free (content->sections[index]);
  content->sections[index] = g_strdup (text != NULL ? text : "");
}

/* The text of the section @key, or NULL for a key the kind has not */
const char *
trellis_care_plan_content_get_section (const TrellisCarePlanContent *content,
                                       const char                   *key)
{
  guint n = 0;
  const TrellisCarePlanSection *sections = trellis_care_plan_kind_sections (content->kind, &n);

  for (guint i = 0; i < n && content->sections[i] != NULL; i++)
    if (g_str_equal (sections[i].key, key))
      return content->sections[i];
  return NULL;
}

/* What a list calls the plan: its kind's name, and for a risk assessment the first line of
 * what the risk is, shortened ("Risk assessment: going missing after contact"). */
char *
trellis_care_plan_content_dup_title (const TrellisCarePlanContent *content)
{
  const char *kind = trellis_care_plan_kind_to_label (content->kind);
  const char *what = content->kind == TRELLIS_CARE_PLAN_RISK && content->sections[0] != NULL
                       ? content->sections[0] : "";
  g_autofree char *line = g_strndup (what, strcspn (what, "\n"));
  g_autofree char *shown = NULL;

  g_strstrip (line);
  if (*line == '\0')
    return g_strdup (kind);
  if (g_utf8_strlen (line, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 59);
      shown = g_strconcat (cut, "…", NULL);
    }
  /* Translators: "Risk assessment: going missing after family contact" */
  return g_strdup_printf (_("%s: %s"), kind, shown != NULL ? shown : line);
}

/* A day that is not before the child was born, and (unless @future) has come */
static gboolean
check_day (GDateTime   *day,
           GDateTime   *date_of_birth,
           GDateTime   *today,
           gboolean     future,
           GError     **error)
{
  g_autofree char *text = trellis_date_format (day);

  if (!future && trellis_date_compare (day, today) > 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s is in the future: record it once it has happened"), text);
      return FALSE;
    }
  if (date_of_birth != NULL && trellis_date_compare (day, date_of_birth) < 0)
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                   _("%s is before the child was born"), text);
      return FALSE;
    }
  return TRUE;
}

/* Whether @text has anything but spaces */
static gboolean
is_written (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
fail (const char  **field,
      const char   *which,
      GError      **error,
      const char   *message)
{
  if (field != NULL)
    *field = which != NULL ? g_intern_string (which) : NULL;
  if (message != NULL)
    g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, message);
  return FALSE;
}

/**
 * trellis_care_plan_content_check:
 * @date_of_birth: (nullable): the child's
 * @submit: the plan goes to a Manager for approval: it must be whole
 * @field: (out) (optional): on an error, what it is about: "section:KEY", "review-on",
 *   "risk-level", "given-on" or "child-comments"; %NULL for the plan as a whole
 *
 * Whether @content may be kept as a version of a plan: the store's check, which the editor
 * makes too, to show each problem under its field before anything is sent. Any part may be
 * left for later in a draft, but something must be written; a plan submitted for approval
 * has a review date (and a risk assessment its risk and level).
 */
gboolean
trellis_care_plan_content_check (const TrellisCarePlanContent  *content,
                                 GDateTime                     *date_of_birth,
                                 GDateTime                     *today,
                                 gboolean                       submit,
                                 const char                   **field,
                                 GError                       **error)
{
  guint n = 0;
  const TrellisCarePlanSection *sections = trellis_care_plan_kind_sections (content->kind, &n);
  gboolean written = FALSE;

  if (field != NULL)
    *field = NULL;
  if (sections == NULL || content->sections == NULL || g_strv_length (content->sections) != n)
    return fail (field, NULL, error, _("Choose which kind of plan it is"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strconcat ("section:", sections[i].key, NULL);

      if (!trellis_text_check (content->sections[i], TRELLIS_TEXT_NOTES, _(sections[i].title),
                               error))
        return fail (field, key, error, NULL);
      if (g_utf8_strlen (content->sections[i], -1) > TRELLIS_CARE_PLAN_SECTION_MAX_CHARS)
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("“%s” is too long: at most %d characters"), _(sections[i].title),
                       TRELLIS_CARE_PLAN_SECTION_MAX_CHARS);
          return fail (field, key, error, NULL);
        }
      written = written || is_written (content->sections[i]);
    }
  if (content->kind == TRELLIS_CARE_PLAN_RISK && !is_written (content->sections[0]))
    return fail (field, "section:risk", error, _("Say what the risk is"));
  if (!written)
    {
      g_autofree char *key = g_strconcat ("section:", sections[0].key, NULL);
      return fail (field, key, error, _("Write at least one section of the plan"));
    }

  if (content->review_on == NULL && submit)
    return fail (field, "review-on", error,
                 _("Enter the date the plan will be reviewed before submitting it"));
  if (content->review_on != NULL)
    {
      g_autoptr(GDateTime) latest = g_date_time_add_days (today,
                                                          TRELLIS_CARE_PLAN_REVIEW_MAX_DAYS);

      if (!check_day (content->review_on, date_of_birth, today, TRUE, error))
        return fail (field, "review-on", error, NULL);
      if (trellis_date_compare (content->review_on, latest) > 0)
        return fail (field, "review-on", error,
                     _("Review the plan within a year: choose an earlier date"));
    }

  if (content->kind == TRELLIS_CARE_PLAN_RISK && submit &&
      content->risk_level == TRELLIS_RISK_LEVEL_NONE)
    return fail (field, "risk-level", error, _("Choose the level of the risk: low, medium or high"));
  if (content->kind != TRELLIS_CARE_PLAN_RISK && content->risk_level != TRELLIS_RISK_LEVEL_NONE)
    return fail (field, "risk-level", error, _("Only a risk assessment has a level of risk"));
  if (content->risk_level < TRELLIS_RISK_LEVEL_NONE || content->risk_level > TRELLIS_RISK_LEVEL_HIGH)
    return fail (field, "risk-level", error, _("Choose the level of the risk: low, medium or high"));

  if (content->given_on != NULL &&
      !check_day (content->given_on, date_of_birth, today, FALSE, error))
    return fail (field, "given-on", error, NULL);
  if (!trellis_text_check (content->child_comments != NULL ? content->child_comments : "",
                           TRELLIS_TEXT_NOTES, _("The child’s own words"), error))
    return fail (field, "child-comments", error, NULL);
  return TRUE;
}
