-- 0003: full-text search over every document's title and canonical text.
--
-- The sql.js build has no FTS5 (test/unit/search.test.ts checks it), so this
-- is FTS4. It is an external-content index: the words are indexed, the text
-- itself stays only in `documents` (docid = documents.id), so the project
-- file does not hold every text twice. unicode61 folds case and, with
-- remove_diacritics=2, accents ("Défense" matches "defense"). Ranking (BM25
-- over matchinfo) and the query parser live in db/repos/search.ts.

CREATE VIRTUAL TABLE documents_fts USING fts4(
  content="documents",
  title,
  text,
  tokenize=unicode61 "remove_diacritics=2"
);

-- Triggers keep the index in step with `documents`. An external-content
-- index forgets a row by re-reading its old values, so removal runs BEFORE
-- the row changes. (A document's text is immutable; its title can be edited.)
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents
BEGIN
  INSERT INTO documents_fts (docid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents
BEGIN
  DELETE FROM documents_fts WHERE docid = old.id;
END;

CREATE TRIGGER documents_fts_update_before BEFORE UPDATE OF id, title, text ON documents
BEGIN
  DELETE FROM documents_fts WHERE docid = old.id;
END;

CREATE TRIGGER documents_fts_update_after AFTER UPDATE OF id, title, text ON documents
BEGIN
  INSERT INTO documents_fts (docid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Documents imported before this migration: index them now.
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
