// The reader at scale, in real Chromium over the built renderer (as the e2e
// harness: out/renderer served locally, the preload bridge replaced by calls
// into the same handler table Electron's IPC uses, a real project in a temp
// folder; here over local HTTP rather than page.exposeBinding, see
// serveRenderer). The document: ~1 MB of real article text
// (the sample article and the shared corpus pages, repeated as numbered parts)
// imported as a plain-text file, with 5,000 mentions spread through it, some
// nested inside others ("Armed Services Committee" in "Senate Armed Services
// Committee"). Figures (issue #4):
//   - open-to-first-paint: click on the document in the library until its
//     text is painted (target <= 300 ms);
//   - tag-to-highlight: Enter in the tag popover until the new highlight is in
//     the DOM and a frame has been painted, median (<= 16 ms) and p95 of 20;
//     also split into the API round trip and the renderer's own part;
//   - scrolling through the document for 4 s, one step per frame, down from
//     the top and up from the middle: frames per second (>= 55), the share of
//     dropped frames (<= 5 %), and how far text jumped off its scroll step.
//
// Alone: `npx electron-vite build && node test/bench/run.mjs reader`.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium } from '@playwright/test'
import { loadCore } from './lib/core.mjs'
import { initScript, serveRenderer } from './lib/rendererHost.mjs'
import { parseCorpus } from './lib/articles.mjs'
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.mjs'
import { REPO_ROOT } from './lib/paths.mjs'
import { median, round } from './lib/stats.mjs'
import { tempDir } from './lib/tempDir.mjs'

export const FIRST_PAINT_TARGET_MS = 300
export const TAG_TARGET_MS = 16
export const SCROLL_FPS_TARGET = 55
export const DROPPED_PCT_TARGET = 5

const DOC_BYTES = 1_000_000
const MENTIONS = 5000
const TAGGINGS = 20
const OPENS = 7
const LONG_NAME = 'Long report (reader bench).txt'


const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]

/** ~1 MB of real prose: the sample article and every corpus page, as numbered parts, until the size is reached. */
function longText(core) {
  const seedDir = join(REPO_ROOT, 'seeds')
  const seed = readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.endsWith('.txt'))), 'utf8').replace(/\r\n?/g, '\n')
  const { parsed } = parseCorpus(core)
  const sources = [seed, ...parsed.map(({ doc }) => doc.blocks.map((b) => doc.text.slice(b.start, b.end).replace(/\n+/g, ' ')).join('\n\n'))]
  const parts = ['Long report for the reader benchmark']
  let size = parts[0].length
  for (let n = 0; size < DOC_BYTES; n++) {
    const body = `Part ${n + 1}\n\n${sources[n % sources.length]}`
    parts.push(body)
    size += Buffer.byteLength(body) + 2
  }
  return parts.join('\n\n')
}

/**
 * 5,000 mentions: capitalised names spread evenly through the text, one
 * entity per distinct name, and every ninth multi-word name also gets its
 * tail tagged as an entity of its own (a nested span).
 */
async function addMentions(api, documentId, text) {
  const names = [...text.matchAll(/\p{Lu}[\p{L}]+(?: (?:of |for |and |the )?\p{Lu}[\p{L}]+)*/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[0] }))
  const nestedEvery = 9
  const outerCount = Math.round(MENTIONS / (1 + 1 / nestedEvery))
  const stride = names.length / outerCount
  const spans = []
  let multi = 0
  for (let i = 0; i < outerCount && spans.length < MENTIONS; i++) {
    const n = names[Math.floor(i * stride)]
    spans.push(n)
    const space = n.name.indexOf(' ')
    if (space > 0 && ++multi % nestedEvery === 0 && spans.length < MENTIONS) {
      const tail = n.name.slice(space + 1).replace(/^(?:of|for|and|the) /, '')
      spans.push({ start: n.end - tail.length, end: n.end, name: tail })
    }
  }
  for (let i = 0; spans.length < MENTIONS; i++) spans.push(names[(Math.floor(i * stride) + 1) % names.length])
  const byName = new Map()
  for (const s of spans) byName.set(s.name, [...(byName.get(s.name) ?? []), s])
  const types = ['Person', 'Organization', 'PublicBody', 'Company', 'Place', 'Event']
  let t = 0
  for (const [name, list] of byName) {
    const e = await api('entities.create', { name, type: types[t++ % types.length] })
    await api('entities.tagAllConfirm', { entityId: e.id, spans: list.map(({ start, end }) => ({ documentId, start, end })) })
  }
  return { entities: byName.size, nested: spans.length - outerCount }
}

