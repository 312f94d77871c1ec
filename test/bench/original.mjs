// The reader's Original view of a PDF (issue #13), in real Chromium over the
// built renderer (as reader.mjs: out/renderer served locally, API calls
// answered by the same handler table over local HTTP, a real project in a
// temp folder). The document: a 100-page PDF written here (real corpus prose
// in Helvetica, 50 lines a page), imported through the app's own import,
// with 1,000 mentions spread over its pages. Figures:
//   - first page painted: a click on "Original" until page 1's canvas is
//     drawn and a frame has been painted (target <= 500 ms), cold (pdf.js and
//     its worker loading) and warm (median of the re-opens);
//   - scrolling through the pages for 4 s, 40 px per frame, down from the top
//     and up from the middle, with every page's highlights drawn as it comes
//     into view: frames per second (>= 50).
//
// Alone: `npx electron-vite build && node test/bench/run.mjs original`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { loadCore } from './lib/core.mjs'
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.mjs'
import { REPO_ROOT } from './lib/paths.mjs'
import { initScript, serveRenderer } from './lib/rendererHost.mjs'
import { median, round } from './lib/stats.mjs'
import { tempDir } from './lib/tempDir.mjs'

export const FIRST_PAGE_TARGET_MS = 500
export const SCROLL_FPS_TARGET = 50
const PAGES = 100
const LINES = 50
const MENTIONS = 1000
const OPENS = 6

