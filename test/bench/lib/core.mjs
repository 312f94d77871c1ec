// Loads the built, Electron-free core (out/main/core.js) and makes sure
// ProjectDb can start the built database worker (out/main/db-worker.js).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { OUT_MAIN, useBuiltWorkers } from './paths.mjs'
import { tempDir } from './tempDir.mjs'

let loaded = null

export function loadCore() {
  loaded ??= load()
  return loaded
}

async function load() {
  const corePath = join(OUT_MAIN, 'core.js')
  const workerPath = join(OUT_MAIN, 'db-worker.js')
  for (const p of [corePath, workerPath]) {
    if (!existsSync(p)) throw new Error(`${p} is missing: run \`npx electron-vite build\` first (npm run bench does).`)
  }
  const core = await import(pathToFileURL(corePath).href)
  const warnings = []
  if (!process.env.RWB_DB_WORKER) {
    // Probe the worker lookup the app itself uses; if it cannot find the
    // built worker, say so loudly and point it at out/main/db-worker.js so
    // the benchmarks still measure the real worker.
    const probe = tempDir('rwb-bench-probe-')
    try {
      const db = await core.ProjectDb.open(join(probe.dir, 'probe.rwb'), { create: true })
      await db.close()
    } catch (e) {
      warnings.push(
        `ProjectDb could not start its worker from the built output (${e.message}). ` +
          'The built app would fail the same way; the benchmarks use the built workers by path (RWB_DB_WORKER=out/main/db-worker.js ...) instead.'
      )
      useBuiltWorkers()
    } finally {
      probe.cleanup()
    }
  }
  return { core, warnings }
}
