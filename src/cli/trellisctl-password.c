/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-password.c: passwords typed at the terminal or given in the environment
 *
 * Whoever runs trellisctl gives their own password in TRELLIS_PASSWORD or types it; a one-time
 * password for someone else's account comes only from TRELLIS_NEW_PASSWORD or is typed twice.
 */
#define G_LOG_DOMAIN "trellisctl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>

#include "trellisctl-private.h"

/* A line typed at the terminal without echo; %NULL when there is no terminal. */
static char *
read_from_tty (const char *prompt)
{
  struct termios saved, quiet;
  char buffer[512];
  char *line;
  FILE *tty;
  gboolean have_saved;

  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL)
    return NULL;

  /* echo off before the prompt shows, so nothing typed after it is flushed or echoed */
  have_saved = tcgetattr (fileno (tty), &saved) == 0;
  if (have_saved)
    {
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
    }
  fputs (prompt, tty);
  fflush (tty);
  if (fgets (buffer, sizeof buffer, tty) == NULL)
    buffer[0] = '\0';
  if (have_saved)
    tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fputs ("\n", tty);
  fclose (tty);

  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return line;
}

static gboolean
have_tty (void)
{
  FILE *tty = fopen ("/dev/tty", "r+");

  if (tty == NULL)
    return FALSE;
  fclose (tty);
  return TRUE;
}

void
trellisctl_forget_password (Password *password)
{
  if (password != NULL)
    {
      memset (password, 0, strlen (password));
      g_free (password);
    }
}

/* The password for --user: TRELLIS_PASSWORD for scripts, otherwise asked for on the
 * terminal without echo. */
char *
trellisctl_read_password (const char *prompt)
{
  const char *env = g_getenv ("TRELLIS_PASSWORD");

  if (env != NULL)
    return g_strdup (env);
  return read_from_tty (prompt);
}

gboolean
trellisctl_have_new_password (void)
{
  const char *env = g_getenv ("TRELLIS_NEW_PASSWORD");

  return (env != NULL && *env != '\0') || have_tty ();
}

/* Always returns %FALSE, for "return trellisctl_no_new_password (error);" */
gboolean
trellisctl_no_new_password (GError **error)
{
  g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                       _("No password given: type the new one-time password when asked, in a "
                         "terminal, or set TRELLIS_NEW_PASSWORD. Nothing was changed."));
  return FALSE;
}

/* A new one-time password for someone else's account: TRELLIS_NEW_PASSWORD, or typed twice
 * at the terminal. Never TRELLIS_PASSWORD, which is the password of whoever runs the
 * command: the new account would get their password. */
Password *
trellisctl_read_new_password (const char  *username,
                              GError     **error)
{
  const char *env = g_getenv ("TRELLIS_NEW_PASSWORD");
  g_autofree char *prompt = NULL;
  g_autoptr(Password) first = NULL;
  g_autoptr(Password) again = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  prompt = g_strdup_printf (_("New one-time password for %s: "), username);
  first = read_from_tty (prompt);
  if (first == NULL || *first == '\0')
    {
      trellisctl_no_new_password (error);
      return NULL;
    }
  again = read_from_tty (_("Type it again: "));
  if (again == NULL || !g_str_equal (first, again))
    {
      g_set_error_literal (error, TRELLISCTL_ERROR, TRELLISCTL_ERROR_FAILED,
                           _("The two passwords typed are not the same. Nothing was changed."));
      return NULL;
    }

  return g_steal_pointer (&first);
}
