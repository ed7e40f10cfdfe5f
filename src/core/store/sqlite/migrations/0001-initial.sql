-- 0001: the home, staff accounts, children and Link Worker assignments.
-- Dates are ISO 8601 text (YYYY-MM-DD); moments are UTC (YYYY-MM-DDTHH:MM:SSZ).

CREATE TABLE home (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL CHECK (name <> ''),
  is_demo     INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE staff (
  id                    INTEGER PRIMARY KEY,
  username              TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (username <> ''),
  display_name          TEXT NOT NULL CHECK (display_name <> ''),
  role                  TEXT NOT NULL
                          CHECK (role IN ('administrator', 'manager', 'staff', 'visitor')),
  active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  password_hash         TEXT,
  must_change_password  INTEGER NOT NULL DEFAULT 0,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE child (
  id                 INTEGER PRIMARY KEY,
  given_name         TEXT NOT NULL CHECK (given_name <> ''),
  family_name        TEXT NOT NULL CHECK (family_name <> ''),
  preferred_name     TEXT NOT NULL DEFAULT '',
  date_of_birth      TEXT NOT NULL,
  gender             TEXT NOT NULL DEFAULT '',
  first_language     TEXT NOT NULL DEFAULT '',
  religion           TEXT NOT NULL DEFAULT '',
  legal_status       TEXT NOT NULL DEFAULT 'unknown',
  placing_authority  TEXT NOT NULL DEFAULT '',
  admission_date     TEXT,
  leaving_date       TEXT,
  photo              BLOB,
  -- case-folded names, and their ASCII transliteration, so "lucja" finds "Łucja"
  search_key         TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  created_by         INTEGER REFERENCES staff (id),
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_by         INTEGER REFERENCES staff (id)
);

CREATE INDEX child_by_family_name ON child (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX child_by_leaving_date ON child (leaving_date);

-- Each row is one period with one Link Worker; reason says why it began.
CREATE TABLE link_worker_assignment (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  staff_id     INTEGER NOT NULL REFERENCES staff (id),
  start_date   TEXT NOT NULL,
  end_date     TEXT,
  reason       TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  recorded_by  INTEGER REFERENCES staff (id),
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE UNIQUE INDEX link_worker_one_current ON link_worker_assignment (child_id)
  WHERE end_date IS NULL;
CREATE INDEX link_worker_by_child ON link_worker_assignment (child_id, start_date);
