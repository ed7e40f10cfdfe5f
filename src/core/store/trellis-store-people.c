/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-people.c: the people around a child, and what consent has been given
 *
 * A person is added, and changed, by whoever may change the child's details (their Link
 * Worker or a Manager); Visitors and other staff read. Every change is a new version: the
 * earlier ones are kept, nobody is removed (someone no longer involved is marked so), and
 * the audit row names the fields that changed, never what they hold. An address that is not
 * to be shared is read only by those who may change the child's file: the store blanks it
 * for everyone else, so no door into the home shows it.
 *
 * Consent is answered by the child or by someone with parental responsibility recorded in
 * the child's network; going ahead without it needs a reason, which is kept. Answers are
 * only ever added: the latest for a thing is the one that counts (rules/trellis-people-rules.c).
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sqlite/trellis-sqlite-people.h"
#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-record.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

/* Each text field trimmed, so "  Arabic " and "Arabic" are one language. */
static TrellisPerson *
trimmed_copy (TrellisPerson *person)
{
  TrellisPerson *copy = trellis_person_copy (person);
  guint n = 0;
  g_autofree GParamSpec **specs = trellis_record_list_versioned (TRELLIS_TYPE_PERSON, &n);

  for (guint i = 0; i < n; i++)
    if (specs[i]->value_type == G_TYPE_STRING)
      {
        g_autofree char *text = NULL;

        g_object_get (copy, specs[i]->name, &text, NULL);
        g_object_set (copy, specs[i]->name, g_strstrip (text), NULL);
      }
  return copy;
}

static gboolean
no_such_person (GError **error)
{
  g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                       _("This person is not in the child’s file"));
  return FALSE;
}

/**
 * trellis_store_add_person:
 * @person: the details; its id, child and version are the store's to set
 *
 * Returns: the new person's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_add_person (TrellisStore   *self,
                          TrellisStaff   *actor,
                          gint64          child_id,
                          TrellisPerson  *person,
                          GError        **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(TrellisPerson) copy = NULL;
  g_autofree char *detail = NULL;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  copy = trimmed_copy (person);
  if (!trellis_person_check (copy, today, NULL, error) ||
      !trellis_sqlite_person_insert (self->db, child_id, &id, error))
    return 0;

  g_object_set (copy, "id", id, "child-id", child_id, "version", 1, NULL);
  detail = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s", id,
                            trellis_enum_to_nick (TRELLIS_TYPE_RELATIONSHIP,
                                                  trellis_person_get_relationship (copy)),
                            trellis_enum_to_nick (TRELLIS_TYPE_CONTACT_RESTRICTION,
                                                  trellis_person_get_restriction (copy)));
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "add-person", child_id,
                                detail, &audit_id, error) ||
      !trellis_sqlite_person_add_version (self->db, copy, trellis_staff_get_id (actor),
                                          audit_id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/**
 * trellis_store_update_person:
 * @person: the person as edited: its id, and the version it was read at
 *
 * Keeps the version it replaces. A save from a version someone else has since changed is
 * refused (TRELLIS_ERROR_CONFLICT), so nobody's change is lost unseen; a save that changes
 * nothing keeps nothing. On success @person's version moves on.
 */
