// Room and keyboard on the map (issue 11, with issue 13's panes), at
// 1440×900 and 1024×700: the side panes fold away and stay folded after the
// app is restarted, they resize from the keyboard, focus mode shows only the
// map and its toolbar and Escape leaves it, the toolbar is one row, the
// evidence panel never covers the node it is about and a click on it never
// reaches the map, and the map works from the keyboard alone with a live
// region saying what is selected. Screenshots go to test/artifacts/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'
import { makeRoomMap, NAMES } from './mapRoomSetup'

const SHOTS = join(REPO, 'test/artifacts')
mkdirSync(SHOTS, { recursive: true })
const SIZES = [
  [1440, 900],
  [1024, 700]
] as const

test.afterAll(stopHarness)

interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}
type Probe = { nodes(): { entityId: number; label: string; rx: number; ry: number }[]; box(id: number): Box }
const nodes = (page: Page) => page.evaluate(() => (window as unknown as { __rwbMap: Probe }).__rwbMap.nodes())
const nodeBox = (page: Page, id: number) => page.evaluate((i) => (window as unknown as { __rwbMap: Probe }).__rwbMap.box(i), id)

async function openMap(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Map' }).click()
  await expect(page.getByLabel('Relationship map')).toHaveAttribute('data-nodes', '10')
}

/** The top of every control shown in the map's toolbar row, and the row's height. */
async function toolbarRow(page: Page): Promise<{ height: number; tops: number[]; mids: number[]; right: number; rowRight: number }> {
  return page.locator('.map-toolbar').evaluate((row) => {
    const kids = [...row.querySelectorAll('button, select, input')].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getBoundingClientRect())
    const r = row.getBoundingClientRect()
    return { height: r.height, tops: kids.map((k) => k.top), mids: kids.map((k) => (k.top + k.bottom) / 2), right: Math.max(...kids.map((k) => k.right)), rowRight: r.right }
  })
}

test('side panes fold away and stay folded after a restart; they resize from the keyboard; focus mode; a one-row toolbar', async () => {
  test.setTimeout(300_000) // two sizes and two starts of the app
  const data = newDataDir()
  let app = await launchApp(data.dir)
  let page = app.page
  await makeRoomMap(page)
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h })
    await openMap(page)
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(SHOTS, `maproom-${w}x${h}-normal.png`) })
    // One row: every control sits on the same line (their middles agree; a checkbox is shorter than a button,
    // so the tops differ by a few pixels), none is cut off at the right, and the row is one control high.
    const row = await toolbarRow(page)
    expect(row.tops.length).toBeGreaterThan(4)
    expect(Math.max(...row.mids) - Math.min(...row.mids)).toBeLessThanOrEqual(2)
    expect(Math.max(...row.tops) - Math.min(...row.tops)).toBeLessThan(12)
    expect(row.height).toBeLessThan(48)
    expect(row.right).toBeLessThanOrEqual(row.rowRight + 0.5)
    // Whatever did not fit is one click away, and labelled.
    const more = page.getByRole('button', { name: 'More ▾' })
    if (await more.isVisible()) {
      await more.click()
      const panel = page.getByRole('group', { name: 'More map controls' })
      await expect(panel).toBeVisible()
      await page.screenshot({ path: join(SHOTS, `maproom-${w}x${h}-more.png`) })
      await page.keyboard.press('Escape')
      await expect(panel).toBeHidden()
      await expect(more).toBeFocused()
    }
    const normal = (await page.getByLabel('Relationship map').boundingBox())!

    // Focus mode: only the map and its toolbar; Escape leaves it.
    await page.keyboard.press('Control+Shift+M')
    await expect(page.locator('.topbar')).toHaveCount(0)
    await expect(page.getByRole('complementary', { name: 'Library' })).toBeHidden()
    await expect(page.getByRole('complementary', { name: 'Entities' })).toBeHidden()
    await expect(page.getByRole('toolbar', { name: 'Map' })).toBeVisible()
    const focused = (await page.getByLabel('Relationship map').boundingBox())!
    expect(focused.width).toBeGreaterThan(w - 2)
    expect(focused.height).toBeGreaterThan(normal.height)
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(SHOTS, `maproom-${w}x${h}-focus.png`) })
    const rowFocus = await toolbarRow(page)
    expect(Math.max(...rowFocus.mids) - Math.min(...rowFocus.mids)).toBeLessThanOrEqual(2)
    expect(rowFocus.right).toBeLessThanOrEqual(rowFocus.rowRight + 0.5)
    await page.keyboard.press('Escape')
    await expect(page.locator('.topbar')).toHaveCount(1)
    await expect(page.getByRole('complementary', { name: 'Library' })).toBeVisible()
    // And the toolbar's button does the same.
    await page.getByRole('button', { name: 'Focus mode', exact: true }).click()
    await expect(page.locator('.topbar')).toHaveCount(0)
    await page.getByRole('button', { name: 'Exit focus mode' }).click()
    await expect(page.locator('.topbar')).toHaveCount(1)
  }

  // Resizing from the keyboard: the separator is a focusable, valued splitter.
  await page.setViewportSize({ width: 1440, height: 900 })
  const sep = page.getByRole('separator', { name: 'Library width' })
  await expect(sep).toHaveAttribute('aria-valuenow', '270')
  await sep.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(sep).toHaveAttribute('aria-valuenow', '302')
  expect(Math.round((await page.getByRole('complementary', { name: 'Library' }).boundingBox())!.width)).toBe(302)
  // Dragging it works too.
  const sb = (await sep.boundingBox())!
  await page.mouse.move(sb.x + sb.width / 2, sb.y + 200)
  await page.mouse.down()
  await page.mouse.move(sb.x + sb.width / 2 - 62, sb.y + 220, { steps: 4 })
  await page.mouse.up()
  await expect(sep).toHaveAttribute('aria-valuenow', '240')

  // Folding: the top bar's toggle for the library, the shortcut for the entities.
  const before = (await page.getByLabel('Relationship map').boundingBox())!
  await page.getByRole('button', { name: 'Library pane' }).click()
  await expect(page.getByRole('button', { name: 'Library pane' })).toHaveAttribute('aria-pressed', 'false')
  await page.locator('body').press('Control+Shift+E')
  await expect(page.getByRole('complementary', { name: 'Library' })).toBeHidden()
  await expect(page.getByRole('complementary', { name: 'Entities' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Show library' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Show entities' })).toBeVisible()
  const folded = (await page.getByLabel('Relationship map').boundingBox())!
  expect(folded.width).toBeGreaterThan(before.width + 450)
  await page.waitForTimeout(500) // the layout is written a moment after the last change

  // Restart: the project opens with both panes folded, and the library's width kept.
  await app.quit()
  app = await launchApp(data.dir)
  page = app.page
  await expect(page.getByRole('button', { name: 'Show library' })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Library' })).toBeHidden()
  await expect(page.getByRole('complementary', { name: 'Entities' })).toBeHidden()
  await page.getByRole('button', { name: 'Show library' }).click()
  await expect(page.getByRole('complementary', { name: 'Library' })).toBeVisible()
  await expect(page.getByRole('separator', { name: 'Library width' })).toHaveAttribute('aria-valuenow', '240')
  await page.getByRole('button', { name: 'Show entities' }).click()
  await expect(page.getByRole('complementary', { name: 'Entities' })).toBeVisible()
  expect(app.consoleErrors).toEqual([])
  expect(app.foreignRequests).toEqual([])
  await app.quit()
  data.cleanup()
})

