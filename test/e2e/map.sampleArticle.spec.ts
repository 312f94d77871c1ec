// The relationship map on the sample article: entities, a link (an analyst
// judgement without a passage) and graded
// claims on the map; the evidence behind an edge and the jump to the reader;
// pinning and re-layout; a named map with its own filters and places that
// survive a restart; PNG (A3 at 300 DPI), SVG and PDF exports.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { linkAsJudgement, tagNewEntity } from './actions'
import { launchApp, newDataDir, stopHarness } from './harness'
import { ink, invoke, nodeByLabel, probe, SHOTS } from './mapProbe'

test.afterAll(stopHarness)

/** A control of the map's one-row toolbar, from its "More" panel when the row has no room for it. */
async function toolbarControl(page: Page, control: Locator): Promise<Locator> {
  if (!(await control.isVisible())) {
    const more = page.getByRole('button', { name: 'More ▾' })
    if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click()
  }
  return control
}

async function canvasOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByLabel('Relationship map').boundingBox()
  return { x: box!.x, y: box!.y }
}

/** A PDF read with pdf.js (legacy build, in this process): pages, first page size in points, its text items and images drawn. */
async function readPdf(bytes: Uint8Array): Promise<{ pages: number; size: number[]; items: string[]; images: number }> {
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // The standard fonts (Helvetica is not embedded) from the package, as the app's PDF import reads them.
  const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + sep
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, standardFontDataUrl }).promise
  try {
    const page = await doc.getPage(1)
    const [x1, y1, x2, y2] = page.view as number[]
    const text = await page.getTextContent()
    const ops = await page.getOperatorList()
    const images = ops.fnArray.filter((fn) => fn === pdfjs.OPS.paintImageXObject).length
    return { pages: doc.numPages, size: [x2! - x1!, y2! - y1!], items: text.items.map((i) => ('str' in i ? i.str.trim() : '')).filter(Boolean), images }
  } finally {
    await doc.destroy()
  }
}