gboolean
trellis_store_update_person (TrellisStore   *self,
                             TrellisStaff   *actor,
                             TrellisPerson  *person,
                             GError        **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(TrellisPerson) stored = NULL;
  g_autoptr(TrellisPerson) copy = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *detail = NULL;
  gint64 audit_id = 0;
  int version;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);

  tx = trellis_transaction_begin (self, error);
  if (tx == NULL ||
      !trellis_sqlite_person_get (self->db, trellis_person_get_id (person), &stored, error))
    return FALSE;
  if (stored == NULL)
    return no_such_person (error);
  /* the child's as stored, whatever the caller's copy says: who may change it depends on
   * who their Link Worker is now */
  if ((child = trellis_store_load_child (self, trellis_person_get_child_id (stored),
                                         error)) == NULL ||
      !trellis_store_check_actor (self, actor, TRELLIS_ACTION_EDIT_CHILD,
                                  trellis_child_get_link_worker_id (child), error))
    return FALSE;
  if (trellis_person_get_version (person) != trellis_person_get_version (stored))
    {
      g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_CONFLICT,
                   _("%s’s details were changed by %s while you were editing: close this and "
                     "open them again"), trellis_person_get_name (stored),
                   trellis_person_get_recorded_by (stored));
      return FALSE;
    }
  copy = trimmed_copy (person);
  if (!trellis_person_check (copy, today, NULL, error))
    return FALSE;
  changed = trellis_record_diff (G_OBJECT (stored), G_OBJECT (copy));
  if (changed == NULL || changed[0] == NULL)
    return TRUE;

  version = trellis_person_get_version (stored) + 1;
  g_object_set (copy, "child-id", trellis_person_get_child_id (stored), "version", version, NULL);
  fields = g_strjoinv (",", changed);
  detail = g_strdup_printf ("%" G_GINT64_FORMAT " v%d %s", trellis_person_get_id (stored),
                            version, fields);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "edit-person",
                                trellis_person_get_child_id (stored), detail, &audit_id,
                                error) ||
      !trellis_sqlite_person_add_version (self->db, copy, trellis_staff_get_id (actor),
                                          audit_id, error))
    return FALSE;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD,
                              trellis_person_get_child_id (stored));
  if (!trellis_transaction_commit (tx, error))
    return FALSE;
  g_object_set (person, "version", version, NULL);
  return TRUE;
}

/* Blanks the addresses @actor may not read in @people, a list the caller owns. */
static void
withhold_addresses (TrellisStore  *self,
                    TrellisStaff  *actor,
                    gint64         child_id,
                    GListModel    *people)
{
  g_autoptr(TrellisChild) child = NULL;
  gboolean may_read = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(TrellisPerson) person = g_list_model_get_item (people, i);

      if (trellis_person_get_restriction (person) != TRELLIS_CONTACT_ADDRESS_WITHHELD)
        continue;
      if (child == NULL)
        {
          child = trellis_store_load_child (self, child_id, NULL);
          may_read = child != NULL &&
                     trellis_store_check_actor (self, actor, TRELLIS_ACTION_EDIT_CHILD,
                                                trellis_child_get_link_worker_id (child), NULL);
        }
      if (!may_read)
        g_object_set (person, "address", "", NULL);
    }
}

/* Still involved first, then by name; anyone signed in who may read the child. */
GListModel *
trellis_store_list_people (TrellisStore  *self,
                           TrellisStaff  *actor,
                           gint64         child_id,
                           GError       **error)
{
  GListModel *people;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error) ||
      (people = trellis_sqlite_person_list (self->db, child_id, error)) == NULL)
    return NULL;
  withhold_addresses (self, actor, child_id, people);
  return people;
}

/* Every version of a person, newest first, the address withheld as in the list. */
GListModel *
trellis_store_list_person_versions (TrellisStore  *self,
                                    TrellisStaff  *actor,
                                    gint64         person_id,
                                    GError       **error)
{
  g_autoptr(TrellisPerson) person = NULL;
  GListModel *versions;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error) ||
      !trellis_sqlite_person_get (self->db, person_id, &person, error))
    return NULL;
  if (person == NULL)
    {
      no_such_person (error);
      return NULL;
    }
  versions = trellis_sqlite_person_versions (self->db, person_id, error);
  if (versions != NULL)
    withhold_addresses (self, actor, trellis_person_get_child_id (person), versions);
  return versions;
}

