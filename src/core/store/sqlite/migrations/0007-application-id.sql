-- 0007: mark the file as a Trellis database. PRAGMA application_id writes four bytes at
-- offset 68 of the header, 'T' 'R' 'L' 'S' (TRELLIS_SQLITE_APPLICATION_ID in
-- trellis-sqlite.h), so Trellis, `file` and other programs can tell whose file it is, and
-- Trellis refuses to add its tables to another program's database. Every new home runs this
-- as it is made; homes made before it get it here.

PRAGMA application_id = 1414679635;
