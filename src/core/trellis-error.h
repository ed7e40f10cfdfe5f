/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellis-error.h: the one error domain every layer reports with
 *
 * Callers branch on the code, never on the message: the message is for people, and is
 * translated. New codes go at the end, so the numbers of the others stay.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRELLIS_ERROR (trellis_error_quark ())

typedef enum
{
  TRELLIS_ERROR_FAILED,
  TRELLIS_ERROR_INVALID,            /* a value a person typed is not acceptable */
  TRELLIS_ERROR_NOT_FOUND,
  TRELLIS_ERROR_PERMISSION_DENIED,
  TRELLIS_ERROR_DATABASE,           /* the database said no, for none of the reasons below */
  TRELLIS_ERROR_DATABASE_TOO_NEW,   /* made by a newer Trellis */
  TRELLIS_ERROR_CORRUPT,            /* damaged: quick_check failed, or a page is unreadable */
  TRELLIS_ERROR_NO_HOME,            /* a database with no home created yet */
  TRELLIS_ERROR_CONFLICT,           /* the record is there already, or changed since it was read */
  TRELLIS_ERROR_LOCKED,             /* another program holds the database; try again */
  TRELLIS_ERROR_UNAVAILABLE,        /* the file cannot be opened, read or written */
  TRELLIS_ERROR_NOT_A_TRELLIS_DATABASE, /* another program's file, or not a database at all */
  TRELLIS_ERROR_TOO_LARGE,          /* the disk is full, or a value is beyond what is stored */
} TrellisError;

GQuark trellis_error_quark (void);

G_END_DECLS
