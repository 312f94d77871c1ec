// One file in, one parsed document (or a plain-language reason) out.
//
// The app parses through parseIsolated (isolated.ts), which runs
// parseDocument below in a worker thread with time and memory caps; the
// synchronous parseForImport is the same for the text formats, in-process.
import { basename, extname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CoreError, isCoreError } from '../app/errors'
import { decodeText, looksBinary } from './decode'
import { parseDocx } from './docx'
import { parseHtml } from './html'
import { parseMarkdown } from './markdown'
import type { OcrOptions } from './ocr/ocrPages'
import { parsePdf } from './pdf'
import { parsePlainText } from './plainText'
import { DOCX, PDF, type FileForImport, type ImportedDocument } from './readFile'
import type { ParsedDocument } from './types'

export { DOCX, IMPORTABLE_EXTENSIONS, MAX_FILE_BYTES, mediaTypeOf, PDF, readForImport, sha256 } from './readFile'
export type { FileForImport, ImportedDocument } from './readFile'

export const MAX_TEXT_CHARS = 20 * 1024 * 1024

/** A short name of a media type for messages ("PDF", "Word document" ...). */
const KIND_NAME: Record<string, string> = {
  'text/plain': 'text',
  'text/markdown': 'Markdown',
  'text/html': 'a web page',
  [PDF]: 'a PDF',
  [DOCX]: 'a Word document'
}

const isText = (mediaType: string) => mediaType === 'text/plain' || mediaType === 'text/markdown' || mediaType === 'text/html'

function parseText(file: FileForImport): ParsedDocument {
  if (looksBinary(file.bytes)) {
    throw new CoreError('IMPORT_FAILED', `this is not ${KIND_NAME[file.mediaType] ?? 'text'}: it holds binary data (wrong file type or corrupt)`)
  }
  if (file.mediaType === 'text/html') return parseHtml(file.bytes, pathToFileURL(file.path).href)
  if (file.mediaType === 'text/markdown') return parseMarkdown(decodeText(file.bytes).text)
  return parsePlainText(decodeText(file.bytes).text)
}

/** The checks every parsed document goes through, and the file name as a last-resort title. */
function finish(file: FileForImport, parsed: ParsedDocument): ImportedDocument {
  if (!parsed.text.trim()) throw new CoreError('IMPORT_FAILED', 'the document has no readable text')
  if (parsed.text.length > MAX_TEXT_CHARS) throw new CoreError('IMPORT_FAILED', 'the document text is too long')
  const fallbackTitle = basename(file.path, extname(file.path))
  return { ...parsed, pages: parsed.pages ?? null, title: parsed.title ?? fallbackTitle }
}

function failure(file: FileForImport, e: unknown): CoreError {
  if (isCoreError(e)) return e
  if (e instanceof RangeError && /call stack|Invalid string length|Array buffer allocation/i.test(e.message)) {
    return new CoreError('IMPORT_FAILED', `the file is too large or too deeply nested to read as ${KIND_NAME[file.mediaType] ?? file.mediaType}`)
  }
  return new CoreError('IMPORT_FAILED', `the file could not be read as ${KIND_NAME[file.mediaType] ?? file.mediaType} (${(e as Error)?.message ?? String(e)})`)
}

/** Text, Markdown and HTML, synchronously and in-process (tests, benchmarks). */
export function parseForImport(file: FileForImport): ImportedDocument {
  if (!isText(file.mediaType)) {
    throw new CoreError('IMPORT_FAILED', `${KIND_NAME[file.mediaType] ?? file.mediaType} files are read with parseDocument or parseIsolated`)
  }
  let parsed: ParsedDocument
  try {
    parsed = parseText(file)
  } catch (e) {
    throw failure(file, e)
  }
  return finish(file, parsed)
}

/**
 * Every supported format. Throws CoreError('IMPORT_FAILED', reason) and
 * nothing else. `ocr` steers the OCR of a PDF's pages without a text layer
 * (its progress callback included).
 */
export async function parseDocument(file: FileForImport, ocr?: OcrOptions | false): Promise<ImportedDocument> {
  let parsed: ParsedDocument
  try {
    if (file.mediaType === PDF) {
      parsed = await parsePdf(file.bytes, { maxChars: MAX_TEXT_CHARS, ocr })
    } else if (file.mediaType === DOCX) {
      parsed = await parseDocx(file.bytes)
    } else if (isText(file.mediaType)) {
      parsed = parseText(file)
    } else {
      throw new CoreError('IMPORT_FAILED', `unsupported file type ${file.mediaType}`)
    }
  } catch (e) {
    throw failure(file, e)
  }
  return finish(file, parsed)
}
