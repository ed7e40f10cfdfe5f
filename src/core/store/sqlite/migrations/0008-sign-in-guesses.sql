-- 0008: guesses at a password are counted per username as typed (lower case), whether or
-- not an account has that username, so an unknown one is slowed down exactly like a real
-- one and nobody learns which accounts exist from the answers. The count is taken before
-- the password is checked, in one transaction, so parallel attempts each count.
--
-- Wrong passwords no longer lock an account: a stranger could lock every account,
-- Administrators included. Accounts they locked are unlocked here; a lock set by hand
-- (failed_attempts 0) stays.

CREATE TABLE sign_in_guesses (
  username_key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,  -- µs since 1970: the first guess of this five minutes
  guesses      INTEGER NOT NULL,  -- passwords checked since window_start
  last_guess   INTEGER NOT NULL,  -- µs since 1970
  refused      INTEGER NOT NULL DEFAULT 0  -- tries turned away unchecked, not yet audited
) WITHOUT ROWID;

CREATE INDEX sign_in_guesses_by_window ON sign_in_guesses (window_start);

UPDATE staff SET locked = 0 WHERE locked = 1 AND failed_attempts > 0;
UPDATE staff SET failed_attempts = 0, last_failed_at = 0;
