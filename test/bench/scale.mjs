// A 10,000-article project (the real corpus pages with their real original
// files, as save.mjs does for 1,000): import, durable edits, tagging, full
// save (compaction), close, open, search; wall times, main-loop stalls
// (everything runs in the database worker: main must never block > 16 ms)
// and the benchmark process's RSS (main + database worker + the parsed
// corpus); then the whole app's memory with the project open (rss_mb_*:
// main, its workers and Chromium, lib/appMemory.mjs).
//
// Trade-off: the articles go in already parsed, one documents.insert each
// (one journal record and one original file each, as the app's import
// stores a file), without the importers' parsing: this measures the
// project's scale, not the importers (importMany.mjs does). Main's stalls
// are watched through each run of 100 inserts; one insertMany of 100 (as
// before) measured a 7 MB message no part of the app ever sends.
// RWB_BENCH_SCALE_ARTICLES sets another size (e.g. 3000 to try it quickly).
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { statSync } from 'node:fs'
import { makeArticle, parseCorpusIsolated } from './lib/articles.mjs'
import { collectGarbage } from './lib/gc.mjs'
import { measureAppMemory } from './lib/appMemory.mjs'
import { loadMainModules } from './lib/mainModules.mjs'
import { measureOnMain, sleep } from './lib/loopMonitor.mjs'
import { max, median, round } from './lib/stats.mjs'
import { tempDir } from './lib/tempDir.mjs'

const DEFAULTS = { articles: Number(process.env.RWB_BENCH_SCALE_ARTICLES ?? 10_000), edits: 40, searches: 21 }

function p95(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]
}

const rssMb = () => process.memoryUsage().rss / 1e6

