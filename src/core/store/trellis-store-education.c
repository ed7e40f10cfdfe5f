/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-store-education.c: a child's education file
 *
 * The child's school and year group, attendance by term, exclusions, special educational
 * needs, homework and reading notes, school events and parents' evenings: each kind a row
 * of education_record (see trellis-education-record.c for which fields each uses),
 * recorded by whoever may change the child's details (their Link Worker or a Manager),
 * never changed, tied to its audit row ("record-" and the kind). A change of school or of
 * needs is a new row, the newest the current one, so the old stays in the file; so is a
 * term's attendance recorded again.
 */
#define G_LOG_DOMAIN "trellis-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-error.h"
#include "trellis-store-private.h"
#include "trellis-text.h"

/* School events may be put in the file ahead: a parents' evening next month */
#define EVENT_MAX_DAYS_AHEAD 366

static gboolean
check_category (GType        type,
                const char  *nick,
                const char  *missing,
                GError     **error)
{
  if (nick == NULL || trellis_enum_from_nick (type, nick) < 0)
    {
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID, missing);
      return FALSE;
    }
  return TRUE;
}

/* Notes kept brief: the details are the school's */
static gboolean
check_notes (const char  *text,
             gboolean     required,
             const char  *label,
             const char  *missing,
             GError     **error)
{
  g_autofree char *too_long = g_strdup_printf (_("%s: at most %d characters, with the details "
                                                 "kept by the school"), label,
                                               TRELLIS_EDUCATION_NOTES_MAX_CHARS);

  return trellis_store_check_brief (text, required, label, missing,
                                    TRELLIS_EDUCATION_NOTES_MAX_CHARS, too_long, error);
}

/* Checks @entry for @child, as its kind asks; *@clean: the entry as it will be stored
 * (trimmed, the term in its one spelling), its strings in *@strings */
static gboolean
check_entry (TrellisChild                 *child,
             const TrellisEducationEntry  *entry,
             GDateTime                    *today,
             TrellisEducationEntry        *clean,
             GPtrArray                    *strings,
             GError                      **error)
{
  char *title = g_strstrip (g_strdup (entry->title != NULL ? entry->title : ""));
  char *detail = g_strstrip (g_strdup (entry->detail != NULL ? entry->detail : ""));
  g_autoptr(GDateTime) latest = NULL;

  g_ptr_array_add (strings, title);
  g_ptr_array_add (strings, detail);
  *clean = (TrellisEducationEntry) { .kind = entry->kind, .on_date = entry->on_date,
                                     .category = entry->category, .title = title,
                                     .detail = detail };

  switch (entry->kind)
    {
    case TRELLIS_EDUCATION_SCHOOL:
      clean->category = "";
      clean->year_group = entry->year_group;
      if (!trellis_text_check_required (title, TRELLIS_TEXT_LINE, _("School"),
                                        _("Enter the name of the school"), error))
        return FALSE;
      if (entry->year_group < TRELLIS_YEAR_GROUP_RECEPTION ||
          entry->year_group > TRELLIS_YEAR_GROUP_MAX)
        {
          g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                               _("Choose the year group: Reception or Years 1 to 13"));
          return FALSE;
        }
      return trellis_store_check_day_by (child, entry->on_date, today, error);

    case TRELLIS_EDUCATION_ATTENDANCE:
      {
        char *term = trellis_school_term_parse (title, error);

        if (term == NULL)
          return FALSE;
        g_ptr_array_add (strings, term);
        clean->title = term;
        clean->category = "";
        clean->detail = "";
        clean->possible = entry->possible;
        clean->attended = entry->attended;
        /* recorded today, whenever the term was */
        clean->on_date = today;
        return trellis_attendance_check (entry->possible, entry->attended, error);
      }

    case TRELLIS_EDUCATION_EXCLUSION:
      clean->title = "";
      if (!check_category (TRELLIS_TYPE_EXCLUSION_KIND, entry->category,
                           _("Choose a suspension or a permanent exclusion"), error) ||
          !trellis_store_check_day_by (child, entry->on_date, today, error))
        return FALSE;
      /* a suspension is for some days; a permanent exclusion is not counted in days */
      clean->days = g_str_equal (entry->category, "permanent") ? 0 : entry->days;
      if (!g_str_equal (entry->category, "permanent") &&
          (entry->days < 1 || entry->days > TRELLIS_SUSPENSION_MAX_DAYS))
        {
          g_set_error (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                       _("A suspension is for 1 to %d school days"), TRELLIS_SUSPENSION_MAX_DAYS);
          return FALSE;
        }
      return check_notes (detail, TRUE, _("Reason"), _("Enter the reason the school gave"),
                          error);

    case TRELLIS_EDUCATION_SPECIAL_NEEDS:
      clean->title = "";
      return check_category (TRELLIS_TYPE_SEN_LEVEL, entry->category,
                             _("Choose none, SEN support or an EHCP"), error) &&
             trellis_store_check_day_by (child, entry->on_date, today, error) &&
             check_notes (detail, FALSE, _("Notes"), NULL, error);

    case TRELLIS_EDUCATION_SUPPORT:
      clean->title = "";
      return check_category (TRELLIS_TYPE_SUPPORT_KIND, entry->category,
                             _("Choose homework or reading"), error) &&
             trellis_store_check_day_by (child, entry->on_date, today, error) &&
             check_notes (detail, TRUE, _("Note"), _("Enter the note"), error);

    case TRELLIS_EDUCATION_EVENT:
      latest = g_date_time_add_days (today, EVENT_MAX_DAYS_AHEAD);
      return check_category (TRELLIS_TYPE_SCHOOL_EVENT_KIND, entry->category,
                             _("Choose a school event or a parents’ evening"), error) &&
             trellis_store_check_day_by (child, entry->on_date, latest, error) &&
             trellis_text_check_required (title, TRELLIS_TEXT_LINE, _("What"),
                                          _("Enter what the event was"), error) &&
             trellis_text_check (detail, TRELLIS_TEXT_LINE, _("Who attended"), error);

    default:
      g_set_error_literal (error, TRELLIS_ERROR, TRELLIS_ERROR_INVALID,
                           _("Choose what to record"));
      return FALSE;
    }
}

