// The worker side of `graph.snapshot`: one read of everything an export
// needs, inside the database worker so it is consistent (the worker runs one
// request at a time). Document texts stay in the worker: when code-point
// offsets are asked for, each text with mentions is read once here and only
// the converted offsets travel back. Claims come in the shape
// repos/claims `snapshotClaims` gives (see SnapshotClaim).
import type { Entity } from '../../contract/types'
import { snapshotClaims } from '../db/repos/claims'
import { listEntities } from '../db/repos/entities'
import { allMentions } from '../db/repos/mentions'
import { all, get, type Database } from '../db/sqlite'
import { OffsetConverter } from './codePoints'
import type { SnapshotClaim, SnapshotDocument, SnapshotMention, SnapshotRows } from './types'

export function readSnapshotRows(db: Database, opts: { codePoints?: boolean } = {}): SnapshotRows {
  const documents = all<SnapshotDocument>(
    db,
    'SELECT id, title, source_path AS sourcePath, media_type AS mediaType, sha256 FROM documents ORDER BY id'
  )
  const entities: Entity[] = listEntities(db)
  const mentions: SnapshotMention[] = allMentions(db)
  const claims: SnapshotClaim[] = snapshotClaims(db)
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
  return { documents, entities, mentions, claims, projectCreatedAt: created?.value ?? null }
}
