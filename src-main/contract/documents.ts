// Documents: the project's library, one document's canonical text, imports
// and the metadata the analyst corrects. Offsets are UTF-16 code units into
// a document's canonical text everywhere in the contract.
import { z } from 'zod'
import { filePath, id, mutation, none, query, returns } from './define'

/** Offsets are UTF-16 code-unit indexes into a document's canonical text. */
export interface TextSpan {
  start: number
  end: number
}

export type BlockKind =
  | 'p'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'li'
  | 'quote'
  | 'pre'
  | 'row'
  | 'table'

/**
 * A block of the canonical text: a paragraph, heading, list item ...
 * A `table` block's text is its rows joined by "\n" and each row's cells by
 * "\t" (cells never hold either), so its rows and cells are read from the
 * text itself and their offsets index the canonical text exactly. A `row`
 * (one row of tab-separated cells) is how documents imported before
 * extraction 2 hold a table.
 *
 * A merged cell (colspan/rowspan in the source) is one cell of the text,
 * where it starts: the rows beside or below it have fewer cells, and the
 * text never holds invented empty cells (tags point at its offsets). How
 * far it reaches is kept beside the text, in `spans`, for the reader.
 */
export interface Block extends TextSpan {
  kind: BlockKind
  /** The 1-based page the block is on (PDF only). */
  page?: number
  /** A table's header rows, counted from its first row. */
  head?: number
  /**
   * A table's merged cells, only those wider or taller than one: each is
   * [row, cell, colspan, rowspan], row and cell counted from 0 in the
   * block's text (cell = its place among its row's tab-separated cells),
   * the spans in the rows and columns the reader draws. A rowspan never
   * reaches past the table's last row, nor from the header rows into the
   * body. Absent on tables without merged cells and on documents imported
   * before it was kept (no migration: their merged cells draw ragged rows).
   */
  spans?: CellSpan[]
  /** A list item's nesting depth (0 for a top-level item, absent then). */
  level?: number
  /** An ordered list item's number (absent for bullets). */
  n?: number
}

/** A merged table cell: [row, cell, colspan, rowspan] (see Block.spans). */
export type CellSpan = [row: number, cell: number, colspan: number, rowspan: number]

export { CURRENT_EXTRACTION } from './extraction'

/** What `documents.reimport` did with a document's tags. */
export interface ReimportResult {
  documentId: number
  /** Tags (mentions) and claim passages found unchanged in the new text and moved there. */
  carried: number
  /** Those whose words are not in the new text: left where they were, listed in the reader's tag review. */
  unplaced: UnplacedAnchor[]
}

export interface UnplacedAnchor {
  kind: 'mention' | 'claim'
  id: number
  quote: string
}

export interface DocumentSummary {
  id: number
  title: string
  byline: string | null
  siteName: string | null
  publishedTime: string | null
  sourcePath: string
  mediaType: string
  fileSize: number
  sha256: string
  importedAt: string
  textLength: number
  mentionCount: number
  /** Page count of a PDF; null for formats without pages. */
  pages: number | null
  /** The extraction its text was made by (CURRENT_EXTRACTION for new imports). */
  extraction: number
  /** A re-import would keep tables or lists this document's text flattened (see documents.reimport). */
  structureOutdated: boolean
}

/** How a PDF's pages without a text layer were read: recognised by OCR. */
export interface OcrInfo {
  /** The recogniser's language data ("eng"). */
  lang: string
  /** Mean word confidence over the recognised pages, 0–100 (weighted by characters). */
  confidence: number
  /** The recognised pages (1-based), each with its mean word confidence. */
  pages: { page: number; confidence: number }[]
}

export interface DocumentContent extends DocumentSummary {
  /** Set when some pages' text was recognised by OCR (their blocks carry those page numbers); null otherwise. */
  ocr?: OcrInfo | null
  lang: string | null
  dir: 'ltr' | 'rtl' | null
  excerpt: string | null
  text: string
  blocks: Block[]
}

export interface ImportResult {
  path: string
  status: 'imported' | 'duplicate' | 'failed' | 'cancelled'
  documentId?: number
  title?: string
  reason?: string
}

export interface ImportProgress {
  done: number
  total: number
  /** The file being read, or null when the import has finished. */
  current: string | null
  /** Pages of the current file recognised by OCR so far: done of total (absent when none). */
  ocr?: { done: number; total: number }
}

/** A document's original file, as imported (the bytes stored in the project, never re-read from its path). */
export interface DocumentOriginal {
  id: number
  mediaType: string
  bytes: Uint8Array
}

export const documentMetaEditSchema = z
  .object({
    id,
    title: z.string().trim().min(1, 'a title is required').max(1000).optional(),
    byline: z.string().trim().max(1000).nullable().optional(),
    siteName: z.string().trim().max(1000).nullable().optional(),
    publishedTime: z.string().trim().max(100).nullable().optional()
  })
  .strict()
export type DocumentMetaEdit = z.infer<typeof documentMetaEditSchema>

/** An import changes the library (and the project's counts) only when a file came in. */
const imported = (r: ImportResult[]) => (r.some((x) => x.status === 'imported') ? (['documents', 'project'] as const) : [])

export const documentsContract = {
  'documents.list': query({ args: none, result: returns<DocumentSummary[]>() }),
  'documents.get': query({ args: z.object({ id }).strict(), result: returns<DocumentContent>() }),
  'documents.original': query({ args: z.object({ id }).strict(), result: returns<DocumentOriginal>() }),
  'documents.openFiles': mutation({ args: none, result: returns<ImportResult[]>(), runs: 'app', changes: imported }),
  'documents.importFolder': mutation({ args: none, result: returns<ImportResult[]>(), runs: 'app', changes: imported }),
  'documents.importDropped': mutation({
    args: z.object({ paths: z.array(filePath).min(1).max(5000) }).strict(),
    result: returns<ImportResult[]>(),
    runs: 'app',
    changes: imported
  }),
  // Re-extracts the document from its stored original with the current
  // extraction; tags move only where their exact words are found (undoable).
  'documents.reimport': mutation({
    args: z.object({ id }).strict(),
    result: returns<ReimportResult>(),
    runs: 'app',
    changes: ['documents', 'mentions', 'claims', 'history']
  }),
  'documents.updateMeta': mutation({ args: documentMetaEditSchema, result: returns<DocumentSummary>(), changes: ['documents'] }),
  'import.cancel': query({ args: none, result: returns<{ cancelled: boolean }>(), runs: 'app' })
}