test('the evidence panel never covers the node it shows, and a click on it never reaches the map', async () => {
  test.setTimeout(240_000)
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  await makeRoomMap(page)
  for (const [w, h] of SIZES) {
    await page.setViewportSize({ width: w, height: h })
    await openMap(page)
    const canvas = (await page.getByLabel('Relationship map').boundingBox())!
    // The rightmost node: where the panel opens (once the map is laid out and fitted: under load that takes a while).
    const rightmost = async () => (await nodes(page)).sort((a, b) => b.rx - a.rx)[0]!
    await expect.poll(async () => (await rightmost()).rx, { timeout: 20_000 }).toBeGreaterThan(canvas.width - 320)
    await page.waitForTimeout(300)
    const right = await rightmost()
    await page.mouse.click(canvas.x + right.rx, canvas.y + right.ry)
    const panel = page.getByRole('complementary', { name: `Map entity ${right.label}` })
    await expect(panel).toBeVisible()
    const p = (await panel.boundingBox())!
    await expect
      .poll(async () => {
        const c = (await page.getByLabel('Relationship map').boundingBox())!
        const b = await nodeBox(page, right.entityId)
        const left = c.x + b.x1
        const rightEdge = c.x + b.x2
        // Inside the canvas, and wholly left of the panel.
        return left >= c.x && rightEdge <= c.x + c.width && rightEdge <= p.x && c.y + b.y1 >= c.y && c.y + b.y2 <= c.y + c.height
      })
      .toBe(true)
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(SHOTS, `maproom-${w}x${h}-evidence.png`) })
    // Clicks on the panel stay there: on its heading (over where the canvas was), nothing on the map changes.
    const heading = panel.getByRole('heading', { name: right.label })
    const hb = (await heading.boundingBox())!
    await page.mouse.click(hb.x + hb.width / 2, hb.y + hb.height / 2)
    await page.mouse.click(p.x + p.width / 2, p.y + p.height - 20)
    await expect(panel).toBeVisible()
    await expect(page.getByRole('tab', { name: 'Map' })).toHaveAttribute('aria-selected', 'true')
    // Escape closes it.
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
  }
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})

