// The map PDF's text in embedded Noto subsets (pdfFonts.ts), drawn through
// the PDF canvas and written by pdfDocument.ts, then read back by pdf.js and,
// by poppler's pdftotext: Latin, Cyrillic,
// Chinese and Arabic text comes back as the characters typed, each face is a
// subset far smaller than its font file, and nothing is a picture.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PdfCanvas } from '../../src-renderer/src/map/pdf/pdfCanvas'
import { pdfDocument } from '../../src-renderer/src/map/pdf/pdfDocument'
import { PdfFontSet, toUnicodeCMap, type FaceBytes } from '../../src-renderer/src/map/pdf/pdfFonts'

const ARTIFACTS = join(import.meta.dirname, '../artifacts')
mkdirSync(ARTIFACTS, { recursive: true })
const NM = join(import.meta.dirname, '../../node_modules/@embedpdf')
const read = (p: string) => new Uint8Array(readFileSync(join(NM, p)))
const faces: FaceBytes = {
  regular: read('fonts-latin/fonts/NotoSans-Regular.ttf'),
  bold: read('fonts-latin/fonts/NotoSans-Bold.ttf'),
  fallbacks: [read('fonts-sc/fonts/NotoSansHans-Regular.otf'), read('fonts-arabic/fonts/NotoNaskhArabic-Regular.ttf')]
}

async function pdfText(bytes: Uint8Array): Promise<{ items: string[]; images: number }> {
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + sep
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise
  try {
    const page = await doc.getPage(1)
    const text = await page.getTextContent()
    const ops = await page.getOperatorList()
    return { items: text.items.map((i) => ('str' in i ? i.str : '')), images: ops.fnArray.filter((f) => f === pdfjs.OPS.paintImageXObject).length }
  } finally {
    await doc.destroy()
  }
}

const LINES = ['Scale AI — Department of Defense', 'Сергей Шойгу', '谷歌 投资了', 'Ελληνικά', 'مرحبا بالعالم']

async function page(): Promise<Uint8Array> {
  const ctx = new PdfCanvas(595, 1, new PdfFontSet(faces))
  ctx.fillStyle = '#1f2328'
  ctx.font = '700 20px Inter'
  ctx.textBaseline = 'top'
  ctx.fillText('Main map', 40, 30)
  ctx.font = '400 14px Inter'
  LINES.forEach((l, i) => ctx.fillText(l, 40, 80 + i * 30))
  return pdfDocument(ctx, { width: 842, height: 595 }, 'Main map')
}

describe('map PDF text in embedded Noto subsets', () => {
  it('cuts a text into runs by the face that has its characters', () => {
    const set = new PdfFontSet(faces)
    const runs = set.runs('Шойгу and 谷歌 Inc', false)
    expect(runs.map((r) => r.text)).toEqual(['Шойгу and ', '谷歌 Inc'])
    expect(runs[0]!.face).not.toBe(runs[1]!.face)
    expect(set.uncovered).toBe(false)
    set.runs('🙂', false)
    expect(set.uncovered).toBe(true)
  })

  it('writes a ToUnicode CMap in blocks of at most 100', () => {
    const map = new Map(Array.from({ length: 150 }, (_, i) => [i + 1, String.fromCharCode(0x410 + (i % 32))] as [number, string]))
    const cmap = toUnicodeCMap(map)
    expect(cmap.match(/(\d+) beginbfchar/g)).toEqual(['100 beginbfchar', '50 beginbfchar'])
    expect(cmap).toContain('<0001> <0410>')
  })

  it('pdf.js extracts Latin, Cyrillic, Chinese and Arabic as typed; fonts are embedded subsets; no pictures', async () => {
    const bytes = await page()
    const { items, images } = await pdfText(bytes)
    const all = items.join('\n')
    for (const l of ['Main map', ...LINES.slice(0, 4)]) expect(all).toContain(l)
    // Arabic is shaped and set right to left; extraction gives its letters back (in either order, by reader).
    for (const word of ['مرحبا', 'بالعالم']) expect(all.includes(word) || all.includes([...word].reverse().join(''))).toBe(true)
    expect(images).toBe(0)
    const raw = Buffer.from(bytes).toString('latin1')
    expect(raw.match(/\/Subtype \/Type0/g)).toHaveLength(4) // regular, bold, CJK, Arabic
    // Subsets: the whole file is far smaller than the 8.4 MB CJK font alone.
    expect(bytes.length).toBeLessThan(120_000)
  })

  it('pdftotext (poppler) reads the same text', async () => {
    // poppler-utils: .ci/run installs it.
    expect(spawnSync('pdftotext', ['-v']).error, 'pdftotext is missing (apt-get install poppler-utils)').toBeUndefined()
    const dir = mkdtempSync(join(tmpdir(), 'rwb-pdf-'))
    const file = join(dir, 'fonts.pdf')
    writeFileSync(file, await page())
    // Drawn, too: poppler renders every face's glyphs (a broken subset renders blank or throws errors).
    const ppm = spawnSync('pdftoppm', ['-png', '-r', '100', '-singlefile', file, join(dir, 'page')], { encoding: 'utf8' })
    expect(ppm.status, ppm.stderr).toBe(0)
    expect(ppm.stderr).toBe('')
    copyFileSync(join(dir, 'page.png'), join(ARTIFACTS, 'map-pdf-fonts.png'))
    const out = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' })
    expect(out.status, out.stderr).toBe(0)
    for (const l of ['Main map', ...LINES.slice(0, 4)]) expect(out.stdout).toContain(l)
    expect(out.stderr).not.toMatch(/error/i)
  })
})
