-- 0005: the sign-in page without listing every account: who signed in most recently, and
-- names in order, so a page of them can be read by index. last_sign_in is the audit id of the person's latest sign-in: it
-- orders people the way they signed in, and existing homes take it from their audit trail.

ALTER TABLE staff ADD COLUMN last_sign_in INTEGER NOT NULL DEFAULT 0;

UPDATE staff SET last_sign_in = COALESCE (
  (SELECT MAX (audit.id) FROM audit WHERE audit.staff_id = staff.id AND audit.action = 'sign-in'),
  0);

CREATE INDEX staff_by_last_sign_in ON staff (last_sign_in);

CREATE INDEX staff_by_name ON staff (display_name COLLATE NOCASE, id);
