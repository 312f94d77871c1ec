// The relationship map at size: an export larger than one canvas drawn in
// tiles that stitch seamlessly, and a 90-entity map laid out in the layout
// worker under the app's CSP, its places saved.
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { PNG } from 'pngjs'
import { tagNewEntity } from './actions'
import { launchApp, newDataDir, stopHarness } from './harness'
import { ink, invoke, probe, SHOTS } from './mapProbe'

test.afterAll(stopHarness)

test('an export larger than one canvas is drawn in tiles that stitch seamlessly', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  await tagNewEntity(page, 'Scale AI', 'Company')
  await tagNewEntity(page, 'Department of Defense', 'Public body')
  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(page.getByLabel('Relationship map')).toHaveAttribute('data-nodes', '2')
  await page.waitForTimeout(300)
  // The same sheet drawn as one tile and as 97-px tiles must be the same picture.
  const result = await page.evaluate(async () => {
    const probe = (window as unknown as { __rwbMap?: { exportPng(maxTile: number): Promise<Uint8Array> } }).__rwbMap
    if (!probe) return null
    const one = await probe.exportPng(100_000)
    const tiled = await probe.exportPng(97)
    return { one: Array.from(one), tiled: Array.from(tiled) }
  })
  expect(result).not.toBeNull()
  const a = PNG.sync.read(Buffer.from(result!.one))
  const b = PNG.sync.read(Buffer.from(result!.tiled))
  expect([b.width, b.height]).toEqual([a.width, a.height])
  expect(a.width).toBeGreaterThan(97 * 3)
  let differ = 0
  for (let i = 0; i < a.data.length; i++) if (Math.abs(a.data[i]! - b.data[i]!) > 40) differ++
  // Anti-aliasing at tile seams may differ by a shade; the picture may not.
  expect(differ / a.data.length).toBeLessThan(0.002)
  expect(ink(b)).toBeGreaterThan(0.003)
  await app.quit()
  data.cleanup()
})

test('a bigger map is laid out in the layout worker, under the app’s CSP, and its places are saved', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  // 90 entities in a ring with chords (made through the API, as tagging would; the chords are links: analyst judgements).
  const ids: number[] = []
  for (let i = 0; i < 90; i++) ids.push((await invoke<{ id: number }>(page, 'entities.create', { name: `Org ${i + 1}`, type: i % 3 ? 'Company' : 'Person' })).id)
  const link = (a: number, b: number, predicate: string) => invoke(page, 'claims.create', { subjectId: a, predicate, object: { kind: 'entity', entityId: b }, analystJudgement: true })
  for (let i = 0; i < 90; i++) {
    await link(ids[i]!, ids[(i + 1) % 90]!, 'knows')
    if (i % 5 === 0) await link(ids[i]!, ids[(i + 37) % 90]!, 'owns')
  }
  await page.evaluate(() => (window as unknown as { rwb: unknown }).rwb) // the bridge is there
  await page.reload()
  await page.locator('.app[data-ready="true"]').waitFor()
  await page.getByRole('tab', { name: 'Map' }).click()
  const canvas = page.getByLabel('Relationship map')
  await expect(canvas).toHaveAttribute('data-nodes', '90')
  await expect(canvas).toHaveAttribute('data-edges', '108')
  // The first layout of an unarranged map ran in the worker and its result was saved.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __rwbMap: { layouts(): { where: string; tier: string }[] } }).__rwbMap.layouts()), { timeout: 60_000 }).toEqual([
    { name: 'fcose', tier: 'medium', where: 'worker', nodes: 90 }
  ])
  await expect(page.getByRole('status', { name: 'Layout progress' })).toBeHidden({ timeout: 60_000 })
  const maps = await invoke<{ id: number }[]>(page, 'maps.list')
  await expect.poll(async () => (await invoke<{ positions: unknown[] }>(page, 'maps.get', { id: maps[0]!.id })).positions.length).toBe(90)
  const nodes = await probe.nodes(page)
  const spots = new Set(nodes.map((n) => `${Math.round(n.x / 20)},${Math.round(n.y / 20)}`))
  expect(spots.size).toBe(90)
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SHOTS, 'map-worker-layout.png') })
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})
