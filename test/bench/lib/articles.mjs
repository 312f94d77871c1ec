// Imported articles for benchmarks: each corpus page is parsed once with the
// real importer, then copied into as many distinct articles as needed.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { CORPUS_DIR } from './paths.mjs'

/** The saved web pages of the shared corpus (`html/<name>/source.html`). */
export function corpusPages() {
  const dir = join(CORPUS_DIR, 'html')
  if (!existsSync(dir)) throw new Error(`The corpus is missing: ${dir} (expected the repo beside ../shared).`)
  const pages = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'source.html')))
    .map((e) => ({ name: e.name, path: join(dir, e.name, 'source.html') }))
    .sort((a, b) => a.name.localeCompare(b.name))
  if (pages.length === 0) throw new Error(`No html/<name>/source.html pages in ${dir}.`)
  return pages
}

/**
 * Parses every corpus page with the real importer (readForImport +
 * parseForImport). jsdom reports each stylesheet it cannot parse on
 * console.error; those lines are counted, not printed.
 */
export function parseCorpus(core) {
  const origError = console.error
  let cssNoise = 0
  console.error = (...args) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Could not parse CSS stylesheet')) cssNoise++
    else origError(...args)
  }
  const t0 = performance.now()
  try {
    const parsed = corpusPages().map((page) => {
      const file = core.readForImport(page.path)
      return { name: page.name, file, doc: core.parseForImport(file) }
    })
    return { parsed, ms: performance.now() - t0, cssNoise }
  } finally {
    console.error = origError
  }
}

/**
 * parseCorpus in a worker thread of its own, for benchmarks that watch main's
 * loop: the importers (jsdom, Readability) and their garbage stay in that
 * thread's heap, which ends with it, and main's heap holds only the parsed
 * pages, as the app's main holds only what its import worker sends back.
 */
export function parseCorpusIsolated() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parseCorpusWorker.mjs', import.meta.url))
    worker.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolve(m)))
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the corpus parser stopped (exit code ${code})`)))
  })
}

/**
 * Article number `n` (1-based), made from corpus page n mod pages: the page's
 * own bytes plus a numbered HTML comment (so file size stays realistic and
 * every sha256 differs), and its text plus a numbered closing paragraph (so
 * every text differs and the blocks stay valid).
 */
export function makeArticle(parsed, n) {
  const { name, file, doc } = parsed[(n - 1) % parsed.length]
  const tag = `rwb-bench copy ${n}`
  const original = new Uint8Array(Buffer.concat([file.bytes, Buffer.from(`\n<!-- ${tag} -->\n`)]))
  const marker = `(${tag}: ${name}.)`
  const start = doc.text.length + 2
  return {
    title: `${doc.title} [${n}]`,
    byline: doc.byline,
    siteName: doc.siteName,
    publishedTime: doc.publishedTime,
    lang: doc.lang,
    dir: doc.dir,
    excerpt: doc.excerpt,
    sourcePath: join(file.path, '..', `copy-${n}.html`),
    mediaType: file.mediaType,
    sha256: createHash('sha256').update(original).digest('hex'),
    original,
    text: `${doc.text}\n\n${marker}`,
    blocks: [...doc.blocks, { start, end: start + marker.length, kind: 'p' }]
  }
}
