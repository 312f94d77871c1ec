// The worker side of `graph.snapshot`: one read of everything an export
// needs, inside the database worker so it is consistent (the worker runs one
// request at a time). Document texts stay in the worker: when code-point
// offsets are asked for, each text with mentions is read once here and only
// the converted offsets travel back. Claims, entities and documents come in
// the one export model (claimModel.ts); co-mentions only when asked for.
import { createHash } from 'node:crypto'
import { originalGzip } from '../db/originals'
import { allMentions } from '../db/repos/mentions'
import { get, type Database } from '../db/sqlite'
import { readCoMentions, readModelClaims, readModelDocuments, readModelEntities } from './claimModel'
import { OffsetConverter } from './codePoints'
import type { ClaimEvidence, ModelDocument } from './claimModel'
import type { SnapshotMention, SnapshotRows } from './types'
import { domTextOf, foldWhiteSpace, gunzipOriginal, isHtml, quoteContext, sha256Text } from './w3cContext'

/** Each document's text and hash; each span's quote context, unique in the page's DOM text (HTML) or the text. */
function addTexts(db: Database, documents: ModelDocument[], spans: (SnapshotMention | ClaimEvidence)[]): void {
  const byDoc = new Map<number, (SnapshotMention | ClaimEvidence)[]>()
  for (const s of spans) {
    let l = byDoc.get(s.documentId)
    if (!l) byDoc.set(s.documentId, (l = []))
    l.push(s)
  }
  for (const d of documents) {
    const row = get<{ text: string }>(db, 'SELECT text FROM documents WHERE id = ?', [d.id])
    if (!row) continue
    d.text = row.text
    d.textSha256 = sha256Text(row.text)
    const list = byDoc.get(d.id)
    if (!list) continue
    let hay: string
    try {
      hay = foldWhiteSpace(isHtml(d.mediaType) ? domTextOf(gunzipOriginal(originalGzip(db, d.id))) : row.text)
    } catch {
      hay = foldWhiteSpace(row.text) // a page that no longer parses: unique in the text at least
    }
    for (const s of list) {
      const c = quoteContext(row.text, s.start, s.end, hay)
      s.w3cPrefix = c.prefix
      s.w3cSuffix = c.suffix
    }
  }
}

export interface SnapshotReadOptions {
  codePoints?: boolean
  coMentions?: boolean
  /** Documents' SHA-1 (FtM contentHash): each original is decompressed and hashed. */
  contentHashes?: boolean
  /** Canonical texts, their SHA-256 and each span's W3C quote context (w3cContext.ts). */
  texts?: boolean
}

export function readSnapshotRows(db: Database, opts: SnapshotReadOptions = {}): SnapshotRows {
  const documents = readModelDocuments(db)
  const entities = readModelEntities(db)
  const mentions: SnapshotMention[] = allMentions(db)
  const claims = readModelClaims(db)
  if (opts.contentHashes) {
    for (const d of documents) {
      d.sha1 = createHash('sha1').update(gunzipOriginal(originalGzip(db, d.id))).digest('hex')
    }
  }
  if (opts.texts) addTexts(db, documents, [...mentions, ...claims.flatMap((c) => c.evidence)])
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
