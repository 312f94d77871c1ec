// Structure in the text view: tables.docx renders a table with the right
// cells and a word in a cell can be tagged; a document imported by the old
// extraction (rows run together) offers a re-import, which keeps the tag on
// its words and is undone by Undo; a claim's passage is underlined across its
// lines, with the ❝ kept in the margin; merged cells (merged-cells.html) span
// their columns and rows, so every row covers the same columns.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dragSelect, pickEntity, tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, SHARED, stopHarness, type AppSession } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const TABLES = join(SHARED, 'corpus', 'docx', 'tables.docx')
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const MERGED = join(REPO, 'test/fixtures/merged-cells.html')
const OLD_TEXT = 'Above\n\nTop left\tTop right\n\nBottom left\tBottom right\n\nBelow'

let data: ReturnType<typeof newDataDir>
let app: AppSession
test.beforeEach(async () => {
  mkdirSync(SHOTS, { recursive: true })
  data = newDataDir()
  app = await launchApp(data.dir)
})
test.afterEach(async () => {
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})
test.afterAll(stopHarness)

/** The reader's tables as rows × cells texts, read from the DOM. */
const tableCells = (page: Page) =>
  page.locator('.doc-text table.blk-table').evaluateAll((tables) => tables.map((t) => [...t.querySelectorAll('tr')].map((tr) => [...tr.cells].map((c) => c.textContent))))

test('tables.docx renders a table with its cells, and a word in a cell is tagged at its offsets', async () => {
  const { page, native, core } = app
  native.openAnswers.push([TABLES])
  await page.keyboard.press('Control+o')
  await expect(page.locator('.doc-text table.blk-table')).toBeVisible()
  expect(await tableCells(page)).toEqual([
    [
      ['Top left', 'Top right'],
      ['Bottom left', 'Bottom right']
    ]
  ])
  await expect(page.locator('.reimport-notice')).toHaveCount(0)

  await tagNewEntity(page, 'right', 'Company', 1) // "Bottom right"'s word
  const doc = (await core.db().call('documents.list', undefined)).find((d) => d.title === 'Above')!
  const text = (await core.db().call('documents.get', { id: doc.id })).text
  const [m] = await core.db().call('mentions.forDocument', { documentId: doc.id })
  expect(m).toMatchObject({ quote: 'right', start: text.indexOf('Bottom right') + 7 })
  await expect(page.locator('.doc-text table.blk-table td .hl')).toHaveText('right')
  await page.locator('.reader').screenshot({ path: join(SHOTS, 'structure-table.png') })
})

test('an old-extraction document offers a re-import that keeps its tag; Undo brings the old text back', async () => {
  const { page, core } = app
  const bytes = new Uint8Array(readFileSync(TABLES))
  const { createHash } = await import('node:crypto')
  await core.db().call('documents.insert', {
    title: 'Quarterly figures (old import)',
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    sourcePath: join(data.dir, 'moved-away', 'tables.docx'),
    mediaType: DOCX,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    original: bytes,
    text: OLD_TEXT,
    blocks: [
      { start: 0, end: 5, kind: 'p' },
      { start: 7, end: 25, kind: 'row' },
      { start: 27, end: 51, kind: 'row' },
      { start: 53, end: 58, kind: 'p' }
    ],
    extraction: 1
  })
  await page.reload()
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: /Quarterly figures/ }).click()
  const notice = page.locator('.reimport-notice')
  await expect(notice).toBeVisible()
  await expect(page.locator('.doc-text table.blk-table')).toHaveCount(0)
  await tagNewEntity(page, 'Bottom left', 'Company')
  await page.locator('.reader').screenshot({ path: join(SHOTS, 'structure-reimport-offer.png') })

  await notice.getByRole('button', { name: 'Re-import' }).click()
  await expect(page.locator('.doc-text table.blk-table')).toBeVisible()
  await expect(notice).toHaveCount(0)
  expect(await tableCells(page)).toEqual([
    [
      ['Top left', 'Top right'],
      ['Bottom left', 'Bottom right']
    ]
  ])
  await expect(page.locator('.doc-text table.blk-table td .hl')).toHaveText('Bottom left')
  await expect(page.getByText(/Re-imported “Quarterly figures \(old import\)”.*1 tag moved with their words/)).toBeVisible()
  await page.locator('.reader').screenshot({ path: join(SHOTS, 'structure-reimported.png') })

  await page.keyboard.press('Control+z')
  await expect(page.locator('.doc-text table.blk-table')).toHaveCount(0)
  await expect(notice).toBeVisible()
  await expect(page.locator('.doc-text .hl')).toHaveText('Bottom left')
  const doc = (await core.db().call('documents.list', undefined)).find((d) => d.title.startsWith('Quarterly'))!
  expect((await core.db().call('documents.get', { id: doc.id })).text).toBe(OLD_TEXT)
})

