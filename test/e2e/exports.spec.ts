// The Export menu's data exports (issue 12): the GEXF with co-mentions entry
// writes a GEXF 1.3 file through the save dialog; the open menu is
// screenshotted for a person to look at.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { useFreshApp } from './freshApp'
import { REPO } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const fresh = useFreshApp()

test('Export → GEXF with Co-mentions writes the graph with every edge kind declared', async () => {
  const { page: p, native } = fresh.app
  const out = join(fresh.data.dir, 'with-co-mentions.gexf')
  native.saveAnswers.push(out)
  await p.getByRole('button', { name: 'Export ▾' }).click()
  const item = p.getByRole('menuitem', { name: /GEXF with co-mentions/i })
  await expect(item).toBeVisible()
  await p.screenshot({ path: join(SHOTS, 'export-menu.png') })
  await item.click()
  await expect(p.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible()
  const xml = readFileSync(out, 'utf8')
  expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"')
  expect(xml).toContain('<attribute id="edge_kind" title="kind" type="string"/>')
})
