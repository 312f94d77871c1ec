-- 0011: which extraction made each document's text, and re-imports.
--
-- Every document imported before this migration was made by extraction 1
-- (tables as one block per row, lists without depth); new imports record
-- the extraction they used. The number leaves a gap after 0006 on purpose:
-- other branches add migrations in parallel, and the runner applies a
-- lower-numbered file that arrives later (migrations.ts).
--
-- A document's text still never changes by itself. It changes only by a
-- re-import: a row in document_reimports holds the text before and after,
-- and the triggers below write it into `documents` when the row is inserted
-- and restore the old text when it is deleted. document_reimports is one of
-- the tables the undo history records (db/repos/history.ts), so Undo of a
-- re-import deletes its row and so restores the old text, byte for byte,
-- together with the tags that moved. The original bytes and their hash
-- stay immutable, always.

ALTER TABLE documents ADD COLUMN extraction INTEGER NOT NULL DEFAULT 1 CHECK (extraction >= 1);

CREATE TABLE document_reimports (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  old_text       TEXT NOT NULL,
  old_blocks     TEXT NOT NULL,
  old_extraction INTEGER NOT NULL,
  new_text       TEXT NOT NULL,
  new_blocks     TEXT NOT NULL,
  new_extraction INTEGER NOT NULL,
  unplaced       TEXT NOT NULL DEFAULT '[]',  -- JSON [{kind, id, quote}]: tags left where they were
  created_at     TEXT NOT NULL,
  CHECK (old_extraction <> new_extraction)
);
CREATE INDEX document_reimports_by_document ON document_reimports (document_id);

DROP TRIGGER documents_text_is_immutable;

CREATE TRIGGER documents_original_is_immutable
BEFORE UPDATE OF sha256, original_gzip ON documents
BEGIN
  SELECT RAISE(ABORT, 'a document''s original bytes are immutable');
END;

-- The text and blocks change only together with the extraction (a re-import or its undo).
CREATE TRIGGER documents_text_changes_only_by_reimport
BEFORE UPDATE OF text, blocks ON documents
WHEN NEW.extraction IS OLD.extraction
BEGIN
  SELECT RAISE(ABORT, 'a document''s text is immutable (it changes only by a re-import)');
END;

-- A re-import applies only to the text it was made from.
CREATE TRIGGER document_reimports_check
BEFORE INSERT ON document_reimports
WHEN NOT EXISTS (SELECT 1 FROM documents WHERE id = NEW.document_id AND extraction = NEW.old_extraction AND text = NEW.old_text)
BEGIN
  SELECT RAISE(ABORT, 'the document has changed since this re-import was made');
END;

CREATE TRIGGER document_reimports_apply
AFTER INSERT ON document_reimports
BEGIN
  UPDATE documents SET extraction = NEW.new_extraction, text = NEW.new_text, blocks = NEW.new_blocks WHERE id = NEW.document_id;
END;

CREATE TRIGGER document_reimports_revert
AFTER DELETE ON document_reimports
BEGIN
  UPDATE documents SET extraction = OLD.old_extraction, text = OLD.old_text, blocks = OLD.old_blocks
   WHERE id = OLD.document_id AND extraction = OLD.new_extraction AND text = OLD.new_text;
END;
