-- 0020: a child's health appointments (with whom, what for, and what came of it) and their
-- education file (school and year group, attendance by term, exclusions, special educational
-- needs, homework and reading notes, school events). Attributed, tied to their audit rows,
-- never deleted.

-- The current version of each appointment; recording its outcome later keeps the version
-- before in appointment_version, with the audit row that made that one.
CREATE TABLE appointment (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  on_date      TEXT NOT NULL,                       -- YYYY-MM-DD
  at_time      TEXT NOT NULL DEFAULT '',            -- HH:MM, or '' when not known
  with_whom    TEXT NOT NULL,
  purpose      TEXT NOT NULL,
  outcome      TEXT NOT NULL DEFAULT '',
  version      INTEGER NOT NULL DEFAULT 1,
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX appointment_by_child ON appointment (child_id, on_date, id);

CREATE TABLE appointment_version (
  id              INTEGER PRIMARY KEY,
  appointment_id  INTEGER NOT NULL REFERENCES appointment (id),
  child_id        INTEGER NOT NULL REFERENCES child (id),
  version         INTEGER NOT NULL,
  on_date         TEXT NOT NULL,
  at_time         TEXT NOT NULL,
  with_whom       TEXT NOT NULL,
  purpose         TEXT NOT NULL,
  outcome         TEXT NOT NULL,
  recorded_by     INTEGER NOT NULL REFERENCES staff (id),
  audit_id        INTEGER,
  UNIQUE (appointment_id, version)
);

-- Every kind of education record in one table, each using the columns it needs (see
-- trellis-education-record.c). A change of school or of special educational needs is a new
-- row, the newest the current one; so is a term's attendance recorded again.
CREATE TABLE education_record (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  kind         TEXT NOT NULL CHECK (kind IN ('school', 'attendance', 'exclusion',
                                             'special-needs', 'education-support',
                                             'school-event')),
  on_date      TEXT NOT NULL,                       -- YYYY-MM-DD
  category     TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT '',
  detail       TEXT NOT NULL DEFAULT '',
  year_group   INTEGER CHECK (year_group BETWEEN 0 AND 13),
  possible     INTEGER CHECK (possible > 0),
  attended     INTEGER CHECK (attended BETWEEN 0 AND possible),
  days         INTEGER CHECK (days >= 0),
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER,
  CHECK ((kind = 'school') = (year_group IS NOT NULL)),
  CHECK ((kind = 'attendance') = (possible IS NOT NULL AND attended IS NOT NULL)),
  CHECK ((kind = 'exclusion') = (days IS NOT NULL)),
  CHECK (kind <> 'exclusion' OR category IN ('suspension', 'permanent')),
  CHECK (kind <> 'special-needs' OR category IN ('none', 'sen-support', 'ehcp')),
  CHECK (kind <> 'education-support' OR category IN ('homework', 'reading')),
  CHECK (kind <> 'school-event' OR category IN ('school-event', 'parents-evening'))
);

CREATE INDEX education_record_by_child ON education_record (child_id, on_date, id);
