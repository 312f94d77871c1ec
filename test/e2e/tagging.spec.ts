// Issue #4's acceptance path in one go, on the sample article: tag the
// Department of Defense with two aliases and "Tag all mentions"; create the
// two example claims with attribution and grades; merge a duplicate entity
// and undo the merge with Ctrl+Z; restart and find all of it intact.
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dragSelect, dragSelectAcross, grade, pickEntity, tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const DOD = 'Department of Defense'
const VALUATION = 'has since seen its private market valuation fluctuate as high as $29 billion'

test.afterAll(stopHarness)

const entityList = (page: Page) => page.getByRole('listbox', { name: 'Entity list' })
const entityRow = (page: Page, name: string) => entityList(page).getByRole('option').filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) })

test('aliases and tag all, the two example claims, merge and undo, all intact after a restart', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app

  // --- The Department of Defense, two aliases, tag all mentions in this document.
  await tagNewEntity(page, DOD, 'Public body')
  await tagNewEntity(page, 'Scale AI', 'Company')
  await entityRow(page, DOD).click()
  const detail = page.getByRole('region', { name: `Entity ${DOD}` })
  for (const alias of ['DoD', 'the Pentagon']) {
    await detail.getByLabel('Add alias').fill(alias)
    await detail.getByLabel('Add alias').press('Enter')
    // The field empties once the alias is stored.
    await expect(detail.getByLabel('Add alias')).toHaveValue('')
  }
  await expect(detail.getByRole('list', { name: 'Aliases' }).locator('.alias-name')).toHaveText(['DoD', 'the Pentagon'])
  await detail.getByRole('button', { name: 'Tag all mentions…' }).click()
  const tagAll = page.getByRole('dialog', { name: `Tag all mentions of ${DOD}` })
  const places = tagAll.getByRole('list', { name: 'Places to tag' }).getByRole('listitem')
  // Wait for the search to finish: its summary line names the count.
  const summary = await tagAll.getByText(/^\d+ places found, 1 already tagged$/).textContent()
  const found = Number(summary!.split(' ')[0])
  expect(found).toBeGreaterThan(10)
  await expect(places).toHaveCount(found)
  await tagAll.getByRole('button', { name: `Tag ${found - 1} mentions` }).click()
  await expect(tagAll).toBeHidden()
  await expect(entityRow(page, DOD).locator('.count')).toHaveText(String(found))
  const dodMentions = found

  // --- Claim 1: Scale AI — valuation — up to $29 billion, reported by NextFin according to TSG Invest, B2.
  await dragSelect(page, VALUATION)
  await page.getByRole('dialog', { name: 'Tag selection' }).getByRole('button', { name: /New claim/ }).click()
  let dlg = page.getByRole('dialog', { name: 'New claim' })
  await expect(dlg.getByLabel('Amount', { exact: true })).toHaveValue('29000000000')
  await expect(dlg.getByLabel('Qualifier')).toHaveValue('up to')
  await pickEntity(dlg, 'Subject', 'scale', /Scale AI/)
  await dlg.getByLabel('Predicate', { exact: true }).fill('valuation')
  await dlg.getByRole('button', { name: /reported by NextFin/ }).click()
  await dlg.getByLabel('Role of the new source').selectOption('according to')
  await pickEntity(dlg, 'Add source or person', 'TSG Invest', /Create “TSG Invest” as Source\/Outlet/)
  await grade(dlg, 'B', 2, 'Unverified')
  await dlg.getByRole('button', { name: 'Save claim' }).click()
  await expect(dlg).toBeHidden()

  // --- Claim 2: Department of Defense — awarded contract to — Scale AI, reported by NextFin, C3 corroborated.
  await dragSelectAcross(page, 'Department of Defense has awarded', 'a $500 million contract')
  await page.keyboard.press('c')
  dlg = page.getByRole('dialog', { name: 'New claim' })
  await pickEntity(dlg, 'Subject', 'Department', /Department of Defense/)
  await dlg.getByLabel('Predicate', { exact: true }).fill('awarded contract to')
  await dlg.getByRole('radiogroup', { name: 'Object kind' }).getByRole('radio', { name: 'Entity' }).click()
  await pickEntity(dlg, 'Object entity', 'Scale', /Scale AI/)
  await dlg.getByRole('button', { name: /reported by NextFin/ }).click()
  await grade(dlg, 'C', 3, 'Corroborated')
  await dlg.getByRole('button', { name: 'Save claim' }).click()
  await expect(dlg).toBeHidden()

  // The reader marks the passages that back claims, in the margin of their paragraphs.
  const marked = page.locator('.doc-text .blk.has-claim', { hasText: VALUATION })
  await expect(marked).toHaveAttribute('aria-description', /Scale AI — valuation — up to 29,000,000,000 USD \(B2\)/)
  await expect(page.locator('.doc-text .blk.has-claim', { hasText: 'Department of Defense has awarded' })).toHaveAttribute('aria-description', /awarded contract to — Scale AI \(C3\)/)
  await marked.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, 'reader-claim-marks.png') })

  // --- A duplicate: "Pentagon" in the headline as its own entity, merged into the DoD, then Ctrl+Z.
  await dragSelect(page, 'Pentagon')
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await pop.getByLabel('Entity name').fill('Pentagon')
  await pop.getByRole('radio', { name: 'Organization', exact: true }).click()
  await pop.getByLabel('Entity name').press('Enter')
  await expect(pop).toBeHidden()
  await entityRow(page, 'Pentagon').click()
  await page.getByRole('region', { name: 'Entity Pentagon' }).getByRole('button', { name: 'Merge…' }).click()
  const merge = page.getByRole('dialog', { name: 'Merge Pentagon' })
  await merge.getByRole('combobox', { name: 'Entity to merge with' }).fill('depart')
  await merge.getByRole('combobox', { name: 'Entity to merge with' }).press('Enter')
  await merge.getByRole('combobox', { name: 'Entity to merge with' }).press('Enter')
  await expect(merge).toBeHidden()
  await expect(entityRow(page, 'Pentagon')).toHaveCount(0)
  await expect(entityRow(page, DOD).locator('.count')).toHaveText(String(dodMentions + 1))
  // Undo from the keyboard (focus on the page, not in a text field).
  await page.locator('.doc-text').click({ position: { x: 2, y: 2 } })
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Merge “Pentagon” into “Department of Defense”' })).toBeVisible()
  await expect(entityRow(page, 'Pentagon')).toHaveCount(1)
  await expect(entityRow(page, 'Pentagon').locator('.count')).toHaveText('1')
  await expect(entityRow(page, DOD).locator('.count')).toHaveText(String(dodMentions))
  await page.screenshot({ path: join(SHOTS, 'tagging-after-undo.png') })
  // No error was shown on the way.
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(app.consoleErrors).toEqual([])
  expect(app.foreignRequests).toEqual([])
  await app.quit()

  // --- Restart over the same project file: everything is there.
  const again = await launchApp(data.dir)
  const p2 = again.page
  await expect(entityRow(p2, DOD).locator('.count')).toHaveText(String(dodMentions))
  await expect(entityRow(p2, 'Pentagon').locator('.count')).toHaveText('1')
  await entityRow(p2, DOD).click()
  await expect(p2.getByRole('region', { name: `Entity ${DOD}` }).getByRole('list', { name: 'Aliases' }).locator('.alias-name')).toHaveText(['DoD', 'the Pentagon'])
  await expect(p2.locator('.doc-text .hl', { hasText: 'the Pentagon' }).first()).toBeVisible()
  // The entities show their claims: Scale AI its valuation and the DoD's contract.
  await entityRow(p2, 'Scale AI').click()
  const scale = p2.getByRole('region', { name: 'Entity Scale AI' })
  await expect(scale.getByRole('list', { name: 'Value claims' })).toContainText('valuation: up to 29,000,000,000 USD')
  await expect(scale.locator('.link-list').first()).toContainText('Department of Defense → awarded contract to')
  await p2.getByRole('tab', { name: 'Claims' }).click()
  const table = p2.getByRole('table', { name: 'Claims' })
  const valuation = table.getByRole('row', { name: /Claim: Scale AI — valuation — up to 29,000,000,000 USD/ })
  await expect(valuation).toContainText('NextFin')
  await expect(valuation).toContainText('TSG Invest')
  await expect(valuation.getByLabel('Grade B2')).toBeVisible()
  await expect(valuation).toContainText(VALUATION)
  const award = table.getByRole('row', { name: /Claim: Department of Defense — awarded contract to — Scale AI/ })
  await expect(award.getByLabel('Grade C3')).toBeVisible()
  await expect(award).toContainText('Corroborated')
  // The undo history survived too: the last action before the restart can be redone.
  await expect(p2.getByRole('button', { name: /^Redo/ })).toBeEnabled()
  await expect(p2.getByRole('alert')).toHaveCount(0)
  expect(again.consoleErrors).toEqual([])
  await again.quit()
  data.cleanup()
})
