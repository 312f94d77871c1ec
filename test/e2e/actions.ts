// What a user does with the mouse and keyboard, as reusable steps.
import { expect, type Locator, type Page } from '@playwright/test'

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
  // Words split over runs (a suggestion's dotted words inside them): found across the runs instead.
  if (!box && nth === 0) return dragSelectAcross(page, text, text)
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

/** Types into one of the claim form's entity pickers and picks the matching option. */
export async function pickEntity(dlg: Locator, combobox: string, typed: string, option: RegExp): Promise<void> {
  await dlg.getByRole('combobox', { name: combobox }).fill(typed)
  await dlg.getByRole('option', { name: option }).click()
}

/** Sets a claim's Admiralty grade and status in the claim form. */
export async function grade(dlg: Locator, reliability: string, credibility: number, status: string): Promise<void> {
  await dlg.getByRole('radiogroup', { name: 'Source reliability' }).getByRole('radio', { name: new RegExp(`^${reliability} `) }).click()
  await dlg.getByRole('radiogroup', { name: 'Information credibility' }).getByRole('radio', { name: new RegExp(`^${credibility} `) }).click()
  await dlg.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: status }).click()
}

/**
 * "Link to…" from the selected entity's detail: the analyst-judgement claim
 * form (no passage), with the predicate, the object entity and the explicit tick.
 */
export async function linkAsJudgement(page: Page, from: string, predicate: string, typed: string, option: RegExp): Promise<void> {
  await page.getByRole('region', { name: `Entity ${from}` }).getByRole('button', { name: 'Link to…' }).click()
  const dlg = page.getByRole('dialog', { name: 'New analyst judgement' })
  await expect(dlg.getByRole('combobox', { name: 'Subject' })).toHaveValue(from)
  await dlg.getByLabel('Predicate', { exact: true }).fill(predicate)
  await pickEntity(dlg, 'Object entity', typed, option)
  await expect(dlg.getByRole('button', { name: 'Save claim' })).toBeDisabled()
  await dlg.getByRole('checkbox', { name: /Analyst judgement/ }).check()
  await dlg.getByRole('button', { name: 'Save claim' }).click()
  await expect(dlg).toBeHidden()
}

/** Drags from the start of `from` to the end of the first `to` after it, across highlighted runs. */
export async function dragSelectAcross(page: Page, from: string, to: string): Promise<void> {
  const box = await page.evaluate(
    ({ from, to }) => {
      const root = document.querySelector('.doc-text')!
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
      const whole = nodes.map((n) => n.nodeValue ?? '').join('')
      const a = whole.indexOf(from)
      const b = a < 0 ? -1 : whole.indexOf(to, a) + to.length
      if (a < 0 || b < to.length) return null
      const at = (offset: number) => {
        let seen = 0
        for (const n of nodes) {
          const len = (n.nodeValue ?? '').length
          if (offset < seen + len) return { node: n, i: offset - seen }
          seen += len
        }
        return null
      }
      const s = at(a)!
      const e = at(b - 1)!
      ;(s.node.parentElement as HTMLElement).scrollIntoView({ block: 'center' })
      const r = document.createRange()
      r.setStart(s.node, s.i)
      r.setEnd(s.node, s.i + 1)
      const first = r.getBoundingClientRect()
      r.setStart(e.node, e.i)
      r.setEnd(e.node, e.i + 1)
      const last = r.getBoundingClientRect()
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
    },
    { from, to }
  )
  if (!box) throw new Error(`"${from}" … "${to}" is not in the reader`)
  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  await page.mouse.move(box.x1, box.y1)
  await page.mouse.down()
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 })
  await page.mouse.move(box.x2, box.y2, { steps: 4 })
  await page.mouse.up()
}
