// Opening files, finding, removing tags and switching projects, as a user
// does them with the keyboard and mouse.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { dragSelect, tagNewEntity } from './actions'
import { useFreshApp } from './freshApp'
import { REPO, SHARED } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const SEED = join(REPO, 'seeds', 'NextFin - Scale AI Secures 500 Million Pentagon Deal.txt')

const HOSTILE = `<!doctype html><html><head><title>Hostile page</title>
<meta http-equiv="refresh" content="0;url=http://evil.invalid/refresh">
<base href="http://evil.invalid/">
<script>window.__pwned = 1; fetch('http://evil.invalid/script')</script>
<style>body { background: url(http://evil.invalid/css.png) }</style></head>
<body><article><h1>Hostile page</h1>
<p>First paragraph of a page that tries everything <img src="x" onerror="window.__pwned = 2; fetch('http://evil.invalid/img')"> to run code.</p>
<p>A <a href="javascript:window.__pwned=3">javascript link</a> and <iframe srcdoc="<script>parent.__pwned=4</script>"></iframe> an iframe.</p>
<p>An <svg onload="window.__pwned=5"><script>window.__pwned=6</script></svg> SVG and <object data="http://evil.invalid/obj"></object> object, <embed src="http://evil.invalid/embed">.</p>
<p>Enough words here to look like an article body to Readability, which wants some prose before it keeps a page as an article rather than as clutter around one.</p>
</article></body></html>`

const fresh = useFreshApp()

test('Ctrl+O imports pages, reports duplicates and failures, and never runs a page script', async () => {
  const { page, native } = fresh.app
  const hostile = join(fresh.data.dir, 'hostile.html')
  writeFileSync(hostile, HOSTILE)
  const notes = join(fresh.data.dir, 'notes.pdf')
  writeFileSync(notes, 'not really a pdf')
  native.openAnswers.push([join(SHARED, 'corpus/html/bbc-1/source.html'), hostile, SEED, notes])
  const open = page.getByRole('listbox', { name: 'Documents' }).locator('li[aria-selected="true"] .doc-list-title')
  const reading = await open.textContent()
  await page.keyboard.press('Control+o')
  const report = page.getByRole('status').filter({ hasText: 'Import' })
  await expect(report.locator('li')).toHaveCount(4)
  // A generic file name is told apart by its folder; an import of several files leaves the reader where it was.
  await expect(report.locator('li.import-imported').first()).toContainText('bbc-1/source.html')
  await expect(open).toHaveText(reading!)
  await expect(report.locator('li.import-imported')).toHaveCount(2)
  await expect(report.locator('li.import-duplicate')).toContainText('already in the project')
  await expect(report.locator('li.import-failed')).toContainText('not a PDF (corrupt or wrong format)')
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(3)

  // The BBC page reads as a clean article with its metadata.
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: /Obama admits/ }).click()
  await expect(page.locator('.doc-title')).toHaveText("Obama admits US gun laws are his 'biggest frustration'")
  await expect(page.locator('.doc-meta')).toContainText('BBC News')
  await page.screenshot({ path: join(SHOTS, 'reader-html.png') })

  // The hostile page: its prose is there, its code is not, and nothing ran.
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: /Hostile page/ }).click()
  await expect(page.locator('.doc-text')).toContainText('First paragraph of a page that tries everything')
  await expect(page.locator('.doc-text')).not.toContainText('__pwned')
  await expect(page.locator('.doc-text')).not.toContainText('background: url')
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await page.locator('.doc-text img, .doc-text iframe, .doc-text svg, .doc-text script, .doc-text a, .doc-text object, .doc-text embed').count()).toBe(0)
})

