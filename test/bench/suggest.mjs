// Entity suggestions in their worker (core/suggest via SuggestClient, the
// built out/main/suggest-worker.js): the model's load time in a fresh
// worker, suggestions for a 100 kB and a 1 MB document of real news text
// (the targets: <= 150 ms and <= 1.5 s, growing linearly), how long
// main's loop is blocked meanwhile (< 16 ms), and the project dictionary
// alone with 20,000 names over 1 MB.
//
// Run with the others (`npm run bench`) or alone:
// `npx electron-vite build && node test/bench/run.mjs suggest`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadCore } from './lib/core.mjs'
import { measureOnMain } from './lib/loopMonitor.mjs'
import { CORPUS_DIR, OUT_MAIN, REPO_ROOT } from './lib/paths.mjs'
import { median, round } from './lib/stats.mjs'

const DEFAULTS = { runs: 3 }
// From a worktree the corpus sits two levels up (paths.mjs assumes a clone beside `shared`).
const CORPUS = [CORPUS_DIR, join(REPO_ROOT, '../../shared/corpus')].find((d) => existsSync(d)) ?? CORPUS_DIR
const PAGES = ['guardian-1', 'ars-1', 'citylab-1', 'aclu', 'cnn', 'bbc-1', 'wapo-1', 'nytimes-1', 'seattletimes-1']

/** Real English news text: the seed article and the corpus pages, as the app imports them. */
function newsText(core) {
  const seeds = join(REPO_ROOT, 'seeds')
  const parts = [readFileSync(join(seeds, readdirSync(seeds).find((f) => f.endsWith('.txt'))), 'utf8').normalize('NFC')]
  for (const p of PAGES) {
    const file = join(CORPUS, 'html', p, 'source.html')
    if (existsSync(file)) parts.push(core.parseForImport(core.readForImport(file)).text)
  }
  return parts.join('\n\n')
}

/** A document of `size` UTF-16 units: the news text repeated, cut at a paragraph break. */
function documentOf(base, size) {
  let text = ''
  while (text.length < size) text += `${base}\n\n`
  const cut = text.lastIndexOf('\n\n', size)
  return text.slice(0, cut > size / 2 ? cut : size)
}

export async function benchSuggest(ctx = { log: console.log, warn: console.warn }, opts = {}) {
  const o = { ...DEFAULTS, ...opts }
  const { core, warnings } = await loadCore()
  for (const w of warnings) ctx.warn(w)
  if (!process.env.RWB_SUGGEST_WORKER && !existsSync(join(OUT_MAIN, 'suggest-worker.js'))) {
    throw new Error('out/main/suggest-worker.js is missing: run `npx electron-vite build` first')
  }
  const base = newsText(core)
  const small = documentOf(base, 100 * 1024)
  const large = documentOf(base, 1024 * 1024)
  ctx.log(`news text ${base.length} chars; documents ${small.length} and ${large.length} chars`)

  const client = new core.SuggestClient()
  try {
    const warm = await client.warm()
    ctx.log(`model loaded in ${round(warm.modelLoadMs, 0)} ms (worker start + load ${round(warm.ms, 0)} ms)`)
    // One untimed pass each: the JIT warms up as it would after the first document.
    await client.suggest(small.slice(0, 20_000))
    const run = async (text) => {
      const inWorker = []
      const cpu = []
      const wall = []
      let blocked = 0
      let count = 0
      for (let i = 0; i < o.runs; i++) {
        const m = await measureOnMain(() => client.suggest(text, { lang: 'en' }))
        inWorker.push(m.value.ms)
        cpu.push(m.value.cpuMs ?? m.value.ms)
        wall.push(m.wallMs)
        blocked = Math.max(blocked, m.worstMs)
        count = m.value.suggestions.length
      }
      return { ms: median(inWorker), cpu: median(cpu), wall: median(wall), blocked, count }
    }
    const s = await run(small)
    ctx.log(`100 kB: ${round(s.ms, 0)} ms in the worker (${round(s.cpu, 0)} ms on a CPU), ${round(s.wall, 0)} ms round trip, ${s.count} suggestions`)
    const l = await run(large)
    ctx.log(`1 MB: ${round(l.ms, 0)} ms in the worker (${round(l.cpu, 0)} ms on a CPU), ${round(l.wall, 0)} ms round trip, ${l.count} suggestions`)
    // The project dictionary alone (non-English text: no model): 20,000 names.
    const entities = []
    for (let i = 0; i < 20_000; i++) entities.push({ id: i + 1, name: `Name${i} Example${i % 97}`, type: 'Organization', aliases: i % 10 ? [] : [`N${i}`] })
    entities.push({ id: 20_001, name: 'Scale AI', type: 'Company' }, { id: 20_002, name: 'Pentagon', type: 'PublicBody' })
    const d = await measureOnMain(() => client.suggest(large, { lang: 'fr', entities }))
    ctx.log(`dictionary of 20,002 names over 1 MB (plus money/date rules): ${round(d.value.ms, 0)} ms, ${d.value.suggestions.length} suggestions`)
    return [
      { name: 'suggest_model_load_ms', value: round(warm.modelLoadMs, 0), unit: 'ms' },
      { name: 'suggest_100kB_worker_ms', value: round(s.ms, 0), unit: 'ms', target: 150 },
      { name: 'suggest_1MB_worker_ms', value: round(l.ms, 0), unit: 'ms', target: 1500 },
      // CPU time of the worker thread: what the figures would be on an idle machine (this one is shared).
      { name: 'suggest_100kB_worker_cpu_ms', value: round(s.cpu, 0), unit: 'ms', target: 150 },
      { name: 'suggest_1MB_worker_cpu_ms', value: round(l.cpu, 0), unit: 'ms', target: 1500 },
      { name: 'suggest_1MB_per_100kB_ratio', value: round(l.cpu / s.cpu, 1), unit: 'x' },
      { name: 'suggest_main_blocked_ms', value: round(Math.max(s.blocked, l.blocked), 1), unit: 'ms', target: 16 },
      { name: 'suggest_dictionary_20k_names_1MB_ms', value: round(d.value.ms, 0), unit: 'ms' }
    ]
  } finally {
    await client.close()
  }
}
