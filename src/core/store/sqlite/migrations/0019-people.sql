-- 0019: the people around a child — family, friends and professionals — and what consent the
-- child and those with parental responsibility have given. A person's details are versions:
-- every edit adds a row to person_version and moves person.version on, so the earlier ones
-- are kept; nobody is deleted, someone no longer involved is marked so. Consent answers are
-- only ever added, the latest for a thing is the one that counts. Every version and answer
-- is attributed and tied to the audit row that recorded it.

CREATE TABLE person (
  id        INTEGER PRIMARY KEY,
  child_id  INTEGER NOT NULL REFERENCES child (id),
  version   INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX person_by_child ON person (child_id, id);

CREATE TABLE person_version (
  id                       INTEGER PRIMARY KEY,
  person_id                INTEGER NOT NULL REFERENCES person (id),
  child_id                 INTEGER NOT NULL REFERENCES child (id),
  version                  INTEGER NOT NULL,
  name                     TEXT NOT NULL,
  relationship             TEXT NOT NULL CHECK (relationship IN ('mother', 'father',
                             'grandparent', 'sibling', 'aunt-uncle', 'foster-carer', 'friend',
                             'social-worker', 'iro', 'teacher', 'gp', 'early-help',
                             'named-nurse', 'camhs', 'other')),
  role                     TEXT NOT NULL DEFAULT '',
  parental_responsibility  INTEGER NOT NULL DEFAULT 0 CHECK (parental_responsibility IN (0, 1)),
  phone                    TEXT NOT NULL DEFAULT '',
  email                    TEXT NOT NULL DEFAULT '',
  address                  TEXT NOT NULL DEFAULT '',
  language                 TEXT NOT NULL DEFAULT '',
  interpreter              INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  best_time                TEXT NOT NULL DEFAULT '',
  birthday                 TEXT,                    -- YYYY-MM-DD
  other_date               TEXT,                    -- YYYY-MM-DD
  other_date_label         TEXT NOT NULL DEFAULT '',
  restriction              TEXT NOT NULL DEFAULT 'none' CHECK (restriction IN ('none',
                             'supervised', 'no-contact', 'address-withheld')),
  restriction_notes        TEXT NOT NULL DEFAULT '',
  child_view               TEXT NOT NULL DEFAULT '',
  involved                 INTEGER NOT NULL DEFAULT 1 CHECK (involved IN (0, 1)),
  recorded_by              INTEGER NOT NULL REFERENCES staff (id),
  recorded_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  audit_id                 INTEGER,
  UNIQUE (person_id, version)
);

CREATE TABLE consent (
  id               INTEGER PRIMARY KEY,
  child_id         INTEGER NOT NULL REFERENCES child (id),
  subject          TEXT NOT NULL CHECK (subject IN ('sharing', 'photographs', 'leaflets',
                     'other')),
  detail           TEXT NOT NULL DEFAULT '',          -- the named service, or the thing
  decision         TEXT NOT NULL CHECK (decision IN ('given', 'refused', 'without')),
  given_by_person  INTEGER REFERENCES person (id),    -- NULL: the child themselves
  decided_on       TEXT NOT NULL,                     -- YYYY-MM-DD
  reason           TEXT NOT NULL DEFAULT '',          -- why, when going ahead without it
  recorded_by      INTEGER NOT NULL REFERENCES staff (id),
  audit_id         INTEGER
);

CREATE INDEX consent_by_child ON consent (child_id, decided_on, id);
