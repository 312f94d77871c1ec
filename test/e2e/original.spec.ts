// The reader's Original view of a PDF (issue #13): tracemonkey.pdf's pages
// drawn by pdf.js from the bytes in the project; a tag made on a page lands
// on the same canonical words the text view shows, a tag made in the text
// lands on the page over the same words, and a jump to a passage opens the
// right page. Screenshots in test/artifacts/original-*.png.
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { test } from '@playwright/test'
import { tagNewEntity } from './actions'
import { useFreshApp } from './freshApp'
import { REPO, SHARED } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const fresh = useFreshApp()

async function importTracemonkey(page: Page, native: { openAnswers: string[][] }): Promise<void> {
  native.openAnswers.push([join(SHARED, 'corpus/pdf/tracemonkey.pdf')])
  await page.keyboard.press('Control+o')
  await expect(page.getByRole('status').filter({ hasText: 'Import:' })).toContainText('1 imported', { timeout: 60_000 })
  await expect(page.locator('.reader-page h1').first()).toContainText('Trace-based Just-in-Time Type Specialization')
}

const readerView = (page: Page) => page.getByRole('group', { name: 'Reader view' })
const mapped = (page: Page, n: number) => page.locator(`.pdf-page[data-page="${n}"][data-mapped="true"]`)

/** A word of `len`+ letters inside one text-layer span of page `n`, dragged across like a person would; returns the span's text and the word. */
async function selectWordOnPage(page: Page, n: number, word?: string): Promise<{ item: string; word: string; at: number }> {
  const found = await page.evaluate(
    ({ n, word }) => {
      for (const span of document.querySelectorAll<HTMLElement>(`.textLayer[data-page="${n}"] span[data-i]:not(.unmapped)`)) {
        const s = span.textContent ?? ''
        // A word of running prose (a long span with spaces), used once in it.
        const m = word ? (s.includes(word) ? { index: s.indexOf(word), 0: word } : null) : s.length > 40 && s.includes(' ') ? /\b[a-z]{9,}\b/.exec(s) : null
        if (!m || (!word && (s.match(new RegExp(`\\b${m[0]}\\b`, 'g')) ?? []).length > 1)) continue
        const node = span.firstChild!
        const r = document.createRange()
        span.scrollIntoView({ block: 'center' })
        r.setStart(node, m.index)
        r.setEnd(node, m.index + 1)
        const a = r.getBoundingClientRect()
        r.setStart(node, m.index + m[0].length - 1)
        r.setEnd(node, m.index + m[0].length)
        const b = r.getBoundingClientRect()
        return { item: s, word: m[0], at: m.index, x1: a.left + 1, x2: b.right - 1, y: (a.top + a.bottom) / 2 }
      }
      return null
    },
    { n, word }
  )
  if (!found) throw new Error(`no selectable word on page ${n}`)
  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  await page.mouse.move(found.x1, found.y)
  await page.mouse.down()
  await page.mouse.move((found.x1 + found.x2) / 2, found.y, { steps: 4 })
  await page.mouse.move(found.x2, found.y, { steps: 4 })
  await page.mouse.up()
  return found
}

/** The characters of page `n`'s text layer under each mention highlight of that page. */
function wordsUnderHighlights(page: Page, n: number): Promise<string[]> {
  return page.evaluate((n) => {
    const box = document.querySelector(`.pdf-page[data-page="${n}"]`)!
    const chars: { c: string; x: number; y: number }[] = []
    for (const span of box.querySelectorAll<HTMLElement>('.textLayer span[data-i]')) {
      const node = span.firstChild
      if (!node) continue
      const r = document.createRange()
      for (let i = 0; i < node.textContent!.length; i++) {
        r.setStart(node, i)
        r.setEnd(node, i + 1)
        const q = r.getBoundingClientRect()
        chars.push({ c: node.textContent![i]!, x: (q.left + q.right) / 2, y: (q.top + q.bottom) / 2 })
      }
    }
    return [...box.querySelectorAll<HTMLElement>('.pdf-hl-mention')].map((hl) => {
      const h = hl.getBoundingClientRect()
      return chars
        .filter((p) => p.x >= h.left && p.x <= h.right && p.y >= h.top && p.y <= h.bottom)
        .map((p) => p.c)
        .join('')
    })
  }, n)
}

