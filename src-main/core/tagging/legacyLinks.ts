// Links as they were stored before schema 0006 (the `relations` table:
// source, target, a type from the vocabulary and an optional label), and how
// each one became an analyst-judgement claim. Used by migration 0006 (through
// SQL functions registered on the connection, so the migration itself stays
// a plain, immutable .sql file) and by `entities.split` of a merge made
// before 0006, whose record still lists links by their old ids.
//
// Trade-offs: the translation lives in TypeScript, not SQL, so the predicate
// and its key are exactly what claims.create would store (Unicode
// normalisation and case folding SQLite cannot do); the price is that the
// migration depends on these functions being registered before it runs
// (migrations.ts does that). A link keeps its id offset by a number stored in
// project_meta (`link_claim_id_offset`) rather than a mapping table: old undo
// steps and merge records are translated with one addition.
import type { SqlValue } from 'sql.js'
import { relationType } from '../../contract/vocabulary'
import type { Database } from '../db/sqlite'
import { cleanPredicate, predicateKey } from './values'

/** What a link said on the map: its label, or its type's verb when it had none. */
export function linkPredicate(label: unknown, type: unknown): string {
  return cleanPredicate(String(label ?? '').trim() || relationType(String(type ?? 'other')).verb)
}

/**
 * Claims have no link type: a type other than "other" is kept in the notes,
 * so the analyst's choice is not lost.
 */
export function linkNotes(type: unknown): string {
  const key = String(type ?? 'other')
  return key === 'other' ? '' : `Link type: ${relationType(key).label}`
}

/** The SQL functions migration 0006 calls; registered on every connection before migrating. */
export function registerLinkFunctions(db: Database): void {
  db.create_function('rwb_link_predicate', (label: SqlValue, type: SqlValue) => linkPredicate(label, type))
  db.create_function('rwb_link_notes', (type: SqlValue) => linkNotes(type))
  db.create_function('rwb_predicate_key', (p: SqlValue) => predicateKey(String(p ?? '')))
}

export const LINK_OFFSET_KEY = 'link_claim_id_offset'

/** The claim id of the link that had `relationId` (migration 0006); null in a project that never had links. */
export function linkClaimId(db: Database, relationId: number): number | null {
  const res = db.exec(`SELECT value FROM project_meta WHERE key = '${LINK_OFFSET_KEY}'`)
  const v = res[0]?.values[0]?.[0]
  return v === undefined || v === null ? null : Number(v) + relationId
}

/** A link's row (as a merge record kept it) as the claim row migration 0006 makes of it. */
export function linkClaimRow(r: Record<string, SqlValue>, claimId: number): Record<string, SqlValue> {
  const predicate = linkPredicate(r.label, r.type)
  return {
    id: claimId,
    subject_id: r.source_id ?? null,
    predicate,
    predicate_key: predicateKey(predicate),
    object_kind: 'entity',
    object_entity_id: r.target_id ?? null,
    qualifier: 'exact',
    analyst_judgement: 1,
    reliability: 'F',
    credibility: 6,
    status: 'unverified',
    notes: linkNotes(r.type),
    created_at: r.created_at ?? null,
    updated_at: r.created_at ?? null
  }
}
