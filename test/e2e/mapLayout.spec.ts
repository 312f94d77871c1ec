// Layouts an analyst can hand in, and the evidence on the map (issue #11), on
// the sample article: 8 entities and the 4 claims with their sources and
// grades. On every layout the node and label boxes Cytoscape draws do not
// overlap, nor do the edge labels (with each other or with nodes), and the same layout twice gives the same places; in "claims as
// nodes" the sources are drawn linked to the claims they stand behind.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'
import { invoke } from './mapRoomSetup'
import { makeSampleClaims } from './mapSample'
import { labelledEdges, layOut, NO_OVERLAPS, probe } from './mapTools'

const SHOTS = join(REPO, 'test/artifacts')

test.afterAll(stopHarness)

test('every layout without overlaps and the same twice; claims as nodes with their sources', async () => {
  test.setTimeout(300_000)
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app

  await makeSampleClaims(page)

  await page.getByRole('tab', { name: 'Map' }).click()
  // Room for the whole toolbar (Re-layout, Layout and Claims as stay in the row): both side panes folded.
  await page.keyboard.press('Control+Shift+L')
  await page.keyboard.press('Control+Shift+E')
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeVisible()
  await expect.poll(async () => (await probe.nodes(page)).length).toBe(8)
  // The first layout of a map nobody arranged yet.
  await expect.poll(() => probe.layouts(page)).toBeGreaterThan(0)
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeEnabled()
  await expect.poll(async () => (await probe.edges(page)).length).toBe(3)
  // The edges say their grade; Scale AI's valuation is a line under its name; the legend explains the labels.
  const edges = await probe.edges(page)
  expect(edges.map((e) => e.display).sort()).toEqual(['awarded contract to · B2', 'deploys data foundry for · C3', 'gains access to classified data of · D4'])
  expect((await probe.nodes(page)).find((n) => n.label === 'Scale AI')!.display).toBe('Scale AI\nvaluation: up to 29,000,000,000 USD')
  await expect(page.getByLabel('Legend')).toContainText('best grade')

  // Every layout: no overlapping boxes or labels, and the same places when run again.
  const layouts = await page.getByLabel('Layout', { exact: true }).locator('option').allTextContents()
  expect(layouts.length).toBeGreaterThanOrEqual(6)
  for (const label of layouts) {
    const first = await layOut(page, label)
    expect(await probe.overlaps(page), `${label}: overlaps`).toEqual(NO_OVERLAPS)
    // The edge labels were read back, one box per labelled edge (else "no overlap" would say nothing).
    expect((await probe.edgeLabelBoxes(page)).length, `${label}: edge label boxes`).toBe(await labelledEdges(page))
    const again = await layOut(page, null)
    expect(again, `${label}: the same places twice`).toEqual(first)
  }
  await layOut(page, 'Layered (left to right)')
  await page.screenshot({ path: join(SHOTS, 'map-layered-1440.png') })

  // Claims as nodes: each claim a node, subject → claim → object or value, each source → claim with its role.
  const beforeSwitch = await probe.layouts(page)
  await page.getByLabel('Draw claims as').selectOption('claims')
  await expect.poll(async () => (await probe.nodes(page)).filter((n) => n.classes.includes('claimnode')).length).toBe(4)
  await expect.poll(() => probe.layouts(page)).toBeGreaterThan(beforeSwitch)
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeEnabled()
  expect(await probe.overlaps(page), 'claims as nodes, first layout').toEqual(NO_OVERLAPS)
  const nodes = await probe.nodes(page)
  const claimNodes = nodes.filter((n) => n.classes.includes('claimnode'))
  expect(claimNodes.map((n) => n.label).sort()).toEqual(['awarded contract to · B2', 'deploys data foundry for · C3', 'gains access to classified data of · D4', 'valuation · B2'])
  expect(nodes.filter((n) => n.classes.includes('valuenode')).map((n) => n.label)).toEqual(['up to 29,000,000,000 USD'])
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const attribution = (await probe.edges(page))
    .filter((e) => e.classes.includes('attribution'))
    .map((e) => `${byId.get(e.source)!.label} —${e.label}→ ${byId.get(e.target)!.label}`)
    .sort()
  expect(attribution).toEqual([
    'Bloomberg —according to→ deploys data foundry for · C3',
    'Marcus Thorne —said→ gains access to classified data of · D4',
    'NextFin —reported by→ awarded contract to · B2',
    'NextFin —reported by→ deploys data foundry for · C3',
    'NextFin —reported by→ valuation · B2',
    'TSG Invest —according to→ valuation · B2'
  ])
  // Switching the view laid the map out again (claim nodes have no saved places): no overlaps there either.
  for (const label of ['Force-directed', 'Layered (left to right)']) {
    const first = await layOut(page, label)
    expect(await probe.overlaps(page), `claims as nodes, ${label}`).toEqual(NO_OVERLAPS)
    expect(await layOut(page, null)).toEqual(first)
  }
  await page.screenshot({ path: join(SHOTS, 'map-claims-layered-1440.png') })
  await layOut(page, 'Force-directed')
  await page.screenshot({ path: join(SHOTS, 'map-claims-force-1440.png') })
  // The mode is the map's own setting: saved with it.
  const [map] = await invoke<{ settings: { mode: string } }[]>(page, 'maps.list')
  expect(map!.settings.mode).toBe('claims')
  // The small window last, looked at without clicking (the toolbar's room at 1024 px is mapRoom.spec's business).
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(SHOTS, 'map-claims-force-1024.png') })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.getByLabel('Draw claims as').selectOption('entities')
  await expect.poll(async () => (await probe.nodes(page)).length).toBe(8)

  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(app.consoleErrors).toEqual([])
  expect(app.foreignRequests).toEqual([])
  await app.quit()
})
