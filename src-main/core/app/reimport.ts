// Re-import (documents.reimport): the document's original, read from the
// project file (never from its source path, which may be gone or changed),
// parsed again in the import worker with today's extraction, and handed to
// the database worker, which carries the tags over and records the step for
// Undo (db/repos/reimport.ts). The document's title and details stay the
// analyst's: only its text and blocks change.
import { CURRENT_EXTRACTION, type ReimportResult } from '../../contract/types'
import type { ProjectDb } from '../db/projectDb'
import { parseIsolated } from '../import/isolated'
import { CoreError } from './errors'

export async function reimportDocument(db: ProjectDb, id: number): Promise<ReimportResult> {
  const original = await db.call('documents.storedOriginal', { id })
  if (original.extraction >= CURRENT_EXTRACTION) {
    throw new CoreError('CONFLICT', `“${original.title}” already has the current structure; there is nothing to re-import.`)
  }
  const parsed = await parseIsolated({ path: original.sourcePath, bytes: original.bytes, sha256: original.sha256, mediaType: original.mediaType })
  return db.call('documents.applyReimport', {
    id,
    fromExtraction: original.extraction,
    extraction: CURRENT_EXTRACTION,
    text: parsed.text,
    blocks: parsed.blocks
  })
}
