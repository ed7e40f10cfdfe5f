/* SPDX-License-Identifier: GPL-3.0-or-later
 * bench-crypt.c: what encrypting a home's pages costs, against the same work unencrypted
 *
 * bench-crypt N DIR makes two homes in DIR through the store, one encrypted (as every home
 * is) and one as Trellis made them before encryption, and does the same work on each:
 *
 *   write   N children, each saved on its own (a transaction, an fsync, an audit row)
 *   open    open the home and read its first page of children (an encrypted one signs in
 *           first, with Argon2 at libsodium's minimum so that only the pages are measured:
 *           the real cost of signing in is in bench-children.sh's sign-in rows)
 *   search  50 searches by a name, each reading its first page of children
 *
 * and prints one line per row: KEY <tab> ENCRYPTED <tab> UNENCRYPTED (seconds). Run by
 * bench/bench-children.sh; build-aux/bench builds it with the release build.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "trellis-core.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
fail (const char *what,
      GError     *error)
{
  g_printerr ("bench-crypt: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static TrellisChild *
make_child (guint i)
{
  static const char * const given[] = { "Amira", "Ben", "Chloe", "Dawit", "Ewa", "Farah" };
  static const char * const family[] = { "Hassan", "Nowak", "Okafor", "Patel", "Smith" };
  TrellisChild *child = trellis_child_new ();
  g_autoptr(GDateTime) born = g_date_time_new_utc (2010 + i % 8, 1 + i % 12, 1 + i % 28, 0, 0, 0);
  g_autoptr(GDateTime) admitted = g_date_time_new_utc (2024, 1 + i % 12, 1 + i % 28, 0, 0, 0);

  trellis_child_set_given_name (child, given[i % G_N_ELEMENTS (given)]);
  trellis_child_set_family_name (child, family[(i / 7) % G_N_ELEMENTS (family)]);
  trellis_child_set_date_of_birth (child, born);
  trellis_child_set_admission_date (child, admitted);
  trellis_child_set_religion (child, "None given");
  trellis_child_set_placing_authority (child, "Anytown Council");
  return child;
}

static void
read_first_page (TrellisChildList *list)
{
  guint n = MIN (g_list_model_get_n_items (G_LIST_MODEL (list)), 50);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisChild) child = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert (child != NULL);
    }
}

typedef struct
{
  double write;
  double open;
  double search;
} Costs;

static void
measure (const char *path,
         gboolean    encrypted,
         guint       n,
         Costs      *costs)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  {
    g_autoptr(TrellisStore) store =
      trellis_store_open (path, TRELLIS_STORE_OPEN_CREATE |
                                (encrypted ? 0 : TRELLIS_STORE_OPEN_UNENCRYPTED), &error);
    g_autoptr(TrellisStaff) admin = NULL;
    g_autoptr(TrellisStaff) manager = NULL;

    if (store == NULL)
      fail ("open", error);
    admin = trellis_store_create_home_with_password (store, "Bench House", FALSE, "Ada Admin",
                                                     "ada", "a bench password", &error);
    if (admin == NULL)
      fail ("create home", error);
    manager = trellis_store_add_staff (store, admin, "mo", "Mo Manager",
                                       TRELLIS_ROLE_MANAGER, NULL, FALSE, &error);
    if (manager == NULL)
      fail ("add manager", error);

    start = g_get_monotonic_time ();
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TrellisChild) child = make_child (i);

        if (trellis_store_add_child (store, manager, child, &error) <= 0)
          fail ("add child", error);
      }
    costs->write = seconds_since (start);
  }

  {
    g_autoptr(TrellisStore) store = NULL;
    g_autoptr(TrellisStaff) admin = NULL;
    g_autoptr(TrellisChildList) list = NULL;

    start = g_get_monotonic_time ();
    store = trellis_store_open (path, TRELLIS_STORE_OPEN_DEFAULT, &error);
    if (store == NULL)
      fail ("reopen", error);
    if (encrypted)
      admin = trellis_store_sign_in (store, "ada", "a bench password", NULL, &error);
    else
      admin = trellis_store_lookup_staff (store, "ada", &error);
    if (admin == NULL)
      fail ("sign in", error);
    list = trellis_store_list_children (store, admin);
    read_first_page (list);
    costs->open = seconds_since (start);

    start = g_get_monotonic_time ();
    for (guint i = 0; i < 50; i++)
      {
        g_autoptr(TrellisChildList) found = trellis_store_list_children (store, admin);

        trellis_child_list_set_search (found, i % 2 ? "hassan" : "amira nowak");
        read_first_page (found);
      }
    costs->search = seconds_since (start);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *encrypted = NULL;
  g_autofree char *plain = NULL;
  Costs e = { 0 }, p = { 0 };
  guint n;

  if (argc != 3)
    {
      g_printerr ("usage: bench-crypt N DIR\n");
      return 2;
    }
  n = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  encrypted = g_build_filename (argv[2], "crypt-encrypted.db", NULL);
  plain = g_build_filename (argv[2], "crypt-plain.db", NULL);
  /* the pages' cost, not Argon2's (see the top of the file) */
  g_setenv ("TRELLIS_TEST_KEY_COST", "minimum", TRUE);

  measure (plain, FALSE, n, &p);
  measure (encrypted, TRUE, n, &e);
  g_print ("write\t%.4f\t%.4f\n", e.write, p.write);
  g_print ("open\t%.4f\t%.4f\n", e.open, p.open);
  g_print ("search\t%.4f\t%.4f\n", e.search, p.search);
  return 0;
}
