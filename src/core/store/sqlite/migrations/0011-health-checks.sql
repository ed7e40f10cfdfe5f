-- 0011: a looked-after child's health checks (the review health assessment, dental checks,
-- sight tests), each dated, attributed and tied to the audit row that recorded it; and the
-- home's intervals for when each falls due (statutory guidance and good practice by default).

CREATE TABLE health_check (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  kind         TEXT NOT NULL CHECK (kind IN ('health-assessment', 'dental', 'sight')),
  done_on      TEXT NOT NULL,                       -- YYYY-MM-DD
  notes        TEXT NOT NULL DEFAULT '',
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX health_check_by_child ON health_check (child_id, done_on, id);

ALTER TABLE home ADD COLUMN assessment_under_5_months INTEGER NOT NULL DEFAULT 6
  CHECK (assessment_under_5_months BETWEEN 1 AND 36);
ALTER TABLE home ADD COLUMN assessment_from_5_months INTEGER NOT NULL DEFAULT 12
  CHECK (assessment_from_5_months BETWEEN 1 AND 36);
ALTER TABLE home ADD COLUMN dental_months INTEGER NOT NULL DEFAULT 6
  CHECK (dental_months BETWEEN 1 AND 36);
ALTER TABLE home ADD COLUMN sight_months INTEGER NOT NULL DEFAULT 12
  CHECK (sight_months BETWEEN 1 AND 36);
