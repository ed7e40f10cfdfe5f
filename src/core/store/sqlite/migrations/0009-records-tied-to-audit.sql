-- 0009: each version of a child's record carries the id of the audit row that made it (the
-- "add-child" or "edit-child" of that version), so `audit verify` can find a record changed
-- without its audit row. A version kept in child_version keeps the id it had. Rows made
-- before this are tied to the newest such audit row about them, where there is one.

ALTER TABLE child ADD COLUMN audit_id INTEGER;
ALTER TABLE child_version ADD COLUMN audit_id INTEGER;

UPDATE child SET audit_id = (SELECT max(a.id) FROM audit a
                             WHERE a.child_id = child.id
                               AND a.action IN ('add-child', 'edit-child'));
