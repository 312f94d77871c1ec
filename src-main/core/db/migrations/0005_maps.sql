-- 0005: named relationship maps (views). Each map keeps its own filters and
-- drawing settings (JSON, validated by the contract before they are stored)
-- and the place of every node the analyst arranged or a layout computed.
-- Every project starts with one map; the app never deletes the last one.

CREATE TABLE maps (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  filters    TEXT NOT NULL DEFAULT '{}',  -- JSON MapFilters
  settings   TEXT NOT NULL DEFAULT '{}',  -- JSON MapSettings
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX maps_by_name ON maps (name COLLATE NOCASE);

CREATE TABLE map_positions (
  map_id    INTEGER NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  x         REAL NOT NULL,
  y         REAL NOT NULL,
  pinned    INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  PRIMARY KEY (map_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX map_positions_by_entity ON map_positions (entity_id);

INSERT INTO maps (name, filters, settings, created_at, updated_at)
VALUES ('Main map', '{}', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
