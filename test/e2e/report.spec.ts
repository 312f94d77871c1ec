// Export → Evidence report… from the UI, on the sample article with claims
// of every kind (made through the core, then the page reloaded): from the
// map, a Word document with the map image as drawn on screen; from the
// claims view filtered to refuted claims, an HTML file with only those,
// opened in Chromium and photographed (test/artifacts/report-*.png).
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import mammoth from 'mammoth'
import { PNG } from 'pngjs'
import yauzl from 'yauzl'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')

test.afterAll(stopHarness)

function pngsInZip(path: string): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      const out: Buffer[] = []
      zip.on('entry', (e: yauzl.Entry) => {
        if (!/^word\/media\/.*\.png$/.test(e.fileName)) return zip.readEntry()
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2)
          const chunks: Buffer[] = []
          s.on('data', (c: Buffer) => chunks.push(c))
          s.on('end', () => (out.push(Buffer.concat(chunks)), zip.readEntry()))
        })
      })
      zip.on('end', () => resolve(out))
      zip.readEntry()
    })
  })
}

test('evidence report: from the map with its image (docx), from the filtered claims view (html)', async () => {
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible()

  // Claims on the seed article, made through the core as the claim dialog would.
  const db = app.core.db()
  const [seed] = await db.call('documents.list', {})
  const text = (await db.call('documents.get', { id: seed!.id })).text
  const span = (q: string) => ({ documentId: seed!.id, start: text.indexOf(q), end: text.indexOf(q) + q.length })
  const ent = async (name: string, type: string) => (await db.call('entities.create', { name, type })).id
  const scale = await ent('Scale AI', 'Company')
  const dod = await ent('U.S. Department of Defense', 'PublicBody')
  const meta = await ent('Meta', 'Company')
  const nextfin = await ent('NextFin', 'Source')
  const petrov = await ent('Иван Петров', 'Person')
  const acme = await ent('Acme <&> "Quoted" Ltd', 'Company')
  await db.call('aliases.add', { entityId: dod, name: 'the Pentagon' })
  await db.call('aliases.add', { entityId: petrov, name: 'Ivan Petrov' })
  const awarded = 'The U.S. Department of Defense has awarded Scale AI a $500 million contract'
  await db.call('claims.create', { subjectId: dod, predicate: 'awarded contract to', object: { kind: 'entity', entityId: scale }, passage: span(awarded), attribution: [{ entityId: nextfin, role: 'reported by' }], reliability: 'B', credibility: 2, status: 'corroborated', notes: 'Checked.' })
  await db.call('claims.create', { subjectId: scale, predicate: 'valuation', object: { kind: 'money', amount: '29000000000', currency: 'USD' }, qualifier: 'up to', passage: span('as high as $29 billion'), reliability: 'C', credibility: 3 })
  await db.call('claims.create', { subjectId: scale, predicate: 'backed by', object: { kind: 'entity', entityId: meta }, passage: span('the Meta-backed startup'), reliability: 'D', credibility: 5, status: 'refuted', notes: 'Minority stake only.' })
  await db.call('claims.create', { subjectId: petrov, predicate: 'advises', object: { kind: 'entity', entityId: acme }, analystJudgement: true, reliability: 'F', credibility: 6, notes: 'My judgement.' })
  await page.reload()
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible()

  // 1. From the map: the claims it shows, with its image, as Word.
  await page.keyboard.press('Control+2')
  const canvas = page.getByLabel('Relationship map')
  await expect(canvas).toHaveAttribute('data-nodes', '6')
  await page.waitForTimeout(800) // the layout settles
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await page.getByRole('menuitem', { name: /Evidence report…/ }).click()
  const dlg = page.getByRole('dialog', { name: 'Evidence report' })
  await expect(dlg.getByRole('radio', { name: /Shown on the map “Main map” \(4 claims\)/ })).toBeChecked()
  await expect(dlg.getByRole('checkbox', { name: 'Include the map as it is on screen' })).toBeChecked()
  await page.screenshot({ path: join(SHOTS, 'report-dialog.png') })
  const docxPath = join(data.dir, 'evidence.docx')
  app.native.saveAnswers.push(docxPath)
  await dlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Evidence report (4 claims, with the map) saved to ${docxPath}` })).toBeVisible({ timeout: 60_000 })
  const words = (await mammoth.extractRawText({ path: docxPath })).value
  for (const s of ['U.S. Department of Defense — awarded contract to — Scale AI', 'Scale AI — valuation — up to 29,000,000,000 USD', 'Scale AI — backed by — Meta', 'Иван Петров — advises — Acme <&> "Quoted" Ltd'])
    expect(words).toContain(s)
  expect(words).toContain(`“${awarded}”`)
  expect(words).toContain(seed!.sha256)
  expect(words).toContain('the Pentagon')
  expect(words).toContain('Refuted: shown to be false')
  const [image] = await pngsInZip(docxPath)
  const png = PNG.sync.read(image!)
  expect(png.width).toBeGreaterThan(200)
  let dark = 0
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 200 || png.data[i + 1]! < 200 || png.data[i + 2]! < 200) dark++
  expect(dark / (png.width * png.height)).toBeGreaterThan(0.002) // the map is drawn, not blank

  // 2. From the claims view filtered to refuted claims: only that claim, as HTML, no image.
  await page.keyboard.press('Control+3')
  await page.getByRole('toolbar', { name: 'Claim filters' }).getByLabel('Status').selectOption('refuted')
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await page.getByRole('menuitem', { name: /Evidence report…/ }).click()
  await expect(dlg.getByRole('radio', { name: /Listed in the claims view \(1 claim\)/ })).toBeChecked()
  await expect(dlg.getByRole('checkbox', { name: 'Include the map as it is on screen' })).toBeDisabled()
  await dlg.getByRole('radio', { name: /Web page/ }).check()
  const htmlPath = join(data.dir, 'refuted')
  app.native.saveAnswers.push(htmlPath)
  await dlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Evidence report (1 claim) saved to ${htmlPath}.html` })).toBeVisible({ timeout: 30_000 })
  const html = readFileSync(`${htmlPath}.html`, 'utf8')
  expect(html).toContain('Scale AI — backed by — Meta')
  expect(html).not.toContain('awarded contract to')
  expect(html).toContain("the claims view&#39;s filters: status refuted")

  // Opened in Chromium as a reader would: it renders, and asks for nothing.
  const view = await page.context().newPage()
  await view.setContent(html)
  await expect(view.getByRole('heading', { level: 1 })).toContainText('Evidence report: Research Workbench')
  await expect(view.getByRole('heading', { name: /backed by/ })).toBeVisible()
  await view.screenshot({ path: join(SHOTS, 'report-html.png'), fullPage: true })
  // The full report (with the map) as HTML too, photographed for a person to look at.
  await page.keyboard.press('Control+2')
  await expect(canvas).toHaveAttribute('data-nodes', '6')
  await page.getByRole('button', { name: 'Export ▾' }).click()
  await page.getByRole('menuitem', { name: /Evidence report…/ }).click()
  await dlg.getByRole('radio', { name: /Web page/ }).check()
  app.native.saveAnswers.push(join(data.dir, 'full.html'))
  await dlg.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('status').filter({ hasText: `with the map) saved to ${join(data.dir, 'full.html')}` })).toBeVisible({ timeout: 60_000 })
  await view.setContent(readFileSync(join(data.dir, 'full.html'), 'utf8'))
  await expect(view.locator('figure img')).toBeVisible()
  expect(await view.locator('figure img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(200)
  await view.screenshot({ path: join(SHOTS, 'report-html-full.png'), fullPage: true })
  await view.close()
  await app.quit()
  data.cleanup()
})
