// From Tesseract's lines (image pixels, y down) to the text items the PDF
// layout reads (PDF units, y up), so recognised pages go through the same
// line, paragraph, hyphenation and running-header rules as pages with a
// text layer, and a mixed PDF reads as one document. Pure functions, tested
// without Tesseract.
//
// What counts as recognised text: a line is kept when its words' mean
// confidence reaches MIN_LINE_CONFIDENCE (speckle, photographs and rules in a
// scan come out as short lines of junk at 10–40 %, real print at 80–96 %);
// a page counts as recognised when what is kept holds at least
// MIN_PAGE_LETTERS letters or digits. Trade-off: a faint or damaged line of
// real text below the threshold is left out (better than junk in the
// canonical text, which can never be edited), and a page holding only a
// word or two reads as blank.
import type { OcrInfo } from '../../../contract/types'
import type { PdfPageText, PdfTextItem } from '../pdfLines'
import type { OcrLine, OcrPageResult } from './engine'

export const MIN_LINE_CONFIDENCE = 50
export const MIN_PAGE_LETTERS = 12

export interface RecognisedPage {
  text: PdfPageText
  /** Mean word confidence of the kept words, weighted by characters; null when nothing was kept. */
  confidence: number | null
}

const lettersIn = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length

function lineConfidence(l: OcrLine): number {
  let sum = 0
  let chars = 0
  for (const w of l.words) {
    sum += w.confidence * w.text.length
    chars += w.text.length
  }
  return chars ? sum / chars : 0
}

/**
 * One page's recognised lines as PDF text items: a line becomes one item
 * (its words joined by single spaces) whose baseline, left edge, width and
 * size are the line's, in PDF units. `scale` is pixels per PDF unit.
 */
export function ocrPageText(page: number, pageHeight: number, scale: number, result: OcrPageResult): RecognisedPage {
  const items: PdfTextItem[] = []
  let sum = 0
  let chars = 0
  let letters = 0
  for (const l of result.lines) {
    if (lineConfidence(l) < MIN_LINE_CONFIDENCE) continue
    const str = l.words.map((w) => w.text).join(' ')
    letters += lettersIn(str)
    for (const w of l.words) {
      sum += w.confidence * w.text.length
      chars += w.text.length
    }
    items.push({
      str,
      x: l.x0 / scale,
      y: pageHeight - l.baseline / scale,
      width: (l.x1 - l.x0) / scale,
      // A line's ascender-to-baseline height is about 0.7 of its font size;
      // whole points, as a recognised height jitters by a pixel or two.
      size: Math.max(1, Math.round(l.height / scale / 0.7)),
      hasEOL: true,
      dir: 'ltr'
    })
  }
  if (letters < MIN_PAGE_LETTERS) return { text: { page, height: pageHeight, items: [] }, confidence: null }
  return { text: { page, height: pageHeight, items }, confidence: chars ? sum / chars : null }
}

/** The document's OCR record from its recognised pages (null when none yielded text). */
export function ocrInfo(lang: string, pages: { page: number; confidence: number | null; chars: number }[]): OcrInfo | null {
  const kept = pages.filter((p): p is { page: number; confidence: number; chars: number } => p.confidence !== null)
  if (!kept.length) return null
  const chars = kept.reduce((n, p) => n + p.chars, 0)
  const mean = chars ? kept.reduce((s, p) => s + p.confidence * p.chars, 0) / chars : 0
  const r1 = (n: number) => Math.round(n * 10) / 10
  return { lang, confidence: r1(mean), pages: kept.map((p) => ({ page: p.page, confidence: r1(p.confidence) })) }
}
