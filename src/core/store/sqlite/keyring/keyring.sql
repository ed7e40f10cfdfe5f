-- The keyring: what the sign-in page needs before anyone has signed in, beside the home's
-- encrypted database and never encrypted itself. Names, roles and each account's copy of
-- the home's data key (wrapped with a key only their password makes); no child's data.
-- Its home and staff tables mirror the database's (the store copies them after every
-- change and whenever the home is unsealed), so the same queries serve both.

PRAGMA application_id = 1414679627;  -- 'T' 'R' 'L' 'K'

CREATE TABLE keyring (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  file_id        BLOB NOT NULL CHECK (length (file_id) = 16),  -- the database's identity
  recovery_key   BLOB,             -- the data key wrapped with the recovery key
  audit_rows     INTEGER NOT NULL DEFAULT 0,  -- the audit trail's head, kept outside it
  audit_head     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE home (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  name               TEXT NOT NULL,
  is_demo            INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL DEFAULT '',
  idle_lock_minutes  INTEGER NOT NULL DEFAULT 5
);

CREATE TABLE staff (
  id                    INTEGER PRIMARY KEY,
  username              TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name          TEXT NOT NULL,
  role                  TEXT NOT NULL,
  active                INTEGER NOT NULL DEFAULT 1,
  password_hash         TEXT,
  must_change_password  INTEGER NOT NULL DEFAULT 0,
  created_at            TEXT NOT NULL DEFAULT '',
  failed_attempts       INTEGER NOT NULL DEFAULT 0,
  last_failed_at        INTEGER NOT NULL DEFAULT 0,
  locked                INTEGER NOT NULL DEFAULT 0,
  last_sign_in          INTEGER NOT NULL DEFAULT 0,
  wrapped_key           BLOB      -- the data key, wrapped with this person's password
);

CREATE INDEX staff_by_last_sign_in ON staff (last_sign_in);
CREATE INDEX staff_by_name ON staff (display_name COLLATE NOCASE, id);

CREATE TABLE sign_in_guesses (
  username_key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  guesses      INTEGER NOT NULL,
  last_guess   INTEGER NOT NULL,
  refused      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE INDEX sign_in_guesses_by_window ON sign_in_guesses (window_start);

-- Refused sign-ins while the database was sealed: moved into the audit trail by the next
-- person to sign in.
CREATE TABLE pending_audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  staff_id  INTEGER NOT NULL DEFAULT 0,
  action    TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT ''
);

PRAGMA user_version = 1;
