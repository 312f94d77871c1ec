// The map's exports as an analyst hands them in, on the sample article with
// entities in three scripts (Latin, Cyrillic "Сергей Шойгу", Chinese "谷歌"):
//   - PDF: every label on the map, the title, legend and footer are text
//     that pdf.js and poppler's pdftotext extract, set in embedded fonts
//     (no picture of any text); the page is rasterised by pdftoppm to look at;
//   - SVG: no <image> at all (node and legend icons are vector shapes);
//   - PNG on a transparent background: the title, legend and footer sit on
//     opaque backing panels while the rest of the sheet stays transparent;
//   - the title is the map's name, the footer names the sources and the
//     date once, and never the app.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const RU = 'Сергей Шойгу'
const ZH = '谷歌'

test.afterAll(stopHarness)

async function invoke<T>(page: Page, method: string, args: unknown = {}): Promise<T> {
  const res = await page.evaluate(([m, a]) => (window as unknown as { rwb: { invoke(m: string, a: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).rwb.invoke(m as string, a), [method, args] as const)
  if (!res.ok) throw new Error(`${method}: ${res.error?.message}`)
  return res.value as T
}

/** The labels the map draws, read back from Cytoscape (the map's test probe). */
async function mapLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const p = (window as unknown as { __rwbMap: { nodes(): { label: string }[]; edges(): { label: string }[] } }).__rwbMap
    return [...p.nodes().map((n) => n.label), ...p.edges().map((e) => e.label)].filter(Boolean)
  })
}

/** pdf.js (legacy build, in this process): the page's text items, how many images it paints, and its fonts' names. */
async function readPdf(bytes: Uint8Array): Promise<{ items: string[]; images: number; fonts: string[] }> {
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + sep
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise
  try {
    const page = await doc.getPage(1)
    const text = await page.getTextContent()
    const ops = await page.getOperatorList()
    const images = ops.fnArray.filter((fn) => fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject).length
    const fonts = Object.values(text.styles).map((s) => s.fontFamily)
    return { items: text.items.map((i) => ('str' in i ? i.str : '')).filter((s) => s.trim()), images, fonts }
  } finally {
    await doc.destroy()
  }
}

