-- Originals may live outside the database file, in `<project>.originals/`
-- (db/originals.ts): a document's original_gzip is then an empty blob. The
-- original itself stays immutable: its hash never changes, and its bytes
-- may only move out (become an empty blob), which the code does once the
-- file in the folder is durable and checked against the hash. (A copy
-- exported as one file gets its bytes back with this trigger set aside for
-- that copy alone, each checked against the hash: originals.ts foldOriginalsIn.)
DROP TRIGGER documents_original_is_immutable;

CREATE TRIGGER documents_original_is_immutable
BEFORE UPDATE OF sha256, original_gzip ON documents
WHEN NEW.sha256 IS NOT OLD.sha256 OR length(NEW.original_gzip) > 0
BEGIN
  SELECT RAISE(ABORT, 'a document''s original bytes are immutable');
END;
