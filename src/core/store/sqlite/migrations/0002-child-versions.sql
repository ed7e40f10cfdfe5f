-- 0002: care records are never silently overwritten. Every edit of a child's details keeps
-- the previous row, as JSON, with who replaced it and when.

ALTER TABLE child ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE child_version (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  version      INTEGER NOT NULL,
  data         TEXT NOT NULL CHECK (json_valid (data)),
  replaced_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  replaced_by  INTEGER REFERENCES staff (id),
  UNIQUE (child_id, version)
);
