// Change events instead of refresh lists (issue #10): tagging a selection in
// the reader costs at most three round trips over the bridge, counted at the
// harness's bindings (a batch of refreshes is one round trip), and
// everything the tag changed is on screen afterwards: the highlight, the
// entity's mention count, the document's count and the Undo button.
import { expect, test } from '@playwright/test'
import { dragSelect } from './actions'
import { launchApp, newDataDir, stopHarness } from './harness'

test.afterAll(stopHarness)

test('one tag in the reader: at most three round trips, and every view shows it', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  try {
    // Let start-up reads settle, then count from the selection on.
    const undo = page.getByRole('group', { name: 'Undo and redo' }).getByRole('button').first()
    await expect(undo).toBeDisabled()
    await page.waitForTimeout(500)
    await dragSelect(page, 'Scale AI')
    const pop = page.getByRole('dialog', { name: 'Tag selection' })
    await expect(pop).toBeVisible()
    await pop.getByRole('radio', { name: 'Company', exact: true }).click()
    const before = app.roundTrips.length
    await pop.getByLabel('Entity name').press('Enter')
    await expect(pop).toBeHidden()

    // What the tag changed is shown: the highlight, the new entity with its count, the Undo button.
    await expect(page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first()).toBeVisible()
    const row = page.getByRole('listbox', { name: 'Entity list' }).getByRole('option').filter({ hasText: 'Scale AI' })
    await expect(row).toContainText('1')
    await expect(undo).toBeEnabled()
    await expect(undo).toHaveAccessibleName(/^Undo Tag “Scale AI”/)
    await page.waitForTimeout(500)

    const trips = app.roundTrips.slice(before)
    const methods = trips.flat()
    // The mutation itself, then one batch of the reads its change names.
    expect(methods[0]).toBe('mentions.create')
    expect(trips.length, `round trips: ${JSON.stringify(trips)}`).toBeLessThanOrEqual(3)
    for (const read of ['mentions.forDocument', 'entities.list', 'documents.list', 'history.state']) expect(methods).toContain(read)
    // Nothing is read twice for one change.
    expect(new Set(methods).size).toBe(methods.length)
    expect(app.consoleErrors).toEqual([])
  } finally {
    await app.quit()
    data.cleanup()
  }
})
