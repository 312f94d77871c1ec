// What a user does with the mouse and keyboard, as reusable steps.
import { expect, type Page } from '@playwright/test'

/**
 * Drags the mouse across the `nth` occurrence of `text` in the reader, as a
 * person selecting words would.
 */
export async function dragSelect(page: Page, text: string, nth = 0): Promise<void> {
  const box = await page.evaluate(
    ({ text, nth }) => {
      const root = document.querySelector('.doc-text')!
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      let seen = 0
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const value = n.nodeValue ?? ''
        for (let i = value.indexOf(text); i !== -1; i = value.indexOf(text, i + 1)) {
          if (seen++ < nth) continue
          const r = document.createRange()
          r.setStart(n, i)
          r.setEnd(n, i + 1)
          ;(r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' })
          const first = r.getBoundingClientRect()
          r.setStart(n, i + text.length - 1)
          r.setEnd(n, i + text.length)
          const last = r.getBoundingClientRect()
          return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
        }
      }
      return null
    },
    { text, nth }
  )
  if (!box) throw new Error(`"${text}" (occurrence ${nth}) is not in the reader as one run of text`)
  // A new selection: pressing on words that are still selected would drag them instead.
  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  await page.mouse.move(box.x1, box.y1)
  await page.mouse.down()
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 })
  await page.mouse.move(box.x2, box.y2, { steps: 4 })
  await page.mouse.up()
}

/** Selects words and tags them as a new entity of the given type label. */
export async function tagNewEntity(page: Page, text: string, typeLabel: string, nth = 0): Promise<void> {
  await dragSelect(page, text, nth)
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(pop).toBeVisible()
  await expect(pop.getByLabel('Entity name')).toHaveValue(text)
  await pop.getByRole('radio', { name: typeLabel, exact: true }).click()
  await pop.getByLabel('Entity name').press('Enter')
  await expect(pop).toBeHidden()
  await expect(page.locator('.doc-text .hl', { hasText: text }).first()).toBeVisible()
}