/**
 * trellis_store_record_education:
 * @entry: what was entered, the fields its kind uses
 *
 * Returns: the new record's id, or 0 with @error set and nothing changed
 */
gint64
trellis_store_record_education (TrellisStore                 *self,
                                TrellisStaff                 *actor,
                                gint64                        child_id,
                                const TrellisEducationEntry  *entry,
                                GError                      **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->clock);
  g_autoptr(TrellisTransaction) tx = NULL;
  g_autoptr(TrellisChild) child = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *action = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *iso = NULL;
  TrellisEducationEntry clean;
  const char *kind;
  gint64 id = 0, audit_id = 0;

  g_return_val_if_fail (TRELLIS_IS_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  tx = trellis_store_begin_for_child (self, actor, child_id, &child, error);
  if (tx == NULL || !check_entry (child, entry, today, &clean, strings, error))
    return 0;

  /* the audit row says what kind, and of when: the words stay in the file */
  kind = trellis_enum_to_nick (TRELLIS_TYPE_EDUCATION_KIND, clean.kind);
  action = g_strconcat ("record-", kind, NULL);
  iso = trellis_date_to_iso (clean.on_date);
  detail = clean.kind == TRELLIS_EDUCATION_ATTENDANCE ? g_strdup (clean.title) : g_strdup (iso);
  if (!trellis_store_audit_row (self, trellis_staff_get_id (actor), action, child_id, detail,
                                &audit_id, error) ||
      !trellis_sqlite_education_insert (self->db, child_id, &clean, clean.on_date,
                                        trellis_staff_get_id (actor), audit_id, &id, error))
    return 0;
  trellis_store_queue_change (self, TRELLIS_RECORD_KIND_CHILD, child_id);
  if (!trellis_transaction_commit (tx, error))
    return 0;
  return id;
}

/* Newest first; anyone signed in who may read the child. */
GListModel *
trellis_store_list_education (TrellisStore  *self,
                              TrellisStaff  *actor,
                              gint64         child_id,
                              GError       **error)
{
  g_return_val_if_fail (TRELLIS_IS_STORE (self), NULL);

  if (!trellis_store_check_actor (self, actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;
  return trellis_sqlite_education_list (self->db, child_id, error);
}

static gpointer
list_education_job (TrellisStore  *store,
                    gpointer       data,
                    GError       **error)
{
  TrellisStoreQuery *query = data;

  return trellis_store_list_education (store, query->actor, query->id, error);
}

void
trellis_store_list_education_async (TrellisStore        *self,
                                    TrellisStaff        *actor,
                                    gint64               child_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (TRELLIS_IS_STORE (self));

  trellis_store_run_async (self, list_education_job,
                           trellis_store_query_new (actor, child_id, NULL, 0),
                           (GDestroyNotify) trellis_store_query_free, g_object_unref,
                           cancellable, trellis_store_list_education_async, callback,
                           user_data);
}

GListModel *
trellis_store_list_education_finish (TrellisStore  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return trellis_store_run_finish (self, result, trellis_store_list_education_async, error);
}

/* An entry copied for the worker, its strings its own */
typedef struct
{
  TrellisStaff          *actor;
  gint64                 child_id;
  TrellisEducationEntry  entry;
} EducationJob;

static void
education_job_free (EducationJob *job)
{
  g_clear_object (&job->actor);
  g_clear_pointer (&job->entry.on_date, g_date_time_unref);
  g_free ((char *) job->entry.category);
  g_free ((char *) job->entry.title);
  g_free ((char *) job->entry.detail);
  g_free (job);
}

static gpointer
record_education_job (TrellisStore  *store,
                      gpointer       data,
                      GError       **error)
{
  EducationJob *job = data;
  gint64 id = trellis_store_record_education (store, job->actor, job->child_id, &job->entry,
                                              error);

  return trellis_store_id_answer (id);
}

/* trellis_store_record_education() on the store's worker, for the window. */
void
trellis_store_record_education_async (TrellisStore                 *self,
                                      TrellisStaff                 *actor,
                                      gint64                        child_id,
                                      const TrellisEducationEntry  *entry,
                                      GCancellable                 *cancellable,
                                      GAsyncReadyCallback           callback,
                                      gpointer                      user_data)
{
  EducationJob *job = g_new0 (EducationJob, 1);

  g_return_if_fail (TRELLIS_IS_STORE (self));
  g_return_if_fail (entry != NULL);

  job->actor = actor != NULL ? g_object_ref (actor) : NULL;
  job->child_id = child_id;
  job->entry = *entry;
  job->entry.on_date = entry->on_date != NULL ? g_date_time_ref (entry->on_date) : NULL;
  job->entry.category = g_strdup (entry->category);
  job->entry.title = g_strdup (entry->title);
  job->entry.detail = g_strdup (entry->detail);
  trellis_store_run_async (self, record_education_job, job,
                           (GDestroyNotify) education_job_free, g_free, cancellable,
                           trellis_store_record_education_async, callback, user_data);
}

/* Returns: the new record's id, or 0 with @error set */
gint64
trellis_store_record_education_finish (TrellisStore  *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return trellis_store_run_finish_id (self, result, trellis_store_record_education_async,
                                      error);
}