test('tag on the original page and in the text: the same words either way; jumps land on the page', async () => {
  test.setTimeout(240_000)
  const { page, native } = fresh.app
  await importTracemonkey(page, native)

  // --- Text | Original: the pages, drawn from the project's bytes, read ahead while the text was shown (pdfCache.ts).
  const originalReads = () => fresh.app.roundTrips.flat().filter((m) => m === 'documents.original').length
  await expect.poll(originalReads, { timeout: 20_000 }).toBe(1)
  await readerView(page).getByRole('button', { name: 'Original' }).click()
  await expect(page.locator('.pdf-page[data-page="1"][data-painted="true"]')).toBeVisible({ timeout: 30_000 })
  // Back to the text and to the original again: the document stays open, its bytes are not read again.
  await readerView(page).getByRole('button', { name: 'Text' }).click()
  await expect(page.locator('.doc-text')).toBeVisible()
  await readerView(page).getByRole('button', { name: 'Original' }).click()
  await expect(page.locator('.pdf-page[data-page="1"][data-painted="true"]')).toBeVisible({ timeout: 30_000 })
  expect(originalReads()).toBe(1)
  await expect(mapped(page, 1)).toBeVisible()
  await expect(page.getByLabel('Page number')).toHaveValue('1')
  await expect(page.locator('.original-bar')).toContainText('of 14')
  await page.screenshot({ path: join(SHOTS, 'original-page1.png') })

  // --- Tag a word on page 1 of the original.
  const picked = await selectWordOnPage(page, 1)
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(pop).toBeVisible()
  await expect(pop.getByLabel('Entity name')).toHaveValue(picked.word)
  await pop.getByRole('radio', { name: 'Product/Technology', exact: true }).click()
  await pop.getByLabel('Entity name').press('Enter')
  await expect(pop).toBeHidden()
  await expect(page.locator('.pdf-page[data-page="1"] .pdf-hl-mention')).toHaveCount(1)
  expect(await wordsUnderHighlights(page, 1)).toEqual([picked.word])
  await page.screenshot({ path: join(SHOTS, 'original-tagged.png') })

  // The mention's offsets are the page's words in the canonical text: the span's own text around the word is there too.
  const exact = await page.evaluate(async (p) => {
    type R = { ok: boolean; value: unknown }
    const inv = (window as unknown as { rwb: { invoke(m: string, a: unknown): Promise<R> } }).rwb.invoke
    const docs = (await inv('documents.list', undefined)).value as { id: number }[]
    const doc = (await inv('documents.get', { id: docs[0]!.id })).value as { id: number; text: string }
    const ms = (await inv('mentions.forDocument', { documentId: doc.id })).value as { start: number; end: number }[]
    const m = ms[0]!
    const pre = p.item.slice(Math.max(0, p.at - 12), p.at)
    const post = p.item.slice(p.at + p.word.length, p.at + p.word.length + 12).replace(/-$/, '')
    return { word: doc.text.slice(m.start, m.end), around: doc.text.slice(m.start - pre.length, m.end + post.length), want: pre + p.word + post }
  }, picked)
  expect(exact.word).toBe(picked.word)
  expect(exact.around).toBe(exact.want)

  // --- The text view shows the same tag at the same words.
  await readerView(page).getByRole('button', { name: 'Text' }).click()
  await expect(page.locator('.doc-text .hl')).toHaveCount(1)
  await expect(page.locator('.doc-text .hl')).toHaveText(picked.word)

  // --- The other way round: a word of page 3 tagged in the text view is drawn over that word on page 3.
  // A word of page 3's first paragraph that occurs nowhere before it (so a search's first hit is on page 3 too).
  const third = await page.locator('.page-marker').nth(2).evaluate((m) => {
    const text = (m.nextElementSibling as HTMLElement).innerText
    const all = [...document.querySelectorAll('.doc-text > *')]
    const earlier = all.slice(0, all.indexOf(m)).map((el) => (el as HTMLElement).innerText).join(' ').toLowerCase()
    return text.split(/\s+/).find((w) => /^[a-z]{8,}$/.test(w) && text.indexOf(w) === text.lastIndexOf(w) && !earlier.includes(w))!
  })
  expect(third).toBeTruthy()
  const before = 0
  await tagNewEntity(page, third, 'Product/Technology', before)
  await readerView(page).getByRole('button', { name: 'Original' }).click()
  await expect(page.locator('.original-bar')).toContainText('of 14')
  await page.getByLabel('Page number').fill('3')
  await page.getByLabel('Page number').press('Enter')
  await expect(page.getByLabel('Page number')).toHaveValue('3')
  await expect(mapped(page, 3)).toBeVisible()
  await expect(page.locator('.pdf-page[data-page="3"] .pdf-hl-mention')).toHaveCount(1)
  expect(await wordsUnderHighlights(page, 3)).toEqual([third])
  await page.screenshot({ path: join(SHOTS, 'original-page3.png') })

  // --- Jump to passage: the entity's mention on page 3, from page 1 of the original.
  await page.getByLabel('Page number').fill('1')
  await page.getByLabel('Page number').press('Enter')
  await expect(page.getByLabel('Page number')).toHaveValue('1')
  await page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: new RegExp(third) }).click()
  await page.locator('.mention-jump').first().click()
  await expect(page.locator('.pdf-page[data-page="3"] .pdf-hl-flash')).toBeVisible()
  await expect(page.getByLabel('Page number')).toHaveValue('3')
  await page.screenshot({ path: join(SHOTS, 'original-jump.png') })

  // --- And a search hit lands on its page in the original view, its words flashed.
  await page.keyboard.press('Control+Shift+F')
  await expect(page.getByLabel('Search all documents')).toBeFocused()
  await page.keyboard.type(third)
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option').first()).toContainText('Trace-based')
  await page.getByLabel('Page number').fill('1')
  await page.getByLabel('Page number').press('Enter')
  await results.getByRole('option').first().click()
  const flash = page.locator('.pdf-hl-flash')
  await expect(flash).toBeInViewport()
  const flashPage = await flash.evaluate((el) => el.closest<HTMLElement>('.pdf-page')!.dataset.page)
  expect(Number(flashPage)).toBeGreaterThan(1)
  await expect(page.getByLabel('Page number')).toHaveValue(flashPage!)
})