export async function benchScale(options = {}) {
  const { articles, edits, searches } = { ...DEFAULTS, ...options }
  const log = options.log ?? (() => {})
  // Main's modules only (the database's class as main has it); the corpus is parsed in a thread of its own.
  const core = await loadMainModules(['ProjectDb'])
  const tmp = tempDir('rwb-bench-scale-')
  const file = join(tmp.dir, 'scale.rwb')
  const L = `${articles}_articles`
  const results = []
  const stalls = []
  const timed = async (what, fn) => {
    collectGarbage()
    await sleep(30)
    const m = await measureOnMain(fn)
    stalls.push(m.worstMs)
    log(`${what}: ${round(m.wallMs)} ms, main blocked ${round(m.worstMs)} ms, RSS ${round(rssMb(), 0)} MB`)
    return m
  }
  try {
    const corpus = await parseCorpusIsolated()
    log(`parsed ${corpus.parsed.length} corpus pages in ${round(corpus.ms / 1000, 1)} s; RSS ${round(rssMb(), 0)} MB`)
    let db = await core.ProjectDb.open(file, { create: true, saveDelayMs: 60 * 60_000 })
    let docId = 0
    try {
      const t0 = performance.now()
      let worstInsertStall = 0
      let worstGap = null
      // Articles are made 100 at a time outside the watched span (making them is the bench's own work on main).
      for (let first = 1; first <= articles; first += 100) {
        const docs = []
        for (let n = first; n < first + 100 && n <= articles; n++) docs.push(makeArticle(corpus.parsed, n))
        const m = await measureOnMain(
          async () => {
            for (const doc of docs) {
              const id = await db.call('documents.insert', doc)
              docId ||= id
            }
          },
          { explain: true }
        )
        worstInsertStall = Math.max(worstInsertStall, m.worstMs)
        if (m.worstGap && m.worstGap.ms > (worstGap?.ms ?? 0)) worstGap = m.worstGap
      }
      const importMs = performance.now() - t0
      const counted = (await db.call('project.counts', {})).documentCount
      if (counted !== articles) throw new Error(`expected ${articles} documents, found ${counted}`)
      const made = worstGap
        ? `; its longest gap, ${round(worstGap.ms)} ms: main on a CPU ${round(worstGap.onCpuMs)} ms, garbage collection (wall time, its helpers included) over ${round(worstGap.gcMs)} ms of it, waiting for a CPU ${round(worstGap.waitMs)} ms, asleep ${round(worstGap.asleepMs)} ms`
        : ''
      log(`imported ${articles} articles in ${round(importMs / 1000, 1)} s (main blocked at most ${round(worstInsertStall)} ms${made}); RSS ${round(rssMb(), 0)} MB`)
      stalls.push(worstInsertStall)
      if (worstGap) {
        results.push(
          { name: `import_${L}_worst_gap_on_cpu_ms`, value: round(worstGap.onCpuMs), unit: 'ms' },
          { name: `import_${L}_worst_gap_gc_ms`, value: round(worstGap.gcMs), unit: 'ms' },
          { name: `import_${L}_worst_gap_waiting_for_cpu_ms`, value: round(worstGap.waitMs), unit: 'ms' },
          { name: `import_${L}_worst_gap_asleep_ms`, value: round(worstGap.asleepMs), unit: 'ms' }
        )
      }
      results.push({ name: `import_${L}_ms`, value: round(importMs, 0), unit: 'ms' })
      collectGarbage()
      await sleep(100)
      results.push({ name: `bench_process_rss_mb_${L}`, value: round(rssMb(), 0), unit: 'MB' })

      const e = await db.call('entities.create', { name: 'Scale bench entity', type: 'Person' })
      const editWall = []
      for (let i = 1; i <= edits; i++) {
        const m = await measureOnMain(() => db.call('entities.update', { id: e.id, notes: `edit ${i}` }))
        if (db.saveState.dirty || db.saveState.error) throw new Error(`edit ${i} not durable`)
        editWall.push(m.wallMs)
        stalls.push(m.worstMs)
      }
      log(`durable edits: median ${round(median(editWall))} ms, max ${round(max(editWall))} ms`)
      results.push(
        { name: `edit_durable_${L}_ms`, value: round(median(editWall)), unit: 'ms', target: 20, stat: 'median' },
        { name: `edit_durable_${L}_max_ms`, value: round(max(editWall)), unit: 'ms', target: 20, stat: 'max' }
      )
      const doc = await db.call('documents.get', { id: docId })
      const word = /\b[A-Z][a-z]{4,}\b/.exec(doc.text)
      const tag = await timed('tag a word (durable)', () =>
        db.call('mentions.create', { documentId: docId, entityId: e.id, start: word.index, end: word.index + word[0].length })
      )
      results.push({ name: `tag_durable_${L}_ms`, value: round(tag.wallMs), unit: 'ms', target: 20 })

      const times = []
      for (let i = 0; i < searches; i++) {
        const t = performance.now()
        await db.call('search.query', { query: i % 2 ? 'the' : 'surveillance OR intelligence', limit: 50 })
        times.push(performance.now() - t)
      }
      log(`search: median ${round(median(times))} ms, p95 ${round(p95(times))} ms`)
      results.push({ name: `search_${L}_p95_ms`, value: round(p95(times)), unit: 'ms', target: 50, stat: 'p95' })

      const c = await timed('compaction (full save)', () => db.save())
      if (c.value.error) throw new Error(`compaction failed: ${c.value.error}`)
      results.push(
        { name: `compaction_${L}_ms`, value: round(c.wallMs), unit: 'ms' },
        { name: `compaction_${L}_main_blocked_ms`, value: round(c.worstMs), unit: 'ms', target: 16 },
        { name: `rss_peak_mb_${L}`, value: round(process.resourceUsage().maxRSS / 1e3, 0), unit: 'MB' }
      )
      const closing = await timed('close', () => db.close())
      results.push({ name: `close_${L}_ms`, value: round(closing.wallMs), unit: 'ms' })
    } finally {
      await db.abandon().catch(() => {})
    }
    log(`project file: ${round(statSync(file).size / 1e6, 0)} MB`)
    const o = await timed('open', () => core.ProjectDb.open(file, { saveDelayMs: 60 * 60_000 }))
    db = o.value
    results.push({ name: `open_${L}_ms`, value: round(o.wallMs), unit: 'ms' }, { name: `open_${L}_main_blocked_ms`, value: round(o.worstMs), unit: 'ms', target: 16 })
    await db.abandon()
    const app = await measureAppMemory(file, log)
    results.push(
      { name: `rss_mb_${L}`, value: app.totalMb, unit: 'MB', browser: app.browser },
      { name: `rss_main_mb_${L}`, value: app.hostMb, unit: 'MB' },
      { name: `rss_chromium_mb_${L}`, value: app.chromiumMb, unit: 'MB', browser: app.browser },
      { name: `rss_mb_${L}_full_chromium`, value: app.fullChromium.totalMb, unit: 'MB' }
    )
    results.push({ name: `scale_${L}_main_blocked_max_ms`, value: round(max(stalls)), unit: 'ms', target: 16, stat: 'max' })
    return results
  } finally {
    tmp.cleanup()
  }
}
