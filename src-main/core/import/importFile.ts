// One file in, one parsed document (or a plain-language reason) out.
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CoreError } from '../app/errors'
import { decodeText } from './decode'
import { parseHtml } from './html'
import { parseMarkdown } from './markdown'
import { parsePlainText } from './plainText'
import type { ParsedDocument } from './types'

export const MAX_FILE_BYTES = 64 * 1024 * 1024
export const MAX_TEXT_CHARS = 20 * 1024 * 1024

const MEDIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'text/html'
}

export const IMPORTABLE_EXTENSIONS = Object.keys(MEDIA_TYPES).map((e) => e.slice(1))

export interface FileForImport {
  path: string
  bytes: Uint8Array
  sha256: string
  mediaType: string
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
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
  const bytes = readFileSync(path)
  return { path, bytes, sha256: sha256(bytes), mediaType }
}

export function parseForImport(file: FileForImport): ParsedDocument & { title: string } {
  let parsed: ParsedDocument
  try {
    if (file.mediaType === 'text/html') parsed = parseHtml(file.bytes, pathToFileURL(file.path).href)
    else if (file.mediaType === 'text/markdown') parsed = parseMarkdown(decodeText(file.bytes).text)
    else parsed = parsePlainText(decodeText(file.bytes).text)
  } catch (e) {
    throw new CoreError('IMPORT_FAILED', `the file could not be read as ${file.mediaType} (${(e as Error).message})`)
  }
  if (!parsed.text.trim()) throw new CoreError('IMPORT_FAILED', 'the document has no readable text')
  if (parsed.text.length > MAX_TEXT_CHARS) throw new CoreError('IMPORT_FAILED', 'the document text is too long')
  const fallbackTitle = basename(file.path, extname(file.path))
  return { ...parsed, title: parsed.title ?? fallbackTitle }
}
