// Re-import: a document's text replaced by a newer extraction of its stored
// original, as one undoable action. The text changes only through a
// document_reimports row (migration 0011's triggers write it into
// `documents`, and restore the old text when the row is deleted by Undo).
// Tags and claim passages move only where their exact quote is found
// (anchor/carry.ts); the others stay where they were recorded, so the
// reader's tag review lists them, and the row keeps them in `unplaced`.
import { gunzipSync } from 'node:zlib'
import type { Block, ReimportResult } from '../../../contract/types'
import { carryAnchors, type StoredAnchor } from '../../anchor/carry'
import { CoreError } from '../../app/errors'
import { originalGzip } from '../originals'
import { all, get, run, transaction, type Database } from '../sqlite'
import { encodeBlocks } from './documents'
import { describeAction } from './history'

export interface StoredOriginal {
  id: number
  title: string
  sourcePath: string
  mediaType: string
  sha256: string
  extraction: number
  bytes: Uint8Array
}

/** The document's original bytes, exactly as imported (from the project file, never from its path). */
export function storedOriginal(db: Database, id: number): StoredOriginal {
  const row = get<{ title: string; sourcePath: string; mediaType: string; sha256: string; extraction: number }>(
    db,
    `SELECT title, source_path AS sourcePath, media_type AS mediaType, sha256, extraction FROM documents WHERE id = ?`,
    [id]
  )
  if (!row) throw new CoreError('NOT_FOUND', `Document ${id} does not exist.`)
  return { id, ...row, bytes: new Uint8Array(gunzipSync(originalGzip(db, id))) }
}

export interface ReimportArgs {
  id: number
  /** The extraction the document had when the new text was made from it. */
  fromExtraction: number
  extraction: number
  text: string
  blocks: Block[]
}

export function applyReimport(db: Database, a: ReimportArgs, now: string): ReimportResult {
  return transaction(db, () => {
    const doc = get<{ title: string; text: string; blocks: string; extraction: number }>(db, 'SELECT title, text, blocks, extraction FROM documents WHERE id = ?', [a.id])
    if (!doc) throw new CoreError('NOT_FOUND', `Document ${a.id} does not exist.`)
    if (doc.extraction !== a.fromExtraction || doc.extraction === a.extraction) {
      throw new CoreError('CONFLICT', `“${doc.title}” has been re-imported already; nothing was changed.`)
    }
    const anchors = all<StoredAnchor>(
      db,
      `SELECT 'mention' AS kind, id, start, end, quote, prefix, suffix FROM mentions WHERE document_id = ?
       UNION ALL
       SELECT 'claim' AS kind, id, start, end, quote, prefix, suffix FROM claims WHERE document_id = ?
       ORDER BY start, kind, id`,
      [a.id, a.id]
    )
    const { placed, unplaced } = carryAnchors(doc.text, a.text, anchors)
    const unplacedList = unplaced.map((u) => ({ kind: u.kind, id: u.id, quote: u.quote }))
    describeAction(`Re-import “${doc.title.length > 60 ? `${doc.title.slice(0, 59)}…` : doc.title}” with its tables and lists`)
    run(
      db,
      `INSERT INTO document_reimports (document_id, old_text, old_blocks, old_extraction, new_text, new_blocks, new_extraction, unplaced, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [a.id, doc.text, doc.blocks, doc.extraction, a.text, encodeBlocks(a.blocks), a.extraction, JSON.stringify(unplacedList), now]
    )
    for (const p of placed) {
      if (!p.moved) continue
      db.run(`UPDATE ${p.kind === 'mention' ? 'mentions' : 'claims'} SET start = ?, end = ?, prefix = ?, suffix = ? WHERE id = ?`, [p.start, p.end, p.prefix, p.suffix, p.id])
    }
    return { documentId: a.id, carried: placed.length, unplaced: unplacedList }
  })
}
