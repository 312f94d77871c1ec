// Undo/redo of tagging (keyboard, not inside text fields, across a restart),
// the activity log with the user's name, and the review of anchors that no
// longer match their text (listed, never moved).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { loadSqlJs } from '../../src-main/core/db/sqlite'
import { linkAsJudgement, tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')

test.afterAll(stopHarness)

/** Reads through the same bridge the app uses (to check what is stored, not just what is shown). */
async function api<T>(page: Page, method: string, args: object = {}): Promise<T> {
  const res = await page.evaluate(
    ([m, a]) => (window as unknown as { rwb: { invoke(m: string, a: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).rwb.invoke(m, a),
    [method, args] as const
  )
  if (!res.ok) throw new Error(`${method}: ${res.error?.message}`)
  return res.value as T
}

/** Moves the keyboard focus off any text field, as a click on the page background would. */
async function focusPage(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
}

const toast = (page: Page, text: string | RegExp) => page.locator('.toast').filter({ hasText: text })

test('undo and redo tagging with the keyboard, never inside text fields, across a restart; the activity log names the user', async () => {
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  let app = await launchApp(data.dir)
  let { page } = app
  const entityList = page.getByRole('listbox', { name: 'Entity list' })
  const undoBtn = page.getByRole('group', { name: 'Undo and redo' }).getByRole('button').first()

  await expect(undoBtn).toBeDisabled()
  await tagNewEntity(page, 'Scale AI', 'Company')
  await expect(undoBtn).toBeEnabled()
  await expect(undoBtn).toHaveAttribute('title', 'Undo Tag “Scale AI” as Scale AI (Ctrl+Z)')
  await tagNewEntity(page, 'Department of Defense', 'Public body')
  await expect(entityList.getByRole('option')).toHaveCount(2)

  // Link the DoD to Scale AI.
  await entityList.getByRole('option', { name: /Department of Defense/ }).click()
  await linkAsJudgement(page, 'Department of Defense', 'awarded contract to', 'Scale', /^Scale AI/)
  await expect(undoBtn).toHaveAttribute('title', /^Undo Claim: Department of Defense — awarded contract to — Scale AI/)
  expect(await api<unknown[]>(page, 'claims.list', {})).toHaveLength(1)

  const dodHighlight = page.locator('.doc-text .hl', { hasText: 'Department of Defense' })
  await expect(dodHighlight.first()).toBeVisible()

  // Ctrl+Z: the link, then the DoD's tag together with the entity it created.
  await focusPage(page)
  await page.keyboard.press('Control+z')
  await expect(toast(page, 'Undone: Claim: Department of Defense — awarded contract to — Scale AI')).toBeVisible()
  await expect.poll(() => api<unknown[]>(page, 'claims.list', {})).toHaveLength(0)
  await page.keyboard.press('Control+z')
  await expect(toast(page, 'Undone: Tag “Department of Defense” as Department of Defense')).toBeVisible()
  await expect(dodHighlight).toHaveCount(0)
  await expect(entityList.getByRole('option')).toHaveCount(1)
  await expect(entityList.getByRole('option', { name: /Department of Defense/ })).toHaveCount(0)
  await expect(page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first()).toBeVisible()
  await expect(page.getByRole('group', { name: 'Undo and redo' }).getByRole('button').nth(1)).toHaveAttribute(
    'title',
    'Redo Tag “Department of Defense” as Department of Defense (Ctrl+Shift+Z)'
  )
  await expect(undoBtn).toHaveAttribute('title', 'Undo Tag “Scale AI” as Scale AI (Ctrl+Z)')

  // Shift+Ctrl+Z brings them back, Ctrl+Y too (Windows/Linux).
  await page.keyboard.press('Shift+Control+z')
  await expect(entityList.getByRole('option')).toHaveCount(2)
  await expect(dodHighlight.first()).toBeVisible()
  await expect(entityList.getByRole('option', { name: /Department of Defense/ }).getByTitle('Mentions')).toHaveText('1')
  await page.keyboard.press('Control+y')
  await expect(toast(page, 'Redone: Claim: Department of Defense — awarded contract to — Scale AI')).toBeVisible()
  await expect.poll(() => api<unknown[]>(page, 'claims.list', {})).toHaveLength(1)

  // Inside a text field Ctrl+Z undoes the typing, not the tagging.
  const filter = page.getByLabel('Filter entities')
  await filter.click()
  await page.keyboard.type('Scale')
  await expect(filter).toHaveValue('Scale')
  await page.keyboard.press('Control+z')
  await expect(filter).not.toHaveValue('Scale')
  await page.waitForTimeout(300)
  expect(await api<unknown[]>(page, 'claims.list', {})).toHaveLength(1)
  await expect(undoBtn).toHaveAttribute('title', /^Undo Claim: Department of Defense — awarded contract to — Scale AI/)
  await filter.fill('')

  // Restart: the undo history is in the project file.
  await app.quit()
  app = await launchApp(data.dir)
  page = app.page
  const list2 = page.getByRole('listbox', { name: 'Entity list' })
  await expect(list2.getByRole('option')).toHaveCount(2)
  const undo2 = page.getByRole('group', { name: 'Undo and redo' }).getByRole('button').first()
  await expect(undo2).toHaveAttribute('title', /^Undo Claim: Department of Defense — awarded contract to — Scale AI/)
  await focusPage(page)
  await page.keyboard.press('Control+z')
  await expect(toast(page, 'Undone: Claim: Department of Defense — awarded contract to — Scale AI')).toBeVisible()
  await expect.poll(() => api<unknown[]>(page, 'claims.list', {})).toHaveLength(0)
  await expect(list2.getByRole('option')).toHaveCount(2)

  // Your name, then a change recorded under it.
  await page.getByRole('button', { name: 'Project ▾' }).click()
  await page.screenshot({ path: join(SHOTS, 'project-menu-history.png'), clip: { x: 800, y: 0, width: 640, height: 360 } })
  await page.getByRole('menuitem', { name: /Your name/ }).click()
  const nameDlg = page.getByRole('dialog', { name: 'Your name' })
  await nameDlg.getByLabel('Name').fill('Ana Analyst')
  await page.screenshot({ path: join(SHOTS, 'user-name.png') })
  await nameDlg.getByLabel('Name').press('Enter')
  await expect(nameDlg).toBeHidden()
  expect((await api<{ userName: string }>(page, 'settings.userName')).userName).toBe('Ana Analyst')
  // The toolbar's Redo names what it redoes.
  const redo2 = page.getByRole('group', { name: 'Undo and redo' }).getByRole('button').nth(1)
  await expect(redo2).toHaveAttribute('title', 'Redo Claim: Department of Defense — awarded contract to — Scale AI (Ctrl+Shift+Z)')
  await redo2.click()
  await expect(toast(page, 'Redone: Claim: Department of Defense — awarded contract to — Scale AI')).toBeVisible()
  await expect(redo2).toBeDisabled()

  await page.getByRole('button', { name: 'Project ▾' }).click()
  await page.getByRole('menuitem', { name: /Activity log/ }).click()
  const audit = page.getByRole('dialog', { name: 'Activity log' })
  const rows = audit.locator('tbody tr')
  await expect(audit.getByRole('button', { name: 'Close' })).toBeFocused()
  await expect(rows.first()).toContainText('Ana Analyst')
  await expect(rows.first()).toContainText('Redo: Claim: Department of Defense — awarded contract to — Scale AI')
  // Newest first; everything before the rename is under the earlier name.
  const labels = await audit.locator('tbody .audit-what > span:first-child').allInnerTexts()
  expect(labels.slice(0, 2)).toEqual(['Redo: Claim: Department of Defense — awarded contract to — Scale AI', 'Undo: Claim: Department of Defense — awarded contract to — Scale AI'])
  for (const done of ['Tag “Scale AI” as Scale AI', 'Claim: Department of Defense — awarded contract to — Scale AI', 'Undo: Tag “Department of Defense” as Department of Defense']) {
    expect(labels).toContain(done)
  }
  await expect(rows.nth(1)).toContainText('1 claim removed')
  await expect(rows.first()).toContainText('1 claim added')
  const users = await audit.locator('tbody .audit-user').allInnerTexts()
  expect(users[0]).toBe('Ana Analyst')
  expect(users[1]).not.toBe('Ana Analyst')
  // Times are local and readable, not raw ISO.
  expect(await audit.locator('tbody .audit-when').first().innerText()).not.toMatch(/T\d\d:/)
  await expect(page.locator('.toast.error')).toHaveCount(0)
  await page.screenshot({ path: join(SHOTS, 'audit-log.png') })
  // Ctrl+Z does nothing behind an open dialog.
  await page.keyboard.press('Control+z')
  await page.keyboard.press('Escape')
  await expect(audit).toBeHidden()
  expect(await api<unknown[]>(page, 'claims.list', {})).toHaveLength(1)
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})

test('a tag whose words are no longer at its place is listed for review and never moved', async () => {
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  let app = await launchApp(data.dir)
  await tagNewEntity(app.page, 'Scale AI', 'Company')
  const docId = (await api<{ id: number }[]>(app.page, 'documents.list'))[0]!.id
  const [before] = await api<{ id: number; start: number; end: number; quote: string }[]>(app.page, 'mentions.forDocument', { documentId: docId })
  const path = app.core.db().path
  await app.quit()

  // Damage the anchor in the file (the text itself cannot change): one character later.
  const SQL = await loadSqlJs()
  const db = new SQL.Database(readFileSync(path))
  db.run('UPDATE mentions SET start = start + 1, "end" = "end" + 1 WHERE id = ?', [before!.id])
  writeFileSync(path, db.export())
  db.close()

  app = await launchApp(data.dir)
  const { page } = app
  const review = page.getByRole('region', { name: 'Tags to review' })
  await expect(review).toContainText('1 tag no longer matches the text. Nothing has been moved.')
  await review.getByRole('button', { name: 'Review' }).click()
  const issue = review.locator('.anchor-issue')
  await expect(issue).toHaveCount(1)
  await expect(issue).toContainText('Tag: Scale AI')
  await expect(issue).toContainText('The recorded words are not at the recorded place.')
  await expect(issue.locator('.anchor-quote')).toHaveText('Scale AI')
  await expect(issue.locator('.anchor-found')).toHaveText('cale AI ')
  // The jumps land on the words: the nearest match, then the recorded place.
  const flashed = () => page.evaluate(() => [...document.querySelectorAll('.doc-text .flash')].map((e) => e.textContent).join(''))
  await issue.getByRole('button', { name: 'Show nearest match' }).click()
  await expect.poll(flashed).toBe('Scale AI')
  await expect(issue.getByRole('button', { name: /Show match at/ })).toHaveCount(2)
  await issue.getByRole('button', { name: 'Show recorded place' }).click()
  await expect.poll(flashed).toBe('cale AI ')
  await expect(issue).toContainText('at least 10 places')
  await page.screenshot({ path: join(SHOTS, 'anchor-review.png') })

  // Looking did not move anything.
  const [after] = await api<{ id: number; start: number; end: number; quote: string }[]>(page, 'mentions.forDocument', { documentId: docId })
  expect(after).toMatchObject({ id: before!.id, start: before!.start + 1, end: before!.end + 1, quote: 'Scale AI' })

  // Undoing the tag now would write over a row changed behind the history's back: refused, clearly.
  await focusPage(page)
  await page.keyboard.press('Control+z')
  await expect(page.locator('.toast.error')).toContainText('Cannot undo “Tag “Scale AI” as Scale AI”: what it touched was changed outside the undo history')
  await expect(page.locator('.toast.error')).toContainText('Nothing was changed.')
  expect(await api<unknown[]>(page, 'mentions.forDocument', { documentId: docId })).toHaveLength(1)

  // The analyst decides to remove it; Ctrl+Z brings it (and the banner) back.
  await issue.getByRole('button', { name: 'Remove tag' }).click()
  await expect(review).toBeHidden()
  expect(await api<unknown[]>(page, 'mentions.forDocument', { documentId: docId })).toHaveLength(0)
  await focusPage(page)
  await page.keyboard.press('Control+z')
  await expect(review).toContainText('1 tag no longer matches the text.')
  expect(await api<unknown[]>(page, 'mentions.forDocument', { documentId: docId })).toHaveLength(1)
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})
