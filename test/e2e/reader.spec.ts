// The reader on a long document (the sample article as 60 numbered parts,
// ~370 KB, imported with Ctrl+O): only the text near the view is in the DOM,
// and find, tagging, jumping to a mention and scrolling to the end still work;
// nested mentions ("Department of Defense" inside "U.S. Department of
// Defense") both stay visible.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dragSelect, tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness, type AppSession } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const SEED = readFileSync(join(REPO, 'seeds', 'NextFin - Scale AI Secures 500 Million Pentagon Deal.txt'), 'utf8').replace(/\r\n?/g, '\n')
const PARTS = 60
const FAR = 'Zanzibar memorandum'

function longText(): string {
  const parts = Array.from({ length: PARTS }, (_, i) => {
    const extra = i === 44 ? `\n\nPart ${i + 1} closes with a note: the ${FAR} was filed late.` : ''
    return `Part ${i + 1}\n\n${SEED.trim()}${extra}`
  })
  return `Long report on the Scale AI contract\n\n${parts.join('\n\n')}\n\nThe end of the long report.\n`
}

let data: ReturnType<typeof newDataDir>
let app: AppSession
let files: string

test.beforeEach(async () => {
  data = newDataDir()
  app = await launchApp(data.dir)
  files = mkdtempSync(join(tmpdir(), 'rwb-e2e-long-'))
})
test.afterEach(async () => {
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
  rmSync(files, { recursive: true, force: true })
})
test.afterAll(stopHarness)

async function openLong(page: Page, native: AppSession['native']): Promise<string> {
  const text = longText()
  const path = join(files, 'Long report.txt')
  writeFileSync(path, text)
  native.openAnswers.push([path])
  await page.keyboard.press('Control+o')
  await expect(page.locator('.doc-source')).toContainText('Long report.txt')
  await expect(page.locator('.doc-text .doc-chunk').first()).toBeVisible()
  return text
}

const scroller = (page: Page) => page.locator('.reader-scroll')

test('a long document is virtualised; find, tag and jump reach text far from the view', async () => {
  const { page, native } = app
  mkdirSync(SHOTS, { recursive: true })
  const text = await openLong(page, native)

  // Only a few chunks are in the DOM, the rest are empty boxes of their height.
  const chunks = await page.locator('.doc-text .doc-chunk').count()
  expect(chunks).toBeGreaterThan(0)
  expect(chunks).toBeLessThan(12)
  await expect(page.locator('.doc-text .doc-chunk-gap')).not.toHaveCount(0)
  await expect(page.locator('.doc-text')).not.toContainText(FAR)
  const height = await scroller(page).evaluate((el) => el.scrollHeight)
  expect(height).toBeGreaterThan(60 * 900) // the whole text's height, not the rendered part's

  // Find searches the whole text and brings each match into view.
  await page.keyboard.press('Control+f')
  await page.getByLabel('Find in document').fill(FAR)
  await expect(page.locator('.find-count')).toHaveText('1 of 1')
  await expect(page.locator('.doc-text .find-current')).toHaveText(FAR)
  await expect(page.locator('.doc-text .find-current')).toBeInViewport()
  const scale = text.toLowerCase().split('scale ai').length - 1
  await page.getByLabel('Find in document').fill('Scale AI')
  await expect(page.locator('.find-count')).toHaveText(`1 of ${scale}`)
  await page.getByLabel('Find in document').press('Shift+Enter') // back from the first: the last match, at the very end
  await expect(page.locator('.find-count')).toHaveText(`${scale} of ${scale}`)
  await expect(page.locator('.doc-text .find-current')).toBeInViewport()
  const lastPart = await page.locator('.doc-text .find-current').evaluate((el) => el.closest('.doc-chunk')?.textContent?.match(/Part (\d+)/)?.[1] ?? null)
  expect(lastPart === null || Number(lastPart) >= PARTS - 1).toBe(true)
  await page.getByLabel('Find in document').fill(FAR)
  await expect(page.locator('.doc-text .find-current')).toBeInViewport()
  await page.getByLabel('Find in document').press('Escape')

  // Tag the far words, then go back to the top: they leave the DOM…
  await tagNewEntity(page, FAR, 'Event')
  await scroller(page).evaluate((el) => (el.scrollTop = 0))
  await expect(page.locator('.doc-text')).not.toContainText(FAR)
  // …and the entity's mention jumps back to them, flashed in view.
  await page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: new RegExp(FAR) }).click()
  await page.locator('.mention-jump').first().click()
  await expect(page.locator('.doc-text .flash')).toHaveText(FAR)
  await expect(page.locator('.doc-text .flash')).toBeInViewport()
  await expect(page.locator('.doc-text .hl', { hasText: FAR })).toBeVisible()

  // A narrower window: the text reflows, and the end of the document is still reachable by
  // scrolling (heights not yet measured at this width are estimated again, then settle).
  await page.setViewportSize({ width: 1000, height: 760 })
  await expect(page.locator('.doc-text .hl', { hasText: FAR })).toBeInViewport()
  for (let i = 0; i < 6; i++) {
    await scroller(page).evaluate((el) => (el.scrollTop = el.scrollHeight))
    await page.waitForTimeout(100)
  }
  await expect(page.locator('.doc-text .blk').last()).toHaveText('The end of the long report.')
  await expect(page.locator('.doc-text .blk').last()).toBeInViewport()
  await page.screenshot({ path: join(SHOTS, 'reader-long-end.png') })
})

test('nested mentions both stay visible, and a click offers the innermost first', async () => {
  const { page, native } = app
  await openLong(page, native)
  await tagNewEntity(page, 'U.S. Department of Defense', 'Organization')
  await dragSelect(page, 'Department of Defense')
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(pop.getByLabel('Entity name')).toHaveValue('Department of Defense')
  await pop.getByRole('radio', { name: 'Public body', exact: true }).click()
  await pop.getByLabel('Entity name').press('Enter')
  await expect(pop).toBeHidden()

  const inner = page.locator('.doc-text .hl-nested').first()
  await expect(inner).toHaveText('Department of Defense')
  await expect(inner).toHaveAttribute('data-depth', '2')
  // Two underlines under the nested words, in both types' colours; one under the words only the outer mention covers.
  const look = await inner.evaluate((el) => {
    const before = el.previousElementSibling as HTMLElement
    return { shadow: getComputedStyle(el).boxShadow, beforeText: before.textContent, beforeClass: before.className, beforeShadow: getComputedStyle(before).boxShadow }
  })
  expect(look.shadow).toContain('rgb(25, 113, 194)') // Organization, the outer mention
  expect(look.shadow).toContain('rgb(43, 138, 62)') // Public body, the inner mention
  expect(look.shadow.match(/inset/g)).toHaveLength(2)
  expect(look.beforeText).toBe('U.S. ')
  expect(look.beforeClass).toBe('hl')
  expect(look.beforeShadow.match(/inset/g)).toHaveLength(1)

  await inner.scrollIntoViewIfNeeded()
  const para = page.locator('.doc-text .blk:has(.hl-nested)').first()
  await para.screenshot({ path: join(SHOTS, 'reader-nested.png') })

  // A click on the nested words lists the inner mention first, then the one it sits in.
  await inner.click()
  const rows = page.getByRole('dialog', { name: 'Mention' }).locator('.mention-row strong')
  await expect(rows).toHaveText(['Department of Defense', 'U.S. Department of Defense'])
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Mention' })).toBeHidden()
})
