// Merging two entities and splitting them again; what deleting one takes.
//
// merge(keep A, merge B): B's mentions, aliases and claims (as subject,
// object and source; links are analyst-judgement claims) move to A; B's name
// becomes an alias of A; B's notes are appended to A's. Rows that would
// become duplicates are dropped (a mention of A and B on the same words, an
// alias A already has). A merge recorded before links became claims (schema
// 0006) still lists links by their old ids: split maps them to the claims
// they became (tagging/legacyLinks.ts). The merge record keeps B's row, the ids of every row
// that moved and the full rows that were dropped, so split can restore B
// with its id and give back exactly what was B's. Rows added to A after the
// merge stay with A. Merge and split are each one undoable action too.
import type { DeletePreview, Entity, MergeRecord, MergeResult, SplitResult } from '../../../contract/types'
import { CoreError } from '../../app/errors'
import { foldKey } from '../../tagging/text'
import { all, get, run, transaction, type Database } from '../sqlite'
import type { SqlValue } from 'sql.js'
import { linkClaimId, linkClaimRow } from '../../tagging/legacyLinks'
import { insertAliasIfFree } from './aliases'
import { getEntity } from './entities'
import { describeAction } from './history'

type Row = Record<string, SqlValue>

interface Moved {
  mentions: number[]
  aliases: number[]
  claimSubjects: number[]
  claimObjects: number[]
  attributions: number[]
  /** Links (by their pre-0006 ids) in merges recorded before links became claims. */
  relationSources?: number[]
  relationTargets?: number[]
  merges: number[]
  /** Text appended to the kept entity's notes ('' for none). */
  notesAppended: string
}

interface Dropped {
  mentions: Row[]
  aliases: Row[]
  /** Link rows (pre-0006) dropped by a merge recorded before links became claims. */
  relations?: Row[]
}

interface MergeRow {
  id: number
  kept_id: number
  merged_id: number
  merged_entity: string
  moved: string
  dropped: string
  name_alias_id: number | null
  created_at: string
  split_at: string | null
}

function ids(db: Database, sql: string, params: SqlValue[]): number[] {
  return all<{ id: number }>(db, sql, params).map((r) => r.id)
}

function toRecord(r: MergeRow): MergeRecord {
  const merged = JSON.parse(r.merged_entity) as { name: string; type: string }
  const moved = JSON.parse(r.moved) as Moved
  return {
    id: r.id,
    keptId: r.kept_id,
    mergedId: r.merged_id,
    mergedName: merged.name,
    mergedType: merged.type,
    createdAt: r.created_at,
    splitAt: r.split_at,
    moved: {
      mentions: moved.mentions.length,
      aliases: moved.aliases.length,
      // Links moved by a merge recorded before 0006 are claims now.
      claims: new Set([...moved.claimSubjects, ...moved.claimObjects]).size + new Set([...(moved.relationSources ?? []), ...(moved.relationTargets ?? [])]).size,
      attributions: moved.attributions.length,
      relations: 0
    }
  }
}

export function getMerge(db: Database, id: number): MergeRecord {
  const r = get<MergeRow>(db, 'SELECT * FROM entity_merges WHERE id = ?', [id])
  if (!r) throw new CoreError('NOT_FOUND', `Merge ${id} does not exist.`)
  return toRecord(r)
}

/** Merges into this entity that can still be split, newest first. */
export function mergesOf(db: Database, entityId: number): MergeRecord[] {
  getEntity(db, entityId)
  return all<MergeRow>(db, 'SELECT * FROM entity_merges WHERE kept_id = ? AND split_at IS NULL ORDER BY id DESC', [entityId]).map(toRecord)
}