test('keyboard only: Tab reaches the map, arrows move between nodes, Enter opens the evidence, Escape closes, the live region says what is selected', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  const ids = await makeRoomMap(page)
  const tab = page.getByRole('tab', { name: 'Map' })
  await tab.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Relationship map')).toHaveAttribute('data-nodes', '10')
  await page.waitForTimeout(300)
  // Tab through the map's toolbar to the canvas: one stop.
  const canvas = page.getByRole('application', { name: 'Relationship map' })
  let presses = 0
  while (!(await canvas.evaluate((el) => el === document.activeElement)) && presses < 40) {
    await page.keyboard.press('Tab')
    presses++
  }
  await expect(canvas).toBeFocused()
  console.log(`Tab presses from the Map tab to the map: ${presses}`)
  // The first arrow picks the node nearest the middle; then Right walks the zigzag left to right.
  await page.keyboard.press('ArrowRight')
  const live = page.locator('#map-live')
  await expect(live).not.toHaveText('')
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight')
  // The rightmost node: Accel, a company, with one claim (its link from Department of Defense).
  await expect(live).toHaveText('Accel, Company, 1 claim')
  await page.keyboard.press('ArrowLeft')
  await expect(live).toHaveText('Department of Defense, Public body, 2 claims')
  // Left five more times: back along the chain to Meta (a company with links to Alexandr Wang, NextFin and Scale AI).
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
  await expect(live).toHaveText('Meta, Company, 3 claims')
  await expect(page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { selected: true })).toContainText('Meta')
  // Enter opens the evidence, Escape closes it and leaves the focus on the map.
  await page.keyboard.press('Enter')
  const panel = page.getByRole('complementary', { name: 'Map entity Meta' })
  await expect(panel).toBeVisible()
  await expect(live).toContainText('Evidence shown')
  await expect(canvas).toBeFocused()
  await page.screenshot({ path: join(SHOTS, 'maproom-keyboard-evidence.png') })
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  await expect(canvas).toBeFocused()
  // The node menu from the keyboard: it takes the focus; Escape closes it and gives the focus back.
  await page.keyboard.press('Shift+F10')
  const menu = page.getByRole('menu', { name: 'Node Meta' })
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(canvas).toBeFocused()
  expect(ids).toHaveLength(NAMES.length)
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})

test('the window shrinks from 1440×900 to 1024×700: a fitted map is fitted again; a map the analyst zoomed keeps its middle', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  await makeRoomMap(page)
  await page.setViewportSize({ width: 1440, height: 900 })
  await openMap(page)
  const canvas = page.getByLabel('Relationship map')
  /** Nodes whose disc is not wholly inside the canvas. */
  const outside = async () => {
    const c = (await canvas.boundingBox())!
    const out: string[] = []
    for (const n of await nodes(page)) {
      const b = await nodeBox(page, n.entityId)
      if (b.x1 < 0 || b.y1 < 0 || b.x2 > c.width || b.y2 > c.height) out.push(n.label)
    }
    return out
  }
  await expect.poll(outside).toEqual([])
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect.poll(outside).toEqual([])
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(SHOTS, 'maproom-resized-1024x700.png') })
  // Back to 1440: still fitted, so fitted again (the map grows back into the room).
  const zoomSmall = await page.evaluate(() => (window as unknown as { __rwbMap: { zoom(): number } }).__rwbMap.zoom())
  await page.setViewportSize({ width: 1440, height: 900 })
  await expect.poll(() => page.evaluate(() => (window as unknown as { __rwbMap: { zoom(): number } }).__rwbMap.zoom())).toBeGreaterThan(zoomSmall * 1.1)
  await expect.poll(outside).toEqual([])

  // Zoomed in from the keyboard: the view is the analyst's now. A resize keeps what is in the middle in the middle.
  await canvas.focus()
  await page.keyboard.press('+')
  await page.keyboard.press('+')
  await page.waitForTimeout(300)
  const middle = async () => {
    const c = (await canvas.boundingBox())!
    return (await nodes(page)).map((n) => ({ label: n.label, dx: n.rx - c.width / 2, dy: n.ry - c.height / 2 })).sort((a, b) => Math.hypot(a.dx, a.dy) - Math.hypot(b.dx, b.dy))[0]!
  }
  const m0 = await middle()
  const z0 = await page.evaluate(() => (window as unknown as { __rwbMap: { zoom(): number } }).__rwbMap.zoom())
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeLessThan(1024)
  await page.waitForTimeout(300)
  const m1 = await middle()
  expect(m1.label).toBe(m0.label)
  expect(Math.abs(m1.dx - m0.dx)).toBeLessThan(2)
  expect(Math.abs(m1.dy - m0.dy)).toBeLessThan(2)
  expect(await page.evaluate(() => (window as unknown as { __rwbMap: { zoom(): number } }).__rwbMap.zoom())).toBeCloseTo(z0, 6)
  expect(app.consoleErrors).toEqual([])
  await app.quit()
  data.cleanup()
})
