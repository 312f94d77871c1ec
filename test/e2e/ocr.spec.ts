// A scanned PDF through the UI: two pages of tracemonkey.pdf rendered at
// 300 DPI into an image-only PDF, opened with Ctrl+O; the OCR progress bar
// counts pages, the reader marks the recognised text, and Cancel stops a
// scan being read. The page's requests are all refused and recorded by the
// harness (none may leave), and the OCR itself loads only the app's files
// (test/unit/importOcr.test.ts runs it with no network at all).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { imagePdf, renderPages } from '../support/makeScan.mjs'
import { useFreshApp } from './freshApp'
import { REPO, SHARED } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
let dir = ''
let scan = ''

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rwb-ocr-e2e-'))
  scan = join(dir, 'tracemonkey scan.pdf')
  writeFileSync(scan, imagePdf(await renderPages(readFileSync(join(SHARED, 'corpus/pdf/tracemonkey.pdf')), [1, 2], 300)))
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

const fresh = useFreshApp()

test('a scanned PDF is recognised page by page, with progress, and its text is marked as OCR', async () => {
  // OCR takes seconds a page on an idle machine, minutes on a loaded one.
  test.setTimeout(480_000)
  const { page, native } = fresh.app
  native.openAnswers.push([scan])
  await page.keyboard.press('Control+o')
  const ocrBar = page.getByRole('progressbar', { name: 'OCR progress' })
  await expect(ocrBar).toBeVisible({ timeout: 60_000 })
  await expect(page.locator('.ocr-step')).toHaveText(/Recognising text \(OCR\): [01] of 2 pages done/)
  await expect(page.getByRole('group', { name: 'Import' }).getByRole('button', { name: 'Cancel' })).toBeVisible()
  await page.screenshot({ path: join(SHOTS, 'ocr-progress.png') })
  await expect(page.getByRole('status').filter({ hasText: 'Import:' })).toContainText('1 imported', { timeout: 400_000 })
  await expect(ocrBar).toBeHidden()

  const note = page.getByRole('note', { name: 'Recognised by OCR' })
  await expect(note).toContainText('the text of all 2 pages was recognised by OCR')
  await expect(note).toContainText(/mean word confidence \d{2} %/)
  await expect(page.locator('.reader-page h1').first()).toContainText('Trace-based Just-in-Time Type Specialization')
  await expect(page.locator('.page-marker')).toHaveCount(2)
  await expect(page.locator('.page-marker .ocr-badge')).toHaveCount(2)
  const blocks = await page.locator('.doc-text .blk').count()
  await expect(page.locator('.doc-text .blk-ocr')).toHaveCount(blocks)
  await page.screenshot({ path: join(SHOTS, 'ocr-reader.png') })
  await page.locator('.page-marker').nth(1).scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, 'ocr-reader-page2.png') })

  // Stored with the document: which pages, and how sure.
  const doc = (await fresh.app.core.db().call('documents.list', undefined)).find((d) => d.mediaType === 'application/pdf')
  const content = await fresh.app.core.db().call('documents.get', { id: doc!.id })
  expect(content.ocr?.pages.map((p) => p.page)).toEqual([1, 2])
})

test('Cancel stops a scan being recognised; nothing is imported', async () => {
  test.setTimeout(240_000)
  const { page, native } = fresh.app
  native.openAnswers.push([scan])
  await page.keyboard.press('Control+o')
  await expect(page.locator('.ocr-step')).toHaveText('Recognising text (OCR): 0 of 2 pages done', { timeout: 60_000 })
  await page.getByRole('group', { name: 'Import' }).getByRole('button', { name: 'Cancel' }).click()
  const report = page.getByRole('status').filter({ hasText: 'Import:' })
  await expect(report).toBeVisible({ timeout: 60_000 })
  await expect(report.locator('li.import-cancelled')).toHaveCount(1)
  await expect(page.getByRole('progressbar', { name: 'OCR progress' })).toBeHidden()
  expect(await fresh.app.core.db().call('documents.list', undefined)).toHaveLength(1) // the sample article only
})
