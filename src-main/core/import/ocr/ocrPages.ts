// OCR of a PDF's pages that have no text layer: each page is rendered
// (renderPage.ts) and recognised (engine.ts), and its lines become text
// items for the layout (ocrItems.ts). Runs inside the import worker; the
// caller hears of each page as it is finished (a progress bar, and the
// import worker's time cap, which becomes a cap per page).
//
// Parallel: up to two recognisers (each a Tesseract thread) work on
// different pages; each starts while its first page renders, and this
// thread renders a recogniser's next page while it recognises the current
// one, so a recogniser never waits between pages (the OCR bench, run in
// alternating pairs on one machine: 8–15 % less wall time than rendering
// each page only once its recogniser was free). The cost is memory: up to
// two page images (8.4 MB each at 300 DPI, A4) per recogniser at a time.
// Pages that draw nothing (no image, no path: a truly empty page) are
// skipped without rendering.
//
// Trade-off: 300 DPI, Tesseract's recommended resolution for body text:
// lower is faster but loses small print (footnotes, captions); higher costs
// time for no accuracy on ordinary scans.
import { availableParallelism } from 'node:os'
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api'
import type { OcrInfo } from '../../../contract/types'
import type { PdfPageText } from '../pdfLines'
import { startOcrEngine, type OcrEngine, type OcrLanguage } from './engine'
import { ocrInfo, ocrPageText, type RecognisedPage } from './ocrItems'
import { renderPageImage, type PageImage } from './renderPage'

export const OCR_DPI = 300
/**
 * Recognisers run side by side: two on a machine of two cores or more (each
 * ~100–150 MB while it runs). Tesseract uses one core each, and this
 * thread's rendering fits in while they wait for pages.
 */
export const OCR_THREADS = Math.min(2, Math.max(1, availableParallelism()))

export interface OcrOptions {
  dpi?: number
  lang?: OcrLanguage
  /** How many recognisers to run side by side (default OCR_THREADS). */
  threads?: number
  /** Called with 0 before the first page, then as each page is finished (done === total at the end). */
  onProgress?: (done: number, total: number) => void
}

export interface OcrResult {
  /** Recognised pages' text items, by page number (pages without recognisable text have none). */
  texts: Map<number, PdfPageText>
  info: OcrInfo | null
}

// pdf.js operator codes (OPS) that put ink on a page other than text.
const INK_OPS = new Set([20, 21, 22, 23, 24, 25, 26, 27, 83, 84, 85, 86, 87, 88, 89, 90, 91])

async function hasInk(doc: PDFDocumentProxy, n: number): Promise<boolean> {
  const page = await doc.getPage(n)
  const ops = await page.getOperatorList()
  return ops.fnArray.some((op) => INK_OPS.has(op))
}

async function render(doc: PDFDocumentProxy, n: number, dpi: number): Promise<PageImage | null> {
  if (!(await hasInk(doc, n))) return null
  const page = await doc.getPage(n)
  try {
    return await renderPageImage(page, doc.canvasFactory, dpi)
  } finally {
    page.cleanup()
  }
}

export async function recognisePages(doc: PDFDocumentProxy, pages: number[], opts: OcrOptions = {}): Promise<OcrResult> {
  const dpi = opts.dpi ?? OCR_DPI
  const lang = opts.lang ?? 'eng'
  const threads = Math.max(1, Math.min(opts.threads ?? OCR_THREADS, pages.length))
  const results: (RecognisedPage | null)[] = new Array(pages.length).fill(null)
  const engines: OcrEngine[] = []
  let next = 0
  let done = 0
  let failed = false
  // Starts this loop's recogniser (once), beside whatever this thread is rendering.
  const startEngine = () => {
    const started = startOcrEngine(lang)
    started.then((e) => engines.push(e), () => {})
    return started
  }
  // Claims the next page and starts rendering it (null when none is left).
  const claim = () => {
    if (failed || next >= pages.length) return null
    const i = next++
    const image = render(doc, pages[i]!, dpi)
    image.catch(() => {}) // awaited below; a page rendered ahead must not be an unhandled rejection if the loop stops first
    return { i, image }
  }
  // One loop per recogniser: while it recognises one page, this thread renders
  // the loop's next, so a recogniser never waits for a render between pages.
  const loop = async () => {
    let job = claim()
    // The recogniser starts while the first page renders (it loads its model in its own thread).
    const engine = job ? startEngine() : null
    engine?.catch(() => {}) // a scan of blank pages never asks for it; a failure to start is thrown where it is
    while (job && !failed) {
      const image = await job.image
      const current = job
      job = claim()
      if (image) {
        const result = await (await engine!).recognise(image.pgm, Math.round(image.scale * 72))
        results[current.i] = ocrPageText(pages[current.i]!, image.pageHeight, image.scale, result)
      }
      opts.onProgress?.(++done, pages.length)
    }
    // A page claimed but not recognised (another loop failed) and a recogniser never used are still
    // waited for, so neither outlives this call (every started recogniser is in `engines` to be closed).
    await job?.image.catch(() => {})
    await engine?.catch(() => {})
  }
  opts.onProgress?.(0, pages.length)
  // Every loop is waited for (a failure stops the others after their page), so no recogniser outlives this call.
  const settled = await Promise.allSettled(
    Array.from({ length: threads }, () =>
      loop().catch((e: unknown) => {
        failed = true
        throw e
      })
    )
  )
  await Promise.all(engines.map((e) => e.close()))
  const failure = settled.find((r) => r.status === 'rejected')
  if (failure) throw failure.reason
  const texts = new Map<number, PdfPageText>()
  const records: { page: number; confidence: number | null; chars: number }[] = []
  results.forEach((r, i) => {
    if (!r) return
    if (r.confidence !== null) texts.set(pages[i]!, r.text)
    records.push({ page: pages[i]!, confidence: r.confidence, chars: r.text.items.reduce((n, it) => n + it.str.length, 0) })
  })
  return { texts, info: ocrInfo(lang, records) }
}
