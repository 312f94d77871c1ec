// OCR of scanned PDFs, on real pages: two pages of the corpus's
// tracemonkey.pdf rendered at 300 DPI into an image-only PDF (no text layer:
// pdftotext, poppler's reader, finds no text in it), imported by the real
// `rwb import` in a child process with no network at all (a fresh network
// namespace: `unshare -rn`), and the recognised text scored against the
// original's own text layer (word accuracy ≥ 95 %, see
// test/support/wordAccuracy.mjs for the measure). Blank scans get the plain
// message; in a mixed PDF only the page without text is recognised.
// CPU-heavy (each OCR page costs seconds): two text pages and two blank ones.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Block, OcrInfo } from '../../src-main/contract/types'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { readForImport } from '../../src-main/core/import/importFile'
import { parseIsolated } from '../../src-main/core/import/isolated'
import { NO_TEXT_RECOGNISED } from '../../src-main/core/import/pdf'
import { makePdf } from '../fixtures/makeFiles'
import { blankPage, imagePdf, renderPages } from '../support/makeScan.mjs'
import { REPO_ROOT, SHARED, tempDir } from '../support/tempDir'
import { wordAccuracy } from '../support/wordAccuracy.mjs'

const TRACEMONKEY = join(SHARED, 'corpus', 'pdf', 'tracemonkey.pdf')
const CLI = join(REPO_ROOT, 'test/.cache/cli.js')

let t: ReturnType<typeof tempDir>
beforeAll(() => (t = tempDir('rwb-ocr-')))
afterAll(() => t.cleanup())

const hasUnshare = spawnSync('unshare', ['-rn', 'true']).status === 0
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0

function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: t.dir })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The original's text layer of pages 1–2, as the importer reads it. */
async function originalText(): Promise<string> {
  const doc = await parseIsolated(readForImport(TRACEMONKEY), { timeoutMs: 60_000 })
  return doc.blocks
    .filter((b) => (b.page ?? 0) <= 2)
    .map((b) => doc.text.slice(b.start, b.end))
    .join('\n')
}

