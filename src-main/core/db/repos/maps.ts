// Named relationship maps: filters, drawing settings and saved node places,
// plus the two reads the map needs besides entities and links (which
// documents mention which entity; the paragraphs two entities share).
import { DEFAULT_MAP_FILTERS, DEFAULT_MAP_SETTINGS } from '../../../contract/types'
import type { EntityDocument, MapDetail, MapFilters, MapPosition, MapSettings, MapSummary, PairPassage } from '../../../contract/types'
import { blockIndexAt } from '../../anchor/anchor'
import { CoreError } from '../../app/errors'
import { all, get, run, transaction, type Database } from '../sqlite'
import { decodeBlocks } from './documents'

interface MapRow {
  id: number
  name: string
  filters: string
  settings: string
  createdAt: string
  updatedAt: string
}

const COLUMNS = 'id, name, filters, settings, created_at AS createdAt, updated_at AS updatedAt'

function parseJson<T extends object>(json: string, defaults: T): T {
  try {
    const v = JSON.parse(json) as unknown
    // Stored values were validated on the way in; missing keys (older maps) take the defaults.
    return v && typeof v === 'object' && !Array.isArray(v) ? { ...defaults, ...(v as Partial<T>) } : { ...defaults }
  } catch {
    return { ...defaults }
  }
}

function toSummary(r: MapRow): MapSummary {
  return {
    id: r.id,
    name: r.name,
    filters: parseJson<MapFilters>(r.filters, DEFAULT_MAP_FILTERS),
    settings: parseJson<MapSettings>(r.settings, DEFAULT_MAP_SETTINGS),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt
  }
}

function mapRow(db: Database, id: number): MapRow {
  const row = get<MapRow>(db, `SELECT ${COLUMNS} FROM maps WHERE id = ?`, [id])
  if (!row) throw new CoreError('NOT_FOUND', `Map ${id} does not exist.`)
  return row
}

function checkNameFree(db: Database, name: string, exceptId: number | null): void {
  const clash = get<{ id: number }>(db, 'SELECT id FROM maps WHERE name = ? COLLATE NOCASE AND id IS NOT ?', [name.trim(), exceptId])
  if (clash) throw new CoreError('CONFLICT', `There is already a map called “${name.trim()}”.`)
}

export function listMaps(db: Database): MapSummary[] {
  return all<MapRow>(db, `SELECT ${COLUMNS} FROM maps ORDER BY id`).map(toSummary)
}

export function mapPositions(db: Database, mapId: number): MapPosition[] {
  return all<{ entityId: number; x: number; y: number; pinned: number }>(
    db,
    'SELECT entity_id AS entityId, x, y, pinned FROM map_positions WHERE map_id = ? ORDER BY entity_id',
    [mapId]
  ).map((p) => ({ entityId: p.entityId, x: p.x, y: p.y, pinned: p.pinned === 1 }))
}

export function getMap(db: Database, id: number): MapDetail {
  return { ...toSummary(mapRow(db, id)), positions: mapPositions(db, id) }
}

export function createMap(
  db: Database,
  a: { name: string; filters?: MapFilters; settings?: MapSettings; copyFrom?: number },
  now: string
): MapDetail {
  checkNameFree(db, a.name, null)
  return transaction(db, () => {
    const from = a.copyFrom === undefined ? null : getMap(db, a.copyFrom)
    const filters = a.filters ?? from?.filters ?? DEFAULT_MAP_FILTERS
    const settings = a.settings ?? from?.settings ?? DEFAULT_MAP_SETTINGS
    const id = run(db, 'INSERT INTO maps (name, filters, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      a.name.trim(),
      JSON.stringify(filters),
      JSON.stringify(settings),
      now,
      now
    ]).lastId
    if (from) writePositions(db, id, from.positions)
    return getMap(db, id)
  })
}

export function renameMap(db: Database, a: { id: number; name: string }, now: string): MapSummary {
  mapRow(db, a.id)
  checkNameFree(db, a.name, a.id)
  run(db, 'UPDATE maps SET name = ?, updated_at = ? WHERE id = ?', [a.name.trim(), now, a.id])
  return toSummary(mapRow(db, a.id))
}