/** How many views the tagging step looks at before it gives up (it scrolls a little between them). */
const PICK_TRIES = 12

/**
 * In the page: scrolls to `frac` of the document and selects an untagged
 * lowercase word in the middle of the view. The view may hold no such word
 * (a run of highlights, headings, a chunk not painted yet after a long jump),
 * so it waits for paints and scrolls a little further (down, then up, in
 * growing steps) before trying again, and relaxes the word length on the
 * later tries. Null only when none of the PICK_TRIES views has one.
 */
async function pickUntaggedWord({ frac, tries }) {
  const sc = document.querySelector('.reader-scroll')
  const base = frac * (sc.scrollHeight - sc.clientHeight)
  for (let t = 0; t < tries; t++) {
    // 0, +240, -240, +480, -480 ... px around the wanted place.
    const step = Math.ceil(t / 2) * 240 * (t % 2 === 1 ? 1 : -1)
    sc.scrollTop = Math.max(0, Math.min(sc.scrollHeight - sc.clientHeight, base + step))
    for (let f = 0; f < 2 + Math.min(t, 4); f++) await window.__afterPaint()
    const box = sc.getBoundingClientRect()
    const runs = [...document.querySelectorAll('.doc-text [data-s]:not(.hl)')].filter((r) => {
      if (r.closest('.hl') || !(r.firstChild instanceof Text)) return false
      const b = r.getBoundingClientRect()
      return b.top > box.top + 100 && b.bottom < box.bottom - 250
    })
    const word = t < tries / 2 ? /\b[a-z]{6,}\b/ : /\b[a-z]{4,}\b/
    for (const r of runs) {
      const m = word.exec(r.firstChild.data)
      if (!m) continue
      const range = document.createRange()
      range.setStart(r.firstChild, m.index)
      range.setEnd(r.firstChild, m.index + m[0].length)
      const sel = window.getSelection()
      sel.removeAllRanges()
      sel.addRange(range)
      return { start: Number(r.dataset.s) + m.index, word: m[0], tries: t + 1 }
    }
  }
  return null
}

