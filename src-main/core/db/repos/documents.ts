import { gunzipSync, gzipSync } from 'node:zlib'
import type { DocumentMetaEdit } from '../../../contract/documents'
import { CURRENT_EXTRACTION } from '../../../contract/extraction'
import type { Block, BlockKind, DocumentContent, DocumentOriginal, DocumentSummary, OcrInfo } from '../../../contract/types'
import { CoreError } from '../../app/errors'
import { keepOriginal, originalGzip } from '../originals'
import { all, get, run, type Database } from '../sqlite'

export interface NewDocument {
  title: string
  byline: string | null
  siteName: string | null
  publishedTime: string | null
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  excerpt: string | null
  sourcePath: string
  mediaType: string
  sha256: string
  original: Uint8Array
  text: string
  blocks: Block[]
  /** A PDF's page count; null or absent for formats without pages. */
  pages?: number | null
  /** The extraction that made `text` (CURRENT_EXTRACTION when absent). */
  extraction?: number
  /** Which pages were recognised by OCR, and how surely; null or absent when none. */
  ocr?: OcrInfo | null
  /**
   * Set only in a journal record (originals.ts journalArgs): the original is
   * in the project's originals folder already, `original` is empty, and this
   * is its size in bytes.
   */
  originalSize?: number
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// A re-import would change what an older extraction made of tables and lists
// (Word, HTML and Markdown: PDF and plain text read as before).
const OUTDATED = `(d.extraction < ${CURRENT_EXTRACTION} AND d.media_type IN ('text/html', 'text/markdown', '${DOCX}')
  AND (d.blocks LIKE '%"row"%' OR d.blocks LIKE '%"li"%'))`

const SUMMARY_COLUMNS = `d.id, d.title, d.byline, d.site_name AS siteName, d.published_time AS publishedTime,
  d.source_path AS sourcePath, d.media_type AS mediaType, d.file_size AS fileSize, d.sha256,
  d.imported_at AS importedAt, length(d.text) AS textLength, d.pages, d.extraction, ${OUTDATED} AS structureOutdated,
  (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS mentionCount`

export function listDocuments(db: Database): DocumentSummary[] {
  return all<SummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.imported_at DESC, d.id DESC`).map(summaryOf)
}

type SummaryRow = Omit<DocumentSummary, 'structureOutdated'> & { structureOutdated: number | boolean }
const summaryOf = (r: SummaryRow): DocumentSummary => ({ ...r, structureOutdated: !!r.structureOutdated })

type ContentRow = Omit<DocumentContent, 'blocks' | 'structureOutdated' | 'ocr'> & { blocks: string; structureOutdated: number; ocr: string | null }

export function getDocument(db: Database, id: number): DocumentContent {
  const row = get<ContentRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, d.lang, d.dir, d.excerpt, d.text, d.blocks, d.ocr FROM documents d WHERE d.id = ?`,
    [id]
  )
  if (!row) throw new CoreError('NOT_FOUND', `Document ${id} does not exist.`)
  return { ...row, structureOutdated: !!row.structureOutdated, blocks: decodeBlocks(row.blocks), ocr: row.ocr ? (JSON.parse(row.ocr) as OcrInfo) : null }
}

export function getDocumentText(db: Database, id: number): { text: string; blocks: Block[]; title: string } {
  const row = get<{ text: string; blocks: string; title: string }>(db, 'SELECT text, blocks, title FROM documents WHERE id = ?', [id])
  if (!row) throw new CoreError('NOT_FOUND', `Document ${id} does not exist.`)
  return { text: row.text, blocks: decodeBlocks(row.blocks), title: row.title }
}

/**
 * The original file's bytes, unzipped here in the database worker, as a plain
 * Uint8Array (not Node's Buffer, which the e2e bridge cannot carry). The
 * reader's PDF view asks for it. It may come from the project's originals
 * folder (originals.ts).
 */
export function documentOriginal(db: Database, id: number): DocumentOriginal {
  const row = get<{ mediaType: string }>(db, 'SELECT media_type AS mediaType FROM documents WHERE id = ?', [id])
  if (!row) throw new CoreError('NOT_FOUND', `Document ${id} does not exist.`)
  // A copy: a view would carry its whole underlying (possibly pooled) buffer through postMessage.
  return { id, mediaType: row.mediaType, bytes: new Uint8Array(gunzipSync(originalGzip(db, id))) }
}

