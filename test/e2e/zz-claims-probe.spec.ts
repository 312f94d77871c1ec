import { join } from 'node:path'
import { test } from '@playwright/test'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'
test.afterAll(stopHarness)
test('probe narrow', async () => {
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app
  await page.evaluate(async () => {
    const inv = (window as any).rwb.invoke
    const a = (await inv('entities.create', { name: 'Scale AI', type: 'Company' })).value
    const b = (await inv('entities.create', { name: 'Department of Defense', type: 'PublicBody' })).value
    for (let i = 0; i < 30; i++) {
      const r = await inv('claims.create', { subjectId: i % 2 ? a.id : b.id, predicate: i % 3 ? 'valuation' : 'awarded contract to', object: i % 3 ? { kind: 'money', amount: String(1000000 * (i + 1)), currency: 'USD' } : { kind: 'entity', entityId: i % 2 ? b.id : a.id }, passage: { documentId: 1, start: 100 + i * 10, end: 160 + i * 10 }, reliability: 'ABCDEF'[i % 6], credibility: (i % 6) + 1, status: ['unverified', 'corroborated', 'disputed', 'refuted'][i % 4] })
      if (!r.ok) throw new Error(JSON.stringify(r))
    }
  })
  await page.setViewportSize({ width: 1150, height: 720 })
  await page.keyboard.press('Control+3')
  await page.waitForTimeout(800)
  await page.screenshot({ path: join(REPO, 'test/artifacts/zz-claims-narrow.png') })
  await page.getByRole('button', { name: /^Edit claim/ }).first().click()
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(REPO, 'test/artifacts/zz-claims-narrow-form.png') })
  await app.quit()
  data.cleanup()
})
