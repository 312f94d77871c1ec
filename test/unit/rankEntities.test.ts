// The one entity ranking every type-ahead uses (ui/rankEntities.ts): exact
// name > exact alias > prefix > word prefix > substring, case- and
// diacritic-insensitive, ties by mention count then name.
import { describe, expect, it } from 'vitest'
import type { Entity, EntityAlias } from '@contract/types'
import { aliasesByEntity, fold, hasExactName, rankEntities, TIER } from '../../src-renderer/src/ui/rankEntities'

let nextId = 1
const ent = (name: string, mentionCount = 0, type = 'Organization'): Entity => ({ id: nextId++, name, type, notes: '', mentionCount, createdAt: '' })
const aliasIndex = (pairs: [Entity, string][]) =>
  aliasesByEntity(pairs.map(([e, name], i): EntityAlias => ({ id: i + 1, entityId: e.id, name, createdAt: '' })))
const names = (ms: { entity: Entity }[]) => ms.map((m) => m.entity.name)

describe('rankEntities', () => {
  const def = ent('Def')
  const dept = ent('Dept Engineering Foundation')
  const diu = ent('Defense Innovation Unit', 2)
  const dod = ent('Department of Defense', 5, 'PublicBody')
  const undef = ent('Undefined Corp', 9)
  const papers = ent('Pentagon Papers', 1)
  const scale = ent('Scale AI', 3, 'Company')
  const all = [undef, dod, diu, dept, def, papers, scale]
  const aliases = aliasIndex([
    [dept, 'DEF'],
    [dod, 'DoD'],
    [dod, 'the Pentagon'],
    [scale, 'Scale']
  ])

  it('orders exact name, exact alias, prefix, word prefix, substring, whatever the mention counts', () => {
    const r = rankEntities(all, aliases, 'def')
    expect(names(r)).toEqual(['Def', 'Dept Engineering Foundation', 'Defense Innovation Unit', 'Department of Defense', 'Undefined Corp'])
    expect(r.map((m) => m.tier)).toEqual([TIER.exactName, TIER.exactAlias, TIER.prefix, TIER.wordPrefix, TIER.substring])
    expect(r[1]!.alias).toBe('DEF')
  })

  it('breaks ties by mention count (most first), then by name', () => {
    const acme = [ent('Acme Gamma', 3), ent('Acme Beta', 7), ent('Acme Alpha', 3), ent('acme delta', 3)]
    expect(names(rankEntities(acme, new Map(), 'acme'))).toEqual(['Acme Beta', 'Acme Alpha', 'acme delta', 'Acme Gamma'])
  })

  it('finds an entity by an alias and says which alias matched', () => {
    expect(rankEntities(all, aliases, 'dod').map((m) => [m.entity.id, m.alias])).toEqual([[dod.id, 'DoD']])
    // "Pentagon Papers" starts with it; the DoD has it only as a word of an alias.
    expect(rankEntities(all, aliases, 'pentagon').map((m) => [m.entity.name, m.alias])).toEqual([
      ['Pentagon Papers', null],
      ['Department of Defense', 'the Pentagon']
    ])
    expect(rankEntities(all, aliases, 'The  Pentagon')[0]).toMatchObject({ entity: dod, alias: 'the Pentagon', tier: TIER.exactAlias })
  })

  it('reports a name match as such when an alias matches no better', () => {
    expect(rankEntities(all, aliases, 'sca')).toEqual([{ entity: scale, alias: null, tier: TIER.prefix }])
    expect(rankEntities(all, aliases, 'defense').map((m) => [m.entity.name, m.alias])).toEqual([
      ['Defense Innovation Unit', null],
      ['Department of Defense', null]
    ])
  })

  it('ignores case, diacritics and spacing, in the query and in the names', () => {
    const zurich = ent('Zürich  Insurance')
    const jose = ent('José Martí'.normalize('NFD'))
    const r = (q: string) => rankEntities([zurich, jose], new Map(), q)
    expect(r('zurich')).toEqual([{ entity: zurich, alias: null, tier: TIER.prefix }])
    expect(r('ZÜRICH INSURANCE')[0]!.tier).toBe(TIER.exactName)
    expect(r('marti'.normalize('NFC'))).toEqual([{ entity: jose, alias: null, tier: TIER.wordPrefix }])
    expect(r('jose marti')[0]!.tier).toBe(TIER.exactName)
  })

  it('counts a word start after punctuation, not inside a word', () => {
    const r = rankEntities([ent('Al-Qaeda'), ent('Qatar Airways'), ent('Iraq')], new Map(), 'qa')
    expect(r.map((m) => [m.entity.name, m.tier])).toEqual([
      ['Qatar Airways', TIER.prefix],
      ['Al-Qaeda', TIER.wordPrefix]
    ])
    expect(rankEntities([ent('Iraqi Army')], new Map(), 'aq')[0]!.tier).toBe(TIER.substring)
  })

  it('returns every entity, most mentioned first, for an empty query; nothing for a miss; at most the limit', () => {
    expect(names(rankEntities(all, aliases, '  ', 3))).toEqual(['Undefined Corp', 'Department of Defense', 'Scale AI'])
    expect(rankEntities(all, aliases, 'NATO')).toEqual([])
    expect(rankEntities(all, aliases, 'e')).toHaveLength(7)
    expect(rankEntities(all, aliases, 'e', 2)).toHaveLength(2)
  })
})

describe('hasExactName', () => {
  const es = [ent('Zürich Insurance'), ent('Scale AI')]
  it('matches names folded, never aliases or an empty query', () => {
    expect(hasExactName(es, ' zurich   insurance ')).toBe(true)
    expect(hasExactName(es, 'scale ai')).toBe(true)
    expect(hasExactName(es, 'Scale')).toBe(false)
    expect(hasExactName(es, '')).toBe(false)
  })
})

describe('fold', () => {
  it('lower-cases, strips accents and collapses spaces', () => {
    expect(fold('  Ångström\u00a0 Labs ')).toBe('angstrom labs')
  })
})
