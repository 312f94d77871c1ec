// Tagging core through ProjectDb (main -> database worker), over 1,000
// articles made from the sample article: "Tag all mentions" candidates across
// every document, confirming them as one batch, undoing and redoing that
// batch, the per-action cost of history + audit on a single tag, and listing
// and grouping 2,000 claims.
//
// Run with the others (`npm run bench`, once listed in run.mjs) or alone:
// `node test/bench/tagging.mjs` after `npx electron-vite build`.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { loadCore } from './lib/core.mjs'
import { REPO_ROOT } from './lib/paths.mjs'
import { median, round } from './lib/stats.mjs'
import { tempDir } from './lib/tempDir.mjs'

const DEFAULTS = { documents: 1000, runs: 5, singles: 50, claims: 2000 }

function seedText() {
  const dir = join(REPO_ROOT, 'seeds')
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'))
  return readFileSync(join(dir, file), 'utf8').normalize('NFC')
}

function makeDoc(core, text, n) {
  const body = `${text}\n\nArticle ${n}: the DoD and the Pentagon, again (DoD-${n}).`
  const original = new TextEncoder().encode(body)
  const blocks = []
  const re = /[^\n]+/g
  for (let m = re.exec(body); m; m = re.exec(body)) blocks.push({ start: m.index, end: m.index + m[0].length, kind: 'p' })
  return {
    title: `Article ${n}`,
    byline: null,
    siteName: 'Bench',
    publishedTime: null,
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

async function time(fn) {
  const t0 = performance.now()
  const out = await fn()
  return { ms: performance.now() - t0, out }
}

export async function benchTagging(ctx = { log: console.log, warn: console.warn }, opts = {}) {
  const o = { ...DEFAULTS, ...opts }
  const { core, warnings } = await loadCore()
  for (const w of warnings) ctx.warn(w)
  const tmp = tempDir('rwb-bench-tagging-')
  const db = await core.ProjectDb.open(join(tmp.dir, 'bench.rwb'), { create: true, saveDelayMs: 600_000 })
  try {
    const text = seedText()
    for (let i = 0; i < o.documents; i += 250) {
      const batch = []
      for (let n = i; n < Math.min(o.documents, i + 250); n++) batch.push(makeDoc(core, text, n))
      await db.call('documents.insertMany', { documents: batch })
    }
    const dod = await db.call('entities.create', { name: 'Department of Defense', type: 'PublicBody' })
    await db.call('aliases.add', { entityId: dod.id, name: 'DoD' })
    await db.call('aliases.add', { entityId: dod.id, name: 'the Pentagon' })

    const cand = []
    let candidates = []
    for (let r = 0; r < o.runs; r++) {
      const t = await time(() => db.call('entities.tagAllCandidates', { entityId: dod.id }))
      cand.push(t.ms)
      candidates = t.out
    }
    ctx.log(`tag all: ${candidates.length} candidates in ${o.documents} documents, median ${round(median(cand), 1)} ms`)
    const spans = candidates.map(({ documentId, start, end }) => ({ documentId, start, end }))
    const confirm = await time(() => db.call('entities.tagAllConfirm', { entityId: dod.id, spans }))
    const undo = await time(() => db.call('history.undo', undefined))
    const redo = await time(() => db.call('history.redo', undefined))
    ctx.log(`confirm ${confirm.out.created.length} mentions ${round(confirm.ms, 0)} ms, undo ${round(undo.ms, 0)} ms, redo ${round(redo.ms, 0)} ms`)

    const scale = await db.call('entities.create', { name: 'Scale AI', type: 'Company' })
    const single = []
    const at = text.indexOf('Scale AI')
    for (let i = 0; i < o.singles; i++) {
      const docs = i + 1
      single.push((await time(() => db.call('mentions.create', { documentId: docs, entityId: scale.id, start: at, end: at + 8 }))).ms)
    }
    const claimTimes = []
    for (let i = 0; i < o.claims; i++) {
      const amount = String(480_000_000 + (i % 3) * 10_000_000)
      claimTimes.push(
        (
          await time(() =>
            db.call('claims.create', {
              subjectId: scale.id,
              predicate: i % 2 ? 'contract value' : 'Contract value',
              object: { kind: 'money', amount, currency: 'USD' },
              passage: { documentId: (i % o.documents) + 1, start: at, end: at + 8 },
              attribution: []
            })
          )
        ).ms
      )
    }
    const list = await time(() => db.call('claims.list', {}))
    const groups = await time(() => db.call('claims.groups', {}))
    const review = await time(() => db.call('anchors.review', {}))
    ctx.log(`${list.out.length} claims: list ${round(list.ms, 0)} ms, groups ${round(groups.ms, 0)} ms (${groups.out.length} group, conflict ${groups.out[0]?.conflict}); anchors.review of ${confirm.out.created.length + o.singles + o.claims} anchors ${round(review.ms, 0)} ms`)
    const save = await time(() => db.save())
    return [
      { name: 'tagging_tag_all_candidates_ms', value: round(median(cand), 1), unit: 'ms' },
      { name: 'tagging_tag_all_candidates_count', value: candidates.length, unit: 'candidates' },
      { name: 'tagging_tag_all_confirm_ms', value: round(confirm.ms, 1), unit: 'ms' },
      { name: 'tagging_undo_batch_ms', value: round(undo.ms, 1), unit: 'ms' },
      { name: 'tagging_redo_batch_ms', value: round(redo.ms, 1), unit: 'ms' },
      { name: 'tagging_mention_create_median_ms', value: round(median(single), 2), unit: 'ms' },
      { name: 'tagging_claim_create_median_ms', value: round(median(claimTimes), 2), unit: 'ms' },
      { name: 'tagging_claims_list_ms', value: round(list.ms, 1), unit: 'ms' },
      { name: 'tagging_claims_groups_ms', value: round(groups.ms, 1), unit: 'ms' },
      { name: 'tagging_anchors_review_ms', value: round(review.ms, 1), unit: 'ms' },
      { name: 'tagging_save_after_ms', value: round(save.ms, 1), unit: 'ms' }
    ]
  } finally {
    await db.close()
    tmp.cleanup()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = await benchTagging()
  console.table(results)
}
