// Saving a project of 1,000 imported articles. Every edit is durable in the
// project's journal when its call returns (edit_durable_ms: the whole round
// trip from main, one append and one fdatasync; target <= 20 ms); a full
// save (compaction: the whole file rewritten, save_* and compaction_ms) runs
// from time to time in the database worker; how long main's event loop is
// blocked meanwhile (target < 16 ms). The benchmark process's RSS (main and
// its database worker, its own parsed corpus included) is reported after the
// inserts and at its peak; the whole app's (rss_mb_*: main, its workers and
// Chromium with the project open, lib/appMemory.mjs) once it is saved.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { makeArticle, parseCorpusIsolated } from './lib/articles.mjs'
import { collectGarbage } from './lib/gc.mjs'
import { measureOnMain, sleep } from './lib/loopMonitor.mjs'
import { measureAppMemory } from './lib/appMemory.mjs'
import { loadMainModules } from './lib/mainModules.mjs'
import { max, median, round } from './lib/stats.mjs'
import { tempDir } from './lib/tempDir.mjs'

export const SAVE_TARGET_MS = 400
export const BLOCKED_TARGET_MS = 16
export const DURABLE_TARGET_MS = 20

const DEFAULTS = { articles: 1000, saves: 7, reopens: 3, edits: 60 }

/** Where main's time went during a measurement (see lib/loopMonitor.mjs). */
function mainDetail(m) {
  const sched = m.sched ? `, on a CPU ${round(m.sched.onCpuMs)} ms, waiting for a CPU ${round(m.sched.runqWaitMs)} ms` : ''
  return `; main loop busy ${round(m.busyMs)} ms in all${sched}`
}

async function settle() {
  collectGarbage()
  await sleep(50)
}

