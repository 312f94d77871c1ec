// Claims as nodes, exported (issue #11): on the sample article (8 entities
// tagged, the 4 claims with their sources and grades) plus a claim of the
// test's own in two more scripts (谷歌 invested in Scale AI, according to
// Сергей Шойгу), the map in claims mode with a filter on (entities without
// edges hidden) draws each source linked to its claims, and its PDF, SVG and
// PNG show what the screen shows:
//   - PDF (pdf.js): every label drawn on screen — entity names, claim and
//     value nodes, the sources' roles — is text, in every script; the
//     filtered-out entity is not there; no picture of any text;
//   - SVG: the same labels as <text>, no <image>;
//   - PNG: each node's colour where the screen has that node, at the place
//     the sheet maps it to (same mode, same filters, same places).
// Edge labels overlap nothing, and at 1024×700 the map still fits the canvas.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'
import { invoke } from './mapRoomSetup'
import { makeSampleClaims } from './mapSample'
import { exportAs, labelledEdges, layOut, NO_OVERLAPS, probe, readPdf } from './mapTools'

const SHOTS = join(REPO, 'test/artifacts')
const RU = 'Сергей Шойгу'
const ZH = '谷歌'

test.afterAll(stopHarness)

/** Every text the map draws, line by line (a node's label may have several lines). */
async function drawnTexts(page: Page): Promise<string[]> {
  const texts = [...(await probe.nodes(page)).map((n) => n.display), ...(await probe.edges(page)).map((e) => e.display)]
  return texts.filter(Boolean).flatMap((t) => t.split('\n'))
}

/** Every node inside the canvas (its centre, with its disc). */
async function allInside(page: Page): Promise<boolean> {
  const c = (await page.getByLabel('Relationship map').boundingBox())!
  return (await probe.nodes(page)).every((n) => n.rx >= 8 && n.rx <= c.width - 8 && n.ry >= 8 && n.ry <= c.height - 8)
}