test('a claim passage is underlined across its lines, the ❝ stays in the margin', async () => {
  const { page } = app
  await tagNewEntity(page, 'Scale AI', 'Company')
  const passage = 'has since seen its private market valuation fluctuate as high as $29 billion'
  await dragSelect(page, passage)
  await page.keyboard.press('c')
  const dlg = page.getByRole('dialog', { name: 'New claim' })
  await expect(dlg).toBeVisible()
  await pickEntity(dlg, 'Subject', 'scale', /Scale AI/)
  await dlg.getByLabel('Predicate', { exact: true }).fill('valuation')
  await dlg.getByRole('button', { name: 'Save claim' }).click()
  await expect(dlg).toBeHidden()

  const marked = page.locator('.doc-text .claim-mark')
  await expect(marked.first()).toBeVisible()
  expect((await marked.allTextContents()).join('')).toBe(passage)
  const look = await marked.first().evaluate((el) => {
    const cs = getComputedStyle(el)
    return { line: cs.textDecorationLine, style: cs.textDecorationStyle }
  })
  expect(look).toEqual({ line: 'underline', style: 'dashed' })
  // Across lines: the passage's runs cover more than one line box.
  const tops = await marked.evaluateAll((els) => new Set(els.flatMap((el) => [...el.getClientRects()].map((r) => Math.round(r.top)))).size)
  expect(tops).toBeGreaterThan(1)
  await expect(page.locator('.doc-text .blk.has-claim')).toHaveCount(1)
  const block = page.locator('.doc-text .blk.has-claim')
  await block.scrollIntoViewIfNeeded()
  await page.locator('.reader').screenshot({ path: join(SHOTS, 'structure-claim-mark.png') })
})

test('an HTML page keeps its header row, nested and numbered lists and headings', async () => {
  const { page, native } = app
  const long = 'The ministry confirmed the contract on Tuesday, and officials said the review would take several months to complete. '.repeat(5)
  const path = join(data.dir, 'awards.html')
  writeFileSync(
    path,
    `<html><head><title>Contract awards</title></head><body><article><h1>Contract awards</h1><p>${long}</p>
     <h2>Findings</h2><ol start="3"><li>Third finding</li><li>Fourth finding<ul><li>A detail</li><li>Another detail</li></ul></li></ol>
     <table><caption>Awards in 2025</caption><thead><tr><th>Company</th><th>Q1</th><th>Q2</th></tr></thead>
     <tbody><tr><td>Scale AI</td><td>$200 million</td><td>$300 million</td></tr><tr><td>Anduril</td><td></td><td>n/a</td></tr></tbody></table>
     <p>${long}</p></article></body></html>`
  )
  native.openAnswers.push([path])
  await page.keyboard.press('Control+o')
  const table = page.locator('.doc-text table.blk-table')
  await expect(table).toBeVisible()
  expect(await table.locator('thead th').allTextContents()).toEqual(['Company', 'Q1', 'Q2'])
  expect(await tableCells(page)).toEqual([
    [
      ['Company', 'Q1', 'Q2'],
      ['Scale AI', '$200 million', '$300 million'],
      ['Anduril', '', 'n/a']
    ]
  ])
  await expect(page.locator('.doc-text h2.blk')).toHaveText('Findings')
  const items = await page.locator('.doc-text li.blk').evaluateAll((els) => els.map((el) => [el.textContent, (el as HTMLLIElement).value, getComputedStyle(el).listStyleType]))
  expect(items).toEqual([
    ['Third finding', 3, 'decimal'],
    ['Fourth finding', 4, 'decimal'],
    ['A detail', 0, 'circle'],
    ['Another detail', 0, 'circle']
  ])
  await page.locator('.doc-text h2.blk').scrollIntoViewIfNeeded()
  await page.locator('.reader').screenshot({ path: join(SHOTS, 'structure-html.png') })
})

