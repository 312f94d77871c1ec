// HTML import per page against the bare tools it is built on: the same saved
// pages (the corpus) parsed by jsdom and read by Readability, nothing else.
// The import adds the charset decision, the nesting limit, DOMPurify, the
// block builder and the trip to and from the import worker. Target from the
// issue: import <= 1.5x the raw parse + Readability.
//
// Two raw baselines: a JSDOM per page (the usual way to run Readability in
// Node) and DOMParser on one shared window (what the importer itself uses);
// the ratio is taken against the faster of the two.
import { readFileSync } from 'node:fs'
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { corpusPages } from './lib/articles.mjs'
import { collectGarbage } from './lib/gc.mjs'
import { loadImporter, timeRuns } from './lib/importer.mjs'
import { median, round } from './lib/stats.mjs'

export const HTML_RATIO_TARGET = 1.5
const ROUNDS = 5

export async function benchImportHtml({ log }) {
  const imp = await loadImporter()
  const window = new JSDOM('', { virtualConsole: new VirtualConsole() }).window
  const pages = corpusPages().map((p) => {
    const bytes = readFileSync(p.path)
    return { ...p, bytes, file: { path: p.path, bytes: new Uint8Array(bytes), sha256: imp.sha256(bytes), mediaType: 'text/html' } }
  })
  // jsdom reports stylesheets it cannot parse on the console; keep the output readable.
  const quiet = console.error
  console.error = () => {}
  const totals = { jsdom: 0, domParser: 0, inProcess: 0, isolated: 0 }
  try {
    for (const page of pages) {
      collectGarbage()
      const jsdom = median(
        await timeRuns(() => {
          const dom = new JSDOM(page.bytes, { virtualConsole: new VirtualConsole() })
          new Readability(dom.window.document).parse()
          dom.window.close()
        }, ROUNDS)
      )
      const domParser = median(
        await timeRuns(() => {
          const doc = new window.DOMParser().parseFromString(new TextDecoder().decode(page.bytes), 'text/html')
          new Readability(doc).parse()
        }, ROUNDS)
      )
      const inProcess = median(await timeRuns(() => imp.parseForImport(page.file), ROUNDS))
      const isolated = median(await timeRuns(() => imp.parseIsolated(page.file), ROUNDS))
      totals.jsdom += jsdom
      totals.domParser += domParser
      totals.inProcess += inProcess
      totals.isolated += isolated
      log(`${page.name.padEnd(15)} raw jsdom ${round(jsdom).toString().padStart(6)} ms, raw DOMParser ${round(domParser).toString().padStart(6)} ms, import in-process ${round(inProcess).toString().padStart(6)} ms, import in the worker ${round(isolated).toString().padStart(6)} ms`)
    }
  } finally {
    console.error = quiet
    window.close()
  }
  const n = pages.length
  const raw = Math.min(totals.jsdom, totals.domParser)
  log(`per page (mean of the ${n} pages' medians): raw jsdom ${round(totals.jsdom / n)} ms, raw DOMParser ${round(totals.domParser / n)} ms, import ${round(totals.isolated / n)} ms`)
  return [
    { name: 'html_raw_jsdom_readability_ms_per_page', value: round(totals.jsdom / n), unit: 'ms' },
    { name: 'html_raw_domparser_readability_ms_per_page', value: round(totals.domParser / n), unit: 'ms' },
    { name: 'html_import_in_process_ms_per_page', value: round(totals.inProcess / n), unit: 'ms' },
    { name: 'html_import_ms_per_page', value: round(totals.isolated / n), unit: 'ms' },
    { name: 'html_import_vs_raw_ratio', value: round(totals.isolated / raw, 2), unit: 'x', target: HTML_RATIO_TARGET },
    { name: 'html_import_vs_raw_jsdom_ratio', value: round(totals.isolated / totals.jsdom, 2), unit: 'x' }
  ]
}
