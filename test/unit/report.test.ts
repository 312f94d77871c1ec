// The evidence report on a real project (test/support/reportFixture.ts), read
// back with outside tools: the .docx with mammoth (every claim, quote,
// citation, grade meaning, status, attribution and note present as text)
// and yauzl (the map PNG inside the zip, byte for byte); the HTML parsed
// with jsdom (same text, the image as a data: URI, nothing that could load
// or run). The app's path (export.report: save dialog, worker read, atomic
// write) runs through the real handler table with a scripted dialog.
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import mammoth from 'mammoth'
import { PNG } from 'pngjs'
import yauzl from 'yauzl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INFO_CREDIBILITY_LABELS, SOURCE_RELIABILITY_LABELS } from '../../src-main/contract/claims'
import { writeReport } from '../../src-main/core/export/report/index'
import type { ReportData } from '../../src-main/core/export/report/model'
import { reportDialog } from '../../src-main/core/export/report/run'
import { buildReportProject, HOSTILE_NAME, seedBytes, type ReportFixture } from '../support/reportFixture'
import { ScriptedNative } from '../support/scriptedNative'
import { REPO_ROOT, tempDir } from '../support/tempDir'

/** Where the reports are kept for a person to open (git-ignored). */
const ARTIFACTS = join(REPO_ROOT, 'test/artifacts')

let t: ReturnType<typeof tempDir>
let fx: ReportFixture
let png: Uint8Array

/** A real PNG (what the renderer's map export sends): 64×40, a red square on white. */
function makePng(): Uint8Array {
  const p = new PNG({ width: 64, height: 40 })
  for (let y = 0; y < 40; y++)
    for (let x = 0; x < 64; x++) {
      const i = (y * 64 + x) * 4
      const red = x > 10 && x < 30 && y > 10 && y < 30
      p.data[i] = 255
      p.data[i + 1] = red ? 0 : 255
      p.data[i + 2] = red ? 0 : 255
      p.data[i + 3] = 255
    }
  return new Uint8Array(PNG.sync.write(p))
}

async function data(claimIds: number[] | null, image = true): Promise<ReportData> {
  const rows = await fx.db.call('report.rows', { claimIds })
  return {
    ...rows,
    project: 'Report test',
    mapName: 'Main map',
    author: 'Ольга Analyst',
    date: '2026-12-02T10:00:00.000Z',
    selection: 'test selection',
    image: image ? { png, width: 64, height: 40 } : null,
    imageNote: image ? null : 'No map image: test.'
  }
}

