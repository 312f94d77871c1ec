-- 0007: entity suggestions. Suggestions are never mentions: they live in
-- their own tables, so nothing that reads mentions (counts, the map,
-- exports) can see them.
--
-- suggestion_cache: the engine's output for one document, as JSON, with the
-- key it was computed under (the engine's version, the document's text and
-- the project's entity names and aliases, hashed). A different key means the
-- input changed and the row is recomputed; a derived copy, never undone.
-- What the analyst has tagged or rejected since is filtered out when read,
-- so a tag or a rejection never needs a recomputation.
--
-- suggestion_rejections: what the analyst said no to: one span of one
-- document (document_id, start, end), or a name everywhere (document_id
-- NULL). name_key is the name NFC, case-folded (tagging/text.ts foldKey).
-- Tracked by the undo history, like the tags.

CREATE TABLE suggestion_cache (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  cache_key   TEXT NOT NULL,
  suggestions TEXT NOT NULL,
  computed_at TEXT NOT NULL
);

CREATE TABLE suggestion_rejections (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  start       INTEGER,
  end         INTEGER,
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK ((document_id IS NULL) = (start IS NULL) AND (start IS NULL) = (end IS NULL))
);

CREATE INDEX suggestion_rejections_doc ON suggestion_rejections (document_id, start);
CREATE INDEX suggestion_rejections_name ON suggestion_rejections (name_key) WHERE document_id IS NULL;
