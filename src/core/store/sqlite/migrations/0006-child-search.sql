-- 0006: names are found through a full-text index instead of reading every child. The
-- trigram tokenizer finds any part of a word of three letters or more, as the LIKE it
-- replaces did; the index holds the child's case- and accent-folded search key and is kept
-- in step with the child table by triggers. The notes and plans that come next join it.

CREATE VIRTUAL TABLE child_search USING fts5 (
  search_key,
  content = 'child',
  content_rowid = 'id',
  tokenize = 'trigram'
);

INSERT INTO child_search (child_search) VALUES ('rebuild');

CREATE TRIGGER child_search_after_insert AFTER INSERT ON child BEGIN
  INSERT INTO child_search (rowid, search_key) VALUES (new.id, new.search_key);
END;

CREATE TRIGGER child_search_after_delete AFTER DELETE ON child BEGIN
  INSERT INTO child_search (child_search, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;

CREATE TRIGGER child_search_after_update AFTER UPDATE OF search_key ON child BEGIN
  INSERT INTO child_search (child_search, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO child_search (rowid, search_key) VALUES (new.id, new.search_key);
END;