export async function benchSave(options = {}) {
  const { articles, saves, reopens, edits } = { ...DEFAULTS, ...options }
  const log = options.log ?? (() => {})
  // Main's modules only (the database's class as main has it); the corpus is parsed in a thread of its own.
  const core = await loadMainModules(['ProjectDb'])
  const tmp = tempDir('rwb-bench-save-')
  const file = join(tmp.dir, 'bench.rwb')
  const label = `${articles}_articles`
  const results = []
  try {
    const corpus = await parseCorpusIsolated()
    log(`parsed ${corpus.parsed.length} corpus pages in ${round(corpus.ms / 1000, 1)} s` +
      (corpus.cssNoise ? ` (${corpus.cssNoise} "Could not parse CSS stylesheet" lines from jsdom hidden)` : ''))

    // A long autosave delay: only the explicit saves below run.
    let db = await core.ProjectDb.open(file, { create: true, saveDelayMs: 10 * 60_000 })
    try {
      const t0 = performance.now()
      let originalBytes = 0
      for (let n = 1; n <= articles; n++) {
        const doc = makeArticle(corpus.parsed, n)
        originalBytes += doc.original.length
        await db.call('documents.insert', doc)
      }
      const insertMs = performance.now() - t0
      const counts = await db.call('project.counts', {})
      if (counts.documentCount !== articles) throw new Error(`expected ${articles} documents, found ${counts.documentCount}`)
      log(`inserted ${articles} articles (${round(originalBytes / 1e6, 1)} MB of original files) in ${round(insertMs / 1000, 1)} s`)
      results.push({ name: `insert_${label}_ms`, value: round(insertMs, 0), unit: 'ms' })
      await settle()
      const rssMb = process.memoryUsage().rss / 1e6
      log(`RSS after the inserts: ${round(rssMb, 0)} MB (main + database worker + the parsed corpus)`)
      results.push({ name: `bench_process_rss_mb_${label}`, value: round(rssMb, 0), unit: 'MB' })

      // Durable edits: each call returns once its journal record is fsynced.
      const editRuns = []
      const e = await db.call('entities.create', { name: 'Durable edit target', type: 'Person' })
      for (let i = 1; i <= edits; i++) {
        const m = await measureOnMain(() => db.call('entities.update', { id: e.id, notes: `edit ${i}` }))
        if (m.value.notes !== `edit ${i}` || db.saveState.dirty || db.saveState.error) throw new Error(`edit ${i} not durable: ${JSON.stringify(db.saveState)}`)
        editRuns.push(m)
      }
      const editWall = editRuns.map((r) => r.wallMs)
      log(`durable edits (${edits}): median ${round(median(editWall))} ms, max ${round(max(editWall))} ms, main blocked max ${round(max(editRuns.map((r) => r.worstMs)))} ms`)
      results.push(
        { name: `edit_durable_${label}_ms`, value: round(median(editWall)), unit: 'ms', target: DURABLE_TARGET_MS, stat: 'median', samples: editWall.map((x) => round(x)) },
        { name: `edit_durable_${label}_max_ms`, value: round(max(editWall)), unit: 'ms', target: DURABLE_TARGET_MS, stat: 'max' }
      )

      const saveRuns = []
      for (let i = 1; i <= saves; i++) {
        // The first save writes the inserts; later ones follow a small edit.
        if (i > 1) await db.call('entities.create', { name: `Bench entity ${i}`, type: 'Person' })
        // (not dirty: the edit is durable in the journal already; the save rewrites the file whole)
        await settle()
        const m = await measureOnMain(() => db.save())
        if (m.value.error) throw new Error(`save failed: ${m.value.error}`)
        if (m.value.dirty) throw new Error('the project is still dirty after the save')
        saveRuns.push(m)
        log(`save ${i}/${saves}: ${round(m.wallMs)} ms, main blocked ${round(m.worstMs)} ms ` +
          `(histogram ${round(m.histMaxMs)} ms, gap sampler ${round(m.gapMaxMs)} ms)${mainDetail(m)}`)
      }
      // The same monitor with main and the worker idle: timer jitter and
      // scheduling noise of this machine, to read the blocked figures against.
      await settle()
      const idle = await measureOnMain(() => sleep(300))
      log(`idle baseline (300 ms, nothing running): main blocked ${round(idle.worstMs)} ms`)

      const wall = saveRuns.map((r) => r.wallMs)
      const blocked = saveRuns.map((r) => r.worstMs)
      const samples = (xs) => xs.map((x) => round(x))
      results.push(
        { name: `save_${label}_ms`, value: round(median(wall)), unit: 'ms', target: SAVE_TARGET_MS, stat: 'median', samples: samples(wall) },
        { name: `save_${label}_max_ms`, value: round(max(wall)), unit: 'ms', target: SAVE_TARGET_MS, stat: 'max' },
        { name: `save_${label}_main_blocked_ms`, value: round(median(blocked)), unit: 'ms', target: BLOCKED_TARGET_MS, stat: 'median', samples: samples(blocked) },
        { name: `save_${label}_main_blocked_max_ms`, value: round(max(blocked)), unit: 'ms', target: BLOCKED_TARGET_MS, stat: 'max' },
        { name: `save_${label}_main_busy_ms`, value: round(median(saveRuns.map((r) => r.busyMs))), unit: 'ms', stat: 'median' },
        // A save is a compaction now: the same runs under the name.
        { name: `compaction_${label}_ms`, value: round(median(wall)), unit: 'ms', stat: 'median' },
        { name: `compaction_${label}_main_blocked_max_ms`, value: round(max(blocked)), unit: 'ms', target: BLOCKED_TARGET_MS, stat: 'max' },
        { name: 'main_blocked_idle_baseline_ms', value: round(idle.worstMs), unit: 'ms' }
      )
    } finally {
      await db.close()
    }

    results.push({ name: `rss_peak_mb_${label}`, value: round(process.resourceUsage().maxRSS / 1e3, 0), unit: 'MB' })
    const size = statSync(file).size
    results.push({ name: 'project_file_mb', value: round(size / 1e6, 1), unit: 'MB' })
    log(`project file: ${round(size / 1e6, 1)} MB`)
    const app = await measureAppMemory(file, log)
    results.push(
      { name: `rss_mb_${label}`, value: app.totalMb, unit: 'MB', target: 500, browser: app.browser },
      { name: `rss_main_mb_${label}`, value: app.hostMb, unit: 'MB' },
      { name: `rss_chromium_mb_${label}`, value: app.chromiumMb, unit: 'MB', browser: app.browser },
      { name: 'rss_chromium_blank_page_mb', value: app.chromiumBlankMb, unit: 'MB', browser: app.browser },
      // The same with the full browser's headless mode (all of Chrome; lib/appMemory.mjs).
      { name: `rss_mb_${label}_full_chromium`, value: app.fullChromium.totalMb, unit: 'MB' },
      { name: 'rss_full_chromium_blank_page_mb', value: app.fullChromium.chromiumBlankMb, unit: 'MB' }
    )

    const reopenRuns = []
    for (let i = 1; i <= reopens; i++) {
      await settle()
      const m = await measureOnMain(() => core.ProjectDb.open(file))
      db = m.value
      try {
        const counts = await db.call('project.counts', {})
        if (counts.documentCount !== articles) throw new Error(`reopened project has ${counts.documentCount} documents`)
      } finally {
        await db.close()
      }
      reopenRuns.push(m)
      log(`reopen ${i}/${reopens}: ${round(m.wallMs)} ms, main blocked ${round(m.worstMs)} ms${mainDetail(m)}`)
    }
    const reopenWall = reopenRuns.map((r) => r.wallMs)
    const reopenBlocked = reopenRuns.map((r) => r.worstMs)
    results.push(
      { name: `reopen_${label}_ms`, value: round(median(reopenWall)), unit: 'ms', stat: 'median', samples: reopenWall.map((x) => round(x)) },
      { name: `reopen_${label}_main_blocked_max_ms`, value: round(max(reopenBlocked)), unit: 'ms', stat: 'max' }
    )
    return results
  } finally {
    tmp.cleanup()
  }
}
