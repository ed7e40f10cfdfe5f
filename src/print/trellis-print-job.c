/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-print-job.c: a document written as PDF on a worker thread, with progress
 *
 * The job gathers the document's data from the store, lays the document out and draws its
 * pages into a PDF, telling its progress through :fraction and stopping between two pages
 * when cancelled. Laying out and drawing (the slow part: a long history is many pages of
 * Pango) run on a worker thread, so the window stays responsive.
 *
 * The gathering runs on the thread that starts the job: the store is not yet safe to use
 * from two threads at once (it shares its prepared statements), and its reads for a
 * document are a few indexed queries. When the store has a worker of its own, the gathering
 * moves to its _async calls; nothing else here changes.
 */
#define G_LOG_DOMAIN "trellis-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-print-documents-private.h"
#include "trellis-print-job.h"

/* How far along the job is after each step; the pages share what is left. */
#define FRACTION_GATHERED  0.1
#define FRACTION_LAID_OUT  0.2
#define FRACTION_PAGINATED 0.3

struct _TrellisPrintJob
{
  GObject              parent_instance;

  char                *document_id;
  char                *path;
  TrellisPrintRequest  request;     /* its today is a reference of our own */
  double               fraction;
  guint                n_pages;
  gboolean             running;
};

G_DEFINE_FINAL_TYPE (TrellisPrintJob, trellis_print_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_PATH,
  PROP_FRACTION,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One run's data, handed to the worker */
typedef struct
{
  const TrellisPrintDocument *document;
  gpointer                    data;
  char                       *path;
} Run;

static void
run_free (Run *run)
{
  trellis_print_document_free_data (run->document, run->data);
  g_free (run->path);
  g_free (run);
}

/* Progress from the worker, delivered on the thread that started the job */
typedef struct
{
  TrellisPrintJob *job;
  double           fraction;
  guint            n_pages;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->job);
  g_free (progress);
}

static void
set_progress (TrellisPrintJob *self,
              double           fraction,
              guint            n_pages)
{
  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (n_pages != self->n_pages)
    {
      self->n_pages = n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
}

static gboolean
on_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;

  set_progress (progress->job, progress->fraction, progress->n_pages);
  return G_SOURCE_REMOVE;
}

/* Called on the worker: queues the news for the job's own thread, in order. */
static void
report_progress (GTask  *task,
                 double  fraction,
                 guint   n_pages)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->job = g_object_ref (g_task_get_source_object (task));
  progress->fraction = fraction;
  progress->n_pages = n_pages;
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, on_progress_cb,
                              progress, (GDestroyNotify) progress_free);
}

static void
on_page_drawn (guint    page,
               guint    n_pages,
               gpointer user_data)
{
  /* exactly 1 at the end, which 0.3 + 0.7 is not in floating point */
  report_progress (user_data,
                   page == n_pages ? 1.0
                                   : FRACTION_PAGINATED + (1 - FRACTION_PAGINATED) * page / n_pages,
                   n_pages);
}

/* Pango's font maps are per thread: the document is laid out and drawn here, on one thread. */
static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Run *run = task_data;
  g_autoptr(TrellisDocument) document = NULL;
  GError *error = NULL;
  guint n_pages;

  if (g_task_return_error_if_cancelled (task))
    return;

  document = trellis_print_document_lay_out (run->document, run->data);
  report_progress (task, FRACTION_LAID_OUT, 0);
  n_pages = trellis_document_paginate (document);
  report_progress (task, FRACTION_PAGINATED, n_pages);

  if (trellis_document_write_pdf_full (document, run->path, cancellable, on_page_drawn, task,
                                       &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_task_completed_cb (GTask           *task,
                      GParamSpec      *pspec,
                      TrellisPrintJob *self)
{
  self->running = FALSE;
}

static void
trellis_print_job_finalize (GObject *object)
{
  TrellisPrintJob *self = (TrellisPrintJob *)object;

  g_clear_pointer (&self->document_id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->request.today, g_date_time_unref);

  G_OBJECT_CLASS (trellis_print_job_parent_class)->finalize (object);
}

static void
trellis_print_job_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrellisPrintJob *self = TRELLIS_PRINT_JOB (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->document_id);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_print_job_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrellisPrintJob *self = TRELLIS_PRINT_JOB (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      self->document_id = g_value_dup_string (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_print_job_class_init (TrellisPrintJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_print_job_finalize;
  object_class->get_property = trellis_print_job_get_property;
  object_class->set_property = trellis_print_job_set_property;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* from 0 to 1, notified on the thread that started the job */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0 until the document is laid out */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_print_job_init (TrellisPrintJob *self)
{
}

/**
 * trellis_print_job_new:
 * @document_id: a document of the registry, such as "child-summary"
 * @request: what to print it about; the job keeps a copy
 * @path: where to write the PDF
 */
TrellisPrintJob *
trellis_print_job_new (const char                *document_id,
                       const TrellisPrintRequest *request,
                       const char                *path)
{
  TrellisPrintJob *self;

  g_return_val_if_fail (document_id != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TRELLIS_TYPE_PRINT_JOB, "document-id", document_id, "path", path, NULL);
  self->request = *request;
  if (request->today != NULL)
    g_date_time_ref (request->today);
  return self;
}

const char *
trellis_print_job_get_document_id (TrellisPrintJob *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_JOB (self), NULL);
  return self->document_id;
}

const char *
trellis_print_job_get_path (TrellisPrintJob *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_JOB (self), NULL);
  return self->path;
}

double
trellis_print_job_get_fraction (TrellisPrintJob *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_JOB (self), 0);
  return self->fraction;
}

guint
trellis_print_job_get_n_pages (TrellisPrintJob *self)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_JOB (self), 0);
  return self->n_pages;
}

/**
 * trellis_print_job_run_async:
 * @actor: who prints; the store checks they may read what the document shows
 * @cancellable: (nullable): stops the job; a stopped job leaves no file behind
 *
 * Gathers the document's data from @store now, on this thread, then lays it out and writes
 * the PDF on a worker. @callback runs on this thread's main context.
 */
void
trellis_print_job_run_async (TrellisPrintJob     *self,
                             TrellisStore        *store,
                             TrellisStaff        *actor,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const TrellisPrintDocument *document;
  gpointer data;
  Run *run;

  g_return_if_fail (TRELLIS_IS_PRINT_JOB (self));
  g_return_if_fail (TRELLIS_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trellis_print_job_run_async);
  g_task_set_name (task, "[trellis] print job");
  set_progress (self, 0, 0);

  document = trellis_print_documents_lookup (self->document_id);
  if (document == NULL)
    {
      g_task_return_new_error (task, TRELLIS_ERROR, TRELLIS_ERROR_NOT_FOUND,
                               _("There is no document called “%s”"), self->document_id);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  data = trellis_print_document_gather (document, store, actor, &self->request, &error);
  if (data == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  set_progress (self, FRACTION_GATHERED, 0);

  run = g_new0 (Run, 1);
  run->document = document;
  run->data = data;
  run->path = g_strdup (self->path);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  self->running = TRUE;
  g_signal_connect_object (task, "notify::completed", G_CALLBACK (on_task_completed_cb), self,
                           0);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
trellis_print_job_run_finish (TrellisPrintJob  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (TRELLIS_IS_PRINT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == trellis_print_job_run_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