async function exportAs(page: Page, app: Awaited<ReturnType<typeof launchApp>>, path: string, format: 'PNG' | 'SVG' | 'PDF', setup?: (dlg: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  app.native.saveAnswers.push(path)
  await page.getByRole('button', { name: 'Export PNG…' }).click()
  await page.getByRole('dialog', { name: /Export map as/ }).getByRole('radio', { name: format }).check()
  const dlg = page.getByRole('dialog', { name: `Export map as ${format}` })
  // The default title is the map's name, without the project's.
  await expect(dlg.getByRole('textbox', { name: 'Title' })).toHaveValue('Main map')
  await setup?.(dlg)
  await dlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Map exported to ${path}` })).toBeVisible({ timeout: 60_000 })
}

test('map exports: real text in any script (PDF), vector icons (SVG), backed title and legend (transparent PNG)', async () => {
  test.setTimeout(240_000)
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app

  // Two entities tagged in the article, then renamed in other scripts (the map shows entities the documents mention).
  await tagNewEntity(page, 'Pentagon', 'Public body')
  await tagNewEntity(page, 'NextFin', 'Source/Outlet')
  const tagged = await invoke<{ id: number; name: string }[]>(page, 'entities.list')
  const ru = await invoke<{ id: number }>(page, 'entities.update', { id: tagged.find((e) => e.name === 'Pentagon')!.id, name: RU })
  const zh = await invoke<{ id: number }>(page, 'entities.update', { id: tagged.find((e) => e.name === 'NextFin')!.id, name: ZH })
  // Tagged through the app, these two refresh its entity list (the renames above went round it).
  await tagNewEntity(page, 'Scale AI', 'Company')
  await tagNewEntity(page, 'Department of Defense', 'Public body')
  const ents = await invoke<{ id: number; name: string }[]>(page, 'entities.list')
  const id = (name: string) => ents.find((e) => e.name === name)!.id
  const [doc] = await invoke<{ id: number }[]>(page, 'documents.list')
  const text = (await invoke<{ text: string }>(page, 'documents.get', { id: doc!.id })).text
  const passage = (quote: string) => {
    const at = text.indexOf(quote)
    expect(at).toBeGreaterThan(0)
    return { documentId: doc!.id, start: at, end: at + quote.length }
  }
  const grade = { reliability: 'B', credibility: 2, status: 'corroborated' }
  await invoke(page, 'claims.create', { subjectId: id('Department of Defense'), predicate: 'awarded contract to', object: { kind: 'entity', entityId: id('Scale AI') }, passage: passage('awarded Scale AI a $500 million contract'), ...grade })
  await invoke(page, 'claims.create', { subjectId: ru.id, predicate: 'встречался с', object: { kind: 'entity', entityId: zh.id }, passage: passage('Scale AI'), ...grade })
  await invoke(page, 'claims.create', { subjectId: zh.id, predicate: '投资了', object: { kind: 'entity', entityId: id('Scale AI') }, passage: passage('Scale AI'), ...grade })

  await page.getByRole('tab', { name: 'Map' }).click()
  const canvas = page.getByLabel('Relationship map')
  await expect(canvas).toHaveAttribute('data-nodes', '4')
  await expect(canvas).toHaveAttribute('data-edges', '3')
  const labels = await mapLabels(page)
  for (const l of [RU, ZH, 'Scale AI', 'встречался с', '投资了']) expect(labels).toContain(l)
  await page.screenshot({ path: join(SHOTS, 'mapexport-screen.png') })

  // PDF, A4 landscape: every label the map draws is text in an embedded font, in any script.
  const pdfPath = join(data.dir, 'map.pdf')
  await exportAs(page, app, pdfPath, 'PDF', async (dlg) => {
    await dlg.getByRole('radio', { name: 'Paper' }).check()
    await dlg.getByLabel('Orientation').selectOption('landscape')
  })
  const pdfBytes = readFileSync(pdfPath)
  copyFileSync(pdfPath, join(SHOTS, 'mapexport.pdf'))
  const pdf = await readPdf(pdfBytes)
  // A long label wraps onto two lines, as on screen: compared with the lines joined.
  const pdfText = pdf.items.join(' ').replace(/\s+/g, ' ')
  for (const l of labels) expect(pdfText).toContain(l)
  expect(pdf.items).toContain('Main map') // the title: the map's name
  expect(pdfText).toContain('Sources:')
  expect(pdfText.match(/exported \d{4}-\d{2}-\d{2}/g)).toHaveLength(1) // the date, once
  expect(pdfText).not.toContain('Research Workbench')
  expect(pdf.images).toBe(0) // no picture of any text
  // The fonts are embedded subsets (six capitals and a plus), not a standard font.
  const raw = pdfBytes.toString('latin1')
  expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/)
  expect(raw).toMatch(/\/FontFile2 /)
  expect(raw).toMatch(/\/FontFile3 /) // the CJK face (CFF outlines)
  expect(raw).not.toMatch(/\/Helvetica/)
  // Poppler, as most readers extract text, finds the same names.
  // (-raw: in drawing order. Edge labels are set along their edges, and poppler cuts text at such angles into single
  // letters, so those are compared without spaces.)
  const txt = spawnSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' })
  expect(txt.status, txt.stderr).toBe(0)
  for (const l of [RU, ZH, 'Scale AI', 'Department of', 'Defense', 'Main map', 'Sources:']) expect(txt.stdout).toContain(l)
  const squeezed = txt.stdout.replace(/\s+/g, '')
  for (const l of ['awarded contract to', 'встречался с', '投资了']) expect(squeezed).toContain(l.replace(/\s+/g, ''))
  // And draws it: the page rasterised for a person to look at (and with ink on it).
  const ppm = spawnSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdfPath, join(SHOTS, 'mapexport-pdf-page')])
  expect(ppm.status).toBe(0)
  const pagePng = PNG.sync.read(readFileSync(join(SHOTS, 'mapexport-pdf-page.png')))
  let dark = 0
  for (let i = 0; i < pagePng.data.length; i += 4) if (pagePng.data[i]! < 100) dark++
  expect(dark).toBeGreaterThan(500)

  // SVG: vector through and through, labels as text.
  const svgPath = join(data.dir, 'map.svg')
  await exportAs(page, app, svgPath, 'SVG')
  const svg = readFileSync(svgPath, 'utf8')
  copyFileSync(svgPath, join(SHOTS, 'mapexport.svg'))
  expect(svg).not.toMatch(/<image\b/)
  expect(svg).not.toContain('data:image/png')
  const svgTexts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join(' ').replace(/\s+/g, ' ')
  for (const l of labels) expect(svgTexts).toContain(l)
  // One nested icon per node, and one per node type in the legend.
  expect((svg.match(/<svg [^>]*viewBox="[^"]*"[^>]*fill="#ffffff"|<svg [^>]*fill="#ffffff"[^>]*viewBox=/g) ?? []).length).toBeGreaterThanOrEqual(4 + 3)

  // PNG, transparent, 2×: the sheet is transparent, but under the title the panel is opaque.
  const pngPath = join(data.dir, 'map.png')
  await exportAs(page, app, pngPath, 'PNG', async (dlg) => {
    await dlg.getByRole('radio', { name: 'Transparent' }).check()
  })
  copyFileSync(pngPath, join(SHOTS, 'mapexport-transparent.png'))
  const png = PNG.sync.read(readFileSync(pngPath))
  const alpha = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3]!
  expect(alpha(1, 1)).toBe(0) // the corner: transparent
  const margin = 32 // 16 px at 2× (tiling.ts)
  const titleFont = 40
  // Every pixel of the title's first line, letters and gaps alike, is opaque.
  let clear = 0
  for (let y = margin; y < margin + titleFont; y += 2) for (let x = margin; x < margin + 120; x += 2) if (alpha(x, y) < 200) clear++
  expect(clear).toBe(0)
  // The footer's panel too (its first line, bottom left).
  let footerOpaque = 0
  for (let y = png.height - margin - 60; y < png.height - margin; y++) if (alpha(margin + 4, y) > 200) footerOpaque++
  expect(footerOpaque).toBeGreaterThan(10)

  expect(app.foreignRequests).toEqual([])
})
