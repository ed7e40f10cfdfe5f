/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-child-list.c: a lazy list of children
 *
 * Filtering and sorting run in SQL and give only row ids; a child is read from the database
 * when a view first asks for it, a page of TRELLIS_CHILD_LIST_PAGE_SIZE at a time, so a home
 * with ten thousand children (the benchmarks have one) scrolls without loading them all.
 *
 * By default a page is read there and then, on the caller's thread: what trellisctl and most
 * tests want. The window's list is asynchronous (trellis_child_list_set_asynchronous()): a
 * row not read yet is a placeholder (trellis_child_new_placeholder()) given at once, and its
 * page is read on the store's worker, one read per page at a time. When the page arrives the
 * placeholders given out are replaced with ::items-changed for exactly those rows. A read is
 * cancelled, and its answer ignored, when the list is disposed or its ids are read again.
 * Rows a view already holds stay on screen while they are read again after a change, and
 * are replaced only if they differ.
 *
 * The ids themselves (search, sort, who has left) are still read on the caller's thread:
 * one query of integers, and the page's search field wants the count at once.
 */
#define G_LOG_DOMAIN "trellis-child-list"

#include "config.h"

#include <string.h>

#include "trellis-child-list.h"
#include "trellis-date.h"
#include "trellis-enum-types.h"
#include "trellis-store-private.h"

/* One page being read on the store's worker. Its callback frees it; the list only points at
 * it from @loading, and lets go of it (list = NULL, cancelled) when it stops waiting. */
typedef struct
{
  TrellisChildList *list;
  guint             page;
  GCancellable     *cancellable;
  guint64           handed_out;   /* bit i: a placeholder was given for the page's row i */
} PageLoad;

/* which rows of a page have been handed out fits in one guint64 */
G_STATIC_ASSERT (TRELLIS_CHILD_LIST_PAGE_SIZE <= 64);

struct _TrellisChildList
{
  GObject           parent_instance;

  TrellisStore     *store;
  TrellisStaff     *actor;
  char             *search;
  TrellisChildSort  sort;
  gboolean          include_former;

  GArray           *ids;      /* gint64, in list order */
  GHashTable       *loaded;   /* id -> TrellisChild */
  GError           *error;    /* why the last query failed, if it did */
  gulong            changed_id;

  gboolean          asynchronous;
  GHashTable       *loading;       /* page number -> PageLoad: at most one read per page */
  guint             generation;    /* moves on each time the ids are read again */
  guint             n_page_loads;  /* reads started on the worker, for the tests */
  guint             n_reloads;     /* moves on with every change the list hears of */
  guint             n_first_loads; /* trellis_child_list_load_first_async() on their way */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisChildList, trellis_child_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_SORT,
  PROP_INCLUDE_FORMER,
  PROP_N_ITEMS,
  PROP_ASYNCHRONOUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GArray *
query_ids (TrellisChildList  *self,
           GError           **error)
{
  g_autoptr(GDateTime) today = trellis_clock_dup_today (self->store->clock);
  g_auto(GStrv) words = NULL;

  if (!trellis_store_check_actor (self->store, self->actor, TRELLIS_ACTION_READ_CHILD, 0, error))
    return NULL;

  if (self->search != NULL)
    {
      g_autofree char *normal = g_utf8_normalize (self->search, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      g_autofree char *folded = g_utf8_casefold (normal, -1);

      words = g_strsplit_set (g_strstrip (folded), " \t", -1);
    }

  return trellis_sqlite_child_list_ids (self->store->db, (const char * const *) words,
                                        self->sort, self->include_former, today, error);
}

/* Reads the page around @position in one query. */
static void
load_page (TrellisChildList *self,
           guint             position)
{
  guint first = position - position % TRELLIS_CHILD_LIST_PAGE_SIZE;
  guint last = MIN (first + TRELLIS_CHILD_LIST_PAGE_SIZE, self->ids->len);
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;

  children = trellis_sqlite_child_get_many (self->store->db,
                                            &g_array_index (self->ids, gint64, first),
                                            last - first, &error);
  if (children == NULL)
    {
      g_warning ("Could not read children: %s", error->message);
      return;
    }

  for (guint i = 0; i < children->len; i++)
    {
      TrellisChild *child = g_ptr_array_index (children, i);
      gint64 id = trellis_child_get_id (child);

      g_hash_table_replace (self->loaded, g_memdup2 (&id, sizeof id), g_object_ref (child));
    }
}

static gboolean same_row (TrellisChild *a,
                          TrellisChild *b);

static void
page_load_free (PageLoad *load)
{
  g_clear_object (&load->cancellable);
  g_free (load);
}

/* Stops waiting for @load: its read is cancelled and its answer, whenever it comes, ignored.
 * Returns the rows it had given placeholders for. */
static guint64
drop_page_load (TrellisChildList *self,
                PageLoad         *load)
{
  guint64 handed_out = load->handed_out;

  g_hash_table_remove (self->loading, GUINT_TO_POINTER (load->page));
  load->list = NULL;
  g_cancellable_cancel (load->cancellable);
  return handed_out;
}

static void
drop_page_loads (TrellisChildList *self)
{
  GHashTableIter iter;
  PageLoad *load;

  g_hash_table_iter_init (&iter, self->loading);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &load))
    {
      g_hash_table_iter_steal (&iter);
      load->list = NULL;
      g_cancellable_cancel (load->cancellable);
    }
}