test('claims as nodes: sources linked to their claims; PDF, SVG and PNG show what the screen shows', async () => {
  test.setTimeout(300_000)
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  // Made before the tagging, which refreshes the app's entity list.
  const ru = await invoke<{ id: number }>(page, 'entities.create', { name: RU, type: 'Person' })
  const zh = await invoke<{ id: number }>(page, 'entities.create', { name: ZH, type: 'Company' })
  const id = await makeSampleClaims(page)
  const [doc] = await invoke<{ id: number }[]>(page, 'documents.list')
  const text = (await invoke<{ text: string }>(page, 'documents.get', { id: doc!.id })).text
  const at = text.indexOf('Scale AI')
  await invoke(page, 'claims.create', {
    subjectId: zh.id,
    predicate: '投资了',
    object: { kind: 'entity', entityId: id('Scale AI') },
    passage: { documentId: doc!.id, start: at, end: at + 'Scale AI'.length },
    attribution: [{ entityId: ru.id, role: 'according to' }],
    reliability: 'B',
    credibility: 2
  })

  await page.getByRole('tab', { name: 'Map' }).click()
  await page.keyboard.press('Control+Shift+L')
  await page.keyboard.press('Control+Shift+E')
  const canvas = page.getByLabel('Relationship map')
  await expect(canvas).toHaveAttribute('data-nodes', '10')
  await expect.poll(() => probe.layouts(page)).toBeGreaterThan(0)
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeEnabled()

  // Claims mode, laid out afresh; then entities without edges hidden (Global Security Institute has no claim).
  const before = await probe.layouts(page)
  await page.getByLabel('Draw claims as').selectOption('claims')
  await expect.poll(() => probe.layouts(page)).toBeGreaterThan(before)
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeEnabled()
  await page.getByRole('button', { name: /^Filters/ }).click()
  await page.getByRole('dialog', { name: 'Map filters' }).getByRole('checkbox', { name: 'Hide entities without edges' }).check()
  await page.getByRole('button', { name: 'Close filters' }).click()
  // 9 entities (the sources stay: in claims mode they are linked to their claims), 5 claims, 1 value.
  await expect.poll(async () => (await probe.nodes(page)).length).toBe(15)
  const nodes = await probe.nodes(page)
  expect(nodes.map((n) => n.label)).not.toContain('Global Security Institute')
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const attribution = (await probe.edges(page)).filter((e) => e.classes.includes('attribution')).map((e) => `${byId.get(e.source)!.label} —${e.display}→ ${byId.get(e.target)!.label}`)
  expect(attribution.sort()).toEqual([
    'Bloomberg —according to→ deploys data foundry for · C3',
    'Marcus Thorne —said→ gains access to classified data of · D4',
    'NextFin —reported by→ awarded contract to · B2',
    'NextFin —reported by→ deploys data foundry for · C3',
    'NextFin —reported by→ valuation · B2',
    'TSG Invest —according to→ valuation · B2',
    `${RU} —according to→ 投资了 · B2`
  ])
  // The role labels sit on nothing.
  await layOut(page, 'Force-directed')
  expect(await probe.overlaps(page)).toEqual(NO_OVERLAPS)
  expect((await probe.edgeLabelBoxes(page)).length).toBe(await labelledEdges(page))
  await page.screenshot({ path: join(SHOTS, 'mapclaims-1440x900.png') })
  const texts = await drawnTexts(page)
  for (const t of [RU, ZH, '投资了 · B2', 'up to 29,000,000,000 USD', 'reported by', 'according to', 'said']) expect(texts).toContain(t)

  // PDF: every text on screen, and nothing the filter hides.
  const pdfPath = join(data.dir, 'claims.pdf')
  await exportAs(page, app, pdfPath, 'PDF', async (dlg) => {
    await dlg.getByRole('radio', { name: 'Paper' }).check()
    await dlg.getByLabel('Orientation').selectOption('landscape')
  })
  copyFileSync(pdfPath, join(SHOTS, 'mapclaims.pdf'))
  const pdf = await readPdf(readFileSync(pdfPath))
  const pdfText = pdf.items.join(' ').replace(/\s+/g, ' ')
  for (const t of texts) expect(pdfText, t).toContain(t)
  expect(pdfText).not.toContain('Global Security Institute')
  expect(pdf.images).toBe(0)
  // Rasterised by poppler, to look at.
  expect(spawnSync('pdftoppm', ['-png', '-r', '90', '-singlefile', pdfPath, join(SHOTS, 'mapclaims-pdf-page')]).status).toBe(0)

  // SVG: the same texts, vector only.
  const svgPath = join(data.dir, 'claims.svg')
  await exportAs(page, app, svgPath, 'SVG')
  const svg = readFileSync(svgPath, 'utf8')
  copyFileSync(svgPath, join(SHOTS, 'mapclaims.svg'))
  expect(svg).not.toMatch(/<image\b/)
  const svgTexts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).join(' ').replace(/\s+/g, ' ')
  for (const t of texts) expect(svgTexts, t).toContain(t)
  expect(svgTexts).not.toContain('Global Security Institute')

  // PNG at 1×: where the sheet puts each node, the PNG has that node's colour.
  const pngPath = join(data.dir, 'claims.png')
  await exportAs(page, app, pngPath, 'PNG', async (dlg) => {
    await dlg.getByRole('radio', { name: 'Scale' }).check()
    await dlg.getByRole('radio', { name: '1×' }).check()
  })
  copyFileSync(pngPath, join(SHOTS, 'mapclaims.png'))
  const png = PNG.sync.read(readFileSync(pngPath))
  const sheet = await page.evaluate(() => (window as unknown as { __rwbMap: { sheetPoints(s: number): { width: number; height: number; k: number; nodes: { id: string; color: string; size: number; x: number; y: number }[] } } }).__rwbMap.sheetPoints(1))
  expect([png.width, png.height]).toEqual([sheet.width, sheet.height])
  expect(sheet.nodes).toHaveLength(15)
  const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))
  for (const n of sheet.nodes) {
    // Entity discs have a white icon in the middle: look to the left of it, inside the disc.
    const dx = n.id.startsWith('e') ? -0.36 * n.size * sheet.k : 0
    const x = Math.round(n.x + dx)
    const y = Math.round(n.y)
    const i = (y * png.width + x) * 4
    const want = hex(n.color)
    const got = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!]
    expect(Math.max(...want.map((v, j) => Math.abs(v - got[j]!))), `${n.id} at ${x},${y}: ${got} for ${n.color}`).toBeLessThan(48)
  }

  // The window shrinks: the map is fitted again, every node inside the canvas.
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect.poll(() => allInside(page)).toBe(true)
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SHOTS, 'mapclaims-1024x700.png') })
  expect(app.consoleErrors).toEqual([])
  expect(app.foreignRequests).toEqual([])
  await app.quit()
  data.cleanup()
})