/**
 * trellis_store_record_consent:
 * @detail: (nullable): the named service, for sharing; what it is, for other
 * @given_by_person: who answered: a person in the child's network with parental
 *   responsibility, or 0 for the child themselves; unused when going ahead without consent
 * @decided_on: the day of the answer
 * @reason: (nullable): why, when going ahead without consent (needed then)
 *
 * Returns: the new answer's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_consent (TrellisStore           *self,
                              TrellisStaff           *actor,
                              gint64                  child_id,
                              TrellisConsentSubject   subject,
                              const char             *detail,
                              TrellisConsentDecision  decision,
                              gint64                  given_by_person,
                              GDateTime              *decided_on,
                              const char             *reason,
                              GError                **error)
{
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autofree char *what = g_strstrip (g_strdup (detail != NULL ? detail : ""));
  g_autofree char *why = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  g_autofree char *audit_detail = NULL;
  g_autofree char *iso = NULL;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL)
    return 0;
  if (trellis_enum_to_nick (TRELLIS_TYPE_CONSENT_SUBJECT, subject) == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose what the consent is for"));
      return 0;
    }
  if (trellis_enum_to_nick (TRELLIS_TYPE_CONSENT_DECISION, decision) == NULL)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose whether consent was given or refused"));
      return 0;
    }
  if ((subject == TRELLIS_CONSENT_SHARING &&
       !trellis_text_check_required (what, TRELLIS_TEXT_LINE, _("Service"),
                                     _("Name the service the information is shared with"),
                                     error)) ||
      (subject == TRELLIS_CONSENT_OTHER &&
       !trellis_text_check_required (what, TRELLIS_TEXT_LINE, _("What for"),
                                     _("Say what the consent is for"), error)) ||
      !trellis_text_check (what, TRELLIS_TEXT_LINE, _("What for"), error) ||
      !trellis_store_check_day_happened (self, child, decided_on, error))
    return 0;

  if (decision == TRELLIS_CONSENT_WITHOUT)
    {
      /* nobody answered: the reason for going ahead is what is kept */
      given_by_person = 0;
      if (!trellis_text_check_required (why, TRELLIS_TEXT_NOTES, _("Reason"),
                                        _("Give the reason for going ahead without consent"),
                                        error))
        return 0;
    }
  else if (!trellis_text_check (why, TRELLIS_TEXT_NOTES, _("Notes"), error))
    return 0;

  if (given_by_person > 0)
    {
      g_autoptr(TrellisPerson) giver = NULL;

      if (!trellis_sqlite_person_get (self->db, given_by_person, &giver, error))
        return 0;
      if (giver == NULL || trellis_person_get_child_id (giver) != child_id)
        return no_such_person (error);
      if (!trellis_person_get_parental_responsibility (giver))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("%s does not have parental responsibility: consent comes from the "
                         "child or someone who has"), trellis_person_get_name (giver));
          return 0;
        }
    }

  iso = trellis_date_to_iso (decided_on);
  audit_detail = g_strdup_printf ("%s %s %s",
                                  trellis_enum_to_nick (TRELLIS_TYPE_CONSENT_SUBJECT, subject),
                                  trellis_enum_to_nick (TRELLIS_TYPE_CONSENT_DECISION, decision),
                                  iso);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), "record-consent", child_id,
                                audit_detail, &audit_id, error) ||
      !trellis_sqlite_consent_insert (self->db, child_id, subject, what, decision,
                                      given_by_person, decided_on, why,
                                      trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/* Newest first; anyone signed in who may read the child. */
GListModel *
trellis_store_list_consents (TrellisStore  *self,
                             TrellisStaff  *actor,
                             gint64         child_id,
                             GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_consent_list (self->db, child_id, error);
}

/**
 * trellis_store_check_consent:
 * @answer: (out): what the latest answer says; NOT_ASKED means ask first
 * @latest: (out) (optional) (transfer full): that answer, or %NULL
 *
 * Returns: %FALSE only when the answers could not be read (@error set)
 */
gboolean
trellis_store_check_consent (TrellisStore           *self,
                             TrellisStaff           *actor,
                             gint64                  child_id,
                             TrellisConsentSubject   subject,
                             const char             *detail,
                             TrellisConsentAnswer   *answer,
                             TrellisConsent        **latest,
                             GError                **error)
{
  g_autoptr(GListModel) consents = trellis_store_list_consents (self, actor, child_id, error);

  g_return_val_if_fail (answer != NULL, FALSE);

  if (consents == NULL)
    return FALSE;
  *answer = trellis_consent_answer (consents, subject, detail, latest);
  return TRUE;
}

typedef struct
{
  TrellisStaff *actor;
  gint64        child_id;
  GListModel   *consents;
} PeopleQuery;

static void
people_query_free (PeopleQuery *query)
{
  g_clear_object (&query->actor);
  g_clear_object (&query->consents);
  g_free (query);
}

static gpointer
list_people_job (TrellisStore  *store,
                 gpointer       data,
                 GError       **error)
{
  PeopleQuery *query = data;
  g_autoptr(GListModel) people = trellis_store_list_people (store, query->actor,
                                                            query->child_id, error);

  if (people == NULL ||
      (query->consents = trellis_store_list_consents (store, query->actor, query->child_id,
                                                      error)) == NULL)
    return NULL;
  return g_steal_pointer (&people);
}

void
trellis_store_list_people_async (TrellisStore        *self,
                                 TrellisStaff        *actor,
                                 gint64               child_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  PeopleQuery *query = g_new0 (PeopleQuery, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  query->actor = actor != NULL ? g_object_ref (actor) : NULL;
  query->child_id = child_id;
  trellis_store_run_async (self, list_people_job, query, (GDestroyNotify) people_query_free,
                           g_object_unref, cancellable, trellis_store_list_people_async,
                           callback, user_data);
}

/* @consents: (out) (optional) (transfer full): the child's consent answers, newest first */
GListModel *
trellis_store_list_people_finish (TrellisStore  *self,
                                  GAsyncResult  *result,
                                  GListModel   **consents,
                                  GError       **error)
{
  GListModel *people = trellis_store_run_finish (self, result, trellis_store_list_people_async,
                                                 error);
  PeopleQuery *query = trellis_store_run_get_data (result);

  if (consents != NULL)
    *consents = people != NULL ? g_object_ref (query->consents) : NULL;
  return people;
}

typedef struct
{
  TrellisStaff           *actor;
  gint64                  child_id;
  TrellisPerson          *person;        /* a person to save, or NULL for a consent answer */
  TrellisConsentSubject   subject;
  char                   *detail;
  TrellisConsentDecision  decision;
  gint64                  given_by_person;
  GDateTime              *decided_on;
  char                   *reason;
} PeopleJob;

static void
people_job_free (PeopleJob *job)
{
  g_clear_object (&job->actor);
  g_clear_object (&job->person);
  g_free (job->detail);
  g_clear_pointer (&job->decided_on, g_date_time_unref);
  g_free (job->reason);
  g_free (job);
}

static gpointer
save_job (TrellisStore  *store,
          gpointer       data,
          GError       **error)
{
  PeopleJob *job = data;
  gint64 id;

  if (job->person == NULL)
    id = trellis_store_record_consent (store, job->actor, job->child_id, job->subject,
                                       job->detail, job->decision, job->given_by_person,
                                       job->decided_on, job->reason, error);
  else if (trellis_person_get_id (job->person) == 0)
    id = trellis_store_add_person (store, job->actor, job->child_id, job->person, error);
  else
    id = trellis_store_update_person (store, job->actor, job->person, error)
           ? trellis_person_get_id (job->person) : 0;
  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

/* trellis_store_add_person() or trellis_store_update_person() on the store's worker, on a
 * copy of @person: the dialog keeps its own until the answer comes. */
void
trellis_store_save_person_async (TrellisStore        *self,
                                 TrellisStaff        *actor,
                                 gint64               child_id,
                                 TrellisPerson       *person,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  PeopleJob *job = g_new0 (PeopleJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (TRELLIS_IS_PERSON (person));

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->child_id = child_id;
  job->person = trellis_person_copy (person);
  trellis_store_run_async (self, save_job, job, (GDestroyNotify) people_job_free, g_free,
                           cancellable, trellis_store_save_person_async, callback, user_data);
}

/* Returns: the person's id, or 0 with @error set */
gint64
trellis_store_save_person_finish (TrellisStore  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autofree gint64 *id = trellis_store_run_finish (self, result,
                                                    trellis_store_save_person_async, error);

  return id != NULL ? *id : 0;
}

void
trellis_store_record_consent_async (TrellisStore           *self,
                                    TrellisStaff           *actor,
                                    gint64                  child_id,
                                    TrellisConsentSubject   subject,
                                    const char             *detail,
                                    TrellisConsentDecision  decision,
                                    gint64                  given_by_person,
                                    GDateTime              *decided_on,
                                    const char             *reason,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  PeopleJob *job = g_new0 (PeopleJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->child_id = child_id;
  job->subject = subject;
  job->detail = g_strdup (detail);
  job->decision = decision;
  job->given_by_person = given_by_person;
  job->decided_on = decided_on != NULL ? g_date_time_ref (decided_on) : NULL;
  job->reason = g_strdup (reason);
  trellis_store_run_async (self, save_job, job, (GDestroyNotify) people_job_free, g_free,
                           cancellable, trellis_store_record_consent_async, callback,
                           user_data);
}

/* Returns: the new answer's id, or 0 with @error set */
gint64
trellis_store_record_consent_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_autofree gint64 *id = trellis_store_run_finish (self, result,
                                                    trellis_store_record_consent_async, error);

  return id != NULL ? *id : 0;
}
