-- 0001: documents, entities, mentions and links. Migrations are immutable:
-- change the schema by adding a new numbered file, never by editing this one.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE documents (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL,
  byline         TEXT,
  site_name      TEXT,
  published_time TEXT,
  lang           TEXT,
  dir            TEXT CHECK (dir IN ('ltr', 'rtl')),
  excerpt        TEXT,
  source_path    TEXT NOT NULL,
  media_type     TEXT NOT NULL,
  file_size      INTEGER NOT NULL,
  sha256         TEXT NOT NULL UNIQUE,
  original_gzip  BLOB NOT NULL,            -- the file's bytes exactly as read, gzip-compressed
  text           TEXT NOT NULL,            -- canonical text (NFC); never changes after import
  blocks         TEXT NOT NULL,            -- JSON [[start, end, kind], ...] into text
  imported_at    TEXT NOT NULL
);

-- The canonical text is what every anchor points into: refuse to change it.
CREATE TRIGGER documents_text_is_immutable
BEFORE UPDATE OF text, blocks, sha256, original_gzip ON documents
BEGIN
  SELECT RAISE(ABORT, 'a document''s text and original bytes are immutable');
END;

CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  type       TEXT NOT NULL,
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  entity_id   INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL CHECK (end > start),
  quote       TEXT NOT NULL,
  prefix      TEXT NOT NULL,
  suffix      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX mentions_by_document ON mentions (document_id, start);
CREATE INDEX mentions_by_entity ON mentions (entity_id);

CREATE TABLE relations (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  target_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  type       TEXT NOT NULL,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (source_id <> target_id)
);
CREATE INDEX relations_by_source ON relations (source_id);
CREATE INDEX relations_by_target ON relations (target_id);