export function mergeEntities(db: Database, a: { keepId: number; mergeId: number }, now: string): MergeResult {
  if (a.keepId === a.mergeId) throw new CoreError('BAD_ARGS', 'An entity cannot be merged into itself.')
  return transaction(db, () => {
    const keep = getEntity(db, a.keepId)
    const gone = getEntity(db, a.mergeId)
    const goneRow = get<Row>(db, 'SELECT * FROM entities WHERE id = ?', [gone.id])!
    const A = keep.id
    const B = gone.id
    const moved: Moved = {
      mentions: [],
      aliases: [],
      claimSubjects: [],
      claimObjects: [],
      attributions: [],
      merges: [],
      notesAppended: ''
    }
    const dropped: Dropped = { mentions: [], aliases: [] }

    // Mentions: the same words tagged with both become one mention of A.
    for (const m of all<Row>(db, 'SELECT * FROM mentions WHERE entity_id = ? ORDER BY id', [B])) {
      const dup = get(db, 'SELECT 1 AS x FROM mentions WHERE entity_id = ? AND document_id = ? AND start = ? AND end = ?', [A, m.document_id!, m.start!, m.end!])
      if (dup) {
        dropped.mentions.push(m)
        db.run('DELETE FROM mentions WHERE id = ?', [m.id!])
      } else {
        moved.mentions.push(m.id as number)
        db.run('UPDATE mentions SET entity_id = ? WHERE id = ?', [A, m.id!])
      }
    }

    // Aliases: kept unless A already has that name.
    const keyA = foldKey(keep.name)
    for (const al of all<Row>(db, 'SELECT * FROM entity_aliases WHERE entity_id = ? ORDER BY id', [B])) {
      const clash = al.name_key === keyA || get(db, 'SELECT 1 AS x FROM entity_aliases WHERE entity_id = ? AND name_key = ?', [A, al.name_key!])
      if (clash) {
        dropped.aliases.push(al)
        db.run('DELETE FROM entity_aliases WHERE id = ?', [al.id!])
      } else {
        moved.aliases.push(al.id as number)
        db.run('UPDATE entity_aliases SET entity_id = ? WHERE id = ?', [A, al.id!])
      }
    }

    // Claims and attribution chains.
    moved.claimSubjects = ids(db, 'SELECT id FROM claims WHERE subject_id = ? ORDER BY id', [B])
    moved.claimObjects = ids(db, 'SELECT id FROM claims WHERE object_entity_id = ? ORDER BY id', [B])
    moved.attributions = ids(db, 'SELECT id FROM claim_attributions WHERE entity_id = ? ORDER BY id', [B])
    db.run('UPDATE claims SET subject_id = ? WHERE subject_id = ?', [A, B])
    db.run('UPDATE claims SET object_entity_id = ? WHERE object_entity_id = ?', [A, B])
    db.run('UPDATE claim_attributions SET entity_id = ? WHERE entity_id = ?', [A, B])

    // Earlier merges into B now belong to A (they can still be split from A).
    moved.merges = ids(db, 'SELECT id FROM entity_merges WHERE kept_id = ? ORDER BY id', [B])
    db.run('UPDATE entity_merges SET kept_id = ? WHERE kept_id = ?', [A, B])

    // B's notes follow it.
    if (gone.notes.trim()) {
      moved.notesAppended = `${keep.notes ? '\n\n' : ''}${gone.name}: ${gone.notes}`
      db.run('UPDATE entities SET notes = ? WHERE id = ?', [keep.notes + moved.notesAppended, A])
    }

    db.run('DELETE FROM entities WHERE id = ?', [B])
    const nameAliasId = insertAliasIfFree(db, A, gone.name, now)
    const mergeId = run(
      db,
      'INSERT INTO entity_merges (kept_id, merged_id, merged_entity, moved, dropped, name_alias_id, created_at, split_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
      [A, B, JSON.stringify(goneRow), JSON.stringify(moved), JSON.stringify(dropped), nameAliasId, now]
    ).lastId
    describeAction(`Merge “${gone.name}” into “${keep.name}”`)
    return { entity: getEntity(db, A), merge: getMerge(db, mergeId) }
  })
}

function insertRow(db: Database, table: string, row: Row): void {
  const keys = Object.keys(row)
  db.run(`INSERT INTO ${table} (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`, keys.map((k) => row[k] ?? null))
}

function exists(db: Database, table: string, id: unknown): boolean {
  return typeof id === 'number' && !!get(db, `SELECT 1 AS x FROM ${table} WHERE id = ?`, [id])
}

