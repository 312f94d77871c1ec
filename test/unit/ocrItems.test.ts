// Recognised lines to PDF text items, and the OCR record: the pure part of
// OCR (ocrItems.ts), on hand-made Tesseract output, so each rule is seen on
// its own (the real recogniser runs in importOcr.test.ts).
import { describe, expect, it } from 'vitest'
import type { OcrLine } from '../../src-main/core/import/ocr/engine'
import { MIN_LINE_CONFIDENCE, ocrInfo, ocrPageText } from '../../src-main/core/import/ocr/ocrItems'
import { layoutPages } from '../../src-main/core/import/pdfLayout'
import { pageRanges } from '../../src-renderer/src/reader/OcrNote'

/** A line of words at 300 DPI (scale 300/72): `top` and `baseline` in pixels, each word 40 px wide. */
function line(text: string, baseline: number, confidence = 95, x0 = 300, letter = 29): OcrLine {
  const words = text.split(' ').map((w, i) => ({ text: w, confidence, x0: x0 + i * 50, x1: x0 + i * 50 + 40, y0: baseline - letter, y1: baseline + 8 }))
  return { words, baseline, x0, x1: words.at(-1)!.x1, height: letter }
}

const SCALE = 300 / 72

describe('OCR lines as text items', () => {
  it('turns image pixels (y down) into PDF units (y up), one item per line, with a font size from the letter height', () => {
    const r = ocrPageText(3, 792, SCALE, { confidence: 95, lines: [line('The first line of a scanned page', 500), line('and the second line below it.', 550)] })
    expect(r.text.page).toBe(3)
    expect(r.text.items.map((i) => i.str)).toEqual(['The first line of a scanned page', 'and the second line below it.'])
    const [a, b] = r.text.items
    expect(a!.x).toBeCloseTo(300 / SCALE)
    expect(a!.y).toBeCloseTo(792 - 500 / SCALE)
    expect(b!.y).toBeLessThan(a!.y) // lower on the page
    expect(a!.size).toBe(10) // 29 px at 300 DPI = 7 pt of letter height ≈ a 10 pt font
    expect(a!.hasEOL).toBe(true)
    expect(r.confidence).toBe(95)
    // The layout reads them as one paragraph, like a text layer's lines.
    const layout = layoutPages([r.text])
    expect(layout.builder.text).toBe('The first line of a scanned page and the second line below it.')
  })

  it(`leaves out lines under ${MIN_LINE_CONFIDENCE} % (speckle, pictures) and calls a page with almost no letters blank`, () => {
    const r = ocrPageText(1, 792, SCALE, { confidence: 60, lines: [line('A real line of printed text here', 500, 92), line('~~ ;: ll1', 700, 20)] })
    expect(r.text.items.map((i) => i.str)).toEqual(['A real line of printed text here'])
    expect(r.confidence).toBe(92)
    const blank = ocrPageText(2, 792, SCALE, { confidence: 40, lines: [line('. ,', 500, 70), line('~~ ;: ll1 junk', 700, 30)] })
    expect(blank.text.items).toEqual([])
    expect(blank.confidence).toBeNull()
  })

  it('records the recognised pages with their confidence, weighted by characters; none when nothing was read', () => {
    expect(ocrInfo('eng', [{ page: 1, confidence: 90, chars: 3000 }, { page: 2, confidence: null, chars: 0 }, { page: 4, confidence: 60, chars: 1000 }])).toEqual({
      lang: 'eng',
      confidence: 82.5,
      pages: [
        { page: 1, confidence: 90 },
        { page: 4, confidence: 60 }
      ]
    })
    expect(ocrInfo('eng', [{ page: 1, confidence: null, chars: 0 }])).toBeNull()
  })

  it('names page ranges in the reader note', () => {
    expect(pageRanges([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8')
    expect(pageRanges([4])).toBe('4')
  })
})
