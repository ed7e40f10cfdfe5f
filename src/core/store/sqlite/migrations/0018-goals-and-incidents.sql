-- 0018: a child's goals with their dated progress ratings, the risk areas flagged for them,
-- Stepping Up / Stepping Down decisions, and incidents (behaviour, physical interventions,
-- missing from care with the return interview). Every row is attributed and tied to the
-- audit row that recorded it; none is ever changed or deleted: a new rating, a new level or
-- a new decision is a new row, the newest the current one.

CREATE TABLE goal (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  domain       TEXT NOT NULL CHECK (domain IN ('social', 'emotional', 'academic', 'health',
                                               'independence')),
  what         TEXT NOT NULL,
  baseline     INTEGER NOT NULL CHECK (baseline BETWEEN 1 AND 10),
  target       INTEGER NOT NULL CHECK (target BETWEEN 1 AND 10),
  set_on       TEXT NOT NULL,                       -- YYYY-MM-DD
  review_on    TEXT NOT NULL,                       -- YYYY-MM-DD
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX goal_by_child ON goal (child_id, id);

-- child_id beside goal_id so that `audit verify` holds a rating to a row about the child
CREATE TABLE goal_rating (
  id           INTEGER PRIMARY KEY,
  goal_id      INTEGER NOT NULL REFERENCES goal (id),
  child_id     INTEGER NOT NULL REFERENCES child (id),
  rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 10),
  rated_on     TEXT NOT NULL,                       -- YYYY-MM-DD
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX goal_rating_by_child ON goal_rating (child_id, goal_id, rated_on, id);

CREATE TABLE risk_flag (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  area         TEXT NOT NULL CHECK (area IN ('emotional-wellbeing', 'attendance', 'behaviour',
                                             'exploitation', 'going-missing')),
  level        TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
  flagged_on   TEXT NOT NULL,                       -- YYYY-MM-DD
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX risk_flag_by_child ON risk_flag (child_id, flagged_on, id);

CREATE TABLE stepping_decision (
  id           INTEGER PRIMARY KEY,
  child_id     INTEGER NOT NULL REFERENCES child (id),
  direction    TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  decided_on   TEXT NOT NULL,                       -- YYYY-MM-DD
  decided_by   TEXT NOT NULL,                       -- who decided: a person or a meeting
  reason       TEXT NOT NULL,
  recorded_by  INTEGER NOT NULL REFERENCES staff (id),
  audit_id     INTEGER
);

CREATE INDEX stepping_decision_by_child ON stepping_decision (child_id, decided_on, id);

CREATE TABLE incident (
  id            INTEGER PRIMARY KEY,
  child_id      INTEGER NOT NULL REFERENCES child (id),
  kind          TEXT NOT NULL CHECK (kind IN ('behaviour', 'physical-intervention', 'missing')),
  happened_on   TEXT NOT NULL,                      -- YYYY-MM-DD
  time          TEXT NOT NULL,                      -- HH:MM, the home's clock
  what          TEXT NOT NULL,
  -- the return interview after a missing episode: all three, or none
  interview_on  TEXT,                               -- YYYY-MM-DD
  interview_by  TEXT NOT NULL DEFAULT '',
  child_said    TEXT NOT NULL DEFAULT '',
  recorded_by   INTEGER NOT NULL REFERENCES staff (id),
  audit_id      INTEGER
);

CREATE INDEX incident_by_child ON incident (child_id, happened_on, time, id);
