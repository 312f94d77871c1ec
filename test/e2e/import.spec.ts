// Ways in: a folder with progress and cancel, drag and drop, and correcting
// a document's details.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { useFreshApp } from './freshApp'
import { REPO, SHARED } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const PAGES = readdirSync(join(SHARED, 'corpus/html')).map((d) => join(SHARED, 'corpus/html', d, 'source.html'))

const fresh = useFreshApp()

test('Import folder walks subfolders, shows progress and can be cancelled', async () => {
  const { page, native } = fresh.app
  const folder = join(fresh.data.dir, 'clippings')
  // 36 distinct pages in nested folders, plus files the import must skip.
  for (let i = 0; i < 36; i++) {
    const sub = join(folder, `batch-${i % 3}`, i % 2 ? 'deeper' : '')
    mkdirSync(sub, { recursive: true })
    const src = PAGES[i % PAGES.length]!
    copyFileSync(src, join(sub, `page-${i}.html`))
    // make each copy distinct bytes so none is a duplicate
    writeFileSync(join(sub, `page-${i}.html`), `<!-- copy ${i} -->\n`, { flag: 'a' })
  }
  writeFileSync(join(folder, 'thumbs.db'), 'binary junk')
  mkdirSync(join(folder, '.hidden'))
  writeFileSync(join(folder, '.hidden', 'secret.txt'), 'should not be imported')

  native.openAnswers.push([folder])
  await page.getByRole('button', { name: '+ Folder' }).click()
  const bar = page.getByRole('progressbar', { name: 'Import progress' })
  await expect(bar).toBeVisible()
  await expect(bar).toContainText(/Importing \d+ of 36/)
  await page.screenshot({ path: join(SHOTS, 'import-progress.png') })
  await bar.getByRole('button', { name: 'Cancel' }).click()
  await expect(bar).toBeHidden({ timeout: 60_000 })
  const report = page.getByRole('status').filter({ hasText: 'Import:' })
  await expect(report).toBeVisible()
  const imported = await report.locator('li.import-imported').count()
  const cancelled = await report.locator('li.import-cancelled').count()
  expect(imported + cancelled).toBe(36)
  expect(cancelled).toBeGreaterThan(0)
  expect(imported).toBeGreaterThan(0)
  await expect(report).not.toContainText('thumbs.db')
  await expect(report).not.toContainText('secret.txt')
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(imported + 1)
})

test('Files dropped on the window are imported; details can be corrected', async () => {
  const { page } = fresh.app
  const notes = join(fresh.data.dir, 'analyst notes.md')
  writeFileSync(notes, '# Contract notes\n\nThe **Pentagon** award to *Scale AI* was confirmed.\n\n- first point\n- second point\n')
  await page.evaluate((path) => {
    const dt = new DataTransfer()
    dt.items.add(new File(['x'], path, { type: 'text/markdown' }))
    for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }))
  }, notes)
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: /Contract notes/ })).toBeVisible()
  await expect(page.locator('.doc-text h1')).toHaveText('Contract notes')
  await expect(page.locator('.doc-text')).toContainText('The Pentagon award to Scale AI was confirmed.')
  await expect(page.locator('.doc-text li')).toHaveCount(2)

  await page.getByRole('button', { name: 'Edit details' }).click()
  const dlg = page.getByRole('dialog', { name: 'Document details' })
  await dlg.getByLabel('Byline').fill('J. Analyst')
  await dlg.getByLabel('Publisher').fill('Internal')
  await dlg.getByLabel('Published').fill('2026-11-20')
  await dlg.getByRole('button', { name: 'Save' }).click()
  await expect(dlg).toBeHidden()
  await expect(page.locator('.doc-meta')).toContainText('J. Analyst · Internal')
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: /Contract notes/ })).toContainText('Internal')
  const docs = await fresh.app.core.db().call('documents.list', undefined)
  expect(docs.find((d) => d.title === 'Contract notes')).toMatchObject({ byline: 'J. Analyst', siteName: 'Internal', publishedTime: '2026-11-20' })
})

test('a PDF reads with page markers, and a mention remembers its page', async () => {
  const { page, native } = fresh.app
  native.openAnswers.push([join(SHARED, 'corpus/pdf/tracemonkey.pdf')])
  await page.keyboard.press('Control+o')
  await expect(page.getByRole('status').filter({ hasText: 'Import:' })).toContainText('1 imported')
  await expect(page.locator('.reader-page h1').first()).toContainText('Trace-based Just-in-Time Type Specialization')
  await expect(page.locator('.page-marker')).toHaveCount(14)
  await expect(page.locator('.page-marker').nth(1)).toHaveText('Page 2')
  await page.locator('.page-marker').nth(1).scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, 'reader-pdf.png') })
  // Tag a word from the first paragraph of page 2.
  const word = await page.locator('.page-marker').nth(1).evaluate((m) => {
    const text = (m.nextElementSibling as HTMLElement).innerText
    return text.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!
  })
  const { dragSelect } = await import('./actions')
  const before = await page.locator('.page-marker').nth(1).evaluate((m) => {
    // occurrences of the word before page 2, so the drag picks the one on page 2
    let n = 0
    const all = [...document.querySelectorAll('.doc-text > *')]
    for (const el of all.slice(0, all.indexOf(m))) n += ((el as HTMLElement).innerText.match(new RegExp(`\\b${(m.nextElementSibling as HTMLElement).innerText.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))}`, 'g')) ?? []).length
    return n
  })
  await dragSelect(page, word, before)
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await pop.getByRole('radio', { name: 'Product/Technology', exact: true }).click()
  await pop.getByLabel('Entity name').press('Enter')
  await page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: new RegExp(word) }).click()
  await expect(page.locator('.mention-doc').first()).toContainText('p. 2')
})
