-- 0004: settings that protect the shared PC belong to the home, not to whoever is signed in.
-- idle_lock_minutes: how long the window may be left unused before it locks itself. There is
-- no "never": a shared office PC left open shows children's records to whoever walks past.

ALTER TABLE home ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 5
  CHECK (idle_lock_minutes BETWEEN 1 AND 60);
