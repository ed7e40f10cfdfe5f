/* SPDX-License-Identifier: GPL-3.0-or-later
 * trellisctl-private.h: what trellisctl's commands share
 *
 * A command parses its own options, signs in through trellisctl_sign_in(), which makes the
 * program's one TrellisContext (the store, who signed in, the home and today), works from
 * that context, and returns %FALSE with a #GError when it does not succeed; main() alone
 * turns that error into a message on standard error and an exit status.
 */
#pragma once

#include "trellis-core.h"

G_BEGIN_DECLS

#define TRELLISCTL_ERROR (trellisctl_error_quark ())

/* Errors of any other domain (the store's refusals) exit with status 1 too. */
typedef enum
{
  TRELLISCTL_ERROR_FAILED,  /* a failure or refusal: exit status 1 */
  TRELLISCTL_ERROR_USAGE,   /* a command line that is not understood: exit status 2 */
} TrellisctlError;

typedef struct
{
  char         *db_path;
  char         *username;
  char           *format;
  TrellisContext *context;  /* after trellisctl_sign_in() */
} Cli;

typedef gboolean (*TrellisctlCommandFunc) (Cli       *cli,
                                           int        argc,
                                           char     **argv,
                                           GError   **error);

/* A password in memory, wiped before it is freed */
typedef char Password;

GQuark   trellisctl_error_quark          (void);

/* options, the database and signing in (trellisctl-common.c) */
gboolean trellisctl_parse_options        (Cli                    *cli,
                                          const char             *command,
                                          const char             *parameter,
                                          const char             *summary,
                                          GOptionEntry           *entries,
                                          int                    *argc,
                                          char                 ***argv,
                                          GError                **error);
gboolean trellisctl_check_format         (Cli                    *cli,
                                          GError                **error);
gboolean trellisctl_want_json            (Cli                    *cli);
char    *trellisctl_join_choices         (const char * const     *choices);
TrellisStore *trellisctl_open_store      (Cli                    *cli,
                                          TrellisStoreOpenFlags   flags,
                                          GError                **error);
TrellisContext *trellisctl_sign_in       (Cli                    *cli,
                                          GError                **error);
TrellisContext *trellisctl_sign_in_full  (Cli                    *cli,
                                          gboolean                first_sign_in,
                                          Password              **password,
                                          GError                **error);
TrellisChild *trellisctl_view_child      (TrellisContext         *context,
                                          gint64                  id,
                                          GListModel            **history,
                                          GError                **error);

/* passwords (trellisctl-password.c) */
void     trellisctl_forget_password      (Password               *password);
char    *trellisctl_read_password        (const char             *prompt);
gboolean trellisctl_have_new_password    (void);
gboolean trellisctl_no_new_password      (GError                **error);
Password *trellisctl_read_new_password   (const char             *username,
                                          GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Password, trellisctl_forget_password)

/* output (trellisctl-output.c) */
TrellisJsonWriter *trellisctl_json_writer_new (GDateTime           *today);
gboolean trellisctl_print_json_list      (GListModel             *records,
                                          GDateTime              *today,
                                          GError                **error);
void     trellisctl_append_padded        (GString                *line,
                                          const char             *text,
                                          guint                   width);

/* health's appointments (trellisctl-appointments.c) */
gboolean trellisctl_print_appointments   (Cli                    *cli,
                                          TrellisContext         *context,
                                          gint64                  child_id,
                                          GError                **error);
gboolean trellisctl_record_appointment   (Cli                    *cli,
                                          TrellisContext         *context,
                                          gint64                  child_id,
                                          GDateTime              *day,
                                          const char             *time,
                                          const char             *with_whom,
                                          const char             *purpose,
                                          GError                **error);
gboolean trellisctl_record_appointment_outcome (Cli              *cli,
                                          TrellisContext         *context,
                                          gint64                  child_id,
                                          gint64                  appointment_id,
                                          const char             *outcome,
                                          GError                **error);

/* the commands, one file each (trellisctl-<command>.c) */
gboolean trellisctl_command_demo         (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_children     (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_child        (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_health       (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_education    (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_people       (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_consent      (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_checklist    (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_complaints   (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_plans        (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_goals        (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_incidents    (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_print        (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_staff        (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_audit        (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_password     (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_backup       (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_restore      (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_recover      (Cli *cli, int argc, char **argv, GError **error);
gboolean trellisctl_command_home         (Cli *cli, int argc, char **argv, GError **error);

G_END_DECLS
