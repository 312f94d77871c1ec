// Issue #14's fix, in the app: after tagging "Pentagon" (inside "the
// Pentagon's AI strategy") and adding the alias "the Pentagon", Tag all
// lists "the Pentagon" around the tagged word as already tagged and tags
// only the other places: no second box around the first ("the|Pentagon"),
// and the entity's count is the number of places, not more.
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
test.afterAll(stopHarness)

test('Tag all does not offer a place overlapping a mention of the same entity', async () => {
  test.setTimeout(120_000)
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  // Occurrence 1 is the one in "the Pentagon's AI strategy" (0 is in the headline).
  await tagNewEntity(page, 'Pentagon', 'Public body', 1)
  const row = page.getByRole('listbox', { name: 'Entity list' }).getByRole('option').filter({ has: page.locator('.name', { hasText: /^Pentagon$/ }) })
  await row.click()
  const detail = page.getByRole('region', { name: 'Entity Pentagon' })
  await detail.getByLabel('Add alias').fill('the Pentagon')
  await detail.getByLabel('Add alias').press('Enter')
  await expect(detail.getByLabel('Add alias')).toHaveValue('')
  await detail.getByRole('button', { name: 'Tag all mentions…' }).click()
  const dlg = page.getByRole('dialog', { name: 'Tag all mentions of Pentagon' })
  const summary = await dlg.getByText(/^\d+ places found, 1 already tagged$/).textContent()
  const found = Number(summary!.split(' ')[0])
  expect(found).toBeGreaterThan(5)
  // The tagged word's place is offered once, as "the Pentagon", already tagged.
  await expect(dlg.getByRole('checkbox', { name: /\(already tagged\)$/ })).toHaveCount(1)
  await expect(dlg.getByRole('checkbox', { name: /^the Pentagon in .*\(already tagged\)$/ })).toHaveCount(1)
  await dlg.getByRole('button', { name: `Tag ${found - 1} mentions` }).click()
  await expect(dlg).toBeHidden()
  await expect(row.locator('.count')).toHaveText(String(found))
  // No box inside another of the same entity: no nested highlight anywhere.
  await expect(page.locator('.doc-text .hl').first()).toBeVisible()
  await expect(page.locator('.doc-text .hl-nested')).toHaveCount(0)
  await page.locator('.doc-text .hl', { hasText: 'Pentagon' }).nth(1).scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, 'tag-all-overlap.png') })
  expect(app.foreignRequests).toEqual([])
  await app.quit()
  data.cleanup()
})
