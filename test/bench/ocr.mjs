// OCR of a scanned PDF through the app's own path (parseIsolated: the import
// worker renders each page with pdf.js at 300 DPI and recognises it with
// tesseract.js in its own thread), timed per page from the worker's progress
// messages, while main's event loop is watched: a scan of many pages must
// never block the UI (target: main blocked < 16 ms; ≤ 5 s per page on the
// project's 2-core machines). On a loaded machine the wall times measure
// the other work too: the CPU time of all our threads is reported beside
// them, and divided by the cores we use as an idle-machine estimate. The scan: pages 1–4 of tracemonkey.pdf
// rendered at 300 DPI into an image-only PDF (test/support/makeScan.mjs).
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { imagePdf, renderPages } from '../support/makeScan.mjs'
import { wordAccuracy } from '../support/wordAccuracy.mjs'
import { loadImporter } from './lib/importer.mjs'
import { startLoopMonitor } from './lib/loopMonitor.mjs'
import { CORPUS_DIR } from './lib/paths.mjs'
import { tempDir } from './lib/tempDir.mjs'

const PAGES = [1, 2, 3, 4]
export const OCR_SECONDS_PER_PAGE_TARGET = 5

export async function benchOcr({ log, warn }) {
  const imp = await loadImporter()
  const work = tempDir('rwb-bench-ocr-')
  try {
    const original = join(CORPUS_DIR, 'pdf', 'tracemonkey.pdf')
    const path = join(work.dir, 'scan.pdf')
    writeFileSync(path, imagePdf(await renderPages(readFileSync(original), PAGES, 300)))
    const file = imp.readForImport(path)
    const starts = []
    // The worst gap's breakdown reads /proc at every tick (main's CPU time), which costs main time of its own: only when asked.
    const stop = startLoopMonitor({ explain: !!process.env.RWB_BENCH_VERBOSE })
    // CPU time of every thread of this process (main, the import worker, the recognisers): on a loaded
    // machine the wall time measures the other work, the CPU time still measures ours.
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const doc = await imp.parseIsolated(file, { onOcrProgress: (done) => (starts[done] = performance.now()) })
    const ms = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    const loop = stop()
    const cpuPerPage = (cpu.user + cpu.system) / 1e6 / PAGES.length
    const cores = Math.min(2, availableParallelism())
    const perPage = starts.slice(1).map((t, i) => (t - starts[i]) / 1000)
    const ocrSeconds = (starts[PAGES.length] - starts[0]) / 1000
    const truth = await imp.parseIsolated(imp.readForImport(original))
    const truthText = truth.blocks.filter((b) => PAGES.includes(b.page)).map((b) => truth.text.slice(b.start, b.end)).join('\n')
    const score = wordAccuracy(truthText, doc.text)
    if (!doc.ocr || doc.ocr.pages.length !== PAGES.length) warn(`expected ${PAGES.length} recognised pages, got ${JSON.stringify(doc.ocr?.pages)}`)
    log(`${PAGES.length} pages at 300 DPI in ${(ms / 1000).toFixed(1)} s (OCR ${ocrSeconds.toFixed(1)} s; pages finished at ${starts.slice(1).map((t) => ((t - starts[0]) / 1000).toFixed(1)).join(', ')} s; the first includes starting the recogniser)`)
    log(`word accuracy ${(score.accuracy * 100).toFixed(1)} % over ${score.truthWords} words; mean confidence ${doc.ocr?.confidence}`)
    log(`CPU ${cpuPerPage.toFixed(1)} s a page over all threads: on ${cores} idle cores about ${(cpuPerPage / cores).toFixed(1)} s a page`)
    log(`main blocked at most ${loop.worstMs.toFixed(1)} ms (histogram ${loop.histMaxMs.toFixed(1)}, gap sampler ${loop.gapMaxMs.toFixed(1)}); main busy ${loop.busyMs.toFixed(0)} ms in all${loop.sched ? `, waited ${loop.sched.runqWaitMs.toFixed(0)} ms for a CPU` : ''}`)
    // What the sampler's longest gap was made of, and when (seconds after the OCR began; pages finished at the times above).
    const gap = loop.worstGap
    if (gap) log(`  its longest gap, ${gap.ms.toFixed(1)} ms at ${((gap.from - starts[0]) / 1000).toFixed(1)} s: main on a CPU ${gap.onCpuMs.toFixed(1)} ms, garbage collection over ${gap.gcMs.toFixed(1)} ms of it, waiting for a CPU ${gap.waitMs.toFixed(1)} ms, asleep ${gap.asleepMs.toFixed(1)} ms`)
    return [
      { name: 'ocr_seconds_per_page_300dpi', value: +(ocrSeconds / PAGES.length).toFixed(2), unit: 's', target: OCR_SECONDS_PER_PAGE_TARGET },
      { name: 'ocr_cpu_seconds_per_page', value: +cpuPerPage.toFixed(2), unit: 's' },
      { name: 'ocr_idle_estimate_seconds_per_page', value: +(cpuPerPage / cores).toFixed(2), unit: 's', target: OCR_SECONDS_PER_PAGE_TARGET },
      { name: 'ocr_main_busy_ms', value: +loop.busyMs.toFixed(0), unit: 'ms' },
      { name: 'ocr_slowest_page_s', value: +Math.max(...perPage).toFixed(2), unit: 's' },
      { name: 'ocr_word_accuracy_pct', value: +(score.accuracy * 100).toFixed(1), unit: '%' },
      { name: 'ocr_main_blocked_max_ms', value: +loop.worstMs.toFixed(1), unit: 'ms', target: 16 }
    ]
  } finally {
    work.cleanup()
  }
}