export function findBySha(db: Database, sha256: string): { id: number; title: string } | undefined {
  return get(db, 'SELECT id, title FROM documents WHERE sha256 = ?', [sha256])
}

export function insertDocument(db: Database, doc: NewDocument, now: string): number {
  return run(
    db,
    `INSERT INTO documents (title, byline, site_name, published_time, lang, dir, excerpt, source_path, media_type,
       file_size, sha256, original_gzip, text, blocks, imported_at, pages, extraction, ocr)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      doc.title,
      doc.byline,
      doc.siteName,
      doc.publishedTime,
      doc.lang,
      doc.dir,
      doc.excerpt,
      doc.sourcePath,
      doc.mediaType,
      doc.originalSize ?? doc.original.length,
      doc.sha256,
      doc.originalSize !== undefined ? new Uint8Array(0) : keepOriginal(db, doc.sha256, doc.original, gzipSync(doc.original)),
      doc.text,
      encodeBlocks(doc.blocks),
      now,
      doc.pages ?? null,
      doc.extraction ?? CURRENT_EXTRACTION,
      doc.ocr ? JSON.stringify(doc.ocr) : null
    ]
  ).lastId
}

/** The user's corrections to a document's metadata (its text never changes). */
export function updateDocumentMeta(db: Database, a: DocumentMetaEdit): DocumentSummary {
  getDocumentText(db, a.id)
  const cols: [keyof DocumentMetaEdit, string][] = [
    ['title', 'title'],
    ['byline', 'byline'],
    ['siteName', 'site_name'],
    ['publishedTime', 'published_time']
  ]
  for (const [key, col] of cols) {
    const v = a[key]
    if (v !== undefined) db.run(`UPDATE documents SET ${col} = ? WHERE id = ?`, [typeof v === 'string' && v.trim() === '' ? null : (v as string | null), a.id])
  }
  return summaryOf(all<SummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`, [a.id])[0]!)
}

export function countDocuments(db: Database): number {
  return get<{ n: number }>(db, 'SELECT count(*) AS n FROM documents')!.n
}

// Blocks are stored compactly as [start, end, kind] triples, with the page
// as a 4th element for paged formats (PDF): [start, end, kind, page], and a
// table's or list item's structure as a 5th: [start, end, kind, page|null,
// {head, spans, level, n}]. A key is there only when set, so documents
// stored before a key existed read back without it (no migration).
type BlockExtra = Pick<Block, 'head' | 'spans' | 'level' | 'n'>
type StoredBlock = [number, number, BlockKind, (number | null)?, BlockExtra?]

export function encodeBlocks(blocks: readonly Block[]): string {
  return JSON.stringify(
    blocks.map((b): StoredBlock => {
      const extra: BlockExtra = {}
      if (b.head !== undefined) extra.head = b.head
      if (b.spans?.length) extra.spans = b.spans
      if (b.level !== undefined) extra.level = b.level
      if (b.n !== undefined) extra.n = b.n
      if (Object.keys(extra).length) return [b.start, b.end, b.kind, b.page ?? null, extra]
      return b.page === undefined ? [b.start, b.end, b.kind] : [b.start, b.end, b.kind, b.page]
    })
  )
}

export function decodeBlocks(json: string): Block[] {
  return (JSON.parse(json) as StoredBlock[]).map(([start, end, kind, page, extra]) => {
    const b: Block = { start, end, kind }
    if (page !== undefined && page !== null) b.page = page
    if (extra) Object.assign(b, extra)
    return b
  })
}

/**
 * What DocumentSummary leaves out, for the CLI's listing: the language, and
 * the text's length in UTF-16 code units (SQLite's length() counts code points).
 */
export function documentDetails(db: Database): { id: number; lang: string | null; textLength: number }[] {
  return all<{ id: number; lang: string | null; text: string }>(db, 'SELECT id, lang, text FROM documents').map((d) => ({
    id: d.id,
    lang: d.lang,
    textLength: d.text.length
  }))
}
