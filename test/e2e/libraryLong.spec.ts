// A long library (600 documents, made straight through the project's
// database worker before the app starts): only the rows near the view are in
// the DOM (ui/useWindow), the list scrolls inside its pane, and the keyboard
// still reaches every document (End, Home, arrows across the drawn window).
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { E2E_USER, launchApp, loadCore, newDataDir, REPO, stopHarness } from './harness'

test.afterAll(stopHarness)

const COUNT = 600

test('a library of 600 documents draws only what is in view, and the keyboard reaches every document', async () => {
  const data = newDataDir()
  const project = join(data.dir, 'Long.rwb')
  const { ProjectDb } = await loadCore()
  const db = await ProjectDb.open(project, { create: true, saveDelayMs: 60_000 })
  for (let i = 1; i <= COUNT; i++) {
    const text = `Report number ${i} on the contract.`
    const original = Buffer.from(text)
    await db.call('documents.insert', {
      title: `Report ${String(i).padStart(3, '0')}`,
      byline: null,
      siteName: 'Archive',
      publishedTime: null,
      lang: 'en',
      dir: null,
      excerpt: null,
      sourcePath: `/reports/report-${i}.txt`,
      mediaType: 'text/plain',
      sha256: createHash('sha256').update(original).digest('hex'),
      original,
      text,
      blocks: [{ start: 0, end: text.length, kind: 'p' }]
    })
  }
  await db.close()
  writeFileSync(join(data.dir, 'settings.json'), JSON.stringify({ lastProject: project, recent: [], userName: E2E_USER }))

  const app = await launchApp(data.dir)
  const { page } = app
  const list = page.getByRole('listbox', { name: 'Documents' })
  await expect(page.locator('.library .pane-head .muted').first()).toHaveText(String(COUNT))
  await expect(list.getByRole('option').first()).toBeVisible()
  const drawn = await list.getByRole('option').count()
  expect(drawn).toBeGreaterThan(10)
  expect(drawn).toBeLessThan(100)
  // Screen readers hear the whole list's size and each row's place in it.
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', String(COUNT))

  // The list scrolls inside its pane: the pane keeps the window's height.
  const box = await page.locator('.pane.library').boundingBox()
  expect(box!.height).toBeLessThanOrEqual(900)

  // Keyboard: End reaches the last document, drawn and focused; Home the first; arrows cross the window's edge.
  await list.getByRole('option').first().focus()
  // Newest first (the library's default order): the last row is the first document added.
  await page.keyboard.press('End')
  await expect(page.locator(':focus')).toHaveAttribute('aria-posinset', String(COUNT))
  await expect(page.locator(':focus')).toContainText('Report 001')
  await expect(page.locator(':focus')).toBeInViewport()
  await page.keyboard.press('Home')
  await expect(page.locator(':focus')).toHaveAttribute('aria-posinset', '1')
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowDown')
  await expect(page.locator(':focus')).toHaveAttribute('aria-posinset', '61')
  await expect(page.locator(':focus')).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.locator('.reader-page h1').first()).toHaveText('Report 540')

  // Scrolled to the middle with the mouse wheel: the rows there are drawn.
  await list.hover()
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
  await expect.poll(() => list.evaluate((el) => Math.abs(el.scrollTop - el.scrollHeight / 2) < 50)).toBe(true)
  // The rows in view are those from the middle of the list, drawn.
  const inView = await list.evaluate((el) => {
    const box = el.getBoundingClientRect()
    return [...el.querySelectorAll('[data-row]')]
      .filter((r) => {
        const b = r.getBoundingClientRect()
        return b.bottom > box.top && b.top < box.bottom
      })
      .map((r) => Number(r.getAttribute('aria-posinset')))
  })
  expect(inView.length).toBeGreaterThan(5)
  expect(Math.min(...inView)).toBeGreaterThan(200)
  expect(Math.max(...inView)).toBeLessThan(400)
  mkdirSync(join(REPO, 'test/artifacts'), { recursive: true })
  await page.screenshot({ path: join(REPO, 'test/artifacts/library-long.png') })
  expect(app.foreignRequests).toEqual([])
  await app.quit()
  data.cleanup()
})