export function splitEntities(db: Database, a: { mergeId: number }, now: string): SplitResult {
  return transaction(db, () => {
    const rec = get<MergeRow>(db, 'SELECT * FROM entity_merges WHERE id = ?', [a.mergeId])
    if (!rec) throw new CoreError('NOT_FOUND', `Merge ${a.mergeId} does not exist.`)
    if (rec.split_at) throw new CoreError('CONFLICT', 'This merge has already been split.')
    const A = rec.kept_id
    const keep = getEntity(db, A)
    const row = JSON.parse(rec.merged_entity) as Row
    const moved = JSON.parse(rec.moved) as Moved
    const dropped = JSON.parse(rec.dropped) as Dropped

    // B comes back with its own id unless that id has been taken since.
    let B = row.id as number
    if (exists(db, 'entities', B)) {
      const { id: _old, ...rest } = row
      B = run(db, `INSERT INTO entities (${Object.keys(rest).map((k) => `"${k}"`).join(', ')}) VALUES (${Object.keys(rest).map(() => '?').join(', ')})`, Object.values(rest).map((v) => v ?? null)).lastId
    } else {
      insertRow(db, 'entities', row)
    }

    // The name alias goes first, so B's own aliases with that name can come back.
    if (rec.name_alias_id !== null) db.run('DELETE FROM entity_aliases WHERE id = ? AND entity_id = ?', [rec.name_alias_id, A])

    const back = (sql: string, list: number[]) => {
      for (const id of list) db.run(sql, [B, id, A])
    }
    back('UPDATE mentions SET entity_id = ? WHERE id = ? AND entity_id = ?', moved.mentions)
    back('UPDATE entity_aliases SET entity_id = ? WHERE id = ? AND entity_id = ?', moved.aliases)
    back('UPDATE claims SET subject_id = ? WHERE id = ? AND subject_id = ?', moved.claimSubjects)
    back('UPDATE claims SET object_entity_id = ? WHERE id = ? AND object_entity_id = ?', moved.claimObjects)
    back('UPDATE claim_attributions SET entity_id = ? WHERE id = ? AND entity_id = ?', moved.attributions)
    const asClaims = (list: number[] | undefined) => (list ?? []).map((rid) => linkClaimId(db, rid)).filter((c): c is number => c !== null)
    back('UPDATE claims SET subject_id = ? WHERE id = ? AND subject_id = ?', asClaims(moved.relationSources))
    back('UPDATE claims SET object_entity_id = ? WHERE id = ? AND object_entity_id = ?', asClaims(moved.relationTargets))
    back('UPDATE entity_merges SET kept_id = ? WHERE id = ? AND kept_id = ?', moved.merges)

    // Rows dropped as duplicates come back if nothing has taken their place.
    const remap = (v: SqlValue) => (v === row.id ? B : v)
    for (const m of dropped.mentions) {
      if (!exists(db, 'mentions', m.id) && exists(db, 'documents', m.document_id)) insertRow(db, 'mentions', { ...m, entity_id: B })
    }
    for (const al of dropped.aliases) {
      const free = !exists(db, 'entity_aliases', al.id) && !get(db, 'SELECT 1 AS x FROM entity_aliases WHERE entity_id = ? AND name_key = ?', [B, al.name_key!])
      if (free) insertRow(db, 'entity_aliases', { ...al, entity_id: B })
    }
    // A link dropped before 0006 comes back as the claim it would have become.
    for (const r of dropped.relations ?? []) {
      const src = remap(r.source_id!)
      const tgt = remap(r.target_id!)
      const claimId = linkClaimId(db, r.id as number)
      if (claimId !== null && !exists(db, 'claims', claimId) && exists(db, 'entities', src) && exists(db, 'entities', tgt) && src !== tgt) {
        insertRow(db, 'claims', linkClaimRow({ ...r, source_id: src, target_id: tgt }, claimId))
      }
    }

    if (moved.notesAppended && keep.notes.endsWith(moved.notesAppended)) {
      db.run('UPDATE entities SET notes = ? WHERE id = ?', [keep.notes.slice(0, keep.notes.length - moved.notesAppended.length), A])
    }
    db.run('UPDATE entity_merges SET split_at = ? WHERE id = ?', [now, rec.id])
    const restored = getEntity(db, B)
    describeAction(`Split “${restored.name}” from “${keep.name}”`)
    return { kept: getEntity(db, A), restored }
  })
}

/** Everything entities.delete would take with it. */
export function deletePreview(db: Database, id: number): DeletePreview {
  const entity: Entity = getEntity(db, id)
  const n = (sql: string, params: SqlValue[]) => get<{ n: number }>(db, sql, params)!.n
  return {
    entity,
    mentions: n('SELECT count(*) AS n FROM mentions WHERE entity_id = ?', [id]),
    documents: n('SELECT count(DISTINCT document_id) AS n FROM mentions WHERE entity_id = ?', [id]),
    // Links are analyst-judgement claims, counted with the claims.
    relations: 0,
    claims: n('SELECT count(*) AS n FROM claims WHERE subject_id = ? OR object_entity_id = ?', [id, id]),
    attributions: n(
      'SELECT count(*) AS n FROM claim_attributions a JOIN claims c ON c.id = a.claim_id WHERE a.entity_id = ? AND c.subject_id <> ? AND (c.object_entity_id IS NULL OR c.object_entity_id <> ?)',
      [id, id, id]
    ),
    aliases: n('SELECT count(*) AS n FROM entity_aliases WHERE entity_id = ?', [id])
  }
}
