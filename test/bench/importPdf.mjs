// PDF import against pdf.js alone: the same PDFs, every page's
// getTextContent() and nothing else, with the same loading options (no eval,
// character maps and standard fonts from the package). The import adds the
// layout (lines, paragraphs, hyphenation, headings), metadata and the trip
// to and from the import worker. Target from the issue: <= 1.2x.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { CORPUS_DIR } from './lib/paths.mjs'
import { collectGarbage } from './lib/gc.mjs'
import { loadImporter, timeRuns } from './lib/importer.mjs'
import { median, round } from './lib/stats.mjs'

export const PDF_RATIO_TARGET = 1.2
const ROUNDS = 5
const FILES = ['tracemonkey.pdf', 'TAMReview.pdf', '160F-2019.pdf', 'arial_unicode_en_cidfont.pdf']

async function loadPdfJs() {
  globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  return import('pdfjs-dist/legacy/build/pdf.mjs')
}

export async function benchImportPdf({ log }) {
  const imp = await loadImporter()
  const pdfjs = await loadPdfJs()
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  const options = {
    cMapUrl: join(root, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + sep,
    useWorkerFetch: false,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0
  }
  const rawText = async (bytes) => {
    const task = pdfjs.getDocument({ data: new Uint8Array(bytes), ...options })
    const doc = await task.promise
    let items = 0
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p)
      items += (await page.getTextContent()).items.length
      page.cleanup()
    }
    await task.destroy()
    return { pages: doc.numPages, items }
  }
  let rawTotal = 0
  let importTotal = 0
  let pagesTotal = 0
  const results = []
  for (const name of FILES) {
    const path = join(CORPUS_DIR, 'pdf', name)
    const bytes = readFileSync(path)
    const file = { path, bytes: new Uint8Array(bytes), sha256: imp.sha256(bytes), mediaType: 'application/pdf' }
    collectGarbage()
    const { pages } = await rawText(bytes)
    const raw = median(await timeRuns(() => rawText(bytes), ROUNDS))
    const imported = median(await timeRuns(() => imp.parseIsolated(file), ROUNDS))
    rawTotal += raw
    importTotal += imported
    pagesTotal += pages
    log(`${name.padEnd(30)} ${String(pages).padStart(3)} pages: raw getTextContent ${round(raw).toString().padStart(7)} ms, import ${round(imported).toString().padStart(7)} ms (${round(imported / raw, 2)}x)`)
    results.push({ name: `pdf_${name.replace(/\W+/g, '_').replace(/_pdf$/, '')}_ratio`, value: round(imported / raw, 2), unit: 'x' })
  }
  log(`all ${pagesTotal} pages: raw ${round(rawTotal)} ms, import ${round(importTotal)} ms`)
  return [
    { name: 'pdf_raw_gettextcontent_ms_per_page', value: round(rawTotal / pagesTotal, 2), unit: 'ms' },
    { name: 'pdf_import_ms_per_page', value: round(importTotal / pagesTotal, 2), unit: 'ms' },
    { name: 'pdf_import_vs_raw_ratio', value: round(importTotal / rawTotal, 2), unit: 'x', target: PDF_RATIO_TARGET },
    ...results
  ]
}