export function deleteMap(db: Database, id: number): number {
  mapRow(db, id)
  const n = get<{ n: number }>(db, 'SELECT count(*) AS n FROM maps')!.n
  if (n <= 1) throw new CoreError('CONFLICT', 'A project keeps at least one map: create another before deleting this one.')
  return run(db, 'DELETE FROM maps WHERE id = ?', [id]).changes
}

function writePositions(db: Database, mapId: number, positions: MapPosition[]): void {
  // Positions of entities that no longer exist are skipped, not an error: a
  // map saved just as an entity is deleted or merged must still save.
  const known = new Set(all<{ id: number }>(db, 'SELECT id FROM entities').map((r) => r.id))
  const stmt = db.prepare('INSERT OR REPLACE INTO map_positions (map_id, entity_id, x, y, pinned) VALUES (?, ?, ?, ?, ?)')
  try {
    for (const p of positions) if (known.has(p.entityId)) stmt.run([mapId, p.entityId, p.x, p.y, p.pinned ? 1 : 0])
  } finally {
    stmt.free()
  }
}

export function updateMap(
  db: Database,
  a: { id: number; filters?: MapFilters; settings?: MapSettings; positions?: MapPosition[]; replacePositions?: boolean },
  now: string
): MapSummary {
  mapRow(db, a.id)
  return transaction(db, () => {
    if (a.filters) run(db, 'UPDATE maps SET filters = ? WHERE id = ?', [JSON.stringify(a.filters), a.id])
    if (a.settings) run(db, 'UPDATE maps SET settings = ? WHERE id = ?', [JSON.stringify(a.settings), a.id])
    if (a.replacePositions) run(db, 'DELETE FROM map_positions WHERE map_id = ?', [a.id])
    if (a.positions) writePositions(db, a.id, a.positions)
    run(db, 'UPDATE maps SET updated_at = ? WHERE id = ?', [now, a.id])
    return toSummary(mapRow(db, a.id))
  })
}

export function entityDocuments(db: Database): EntityDocument[] {
  return all<EntityDocument>(
    db,
    'SELECT entity_id AS entityId, document_id AS documentId, count(*) AS count FROM mentions GROUP BY entity_id, document_id ORDER BY entity_id, document_id'
  )
}

/** Paragraphs (blocks) in which both entities are mentioned, in document order. */
export function pairEvidence(db: Database, a: { a: number; b: number; limit?: number }): PairPassage[] {
  const limit = a.limit ?? 50
  const rows = all<{ documentId: number; entityId: number; start: number; end: number }>(
    db,
    `SELECT document_id AS documentId, entity_id AS entityId, start, end FROM mentions
     WHERE entity_id IN (?, ?) AND document_id IN (
       SELECT document_id FROM mentions WHERE entity_id = ? INTERSECT SELECT document_id FROM mentions WHERE entity_id = ?)
     ORDER BY document_id, start`,
    [a.a, a.b, a.a, a.b]
  )
  const out: PairPassage[] = []
  let i = 0
  while (i < rows.length && out.length < limit) {
    const docId = rows[i]!.documentId
    const doc = get<{ title: string; text: string; blocks: string }>(db, 'SELECT title, text, blocks FROM documents WHERE id = ?', [docId])!
    const blocks = decodeBlocks(doc.blocks)
    const byBlock = new Map<number, { entityId: number; start: number; end: number }[]>()
    for (; i < rows.length && rows[i]!.documentId === docId; i++) {
      const r = rows[i]!
      const bi = blockIndexAt(blocks, r.start)
      let list = byBlock.get(bi)
      if (!list) byBlock.set(bi, (list = []))
      list.push({ entityId: r.entityId, start: r.start, end: r.end })
    }
    for (const [bi, spans] of [...byBlock.entries()].sort((x, y) => x[0] - y[0])) {
      if (out.length >= limit) break
      if (!spans.some((s) => s.entityId === a.a) || !spans.some((s) => s.entityId === a.b)) continue
      const block = blocks[bi]
      if (!block) continue
      out.push({ documentId: docId, documentTitle: doc.title, start: block.start, end: block.end, text: doc.text.slice(block.start, block.end), spans })
    }
  }
  return out
}