/* Announces the rows of the page starting at @first whose bit is set in @rows, a run of
 * neighbours at a time, unless a handler has read the ids again meanwhile. */
static void
announce_rows (TrellisChildList *self,
               guint             first,
               guint64           rows)
{
  guint generation = self->generation;
  guint start = 0;
  guint length = 0;

  for (guint i = 0; i <= TRELLIS_CHILD_LIST_PAGE_SIZE && generation == self->generation; i++)
    {
      if (i < TRELLIS_CHILD_LIST_PAGE_SIZE && (rows & (G_GUINT64_CONSTANT (1) << i)) != 0)
        {
          if (length++ == 0)
            start = first + i;
          continue;
        }
      if (length > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), start, length, length);
      length = 0;
    }
}

/* Puts a page read on the worker in place of what the list held for it, and announces the
 * rows a view holds that are not what it was given: the placeholders, and rows that changed
 * since they were read before. */
static void
take_page (TrellisChildList *self,
           guint             page,
           GPtrArray        *children,
           guint64           handed_out)
{
  g_autoptr(GHashTable) before = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_object_unref);
  guint first = page * TRELLIS_CHILD_LIST_PAGE_SIZE;
  guint last = MIN (first + TRELLIS_CHILD_LIST_PAGE_SIZE, self->ids->len);
  guint64 changed = handed_out;

  for (guint i = first; i < last; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      gpointer key, old;

      if (g_hash_table_steal_extended (self->loaded, &id, &key, &old))
        g_hash_table_insert (before, key, old);
    }

  for (guint i = 0; i < children->len; i++)
    {
      TrellisChild *child = g_ptr_array_index (children, i);
      gint64 id = trellis_child_get_id (child);

      g_hash_table_replace (self->loaded, g_memdup2 (&id, sizeof id), g_object_ref (child));
    }

  for (guint i = first; i < last; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      TrellisChild *old = g_hash_table_lookup (before, &id);
      TrellisChild *now = g_hash_table_lookup (self->loaded, &id);

      /* removed since the ids were read: the empty row the synchronous list gives, kept so
       * the row is not asked for again and again */
      if (now == NULL)
        {
          now = trellis_child_new ();
          g_hash_table_insert (self->loaded, g_memdup2 (&id, sizeof id), now);
        }
      if (old != NULL && !same_row (old, now))
        changed |= G_GUINT64_CONSTANT (1) << (i - first);
    }

  announce_rows (self, first, changed);
}