function zipEntries(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      const out = new Map<string, Buffer>()
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            out.set(e.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(out))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

const grade = (g: string) => `${g}: source ${SOURCE_RELIABILITY_LABELS[g[0] as 'A'].toLowerCase()}; information ${INFO_CREDIBILITY_LABELS[Number(g[1]) as 1].toLowerCase()}`

/** Everything the report must say, whatever its format. */
function expectFullText(text: string) {
  const flat = text.replace(/\s+/g, ' ')
  const has = (s: string) => expect(flat, s).toContain(s.replace(/\s+/g, ' '))
  has('Evidence report: Report test — Main map')
  has('Ольга Analyst')
  has('2 December 2026')
  for (const [key, c] of Object.entries(fx.claims)) {
    has(c.sentence)
    has(grade(c.grade))
    has(c.attribution)
    if (c.quote) has(`“${c.quote}”`)
    if (c.notes) for (const line of c.notes.split('\n')) has(line)
    expect(key).toBeTruthy()
  }
  has('Refuted: shown to be false')
  has('Corroborated: confirmed by independent sources')
  has('Disputed: other sources contradict it')
  has("Analyst judgement: the analyst's own conclusion, with no quoted passage behind it.")
  // Full citations: title, publisher, byline, date, file name, SHA-256.
  has(fx.seed.title)
  has('NextFin News desk')
  has('2026-02-11')
  has(fx.seed.fileName)
  has(createHash('sha256').update(seedBytes()).digest('hex'))
  has(fx.seed.sha256)
  has(fx.note.title)
  expect(fx.note.title).toBe('Field note: Vladivostok port')
  has('Анна Смирнова')
  has(fx.note.fileName)
  has(fx.note.sha256)
  // The entity index with aliases; non-Latin names as text.
  for (const names of Object.values(fx.aliases)) for (const n of names) has(n)
  has('Иван Петров')
  has('华为技术有限公司')
  has(HOSTILE_NAME)
}

beforeAll(async () => {
  t = tempDir('rwb-report-')
  fx = await buildReportProject(t.dir)
  png = makePng()
})

afterAll(async () => {
  await fx?.db.close()
  t?.cleanup()
})

describe('evidence report', () => {
  it('writes a Word document mammoth reads back whole, with the map PNG embedded byte for byte', async () => {
    const path = await writeReport(await data(null), 'docx', join(t.dir, 'report'))
    expect(path).toBe(join(t.dir, 'report.docx'))
    mkdirSync(ARTIFACTS, { recursive: true })
    copyFileSync(path, join(ARTIFACTS, 'report-fixture.docx'))
    const { value: text, messages } = await mammoth.extractRawText({ path })
    expect(messages.filter((m) => m.type === 'error')).toEqual([])
    expectFullText(text)
    const zip = await zipEntries(path)
    const media = [...zip.keys()].filter((k) => k.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    expect(media[0]).toMatch(/\.png$/)
    expect(Buffer.compare(zip.get(media[0]!)!, Buffer.from(png))).toBe(0)
    // Non-Latin text and the hostile name are text runs (no other picture, escaped XML).
    const xml = zip.get('word/document.xml')!.toString('utf8')
    expect(xml).toContain('华为技术有限公司')
    expect(xml).toContain('Иван Петров')
    expect(xml).toContain('Acme &lt;&amp;&gt;')
    expect(xml.match(/<w:drawing>/g)).toHaveLength(1)
    expect(zip.get('docProps/core.xml')!.toString('utf8')).toContain('Ольга Analyst')
    // mammoth's HTML shows the image and the headings as Word styles.
    const html = (await mammoth.convertToHtml({ path })).value
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/)
    expect(html).toContain('<h1>Claims</h1>')
  })

  it('writes one self-contained HTML file: the same text, the PNG inline, nothing that loads or runs', async () => {
    const path = await writeReport(await data(null), 'html', join(t.dir, 'report.html'))
    const html = readFileSync(path, 'utf8')
    mkdirSync(ARTIFACTS, { recursive: true })
    copyFileSync(path, join(ARTIFACTS, 'report-fixture.html'))
    const dom = new JSDOM(html)
    const doc = dom.window.document
    expect(doc.characterSet).toBe('UTF-8')
    expectFullText(doc.body.textContent ?? '')
    const imgs = [...doc.querySelectorAll('img')]
    expect(imgs).toHaveLength(1)
    const src = imgs[0]!.getAttribute('src')!
    expect(src.startsWith('data:image/png;base64,')).toBe(true)
    expect(Buffer.compare(Buffer.from(src.split(',')[1]!, 'base64'), Buffer.from(png))).toBe(0)
    expect(doc.querySelectorAll('script, link, iframe, object')).toHaveLength(0)
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'")
    // The hostile name is text, in the claim's heading, not markup.
    const heading = [...doc.querySelectorAll('h3')].find((h) => h.textContent!.includes('paid'))!
    expect(heading.textContent!.replace(/^\d+\. /, '')).toBe(fx.claims.paid!.sentence)
    expect(heading.children).toHaveLength(0)
    expect(doc.querySelector('.status-refuted')!.textContent).toBe('Refuted: shown to be false')
  })

  it('holds only the chosen claims, in the order given, with only their entities and sources', async () => {
    const ids = [fx.claims.paid!.id, fx.claims.backed!.id]
    const d = await data(ids, false)
    expect(d.claims.map((c) => c.id)).toEqual(ids)
    expect(d.entities.map((e) => e.name).sort()).toEqual([HOSTILE_NAME, 'Meta', 'Scale AI'].sort())
    expect(d.documents.map((x) => x.id)).toEqual([fx.note.id, fx.seed.id])
    const path = await writeReport(d, 'docx', join(t.dir, 'some.docx'))
    const text = (await mammoth.extractRawText({ path })).value
    expect(text).toContain(fx.claims.paid!.sentence)
    expect(text).toContain(fx.claims.backed!.sentence)
    expect(text).not.toContain(fx.claims.awarded!.sentence)
    expect(text).not.toContain('Иван Петров')
    expect(text).toContain('No map image: test.')
    expect((await zipEntries(path)).has('word/media/image1.png')).toBe(false)
  })

  it('Export → Evidence Report… asks where to save, writes atomically, and says what it left out', async () => {
    const native = new ScriptedNative()
    native.saveAnswers.push(join(t.dir, 'from-app'))
    const deleted = (await fx.db.call('claims.create', { subjectId: fx.entities.meta!, predicate: 'temp', object: { kind: 'text', text: 'x' }, analystJudgement: true })).id
    await fx.db.call('claims.delete', { id: deleted })
    const ids = [fx.claims.valuation!.id, deleted]
    const r = await reportDialog(fx.db, native, 'Analyst Name', { format: 'html', claimIds: ids, selection: 'the claims view, unfiltered', mapName: null, png, imageNote: null })
    expect(r).toMatchObject({ path: join(t.dir, 'from-app.html'), format: 'html', claims: 1, image: true, missing: 1 })
    expect(native.dialogs).toEqual([{ kind: 'save', title: 'Export evidence report' }])
    const text = new JSDOM(readFileSync(r!.path, 'utf8')).window.document.body.textContent!
    expect(text).toContain('Analyst Name')
    expect(text).toContain('1 deleted meanwhile, left out')
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    // Cancelled: nothing written, null.
    expect(await reportDialog(fx.db, native, 'x', { format: 'docx', claimIds: null, selection: '', mapName: null, png: null, imageNote: 'none' })).toBeNull()
    // Not a PNG: refused before any dialog, nothing written.
    await expect(reportDialog(fx.db, native, 'x', { format: 'docx', claimIds: null, selection: '', mapName: null, png: new Uint8Array(100), imageNote: null })).rejects.toThrow(/not a PNG/)
  })
})
