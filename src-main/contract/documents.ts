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

/** A block of the canonical text: a paragraph, heading, list item ... */
export interface Block extends TextSpan {
  kind: BlockKind
  /** The 1-based page the block is on (PDF only). */
  page?: number
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
  'documents.openFiles': mutation({ args: none, result: returns<ImportResult[]>(), runs: 'app', changes: imported }),
  'documents.importFolder': mutation({ args: none, result: returns<ImportResult[]>(), runs: 'app', changes: imported }),
  'documents.importDropped': mutation({
    args: z.object({ paths: z.array(filePath).min(1).max(5000) }).strict(),
    result: returns<ImportResult[]>(),
    runs: 'app',
    changes: imported
  }),
  'documents.updateMeta': mutation({ args: documentMetaEditSchema, result: returns<DocumentSummary>(), changes: ['documents'] }),
  'import.cancel': query({ args: none, result: returns<{ cancelled: boolean }>(), runs: 'app' })
}
