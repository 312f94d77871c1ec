// Keyboard only (issue 13): from start-up, without the mouse, open a
// document, put the reader's caret on a phrase and select it, tag it (T),
// make a claim of a passage (C), reach the map with F6 and select a node.
// Also: the last document and place come back after a restart; the first
// start asks for the user's name; the file and its hash sit under Details.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
test.afterAll(stopHarness)

/** The canonical-text offset of the caret (the selection's focus), or -1 when it is not in the text. */
function caretAt(page: Page): Promise<number> {
  return page.evaluate(() => {
    const s = window.getSelection()
    const n = s?.focusNode
    if (!n) return -1
    const el = n.nodeType === Node.TEXT_NODE ? n.parentElement : (n as Element)
    const run = el?.closest<HTMLElement>('.doc-text [data-s]')
    return run ? Number(run.dataset.s) + (n.nodeType === Node.TEXT_NODE ? s!.focusOffset : 0) : -1
  })
}

/** Where `text` starts in the canonical text (found across the reader's runs: suggestions and tags split words into runs). */
function offsetOf(page: Page, text: string): Promise<number> {
  return page.evaluate((text) => {
    const runs = [...document.querySelectorAll<HTMLElement>('.doc-text [data-s]')]
    for (let k = 0; k < runs.length; k++) {
      // Runs in a row that continue each other's offsets, joined.
      let whole = ''
      const start = Number(runs[k]!.dataset.s)
      for (let j = k; j < runs.length && Number(runs[j]!.dataset.s) === start + whole.length && whole.length < runs[k]!.textContent!.length + text.length; j++) whole += runs[j]!.textContent
      const i = whole.indexOf(text)
      if (i >= 0) return start + i
    }
    return -1
  }, text)
}

/** Moves the caret with arrow keys only (lines while far, characters when near), as a person would watching it. */
async function caretTo(page: Page, target: number): Promise<number> {
  let presses = 0
  for (; presses < 600; presses++) {
    const at = await caretAt(page)
    expect(at).toBeGreaterThanOrEqual(0)
    if (at === target) return presses
    await page.keyboard.press(target - at > 40 ? 'ArrowDown' : at < target ? 'ArrowRight' : 'ArrowLeft')
  }
  throw new Error(`the caret did not reach ${target}`)
}

const selected = (page: Page) => page.evaluate(() => window.getSelection()!.toString())
const focusedIs = (page: Page, selector: string) => page.evaluate((sel) => !!document.activeElement?.matches(sel), selector)

async function pressUntil(page: Page, key: string, selector: string, max = 12): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key)
    if (await focusedIs(page, selector)) return i
  }
  throw new Error(`${key} did not reach ${selector}`)
}

