-- 0017: a child's plans (placement plan, Behaviour Management Plan, risk assessments,
-- health care plan, Personal Education Plan). Every save, submission for approval, approval
-- and return is a new version, never changed after; each names who made it, when, and the
-- audit row that recorded it. care_plan holds which version is the plan now and where it
-- stands, for the lists (a child's plans, those awaiting approval) to find without reading
-- every version.

CREATE TABLE care_plan (
  id        INTEGER PRIMARY KEY,
  child_id  INTEGER NOT NULL REFERENCES child (id),
  kind      TEXT NOT NULL CHECK (kind IN ('placement', 'behaviour', 'risk', 'health',
                                          'education')),
  version   INTEGER NOT NULL,                      -- the newest version's number
  status    TEXT NOT NULL CHECK (status IN ('draft', 'awaiting-approval', 'approved'))
);

CREATE INDEX care_plan_by_child ON care_plan (child_id, id);
CREATE INDEX care_plan_by_status ON care_plan (status, id);

CREATE TABLE care_plan_version (
  id              INTEGER PRIMARY KEY,
  plan_id         INTEGER NOT NULL REFERENCES care_plan (id),
  version         INTEGER NOT NULL CHECK (version >= 1),
  child_id        INTEGER NOT NULL REFERENCES child (id),
  step            TEXT NOT NULL CHECK (step IN ('save', 'submit', 'approve', 'return')),
  status          TEXT NOT NULL CHECK (status IN ('draft', 'awaiting-approval', 'approved')),
  review_on       TEXT,                              -- YYYY-MM-DD
  risk_level      TEXT NOT NULL DEFAULT 'none'
                  CHECK (risk_level IN ('none', 'low', 'medium', 'high')),
  given_on        TEXT,                              -- the child was given a copy
  with_child      INTEGER NOT NULL DEFAULT 0 CHECK (with_child IN (0, 1)),
  child_comments  TEXT NOT NULL DEFAULT '',          -- in the child's own words
  comment         TEXT NOT NULL DEFAULT '',          -- a Manager's, returning it
  saved_by        INTEGER NOT NULL REFERENCES staff (id),
  saved_at        INTEGER NOT NULL,                  -- microseconds since the epoch
  audit_id        INTEGER,
  UNIQUE (plan_id, version)
);

-- each section's text of a version, in the order of its kind's sections
CREATE TABLE care_plan_section (
  version_id  INTEGER NOT NULL REFERENCES care_plan_version (id),
  position    INTEGER NOT NULL,
  key         TEXT NOT NULL,
  body        TEXT NOT NULL,
  PRIMARY KEY (version_id, position)
) WITHOUT ROWID;
