// The relationship map of a project made before links became claims
// (test/fixtures/projects/v1-relations.rwb): the same edges as that version
// drew, and its links deleted from the entity pane.
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'
import { invoke, probe } from './mapProbe'

test.afterAll(stopHarness)

test('a project made before links became claims opens with the same edges on its map, and its links can be deleted', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  // A copy of the fixture written with relations.* (schema 5; see test/fixtures/projects/make-v1-fixture.ts).
  const path = join(data.dir, 'v1-relations.rwb')
  copyFileSync(join(REPO, 'test/fixtures/projects/v1-relations.rwb'), path)
  app.native.openAnswers.push([path])
  await invoke(page, 'project.open')
  await page.reload()
  await page.locator('.app[data-ready="true"]').waitFor()
  await page.getByRole('tab', { name: 'Map' }).click()
  const canvas = page.getByLabel('Relationship map')
  await expect(canvas).toHaveAttribute('data-nodes', '6')
  // What that version drew (v1-relations.map.json): the three links with their labels (one its type's verb), and the two claims.
  const recorded = JSON.parse(readFileSync(join(REPO, 'test/fixtures/projects/v1-relations.map.json'), 'utf8')) as { maps: { map: string; edges: { label: string }[] }[] }
  const want = recorded.maps.find((m) => m.map === 'Main map')!.edges.map((e) => e.label).sort()
  await expect.poll(async () => (await probe.edges(page)).map((e) => e.label).sort()).toEqual(want)
  expect((await probe.edges(page)).filter((e) => /\blink\b/.test(e.classes)).map((e) => e.label).sort()).toEqual(['awarded contract to', 'backs', 'is critical of', 'reports on'])
  await expect(page.getByLabel('Legend')).toContainText('Your link')

  // The entity pane lists the old link as a link, with its type kept in the claim; ✕ deletes it (after a confirmation).
  await page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: /^Meta/ }).click()
  const meta = page.getByRole('region', { name: 'Entity Meta' })
  await expect(meta.locator('.link-list')).toContainText('backs → Scale AI')
  await expect(meta.locator('.link-list')).toContainText('F6 · judgement')
  await meta.getByRole('button', { name: 'Delete link' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete claim?' })
  await expect(confirm).toContainText('backs')
  await confirm.getByRole('button', { name: 'Delete claim' }).click()
  await expect(confirm).toBeHidden()
  await expect(meta.locator('.link-list')).toContainText('No links yet.')
  await expect.poll(async () => (await probe.edges(page)).map((e) => e.label)).not.toContain('backs')
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})
