// A damaged project is never overwritten; its last good save is offered.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

test.afterAll(stopHarness)

test('a damaged project offers its last good backup, and the damaged file is left as it is', async () => {
  const data = newDataDir()
  const first = await launchApp(data.dir)
  await tagNewEntity(first.page, 'Scale AI', 'Company')
  await first.page.waitForTimeout(600) // autosave
  await first.core.db().save()
  // a second save, so the backup holds the tag too
  await tagNewEntity(first.page, 'Department of Defense', 'Public body')
  await first.core.db().save()
  await first.quit()

  const project = join(data.dir, 'Research Workbench.rwb')
  const bytes = readFileSync(project)
  // Damage the file: zero a stretch in the middle of its pages.
  const damaged = Buffer.from(bytes)
  damaged.fill(0xa5, 4096, Math.min(damaged.length, 4096 * 4))
  writeFileSync(project, damaged)

  const again = await launchApp(data.dir)
  const banner = again.page.getByRole('alert').filter({ hasText: 'could not be opened' })
  await expect(banner).toBeVisible()
  await again.page.screenshot({ path: join(REPO, 'test/artifacts/recovery.png') })
  await banner.getByRole('button', { name: 'Open last good backup' }).click()
  await expect(banner).toBeHidden()
  await expect(again.page.locator('.project-name')).toContainText('recovered')
  await expect(again.page.locator('.doc-text .hl', { hasText: 'Scale AI' }).first()).toBeVisible()
  expect(readFileSync(project).equals(damaged)).toBe(true)
  expect(again.foreignRequests).toEqual([])
  await again.quit()
  data.cleanup()
})