describe('OCR of scanned PDFs', () => {
  it('reads two 300 DPI scanned pages of tracemonkey.pdf with ≥ 95 % word accuracy, offline, through `rwb import`', async () => {
    const scan = join(t.dir, 'tracemonkey-scan.pdf')
    writeFileSync(scan, imagePdf(await renderPages(readFileSync(TRACEMONKEY), [1, 2], 300)))
    // The scan has no text layer, as poppler sees it.
    if (hasPdftotext) {
      const seen = spawnSync('pdftotext', [scan, '-'], { encoding: 'utf8' })
      expect(seen.status).toBe(0)
      expect(seen.stdout.trim()).toBe('')
    }
    const project = join(t.dir, 'ocr.rwb')
    // No network in the child: any attempt to fetch the worker, core or language data would fail the import.
    const r = hasUnshare ? await run('unshare', ['-rn', process.execPath, CLI, 'import', project, scan]) : await run(process.execPath, [CLI, 'import', project, scan])
    expect(r.stdout + r.stderr).toContain(`imported: ${scan}`)
    expect(r.code, r.stderr).toBe(0)
    // Nothing cached beside the project (tesseract.js writes eng.traineddata to the working folder unless told not to).
    expect(spawnSync('ls', [t.dir], { encoding: 'utf8' }).stdout).not.toMatch(/traineddata/)

    const SQL = await loadSqlJs()
    const db = new SQL.Database(readFileSync(project))
    const row = db.exec('SELECT text, blocks, ocr, pages FROM documents')[0]!.values[0]! as [string, string, string, number]
    db.close()
    const [text, blocksJson, ocrJson, pages] = row
    const ocr = JSON.parse(ocrJson) as OcrInfo
    expect(pages).toBe(2)
    expect(ocr.lang).toBe('eng')
    expect(ocr.pages.map((p) => p.page)).toEqual([1, 2])
    for (const p of ocr.pages) expect(p.confidence).toBeGreaterThan(70)
    expect(ocr.confidence).toBeGreaterThan(70)
    // Every block is on a recognised page, and headings/paragraphs were laid out (not one block per page).
    const blocks = (JSON.parse(blocksJson) as [number, number, Block['kind'], number][]).map(([start, end, kind, page]) => ({ start, end, kind, page }))
    expect(blocks.every((b) => b.page === 1 || b.page === 2)).toBe(true)
    expect(blocks.length).toBeGreaterThan(10)
    expect(text).toContain('Trace-based Just-in-Time Type Specialization for Dynamic')

    const score = wordAccuracy(await originalText(), text)
    console.log(`OCR word accuracy on tracemonkey pages 1–2 at 300 DPI: ${(score.accuracy * 100).toFixed(1)} % (${score.distance} word edits over ${score.truthWords} words; ${score.recognisedWords} recognised)${hasUnshare ? ', network namespace without network' : ''}`)
    expect(score.accuracy).toBeGreaterThanOrEqual(0.95)
  }, 360_000)

  it('says a blank scan has no recognisable text, rather than importing an empty document', async () => {
    const path = join(t.dir, 'blank-scan.pdf')
    writeFileSync(path, imagePdf([blankPage(300)]))
    const progress: [number, number][] = []
    const e = await parseIsolated(readForImport(path), { onOcrProgress: (done, total) => progress.push([done, total]) }).then(
      () => null,
      (x: Error) => x
    )
    expect(e?.message).toBe(NO_TEXT_RECOGNISED)
    expect(e?.message).toBe('this PDF has no text layer (it looks scanned), and OCR found no readable text on its pages')
    expect(progress).toEqual([
      [0, 1],
      [1, 1]
    ])
  }, 120_000)

  it('in a mixed PDF recognises only the page without text, and keeps the text layer of the others', async () => {
    const text = makePdf({ pages: [{ lines: [{ text: 'A page with its own text layer, read as it is.', x: 72, y: 700, size: 11 }] }] })
    // Page 1 has a text layer, page 2 is a blank scan.
    const mixed = mixedPdf(text, imagePdf([blankPage(150)]))
    const path = join(t.dir, 'mixed.pdf')
    writeFileSync(path, mixed)
    const progress: [number, number][] = []
    const doc = await parseIsolated(readForImport(path), { onOcrProgress: (done, total) => progress.push([done, total]) })
    expect(doc.pages).toBe(2)
    expect(doc.text).toBe('A page with its own text layer, read as it is.')
    // One page recognised (the blank one, which yields nothing): no OCR record.
    expect(progress).toEqual([
      [0, 1],
      [1, 1]
    ])
    expect(doc.ocr).toBeNull()
  }, 120_000)
})

/**
 * A PDF whose page 1 is `textPdf`'s only page and page 2 is `scanPdf`'s only
 * page: both were written by our own builders (object 1 catalog, 2 pages, the
 * rest numbered from 3), so the second file's objects are renumbered past
 * the first's and both pages go under one /Pages.
 */
function mixedPdf(textPdf: Buffer, scanPdf: Buffer): Buffer {
  const objects = (pdf: Buffer) => {
    const s = pdf.toString('latin1')
    const out = new Map<number, string>()
    for (const m of s.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj\n/g)) out.set(Number(m[1]), m[2]!)
    return out
  }
  const a = objects(textPdf)
  const b = objects(scanPdf)
  const shift = Math.max(...a.keys())
  const renumber = (body: string) => body.replace(/(\d+) 0 R/g, (_, n: string) => `${Number(n) === 2 ? 2 : Number(n) + shift} 0 R`)
  const all = new Map<number, string>()
  for (const [n, body] of a) if (n > 2) all.set(n, body)
  for (const [n, body] of b) if (n > 2) all.set(n + shift, renumber(body))
  const pageOf = (m: Map<number, string>, off: number) => [...m].filter(([, body]) => body.includes('/Type /Page ')).map(([n]) => n + off)
  const kids = [...pageOf(a, 0), ...pageOf(b, shift)]
  all.set(1, '<< /Type /Catalog /Pages 2 0 R >>')
  all.set(2, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`)
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const max = Math.max(...all.keys())
  const offsets: number[] = []
  for (let n = 1; n <= max; n++) {
    offsets[n] = Buffer.byteLength(out, 'latin1')
    out += `${n} 0 obj\n${all.get(n) ?? 'null'}\nendobj\n`
  }
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${max + 1}\n0000000000 65535 f \n`
  for (let n = 1; n <= max; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${max + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