static void
on_page_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PageLoad *load = user_data;
  TrellisChildList *self = load->list;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;

  children = trellis_store_get_children_finish (TRELLIS_STORE (source), result, &error);
  if (self != NULL)
    {
      /* before anything is announced: a view asking again starts a new read */
      g_hash_table_remove (self->loading, GUINT_TO_POINTER (load->page));
      if (children != NULL)
        take_page (self, load->page, children, load->handed_out);
      else
        g_warning ("Could not read children: %s", error->message);
    }
  page_load_free (load);
}

/* Reads @page on the store's worker, instead of any read of it already on its way (which may
 * have read the rows before a change): one read per page at a time. */
static PageLoad *
start_page_load (TrellisChildList *self,
                 guint             page)
{
  PageLoad *old = g_hash_table_lookup (self->loading, GUINT_TO_POINTER (page));
  guint first = page * TRELLIS_CHILD_LIST_PAGE_SIZE;
  guint last = MIN (first + TRELLIS_CHILD_LIST_PAGE_SIZE, self->ids->len);
  PageLoad *load;

  g_assert (first < last);

  load = g_new0 (PageLoad, 1);
  load->list = self;
  load->page = page;
  load->cancellable = g_cancellable_new ();
  if (old != NULL)
    load->handed_out = drop_page_load (self, old);
  g_hash_table_insert (self->loading, GUINT_TO_POINTER (page), load);
  self->n_page_loads++;

  trellis_store_get_children_async (self->store, self->actor,
                                    &g_array_index (self->ids, gint64, first), last - first,
                                    load->cancellable, on_page_loaded_cb, load);
  return load;
}

static gboolean
page_is_held (TrellisChildList *self,
              guint             page)
{
  guint first = page * TRELLIS_CHILD_LIST_PAGE_SIZE;
  guint last = MIN (first + TRELLIS_CHILD_LIST_PAGE_SIZE, self->ids->len);

  if (g_hash_table_contains (self->loading, GUINT_TO_POINTER (page)))
    return TRUE;
  for (guint i = first; i < last; i++)
    if (g_hash_table_contains (self->loaded, &g_array_index (self->ids, gint64, i)))
      return TRUE;
  return FALSE;
}

/* The asynchronous refresh_loaded(): every page a view holds rows of is read again on the
 * worker; the rows stay on screen until then, and only those that differ are replaced. */
static void
refresh_pages (TrellisChildList *self)
{
  guint n_pages = (self->ids->len + TRELLIS_CHILD_LIST_PAGE_SIZE - 1) /
                  TRELLIS_CHILD_LIST_PAGE_SIZE;

  for (guint page = 0; page < n_pages; page++)
    if (page_is_held (self, page))
      start_page_load (self, page);
}

static GType
trellis_child_list_get_item_type (GListModel *model)
{
  return TRELLIS_TYPE_CHILD;
}

static guint
trellis_child_list_get_n_items (GListModel *model)
{
  TrellisChildList *self = TRELLIS_CHILD_LIST (model);
  return self->ids->len;
}