test('keyboard only: open a document, caret-select a phrase, tag it, make a claim, reach the map and select a node', async () => {
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app

  // F6 cycles the window's parts: the library's list is one Tab stop, Enter opens its document.
  const f6ToLibrary = await pressUntil(page, 'F6', '.doc-list [data-roving]')
  await page.keyboard.press('Enter')
  await expect(page.locator('.doc-text [data-s]').first()).toBeVisible()
  // On to the reader's text: a caret appears at the first words in view.
  await pressUntil(page, 'F6', '.doc-text')
  await expect(page.locator('.reader-caret')).toBeVisible()
  expect(await caretAt(page)).toBeGreaterThanOrEqual(0)

  // Move to "Scale AI" (in the headline) and select it a word at a time.
  const phrase = await offsetOf(page, 'Scale AI Secures')
  const moves = await caretTo(page, phrase)
  await page.keyboard.press('Control+Shift+ArrowRight')
  await page.keyboard.press('Control+Shift+ArrowRight')
  expect((await selected(page)).trim()).toBe('Scale AI')
  await page.screenshot({ path: join(SHOTS, 'keyboard-caret-selection.png') })

  // T opens the same popover as the mouse path; 3 picks Company, Enter tags.
  await page.keyboard.press('t')
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(pop).toBeVisible()
  await expect(pop.getByLabel('Entity name')).toHaveValue('Scale AI')
  await page.keyboard.press('3')
  await page.keyboard.press('Enter')
  await expect(pop).toBeHidden()
  await expect(page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first()).toBeVisible()
  // The focus is back in the text, so the keyboard carries on.
  expect(await focusedIs(page, '.doc-text')).toBe(true)

  // A claim: caret to the valuation bullet, Shift+Ctrl+Right to "$29 billion", C.
  const passage = "Scale AI's valuation has surged"
  await caretTo(page, await offsetOf(page, passage))
  const end = (await offsetOf(page, 'as high as $29 billion')) + 'as high as $29 billion'.length
  for (let i = 0; i < 30 && (await caretAt(page)) < end; i++) await page.keyboard.press('Control+Shift+ArrowRight')
  expect(await selected(page)).toMatch(/^Scale AI's valuation has surged .*\$29 billion$/)
  await page.keyboard.press('c')
  const dlg = page.getByRole('dialog', { name: 'New claim' })
  await expect(dlg).toBeVisible()
  // The subject: typed, and Tab takes the entity the list offers.
  const subject = dlg.getByRole('combobox', { name: 'Subject' })
  await expect(subject).toBeFocused()
  await page.keyboard.type('Scale')
  await page.keyboard.press('Tab')
  await expect(subject).toHaveValue('Scale AI')
  await expect(dlg.getByLabel('Quoted passage')).toContainText("Scale AI's valuation has surged")
  // Tab to the predicate (focus stays inside the dialog), type it, Ctrl+Enter saves.
  const predicate = dlg.getByLabel('Predicate', { exact: true })
  for (let i = 0; i < 25 && !(await predicate.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true)
  }
  await expect(dlg.getByLabel('Predicate', { exact: true })).toBeFocused()
  await page.keyboard.type('valuation')
  await page.keyboard.press('Control+Enter')
  await expect(dlg).toBeHidden()
  // The dialog gave the focus back to the text.
  expect(await focusedIs(page, '.doc-text')).toBe(true)

  // The map: Ctrl+2, then F6 to its canvas, an arrow selects a node.
  await page.keyboard.press('Control+2')
  await expect(page.getByLabel('Relationship map')).toHaveAttribute('data-nodes', /[1-9]/)
  await pressUntil(page, 'F6', '[role="application"]')
  await page.keyboard.press('ArrowRight')
  await expect(page.locator('#map-live')).toContainText('Scale AI')
  await page.screenshot({ path: join(SHOTS, 'keyboard-map.png') })
  console.log(`F6 presses to the library: ${f6ToLibrary}; caret moves to the phrase: ${moves}`)

  expect(app.consoleErrors).toEqual([])
  expect(app.foreignRequests).toEqual([])
  await app.quit()
  data.cleanup()
})

test('every dialog keeps Tab inside and gives the focus back when it closes', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  const open = page.getByRole('button', { name: 'Project ▾' })
  await open.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('menuitem', { name: /Your name/ }).focus()
  await page.keyboard.press('Enter')
  const dlg = page.getByRole('dialog', { name: 'Your name' })
  await expect(dlg).toBeVisible()
  // Tab 10 times: the focus never leaves the dialog.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dlg).toBeHidden()
  // The menu item that opened it is gone with its menu: the focus is on the page, not lost in a removed node.
  expect(await page.evaluate(() => document.activeElement?.isConnected)).toBe(true)

  // A dialog opened from a button gives the focus back to that button.
  const edit = page.getByRole('button', { name: 'Edit details' })
  await edit.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(edit).toBeFocused()
  await app.quit()
  data.cleanup()
})

