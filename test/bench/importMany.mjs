// Importing 1,000 files through the app's own path (AppCore.importPaths:
// read, hash, duplicate check, parse in the import worker, store in the DB
// worker), while watching main's event loop: the UI talks to main, so main
// must never stall for long (target: never blocked > 50 ms).
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadMainModules } from './lib/mainModules.mjs'
import { startLoopMonitor } from './lib/loopMonitor.mjs'
import { SHARED_DIR } from './lib/paths.mjs'
import { tempDir } from './lib/tempDir.mjs'

const FILES = 1000

/** A NativeHost that answers nothing and counts the progress events the UI would get. */
function quietNative() {
  let events = 0
  return {
    showOpenDialog: async () => [],
    showSaveDialog: async () => null,
    emit: () => void events++,
    get events() {
      return events
    }
  }
}

export async function benchImportMany({ log, warn }) {
  // Main's modules only, as the app's main has them (lib/mainModules.mjs): the whole core would
  // put the importers in this process's heap, which the app keeps in its import worker.
  const core = await loadMainModules(['AppCore'])
  const work = tempDir('rwb-bench-import-')
  try {
    // 1,000 distinct files: the corpus pages (HTML) plus text and markdown notes.
    const pagesDir = join(SHARED_DIR, 'corpus/html')
    const pages = readdirSync(pagesDir).map((d) => readFileSync(join(pagesDir, d, 'source.html')))
    const seed = readFileSync(join(SHARED_DIR, 'seeds', readdirSync(join(SHARED_DIR, 'seeds'))[0]))
    const inbox = join(work.dir, 'inbox')
    mkdirSync(inbox)
    const paths = []
    for (let i = 0; i < FILES; i++) {
      let path
      if (i % 4 === 3) {
        path = join(inbox, `note-${i}.md`)
        writeFileSync(path, `# Note ${i}\n\n${seed.toString('utf8').slice(0, 2000)}\n\n- item ${i}\n`)
      } else {
        path = join(inbox, `page-${i}.html`)
        writeFileSync(path, Buffer.concat([pages[i % pages.length], Buffer.from(`\n<!-- distinct copy ${i} -->\n`)]))
      }
      paths.push(path)
    }
    const native = quietNative()
    const app = new core.AppCore({ dataDir: join(work.dir, 'data'), seedsDir: null, native, saveDelayMs: 2000 })
    await app.bootstrap()
    const stop = startLoopMonitor()
    const t0 = performance.now()
    const results = await app.importPaths(paths)
    const ms = performance.now() - t0
    const loop = stop()
    await app.shutdown()
    const imported = results.filter((r) => r.status === 'imported').length
    const failed = results.filter((r) => r.status === 'failed')
    if (failed.length) warn(`${failed.length} files failed to import, e.g. ${failed[0].path}: ${failed[0].reason}`)
    log(`${imported} of ${FILES} imported in ${(ms / 1000).toFixed(1)} s (${(ms / FILES).toFixed(1)} ms a file), ${native.events} progress events`)
    log(`main blocked at most ${loop.worstMs.toFixed(1)} ms (histogram ${loop.histMaxMs.toFixed(1)}, gap sampler ${loop.gapMaxMs.toFixed(1)}); main loop busy ${loop.busyMs.toFixed(0)} ms in all`)
    return [
      { name: 'import_1000_files_s', value: +(ms / 1000).toFixed(2), unit: 's' },
      { name: 'import_per_file_ms', value: +(ms / FILES).toFixed(1), unit: 'ms' },
      { name: 'import_1000_files_main_blocked_max_ms', value: +loop.worstMs.toFixed(1), unit: 'ms', target: 50 },
      { name: 'import_1000_files_main_busy_ms', value: +loop.busyMs.toFixed(0), unit: 'ms' }
    ]
  } finally {
    work.cleanup()
  }
}
