-- 0012: a child's allergies and medication, which everyone caring for them must know: shown
-- at the top of their page, versioned with the rest of their details.

ALTER TABLE child ADD COLUMN allergies TEXT NOT NULL DEFAULT '';
ALTER TABLE child ADD COLUMN medication TEXT NOT NULL DEFAULT '';
