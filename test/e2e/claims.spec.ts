// Claims on the sample article, through the UI: select a passage → New
// claim (popover button and the C key) → subject, predicate, object or value
// (prefilled from the passage), attribution chain, Admiralty grade, status.
// Then the claims view (quote, grade, status, filters, conflict flag, jump to
// the passage), the map edge, an analyst judgement without a passage, edit,
// delete, and a restart over the same project file.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { dragSelect, dragSelectAcross, grade, pickEntity, tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')

test.afterAll(stopHarness)

test('claims: create from passages with sources and grades, review, filter, jump, conflict, map, restart', async () => {
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app

  await tagNewEntity(page, 'Scale AI', 'Company')
  await tagNewEntity(page, 'Department of Defense', 'Public body')

  // --- 1. Scale AI — valuation — up to $29 billion (B2), via the popover's button.
  await dragSelect(page, 'has since seen its private market valuation fluctuate as high as $29 billion')
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(pop.getByRole('button', { name: /New claim/ })).toBeVisible()
  await page.screenshot({ path: join(SHOTS, 'claim-popover.png') })
  await pop.getByRole('button', { name: /New claim/ }).click()
  let dlg = page.getByRole('dialog', { name: 'New claim' })
  await expect(dlg).toBeVisible()
  await expect(dlg.getByLabel('Quoted passage')).toContainText('has since seen its private market valuation fluctuate as high as $29 billion')
  // The value is read exactly from the passage, and "as high as" is "up to"; grades default to F6, unverified.
  await expect(dlg.getByLabel('Amount', { exact: true })).toHaveValue('29000000000')
  await expect(dlg.getByLabel('Currency')).toHaveValue('USD')
  await expect(dlg.getByLabel('Qualifier')).toHaveValue('up to')
  await expect(dlg.getByRole('radiogroup', { name: 'Source reliability' }).getByRole('radio', { checked: true })).toHaveText('F')
  await expect(dlg.getByRole('radiogroup', { name: 'Information credibility' }).getByRole('radio', { checked: true })).toHaveText('6')
  await expect(dlg.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { checked: true })).toHaveText('Unverified')
  await expect(dlg.getByRole('button', { name: 'Save claim' })).toBeDisabled()
  await pickEntity(dlg, 'Subject', 'scale', /Scale AI/)
  await dlg.getByLabel('Predicate', { exact: true }).fill('valuation')
  // Attribution: the outlet from the suggestion, the source typed and created on the spot.
  await dlg.getByRole('button', { name: /reported by NextFin/ }).click()
  await dlg.getByLabel('Role of the new source').selectOption('according to')
  await pickEntity(dlg, 'Add source or person', 'TSG Invest', /Create “TSG Invest” as Source\/Outlet/)
  const chain = dlg.getByRole('list', { name: 'Attribution chain' }).getByRole('listitem')
  await expect(chain).toHaveCount(2)
  await expect(chain.nth(0)).toContainText('NextFin')
  await expect(chain.nth(1)).toContainText('TSG Invest')
  await expect(dlg.getByLabel('Role of TSG Invest')).toHaveValue('according to')
  await grade(dlg, 'B', 2, 'Unverified')
  await expect(dlg.getByLabel('Claim preview')).toContainText('Scale AI valuation up to 29,000,000,000 USD · B2 · unverified')
  await page.screenshot({ path: join(SHOTS, 'claim-form.png') })
  await dlg.getByRole('button', { name: 'Save claim' }).click()
  await expect(dlg).toBeHidden()

  // --- 2. Department of Defense — awarded contract to — Scale AI (C3), via the C key.
  await dragSelect(page, 'Department of Defense has awarded Scale AI a $500 million contract')
  await expect(pop).toBeVisible()
  await page.keyboard.press('c')
  dlg = page.getByRole('dialog', { name: 'New claim' })
  await expect(dlg).toBeVisible()
  await pickEntity(dlg, 'Subject', 'Department', /Department of Defense/)
  await dlg.getByLabel('Predicate', { exact: true }).fill('awarded contract to')
  await dlg.getByRole('radiogroup', { name: 'Object kind' }).getByRole('radio', { name: 'Entity' }).click()
  await pickEntity(dlg, 'Object entity', 'Scale', /Scale AI/)
  await dlg.getByRole('button', { name: /reported by NextFin/ }).click()
  // A source typed but not added is never dropped silently: saving waits for it.
  await dlg.getByRole('combobox', { name: 'Add source or person' }).fill('Bloomberg')
  await expect(dlg.getByRole('button', { name: 'Save claim' })).toBeDisabled()
  await expect(dlg).toContainText('“Bloomberg” is typed in Attribution but not added')
  await dlg.getByRole('combobox', { name: 'Add source or person' }).fill('')
  await grade(dlg, 'C', 3, 'Corroborated')
  // Ctrl+Enter saves from anywhere in the form.
  await page.keyboard.press('Control+Enter')
  await expect(dlg).toBeHidden()

  // --- 3. DoD — contract value — $500 million: the subject is prefilled from the DoD tagged inside the passage.
  await dragSelectAcross(page, 'Department of Defense awarded', '$500 million contract')
  await pop.getByRole('button', { name: /New claim/ }).click()
  dlg = page.getByRole('dialog', { name: 'New claim' })
  await expect(dlg.getByRole('combobox', { name: 'Subject' })).toHaveValue('Department of Defense')
  await expect(dlg.getByLabel('Amount', { exact: true })).toHaveValue('500000000')
  await expect(dlg.getByLabel('Qualifier')).toHaveValue('exact')
  // The predicate suggestions are the project's own.
  await dlg.getByLabel('Predicate', { exact: true }).fill('contract value')
  await dlg.getByRole('button', { name: /reported by NextFin/ }).click()
  await grade(dlg, 'C', 3, 'Corroborated')
  await dlg.getByRole('button', { name: 'Save claim' }).click()
  await expect(dlg).toBeHidden()

  // --- 4. A disagreeing value for the same subject and predicate: $480 million (E5, disputed). Esc, then C.
  await dragSelect(page, 'the $500 million commitment signals')
  await expect(pop).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(pop).toBeHidden()
  await page.keyboard.press('c')
  dlg = page.getByRole('dialog', { name: 'New claim' })
  // Tab accepts the highlighted entity.
  await dlg.getByRole('combobox', { name: 'Subject' }).fill('Defense')
  await page.keyboard.press('Tab')
  await expect(dlg.getByRole('combobox', { name: 'Subject' })).toHaveValue('Department of Defense')
  await dlg.getByLabel('Predicate', { exact: true }).fill('contract val')
  await dlg.getByRole('button', { name: 'contract value' }).click()
  await expect(dlg.getByLabel('Predicate', { exact: true })).toHaveValue('contract value')
  await dlg.getByLabel('Amount', { exact: true }).fill('480 million')
  await dlg.getByLabel('Amount', { exact: true }).blur()
  await expect(dlg.getByLabel('Amount', { exact: true })).toHaveValue('480000000')
  await grade(dlg, 'E', 5, 'Disputed')
  await dlg.getByRole('button', { name: 'Save claim' }).click()
  await expect(dlg).toBeHidden()

  // --- The claims view.
  await page.keyboard.press('Control+3')
  const table = page.getByRole('table', { name: 'Claims' })
  const rows = table.getByRole('row', { name: /^Claim: / })
  await expect(rows).toHaveCount(4)
  const valuation = table.getByRole('row', { name: 'Claim: Scale AI — valuation — up to 29,000,000,000 USD' })
  await expect(valuation).toContainText('has since seen its private market valuation fluctuate as high as $29 billion')
  await expect(valuation.getByLabel('Grade B2')).toBeVisible()
  await expect(valuation).toContainText('Unverified')
  await expect(valuation).toContainText('reported by NextFin')
  await expect(valuation).toContainText('according to TSG Invest')
  const awarded = table.getByRole('row', { name: 'Claim: Department of Defense — awarded contract to — Scale AI' })
  await expect(awarded.getByLabel('Grade C3')).toBeVisible()
  await expect(awarded).toContainText('Corroborated')
  // The two contract values disagree: both flagged, the others not.
  const v500 = table.getByRole('row', { name: 'Claim: Department of Defense — contract value — 500,000,000 USD' })
  const v480 = table.getByRole('row', { name: 'Claim: Department of Defense — contract value — 480,000,000 USD' })
  await expect(v500.getByRole('img', { name: 'Conflict' })).toBeVisible()
  await expect(v480.getByRole('img', { name: 'Conflict' })).toBeVisible()
  await expect(v480).toContainText('Disputed')
  await expect(valuation.getByRole('img', { name: 'Conflict' })).toHaveCount(0)
  await expect(awarded.getByRole('img', { name: 'Conflict' })).toHaveCount(0)
  await expect(table.getByRole('row', { name: /Group Department of Defense — contract value/ })).toContainText('Conflict')
  await page.screenshot({ path: join(SHOTS, 'claims-pane.png') })
  // The view offers an analyst judgement too (Esc closes the untouched form).
  await page.getByRole('button', { name: 'New analyst judgement…' }).click()
  await expect(page.getByRole('dialog', { name: 'New analyst judgement' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'New analyst judgement' })).toBeHidden()
  // Keyboard: rows take focus, arrows move, Enter would jump.
  await rows.first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(rows.nth(1)).toBeFocused()

  // Filters: conflicts only, grade, entity, status.
  const filters = page.getByRole('toolbar', { name: 'Claim filters' })
  await filters.getByLabel('Conflicts only').check()
  await expect(rows).toHaveCount(2)
  await filters.getByLabel('Conflicts only').uncheck()
  await filters.getByRole('group', { name: 'Source reliability filter' }).getByRole('button', { name: 'B', exact: true }).click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAccessibleName(/Scale AI — valuation/)
  await filters.getByRole('group', { name: 'Source reliability filter' }).getByRole('button', { name: 'B', exact: true }).click()
  await filters.getByRole('group', { name: 'Information credibility filter' }).getByRole('button', { name: '3', exact: true }).click()
  await expect(rows).toHaveCount(2)
  await filters.getByRole('button', { name: 'Clear filters' }).click()
  await expect(rows).toHaveCount(4)
  await filters.getByLabel('Entity').selectOption({ label: 'Scale AI' })
  await expect(rows).toHaveCount(2)
  await filters.getByLabel('Entity').selectOption({ label: 'TSG Invest' })
  await expect(rows).toHaveCount(1)
  await filters.getByLabel('Status').selectOption('disputed')
  await expect(rows).toHaveCount(0)
  await expect(table).toContainText('No claim matches these filters.')
  await filters.getByRole('button', { name: 'Clear filters' }).click()
  await expect(rows).toHaveCount(4)

  // Sorting by grade puts B2 first.
  await table.getByRole('columnheader', { name: 'Grade' }).getByRole('button').click()
  await expect(rows.first()).toHaveAccessibleName(/Scale AI — valuation/)
  await expect(table.getByRole('columnheader', { name: 'Grade' })).toHaveAttribute('aria-sort', 'ascending')

  // Click a claim: the reader opens on its passage and flashes it.
  await valuation.getByText('has since seen its private market valuation').click()
  await expect(page.getByRole('tab', { name: 'Reader' })).toHaveAttribute('aria-selected', 'true')
  const flash = page.locator('.doc-text .flash')
  await expect(flash.first()).toBeVisible()
  // The flashed passage, whatever runs (tags, suggestions) split it into.
  const flashed = () => flash.evaluateAll((els) => els.map((e) => e.textContent).join(''))
  await expect.poll(flashed).toBe('has since seen its private market valuation fluctuate as high as $29 billion')
  await expect(flash.first()).toBeInViewport()
  await page.screenshot({ path: join(SHOTS, 'claim-jump.png') })

  // The entity-object claim is an edge on the map.
  await page.getByRole('tab', { name: 'Map' }).click()
  const canvas = page.getByLabel('Relationship map')
  await expect(canvas).toHaveAttribute('data-edges', '1')

  // --- An analyst judgement, from the entity: no passage, so it needs the explicit tick.
  await page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: /Scale AI/ }).click()
  await page.getByRole('region', { name: 'Entity Scale AI' }).getByRole('button', { name: 'Link to…' }).click()
  dlg = page.getByRole('dialog', { name: 'New analyst judgement' })
  await expect(dlg.getByRole('combobox', { name: 'Subject' })).toHaveValue('Scale AI')
  // Untouched, Esc closes it at once; touched, it asks before discarding.
  await page.keyboard.press('Escape')
  await expect(dlg).toBeHidden()
  await page.getByRole('region', { name: 'Entity Scale AI' }).getByRole('button', { name: 'Link to…' }).click()
  await dlg.getByLabel('Predicate', { exact: true }).fill('depends on')
  await dlg.getByRole('radiogroup', { name: 'Object kind' }).getByRole('radio', { name: 'Entity' }).click()
  await pickEntity(dlg, 'Object entity', 'Depart', /Department of Defense/)
  await expect(dlg.getByRole('button', { name: 'Save claim' })).toBeDisabled()
  await expect(dlg).toContainText('tick “Analyst judgement”')
  await page.screenshot({ path: join(SHOTS, 'claim-judgement-form.png') })
  await dlg.getByRole('checkbox', { name: /Analyst judgement/ }).check()
  await dlg.getByRole('button', { name: 'Save claim' }).click()
  await expect(dlg).toBeHidden()
  await expect(canvas).toHaveAttribute('data-edges', '2')

  await page.getByRole('tab', { name: 'Claims' }).click()
  await expect(rows).toHaveCount(5)
  const judgement = table.getByRole('row', { name: 'Claim: Scale AI — depends on — Department of Defense' })
  await expect(judgement).toContainText('Analyst judgement · no passage')

  // Edit: regrade the judgement; then delete it (after a confirmation).
  await judgement.getByRole('button', { name: /^Edit claim/ }).click()
  dlg = page.getByRole('dialog', { name: 'Edit claim' })
  await expect(dlg.getByLabel('Predicate', { exact: true })).toHaveValue('depends on')
  await grade(dlg, 'D', 4, 'Disputed')
  await dlg.getByRole('button', { name: 'Save changes' }).click()
  await expect(dlg).toBeHidden()
  await expect(judgement.getByLabel('Grade D4')).toBeVisible()
  await expect(judgement).toContainText('Disputed')
  await judgement.getByRole('button', { name: /^Delete claim/ }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete claim?' })
  await expect(confirm).toContainText('depends on')
  await confirm.getByRole('button', { name: 'Delete claim' }).click()
  await expect(confirm).toBeHidden()
  await expect(rows).toHaveCount(4)
  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(canvas).toHaveAttribute('data-edges', '1')

  expect(app.foreignRequests).toEqual([])
  expect(app.consoleErrors).toEqual([])
  await app.quit()

  // --- Restart over the same project: every claim, source, grade and conflict is still there.
  const again = await launchApp(data.dir)
  const p2 = again.page
  await p2.getByRole('tab', { name: 'Claims' }).click()
  const table2 = p2.getByRole('table', { name: 'Claims' })
  await expect(table2.getByRole('row', { name: /^Claim: / })).toHaveCount(4)
  const valuation2 = table2.getByRole('row', { name: 'Claim: Scale AI — valuation — up to 29,000,000,000 USD' })
  await expect(valuation2.getByLabel('Grade B2')).toBeVisible()
  await expect(valuation2).toContainText('reported by NextFin')
  await expect(valuation2).toContainText('according to TSG Invest')
  await expect(valuation2).toContainText('has since seen its private market valuation fluctuate as high as $29 billion')
  await expect(table2.getByRole('row', { name: 'Claim: Department of Defense — awarded contract to — Scale AI' }).getByLabel('Grade C3')).toBeVisible()
  await expect(table2.getByRole('row', { name: 'Claim: Department of Defense — contract value — 480,000,000 USD' }).getByRole('img', { name: 'Conflict' })).toBeVisible()
  await p2.getByRole('tab', { name: 'Map' }).click()
  await expect(p2.getByLabel('Relationship map')).toHaveAttribute('data-edges', '1')
  expect(again.consoleErrors).toEqual([])
  await again.quit()
  data.cleanup()
})
