// Edge labels never sit on top of each other (issue #11), on a generated
// map of 200 entities and 300 links with predicates of several lengths: after
// every layout the map offers, the label boxes read back from Cytoscape (its
// own turned label rectangles) overlap no other edge label and no node disc
// or node label, and every labelled edge has its box.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'
import { labelledEdges, layOut, NO_OVERLAPS, probe } from './mapTools'

const SHOTS = join(REPO, 'test/artifacts')
test.afterAll(stopHarness)

/** 200 entities, 300 links (hubs: low ids are linked more), made through the API in one go; the page is reloaded. */
async function makeBigMap(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const rwb = (window as unknown as { rwb: { invoke(m: string, a: unknown): Promise<{ ok: boolean; value?: { id: number }; error?: { message: string } }> } }).rwb
    const call = async (m: string, a: unknown) => {
      const r = await rwb.invoke(m, a)
      if (!r.ok) throw new Error(`${m}: ${r.error?.message}`)
      return r.value!
    }
    const types = ['Person', 'Company', 'PublicBody', 'Source', 'Location']
    const ids: number[] = []
    for (let i = 0; i < 200; i++) ids.push((await call('entities.create', { name: `Entity ${i + 1}`, type: types[i % types.length] })).id)
    let s = 11
    const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
    const preds = ['owns', 'funds', 'awarded contract to', 'reported by', 'works with', 'gains access to classified data of']
    const seen = new Set<string>()
    let made = 0
    while (made < 300) {
      const a = Math.floor(rnd() * 200)
      const b = Math.floor(rnd() ** 2 * 200)
      const key = `${Math.min(a, b)}:${Math.max(a, b)}`
      if (a === b || seen.has(key)) continue
      seen.add(key)
      await call('claims.create', { subjectId: ids[a], predicate: preds[made % preds.length], object: { kind: 'entity', entityId: ids[b] }, analystJudgement: true })
      made++
    }
  })
  await page.reload()
  await page.locator('.app[data-ready="true"]').waitFor()
}

test('a generated 200-node map: after every layout, no edge label on another or on a node', async () => {
  test.setTimeout(600_000)
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  await makeBigMap(page)
  await page.getByRole('tab', { name: 'Map' }).click()
  await page.keyboard.press('Control+Shift+L')
  await page.keyboard.press('Control+Shift+E')
  await expect(page.getByLabel('Relationship map')).toHaveAttribute('data-nodes', '200')
  await expect.poll(() => probe.layouts(page), { timeout: 120_000 }).toBeGreaterThan(0)
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeEnabled({ timeout: 120_000 })
  const layouts = await page.getByLabel('Layout', { exact: true }).locator('option').allTextContents()
  expect(layouts.length).toBeGreaterThanOrEqual(6)
  const labelled = await labelledEdges(page)
  expect(labelled).toBe(300)
  for (const label of layouts) {
    const t0 = Date.now()
    await layOut(page, label)
    const ms = Date.now() - t0
    expect(await probe.overlaps(page), label).toEqual(NO_OVERLAPS)
    expect((await probe.edgeLabelBoxes(page)).length, label).toBe(labelled)
    console.log(`${label}: laid out with edge labels placed in ${ms} ms (loaded machine)`)
  }
  await layOut(page, 'Force-directed')
  await page.screenshot({ path: join(SHOTS, 'maplabels-200-force-1440.png') })
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})
