// The evidence report's data: the chosen claims with everything a reader of
// the report needs (attribution, grade, passage), the entities they name
// (with aliases) and the documents they quote (with full citations), read
// in one go from the project database (in the worker for the app, in
// process for the CLI). The docx and HTML writers only format this.
//
// Trade-offs: claims are chosen by id (the renderer knows exactly what its
// map or claims view shows, filters included, and sends those ids), so the
// filter logic is not copied here; only the CLI's `--map` goes through
// mapSelection.ts. Claims are read whole with listClaims and picked in
// memory: a project holds thousands of claims, not millions.
import { basename } from 'node:path'
import type { Claim } from '../../../contract/claims'
import { entityType } from '../../../contract/vocabulary'
import { listClaims } from '../../db/repos/claims'
import { listAliases } from '../../db/repos/aliases'
import { listEntities } from '../../db/repos/entities'
import { listDocuments } from '../../db/repos/documents'
import type { Database } from '../../db/sqlite'

export interface ReportEntity {
  id: number
  name: string
  type: string
  typeLabel: string
  aliases: string[]
  notes: string
  /** Numbers (1-based, in report order) of the claims that name the entity. */
  claimNumbers: number[]
}

export interface ReportDocument {
  id: number
  title: string
  byline: string | null
  publisher: string | null
  publishedTime: string | null
  fileName: string
  sha256: string
  mediaType: string
  claimNumbers: number[]
}

/** What the worker reads; the session adds the title page and the image. */
export interface ReportRows {
  claims: Claim[]
  entities: ReportEntity[]
  documents: ReportDocument[]
  /** Claims asked for that no longer exist (deleted since the view was drawn). */
  missing: number
}

export interface ReportImage {
  png: Uint8Array
  width: number
  height: number
}

export interface ReportData extends ReportRows {
  project: string
  mapName: string | null
  author: string
  /** When the report was made (ISO time). */
  date: string
  /** How the claims were chosen, said on the title page ("Claims on the map “Main”, as filtered"). */
  selection: string
  image: ReportImage | null
  /** Why there is no map image, when there is none. */
  imageNote: string | null
}

/**
 * Reads the claims with these ids (in this order), or every claim (sorted by
 * subject and predicate) when `claimIds` is null, and the entities and
 * documents they refer to.
 */
export function readReportRows(db: Database, a: { claimIds: number[] | null }): ReportRows {
  const all = listClaims(db, { sort: 'subject' })
  let claims = all
  let missing = 0
  if (a.claimIds) {
    const byId = new Map(all.map((c) => [c.id, c]))
    const seen = new Set<number>()
    claims = []
    for (const id of a.claimIds) {
      if (seen.has(id)) continue
      seen.add(id)
      const c = byId.get(id)
      if (c) claims.push(c)
      else missing++
    }
  }
  const aliases = new Map<number, string[]>()
  for (const al of listAliases(db)) {
    let l = aliases.get(al.entityId)
    if (!l) aliases.set(al.entityId, (l = []))
    l.push(al.name)
  }
  const entityClaims = new Map<number, number[]>()
  const docClaims = new Map<number, number[]>()
  const note = (m: Map<number, number[]>, id: number, n: number) => {
    let l = m.get(id)
    if (!l) m.set(id, (l = []))
    if (l[l.length - 1] !== n) l.push(n)
  }
  claims.forEach((c, i) => {
    const n = i + 1
    note(entityClaims, c.subjectId, n)
    if (c.object.kind === 'entity') note(entityClaims, c.object.entityId, n)
    for (const at of c.attribution) note(entityClaims, at.entityId, n)
    if (c.passage) note(docClaims, c.passage.documentId, n)
  })
  const entities = listEntities(db)
    .filter((e) => entityClaims.has(e.id))
    .map<ReportEntity>((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      typeLabel: entityType(e.type).label,
      aliases: aliases.get(e.id) ?? [],
      notes: e.notes,
      claimNumbers: entityClaims.get(e.id)!
    }))
    .sort((x, y) => x.name.localeCompare(y.name, undefined, { sensitivity: 'base' }) || x.id - y.id)
  const documents = listDocuments(db)
    .filter((d) => docClaims.has(d.id))
    .map<ReportDocument>((d) => ({
      id: d.id,
      title: d.title,
      byline: d.byline,
      publisher: d.siteName,
      publishedTime: d.publishedTime,
      fileName: basename(d.sourcePath.replace(/\\/g, '/')),
      sha256: d.sha256,
      mediaType: d.mediaType,
      claimNumbers: docClaims.get(d.id)!
    }))
    .sort((x, y) => x.claimNumbers[0]! - y.claimNumbers[0]!)
  return { claims, entities, documents, missing }
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.length < 24 || !sig.every((b, i) => png[i] === b)) return null
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const width = v.getUint32(16)
  const height = v.getUint32(20)
  return width > 0 && height > 0 ? { width, height } : null
}