static gpointer
trellis_child_list_get_item (GListModel *model,
                             guint       position)
{
  TrellisChildList *self = TRELLIS_CHILD_LIST (model);
  gint64 id;
  TrellisChild *child;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  child = g_hash_table_lookup (self->loaded, &id);
  if (child == NULL && self->asynchronous)
    {
      guint page = position / TRELLIS_CHILD_LIST_PAGE_SIZE;
      PageLoad *load = g_hash_table_lookup (self->loading, GUINT_TO_POINTER (page));

      if (load == NULL && self->store != NULL)
        load = start_page_load (self, page);
      if (load != NULL)
        load->handed_out |= G_GUINT64_CONSTANT (1) << (position % TRELLIS_CHILD_LIST_PAGE_SIZE);
      return trellis_child_new_placeholder (id);
    }
  if (child == NULL)
    {
      load_page (self, position);
      child = g_hash_table_lookup (self->loaded, &id);
    }

  /* a child removed since the ids were read: an empty object, never NULL inside the range */
  return child != NULL ? g_object_ref (child) : trellis_child_new ();
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trellis_child_list_get_item_type;
  iface->get_n_items = trellis_child_list_get_n_items;
  iface->get_item = trellis_child_list_get_item;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  /* two empty lists are the same, and an empty GArray's data may be NULL, which memcmp()
   * must not be given even for no bytes */
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

static gboolean
same_row (TrellisChild *a,
          TrellisChild *b)
{
  return trellis_child_get_version (a) == trellis_child_get_version (b) &&
         trellis_child_get_link_worker_id (a) == trellis_child_get_link_worker_id (b) &&
         g_strcmp0 (trellis_child_get_link_worker_name (a),
                    trellis_child_get_link_worker_name (b)) == 0;
}

/* After a change to several rows, or made by another program: reads the rows a view holds
 * again and announces only those that differ. */
static void
refresh_loaded (TrellisChildList *self)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->loaded);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));

  self->loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < self->ids->len; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, i);
      TrellisChild *before = g_hash_table_lookup (old, &id);
      TrellisChild *now;

      if (before == NULL)
        continue;
      if (!g_hash_table_contains (self->loaded, &id))
        load_page (self, i);
      now = g_hash_table_lookup (self->loaded, &id);
      if (now == NULL || !same_row (before, now))
        g_array_append_val (changed, i);
    }

  for (guint i = 0; i < changed->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (changed, guint, i), 1, 1);
}

/* Runs the query again. When the same children come back in the same order only the
 * changed rows (@changed_id, or every loaded one for TRELLIS_RECORD_ID_MANY) are replaced,
 * so a view keeps its scroll position and selection. */
static void
reload (TrellisChildList *self,
        gint64            changed_id)
{
  g_autoptr(GArray) ids = NULL;
  guint old_len = self->ids->len;

  self->n_reloads++;
  g_clear_error (&self->error);
  ids = query_ids (self, &self->error);
  if (ids == NULL)
    ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (same_ids (ids, self->ids))
    {
      guint position = trellis_child_list_find (self, changed_id);

      if (changed_id == TRELLIS_RECORD_ID_MANY)
        {
          if (self->asynchronous)
            refresh_pages (self);
          else
            refresh_loaded (self);
          return;
        }

      /* the row a view holds stays until the page is read again */
      if (position != G_MAXUINT && self->asynchronous &&
          page_is_held (self, position / TRELLIS_CHILD_LIST_PAGE_SIZE))
        {
          start_page_load (self, position / TRELLIS_CHILD_LIST_PAGE_SIZE);
          return;
        }

      if (position != G_MAXUINT)
        {
          g_hash_table_remove (self->loaded, &changed_id);
          g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
        }
      return;
    }

  /* every row is announced below: what was being read for the old ids is not wanted */
  drop_page_loads (self);
  self->generation++;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->loaded);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Children come and go, and change; staff change the Link Worker names the rows show. */
static void
on_store_changed_cb (TrellisChildList  *self,
                     TrellisRecordKind  kind,
                     gint64             id,
                     TrellisStore      *store)
{
  if (kind == TRELLIS_RECORD_KIND_CHILD)
    reload (self, id);
  else if (kind == TRELLIS_RECORD_KIND_STAFF)
    reload (self, TRELLIS_RECORD_ID_MANY);
}

static void
trellis_child_list_dispose (GObject *object)
{
  TrellisChildList *self = (TrellisChildList *)object;

  drop_page_loads (self);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->actor);

  G_OBJECT_CLASS (trellis_child_list_parent_class)->dispose (object);
}

