// Data export of a large project, per format: 1,000 documents (the sample
// article, varied), 5,000 entities (with aliases), 5,000 mentions and 20,000
// claims of every kind (entity claims with passages, money "up to", dates,
// analyst judgements, attribution chains). Each figure is one export: the
// snapshot read through the database worker (what the format needs: code
// points, texts and quote contexts for W3C, SHA-1s for FtM) plus rendering
// the files in memory. Reported, no target (issue 12).
//
// Run with the others (`npm run bench`) or alone:
// `npx electron-vite build && node test/bench/run.mjs exports`.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { loadCore } from './lib/core.mjs'
import { REPO_ROOT } from './lib/paths.mjs'
import { round } from './lib/stats.mjs'
import { tempDir } from './lib/tempDir.mjs'

const DEFAULTS = { documents: 1000, entities: 5000, mentions: 5000, claims: 20000 }
const TYPES = ['Person', 'Organization', 'Company', 'PublicBody', 'Location', 'Source']

function seedText() {
  const dir = join(REPO_ROOT, 'seeds')
  return readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.txt'))), 'utf8').normalize('NFC')
}

function makeDoc(core, text, n) {
  const body = `${text}\n\nArticle ${n}: Scale AI and the Pentagon, again (DoD-${n}).`
  const original = new TextEncoder().encode(body)
  const blocks = []
  const re = /[^\n]+/g
  for (let m = re.exec(body); m; m = re.exec(body)) blocks.push({ start: m.index, end: m.index + m[0].length, kind: 'p' })
  return {
    title: `Article ${n}`,
    byline: 'Bench Writer',
    siteName: 'Bench',
    publishedTime: '2026-01-02',
    lang: 'en',
    dir: null,
    excerpt: null,
    sourcePath: `/bench/${n}.txt`,
    mediaType: 'text/plain',
    sha256: core.sha256(original),
    original,
    text: body,
    blocks
  }
}

export async function benchExports(ctx = { log: console.log, warn: console.warn }, opts = {}) {
  const o = { ...DEFAULTS, ...opts }
  const { core, warnings } = await loadCore()
  for (const w of warnings) ctx.warn(w)
  const tmp = tempDir('rwb-bench-exports-')
  const db = await core.ProjectDb.open(join(tmp.dir, 'bench.rwb'), { create: true, saveDelayMs: 600_000 })
  try {
    const text = seedText()
    const t0 = performance.now()
    for (let i = 0; i < o.documents; i += 100) {
      const batch = []
      for (let n = i; n < Math.min(o.documents, i + 100); n++) batch.push(makeDoc(core, text, n))
      await db.call('documents.insertMany', { documents: batch })
    }
    const words = [...text.matchAll(/\p{Lu}[\p{L}]{3,}/gu)].map((m) => ({ at: m.index, len: m[0].length }))
    const ids = []
    for (let i = 0; i < o.entities; i++) {
      const e = await db.call('entities.create', { name: `Entity ${i} ${i % 7 === 0 ? '& Co. <"Ltd">' : ''}`.trim(), type: TYPES[i % TYPES.length] })
      ids.push(e.id)
      if (i % 5 === 0) await db.call('aliases.add', { entityId: e.id, name: `E${i}` })
    }
    for (let i = 0; i < o.mentions; i++) {
      const w = words[i % words.length]
      await db.call('mentions.create', { documentId: (i % o.documents) + 1, entityId: ids[i % ids.length], start: w.at, end: w.at + w.len })
    }
    const sources = ids.filter((_, i) => TYPES[i % TYPES.length] === 'Source' || TYPES[i % TYPES.length] === 'Person')
    for (let i = 0; i < o.claims; i++) {
      const w = words[(i * 7) % words.length]
      const kind = i % 10
      const object =
        kind < 6
          ? { kind: 'entity', entityId: ids[(i * 13 + 1) % ids.length] }
          : kind < 8
            ? { kind: 'money', amount: String(1000 + i), currency: 'USD' }
            : kind < 9
              ? { kind: 'date', date: `20${String(10 + (i % 15))}-0${1 + (i % 9)}` }
              : { kind: 'entity', entityId: ids[(i * 17 + 3) % ids.length] }
      const judgement = kind === 9
      await db.call('claims.create', {
        subjectId: ids[i % ids.length],
        predicate: ['owns', 'awarded contract to', 'works for', 'valuation', 'met'][i % 5],
        object,
        qualifier: kind === 6 ? 'up to' : 'exact',
        passage: judgement ? null : { documentId: (i % o.documents) + 1, start: w.at, end: w.at + w.len },
        analystJudgement: judgement,
        attribution: i % 3 === 0 ? [{ entityId: sources[i % sources.length], role: 'reported by' }] : [],
        reliability: 'ABCDEF'[i % 6],
        credibility: (i % 6) + 1,
        status: ['unverified', 'corroborated', 'disputed', 'refuted'][i % 4],
        notes: i % 4 === 0 ? `note ${i}, with "quotes"` : ''
      })
    }
    ctx.log(`built ${o.documents} documents, ${o.entities} entities, ${o.mentions} mentions, ${o.claims} claims in ${round((performance.now() - t0) / 1000, 1)} s`)
    const results = []
    for (const format of core.EXPORT_FORMATS) {
      const t = performance.now()
      const snap = await core.readSnapshot(db, core.snapshotOptionsFor(format, { coMentions: format !== 'ftm' && format !== 'w3c' }))
      const read = performance.now() - t
      const files = core.renderExport(snap, format)
      const ms = performance.now() - t
      const mb = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0) / 1048576
      ctx.log(`${format}: ${round(ms, 0)} ms (snapshot ${round(read, 0)} ms), ${round(mb, 1)} MB in ${files.length} file(s)`)
      results.push({ name: `export_${format}_ms`, value: round(ms, 0), unit: 'ms' })
    }
    return results
  } finally {
    await db.close()
    tmp.cleanup()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchExports())
}
