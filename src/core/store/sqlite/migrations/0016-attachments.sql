-- 0016: documents attached to a child's file (a local authority care plan, an EHCP, letters):
-- kept in the database, so they are encrypted with everything else and backed up with it.
-- Never changed; each tied to its audit row.

CREATE TABLE attachment (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  title        TEXT NOT NULL,
  source       TEXT NOT NULL DEFAULT '',             -- who it came from
  dated_on     TEXT NOT NULL,                        -- YYYY-MM-DD: the document's own date
  file_name    TEXT NOT NULL,
  media_type   TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png',
                                                   'image/jpeg')),
  size         INTEGER NOT NULL,
  content      BLOB NOT NULL,
  thumbnail    BLOB,                                 -- a small PNG of the first page, or NULL
  added_by     INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX attachment_by_child ON attachment (child_id, dated_on, id);