export async function benchReader({ log, warn } = { log: console.log, warn: console.warn }) {
  const { core, warnings } = await loadCore()
  for (const w of warnings) warn(w)
  const tmp = tempDir('rwb-bench-reader-')
  const seeds = join(tmp.dir, 'seeds')
  mkdirSync(seeds)
  const text = longText(core)
  writeFileSync(join(seeds, LONG_NAME), text)
  for (const f of readdirSync(join(REPO_ROOT, 'seeds'))) writeFileSync(join(seeds, f), readFileSync(join(REPO_ROOT, 'seeds', f)))
  const native = { showOpenDialog: async () => [], showSaveDialog: async () => null, emit: () => {} }
  // A user name is chosen already, so the first-start name prompt does not cover the library.
  mkdirSync(join(tmp.dir, 'data'), { recursive: true })
  writeFileSync(join(tmp.dir, 'data', 'settings.json'), JSON.stringify({ lastProject: null, recent: [], userName: 'Bench' }))
  const app = new core.AppCore({ dataDir: join(tmp.dir, 'data'), seedsDir: seeds, native, saveDelayMs: 600_000 })
  const handlers = core.createHandlers(app)
  const api = async (method, args) => {
    const r = await core.dispatch(handlers, method, args)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value
  }
  await api('app.bootstrap')
  const docs = await api('documents.list')
  const long = docs.find((d) => d.sourcePath.endsWith(LONG_NAME))
  const sample = docs.find((d) => d !== long)
  const content = await api('documents.get', { id: long.id })
  const made = await addMentions(api, long.id, content.text)
  const mentions = await api('mentions.forDocument', { documentId: long.id })
  log(`document: ${(Buffer.byteLength(content.text) / 1e6).toFixed(2)} MB, ${content.blocks.length} blocks; ${mentions.length} mentions (${made.nested} nested) of ${made.entities} entities`)
  // The same two calls in the core alone (no page bridge): how much of the open is the project's own answer.
  const coreMs = []
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    await Promise.all([api('documents.get', { id: long.id }), api('mentions.forDocument', { documentId: long.id })])
    coreMs.push(performance.now() - t0)
  }
  // And one mentions.create in the core alone (worker, history, audit), tagged and removed again.
  const coreTagMs = []
  const probe = await api('entities.create', { name: 'Reader bench probe', type: 'Organization' })
  for (let i = 0; i < 10; i++) {
    const at = Math.floor(((i + 0.5) / 10) * content.text.length)
    const t0 = performance.now()
    const m = await api('mentions.create', { documentId: long.id, entityId: probe.id, start: at, end: at + 4 })
    coreTagMs.push(performance.now() - t0)
    await api('mentions.delete', { id: m.id })
  }
  await api('entities.delete', { id: probe.id })

  const { server, origin } = await serveRenderer((method, args) => core.dispatch(handlers, method, args))
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  const errors = []
  const results = []
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(e.message))
    await page.addInitScript(initScript)
    await page.goto(`${origin}/index.html`)
    await page.locator('.app[data-ready="true"]').waitFor({ timeout: 60_000 })

    // (1) Open: the sample article first, then the long document, from the library.
    const opens = []
    for (let i = 0; i < OPENS; i++) {
      await page.locator('.doc-list li', { hasText: sample.title }).first().click()
      await page.locator('.doc-source', { hasText: sample.sourcePath.split('/').pop() }).waitFor({ state: 'attached' })
      await page.waitForTimeout(300)
      opens.push(
        await page.evaluate(async (title) => {
          const item = [...document.querySelectorAll('.doc-list li')].find((li) => li.querySelector('.doc-list-title')?.textContent === title)
          window.__benchCalls = []
          const t0 = performance.now()
          item.click()
          const tDom = await window.__whenDom(() => document.querySelector('.doc-source')?.textContent?.includes('reader bench') && !!document.querySelector('.doc-text [data-s]'))
          const tPaint = await window.__afterPaint()
          const calls = window.__benchCalls.filter((c) => c.method === 'documents.get' || c.method === 'mentions.forDocument')
          const ipcDone = Math.max(...calls.map((c) => c.t1))
          return { ms: tPaint - t0, ipcMs: ipcDone - t0, renderMs: tPaint - ipcDone, domMs: tDom - t0, nodes: document.querySelectorAll('.doc-text [data-s]').length }
        }, long.title)
      )
    }
    const warm = opens.slice(1) // the first open also loads fonts and warms the JIT
    log(`open: ${opens.map((o) => round(o.ms, 0)).join(', ')} ms (API ${round(median(warm.map((o) => o.ipcMs)), 0)} ms + renderer ${round(median(warm.map((o) => o.renderMs)), 0)} ms; ${opens.at(-1).nodes} text runs in the DOM)`)
    log(`  of the API part, the core itself answers in ${round(median(coreMs), 0)} ms; the rest is the local HTTP bridge standing in for IPC`)
    results.push({ name: 'reader_open_first_paint_ms', value: round(median(warm.map((o) => o.ms)), 1), unit: 'ms', target: FIRST_PAINT_TARGET_MS })
    results.push({ name: 'reader_open_first_paint_render_ms', value: round(median(warm.map((o) => o.renderMs)), 1), unit: 'ms' })

    // READER_BENCH_PROFILE=1 prints where the page's CPU time went while tagging and scrolling (a diagnosis aid).
    const profiler = process.env.READER_BENCH_PROFILE ? await context.newCDPSession(page) : null
    if (profiler) {
      await profiler.send('Profiler.enable')
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 })
    }
    const profile = async (label, fn) => {
      if (!profiler) return fn()
      await profiler.send('Profiler.start')
      const out = await fn()
      const { profile: p } = await profiler.send('Profiler.stop')
      const self = new Map()
      const byId = new Map(p.nodes.map((n) => [n.id, n]))
      const dt = p.timeDeltas
      p.samples.forEach((id, i) => {
        const n = byId.get(id)
        const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
        self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
      })
      log(`profile of ${label} (self ms):`)
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`    ${round(v)}  ${k}`)
      return out
    }

    // (2) Tagging: at 20 places through the document, select an untagged word and press Enter in the popover.
    const tags = []
    await profile('tagging', async () => {
    for (let i = 0; i < TAGGINGS; i++) {
      const frac = (i + 0.5) / TAGGINGS
      const picked = await page.evaluate(pickUntaggedWord, { frac, tries: PICK_TRIES })
      if (!picked) throw new Error(`no untagged word found near ${Math.round(frac * 100)} % after ${PICK_TRIES} tries (scrolling a little each time)`)
      if (picked.tries > 1) log(`  (an untagged word near ${Math.round(frac * 100)} % took ${picked.tries} tries)`)
      // T on a selection runs the "Tag selection" command (src-main/contract/commands.ts),
      // once the reader has seen the selection change.
      await page.waitForTimeout(50)
      await page.keyboard.press('t')
      await page.locator('.tag-popover .tag-input').waitFor()
      await page.waitForTimeout(150)
      tags.push(
        await page.evaluate(async (start) => {
          const input = document.querySelector('.tag-popover .tag-input')
          const created = !!document.querySelector('.tag-options li.create.active')
          window.__benchCalls = []
          const reader = document.querySelector('.reader')
          // Both watches start before the key: the first highlight (shown at once, while the tag is recorded) and the recorded one.
          const shown = window.__whenDom(() => !!document.querySelector(`.doc-text .hl[data-s="${start}"]`), reader).then(async (tDom) => ({ tDom, tPaint: await window.__afterPaint() }))
          const recorded = window.__whenDom(() => !!document.querySelector(`.doc-text .hl[data-s="${start}"][data-mentions]:not(.hl-pending)`), reader).then(async (tDom) => ({ tDom, tPaint: await window.__afterPaint() }))
          const t0 = performance.now()
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))
          const first = await shown
          const last = await recorded
          const answer = window.__benchCalls.find((c) => c.method === 'mentions.create')
          return { ms: first.tPaint - t0, shownDomMs: first.tDom - t0, recordedMs: last.tPaint - t0, ipcMs: answer.t1 - t0, renderMs: last.tPaint - answer.t1, domMs: last.tDom - answer.t1, created }
        }, picked.start)
      )
      await page.waitForTimeout(200)
    }
    })
    // READER_BENCH_SHOT=path saves what the reader looks like after the taggings (5,000 highlights, some nested).
    if (process.env.READER_BENCH_SHOT) await page.screenshot({ path: process.env.READER_BENCH_SHOT })
    const tagMs = tags.map((t) => t.ms)
    const recordedMs = tags.map((t) => t.recordedMs)
    const renderMs = tags.map((t) => t.renderMs)
    log(`tag -> highlight painted: median ${round(median(tagMs))} ms, p95 ${round(p95(tagMs))} ms (in the DOM after ${round(median(tags.map((t) => t.shownDomMs)))} ms; the rest is waiting for the next frame)`)
    log(`tag -> recorded highlight painted: median ${round(median(recordedMs))} ms, p95 ${round(p95(recordedMs))} ms (API round trip median ${round(median(tags.map((t) => t.ipcMs)))} ms, core alone ${round(median(coreTagMs), 1)} ms per mentions.create; ${tags.filter((t) => t.created).length} of ${tags.length} created a new entity first)`)
    log(`  renderer part (answer -> painted): median ${round(median(renderMs))} ms, p95 ${round(p95(renderMs))} ms; answer -> in the DOM median ${round(median(tags.map((t) => t.domMs)))} ms`)
    results.push({ name: 'reader_tag_to_highlight_median_ms', value: round(median(tagMs)), unit: 'ms', target: TAG_TARGET_MS })
    // The target is on the median. A key press lands anywhere in a 16.7 ms
    // frame and the highlight can only show at the next one, so even a
    // highlight drawn at once shows up to a frame later: a p95 under 16 ms is
    // not reachable at 60 Hz, and it is reported without a target.
    results.push({ name: 'reader_tag_to_highlight_p95_ms', value: round(p95(tagMs)), unit: 'ms' })
    results.push({ name: 'reader_tag_recorded_highlight_median_ms', value: round(median(recordedMs)), unit: 'ms' })
    // Diagnostic, no target: how long the renderer takes to swap the early
    // highlight for the recorded one once the core answers (frame wait included).
    results.push({ name: 'reader_tag_answer_to_highlight_median_ms', value: round(median(renderMs)), unit: 'ms' })
    results.push({ name: 'reader_tag_answer_to_highlight_p95_ms', value: round(p95(renderMs)), unit: 'ms' })

    // (3) Scrolling, 80 px per frame (4,800 px/s, a fast skim) for 4 s: down from the top, then up from
    // 60 % of the way (text never shown yet, so its height was only estimated). Besides the frame times,
    // the words at the middle of the view must move by exactly the step each frame: any other movement
    // is text jumping under the reader's eyes (a height estimate corrected without anchoring).
    const scrollPhase = (from, step) =>
      page.evaluate(
        ({ from, step }) =>
          new Promise((ok) => {
            const sc = document.querySelector('.reader-scroll')
            sc.scrollTop = from * (sc.scrollHeight - sc.clientHeight)
            const box = sc.getBoundingClientRect()
            const probe = () => {
              const el = document.elementFromPoint(box.left + box.width / 2 - 100, box.top + box.height / 2)?.closest('[data-s]')
              return el ? { el, top: el.getBoundingClientRect().top } : null
            }
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const gaps = []
                const jumps = []
                let last = performance.now()
                const t0 = last
                let seen = null
                let expected = 0
                let blank = 0
                const frame = (now) => {
                  gaps.push(now - last)
                  last = now
                  if (seen && seen.el.isConnected && expected !== 0) jumps.push(Math.abs(seen.el.getBoundingClientRect().top - (seen.top - expected)))
                  const before = sc.scrollTop
                  sc.scrollTop += step
                  expected = sc.scrollTop - before // 0 at either end of the document
                  seen = probe()
                  // Blank: the view shows an empty box where text should be (checked at its top, middle and bottom).
                  if ([0.05, 0.5, 0.95].some((f) => document.elementFromPoint(box.left + box.width / 2, box.top + f * box.height)?.closest('.doc-chunk-gap'))) blank++
                  if (seen) seen.top = seen.el.getBoundingClientRect().top + expected // where it was before this step
                  if (now - t0 < 4000) requestAnimationFrame(frame)
                  else ok({ gaps: gaps.slice(1), ms: now - t0, top: sc.scrollTop, height: sc.scrollHeight, jumps, blank })
                }
                requestAnimationFrame(frame)
              })
            )
          }),
        { from, step }
      )
    await page.waitForTimeout(300)
    const down = await profile('scrolling down', () => scrollPhase(0, 80))
    await page.waitForTimeout(300)
    const up = await scrollPhase(0.6, -80)
    const summary = (label, sc) => {
      const interval = median(sc.gaps) // the display's frame interval as Chromium runs it (16.7 ms at 60 Hz)
      const dropped = sc.gaps.reduce((n, g) => n + Math.max(0, Math.round(g / interval) - 1), 0)
      const fps = (sc.gaps.length * 1000) / sc.gaps.reduce((a, b) => a + b, 0)
      const droppedPct = (100 * dropped) / (sc.gaps.length + dropped)
      const jumpy = sc.jumps.filter((j) => j > 2)
      log(
        `scrolling ${label}: ${fps.toFixed(1)} fps over ${round(sc.ms / 1000, 1)} s (at ${round(sc.top, 0)} of ${sc.height} px), frame interval ${round(interval)} ms, ` +
          `p95 ${round(p95(sc.gaps))} ms, worst ${round(Math.max(...sc.gaps))} ms, ${dropped} dropped frames; text moved off its step in ${jumpy.length} of ${sc.jumps.length} frames (worst ${round(Math.max(0, ...sc.jumps))} px); ${sc.blank} frames showed an empty box`
      )
      return { fps, droppedPct, p95: p95(sc.gaps), worstJump: Math.max(0, ...sc.jumps), blank: sc.blank }
    }
    const d = summary('down', down)
    const u = summary('up', up)
    results.push({ name: 'reader_scroll_fps', value: round(Math.min(d.fps, u.fps), 1), unit: 'fps', target: SCROLL_FPS_TARGET })
    results.push({ name: 'reader_scroll_dropped_frames_pct', value: round(Math.max(d.droppedPct, u.droppedPct), 1), unit: '%', target: DROPPED_PCT_TARGET })
    results.push({ name: 'reader_scroll_p95_frame_ms', value: round(Math.max(d.p95, u.p95)), unit: 'ms' })
    results.push({ name: 'reader_scroll_text_jump_px', value: round(Math.max(d.worstJump, u.worstJump)), unit: 'px' })
    results.push({ name: 'reader_scroll_blank_frames', value: d.blank + u.blank, unit: 'frames', target: 0 })
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`)
  } finally {
    await browser.close()
    server.close()
    await app.shutdown().catch(() => {})
    tmp.cleanup()
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchReader().then((r) => console.table(r))
}