test('a restart reopens the last document at the same place', async () => {
  const data = newDataDir()
  let app = await launchApp(data.dir)
  // A long document of its own, so there is somewhere to scroll to.
  const file = join(data.dir, 'Long report.txt')
  const paras = Array.from({ length: 400 }, (_, i) => `Paragraph ${i + 1}. ${'The committee heard evidence on procurement and oversight. '.repeat(4)}`)
  ;(await import('node:fs')).writeFileSync(file, `Long report\n\n${paras.join('\n\n')}\n`)
  app.native.openAnswers.push([file])
  await app.page.getByRole('button', { name: 'Open…' }).click()
  await expect(app.page.locator('.doc-text')).toContainText('Paragraph 1.')
  const scroller = app.page.locator('.reader-scroll')
  await scroller.evaluate((el) => el.scrollTo({ top: 9000 }))
  await app.page.waitForTimeout(900)
  const before = await app.page.evaluate(() => {
    const sc = document.querySelector('.reader-scroll')!
    const top = sc.getBoundingClientRect().top
    const run = [...document.querySelectorAll<HTMLElement>('.doc-text [data-s]')].find((r) => r.getBoundingClientRect().bottom > top)!
    return { text: run.textContent!.slice(0, 14), dy: top - run.getBoundingClientRect().top }
  })
  expect(before.text).toMatch(/^Paragraph \d+\./)
  await app.quit()

  app = await launchApp(data.dir)
  await expect(app.page.locator('.doc-text')).toContainText(before.text)
  await app.page.waitForTimeout(300)
  const after = await app.page.evaluate(() => {
    const sc = document.querySelector('.reader-scroll')!
    const top = sc.getBoundingClientRect().top
    const run = [...document.querySelectorAll<HTMLElement>('.doc-text [data-s]')].find((r) => r.getBoundingClientRect().bottom > top)!
    return { text: run.textContent!.slice(0, 14), dy: top - run.getBoundingClientRect().top, title: document.querySelector('.doc-list li.selected .doc-list-title')?.textContent }
  })
  expect(after.title).toBe('Long report')
  expect(after.text).toBe(before.text)
  expect(Math.abs(after.dy - before.dy)).toBeLessThan(4)
  await app.page.screenshot({ path: join(SHOTS, 'restore-place.png') })
  await app.quit()
  data.cleanup()
})

test('the first start asks for the name the activity log records; the file and its hash sit under Details', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir, { userName: null })
  const { page } = app
  const dlg = page.getByRole('dialog', { name: 'Welcome: your name' })
  await expect(dlg).toBeVisible()
  const offered = await dlg.getByLabel('Name').inputValue()
  expect(offered.toLowerCase()).not.toBe('root')
  await page.screenshot({ path: join(SHOTS, 'first-start-name.png') })
  await dlg.getByLabel('Name').fill('Ana Analyst')
  await page.keyboard.press('Enter')
  await expect(dlg).toBeHidden()
  const settings = await page.evaluate(() => (window as unknown as { rwb: { invoke(m: string, a: unknown): Promise<{ ok: boolean; value: { userName: string; chosen: boolean } }> } }).rwb.invoke('settings.userName', {}))
  expect(settings.value).toEqual({ userName: 'Ana Analyst', chosen: true })

  // Provenance folded away: the file name is not shown until Details is opened.
  const source = page.locator('.doc-source')
  await expect(source).toBeHidden()
  await page.getByText('Details', { exact: true }).click()
  await expect(source).toBeVisible()
  await expect(source).toContainText('NextFin - Scale AI Secures 500 Million Pentagon Deal.txt')
  await expect(source).toContainText(/SHA-256 [0-9a-f]{64}/)
  // One app name in the top bar.
  await expect(page.locator('.topbar')).toContainText('Research Workbench')
  expect((await page.locator('.topbar').innerText()).split('Research Workbench').length - 1).toBe(1)
  await app.quit()

  // Asked once: the next start does not ask again.
  const again = await launchApp(data.dir, { userName: null })
  await again.page.waitForTimeout(500)
  await expect(again.page.getByRole('dialog')).toHaveCount(0)
  await again.quit()
  data.cleanup()
})