static void
trellis_child_list_finalize (GObject *object)
{
  TrellisChildList *self = (TrellisChildList *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->loading, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (trellis_child_list_parent_class)->finalize (object);
}

static void
trellis_child_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisChildList *self = TRELLIS_CHILD_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH: g_value_set_string (value, self->search); break;
    case PROP_SORT: g_value_set_enum (value, self->sort); break;
    case PROP_INCLUDE_FORMER: g_value_set_boolean (value, self->include_former); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->ids->len); break;
    case PROP_ASYNCHRONOUS: g_value_set_boolean (value, self->asynchronous); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_child_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TrellisChildList *self = TRELLIS_CHILD_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH: trellis_child_list_set_search (self, g_value_get_string (value)); break;
    case PROP_SORT: trellis_child_list_set_sort (self, g_value_get_enum (value)); break;
    case PROP_INCLUDE_FORMER:
      trellis_child_list_set_include_former (self, g_value_get_boolean (value));
      break;
    case PROP_ASYNCHRONOUS:
      trellis_child_list_set_asynchronous (self, g_value_get_boolean (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_child_list_class_init (TrellisChildListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = trellis_child_list_dispose;
  object_class->finalize = trellis_child_list_finalize;
  object_class->get_property = trellis_child_list_get_property;
  object_class->set_property = trellis_child_list_set_property;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, rw);
  properties[PROP_SORT] = g_param_spec_enum ("sort", NULL, NULL, TRELLIS_TYPE_CHILD_SORT,
                                             TRELLIS_CHILD_SORT_NAME, rw);
  properties[PROP_INCLUDE_FORMER] = g_param_spec_boolean ("include-former", NULL, NULL, FALSE, rw);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* placeholders at once and pages read on the store's worker, for the window */
  properties[PROP_ASYNCHRONOUS] = g_param_spec_boolean ("asynchronous", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_child_list_init (TrellisChildList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->loading = g_hash_table_new (NULL, NULL);
}

TrellisChildList *
trellis_child_list_new (TrellisStore *store,
                        TrellisStaff *actor)
{
  TrellisChildList *self;

  g_return_val_if_fail (TRELLIS_IS_STORE (store), NULL);

  self = g_object_new (TRELLIS_TYPE_CHILD_LIST, NULL);
  self->store = g_object_ref (store);
  self->actor = actor != NULL ? g_object_ref (actor) : NULL;
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb),
                                              self, G_CONNECT_SWAPPED);
  reload (self, TRELLIS_RECORD_ID_MANY);

  return self;
}

const char *
trellis_child_list_get_search (TrellisChildList *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), NULL);
  return self->search;
}

void
trellis_child_list_set_search (TrellisChildList *self,
                               const char       *search)
{
  g_return_if_fail (TRELLIS_IS_CHILD_LIST (self));

  if (search != NULL && *search == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  reload (self, TRELLIS_RECORD_ID_MANY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

TrellisChildSort
trellis_child_list_get_sort (TrellisChildList *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), TRELLIS_CHILD_SORT_NAME);
  return self->sort;
}

void
trellis_child_list_set_sort (TrellisChildList *self,
                             TrellisChildSort  sort)
{
  g_return_if_fail (TRELLIS_IS_CHILD_LIST (self));

  if (self->sort == sort)
    return;

  self->sort = sort;
  reload (self, TRELLIS_RECORD_ID_MANY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

gboolean
trellis_child_list_get_include_former (TrellisChildList *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), FALSE);
  return self->include_former;
}

void
trellis_child_list_set_include_former (TrellisChildList *self,
                                       gboolean          include_former)
{
  g_return_if_fail (TRELLIS_IS_CHILD_LIST (self));

  include_former = !!include_former;
  if (self->include_former == include_former)
    return;

  self->include_former = include_former;
  reload (self, TRELLIS_RECORD_ID_MANY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_FORMER]);
}

gboolean
trellis_child_list_get_asynchronous (TrellisChildList *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), FALSE);
  return self->asynchronous;
}

/**
 * trellis_child_list_set_asynchronous:
 * @asynchronous: whether rows not read yet are placeholders, their page read on the worker
 *
 * Turned off, a read on its way is dropped and the placeholders it was for are announced
 * again, so a view asks for them and has them read there and then.
 */
