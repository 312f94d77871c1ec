// Reading a file for import: its type by extension, size limit, bytes and
// hash. Kept apart from the parsers (jsdom, pdf.js, mammoth) so that main,
// which only reads files and hands them to the import worker, does not load them.
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { CoreError } from '../app/errors'
import type { ParsedDocument } from './types'

export const MAX_FILE_BYTES = 64 * 1024 * 1024

export const PDF = 'application/pdf'
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const MEDIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'text/html',
  '.pdf': PDF,
  '.docx': DOCX
}

export const IMPORTABLE_EXTENSIONS = Object.keys(MEDIA_TYPES).map((e) => e.slice(1))

export interface FileForImport {
  path: string
  bytes: Uint8Array
  sha256: string
  mediaType: string
}

export type ImportedDocument = ParsedDocument & { title: string }

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function mediaTypeOf(path: string): string | undefined {
  return MEDIA_TYPES[extname(path).toLowerCase()]
}

export function readForImport(path: string): FileForImport {
  const ext = extname(path).toLowerCase()
  const mediaType = MEDIA_TYPES[ext]
  if (!mediaType) throw new CoreError('IMPORT_FAILED', `unsupported file type ${ext || '(no extension)'}`)
  let size: number
  try {
    size = statSync(path).size
  } catch (e) {
    throw new CoreError('IMPORT_FAILED', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  if (size > MAX_FILE_BYTES) {
    throw new CoreError('IMPORT_FAILED', `too large (${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`)
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (e) {
    throw new CoreError('IMPORT_FAILED', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  return { path, bytes, sha256: sha256(bytes), mediaType }
}

