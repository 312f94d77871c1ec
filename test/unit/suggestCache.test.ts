// The suggestion cache is keyed by the names that can occur in a document
// (dictionary.ts entitiesIn): the subset must find exactly what the whole
// list finds on real pages, and through the app a new entity whose name is
// not in a document leaves that document's cached suggestions alone, while
// one whose name is there has them computed again (with the new name in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entitiesIn } from '../../src-main/core/suggest/dictionary'
import { suggestEntities } from '../../src-main/core/suggest/suggest'
import type { KnownEntity } from '../../src-main/core/suggest/types'
import { DEV_DOCS, goldText, HELD_OUT_DOCS, readGold } from '../support/suggestGold'
import { tempDir } from '../support/tempDir'
import { startSession, type Session } from './taggingSupport'

const TYPE = { PERSON: 'Person', ORG: 'Organization', LOC: 'Location', MONEY: 'Other', DATE: 'Other', EVENT: 'Event', PRODUCT: 'Other' } as const

describe('the names that can occur in a text', () => {
  it('find exactly what the whole list finds, on every gold page, with every page’s names in the list', () => {
    const gold = readGold()
    // Every labelled name of every page as an entity (its other spellings as aliases), plus names that occur nowhere.
    const byName = new Map<string, KnownEntity>()
    for (const spans of gold.values()) {
      for (const g of spans) if (!byName.has(g.text)) byName.set(g.text, { id: byName.size + 1, name: g.text, type: TYPE[g.type], aliases: [] })
    }
    const all = [...byName.values()]
    all[0]!.aliases = ['Qwzx Partners', 'the Prime Holdings']
    for (let i = 0; i < 500; i++) all.push({ id: 10_000 + i, name: `Zqv${i} Ventures`, type: 'Organization', aliases: [`ZQ${i}`] })
    let kept = 0
    for (const doc of [...DEV_DOCS, ...HELD_OUT_DOCS]) {
      const { text, lang } = goldText(doc)
      const some = entitiesIn(text, all)
      kept += some.length
      expect(some.length, doc).toBeLessThan(all.length)
      expect(suggestEntities(text, { lang, entities: some }), doc).toEqual(suggestEntities(text, { lang, entities: all }))
    }
    // The pages' own names are kept (each page keeps at least its own labelled ones), the made-up ones never.
    expect(kept).toBeGreaterThan(gold.size * 10)
  }, 60_000)

  it('matches a name by its first word as the dictionary does: case, "the", apostrophes, aliases', () => {
    const e = (id: number, name: string, aliases: string[] = []): KnownEntity => ({ id, name, type: 'Organization', aliases })
    const list = [e(1, 'Scale AI'), e(2, 'the Pentagon'), e(3, 'Department of Defense', ['DoD']), e(4, 'O’Brien & Co'), e(5, 'Nowhere Inc')]
    const ids = (text: string) => entitiesIn(text, list).map((x) => x.id)
    expect(ids('SCALE of the pentagon; the DoD said')).toEqual([1, 2, 3])
    // Its first word is "O" (apostrophes end a word), so either apostrophe keeps it, as the dictionary's pattern folds them.
    expect(ids("O'Brien spoke")).toEqual([4])
    expect(ids('O’Brien spoke')).toEqual([4])
    expect(ids('nowhere to be found')).toEqual([5])
    expect(ids('')).toEqual([])
  })
})

describe('the cache through the app', () => {
  const t = tempDir('rwb-suggest-cache-')
  let s: Session
  let seed: number

  beforeAll(async () => {
    s = await startSession(t.dir)
    seed = (await s.call('documents.list', {}))[0]!.id
    await s.core.suggestions.idle()
  }, 60_000)
  afterAll(async () => {
    await s.core.shutdown()
    t.cleanup()
  })

  it('keeps a document’s suggestions when a new entity cannot occur in it, and computes them again when it can', async () => {
    const before = await s.call('suggestions.forDocument', { documentId: seed })
    expect((await s.core.db().call('suggest.read', { documentId: seed })).cached).not.toBeNull()
    await s.call('entities.create', { name: 'Quorvex Dynamics', type: 'Company' })
    const still = await s.core.db().call('suggest.read', { documentId: seed })
    expect(still.cached?.suggestions).toEqual(before.suggestions)

    const pentagon = await s.call('entities.create', { name: 'Pentagon', type: 'Organization' })
    const stale = await s.core.db().call('suggest.read', { documentId: seed })
    expect(stale.cached).toBeNull()
    expect(stale.input!.entities.map((x) => x.name)).toEqual(['Pentagon'])
    const after = await s.call('suggestions.forDocument', { documentId: seed })
    const hits = after.suggestions.filter((x) => x.text === 'Pentagon')
    expect(hits.length).toBeGreaterThan(0)
    for (const h of hits) expect(h).toMatchObject({ source: 'dictionary', entityId: pentagon.id })
  })
})
