// Issue #14's suggestions, as an analyst meets them on the sample article:
// dotted suggestions appear; accept "Scale AI" from its popover, then
// "accept all" of it; reject one with X from the keyboard; change one's type
// before accepting; review list by keyboard; restart and find it all kept;
// no request left the page; the map shows only what was accepted.
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { dragSelect } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
test.afterAll(stopHarness)

const entityList = (page: Page) => page.getByRole('listbox', { name: 'Entity list' })
const entityRow = (page: Page, name: string) => entityList(page).getByRole('option').filter({ has: page.locator('.name', { hasText: new RegExp(`^${name}$`) }) })
const sg = (page: Page, text: string) => page.locator('.doc-text [data-sg]', { hasText: new RegExp(`^${text}$`) })
/** The reader's caret brought into a suggestion's words (as the arrow keys do; keyboard.spec drives the arrows themselves). */
async function caretInto(run: Locator): Promise<void> {
  await run.evaluate((el) => {
    const text = el.closest<HTMLElement>('.doc-text')!
    text.focus()
    window.getSelection()!.collapse(el.firstChild!, 1)
  })
}

test('suggestions: accept, accept all, reject, change type; kept after a restart; only accepted tags on the map', async () => {
  test.setTimeout(180_000)
  const data = newDataDir()
  let app = await launchApp(data.dir)
  let { page } = app

  // --- Suggestions appear as dotted words, visibly unlike tags.
  await expect(sg(page, 'Scale AI').first()).toBeVisible({ timeout: 30_000 })
  const scaleCount = await sg(page, 'Scale AI').count()
  expect(scaleCount).toBeGreaterThan(5)
  const look = await sg(page, 'Scale AI').first().evaluate((el) => {
    const cs = getComputedStyle(el)
    return { style: cs.textDecorationStyle, line: cs.textDecorationLine, bg: cs.backgroundColor }
  })
  expect(look).toEqual({ style: 'dotted', line: 'underline', bg: 'rgba(0, 0, 0, 0)' })
  await page.screenshot({ path: join(SHOTS, 'suggest-reader.png') })

  // --- Accept "Scale AI" from its popover: a new Company.
  await sg(page, 'Scale AI').first().click()
  const pop = page.getByRole('dialog', { name: 'Suggestion “Scale AI”' })
  await expect(pop).toBeVisible()
  await expect(pop.getByLabel('Type')).toHaveValue(/^(Company|Organization)$/)
  await expect(pop.getByRole('button', { name: `Accept all ${scaleCount}` })).toBeVisible()
  await pop.screenshot({ path: join(SHOTS, 'suggest-popover.png') })
  await pop.getByRole('button', { name: /^Accept/ }).first().click()
  await expect(pop).toBeHidden()
  await expect(entityRow(page, 'Scale AI').locator('.count')).toHaveText('1')
  await expect(page.getByRole('status').filter({ hasText: `“Scale AI”: ${scaleCount - 1} more in 1 document` })).toBeVisible()
  await expect(sg(page, 'Scale AI')).toHaveCount(scaleCount - 1)

  // --- Accept all of the name.
  await sg(page, 'Scale AI').first().click()
  await pop.getByRole('button', { name: `Accept all ${scaleCount - 1}` }).click()
  await expect(entityRow(page, 'Scale AI').locator('.count')).toHaveText(String(scaleCount))
  await expect(sg(page, 'Scale AI')).toHaveCount(0)

  // --- A drag over a suggestion's words selects them for tagging (no suggestion popover, no line start).
  await dragSelect(page, 'NextFin')
  const tagPop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(tagPop.getByLabel('Entity name')).toHaveValue('NextFin')
  await expect(page.getByRole('dialog', { name: /^Suggestion/ })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(tagPop).toBeHidden()

  // --- Reject one from the keyboard: the caret in its words (a screen reader hears what it is), X.
  const victim = page.locator('.doc-text [data-sg]').filter({ hasNotText: /Scale AI|NextFin/ }).first()
  const victimSpan = await victim.getAttribute('data-sg')
  const victimText = (await victim.textContent())!
  const before = await page.locator('.doc-text [data-sg]').count()
  await caretInto(victim)
  await expect(page.locator('.reader [aria-live="polite"]').filter({ hasText: `Suggestion: ${victimText}` })).toHaveCount(1)
  await page.keyboard.press('x')
  await expect(page.locator(`.doc-text [data-sg="${victimSpan}"]`)).toHaveCount(0)

  await expect(page.locator('.doc-text [data-sg]')).toHaveCount(before - 1)

  // --- Change one's type before accepting: NextFin as a source, by Enter with the caret in its words.
  await caretInto(sg(page, 'NextFin').first())
  await page.keyboard.press('Enter')
  const nf = page.getByRole('dialog', { name: 'Suggestion “NextFin”' })
  await expect(nf).toBeVisible()
  await nf.getByLabel('Type').selectOption({ label: 'Source/Outlet' })
  await nf.getByRole('button', { name: /^Accept/ }).first().click()
  await expect(entityRow(page, 'NextFin')).toBeVisible()
  await expect(entityRow(page, 'NextFin').locator('.count')).toHaveText('1')

  // --- The review list, by keyboard: one Tab stop, arrows, X rejects all of a name.
  await page.getByRole('button', { name: /^Suggestions: \d+ in this document/ }).click()
  const list = page.getByRole('list', { name: /Suggestions in this document/ })
  await expect(list).toBeVisible()
  const rows = list.getByRole('listitem')
  await rows.first().focus()
  await page.keyboard.press('ArrowDown')
  const second = await rows.nth(1).getAttribute('aria-label')
  const secondName = second!.split(',').slice(0, 2).join(',')
  await page.keyboard.press('x')
  await expect(list.getByRole('listitem', { name: new RegExp(`^${secondName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) })).toHaveCount(0)
  await page.screenshot({ path: join(SHOTS, 'suggest-review-list.png') })
  const entitiesBefore = await entityList(page).getByRole('option').count()
  const leftBefore = await page.locator('.doc-text [data-sg]').count()

  // --- Restart: everything kept.
  await app.quit()
  app = await launchApp(data.dir)
  page = app.page
  await expect(entityRow(page, 'Scale AI').locator('.count')).toHaveText(String(scaleCount))
  await expect(entityRow(page, 'NextFin')).toBeVisible()
  await expect(entityList(page).getByRole('option')).toHaveCount(entitiesBefore)
  await expect(page.locator('.doc-text [data-sg]').first()).toBeVisible({ timeout: 30_000 })
  await expect(page.locator('.doc-text [data-sg]')).toHaveCount(leftBefore)
  await expect(page.locator(`.doc-text [data-sg="${victimSpan}"]`)).toHaveCount(0)
  await expect(sg(page, 'Scale AI')).toHaveCount(0)

  // --- The map: only the accepted entities.
  await page.keyboard.press('Control+2')
  const map = page.getByLabel('Relationship map')
  await expect(map).toHaveAttribute('data-nodes', String(entitiesBefore))
  // The probe answers once the map has drawn (the attribute can come first).
  const labels = () => page.evaluate(() => (window as unknown as { __rwbMap?: { nodes(): { label: string }[] } }).__rwbMap?.nodes().map((n) => n.label).sort() ?? [])
  await expect.poll(labels, { timeout: 15_000 }).toEqual(['NextFin', 'Scale AI'])

  // --- Nothing left the machine.
  expect(app.foreignRequests).toEqual([])
  await app.quit()
  data.cleanup()
})

test('a caret placed just before the suggestions change stays put, even before the browser has reported it', async () => {
  // selectionchange is a queued task: a selection set by code (Esc putting
  // the tag popover's words back) can meet a suggestion update before the
  // event. Here the event is held back, the caret is put by code where a
  // rejected suggestion was, and Undo brings the suggestion back under it:
  // only the reader's own reading of the selection can keep the caret
  // (reader/useSelectionKept.ts).
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  await expect(sg(page, 'Scale AI').first()).toBeVisible({ timeout: 30_000 })
  const victim = sg(page, 'Scale AI').nth(1)
  const span = (await victim.getAttribute('data-sg'))!
  const at = Number(span.split(':')[0]) + 3
  await caretInto(victim)
  await page.keyboard.press('x') // the caret moves on to the next suggestion
  await expect(page.locator(`.doc-text [data-sg="${span}"]`)).toHaveCount(0)
  await page.evaluate((pos) => {
    document.addEventListener('selectionchange', (e) => e.stopImmediatePropagation(), true)
    for (const r of document.querySelectorAll<HTMLElement>('.doc-text [data-s]')) {
      const s = Number(r.dataset.s)
      if (pos >= s && pos < s + r.textContent!.length) window.getSelection()!.collapse(r.firstChild!, pos - s)
    }
  }, at)
  await page.keyboard.press('Control+z')
  await expect(page.locator(`.doc-text [data-sg="${span}"]`)).toHaveCount(1)
  const caret = await page.evaluate(() => {
    const sel = window.getSelection()!
    const run = sel.focusNode?.parentElement?.closest<HTMLElement>('[data-s]')
    return { collapsed: sel.isCollapsed, at: run && sel.focusNode!.nodeType === Node.TEXT_NODE ? Number(run.dataset.s) + sel.focusOffset : null }
  })
  expect(caret).toEqual({ collapsed: true, at })
  await app.quit()
  data.cleanup()
})
