// Entities on the sample article: aliases, "Tag all mentions", merge and
// split, a custom type with its own colour, notes, delete with its preview;
// then a restart over the same project finds all of it intact.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { dragSelect, tagNewEntity } from './actions'
import { launchApp, newDataDir, REPO, stopHarness } from './harness'

const SHOTS = join(REPO, 'test/artifacts')
const DOD = 'Department of Defense'
const SEED = readdirSync(join(REPO, 'seeds')).find((f) => f.endsWith('.txt'))!
const SEED_TEXT = readFileSync(join(REPO, 'seeds', SEED), 'utf8')

/** Whole-word, case-folded occurrences in the sample, counted independently of the app. */
function occurrences(phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
  return SEED_TEXT.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))?.length ?? 0
}

/** Distinct mentions highlighted in the reader whose tooltip names the entity. */
async function highlightedMentions(page: Page, label: string): Promise<number> {
  return page.evaluate((label) => {
    const ids = new Set<string>()
    for (const el of document.querySelectorAll<HTMLElement>('.doc-text .hl')) {
      const titles = (el.title || '').split('\n')
      const idsHere = (el.dataset.mentions || '').split(' ')
      titles.forEach((t, i) => t === label && ids.add(idsHere[i]!))
    }
    return ids.size
  }, label)
}

function entityOption(page: Page, name: string): Locator {
  const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
  return page.getByRole('listbox', { name: 'Entity list' }).getByRole('option').filter({ has: page.locator('.name', { hasText: exact }) })
}

async function selectEntity(page: Page, name: string): Promise<Locator> {
  const detail = page.getByRole('region', { name: `Entity ${name}` })
  if (!(await detail.isVisible())) await entityOption(page, name).click()
  await expect(detail).toBeVisible()
  return detail
}

test.afterAll(stopHarness)