test('Ctrl+F finds in the document; Esc closes popovers; a tag can be removed', async () => {
  const { page } = fresh.app
  await page.keyboard.press('Control+f')
  const find = page.getByRole('search')
  await find.getByLabel('Find in document').fill('pentagon')
  await expect(find).toContainText(/1 of \d+/)
  const total = Number((await find.locator('.find-count').textContent())!.split(' of ')[1])
  expect(total).toBeGreaterThan(5)
  await expect(page.locator('.doc-text .find')).toHaveCount(total)
  await find.getByLabel('Find in document').press('Enter')
  await expect(find).toContainText(`2 of ${total}`)
  await find.getByLabel('Find in document').press('Shift+Enter')
  await find.getByLabel('Find in document').press('Shift+Enter')
  await expect(find).toContainText(`${total} of ${total}`)
  await page.keyboard.press('Escape')
  await expect(find).toBeHidden()
  await expect(page.locator('.doc-text .find')).toHaveCount(0)

  await dragSelect(page, 'Marcus Thorne')
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(pop).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(pop).toBeHidden()

  await tagNewEntity(page, 'Marcus Thorne', 'Person')
  await tagNewEntity(page, 'Global Security Institute', 'Organization')
  await page.screenshot({ path: join(SHOTS, 'reader-two-tags.png') })
  await page.locator('.doc-text .hl', { hasText: 'Marcus Thorne' }).click()
  const mp = page.getByRole('dialog', { name: 'Mention' })
  await expect(mp).toContainText('Marcus Thorne')
  await mp.getByRole('button', { name: 'Remove mention' }).click()
  await expect(page.locator('.doc-text .hl', { hasText: 'Marcus Thorne' })).toHaveCount(0)
  await expect(page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: /Marcus Thorne/ }).locator('.count')).toHaveText('0')

  // Tagging with an existing entity: type-ahead finds it, Enter picks it.
  await dragSelect(page, 'Thorne', 1)
  await page.getByRole('dialog', { name: 'Tag selection' }).getByLabel('Entity name').fill('marcus')
  await expect(page.getByRole('dialog', { name: 'Tag selection' }).getByRole('option').first()).toContainText('Marcus Thorne')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: /Marcus Thorne/ }).locator('.count')).toHaveText('1')

  // Jump from the entity's mention list back to the words in the reader.
  await page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: /Marcus Thorne/ }).click()
  await page.getByRole('region', { name: 'Entity Marcus Thorne' }).locator('.mention-jump').first().click()
  await expect(page.locator('.doc-text .flash')).toHaveCount(1)
  await expect(page.locator('.doc-text .flash')).toBeInViewport()
})

test('Project New, Save As and Recent switch projects without losing work', async () => {
  const { page, native } = fresh.app
  await tagNewEntity(page, 'Scale AI', 'Company')
  // One claim in the first project (an analyst judgement, made through the app's API).
  const made = await page.evaluate(async () => {
    const rwb = (window as unknown as { rwb: { invoke(m: string, a: unknown): Promise<{ ok: boolean; value?: unknown }> } }).rwb
    const ents = (await rwb.invoke('entities.list', {})).value as { id: number }[]
    return (await rwb.invoke('claims.create', { subjectId: ents[0]!.id, predicate: 'headcount', object: { kind: 'number', value: '600' }, analystJudgement: true })).ok
  })
  expect(made).toBe(true)
  const claimRows = page.getByRole('table', { name: 'Claims' }).getByRole('row', { name: /^Claim:/ })
  await page.getByRole('tab', { name: 'Claims' }).click()
  await expect(claimRows).toHaveCount(1)
  await page.getByRole('tab', { name: 'Reader' }).click()
  const first = join(fresh.data.dir, 'Research Workbench.rwb')

  const projects = join(fresh.data.dir, 'projects')
  mkdirSync(projects)
  native.saveAnswers.push(join(projects, 'Second'))
  await page.getByRole('button', { name: 'Project ▾' }).click()
  await page.getByRole('menuitem', { name: /New project/ }).click()
  await expect(page.locator('.project-name')).toHaveText('Second')
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: /No documents/ })).toHaveCount(0)
  await expect(page.locator('.doc-list .empty')).toBeVisible()
  expect(existsSync(join(projects, 'Second.rwb'))).toBe(true)
  // The other project's claims are not shown here.
  await page.getByRole('tab', { name: 'Claims' }).click()
  await expect(claimRows).toHaveCount(0)
  await page.getByRole('tab', { name: 'Reader' }).click()

  await page.getByRole('button', { name: 'Project ▾' }).click()
  await page.getByRole('menuitem', { name: /Research Workbench/ }).click()
  await expect(page.locator('.project-name')).toHaveText('Research Workbench')
  await expect(page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first()).toBeVisible()
  await page.getByRole('tab', { name: 'Claims' }).click()
  await expect(claimRows).toHaveCount(1)
  await page.getByRole('tab', { name: 'Reader' }).click()

  native.saveAnswers.push(join(projects, 'Copy for review.rwb'))
  await page.keyboard.press('Control+Shift+S')
  await expect(page.locator('.project-name')).toHaveText('Copy for review')
  await expect(page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first()).toBeVisible()
  expect(existsSync(join(projects, 'Copy for review.rwb'))).toBe(true)
  expect(existsSync(first)).toBe(true)
  await page.getByRole('button', { name: 'Project ▾' }).click()
  await expect(page.getByRole('menu')).toContainText('Second')
  await page.screenshot({ path: join(SHOTS, 'project-menu.png') })
})

