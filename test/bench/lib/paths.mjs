// Where things are, relative to this file (never an absolute /work path):
// CI clones the repo beside `shared`, so the corpus is <repo>/../shared/corpus.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

export const REPO_ROOT = resolve(here, '../../..')
export const SHARED_DIR = resolve(REPO_ROOT, '../shared')
export const CORPUS_DIR = join(SHARED_DIR, 'corpus')
export const OUT_MAIN = join(REPO_ROOT, 'out/main')
export const RESULTS_DIR = join(REPO_ROOT, 'bench')
export const RESULTS_FILE = join(RESULTS_DIR, 'results.json')

/**
 * Points the core at the built workers (out/main/*-worker.js), as the app's
 * main does, unless the environment already names one. The one place the
 * benchmarks set these: main's modules (mainModules.mjs), the importer
 * (importer.mjs) and the whole core's fallback (core.mjs) all call it.
 */
export function useBuiltWorkers() {
  for (const [env, file] of [['RWB_DB_WORKER', 'db-worker.js'], ['RWB_IMPORT_WORKER', 'import-worker.js'], ['RWB_SUGGEST_WORKER', 'suggest-worker.js']]) {
    process.env[env] ||= join(OUT_MAIN, file)
  }
}