test('aliases, tag all, merge and split, custom types, notes and delete survive a restart', async () => {
  mkdirSync(SHOTS, { recursive: true })
  const data = newDataDir()
  const app = await launchApp(data.dir)
  const { page } = app

  // The sample says "Department of Defense" and "the Pentagon"; it never says "DoD".
  const nameHits = occurrences(DOD)
  const pentagonHits = occurrences('the Pentagon')
  expect(nameHits).toBe(3)
  expect(pentagonHits).toBeGreaterThan(5)
  expect(occurrences('DoD')).toBe(0)

  await tagNewEntity(page, DOD, 'Public body')
  let detail = await selectEntity(page, DOD)

  // Aliases: typed, Enter adds; shown as chips.
  const aliasInput = detail.getByLabel('Add alias')
  await aliasInput.fill('DoD')
  await aliasInput.press('Enter')
  await expect(aliasInput).toHaveValue('')
  await aliasInput.fill('the Pentagon')
  await aliasInput.press('Enter')
  const aliases = detail.getByRole('list', { name: 'Aliases' })
  await expect(aliases.locator('.alias-name')).toHaveText(['DoD', 'the Pentagon'])
  // A duplicate alias is refused and the typed text stays to be corrected.
  await aliasInput.fill('DoD')
  await aliasInput.press('Enter')
  const refused = page.getByRole('alert').filter({ hasText: 'already has the alias “DoD”' })
  await expect(refused).toBeVisible()
  await expect(aliasInput).toHaveValue('DoD')
  await aliasInput.fill('')
  await refused.getByRole('button', { name: 'Dismiss' }).click()
  // Nothing else went wrong on the way.
  await expect(page.getByRole('alert')).toHaveCount(0)

  // Notes: typed, saved when the field is left.
  const notes = detail.getByRole('textbox', { name: 'Notes' })
  await notes.fill('US ministry of defence; also called the Pentagon after its HQ.')
  await aliasInput.focus()
  await expect(detail.getByText('Not saved yet')).toBeHidden()
  await page.screenshot({ path: join(SHOTS, 'entity-detail.png') })

  // Tag all mentions in this document: name + aliases, one list to confirm.
  await detail.getByRole('button', { name: 'Tag all mentions…' }).click()
  const tagAll = page.getByRole('dialog', { name: `Tag all mentions of ${DOD}` })
  await expect(tagAll.getByRole('radio', { name: 'This document' })).toBeChecked()
  const places = tagAll.getByRole('list', { name: 'Places to tag' }).getByRole('listitem')
  await expect(places).toHaveCount(nameHits + pentagonHits)
  await expect(tagAll.getByText(`${nameHits + pentagonHits} places found, 1 already tagged`)).toBeVisible()
  // The one tagged by hand is shown as such, not offered again.
  const already = places.filter({ hasText: 'already tagged' })
  await expect(already).toHaveCount(1)
  await expect(already.getByRole('checkbox')).toBeDisabled()
  await expect(places.filter({ hasText: 'awarded Scale AI a $500 million contract' }).first()).toBeVisible()
  await expect(tagAll.locator('mark', { hasText: /^the Pentagon$/i })).toHaveCount(pentagonHits)
  await expect(tagAll.locator('mark', { hasText: DOD })).toHaveCount(nameHits)
  await expect(places.first()).toContainText('Scale AI Secures $500 Million Pentagon Deal')
  const confirmBtn = tagAll.getByRole('button', { name: /^Tag \d+ mentions?$/ })
  await expect(confirmBtn).toHaveText(`Tag ${nameHits + pentagonHits - 1} mentions`)
  // Unticking one leaves it out.
  const lastCandidate = places.last()
  await lastCandidate.getByRole('checkbox').uncheck()
  await expect(confirmBtn).toHaveText(`Tag ${nameHits + pentagonHits - 2} mentions`)
  await tagAll.locator('.tag-all-list').evaluate((el) => (el.scrollTop = 0))
  await page.screenshot({ path: join(SHOTS, 'entity-tag-all.png') })
  await lastCandidate.getByRole('checkbox').check()
  // All documents: the sample is the only one, so the same places (ticks start afresh).
  await tagAll.getByRole('radio', { name: 'All documents' }).check()
  await expect(places).toHaveCount(nameHits + pentagonHits)
  await expect(confirmBtn).toHaveText(`Tag ${nameHits + pentagonHits - 1} mentions`)
  await confirmBtn.click()
  await expect(tagAll).toBeHidden()
  const total = nameHits + pentagonHits
  await expect.poll(() => highlightedMentions(page, `${DOD} (Public body)`)).toBe(total)
  await expect(entityOption(page, DOD).locator('.count')).toHaveText(String(total))
  await expect(detail.locator('.mention-list li')).toHaveCount(total)

  // The filter finds an entity by its alias.
  const filter = page.getByLabel('Filter entities')
  await filter.fill('dod')
  await expect(page.getByRole('listbox', { name: 'Entity list' }).getByRole('option')).toHaveCount(1)
  await expect(page.getByRole('listbox', { name: 'Entity list' }).getByRole('option')).toContainText(`${DOD} · DoD`)
  await filter.fill('')

  // A duplicate: "Pentagon" in the headline tagged as its own entity. The
  // popover offers the Department of Defense through its alias first.
  await dragSelect(page, 'Pentagon')
  const dupPop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(dupPop.getByRole('option').first()).toContainText(`${DOD} · the Pentagon`)
  await dupPop.getByRole('radio', { name: 'Organization', exact: true }).click()
  await dupPop.getByLabel('Entity name').press('Enter')
  await expect(dupPop).toBeHidden()
  detail = await selectEntity(page, 'Pentagon')
  await expect(entityOption(page, 'Pentagon')).toContainText('Organization')

  // Merge it into the Department of Defense.
  await detail.getByRole('button', { name: 'Merge…' }).click()
  const merge = page.getByRole('dialog', { name: 'Merge Pentagon' })
  // The shared type-ahead: aliases match here too, and the first Esc closes only the list.
  const mergeBox = merge.getByRole('combobox', { name: 'Entity to merge with' })
  await mergeBox.fill('dod')
  await expect(merge.getByRole('option').first()).toContainText(`${DOD} · DoD`)
  await mergeBox.press('Escape')
  await expect(merge.getByRole('listbox')).toBeHidden()
  await expect(merge).toBeVisible()
  await merge.getByRole('combobox', { name: 'Entity to merge with' }).fill('depart')
  await merge.getByRole('combobox', { name: 'Entity to merge with' }).press('Enter')
  const plan = merge.getByLabel('Merge preview')
  await expect(plan).toContainText(`Pentagon into ${DOD}`)
  await expect(plan).toContainText('1 mention in 1 document')
  await expect(plan).toContainText('“Pentagon” becomes an alias of Department of Defense')
  await page.screenshot({ path: join(SHOTS, 'entity-merge.png') })
  // Enter (the choice made) merges, as the Merge button does.
  await merge.getByRole('combobox', { name: 'Entity to merge with' }).press('Enter')
  await expect(merge).toBeHidden()
  await expect(entityOption(page, 'Pentagon')).toHaveCount(0)
  detail = page.getByRole('region', { name: `Entity ${DOD}` })
  await expect(detail.getByRole('list', { name: 'Aliases' }).locator('.alias-name')).toHaveText(['DoD', 'Pentagon', 'the Pentagon'])
  await expect(entityOption(page, DOD).locator('.count')).toHaveText(String(total + 1))
  await expect.poll(() => highlightedMentions(page, `${DOD} (Public body)`)).toBe(total + 1)
  const history = detail.getByRole('list', { name: 'Past merges' })
  await expect(history).toContainText('Merged from Pentagon on')
  await page.screenshot({ path: join(SHOTS, 'entity-detail-merged.png') })

  // Split it off again: the entity, its mention and the alias list come back as they were.
  await history.getByRole('button', { name: 'Split Pentagon off again' }).click()
  await expect(entityOption(page, 'Pentagon')).toHaveCount(1)
  await expect(entityOption(page, 'Pentagon').locator('.count')).toHaveText('1')
  await expect(entityOption(page, 'Pentagon')).toContainText('Organization')
  await expect(detail.getByRole('list', { name: 'Aliases' }).locator('.alias-name')).toHaveText(['DoD', 'the Pentagon'])
  await expect(entityOption(page, DOD).locator('.count')).toHaveText(String(total))
  await expect(detail.getByRole('list', { name: 'Past merges' })).toHaveCount(0)
  await expect.poll(() => highlightedMentions(page, 'Pentagon (Organization)')).toBe(1)

  // A custom type with its own colour and icon, used when tagging.
  await page.getByRole('button', { name: 'Types…' }).click()
  const types = page.getByRole('dialog', { name: 'Entity types' })
  await expect(types.getByRole('listitem', { name: 'Public body' })).toContainText('built-in')
  const newType = types.getByRole('group', { name: 'New type' })
  await newType.getByLabel('Type label').fill('Security tier')
  await newType.getByLabel('Type colour as hex').fill('#aa00cc')
  await newType.getByLabel('Type icon').fill('⚔')
  await newType.getByRole('button', { name: 'Add type' }).click()
  await expect(types.getByRole('listitem', { name: 'Security tier' })).toBeVisible()
  // Edit its label; the key (and entities of the type) stay.
  await types.getByRole('button', { name: 'Edit Security tier' }).click()
  await types.getByRole('listitem', { name: 'Edit Security tier' }).getByLabel('Type label').fill('Security level')
  await types.getByRole('listitem', { name: 'Edit Security tier' }).getByRole('button', { name: 'Save' }).click()
  await expect(types.getByRole('listitem', { name: 'Security level' })).toContainText('⚔')
  await page.screenshot({ path: join(SHOTS, 'entity-types.png') })
  await page.keyboard.press('Escape')
  await expect(types).toBeHidden()

  await dragSelect(page, 'Impact Levels 6 and 7')
  const pop = page.getByRole('dialog', { name: 'Tag selection' })
  await expect(pop.getByRole('radio', { name: 'Security level' })).toBeVisible()
  await page.screenshot({ path: join(SHOTS, 'entity-tag-popover-custom-type.png') })
  await pop.getByRole('radio', { name: 'Security level' }).click()
  await pop.getByLabel('Entity name').press('Enter')
  const tierHl = page.locator('.doc-text .hl', { hasText: 'Impact Levels 6 and 7' }).first()
  await expect(tierHl).toBeVisible()
  expect(await tierHl.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgba\(170, 0, 204, 0\.\d+\)$/)
  detail = await selectEntity(page, 'Impact Levels 6 and 7')
  await expect(detail.getByLabel('Entity type')).toHaveValue('SecurityTier')
  await expect(detail.getByLabel('Entity type').locator('option:checked')).toHaveText('⚔ Security level')
  // Notes: Ctrl+Enter saves without leaving the field.
  const tierNotes = detail.getByRole('textbox', { name: 'Notes' })
  await tierNotes.fill('IL6 = SECRET, IL7 = TOP SECRET/SCI per the article.')
  await expect(detail.getByText('Not saved yet')).toBeVisible()
  await tierNotes.press('Control+Enter')
  await expect(detail.getByText('Not saved yet')).toBeHidden()
  await expect(tierNotes).toBeFocused()
  // Rename: Enter saves; the highlight's tooltip follows.
  await detail.getByRole('button', { name: 'Rename entity' }).click()
  await detail.getByLabel('Entity name').fill('Impact Levels 6–7')
  await detail.getByLabel('Entity name').press('Enter')
  detail = page.getByRole('region', { name: 'Entity Impact Levels 6–7' })
  await expect(detail.locator('h3')).toHaveText('Impact Levels 6–7')
  await expect(tierHl).toHaveAttribute('title', 'Impact Levels 6–7 (Security level)')

  // Delete the split-off Pentagon: the preview spells out what goes with it.
  detail = await selectEntity(page, 'Pentagon')
  await detail.getByRole('button', { name: 'Delete…' }).click()
  const del = page.getByRole('dialog', { name: 'Delete Pentagon?' })
  const preview = del.getByLabel('What is deleted')
  await expect(preview).toContainText('1 mention in 1 document')
  await expect(preview).toContainText('0 claims about it, links included')
  await expect(preview).toContainText('0 aliases')
  await page.screenshot({ path: join(SHOTS, 'entity-delete.png') })
  await del.getByRole('button', { name: 'Delete entity' }).click()
  await expect(del).toBeHidden()
  await expect(entityOption(page, 'Pentagon')).toHaveCount(0)
  await expect.poll(() => highlightedMentions(page, 'Pentagon (Organization)')).toBe(0)

  expect(app.foreignRequests).toEqual([])
  expect(app.consoleErrors).toEqual([])
  await app.quit()

  // Restart over the same data folder.
  const again = await launchApp(data.dir)
  const p2 = again.page
  await expect.poll(() => highlightedMentions(p2, `${DOD} (Public body)`)).toBe(total)
  const tier2 = p2.locator('.doc-text .hl', { hasText: 'Impact Levels 6 and 7' }).first()
  await expect.poll(() => tier2.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgba\(170, 0, 204, 0\.\d+\)$/)
  await expect(tier2).toHaveAttribute('title', 'Impact Levels 6–7 (Security level)')
  const d2 = await selectEntity(p2, DOD)
  await expect(d2.getByRole('list', { name: 'Aliases' }).locator('.alias-name')).toHaveText(['DoD', 'the Pentagon'])
  await expect(d2.getByRole('textbox', { name: 'Notes' })).toHaveValue('US ministry of defence; also called the Pentagon after its HQ.')
  const tier2Detail = await selectEntity(p2, 'Impact Levels 6–7')
  await expect(tier2Detail.getByRole('textbox', { name: 'Notes' })).toHaveValue('IL6 = SECRET, IL7 = TOP SECRET/SCI per the article.')
  await expect(tier2Detail.getByLabel('Entity type').locator('option:checked')).toHaveText('⚔ Security level')
  await expect(entityOption(p2, DOD).locator('.count')).toHaveText(String(total))
  await p2.getByRole('button', { name: 'Types…' }).click()
  await expect(p2.getByRole('dialog', { name: 'Entity types' }).getByRole('listitem', { name: 'Security level' })).toBeVisible()
  expect(again.consoleErrors).toEqual([])
  await again.quit()
  data.cleanup()
})
