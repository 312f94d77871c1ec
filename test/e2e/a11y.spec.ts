// Accessibility checked by axe-core (issue 13), in the light and the dark
// theme: the library, the reader (text view), its tag and mention popovers,
// the entities pane, the claims view, the map and its filters, the reader's
// Original view of a PDF, and every dialog: no serious or critical violations. The dark run also leaves a
// screenshot of each view in test/artifacts/dark-*.png (looked at by a
// person), and checks the page really is dark and the map's paper too.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { dragSelect, pickEntity, tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, SHARED, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
test.afterAll(stopHarness)

/** Serious and critical axe violations on the page (or inside `within`), one line each. */
async function serious(page: Page, within?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page })
  if (within) axe = axe.include(within)
  const { violations } = await axe.analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.split('\n').slice(1, 2).join('')}]` : ''}`).join(' | ')}`)
}

/** Project menu → an item (the top bar's copy of the native menu). */
async function projectMenu(page: Page, item: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Project ▾' }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

/** Escape closes the dialog (a first Escape may close an open suggestion list inside it, as comboboxes do). */
async function closeDialog(page: Page): Promise<void> {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) {
    await page.keyboard.press('Escape')
    await page.waitForTimeout(150)
  }
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: every view and dialog, ${scheme} theme: no serious or critical violations`, async () => {
    test.setTimeout(Number(process.env.A11Y_TIMEOUT ?? 900_000))
    mkdirSync(SHOTS, { recursive: true })
    const data = newDataDir()
    const app = await launchApp(data.dir, { colorScheme: scheme })
    const { page } = app
    const found: Record<string, string[]> = {}
    const check = async (name: string, within?: string) => {
      const t0 = Date.now()
      found[name] = await serious(page, within)
      console.log(`${scheme} ${name}: ${found[name].length ? found[name].join('\n    ') : 'ok'} (${Date.now() - t0} ms)`)
      if (scheme === 'dark') await page.screenshot({ path: join(SHOTS, `dark-${name}.png`) })
    }
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)

    // Something to show: two entities and a claim.
    await tagNewEntity(page, 'Scale AI', 'Company')
    await tagNewEntity(page, 'Department of Defense', 'Public body')
    await dragSelect(page, 'Department of Defense has awarded Scale AI a $500 million contract')
    await page.keyboard.press('c')
    const claim = page.getByRole('dialog', { name: 'New claim' })
    await expect(claim).toBeVisible()
    await check('dialog-new-claim')
    await pickEntity(claim, 'Subject', 'Department', /Department of Defense/)
    await claim.getByLabel('Predicate', { exact: true }).fill('awarded contract to')
    await claim.getByRole('button', { name: 'Save claim' }).click()
    await expect(claim).toBeHidden()

    // Library and reader (the text view), the Details disclosure open.
    await page.getByText('Details', { exact: true }).click()
    await check('reader')
    // The tag popover and the mention popover.
    await dragSelect(page, 'five-fold increase')
    await expect(page.getByRole('dialog', { name: 'Tag selection' })).toBeVisible()
    await check('reader-tag-popover')
    await page.keyboard.press('Escape')
    await page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first().click()
    await expect(page.getByRole('dialog', { name: 'Mention' })).toBeVisible()
    await check('reader-mention-popover')
    await page.keyboard.press('Escape')

    // The entities pane with an entity open.
    await page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: /Scale AI/ }).click()
    await check('entities', '#pane-entities')

    // Dialogs reached from the entity, the library, the reader and the menus.
    const detail = page.getByRole('region', { name: 'Entity Scale AI' })
    for (const [name, button] of [
      ['dialog-tag-all', 'Tag all mentions…'],
      ['dialog-merge', 'Merge…'],
      ['dialog-delete-entity', 'Delete…']
    ] as const) {
      await detail.getByRole('button', { name: button }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await check(name, '[role="dialog"]')
      await closeDialog(page)
    }
    await page.getByRole('button', { name: 'Types…' }).click()
    await check('dialog-entity-types', '[role="dialog"]')
    await closeDialog(page)
    await page.getByRole('button', { name: 'Edit details' }).click()
    await check('dialog-document-details', '[role="dialog"]')
    await closeDialog(page)
    for (const [name, item] of [
      ['dialog-your-name', /Your name/],
      ['dialog-appearance', /Appearance/],
      ['dialog-activity-log', /Activity log/]
    ] as const) {
      await projectMenu(page, item)
      await expect(page.getByRole('dialog')).toBeVisible()
      await check(name, '[role="dialog"]')
      await closeDialog(page)
    }

    // The claims view, and its delete dialog.
    await page.keyboard.press('Control+3')
    await expect(page.locator('.claim-row').first()).toBeVisible()
    await check('claims')
    await page.locator('.claim-row').first().focus()
    await page.keyboard.press('Delete')
    await expect(page.getByRole('dialog')).toBeVisible()
    await check('dialog-delete-claim', '[role="dialog"]')
    await closeDialog(page)
    await page.getByRole('button', { name: 'Export ▾' }).click()
    await page.getByRole('menuitem', { name: /Evidence report/ }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await check('dialog-report', '[role="dialog"]')
    await closeDialog(page)

    // The map, its filters, and the image export dialog.
    await page.keyboard.press('Control+2')
    await expect(page.getByLabel('Relationship map')).toHaveAttribute('data-nodes', '2')
    await page.waitForTimeout(500)
    await check('map')
    if (scheme === 'dark') {
      // The map's paper follows the theme (Cytoscape styles come through the store).
      const paper = await page.evaluate(() => getComputedStyle(document.querySelector('.map-canvas')!).backgroundColor)
      expect(paper).not.toBe('rgb(255, 255, 255)')
    }
    await page.getByRole('button', { name: /^Filters/ }).click()
    await expect(page.getByRole('dialog', { name: 'Map filters' })).toBeVisible()
    await check('map-filters', '[role="dialog"]')
    await page.getByRole('button', { name: 'Close filters' }).click()
    await page.keyboard.press('Control+e')
    await expect(page.getByRole('dialog')).toBeVisible()
    await check('dialog-export-image', '[role="dialog"]')
    await closeDialog(page)

    // The reader's Original view of a PDF: its page bar, pages and text layer.
    app.native.openAnswers.push([join(SHARED, 'corpus/pdf/tracemonkey.pdf')])
    await page.keyboard.press('Control+1')
    await page.keyboard.press('Control+o')
    await expect(page.getByRole('status').filter({ hasText: 'Import:' })).toContainText('1 imported', { timeout: 60_000 })
    await expect(page.locator('.reader-page h1').first()).toContainText('Trace-based Just-in-Time')
    await page.getByRole('group', { name: 'Reader view' }).getByRole('button', { name: 'Original' }).click()
    await expect(page.locator('.pdf-page[data-page="1"][data-painted="true"][data-mapped="true"]')).toBeVisible({ timeout: 30_000 })
    await check('reader-original')
    if (scheme === 'dark') {
      // The bar around the pages follows the theme; the pages stay paper-white, as the PDF is.
      const bar = await page.evaluate(() => getComputedStyle(document.querySelector('.original-bar')!).backgroundColor)
      expect(bar).not.toBe('rgb(255, 255, 255)')
      const paper = await page.evaluate(async () => {
        // The drawn page (a canvas, swapped for an image of it once painted), one pixel of its margin.
        const drawn = document.querySelector<HTMLImageElement | HTMLCanvasElement>('.pdf-page[data-page="1"] img, .pdf-page[data-page="1"] canvas')!
        if (drawn instanceof HTMLImageElement) await drawn.decode()
        const probe = document.createElement('canvas')
        probe.width = probe.height = 8
        const g = probe.getContext('2d')!
        g.drawImage(drawn, 0, 0, 8, 8, 0, 0, 8, 8)
        const px = g.getImageData(4, 4, 1, 1).data
        return [px[0], px[1], px[2]]
      })
      expect(paper).toEqual([255, 255, 255])
    }

    if (scheme === 'dark') {
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(bg).toBe('rgb(22, 25, 29)')
    }
    const problems = Object.entries(found).filter(([, v]) => v.length)
    console.log(`axe (${scheme}): ${Object.keys(found).length} views and dialogs checked; ${problems.length} with serious or critical violations`)
    for (const [k, v] of problems) console.log(`  ${k}:\n    ${v.join('\n    ')}`)
    expect(problems).toEqual([])
    expect(app.consoleErrors).toEqual([])
    await app.quit()
    data.cleanup()
  })
}
