-- 0015: what a child is given and told when placed (the guidance's checklist), and the
-- complaints they make. Rows are only ever added: an item done again, or a complaint's outcome
-- recorded again, is a new row, the newest the current one. Each is tied to its audit row.

CREATE TABLE checklist_entry (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  item         TEXT NOT NULL CHECK (item IN ('young-persons-guide', 'complaints-procedure',
                                             'house-rules', 'staying-safe',
                                             'care-plan-explained', 'plan-copy-given')),
  done_on      TEXT NOT NULL,                     -- YYYY-MM-DD
  notes        TEXT NOT NULL DEFAULT '',
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX checklist_entry_by_child ON checklist_entry (child_id, done_on, id);

CREATE TABLE complaint (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  made_on      TEXT NOT NULL,                     -- YYYY-MM-DD
  about        TEXT NOT NULL,
  made_to      TEXT NOT NULL,
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX complaint_by_child ON complaint (child_id, made_on, id);
-- the home's counts by month
CREATE INDEX complaint_by_day ON complaint (made_on);

CREATE TABLE complaint_outcome (
  id           INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaint (id),
  child_id     INTEGER NOT NULL REFERENCES child (id),
  handled      TEXT NOT NULL,                     -- how it was handled
  outcome      TEXT NOT NULL,
  satisfied    TEXT NOT NULL CHECK (satisfied IN ('not-said', 'yes', 'no')),
  resolved_on  TEXT NOT NULL,                     -- YYYY-MM-DD
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX complaint_outcome_by_complaint ON complaint_outcome (complaint_id, id);
CREATE INDEX complaint_outcome_by_child ON complaint_outcome (child_id);
