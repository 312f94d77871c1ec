// The open PDF of the document in the reader, read ahead while its text is
// shown and kept while it stays in the reader: clicking Original then only
// draws a page (test/bench/original.mjs: the first click cost 640 ms, of
// which 250 went to reading the bytes and opening them in pdf.js's worker).
//
// Trade-offs: one PDF (the reader's) is held at a time, bytes and pdf.js's
// parse of it, even if the user never looks at the Original; files larger
// than READ_AHEAD_MAX_BYTES are only opened when asked for, and another
// document (or one without pages) in the reader closes it. Entries are keyed
// by the file's SHA-256, not the document id, so a project opened after
// another never sees its predecessor's document 3.
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { DocumentSummary } from '@contract/types'
import { call } from '../../api'
import { openPdf } from './pdfjs'

/** Larger PDFs are read when the Original view asks, not ahead. */
export const READ_AHEAD_MAX_BYTES = 48 * 1024 * 1024

type Doc = Pick<DocumentSummary, 'id' | 'sha256'>

let held: { key: string; pdf: Promise<PDFDocumentProxy> } | null = null

const keyOf = (doc: Doc) => `${doc.sha256}:${doc.id}`

/** The document's PDF, opened from the bytes stored in the project (once while it stays in the reader). */
export function pdfFor(doc: Doc): Promise<PDFDocumentProxy> {
  const key = keyOf(doc)
  if (held?.key === key) return held.pdf
  release()
  const pdf = (async () => {
    const original = await call('documents.original', { id: doc.id })
    return openPdf(original.bytes)
  })()
  const entry = { key, pdf }
  held = entry
  // A file that could not be read is asked for again next time, not remembered as broken.
  pdf.catch(() => {
    if (held === entry) held = null
  })
  return pdf
}

/** Reads the reader's PDF ahead (small enough ones), or closes the one held when the reader shows something else. */
export function readAhead(doc: (Doc & Pick<DocumentSummary, 'fileSize'>) | null): void {
  if (!doc) return release()
  if (held?.key === keyOf(doc)) return
  if (doc.fileSize > READ_AHEAD_MAX_BYTES) return release()
  pdfFor(doc).catch(() => {}) // the Original view says what went wrong when it is opened
}

/** Closes the PDF held (pdf.js's worker frees its parse; pages being drawn from it stop quietly). */
export function release(): void {
  const old = held
  held = null
  old?.pdf.then((p) => p.destroy(), () => {})
}
