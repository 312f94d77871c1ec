// The worker side of `graph.snapshot`: one read of everything an export
// needs, inside the database worker so it is consistent (the worker runs one
// request at a time). Document texts stay in the worker: when code-point
// offsets are asked for, each text with mentions is read once here and only
// the converted offsets travel back. Claims, entities and documents come in
// the one export model (claimModel.ts); co-mentions only when asked for.
import { allMentions } from '../db/repos/mentions'
import { get, type Database } from '../db/sqlite'
import { readCoMentions, readModelClaims, readModelDocuments, readModelEntities } from './claimModel'
import { OffsetConverter } from './codePoints'
import type { SnapshotMention, SnapshotRows } from './types'

export interface SnapshotReadOptions {
  codePoints?: boolean
  coMentions?: boolean
}

export function readSnapshotRows(db: Database, opts: SnapshotReadOptions = {}): SnapshotRows {
  const documents = readModelDocuments(db)
  const entities = readModelEntities(db)
  const mentions: SnapshotMention[] = allMentions(db)
  const claims = readModelClaims(db)
  if (opts.codePoints) {
    // Each text with spans is read once; only the converted offsets leave the worker.
    const converters = new Map<number, OffsetConverter | null>()
    const conv = (documentId: number) => {
      let c = converters.get(documentId)
      if (c === undefined) {
        const row = get<{ text: string }>(db, 'SELECT text FROM documents WHERE id = ?', [documentId])
        converters.set(documentId, (c = row ? new OffsetConverter(row.text) : null))
      }
      return c
    }
    for (const span of [...mentions, ...claims.flatMap((c) => c.evidence)]) {
      const c = conv(span.documentId)
      if (c) {
        span.cpStart = c.toCodePoint(span.start)
        span.cpEnd = c.toCodePoint(span.end)
      }
    }
  }
  const created = get<{ value: string }>(db, "SELECT value FROM project_meta WHERE key = 'created_at'")
  const rows: SnapshotRows = { documents, entities, mentions, claims, projectCreatedAt: created?.value ?? null }
  if (opts.coMentions) rows.coMentions = readCoMentions(db)
  return rows
}