/** Real prose: the sample article and the corpus's web pages (tags stripped, roughly), as one stream of words. */
function prose() {
  const texts = []
  const seeds = join(REPO_ROOT, 'seeds')
  for (const f of readdirSync(seeds)) if (f.endsWith('.txt')) texts.push(readFileSync(join(seeds, f), 'utf8'))
  const html = join(REPO_ROOT, '../shared/corpus/html')
  if (existsSync(html)) {
    for (const d of readdirSync(html)) {
      const f = join(html, d, 'source.html')
      if (!existsSync(f)) continue
      const page = readFileSync(f, 'utf8').replace(/<(script|style|noscript|svg)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')
      texts.push(page.replace(/&[a-z#0-9]+;/gi, ' '))
    }
  }
  // WinAnsi-safe: the PDF's Helvetica is not embedded and uses that encoding.
  return texts.join(' ').normalize('NFKD').replace(/[^\x20-\x7e]/g, ' ').split(/\s+/).filter((w) => w && w.length < 30)
}

const pdfString = (s) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`

/** A PDF of PAGES letter pages of text lines (Helvetica, not embedded), each page's lines from the word stream. */
function makeLongPdf(words) {
  const objects = []
  const add = (body) => objects.push(body)
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add('')
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const kids = []
  let w = 0
  for (let p = 0; p < PAGES; p++) {
    const ops = [`BT /F1 10 Tf 13 TL 72 720 Td`]
    for (let l = 0; l < LINES; l++) {
      let line = ''
      while (line.length < 85) line += (line ? ' ' : '') + words[w++ % words.length]
      ops.push(`${pdfString(line)} Tj T*`)
    }
    ops.push('ET', `BT /F1 9 Tf 300 40 Td ${pdfString(String(p + 1))} Tj ET`)
    const content = ops.join('\n')
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`)
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`)
    kids.push(objects.length)
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** 1,000 mentions: capitalised words spread evenly through the text, one entity per distinct word. */
async function addMentions(api, documentId, text) {
  const words = [...text.matchAll(/\b\p{Lu}\p{Ll}{3,}\b/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, name: m[0] }))
  const stride = words.length / MENTIONS
  const byName = new Map()
  for (let i = 0; i < MENTIONS; i++) {
    const s = words[Math.floor(i * stride)]
    byName.set(s.name, [...(byName.get(s.name) ?? []), s])
  }
  const types = ['Person', 'Organization', 'PublicBody', 'Company', 'Place', 'Event']
  let t = 0
  for (const [name, list] of byName) {
    const e = await api('entities.create', { name, type: types[t++ % types.length] })
    await api('entities.tagAllConfirm', { entityId: e.id, spans: list.map(({ start, end }) => ({ documentId, start, end })) })
  }
}

export async function benchOriginal({ log, warn } = { log: console.log, warn: console.warn }) {
  const { core, warnings } = await loadCore()
  for (const w of warnings) warn(w)
  const tmp = tempDir('rwb-bench-original-')
  const pdfPath = join(tmp.dir, 'Long report (original bench).pdf')
  writeFileSync(pdfPath, makeLongPdf(prose()))
  // A user name already chosen, as reader.mjs does: else the first-start name prompt covers the reader.
  mkdirSync(join(tmp.dir, 'data'), { recursive: true })
  writeFileSync(join(tmp.dir, 'data', 'settings.json'), JSON.stringify({ lastProject: null, recent: [], userName: 'Bench' }))
  const native = { showOpenDialog: async () => [], showSaveDialog: async () => null, emit: () => {} }
  const app = new core.AppCore({ dataDir: join(tmp.dir, 'data'), seedsDir: join(REPO_ROOT, 'seeds'), native, saveDelayMs: 600_000 })
  const handlers = core.createHandlers(app)
  const api = async (method, args) => {
    const r = await core.dispatch(handlers, method, args)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value
  }
  await api('app.bootstrap')
  const [imported] = await api('documents.importDropped', { paths: [pdfPath] })
  if (imported.status !== 'imported') throw new Error(`the bench PDF did not import: ${imported.reason}`)
  const doc = await api('documents.get', { id: imported.documentId })
  await addMentions(api, doc.id, doc.text)
  const mentions = await api('mentions.forDocument', { documentId: doc.id })
  const pagesWith = new Set(mentions.map((m) => doc.blocks.findLast((b) => b.start <= m.start)?.page))
  log(`document: ${doc.pages} pages, ${doc.text.length} characters; ${mentions.length} mentions on ${pagesWith.size} pages`)

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
    await page.locator('.doc-list li', { hasText: doc.title }).first().click()
    await page.getByRole('group', { name: 'Reader view' }).waitFor()

    // (1) First page painted: Text → Original, OPENS times (the first loads pdf.js and starts its worker).
    const opens = []
    for (let i = 0; i < OPENS; i++) {
      await page.getByRole('group', { name: 'Reader view' }).getByRole('button', { name: 'Text' }).click()
      await page.locator('.doc-text').waitFor()
      await page.waitForTimeout(300)
      opens.push(
        await page.evaluate(async () => {
          const button = [...document.querySelectorAll('.view-switch button')].find((b) => b.textContent === 'Original')
          performance.clearMarks()
          const t0 = performance.now()
          button.click()
          await window.__whenDom(() => !!document.querySelector('.pdf-page[data-page="1"][data-painted="true"]'))
          const painted = await window.__afterPaint()
          await window.__whenDom(() => !!document.querySelector('.pdf-page[data-page="1"] .pdf-hl-mention'))
          const highlighted = await window.__afterPaint()
          const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('rwb:original:')).map((m) => [m.name.slice(13), Math.round(m.startTime - t0)]))
          return { ms: painted - t0, highlightsMs: highlighted - t0, marks }
        })
      )
    }
    const warm = opens.slice(1)
    // Where the time went (ms after the click): bytes read, document opened, page 1 loaded and drawn.
    for (const o of [opens[0], warm[Math.floor(warm.length / 2)]]) log(`  ${o === opens[0] ? 'cold' : 'warm'}: ${Object.entries(o.marks).map(([k, v]) => `${k} ${v}`).join(', ')}, painted ${round(o.ms, 0)}`)
    log(`first page painted: ${opens.map((o) => round(o.ms, 0)).join(', ')} ms (cold first); its highlights drawn after ${opens.map((o) => round(o.highlightsMs, 0)).join(', ')} ms`)
    results.push({ name: 'original_first_page_painted_cold_ms', value: round(opens[0].ms, 1), unit: 'ms', target: FIRST_PAGE_TARGET_MS })
    results.push({ name: 'original_first_page_painted_ms', value: round(median(warm.map((o) => o.ms)), 1), unit: 'ms', target: FIRST_PAGE_TARGET_MS })
    results.push({ name: 'original_first_page_highlights_ms', value: round(median(warm.map((o) => o.highlightsMs)), 1), unit: 'ms' })

    // (2) Scrolling 40 px a frame for 4 s, down from the top and up from the middle.
    const scrollPhase = (from, step, scroller = '.original-scroll') =>
      page.evaluate(
        ({ from, step, scroller }) =>
          new Promise((ok) => {
            const sc = document.querySelector(scroller)
            sc.scrollTop = from * (sc.scrollHeight - sc.clientHeight)
            const drawn = new Set()
            const pagesPainted = new Set()
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const gaps = []
                let last = performance.now()
                const t0 = last
                const frame = (now) => {
                  gaps.push(now - last)
                  last = now
                  sc.scrollTop += step
                  for (const hl of document.querySelectorAll('.pdf-hl-mention')) drawn.add(`${hl.closest('.pdf-page').dataset.page}:${hl.style.left}:${hl.style.top}`)
                  for (const p of document.querySelectorAll('.pdf-page[data-painted="true"]')) pagesPainted.add(p.dataset.page)
                  if (now - t0 < 4000) requestAnimationFrame(frame)
                  else ok({ gaps: gaps.slice(1), ms: now - t0, top: sc.scrollTop, height: sc.scrollHeight, highlights: drawn.size, pages: pagesPainted.size })
                }
                requestAnimationFrame(frame)
              })
            )
          }),
        { from, step, scroller }
      )
    // ORIGINAL_BENCH_PROFILE=1 prints where the page's CPU time went while scrolling down (a diagnosis aid).
    const profiler = process.env.ORIGINAL_BENCH_PROFILE ? await context.newCDPSession(page) : null
    if (profiler) {
      await profiler.send('Profiler.enable')
      await profiler.send('Profiler.setSamplingInterval', { interval: 500 })
      await profiler.send('Profiler.start')
    }
    await page.waitForTimeout(500)
    const down = await scrollPhase(0, 40)
    if (profiler) {
      const { profile: p } = await profiler.send('Profiler.stop')
      const self = new Map()
      const byId = new Map(p.nodes.map((n) => [n.id, n]))
      p.samples.forEach((id, i) => {
        const n = byId.get(id)
        const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
        self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
      })
      log('profile of scrolling down (self ms):')
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) log(`    ${round(v)}  ${k}`)
    }
    await page.waitForTimeout(500)
    const up = await scrollPhase(0.5, -40)
    const summary = (label, sc) => {
      const fps = (sc.gaps.length * 1000) / sc.gaps.reduce((a, b) => a + b, 0)
      const sorted = [...sc.gaps].sort((a, b) => a - b)
      log(
        `scrolling ${label}: ${fps.toFixed(1)} fps over ${round(sc.ms / 1000, 1)} s (at ${round(sc.top, 0)} of ${sc.height} px), ` +
          `p95 frame ${round(sorted[Math.ceil(sorted.length * 0.95) - 1])} ms, worst ${round(sorted.at(-1))} ms; ${sc.pages} pages painted, ${sc.highlights} highlights drawn on them`
      )
      return { fps, highlights: sc.highlights }
    }
    const d = summary('down', down)
    const u = summary('up', up)
    // The same scroll in the Text view of the same document, as a yardstick for how loaded the machine is.
    await page.getByRole('group', { name: 'Reader view' }).getByRole('button', { name: 'Text' }).click()
    await page.locator('.doc-text').waitFor()
    await page.waitForTimeout(500)
    const t = summary('down the Text view (yardstick)', await scrollPhase(0, 40, '.reader-scroll'))
    results.push({ name: 'original_text_view_scroll_fps_same_run', value: round(t.fps, 1), unit: 'fps' })
    results.push({ name: 'original_scroll_fps', value: round(Math.min(d.fps, u.fps), 1), unit: 'fps', target: SCROLL_FPS_TARGET })
    results.push({ name: 'original_scroll_highlights_drawn', value: d.highlights + u.highlights, unit: 'highlights' })
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
  benchOriginal().then((r) => console.table(r))
}
