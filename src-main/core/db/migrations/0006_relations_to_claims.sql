-- 0006: one edge concept. Every link (the `relations` table: source,
-- target, type, label, made by older versions and the relations.* API)
-- becomes an analyst-judgement claim, the same thing "Link to…" makes:
-- subject = source, object = target, predicate = the label or, when it is
-- empty, the type's verb (what the map drew on the edge), no passage,
-- ungraded (F6: "cannot be judged"), unverified, created and updated when the
-- link was made. A type other than "other" is kept in the claim's notes.
--
-- The predicate, its key and the notes come from SQL functions the app
-- registers before migrating (core/tagging/legacyLinks.ts), so they are
-- exactly what claims.create stores.
--
-- Ids: link n becomes claim (offset + n), where offset is above every claim
-- id in the project and in its undo history; the offset is kept in
-- project_meta so merge records made before 0006 can still be split.
-- Undo history rows of links are rewritten into the claim rows they became,
-- so old "Link …" / "Remove link" / merge steps undo and redo as claims.

INSERT OR IGNORE INTO project_meta (key, value)
SELECT 'link_claim_id_offset', CAST(max(
         coalesce((SELECT max(id) FROM claims), 0),
         coalesce((SELECT max(row_id) FROM history_changes WHERE tbl = 'claims'), 0)
       ) AS TEXT);

INSERT INTO claims (id, subject_id, predicate, predicate_key, object_kind, object_entity_id, qualifier,
                    analyst_judgement, reliability, credibility, status, notes, created_at, updated_at)
SELECT (SELECT CAST(value AS INTEGER) FROM project_meta WHERE key = 'link_claim_id_offset') + r.id,
       r.source_id,
       rwb_link_predicate(r.label, r.type),
       rwb_predicate_key(rwb_link_predicate(r.label, r.type)),
       'entity', r.target_id, 'exact',
       1, 'F', 6, 'unverified', rwb_link_notes(r.type), r.created_at, r.created_at
  FROM relations r
 WHERE r.source_id IN (SELECT id FROM entities) AND r.target_id IN (SELECT id FROM entities)
 ORDER BY r.id;

UPDATE history_changes
   SET tbl = 'claims',
       row_id = (SELECT CAST(value AS INTEGER) FROM project_meta WHERE key = 'link_claim_id_offset') + row_id,
       before = CASE WHEN before IS NULL THEN NULL ELSE json_object(
      'id', (SELECT CAST(value AS INTEGER) FROM project_meta WHERE key = 'link_claim_id_offset') + json_extract(before, '$.id'),
      'subject_id', json_extract(before, '$.source_id'),
      'predicate', rwb_link_predicate(json_extract(before, '$.label'), json_extract(before, '$.type')),
      'predicate_key', rwb_predicate_key(rwb_link_predicate(json_extract(before, '$.label'), json_extract(before, '$.type'))),
      'object_kind', 'entity',
      'object_entity_id', json_extract(before, '$.target_id'),
      'value_text', NULL, 'value_amount', NULL, 'value_currency', NULL, 'value_date', NULL, 'value_unit', NULL,
      'qualifier', 'exact',
      'document_id', NULL, 'start', NULL, 'end', NULL, 'quote', NULL, 'prefix', NULL, 'suffix', NULL,
      'analyst_judgement', 1, 'reliability', 'F', 'credibility', 6, 'status', 'unverified',
      'notes', rwb_link_notes(json_extract(before, '$.type')),
      'created_at', json_extract(before, '$.created_at'),
      'updated_at', json_extract(before, '$.created_at')) END,
       after = CASE WHEN after IS NULL THEN NULL ELSE json_object(
      'id', (SELECT CAST(value AS INTEGER) FROM project_meta WHERE key = 'link_claim_id_offset') + json_extract(after, '$.id'),
      'subject_id', json_extract(after, '$.source_id'),
      'predicate', rwb_link_predicate(json_extract(after, '$.label'), json_extract(after, '$.type')),
      'predicate_key', rwb_predicate_key(rwb_link_predicate(json_extract(after, '$.label'), json_extract(after, '$.type'))),
      'object_kind', 'entity',
      'object_entity_id', json_extract(after, '$.target_id'),
      'value_text', NULL, 'value_amount', NULL, 'value_currency', NULL, 'value_date', NULL, 'value_unit', NULL,
      'qualifier', 'exact',
      'document_id', NULL, 'start', NULL, 'end', NULL, 'quote', NULL, 'prefix', NULL, 'suffix', NULL,
      'analyst_judgement', 1, 'reliability', 'F', 'credibility', 6, 'status', 'unverified',
      'notes', rwb_link_notes(json_extract(after, '$.type')),
      'created_at', json_extract(after, '$.created_at'),
      'updated_at', json_extract(after, '$.created_at')) END
 WHERE tbl = 'relations';

DROP TABLE relations;
