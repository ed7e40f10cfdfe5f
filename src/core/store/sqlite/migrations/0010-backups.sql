-- 0010: backups. The folder an Administrator chose for the automatic backups (a USB drive;
-- '' while none is chosen), and an index so that the last backup, good or failed, is found
-- in the audit trail (where every backup is recorded) without reading all of it.

ALTER TABLE home ADD COLUMN backup_folder TEXT NOT NULL DEFAULT '';

CREATE INDEX audit_by_action ON audit (action, id);
