// The worker behind articles.mjs's parseCorpusIsolated: loads the whole core,
// parses the corpus pages and sends them back (the bytes as plain Uint8Arrays).
import { parentPort } from 'node:worker_threads'
import { parseCorpus } from './articles.mjs'
import { loadCore } from './core.mjs'

try {
  const { core } = await loadCore()
  const { parsed, ms, cssNoise } = parseCorpus(core)
  parentPort.postMessage({ parsed, ms, cssNoise })
} catch (e) {
  parentPort.postMessage({ error: e?.stack ?? String(e) })
}
