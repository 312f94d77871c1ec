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
