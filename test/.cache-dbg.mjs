import { buildPage, serve } from './bench/map.mjs'
import { chromium } from '@playwright/test'
import { findChromium } from './bench/lib/chromium.mjs'
await buildPage()
const { server, origin } = await serve()
const b = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] })
const page = await b.newPage({ viewport: { width: 1280, height: 800 } })
page.on('pageerror', (e) => console.log('ERR', e.message))
await page.goto(`${origin}/index.html`)
await page.waitForFunction(() => document.title === 'ready')
await page.evaluate(() => window.bench.setup(2, 0, 'canvas'))
const r = await page.evaluate(() => {
  const cy = window.__cy
  cy.elements().remove()
  cy.add([
    { group: 'nodes', data: { id: 'a', label: 'Department of Defense', display: 'Department of Defense', color: '#2b8a3e', size: 40 }, position: { x: 0, y: 0 } },
    { group: 'nodes', data: { id: 'b', label: 'Scale AI', display: 'Scale AI\nvaluation: up to 29,000,000,000 USD', color: '#7048e8', size: 40 }, position: { x: 350, y: -8 } },
    { group: 'edges', classes: 'claim grade-strong', data: { id: 'x', source: 'a', target: 'b', label: 'awarded', display: 'awarded contract to · B2', parallel: true } },
    { group: 'edges', classes: 'claim grade-weak', data: { id: 'y', source: 'b', target: 'a', label: 'deploys', display: 'deploys data foundry for · C3', parallel: true } }
  ])
  cy.fit(undefined, 100)
  const before = cy.edges().map((e) => { const p = e._private; return { id: e.id(), lbX: p.rscratch.labelX, lbY: p.rscratch.labelY, allpts: p.rscratch.allpts, type: p.rscratch.edgeType } })
  const res = [window.bench.fitLabels(), cy.edges().map((e) => [e.data('lx'), e.data('ly')])]
  cy.nodes('#b').position({ x: 350, y: 30 })
  res.push(window.bench.fitLabels(), cy.edges().map((e) => [e.data('lx'), e.data('ly')]))
  res.push(window.bench.fitLabels(), cy.edges().map((e) => [e.data('lx'), e.data('ly')]))
  res.push(window.bench.fitLabels(), cy.edges().map((e) => [e.data('lx'), e.data('ly')]))
  cy.elements().boundingBox({ includeLabels: true })
  const after = cy.edges().map((e) => { const p = e._private; return { id: e.id(), lx: e.data('lx'), ly: e.data('ly'), lbX: p.rscratch.labelX, lbY: p.rscratch.labelY, angle: p.rstyle.labelAngle, main: p.labelBounds.main, allpts: p.rscratch.allpts } })
  return { before, res, after }
})
console.log(JSON.stringify(r.res))
await page.screenshot({ path: '/tmp/dbg/pair.png' })
await b.close(); server.close()
