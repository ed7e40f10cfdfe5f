-- 0003: sign-in attempts, account locks, and the hash-chained audit trail.

ALTER TABLE staff ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN last_failed_at INTEGER NOT NULL DEFAULT 0;  -- µs since 1970
ALTER TABLE staff ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));

-- Appended to, never changed: each row's hash covers its content and the previous row's
-- hash, so an edit or deletion made outside Trellis breaks the chain where it happened.
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  staff_id   INTEGER REFERENCES staff (id),
  action     TEXT NOT NULL,
  child_id   INTEGER REFERENCES child (id),
  detail     TEXT NOT NULL DEFAULT '',
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);

CREATE INDEX audit_by_child ON audit (child_id, id);
