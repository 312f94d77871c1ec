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

export interface DocumentContent extends DocumentSummary {
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
  'documents.updateMeta': mutation({ args: documentMetaEditSchema, result: returns<DocumentSummary>(), changes: ['documents'] }),
  'import.cancel': query({ args: none, result: returns<{ cancelled: boolean }>(), runs: 'app' })
}
