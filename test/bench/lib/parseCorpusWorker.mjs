// The worker behind articles.mjs's parseCorpusIsolated: loads the built core
// (out/main/core.js: parsing needs no database worker, so not through
// core.mjs's loadCore, which opens a throwaway project to probe one), parses
// the corpus pages and sends them back (the bytes as plain Uint8Arrays).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parentPort } from 'node:worker_threads'
import { parseCorpus } from './articles.mjs'
import { OUT_MAIN } from './paths.mjs'

try {
  const core = await import(pathToFileURL(join(OUT_MAIN, 'core.js')).href)
  const { parsed, ms, cssNoise } = parseCorpus(core)
  parentPort.postMessage({ parsed, ms, cssNoise })
} catch (e) {
  parentPort.postMessage({ error: e?.stack ?? String(e) })
}
