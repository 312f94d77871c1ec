// The whole path on the sample article: read → tag → link → map → PNG, then
// restart over the same project file and find the work intact.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { PNG } from 'pngjs'
import { linkAsJudgement, tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const TITLE = 'Scale AI Secures $500 Million Pentagon Deal to Power Classified AI Systems'

test.afterAll(stopHarness)

test('tag, link, map and export the sample article; everything survives a restart', async () => {
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app

  // First start: a project in the data folder holding the sample article.
  await expect(page.locator('.reader-page h1').first()).toHaveText(TITLE)
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(1)
  await expect(page.locator('.doc-list-meta').first()).toContainText('NextFin')
  await page.screenshot({ path: join(SHOTS, 'library-reader.png') })

  await tagNewEntity(page, 'Scale AI', 'Company')
  await tagNewEntity(page, 'Department of Defense', 'Public body')

  const entityList = page.getByRole('listbox', { name: 'Entity list' })
  await expect(entityList.getByRole('option')).toHaveCount(2)
  await expect(entityList.getByRole('option', { name: /Scale AI/ })).toContainText('Company')
  // The highlight is in the type's colour (Company).
  const hlColor = await page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first().evaluate((el) => getComputedStyle(el).backgroundColor)
  expect(hlColor).toMatch(/^rgba\(112, 72, 232/)

  // Select the DoD and link it to Scale AI.
  await entityList.getByRole('option', { name: /Department of Defense/ }).click()
  const detail = page.getByRole('region', { name: 'Entity Department of Defense' })
  await expect(detail.locator('.mention-list li')).toHaveCount(1)
  await expect(detail.locator('.sentence')).toContainText('awarded Scale AI a $500 million contract')
  await linkAsJudgement(page, 'Department of Defense', 'awarded contract to', 'Scale', /^Scale AI/)
  await expect(detail.locator('.link-list')).toContainText('awarded contract to → Scale AI')
  await page.screenshot({ path: join(SHOTS, 'reader-highlights.png') })

  // The map: two nodes, one edge.
  await page.getByRole('tab', { name: 'Map' }).click()
  const canvas = page.getByLabel('Relationship map')
  await expect(canvas).toHaveAttribute('data-nodes', '2')
  await expect(canvas).toHaveAttribute('data-edges', '1')
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SHOTS, 'map.png') })

  // Export → Map as PNG at 3x.
  const pngPath = join(data.dir, 'exported map.png')
  app.native.saveAnswers.push(pngPath)
  await page.getByRole('button', { name: 'Export PNG…' }).first().click()
  const exportDlg = page.getByRole('dialog', { name: 'Export map as PNG' })
  await exportDlg.getByRole('radio', { name: '3×' }).check()
  const sizeText = await exportDlg.getByTestId('png-size').textContent()
  const [w, h] = sizeText!.split('×').map((s) => Number(s.trim()))
  await exportDlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Map exported to' })).toBeVisible()
  const png = PNG.sync.read(readFileSync(pngPath))
  expect(png.width).toBe(w)
  expect(png.height).toBe(h)
  expect(png.width).toBeGreaterThan(100)
  // Not blank: plenty of pixels that are not the white background.
  let ink = 0
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) ink++
  expect(ink).toBeGreaterThan(png.width * png.height * 0.005)
  // The background is white and opaque.
  expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255])

  expect(app.foreignRequests).toEqual([])
  expect(app.consoleErrors).toEqual([])
  await app.quit()

  // Restart over the same data folder: the same project reopens with the work.
  const again = await launchApp(data.dir)
  await expect(again.page.locator('.reader-page h1').first()).toHaveText(TITLE)
  await expect(again.page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first()).toBeVisible()
  await expect(again.page.locator('.doc-text .hl', { hasText: 'Department of Defense' }).first()).toBeVisible()
  const list2 = again.page.getByRole('listbox', { name: 'Entity list' })
  await expect(list2.getByRole('option')).toHaveCount(2)
  await list2.getByRole('option', { name: /Scale AI/ }).click()
  await expect(again.page.getByRole('region', { name: 'Entity Scale AI' }).locator('.link-list')).toContainText('Department of Defense → awarded contract to')
  await again.quit()

  // And straight from the file, without the UI.
  const { ProjectDb } = await import(join(REPO, 'out/main/core.js'))
  const db = await ProjectDb.open(join(data.dir, 'Research Workbench.rwb'))
  const entities = await db.call('entities.list', undefined)
  expect(entities.map((e: { name: string; type: string }) => `${e.name}/${e.type}`).sort()).toEqual(['Department of Defense/PublicBody', 'Scale AI/Company'])
  const claims = await db.call('claims.list', {})
  expect(claims.map((c: { subjectName: string; predicate: string; objectLabel: string; analystJudgement: boolean }) => [c.subjectName, c.predicate, c.objectLabel, c.analystJudgement])).toEqual([
    ['Department of Defense', 'awarded contract to', 'Scale AI', true]
  ])
  await db.close()
  data.cleanup()
})