test('search across documents ranks, marks the words and jumps to them', async () => {
  const { page, native } = fresh.app
  native.openAnswers.push([join(SHARED, 'corpus/html/bbc-1/source.html'), join(SHARED, 'corpus/html/guardian-1/source.html')])
  await page.keyboard.press('Control+o')
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(3)
  await page.keyboard.press('Control+Shift+F')
  await expect(page.getByLabel('Search all documents')).toBeFocused()
  await page.keyboard.type('gun laws')
  const results = page.getByRole('listbox', { name: 'Search results' })
  await expect(results.getByRole('option').first()).toContainText('Obama admits US gun laws')
  await expect(results.getByRole('option').first().locator('mark').first()).toHaveText(/gun|laws/i)
  await page.screenshot({ path: join(SHOTS, 'search.png') })
  await results.getByRole('option').first().click()
  await expect(page.locator('.doc-text .flash')).toBeInViewport()
  await expect(page.locator('.doc-text .flash')).toHaveText(/^(gun|laws|gun laws)$/i)

  // Nothing matches: a plain message, never an error.
  await page.getByLabel('Search all documents').fill('"unbalanced NEAR( quotes*')
  await expect(results).toContainText('No documents match')
  await page.getByLabel('Search all documents').press('Escape')
  await expect(page.getByRole('listbox', { name: 'Documents' })).toBeVisible()
})

test('tagging without the mouse: T opens the popover, a number picks the type, Enter tags', async () => {
  const { page } = fresh.app
  await dragSelect(page, 'TSG Invest')
  await page.keyboard.press('Escape') // close the popover the drag opened; the selection stays
  await expect(page.getByRole('dialog', { name: 'Tag selection' })).toBeHidden()
  await page.keyboard.press('t')
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(pop.getByLabel('Entity name')).toBeFocused()
  await expect(pop.getByLabel('Entity name')).toHaveValue('TSG Invest')
  await page.keyboard.press('3')
  await expect(pop.getByRole('radio', { name: 'Company', exact: true })).toHaveAttribute('aria-checked', 'true')
  await expect(pop.getByLabel('Entity name')).toHaveValue('TSG Invest')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: /TSG Invest/ })).toContainText('Company')

  // Once typing has started, digits belong to the name; Alt+number still picks the type.
  await dragSelect(page, '$500 million', 0)
  await page.keyboard.type('USD 500m')
  await page.keyboard.press('Alt+6')
  await expect(pop.getByLabel('Entity name')).toHaveValue('USD 500m')
  await expect(pop.getByRole('radio', { name: 'Money', exact: true })).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox', { name: 'Entity list' }).getByRole('option', { name: /USD 500m/ })).toContainText('Money')
})

test('the library sorts, filters, marks file types and is one Tab stop with arrow keys', async () => {
  const { page, native } = fresh.app
  native.openAnswers.push(['guardian-1', 'cnn', 'lemonde-1'].map((d) => join(SHARED, `corpus/html/${d}/source.html`)).concat(join(SHARED, 'corpus/pdf/tracemonkey.pdf'), join(SHARED, 'corpus/docx/simple-list.docx')))
  await page.keyboard.press('Control+o')
  const list = page.getByRole('listbox', { name: 'Documents' })
  await expect(list.getByRole('option')).toHaveCount(6, { timeout: 60_000 })
  await expect(list.getByRole('option', { name: /Trace-based/ }).locator('.kind-mark')).toHaveText('PDF')
  await expect(list.getByRole('option', { name: /Apple/ }).locator('.kind-mark')).toHaveText('DOC')

  // Sort by title: A–Z.
  await page.getByLabel('Sort documents by').selectOption('title')
  const titles = await list.locator('.doc-list-title').allTextContents()
  expect(titles).toEqual([...titles].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base', ignorePunctuation: true }).compare))
  // Filter: PDFs only, then tagged only (none yet beside the seed's), then everything again.
  await page.getByLabel('Show file type').selectOption('pdf')
  await expect(list.getByRole('option')).toHaveCount(1)
  await expect(page.locator('.library-filtered')).toContainText('1 of 6')
  await page.getByRole('button', { name: 'Show all' }).click()
  await expect(list.getByRole('option')).toHaveCount(6)
  await page.screenshot({ path: join(SHOTS, 'library-sorted.png') })

  // One Tab stop: Tab lands on one document, arrows move, Enter opens, Tab leaves the list.
  await page.getByLabel('Sort documents by').focus()
  await page.keyboard.press('Tab') // the type filter
  await page.keyboard.press('Tab') // the publisher filter
  await page.keyboard.press('Tab') // "Tagged"
  await page.keyboard.press('Tab')
  const focused = page.locator('.doc-list li:focus')
  await expect(focused).toHaveCount(1)
  expect(await list.locator('li[tabindex="0"]').count()).toBe(1)
  await page.keyboard.press('Home')
  await expect(focused).toHaveText(new RegExp(titles[0]!.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(focused).toContainText(titles[2]!.slice(0, 20))
  await page.keyboard.press('Enter')
  await expect(list.locator('li[aria-selected="true"] .doc-list-title')).toHaveText(titles[2]!)
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  await expect(focused).toContainText(titles[2]!.slice(0, 20))
})
