-- 0013: where a looked-after child is registered for health care (GP, dentist, optician) and
-- since when; a change of practice is a new row, the newest the current one. Attributed and
-- tied to its audit row, like the health checks.

CREATE TABLE health_registration (
  id             INTEGER PRIMARY KEY,
  child_id       INTEGER NOT NULL REFERENCES child (id),
  kind           TEXT NOT NULL CHECK (kind IN ('gp', 'dentist', 'optician')),
  practice       TEXT NOT NULL,
  registered_on  TEXT NOT NULL,                     -- YYYY-MM-DD
  recorded_by    INTEGER NOT NULL REFERENCES staff (id),
  audit_id       INTEGER
);

CREATE INDEX health_registration_by_child ON health_registration (child_id, registered_on, id);