test('the map of the sample article: evidence, pins, named maps across a restart, PNG/SVG/PDF exports', async () => {
  test.setTimeout(240_000)
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app

  // Tag four entities and link two of them.
  await tagNewEntity(page, 'Scale AI', 'Company')
  await tagNewEntity(page, 'Department of Defense', 'Public body')
  await tagNewEntity(page, 'Pentagon', 'Public body')
  await tagNewEntity(page, 'NextFin', 'Source/Outlet')
  const entityList = page.getByRole('listbox', { name: 'Entity list' })
  await expect(entityList.getByRole('option')).toHaveCount(4)
  await entityList.getByRole('option', { name: /Department of Defense/ }).click()
  await linkAsJudgement(page, 'Department of Defense', 'is also called', 'Penta', /^Pentagon/)

  // Two graded claims with their passages (made through the app's API, as the claims pane does).
  const ents = await invoke<{ id: number; name: string }[]>(page, 'entities.list')
  const id = (name: string) => ents.find((e) => e.name === name)!.id
  const [docSummary] = await invoke<{ id: number }[]>(page, 'documents.list')
  const text = (await invoke<{ text: string }>(page, 'documents.get', { id: docSummary!.id })).text
  const QUOTE = 'awarded Scale AI a $500 million contract'
  const at = text.indexOf(QUOTE)
  expect(at).toBeGreaterThan(0)
  await invoke(page, 'claims.create', {
    subjectId: id('Department of Defense'),
    predicate: 'awarded contract to',
    object: { kind: 'entity', entityId: id('Scale AI') },
    passage: { documentId: docSummary!.id, start: at, end: at + QUOTE.length },
    reliability: 'B',
    credibility: 2,
    status: 'corroborated'
  })
  const Q2 = 'Pentagon'
  const at2 = text.indexOf("Pentagon's AI strategy")
  await invoke(page, 'claims.create', {
    subjectId: id('Scale AI'),
    predicate: 'is pivotal to',
    object: { kind: 'entity', entityId: id('Pentagon') },
    passage: { documentId: docSummary!.id, start: at2, end: at2 + Q2.length },
    reliability: 'D',
    credibility: 4,
    status: 'unverified'
  })

  // The map: four nodes; the link and the two claims as edges, styled by grade.
  await page.getByRole('tab', { name: 'Map' }).click()
  const canvas = page.getByLabel('Relationship map')
  await expect(canvas).toHaveAttribute('data-nodes', '4')
  await expect(canvas).toHaveAttribute('data-edges', '3')
  await expect(canvas).toHaveAttribute('data-renderer', 'canvas')
  await expect.poll(async () => (await probe.edges(page)).map((e) => `${e.classes}:${e.label}`).sort()).toEqual([
    'claim grade-strong:awarded contract to',
    'claim grade-weak:is pivotal to',
    // "Link to…" made an analyst judgement without a passage: drawn as the analyst's link
    'claim link:is also called'
  ])
  const legend = page.getByLabel('Legend')
  for (const t of ['Company', 'Public body', 'Source/Outlet', 'Claim, well graded (A–B, 1–2)', 'Claim, weaker or ungraded', 'Your link']) await expect(legend).toContainText(t)
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(SHOTS, 'map-claims.png') })

  // Clicking an edge shows its evidence; clicking the claim jumps to the reader at its passage.
  const origin = await canvasOrigin(page)
  const strong = (await probe.edges(page)).find((e) => e.classes.includes('grade-strong'))!
  await page.mouse.click(origin.x + strong.mid.x, origin.y + strong.mid.y)
  const evidence = page.getByRole('complementary', { name: 'Evidence' })
  await expect(evidence).toContainText('Department of Defense → Scale AI')
  await expect(evidence).toContainText('1 claim')
  await expect(evidence.locator('.grade-badge')).toHaveText('B2')
  await expect(evidence.locator('q.passage')).toHaveText(QUOTE)
  await page.screenshot({ path: join(SHOTS, 'map-evidence.png') })
  await evidence.getByRole('button', { name: new RegExp(QUOTE.replace(/[$]/g, '\\$')) }).click()
  await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.locator('.doc-text .flash').first()).toBeVisible()
  expect((await page.locator('.doc-text .flash').allTextContents()).join('')).toBe(QUOTE)

  // A link made with "Link to…" is an analyst judgement: its evidence says so.
  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(canvas).toHaveAttribute('data-nodes', '4')
  const link = (await probe.edges(page)).find((e) => e.label === 'is also called')!
  const o2 = await canvasOrigin(page)
  await page.mouse.click(o2.x + link.mid.x, o2.y + link.mid.y)
  await expect(page.getByRole('complementary', { name: 'Evidence' })).toContainText('Department of Defense → Pentagon')
  await expect(page.getByRole('complementary', { name: 'Evidence' })).toContainText('Analyst judgement (no passage)')
  await expect(page.getByRole('complementary', { name: 'Evidence' })).toContainText('Your link')
  await expect(page.getByRole('complementary', { name: 'Evidence' })).toContainText('Passages mentioning both')

  // Clicking a node selects its entity in the entities pane, and shows its claims.
  const scale = await nodeByLabel(page, 'Scale AI')
  await page.mouse.click(o2.x + scale.rx, o2.y + scale.ry)
  await expect(page.getByRole('region', { name: 'Entity Scale AI' })).toBeVisible()
  const nodeCard = page.getByRole('complementary', { name: 'Map entity Scale AI' })
  await expect(nodeCard).toContainText('awarded contract to')
  await expect(nodeCard).toContainText('is pivotal to')

  // Pin Scale AI from its context menu; re-layout leaves it where it is.
  await page.mouse.click(o2.x + scale.rx, o2.y + scale.ry, { button: 'right' })
  await page.getByRole('menu', { name: 'Node Scale AI' }).getByRole('menuitem', { name: 'Pin here' }).click()
  await expect.poll(async () => (await nodeByLabel(page, 'Scale AI')).pinned).toBe(true)
  const before = await probe.nodes(page)
  await (await toolbarControl(page, page.getByRole('button', { name: 'Re-layout' }))).click()
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeEnabled()
  await page.waitForTimeout(300)
  const after = await probe.nodes(page)
  const pinnedBefore = before.find((n) => n.label === 'Scale AI')!
  const pinnedAfter = after.find((n) => n.label === 'Scale AI')!
  expect([pinnedAfter.x, pinnedAfter.y]).toEqual([pinnedBefore.x, pinnedBefore.y])
  await page.screenshot({ path: join(SHOTS, 'map-pinned.png') })

  // The search box centres a node and selects its entity.
  // Pan the view away first (drag the empty top-left corner of the canvas).
  const box0 = (await page.getByLabel('Relationship map').boundingBox())!
  await page.mouse.move(box0.x + 6, box0.y + 6)
  await page.mouse.down()
  await page.mouse.move(box0.x + 206, box0.y + 156, { steps: 6 })
  await page.mouse.up()
  const far = await nodeByLabel(page, 'Pentagon')
  expect(Math.hypot(far.rx - box0.width / 2, far.ry - box0.height / 2)).toBeGreaterThan(25) // not already in the middle
  await (await toolbarControl(page, page.getByLabel('Find on map'))).fill('penta')
  await page.getByLabel('Find on map').press('Enter')
  await expect(page.getByRole('region', { name: 'Entity Pentagon' })).toBeVisible()
  await expect
    .poll(async () => {
      const n = await nodeByLabel(page, 'Pentagon')
      const box = (await page.getByLabel('Relationship map').boundingBox())!
      return Math.hypot(n.rx - box.width / 2, n.ry - box.height / 2)
    })
    .toBeLessThan(25) // the node with its label is centred: the disc sits a little above the middle

  // A second named map: no sources, Pentagon dragged somewhere else.
  await (await toolbarControl(page, page.getByRole('button', { name: 'New map…' }))).click()
  await page.getByLabel('New map name').fill('Contracts')
  await page.getByRole('button', { name: 'Create map' }).click()
  await expect(page.getByLabel('Map view')).toHaveValue(/\d+/)
  await expect(canvas).toHaveAttribute('data-map', 'Contracts')
  await expect(canvas).toHaveAttribute('data-nodes', '4')
  await (await toolbarControl(page, page.getByRole('button', { name: /^Filters/ }))).click()
  const filters = page.getByRole('dialog', { name: 'Map filters' })
  await filters.getByRole('checkbox', { name: 'Source/Outlet' }).uncheck()
  await expect(canvas).toHaveAttribute('data-nodes', '3')
  await filters.getByRole('button', { name: 'Close filters' }).click()
  await expect(await toolbarControl(page, page.getByRole('button', { name: 'Filters (1) ▾' }))).toBeVisible()
  await page.waitForTimeout(300)
  const pent = await nodeByLabel(page, 'Pentagon')
  const o3 = await canvasOrigin(page)
  await page.mouse.move(o3.x + pent.rx, o3.y + pent.ry)
  await page.mouse.down()
  await page.mouse.move(o3.x + pent.rx + 60, o3.y + pent.ry + 45, { steps: 8 })
  await page.mouse.up()
  const moved = await nodeByLabel(page, 'Pentagon')
  expect(Math.hypot(moved.rx - pent.rx - 60, moved.ry - pent.ry - 45)).toBeLessThan(3)
  // The main map still shows all four, its places untouched by the other map.
  const mainBefore = after
  await page.getByLabel('Map view').selectOption({ label: 'Main map' })
  await expect(canvas).toHaveAttribute('data-map', 'Main map')
  await expect(canvas).toHaveAttribute('data-nodes', '4')
  const mainPent = await nodeByLabel(page, 'Pentagon')
  const mainPentBefore = mainBefore.find((n) => n.label === 'Pentagon')!
  expect([mainPent.x, mainPent.y]).toEqual([mainPentBefore.x, mainPentBefore.y])
  await page.getByLabel('Map view').selectOption({ label: 'Contracts' })
  await expect(canvas).toHaveAttribute('data-nodes', '3')
  const contractsPlaces = await probe.nodes(page)
  await page.screenshot({ path: join(SHOTS, 'map-named.png') })

  // Export PNG: A3 at 300 DPI, landscape, white, with title, legend and sources.
  const pngPath = join(data.dir, 'map-a3.png')
  app.native.saveAnswers.push(pngPath)
  await page.getByRole('button', { name: 'Export PNG…' }).click()
  let dlg = page.getByRole('dialog', { name: 'Export map as PNG' })
  await dlg.getByRole('radio', { name: 'Paper' }).check()
  await dlg.getByLabel('Paper size').selectOption('A3')
  await dlg.getByLabel('Resolution').selectOption('300')
  await dlg.getByLabel('Orientation').selectOption('landscape')
  await expect(dlg.getByTestId('png-size')).toHaveText('4961 × 3508')
  await dlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Map exported to ${pngPath}` })).toBeVisible({ timeout: 60_000 })
  const png = PNG.sync.read(readFileSync(pngPath))
  expect([png.width, png.height]).toEqual([4961, 3508])
  expect(ink(png)).toBeGreaterThan(0.002)
  expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255])
  copyFileSync(pngPath, join(SHOTS, 'map-export-a3.png'))

  // Export SVG: vector, the entity labels as text.
  const svgPath = join(data.dir, 'map.svg')
  app.native.saveAnswers.push(svgPath)
  await page.getByRole('button', { name: 'Export PNG…' }).click()
  await page.getByRole('dialog', { name: /Export map as/ }).getByRole('radio', { name: 'SVG' }).check()
  dlg = page.getByRole('dialog', { name: 'Export map as SVG' })
  await dlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Map exported to ${svgPath}` })).toBeVisible()
  const svg = readFileSync(svgPath, 'utf8')
  expect(svg.startsWith('<?xml')).toBe(true)
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.trim())
  // Labels are text; a long one wraps onto consecutive <text> lines, as on screen.
  const allText = texts.join(' ')
  for (const label of ['Scale AI', 'Department of Defense', 'Pentagon']) expect(allText).toContain(label)
  expect(texts).toContain('Scale AI')
  // The edge label with its grade, as the map draws it (map setting edgeLabels, on by default).
  expect(texts).toContain('awarded contract to · B2')
  expect(texts).not.toContain('NextFin') // filtered out of this map (the footer names the document, not the entity)
  expect(texts.some((t) => t.startsWith('Sources:'))).toBe(true)
  copyFileSync(svgPath, join(SHOTS, 'map-export.svg'))

  // Export PDF: A4 page, vector, the labels as text a PDF reader finds.
  const pdfPath = join(data.dir, 'map.pdf')
  app.native.saveAnswers.push(pdfPath)
  await page.getByRole('button', { name: 'Export PNG…' }).click()
  await page.getByRole('dialog', { name: /Export map as/ }).getByRole('radio', { name: 'PDF' }).check()
  dlg = page.getByRole('dialog', { name: 'Export map as PDF' })
  await dlg.getByRole('radio', { name: 'Paper' }).check()
  await dlg.getByLabel('Paper size').selectOption('A4')
  await dlg.getByLabel('Orientation').selectOption('landscape')
  await dlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Map exported to ${pdfPath}` })).toBeVisible({ timeout: 60_000 })
  const pdfBytes = readFileSync(pdfPath)
  expect(pdfBytes.toString('latin1', 0, 5)).toBe('%PDF-')
  const pdf = await readPdf(pdfBytes)
  expect(pdf.pages).toBe(1)
  expect(pdf.size.map(Math.round)).toEqual([842, 595]) // A4 landscape, in points
  const pdfText = pdf.items.join(' ')
  for (const label of ['Scale AI', 'Department of Defense', 'Pentagon', 'awarded contract to']) expect(pdfText).toContain(label)
  expect(pdf.items).toContain('Scale AI')
  expect(pdf.items).not.toContain('NextFin') // filtered out of this map (the footer names the document, not the entity)
  expect(pdf.items.some((t) => t.startsWith('Sources:'))).toBe(true)
  expect(pdf.images).toBe(0) // vector: no picture of the map
  copyFileSync(pdfPath, join(SHOTS, 'map-export.pdf'))

  expect(app.foreignRequests).toEqual([])
  expect(app.consoleErrors).toEqual([])
  await app.quit()

  // Restart: the named map comes back with its filters and places.
  const again = await launchApp(data.dir)
  const p2 = again.page
  await p2.getByRole('tab', { name: 'Map' }).click()
  const c2 = p2.getByLabel('Relationship map')
  await expect(c2).toHaveAttribute('data-nodes', '4')
  await p2.getByLabel('Map view').selectOption({ label: 'Contracts' })
  await expect(c2).toHaveAttribute('data-map', 'Contracts')
  await expect(c2).toHaveAttribute('data-nodes', '3')
  await expect(await toolbarControl(p2, p2.getByRole('button', { name: 'Filters (1) ▾' }))).toBeVisible()
  const restored = await probe.nodes(p2)
  for (const n of contractsPlaces) {
    const r = restored.find((x) => x.entityId === n.entityId)!
    expect(Math.abs(r.x - n.x)).toBeLessThan(0.01)
    expect(Math.abs(r.y - n.y)).toBeLessThan(0.01)
  }
  expect(restored.find((n) => n.label === 'Scale AI')!.pinned).toBe(false) // pinned on the main map only
  await p2.getByLabel('Map view').selectOption({ label: 'Main map' })
  await expect.poll(async () => (await nodeByLabel(p2, 'Scale AI')).pinned).toBe(true)
  expect(again.consoleErrors).toEqual([])
  await again.quit()
  data.cleanup()
})