void
trellis_child_list_set_asynchronous (TrellisChildList *self,
                                     gboolean          asynchronous)
{
  g_return_if_fail (TRELLIS_IS_CHILD_LIST (self));

  asynchronous = !!asynchronous;
  if (self->asynchronous == asynchronous)
    return;

  self->asynchronous = asynchronous;
  if (!asynchronous)
    {
      g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint64));
      guint generation = self->generation;
      GHashTableIter iter;
      PageLoad *load;

      g_hash_table_iter_init (&iter, self->loading);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &load))
        {
          g_array_append_val (pages, load->page);
          g_array_append_val (rows, load->handed_out);
        }
      drop_page_loads (self);
      for (guint i = 0; i < pages->len && generation == self->generation; i++)
        announce_rows (self, g_array_index (pages, guint, i) * TRELLIS_CHILD_LIST_PAGE_SIZE,
                       g_array_index (rows, guint64, i));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASYNCHRONOUS]);
}

/* The position of a child in the list, or G_MAXUINT. */
guint
trellis_child_list_find (TrellisChildList *self,
                         gint64            child_id)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), G_MAXUINT);

  if (child_id <= 0)
    return G_MAXUINT;

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == child_id)
      return i;

  return G_MAXUINT;
}

/* How many children are held in memory: what the paging tests look at. */
guint
trellis_child_list_get_n_loaded (TrellisChildList *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), 0);
  return g_hash_table_size (self->loaded);
}

/* How many reads are on their way from the worker now: pages, and the first rows. */
guint
trellis_child_list_get_n_loading (TrellisChildList *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), 0);
  return g_hash_table_size (self->loading) + self->n_first_loads;
}

static void
on_first_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TrellisChildList *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) children = NULL;
  GError *error = NULL;

  self->n_first_loads--;
  children = trellis_store_get_children_finish (TRELLIS_STORE (source), result, &error);
  if (children == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* kept only if nothing changed while they were read: otherwise a view has placeholders
   * and reads the pages as it asks for them, as ever */
  if (GPOINTER_TO_UINT (g_task_get_task_data (task)) == self->n_reloads)
    for (guint i = 0; i < children->len; i++)
      {
        TrellisChild *child = g_ptr_array_index (children, i);
        gint64 id = trellis_child_get_id (child);

        if (!g_hash_table_contains (self->loaded, &id))
          g_hash_table_insert (self->loaded, g_memdup2 (&id, sizeof id), g_object_ref (child));
      }
  g_task_return_boolean (task, TRUE);
}

/**
 * trellis_child_list_load_first_async:
 * @n_rows: how many rows, from the top of the list
 *
 * Reads the first @n_rows children in one read on the store's worker, for a list not yet
 * given to a view. A view given the list afterwards builds its first rows once, with the
 * children in them. Given it before, GTK 4.8's list view builds a "Loading…" row for each
 * of the first two hundred or so, then a new widget for every row again as each page
 * arrives: most of the time between signing in and the list on screen.
 */
void
trellis_child_list_load_first_async (TrellisChildList    *self,
                                     guint                n_rows,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TRELLIS_IS_CHILD_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trellis_child_list_load_first_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (self->n_reloads), NULL);
  n_rows = MIN (n_rows, self->ids->len);
  if (n_rows == 0 || self->store == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  self->n_first_loads++;
  trellis_store_get_children_async (self->store, self->actor,
                                    &g_array_index (self->ids, gint64, 0), n_rows, cancellable,
                                    on_first_loaded_cb, g_steal_pointer (&task));
}

gboolean
trellis_child_list_load_first_finish (TrellisChildList  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        trellis_child_list_load_first_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* How many page reads the list has started on the worker: for the tests. */
guint
trellis_child_list_get_n_page_loads (TrellisChildList *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), 0);
  return self->n_page_loads;
}

const GError *
trellis_child_list_get_error (TrellisChildList *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHILD_LIST (self), NULL);
  return self->error;
}
