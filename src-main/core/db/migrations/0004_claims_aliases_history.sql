-- 0004: the tagging core: custom entity types, aliases, claims with their
-- quoted passage, attribution chain and Admiralty grade, merges (so they can
-- be split again), an undo/redo history and an audit log.
--
-- Money and numbers are stored exactly, as canonical decimal strings in TEXT
-- columns ("29000000000"), never as floats.
--
-- Undo/redo: while an action runs, TEMP triggers (created by
-- db/repos/history.ts each time a project is opened, from the tables' live
-- columns, so they are never stored in the file and never fall behind a
-- later migration) copy every inserted, updated or deleted row of the
-- tagging tables, as JSON row images, cascaded deletes included, into
-- history_changes. Undo writes the `before` images back, redo the `after`
-- images, ids included.

CREATE TABLE entity_types (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE CHECK (length(trim(key)) > 0),
  label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
  color      TEXT NOT NULL,
  icon       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);

CREATE TABLE entity_aliases (
  id         INTEGER PRIMARY KEY,
  entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_key   TEXT NOT NULL,              -- NFC, case-folded: one name per entity, whatever its case
  created_at TEXT NOT NULL,
  UNIQUE (entity_id, name_key)
);

CREATE TABLE claims (
  id                INTEGER PRIMARY KEY,
  subject_id        INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  predicate         TEXT NOT NULL CHECK (length(trim(predicate)) > 0),
  predicate_key     TEXT NOT NULL,       -- normalised predicate, for grouping and suggestions
  object_kind       TEXT NOT NULL CHECK (object_kind IN ('entity', 'money', 'date', 'number', 'text')),
  object_entity_id  INTEGER REFERENCES entities (id) ON DELETE CASCADE,
  value_text        TEXT,                -- kind text
  value_amount      TEXT,                -- kind money / number: canonical decimal string
  value_currency    TEXT,                -- kind money: ISO 4217
  value_date        TEXT,                -- kind date: YYYY, YYYY-MM or YYYY-MM-DD
  value_unit        TEXT,                -- kind number
  qualifier         TEXT NOT NULL DEFAULT 'exact' CHECK (qualifier IN ('exact', 'about', 'at least', 'up to')),
  document_id       INTEGER REFERENCES documents (id) ON DELETE CASCADE,
  start             INTEGER,
  end               INTEGER,
  quote             TEXT,
  prefix            TEXT,
  suffix            TEXT,
  analyst_judgement INTEGER NOT NULL DEFAULT 0 CHECK (analyst_judgement IN (0, 1)),
  reliability       TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
  credibility       INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6),
  status            TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'corroborated', 'disputed', 'refuted')),
  notes             TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK ((object_kind = 'entity') = (object_entity_id IS NOT NULL)),
  CHECK (object_kind <> 'money' OR (typeof(value_amount) = 'text' AND value_currency IS NOT NULL)),
  CHECK (object_kind <> 'number' OR typeof(value_amount) = 'text'),
  -- no passage: only as an explicit analyst judgement
  CHECK (document_id IS NOT NULL OR analyst_judgement = 1),
  CHECK (document_id IS NULL OR (start >= 0 AND end > start AND quote IS NOT NULL AND prefix IS NOT NULL AND suffix IS NOT NULL))
);
CREATE INDEX claims_by_subject ON claims (subject_id, predicate_key);
CREATE INDEX claims_by_object ON claims (object_entity_id);

-- Who makes the claim, in order: "reported by" NextFin, "according to" TSG Invest.
CREATE TABLE claim_attributions (
  id        INTEGER PRIMARY KEY,
  claim_id  INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  role      TEXT NOT NULL,
  position  INTEGER NOT NULL
);
CREATE INDEX claim_attributions_by_claim ON claim_attributions (claim_id, position);

-- One merge of `merged_id` into `kept_id`: the merged entity's row, the ids of
-- the rows that moved, and the rows dropped as duplicates (JSON), so that
-- entities.split can restore both entities exactly.
CREATE TABLE entity_merges (
  id            INTEGER PRIMARY KEY,
  kept_id       INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  merged_id     INTEGER NOT NULL,
  merged_entity TEXT NOT NULL,
  moved         TEXT NOT NULL,
  dropped       TEXT NOT NULL,
  name_alias_id INTEGER,
  created_at    TEXT NOT NULL,
  split_at      TEXT
);

CREATE TABLE history_actions (
  id         INTEGER PRIMARY KEY,
  op         TEXT NOT NULL,
  label      TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
);

CREATE TABLE history_changes (
  id        INTEGER PRIMARY KEY,
  action_id INTEGER NOT NULL REFERENCES history_actions (id) ON DELETE CASCADE,
  tbl       TEXT NOT NULL,
  row_id    INTEGER NOT NULL,
  before    TEXT,                        -- JSON row image; NULL for an insert
  after     TEXT                         -- JSON row image; NULL for a delete
);
CREATE INDEX history_changes_by_action ON history_changes (action_id, id);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action    TEXT NOT NULL,
  label     TEXT NOT NULL,
  details   TEXT NOT NULL DEFAULT '{}'
);