test('merged cells span their columns and rows: the columns line up under their headers', async () => {
  const { page, native, core } = app
  native.openAnswers.push([MERGED])
  await page.keyboard.press('Control+o')
  const table = page.locator('.doc-text table.blk-table')
  await expect(table).toBeVisible()
  // The text's cells, as many as the text holds (a merged cell once).
  expect(await tableCells(page)).toEqual([
    [
      ['Company', 'First half', 'Second half'],
      ['Q1', 'Q2', 'Q3', 'Q4'],
      ['Scale AI', '200', '300', '250 (both quarters)'],
      ['10', '20', '30', '40'],
      ['Anduril', 'n/a'],
      ['Palantir', '5', '6', '7', '8']
    ]
  ])
  const firstHalf = table.locator('thead th', { hasText: 'First half' })
  expect(await firstHalf.evaluate((th) => [(th as HTMLTableCellElement).colSpan, (th as HTMLTableCellElement).rowSpan])).toEqual([2, 1])
  // The columns each row covers: its cells' colspans plus the rowspans reaching down into it.
  const covered = await table.evaluate((t) => {
    const rows = [...(t as HTMLTableElement).rows]
    const taken = rows.map(() => new Set<number>())
    rows.forEach((tr, r) => {
      let col = 0
      for (const c of tr.cells) {
        while (taken[r]!.has(col)) col++
        for (let dr = 0; dr < c.rowSpan && r + dr < rows.length; dr++) for (let dc = 0; dc < c.colSpan; dc++) taken[r + dr]!.add(col + dc)
        col += c.colSpan
      }
    })
    return taken.map((cols) => cols.size)
  })
  expect(covered).toEqual([5, 5, 5, 5, 5, 5])
  // And as drawn: a merged cell reaches from its first column's left edge to its last one's right edge.
  const box = async (text: string) => (await table.locator('th, td').filter({ hasText: new RegExp(`^${text.replace(/[()$]/g, '\\$&')}$`) }).boundingBox())!
  const [half, q1, q2, q4, both, na, scale, ten] = [await box('First half'), await box('Q1'), await box('Q2'), await box('Q4'), await box('250 (both quarters)'), await box('n/a'), await box('Scale AI'), await box('10')]
  expect(Math.abs(na.x - q1.x)).toBeLessThan(1)
  expect(Math.abs(na.x + na.width - (q4.x + q4.width))).toBeLessThan(1)
  expect(Math.abs(both.x + both.width - (q4.x + q4.width))).toBeLessThan(1)
  expect(Math.abs(half.x + half.width - (q2.x + q2.width))).toBeLessThan(1)
  expect(Math.abs(scale.y + scale.height - (ten.y + ten.height))).toBeLessThan(1)
  // A merged cell's runs carry their offsets into the canonical text, as every cell's do.
  const doc = (await core.db().call('documents.list', undefined)).find((d) => d.title.startsWith('Contract awards'))!
  const text = (await core.db().call('documents.get', { id: doc.id })).text
  expect(await table.locator('td[colspan="4"] [data-s]').first().getAttribute('data-s')).toBe(String(text.indexOf('Anduril\tn/a') + 8))
  await table.screenshot({ path: join(SHOTS, 'structure-merged-cells.png') })
})
