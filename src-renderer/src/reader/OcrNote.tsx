// The note on a document whose text was (partly) recognised by OCR: which
// pages, and how sure the recogniser was, so a quote is checked against the
// original before it goes into a report. The blocks of those pages carry a
// mark of their own (BlockView, ocr.css).
import type { DocumentContent } from '@contract/types'

/** "1–3, 5, 7–8" from sorted page numbers. */
export function pageRanges(pages: readonly number[]): string {
  const out: string[] = []
  for (let i = 0; i < pages.length; ) {
    let j = i
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++
    out.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`)
    i = j + 1
  }
  return out.join(', ')
}

export function OcrNote({ doc }: { doc: DocumentContent }) {
  if (!doc.ocr || !doc.ocr.pages.length) return null
  const pages = doc.ocr.pages.map((p) => p.page)
  const all = doc.pages !== null && pages.length === doc.pages
  const where = all ? (pages.length === 1 ? 'this page' : `all ${pages.length} pages`) : `${pages.length === 1 ? 'page' : 'pages'} ${pageRanges(pages)} of ${doc.pages ?? '?'}`
  return (
    <div className="doc-ocr-note" role="note" aria-label="Recognised by OCR">
      Scanned: the text of {where} was recognised by OCR (mean word confidence {Math.round(doc.ocr.confidence)} %). It may hold misread
      words; check quotes against the original file.
    </div>
  )
}
